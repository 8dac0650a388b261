import { defineRule } from './rule';

/**
 * Words that promise deletion when the project ends ("deleted when the project ends", «slettes ved
 * prosjektslutt»), as opposed to a deletion some time after it ("five years after the project ends").
 */
const AT_END: readonly RegExp[] = [
  /\b(when|once|as soon as) the (project|study) (ends|is (completed|finished|over|closed))\b/i,
  /\bat (the )?(end of the (project|study)|(project|study)('s)? end|project completion)\b/i,
  /\b(on|upon) (project )?completion\b/i,
  /\bved (prosjektslutt|prosjektets (slutt|avslutning)|avslutning(en)? av prosjektet|prosjektavslutning)\b/i,
  /\bnår prosjektet (avsluttes|er avsluttet|slutter|er ferdig)\b/i,
];

function promisesDeletionAtEnd(text: string | undefined): boolean {
  return text !== undefined && AT_END.some((re) => re.test(text));
}

export default defineRule({
  id: 'retention-inconsistent',
  severity: 'warning',
  description: {
    en: 'Data are kept after the project ends without a stated reason, or the deletion routine promises deletion at the end while the retention date is later.',
    nb: 'Opplysningene lagres etter at prosjektet er slutt uten oppgitt begrunnelse, eller sletterutinen lover sletting ved prosjektslutt mens lagringsdatoen er senere.',
  },
  remediation: {
    en: 'Make the dates and the routine say the same: keep `retention_until` at the project\'s end, or state in `data_management.retention_reason` why data are kept longer (for example verification of the results) and describe in `deletion` when and how they are deleted then. When LOV-2025-06-20-71 is in force, helseforskningsloven § 12 a sets its own rule for keeping research documentation after the final report.',
    nb: 'Få datoene og rutinen til å si det samme: la `retention_until` være prosjektets slutt, eller oppgi i `data_management.retention_reason` hvorfor opplysningene lagres lenger (for eksempel etterprøving av resultatene), og beskriv i `deletion` når og hvordan de da slettes. Når LOV-2025-06-20-71 trer i kraft, gir helseforskningsloven § 12 a en egen regel om oppbevaring av forskningsdokumentasjon etter sluttmeldingen.',
  },
  provisions: ['gdpr-5-1-e', 'hforsknl-38'],
  seed: { file: 'helsedata-pii-application.en.txt', quote: 'That is, how and for how long the information is stored and planned deletion routines.' },
  fixes: [],
  messages: {
    noReason: {
      en: 'Data are kept until {until}, after the project ends on {end}, and no reason is given. Say why in `data_management.retention_reason`, or keep them no longer than the project.',
      nb: 'Opplysningene lagres til {until}, etter at prosjektet slutter {end}, uten at det er begrunnet. Oppgi hvorfor i `data_management.retention_reason`, eller lagre dem ikke lenger enn prosjektet varer.',
    },
    contradicts: {
      en: 'The deletion routine promises deletion when the project ends ({end}), but `retention_until` keeps the data until {until}. Make the two say the same.',
      nb: 'Sletterutinen lover sletting når prosjektet slutter ({end}), men `retention_until` lagrer opplysningene til {until}. Få de to til å si det samme.',
    },
  },
  check({ model, report }) {
    const until = model.dataManagement.retentionUntil;
    const end = model.project.end;
    const iso = /^\d{4}-\d{2}-\d{2}$/;
    if (!until || !end || !iso.test(until) || !iso.test(end) || until <= end) return;
    if (promisesDeletionAtEnd(model.dataManagement.deletion)) report({ path: ['data_management', 'deletion'], message: 'contradicts', args: { end, until } });
    const reason = model.dataManagement.retentionReason;
    if (reason === undefined || reason.trim() === '') report({ path: ['data_management', 'retention_until'], message: 'noReason', args: { end, until } });
  },
});
