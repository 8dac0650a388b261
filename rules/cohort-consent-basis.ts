import { cohortConsentIds } from './domain/routing';
import { findSource } from './domain/catalogue';
import { defineRule } from './rule';

export default defineRule({
  id: 'cohort-consent-basis',
  severity: 'error',
  description: {
    en: 'A consent-based health survey (such as MoBa, HUNT or the Tromsø Study) is used, and the descriptor says neither that the project relies on its participants\' consent nor that it collects consent itself.',
    nb: 'En samtykkebasert helseundersøkelse (som MoBa, HUNT eller Tromsøundersøkelsen) brukes, og prosjektbeskrivelsen sier verken at prosjektet bygger på deltakernes samtykke eller at det innhenter samtykke selv.',
  },
  remediation: {
    en: 'State `consent.collected_by` with the data source\'s id when the project uses the survey\'s data on its participants\' consent: the use must stay within what they consented to, and everyone who has withdrawn is left out. No exemption from the duty of confidentiality is asked for those data; health research still needs REK\'s approval.',
    nb: 'Oppgi `consent.collected_by` med datakildens id når prosjektet bruker opplysningene fra undersøkelsen på deltakernes samtykke: bruken må holde seg innenfor det de har samtykket til, og alle som har trukket samtykket, holdes utenfor. Det søkes ikke dispensasjon fra taushetsplikten for disse opplysningene; helseforskning trenger likevel godkjenning fra REK.',
  },
  provisions: ['helseundersokelsesforskriften-1-2', 'helseundersokelsesforskriften-4-1', 'helseundersokelsesforskriften-2-7', 'hforsknl-13'],
  seed: { file: 'helsedata-pii-application.en.txt', quote: 'Consent is a legal basis that is often used in order to process health data and personal data.' },
  seedNb: { page: 'helsedata.no, «Samtykke og dispensasjon fra taushetsplikten»', url: 'https://helsedata.no/no/soknadsveiledning/personidentifiserbare-opplysninger/godkjenninger/samtykke-og-dispensasjon-fra-taushetsplikten/', quote: 'Samtykke er et rettslig grunnlag (behandlingsgrunnlag) som ofte brukes ved behandling av helse- og personopplysninger.' },
  fixes: ['add-collected-by'],
  messages: {
    missing: {
      en: 'Nothing says the data from {source} are used on its participants\' consent. The source rests on that consent, and its data are used within it, not on an exemption: say so with `consent.collected_by: {id}` (or state the project\'s own consent).',
      nb: 'Prosjektbeskrivelsen sier ikke at opplysningene fra {source} brukes på deltakernes samtykke. Kilden bygger på dette samtykket, og opplysningene brukes innenfor det, ikke på dispensasjon: si det med `consent.collected_by: {id}` (eller oppgi prosjektets eget samtykke).',
    },
    scope: {
      en: 'The project relies on the consent {source}\'s participants gave. Use their data only within what they consented to, and leave out everyone on the current list of withdrawals.',
      nb: 'Prosjektet bygger på samtykket deltakerne i {source} har gitt. Bruk opplysningene bare innenfor det de har samtykket til, og hold utenfor alle på den gjeldende listen over tilbaketrukne samtykker.',
    },
  },
  check({ model, route, report }) {
    const covered = new Set(cohortConsentIds(model));
    const own = model.legalBasis.consent === true && (model.consentCollectedBy.length === 0 || model.consentCollectedBy.includes('project'));
    const seen = new Set<string>();
    for (const ds of model.dataSources) {
      const s = findSource(ds.source);
      if (!s || !route.facts.cohorts.includes(s) || seen.has(s.id)) continue;
      seen.add(s.id);
      const name = { en: s.abbreviation ?? s.name.en, nb: s.abbreviation ?? s.name.nb };
      if (covered.has(s.id)) {
        report({ path: [...ds.path, 'source'], message: 'scope', severity: 'information', args: { source: name } });
      } else if (!own) {
        const id = ds.id ?? s.id;
        report({
          path: [...ds.path, 'source'],
          message: 'missing',
          args: { source: name, id },
          fixes: [
            {
              id: 'add-collected-by',
              title: { en: `State that the participants of ${name.en} consented: \`consent.collected_by: ${id}\``, nb: `Oppgi at deltakerne i ${name.nb} har samtykket: \`consent.collected_by: ${id}\`` },
              // One cohort named already: the key becomes a list of both.
              edits: model.consentCollectedBy.length
                ? [{ op: 'delete', path: ['consent', 'collected_by'] }, ...[...model.consentCollectedBy, id].map((item) => ({ op: 'append' as const, path: ['consent', 'collected_by'], item }))]
                : [{ op: 'insert', path: ['consent'], key: 'collected_by', value: id }],
            },
          ],
        });
      }
    }
  },
});
