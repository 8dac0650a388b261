import { adequacyAsOf, adequacyDecisions, adequacyGap, type AdequacyGap } from './domain/adequacy';
import { countryName } from './domain/text';
import type { Localized } from './domain/types';
import { EU_EEA } from './domain/vocabulary';
import { defineRule } from './rule';

/** Why adequacy does not cover the transfer, short for the first sentence; `more` for what follows it. */
const WHY: Record<AdequacyGap, Localized & { more?: Localized }> = {
  none: { en: 'it has no adequacy decision', nb: 'landet har ingen beslutning om tilstrekkelig beskyttelsesnivå' },
  pending: { en: 'its adequacy decision does not yet apply in Norway through the EEA Agreement', nb: 'beslutningen om tilstrekkelig beskyttelsesnivå gjelder ennå ikke i Norge gjennom EØS-avtalen' },
  ended: { en: 'its adequacy decision has ended', nb: 'beslutningen om tilstrekkelig beskyttelsesnivå er utløpt' },
  'not-certified': {
    en: '`dpf_certified: true` is not stated',
    nb: '`dpf_certified: true` er ikke oppgitt',
    more: {
      en: ' Its adequacy decision covers only organisations certified under the EU-US Data Privacy Framework.',
      nb: ' Beslutningen om tilstrekkelig beskyttelsesnivå gjelder bare virksomheter som er sertifisert under EU-US Data Privacy Framework.',
    },
  },
};

export default defineRule({
  id: 'transfer-adequacy-unknown',
  severity: 'error',
  description: {
    en: 'A transfer abroad rests on an adequacy decision, but a country it goes to has none that covers it.',
    nb: 'En overføring til utlandet bygger på en beslutning om tilstrekkelig beskyttelsesnivå, men et av mottakerlandene har ingen som dekker den.',
  },
  remediation: {
    en: 'With the data protection officer, find another basis under GDPR chapter V: appropriate safeguards such as standard contractual clauses (`basis: safeguards`, art. 46) or, narrowly, a derogation (`basis: derogation`, art. 49). For the United States, adequacy covers only recipients certified under the EU-US Data Privacy Framework (`dpf_certified: true`).',
    nb: 'Finn sammen med personvernombudet et annet grunnlag etter personvernforordningen kapittel V: nødvendige garantier som standard personvernbestemmelser (`basis: safeguards`, art. 46) eller, snevert, et unntak (`basis: derogation`, art. 49). For USA dekker beslutningen bare mottakere som er sertifisert under EU-US Data Privacy Framework (`dpf_certified: true`).',
  },
  provisions: ['gdpr-45', 'gdpr-46', 'gdpr-49', 'gdpr-44'],
  seed: { file: 'rules.md', quote: '`transfer_abroad.basis: adequacy` for a country without an adequacy decision in the rule pack\'s dated list' },
  fixes: [],
  messages: {
    missing: {
      en: '`basis: adequacy` does not cover the transfer to {country}: {why}.{more} This follows the Commission\'s list as of {asOf}. Use appropriate safeguards or, narrowly, a derogation.',
      nb: '`basis: adequacy` dekker ikke overføringen til {country}: {why}.{more} Dette bygger på Kommisjonens liste per {asOf}. Bruk nødvendige garantier eller, snevert, et unntak.',
    },
  },
  check({ model, options, report }) {
    const dm = model.dataManagement;
    if (!dm.transferAbroad || dm.transferBasis !== 'adequacy') return;
    for (const code of new Set(dm.transferCountries)) {
      if (EU_EEA.has(code)) continue;
      const gap = adequacyGap(code, options.today, dm.transferDpfCertified);
      if (!gap) continue;
      const d = adequacyDecisions.get(code);
      report({
        path: ['data_management', 'transfer_abroad', 'basis'],
        message: 'missing',
        args: { country: d ? { en: d.en, nb: d.nb } : { en: countryName(code, 'en'), nb: countryName(code, 'nb') }, why: { en: WHY[gap].en, nb: WHY[gap].nb }, more: WHY[gap].more ?? { en: '', nb: '' }, asOf: adequacyAsOf },
      });
    }
  },
});
