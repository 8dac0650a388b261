import { defineRule } from './rule';

export default defineRule({
  id: 'variable-justification-missing',
  severity: 'warning',
  description: {
    en: 'A variable has no justification; every variable must be shown to be necessary for the purpose.',
    nb: 'En variabel mangler begrunnelse; hver variabel må vises å være nødvendig for formålet.',
  },
  remediation: {
    en: 'Add `justification:` saying why the project needs this variable at this level of detail, or drop the variable.',
    nb: 'Legg til `justification:` som sier hvorfor prosjektet trenger denne variabelen på dette detaljnivået, eller fjern variabelen.',
  },
  provisions: ['gdpr-5-1-c'],
  seed: {
    file: 'helsedata-pii-application.en.txt',
    quote: 'justify its necessity and relevance for your study in your applications',
  },
  seedNb: { page: 'helsedata.no, «Før du skriver søknad»', url: 'https://helsedata.no/soknadshjelp/for-soknad/', quote: 'Vurder derfor nøye hvilke variabler du har behov for.' },
  fixes: ['insert-justification'],
  messages: {
    missing: {
      en: '`{name}` has no justification; say why the project needs it (data minimisation).',
      nb: '`{name}` mangler begrunnelse; forklar hvorfor prosjektet trenger den (dataminimering).',
    },
  },
  check({ model, report }) {
    for (const v of model.variables) {
      if (v.justification !== undefined && v.justification.trim() !== '') continue;
      const hasKey = v.name !== undefined;
      report({
        path: hasKey ? [...v.path, 'name'] : v.path,
        message: 'missing',
        args: { name: v.name ?? `data_sources[${v.sourceIndex}].variables[${v.index}]` },
        fixes: [
          {
            id: 'insert-justification',
            title: { en: 'Add a `justification:` placeholder', nb: 'Legg til en `justification:`-plassholder' },
            edits: [
              v.justification === undefined
                ? { op: 'insert', path: v.path, key: 'justification', value: 'To be written: why the project needs this variable' }
                : { op: 'set', path: [...v.path, 'justification'], value: 'To be written: why the project needs this variable' },
            ],
          },
        ],
      });
    }
  },
});
