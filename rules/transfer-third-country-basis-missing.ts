import { countryName, listOf } from './domain/text';
import { EU_EEA } from './domain/vocabulary';
import { defineRule } from './rule';

export default defineRule({
  id: 'transfer-third-country-basis-missing',
  severity: 'error',
  description: {
    en: 'Data goes to a country outside the EU/EEA and no transfer basis (adequacy decision, appropriate safeguards or a derogation) is stated.',
    nb: 'Data sendes til et land utenfor EU/EØS, og ikke noe overføringsgrunnlag (beslutning om tilstrekkelig beskyttelsesnivå, nødvendige garantier eller unntak) er oppgitt.',
  },
  remediation: {
    en: 'With the data protection officer, find the GDPR chapter V basis for the transfer and state it as `data_management.transfer_abroad.basis`: `adequacy` (art. 45), `safeguards` such as standard contractual clauses (art. 46), or `derogation` (art. 49).',
    nb: 'Finn sammen med personvernombudet grunnlaget for overføringen etter personvernforordningen kapittel V, og oppgi det som `data_management.transfer_abroad.basis`: `adequacy` (art. 45), `safeguards`, for eksempel standardkontrakt (art. 46), eller `derogation` (art. 49).',
  },
  provisions: ['gdpr-44', 'gdpr-45', 'gdpr-46', 'gdpr-49'],
  seed: {
    file: 'helsedata-pii-application.en.txt',
    quote: 'If the data sets is to be sent to research institutions abroad, it is important that there is a data processor agreement',
  },
  fixes: ['insert-transfer-basis'],
  messages: {
    missing: {
      en: '{countries} {verb} outside the EU/EEA, and no `transfer_abroad.basis` is stated. A transfer there needs a basis under GDPR chapter V (adequacy decision, appropriate safeguards or a derogation): state it as `transfer_abroad.basis`.',
      nb: '{countries} ligger utenfor EU/EØS, og ingen `transfer_abroad.basis` er oppgitt. En overføring dit krever grunnlag etter personvernforordningen kapittel V (beslutning om tilstrekkelig beskyttelsesnivå, nødvendige garantier eller unntak): oppgi det som `transfer_abroad.basis`.',
    },
  },
  check({ model, report }) {
    const dm = model.dataManagement;
    if (!dm.transferAbroad || dm.transferBasis) return;
    const outside = dm.transferCountries.filter((c) => !EU_EEA.has(c));
    if (!outside.length) return;
    report({
      path: ['data_management', 'transfer_abroad', 'countries'],
      message: 'missing',
      args: { countries: { en: listOf(outside.map((c) => countryName(c, 'en')), 'en'), nb: listOf(outside.map((c) => countryName(c, 'nb')), 'nb') }, verb: outside.length === 1 ? 'is' : 'are' },
      fixes: [
        {
          id: 'insert-transfer-basis',
          title: { en: 'Add `basis: safeguards` (standard contractual clauses; confirm with the DPO)', nb: 'Legg til `basis: safeguards` (standardkontrakt; avklar med personvernombudet)' },
          edits: [{ op: 'insert', path: ['data_management', 'transfer_abroad'], key: 'basis', value: 'safeguards' }],
        },
      ],
    });
  },
});
