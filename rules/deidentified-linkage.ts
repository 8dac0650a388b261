import { findSource } from './domain/catalogue';
import type { Finding } from './domain/types';
import { defineRule } from './rule';

export default defineRule({
  id: 'deidentified-linkage',
  severity: 'error',
  description: {
    en: 'A de-identified registry (NOIS, NORM, RAVN, the abortion registry) is linked with another source.',
    nb: 'Et avidentifisert register (NOIS, NORM, RAVN, abortregisteret) kobles med en annen kilde.',
  },
  remediation: {
    en: 'Remove the link: de-identified registries cannot be linked with other sources, self-collected data or biological material. Analyse them separately.',
    nb: 'Fjern koblingen: avidentifiserte registre kan ikke kobles med andre kilder, egeninnsamlede data eller biologisk materiale. Analyser dem hver for seg.',
  },
  provisions: ['hregl-9b'],
  seed: {
    file: 'helsedata-pii-application.en.txt',
    quote: 'NOIS, NORM, RAVN and the Norwegian Abortion Register are de-identified registries and cannot be linked to other sources, self-collected data or biological material.',
  },
  fixes: ['remove-link'],
  messages: {
    linked: {
      en: '{source} is de-identified and cannot be linked with other sources; remove this link.',
      nb: '{source} er avidentifisert og kan ikke kobles med andre kilder; fjern denne koblingen.',
    },
  },
  check({ model, report }) {
    const byId = new Map(model.dataSources.filter((d) => d.id).map((d) => [d.id!, d]));
    for (const link of model.linkage.links) {
      link.ids.forEach((id, i) => {
        const s = findSource(byId.get(id)?.source);
        if (!s || s.linkable) return;
        report({
          path: [...link.path, i],
          message: 'linked',
          args: { source: { en: s.name.en, nb: s.name.nb } },
          fixes: [{ id: 'remove-link', title: { en: 'Remove this link', nb: 'Fjern denne koblingen' }, preferred: true, edits: [{ op: 'delete', path: link.path }] }],
        });
      });
    }
  },
});
