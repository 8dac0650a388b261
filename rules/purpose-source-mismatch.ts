import { findSource } from './domain/catalogue';
import type { Finding } from './domain/types';
import { defineRule } from './rule';

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
      en: '{source} may not be used for `{purpose}`; it serves: {allowed}.',
      nb: '{source} kan ikke brukes til `{purpose}`; kilden kan brukes til: {allowed}.',
    },
  },
  check({ model, report }) {
    const purpose = model.purpose.category;
    if (!purpose) return;
    for (const ds of model.dataSources) {
      const s = findSource(ds.source);
      if (!s || s.purposes.includes(purpose)) continue;
      report({
        path: [...ds.path, 'source'],
        message: 'mismatch',
        args: { source: { en: s.name.en, nb: s.name.nb }, purpose, allowed: s.purposes.join(', ') },
        data: { allowed: s.purposes },
      });
    }
  },
});
