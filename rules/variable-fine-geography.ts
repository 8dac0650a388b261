import { coarsenTitle, FINE_RESIDENCE, FINE_TREATMENT, GRANULARITY_TEXT } from './domain/vocabulary';
import { defineRule } from './rule';


export default defineRule({
  id: 'variable-fine-geography',
  severity: 'warning',
  description: {
    en: 'Place of residence is finer than county, or place of treatment finer than health region.',
    nb: 'Bosted er finere enn fylke, eller behandlingssted finere enn helseregion.',
  },
  remediation: {
    en: 'Ask whether county (residence) or health region (place of treatment) is enough; justify a finer level if it is really needed.',
    nb: 'Spør om fylke (bosted) eller helseregion (behandlingssted) er nok; begrunn et finere nivå hvis det virkelig trengs.',
  },
  provisions: ['gdpr-5-1-c', 'gdpr-89-1'],
  seed: { file: 'helsedata-pii-application.en.txt', quote: 'Can you group residence by county rather than municipality?' },
  seedNb: { page: 'helsedata.no, «Før du skriver søknad»', url: 'https://helsedata.no/soknadshjelp/for-soknad/', quote: 'Kan du gruppere bosted ut fra fylke heller enn kommune?' },
  fixes: ['coarsen-to-county', 'coarsen-to-health-region'],
  messages: {
    residence: {
      en: '`{name}` gives place of residence by {granularity}; can the project use county instead?',
      nb: '`{name}` oppgir bosted på {granularity}; kan prosjektet bruke fylke i stedet?',
    },
    treatment: {
      en: '`{name}` gives place of treatment by {granularity}; would health region be enough?',
      nb: '`{name}` oppgir behandlingssted på {granularity}; holder det med helseregion?',
    },
  },
  check({ model, report }) {
    for (const v of model.variables) {
      const g = v.granularity;
      if (!g) continue;
      const residence = FINE_RESIDENCE.has(g);
      if (!residence && !FINE_TREATMENT.has(g)) continue;
      const to = residence ? 'county' : 'health-region';
      const path = [...v.path, 'granularity'];
      report({
        path,
        message: residence ? 'residence' : 'treatment',
        args: { name: v.name ?? `data_sources[${v.sourceIndex}].variables[${v.index}]`, granularity: GRANULARITY_TEXT[g] ?? g },
        fixes: [
          {
            id: residence ? 'coarsen-to-county' : 'coarsen-to-health-region',
            title: coarsenTitle(g, to),
            edits: [{ op: 'set', path, value: to }],
          },
        ],
      });
    }
  },
});
