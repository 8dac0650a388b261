import type { FixEdit } from './domain/types';
import { defineRule } from './rule';

export default defineRule({
  id: 'legal-basis-missing',
  severity: 'error',
  description: {
    en: 'Identifiable health data is processed and the GDPR legal basis (art. 6(1) and art. 9(2)) is not stated.',
    nb: 'Identifiserbare helseopplysninger behandles, og behandlingsgrunnlaget etter personvernforordningen (art. 6 nr. 1 og art. 9 nr. 2) er ikke oppgitt.',
  },
  remediation: {
    en: 'State the letter of GDPR art. 6(1) and of art. 9(2) the processing rests on, as documented in the DPO assessment; research in public institutions usually rests on 6(1)(e) and 9(2)(j).',
    nb: 'Oppgi bokstaven i art. 6 nr. 1 og i art. 9 nr. 2 som behandlingen bygger på, slik personvernombudet har dokumentert; forskning i offentlige virksomheter bygger oftest på 6 nr. 1 e og 9 nr. 2 j.',
  },
  provisions: ['gdpr-6-1', 'gdpr-9-2'],
  seed: {
    file: 'helsedata-pii-application.en.txt',
    quote: 'You can only obtain access to health information from registries and population-based health surveys if there is a legal basis for the use and processing of the information.',
  },
  seedNb: { page: 'helsedata.no, «Søknadshjelp: personidentifiserbare opplysninger»', url: 'https://helsedata.no/no/soknadshjelp-personidentifiserbare/', quote: 'Helseopplysninger fra registre og befolkningsbaserte helseundersøkelser kan kun utleveres dersom det finnes rettslig grunnlag for bruk av opplysningene.' },
  fixes: ['insert-legal-basis'],
  messages: {
    missing: {
      en: 'Identifiable health data is processed, but {missing} is not stated.',
      nb: 'Identifiserbare helseopplysninger behandles, men {missing} er ikke oppgitt.',
    },
  },
  check({ model, route, report }) {
    // Self-collected health data needs no exemption, but it is personal health data and needs a legal basis too.
    if (route.facts.identifiable.length === 0) return;
    const lb = model.legalBasis;
    const missing: string[] = [];
    const edits: FixEdit[] = [];
    if (!lb.article6) {
      missing.push('gdpr_article_6');
      edits.push({ op: 'insert', path: ['legal_basis'], key: 'gdpr_article_6', value: 'e' });
    }
    if (!lb.article9) {
      missing.push('gdpr_article_9');
      edits.push({ op: 'insert', path: ['legal_basis'], key: 'gdpr_article_9', value: 'j' });
    }
    if (!missing.length) return;
    return report(
      {
        path: lb.present ? ['legal_basis'] : ['purpose'],
        target: 'key',
        message: 'missing',
        args: { missing: missing.map((m) => `\`${m}\``).join(' / ') },
        fixes: [
          {
            id: 'insert-legal-basis',
            title: { en: 'Add the usual research basis: art. 6(1)(e) and 9(2)(j) (check with the DPO)', nb: 'Legg til vanlig forskningsgrunnlag: art. 6 nr. 1 e og 9 nr. 2 j (avklar med personvernombudet)' },
            edits,
          },
        ],
      }
    );
  },
});
