import { PURPOSE_INFO, purposeWords, type Purpose } from './domain/vocabulary';
import { findSource } from './domain/catalogue';
import { defineRule } from './rule';

/** Purposes the amendment act LOV-2025-06-20-71 opens for health-registry data regardless of the registry's purpose. */
const CHANGING_PURPOSES: ReadonlySet<string> = new Set(['health-research', 'other-research', 'statistics', 'product-development']);

export default defineRule({
  id: 'purpose-source-mismatch',
  severity: 'error',
  description: {
    en: 'A data source is asked for a purpose it may not be used for (purpose limitation).',
    nb: 'En datakilde brukes til et formål den ikke kan brukes til (formålsbegrensning).',
  },
  remediation: {
    en: 'Choose sources whose purposes include the project\'s, or reconsider the project\'s purpose; the custodian can advise.',
    nb: 'Velg kilder som kan brukes til prosjektets formål, eller vurder formålet på nytt; registerforvalteren kan gi råd.',
  },
  provisions: ['gdpr-5-1-b'],
  seed: {
    file: 'helsedata-pii-application.en.txt',
    quote: 'In order to gain access to information from a data source, the purpose of the project must be compatible with the purpose(s) of the data source.',
  },
  fixes: [],
  messages: {
    mismatch: {
      en: '{source} may not be used for {purpose}. It serves: {allowed}.',
      nb: '{source} kan ikke brukes til {purpose}. Kilden kan brukes til: {allowed}.',
    },
    changing: {
      en: '{source} may not be used for {purpose}. Under its regulation, it serves: {allowed}. The amendment act LOV-2025-06-20-71 lets health-registry data be used for research, statistics and decision-support tools whatever the registry\'s purpose, but its in-force date is not confirmed: check lovdata.no.',
      nb: '{source} kan ikke brukes til {purpose}. Etter forskriften kan kilden brukes til: {allowed}. Endringsloven LOV-2025-06-20-71 lar opplysninger fra helseregistre brukes til forskning, statistikk og beslutningsstøtteverktøy uavhengig av registerets formål, men ikrafttredelsen er ikke bekreftet: sjekk lovdata.no.',
    },
  },
  check({ model, report }) {
    const purpose = model.purpose.category;
    if (!purpose) return;
    for (const ds of model.dataSources) {
      const s = findSource(ds.source);
      if (!s || s.purposes.includes(purpose)) continue;
      const allowed = {
        en: s.purposes.map((p) => `${PURPOSE_INFO[p as Purpose]?.name.en.toLowerCase() ?? p} (\`${p}\`)`).join(', '),
        // Norwegian reads the purposes by name only; the ids are for the descriptor.
        nb: s.purposes.map((p) => PURPOSE_INFO[p as Purpose]?.name.nb.toLowerCase() ?? `\`${p}\``).join(', '),
      };
      const changing = s.kind === 'central-health-register' && CHANGING_PURPOSES.has(purpose);
      report({
        path: [...ds.path, 'source'],
        message: changing ? 'changing' : 'mismatch',
        // The source by its short name: a full name can be 85 characters, and the first sentence is for the Problems panel.
        args: { source: { en: s.abbreviation ?? s.name.en, nb: s.abbreviation ?? s.name.nb }, purpose: purposeWords(purpose), allowed },
        data: { allowed: s.purposes },
      });
    }
  },
});
