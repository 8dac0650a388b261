import { findSource } from './domain/catalogue';
import { defineRule } from './rule';

export default defineRule({
  id: 'linkage-undescribed',
  severity: 'warning',
  description: {
    en: 'Two or more identifiable sources are used and the descriptor does not say how they are linked.',
    nb: 'To eller flere identifiserbare kilder brukes, og prosjektbeskrivelsen sier ikke hvordan de kobles.',
  },
  remediation: {
    en: 'Add a `linkage` section: the model (distributed or centralised) and which sources are linked with which.',
    nb: 'Legg til en `linkage`-seksjon: modellen (distribuert eller sentralisert) og hvilke kilder som kobles med hvilke.',
  },
  provisions: ['gdpr-5-1-b', 'gdpr-89-1'],
  seed: {
    file: 'helsedata-pii-application.en.txt',
    quote: 'If you are requesting data from different sources, you must communicate this clearly in your application and describe what data you want to link.',
  },
  seedNb: { page: 'helsedata.no, «Søknadshjelp: personidentifiserbare opplysninger»', url: 'https://helsedata.no/no/soknadshjelp-personidentifiserbare/', quote: 'Skal du søke om opplysninger fra flere datakilder, må du kommunisere dette tydelig i søknaden din og beskrive hvilke opplysninger du ønsker å sammenstille.' },
  fixes: ['add-linkage'],
  messages: {
    undescribed: {
      en: 'The project uses {count} identifiable sources but has no `linkage` section; describe how they are linked.',
      nb: 'Prosjektet bruker {count} identifiserbare kilder, men har ingen `linkage`-seksjon; beskriv hvordan de kobles.',
    },
  },
  check({ model, report }) {
    if (model.linkage.present) return;
    const identifiable = model.dataSources.filter((d) => {
      const s = findSource(d.source);
      return s !== undefined && s.identifiability !== 'de-identified';
    });
    if (identifiable.length < 2) return;
    const ids = identifiable.map((d) => d.id).filter((id): id is string => id !== undefined);
    const links = ids.slice(1).map((id, i) => [ids[i], id]);
    return report(
      {
        path: ['data_sources'],
        target: 'key',
        message: 'undescribed',
        args: { count: identifiable.length },
        fixes: [
          {
            id: 'add-linkage',
            title: { en: 'Add a `linkage` section linking the sources in turn (check the model)', nb: 'Legg til en `linkage`-seksjon som kobler kildene etter hverandre (sjekk modellen)' },
            edits: [{ op: 'insert', path: [], key: 'linkage', value: { model: 'centralized', links } }],
          },
        ],
      }
    );
  },
});
