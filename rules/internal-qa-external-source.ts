import { findSource } from './domain/catalogue';
import { sameOrganisation } from './domain/organisations';
import { defineRule } from './rule';

export default defineRule({
  id: 'internal-qa-external-source',
  severity: 'error',
  description: {
    en: 'Internal quality assurance uses data other than the institution\'s own patient records.',
    nb: 'Intern kvalitetssikring bruker andre data enn virksomhetens egne pasientjournaler.',
  },
  remediation: {
    en: 'Internal quality assurance covers only the institution\'s own treatment records. For registries or other institutions\' data, choose quality improvement or research and apply for an exemption.',
    nb: 'Intern kvalitetssikring omfatter bare virksomhetens egne behandlingsrettede registre. For registre eller andres data, velg kvalitetsforbedring eller forskning og søk dispensasjon.',
  },
  provisions: ['hpl-26', 'pjl-2d'],
  seed: {
    file: 'avklare-formal.nb.txt',
    quote: 'Virksomhetens ledelse kan beslutte at helseopplysninger fra behandlingsrettet helseregister (pasientjournal m.m.) i virksomheten skal benyttes til intern kvalitetssikring',
  },
  fixes: [],
  messages: {
    external: {
      en: 'Internal quality assurance cannot use {source}. It may use only the institution\'s own patient records: choose quality improvement or research instead.',
      nb: 'Intern kvalitetssikring kan ikke bruke {source}. Den kan bare bruke virksomhetens egne pasientjournaler: velg kvalitetsforbedring eller forskning i stedet.',
    },
    otherHolder: {
      en: 'Internal quality assurance cannot use the patient records held by {holder}. It covers only the institution\'s own records, and these are not held by {institution}.',
      nb: 'Intern kvalitetssikring kan ikke bruke pasientjournalene fra {holder}. Den gjelder bare virksomhetens egne journaler, og det er ikke {institution} som har disse.',
    },
  },
  check({ model, report }) {
    if (model.purpose.category !== 'internal-quality-assurance') return;
    const institution = model.project.institution;
    for (const ds of model.dataSources) {
      const s = findSource(ds.source);
      if (!s) continue;
      if (s.id !== 'patient-records') {
        report({ path: [...ds.path, 'source'], message: 'external', args: { source: { en: s.name.en, nb: s.name.nb } } });
      } else if (ds.holder && institution && !sameOrganisation(ds.holder, institution)) {
        report({ path: [...ds.path, 'holder'], message: 'otherHolder', args: { holder: ds.holder, institution } });
      }
    }
  },
});
