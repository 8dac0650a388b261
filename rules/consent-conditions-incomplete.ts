import { list } from './domain/text';
import { CONSENT_CONDITION_TEXT, CONSENT_CONDITIONS } from './domain/vocabulary';
import { defineRule } from './rule';



export default defineRule({
  id: 'consent-conditions-incomplete',
  severity: 'warning',
  description: {
    en: 'The project rests on consent, but not every condition of valid consent is stated as met.',
    nb: 'Prosjektet bygger på samtykke, men ikke alle vilkårene for gyldig samtykke er oppgitt som oppfylt.',
  },
  remediation: {
    en: 'Check the consent form against each condition (voluntary, specific, informed, unambiguous, documented, plain language, separable) and state each one in the `consent` section.',
    nb: 'Kontroller samtykkeskjemaet mot hvert vilkår (frivillig, spesifikt, informert, utvetydig, dokumenterbart, klart språk, atskillbart) og oppgi hvert av dem i `consent`-seksjonen.',
  },
  provisions: ['gdpr-7', 'gdpr-9-2'],
  seed: { file: 'helsedata-pii-application.en.txt', quote: 'For consent to be valid, several conditions must be met.' },
  seedNb: { page: 'helsedata.no, «Samtykke og dispensasjon fra taushetsplikten»', url: 'https://helsedata.no/no/soknadsveiledning/personidentifiserbare-opplysninger/godkjenninger/samtykke-og-dispensasjon-fra-taushetsplikten/', quote: 'For at samtykke skal være gyldig må flere vilkår være oppfylt.' },
  fixes: ['insert-consent-conditions'],
  messages: {
    notMet: {
      en: 'Consent is not valid unless it is {condition}, and the descriptor says it is not.',
      nb: 'Samtykket er ikke gyldig uten at det er {condition}, og prosjektbeskrivelsen sier at det ikke er det.',
    },
    missing: {
      en: 'The consent section does not say whether consent is {missing}.',
      nb: 'Samtykkeseksjonen sier ikke om samtykket er {missing}.',
    },
  },
  check({ model, route, report }) {
    // A cohort's consent (`consent.collected_by`) was collected on the cohort's terms, not the project's.
    if (model.legalBasis.consent !== true || !model.consent || !route.facts.ownConsent) return;
    const c = model.consent;
    const missing: (typeof CONSENT_CONDITIONS)[number][] = [];
    for (const k of CONSENT_CONDITIONS) {
      if (c[k] === false) report({ path: ['consent', k], message: 'notMet', args: { condition: CONSENT_CONDITION_TEXT[k] } });
      else if (c[k] !== true) missing.push(k);
    }
    if (missing.length) {
      report({
        path: ['consent'],
        target: 'key',
        message: 'missing',
        args: { missing: { en: list(missing.map((k) => CONSENT_CONDITION_TEXT[k].en), 'en', false, 'and'), nb: list(missing.map((k) => CONSENT_CONDITION_TEXT[k].nb), 'nb', false, 'and') } },
        fixes: [
          {
            id: 'insert-consent-conditions',
            title: { en: 'Add the missing conditions as true (confirm each against the consent form)', nb: 'Legg til manglende vilkår som true (bekreft hvert mot samtykkeskjemaet)' },
            edits: missing.map((k) => ({ op: 'insert' as const, path: ['consent'], key: k, value: true })),
          },
        ],
      });
    }
  },
});
