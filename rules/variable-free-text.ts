import { defineRule } from './rule';

export default defineRule({
  id: 'variable-free-text',
  severity: 'warning',
  description: {
    en: 'A variable is requested as free text, which can identify a person indirectly.',
    nb: 'En variabel er etterspurt som fritekst, som indirekte kan identifisere en person.',
  },
  remediation: {
    en: 'Ask for a coded or categorised variable instead; where free text is needed, say in the justification how names, dates and places are removed before the data reach the project.',
    nb: 'Be om en kodet eller kategorisert variabel i stedet; der fritekst trengs, forklar i begrunnelsen hvordan navn, datoer og steder fjernes før dataene kommer til prosjektet.',
  },
  provisions: ['gdpr-5-1-c', 'gdpr-89-1'],
  seed: {
    file: 'helsedata-pii-application.en.txt',
    quote: 'If you request variables and information at a level that makes the individuals indirectly identifiable, the application may have to be adjusted to safeguard privacy.',
  },
  seedNb: { page: 'helsedata.no, «Søknadshjelp: personidentifiserbare opplysninger»', url: 'https://helsedata.no/no/soknadshjelp-personidentifiserbare/', quote: 'Dersom du ber om variabler og opplysninger på et nivå som innebærer at personene blir indirekte identifiserbare kan det være at søknaden må justeres for å ivareta personvernet.' },
  fixes: [],
  messages: {
    free: {
      en: '`{name}` is requested as free text, which often holds names, dates and places that identify a person. Ask for a coded or categorised variable, or explain how the text is cleaned.',
      nb: '`{name}` er etterspurt som fritekst, som ofte inneholder navn, datoer og steder som identifiserer en person. Etterspør heller en kodet eller kategorisert variabel, eller forklar hvordan teksten renses.',
    },
  },
  check({ model, report }) {
    for (const v of model.variables) {
      if (v.granularity !== 'free-text') continue;
      report({ path: [...v.path, 'granularity'], message: 'free', args: { name: v.name ?? `data_sources[${v.sourceIndex}].variables[${v.index}]` } });
    }
  },
});
