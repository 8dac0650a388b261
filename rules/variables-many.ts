import { defineRule } from './rule';

export default defineRule({
  id: 'variables-many',
  severity: 'information',
  description: {
    en: 'The descriptor asks for many variables, which raises the risk that people can be identified.',
    nb: 'Prosjektbeskrivelsen etterspør mange variabler, noe som øker risikoen for at personer kan identifiseres.',
  },
  remediation: {
    en: 'Go through the list and keep only what the research questions need; fewer variables raise the chance of approval. The threshold is configurable (`variables_many.threshold`).',
    nb: 'Gå gjennom listen og behold bare det forskningsspørsmålene trenger; færre variabler gir større sjanse for godkjenning. Terskelen kan endres (`variables_many.threshold`).',
  },
  provisions: ['gdpr-5-1-c'],
  seed: { file: 'helsedata-pii-application.en.txt', quote: 'The more variables you request access to, the greater the risk that individuals can be identified.' },
  seedNb: { page: 'helsedata.no, «Før du skriver søknad»', url: 'https://helsedata.no/soknadshjelp/for-soknad/', quote: 'Desto flere variabler det søkes om, jo større er risikoen for at enkeltpersoner kan identifiseres.' },
  fixes: [],
  messages: {
    many: {
      en: 'The descriptor asks for {count} variables (more than {threshold}); each one adds to the risk of identifying people. Keep only what the research questions need.',
      nb: 'Prosjektbeskrivelsen etterspør {count} variabler (flere enn {threshold}); hver variabel øker risikoen for å identifisere personer. Behold bare det forskningsspørsmålene trenger.',
    },
  },
  check({ model, options, report }) {
    const count = model.variables.length;
    if (count <= options.variablesManyThreshold) return;
    return report({ path: ['data_sources'], target: 'key', message: 'many', args: { count, threshold: options.variablesManyThreshold } });
  },
});
