import { placeholderText } from './common';
import { AUTHORITY_OF, AUTHORITY_SHORT } from './domain/routing';
import { listOf } from './domain/text';
import type { FixEdit, Localized, Path, Target } from './domain/types';
import { defineRule } from './rule';

const WHAT = {
  reason: { en: 'why consent is not sought (`reason`)', nb: 'hvorfor samtykke ikke innhentes (`reason`)' },
  societal_interest: { en: 'why the processing is of substantial interest to society (`societal_interest`)', nb: 'hvorfor behandlingen er av vesentlig interesse for samfunnet (`societal_interest`)' },
} as const satisfies Record<string, Localized>;
const PLACEHOLDER = {
  reason: { en: 'To be written: why consent is not sought from the registered', nb: 'Skal skrives: hvorfor samtykke ikke innhentes fra de registrerte' },
  societal_interest: { en: 'To be written: why the processing is of substantial interest to society', nb: 'Skal skrives: hvorfor behandlingen er av vesentlig interesse for samfunnet' },
} as const satisfies Record<string, Localized>;

export default defineRule({
  id: 'dispensation-grounds-missing',
  severity: 'warning',
  description: {
    en: 'The project asks for an exemption from the duty of confidentiality but does not say why consent is not sought or why the processing is of substantial interest to society, conditions the decision-maker assesses.',
    nb: 'Prosjektet søker dispensasjon fra taushetsplikten, men sier ikke hvorfor samtykke ikke innhentes eller hvorfor behandlingen er av vesentlig interesse for samfunnet, vilkår den som avgjør søknaden vurderer.',
  },
  remediation: {
    en: 'Under `legal_basis.without_consent`, write `reason` (why the registered are not asked for consent) and `societal_interest` (why society has a substantial interest in the processing, and how the registered persons\' privacy is protected), in the project\'s own words. Once LOV-2025-06-20-71 is in force, the exemption also requires that consent is impossible or disproportionately hard to obtain: `reason` should then show that.',
    nb: 'Skriv under `legal_basis.without_consent` `reason` (hvorfor de registrerte ikke blir spurt om samtykke) og `societal_interest` (hvorfor samfunnet har en vesentlig interesse i behandlingen, og hvordan personvernet til de registrerte ivaretas), med prosjektets egne ord. Når LOV-2025-06-20-71 trer i kraft, krever dispensasjonen også at samtykke er umulig eller uforholdsmessig vanskelig å innhente: `reason` bør da vise det.',
  },
  provisions: ['hpl-29', 'hregl-19e'],
  seed: { file: 'helsedata-pii-application.en.txt', quote: 'Exemption from the duty of confidentiality is necessary in order to study health information that has already been collected, without asking for consent.' },
  seedNb: { page: 'helsedata.no, «Samtykke og dispensasjon fra taushetsplikten»', url: 'https://helsedata.no/no/soknadsveiledning/personidentifiserbare-opplysninger/godkjenninger/samtykke-og-dispensasjon-fra-taushetsplikten/', quote: 'Dispensasjon fra taushetsplikt er nødvendig for å behandle på helseopplysninger som allerede er samlet inn, uten å be om samtykke.' },
  fixes: ['insert-dispensation-grounds'],
  messages: {
    missing: {
      en: 'The grounds for the exemption are missing: {keys} under `legal_basis.without_consent`. {authority} decides the exemption from the duty of confidentiality and assesses {missing}: write it there.',
      nb: 'Begrunnelsen for dispensasjonen mangler: {keys} under `legal_basis.without_consent`. {authority} avgjør dispensasjonen fra taushetsplikten og vurderer {missing}: skriv det der.',
    },
  },
  check({ model, route, report }) {
    if (!route.exemptionNeeded || !route.exemptionKind) return;
    const wc = model.legalBasis.withoutConsent;
    const missing = (['reason', 'societal_interest'] as const).filter((k) => {
      const v = k === 'reason' ? wc?.reason : wc?.societalInterest;
      return v === undefined || v.trim() === '';
    });
    if (!missing.length) return;
    const raw = model.raw.legal_basis;
    const rawWc = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>).without_consent : undefined;
    const has = (k: string) => typeof rawWc === 'object' && rawWc !== null && k in rawWc;
    const edits: FixEdit[] = missing.map((k) =>
      has(k)
        ? { op: 'set', path: ['legal_basis', 'without_consent', k], value: placeholderText(model, PLACEHOLDER[k]) }
        : { op: 'insert', path: ['legal_basis', 'without_consent'], key: k, value: placeholderText(model, PLACEHOLDER[k]) },
    );
    const anchor: { path: Path; target: Target } = wc ? { path: ['legal_basis', 'without_consent'], target: 'key' } : model.legalBasis.present ? { path: ['legal_basis'], target: 'key' } : { path: ['purpose', 'category'], target: 'value' };
    const list = (lang: 'en' | 'nb') => listOf(missing.map((k) => WHAT[k][lang]), lang);
    report({
      ...anchor,
      message: 'missing',
      args: {
        authority: AUTHORITY_SHORT[AUTHORITY_OF[route.exemptionKind]],
        keys: { en: listOf(missing.map((k) => `\`${k}\``), 'en'), nb: listOf(missing.map((k) => `\`${k}\``), 'nb') },
        missing: { en: list('en'), nb: list('nb') },
      },
      fixes: [
        {
          id: 'insert-dispensation-grounds',
          title: { en: 'Add placeholders for why consent is not sought and the interest to society', nb: 'Legg til plassholdere for hvorfor samtykke ikke innhentes og samfunnsinteressen' },
          edits,
        },
      ],
    });
  },
});
