import { adequacyAsOf, adequacyDecisions, adequacyGap, type AdequacyGap } from './domain/adequacy';
import type { Localized } from './domain/types';
import { EU_EEA } from './domain/vocabulary';
import { defineRule } from './rule';

const WHY: Record<AdequacyGap, Localized> = {
  none: { en: 'has no adequacy decision', nb: 'har ingen beslutning om tilstrekkelig beskyttelsesnivå' },
  pending: { en: 'has an adequacy decision that does not yet apply in Norway through the EEA Agreement', nb: 'har en beslutning om tilstrekkelig beskyttelsesnivå som ennå ikke gjelder i Norge gjennom EØS-avtalen' },
  ended: { en: 'had an adequacy decision that has ended', nb: 'hadde en beslutning om tilstrekkelig beskyttelsesnivå som er utløpt' },
  'not-certified': {
    en: 'has an adequacy decision only for organisations certified under the EU-US Data Privacy Framework, and `dpf_certified: true` is not stated',
    nb: 'har en beslutning om tilstrekkelig beskyttelsesnivå bare for virksomheter som er sertifisert under EU-US Data Privacy Framework, og `dpf_certified: true` er ikke oppgitt',
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
      en: '{country} {why} (the Commission\'s list as of {asOf}), so `basis: adequacy` does not cover this transfer; use appropriate safeguards or, narrowly, a derogation.',
      nb: '{country} {why} (Kommisjonens liste per {asOf}), så `basis: adequacy` dekker ikke denne overføringen; bruk nødvendige garantier eller, snevert, et unntak.',
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
        args: { country: d ? { en: d.en, nb: d.nb } : code, why: WHY[gap], asOf: adequacyAsOf },
      });
    }
  },
});
