/** The generated part of a rule's documentation page, from its metadata and the provisions catalogue. */
import type { RuleMeta } from './rule';
import type { Localized } from './domain/types';
import { lawCurrentTo, provisionMarkdown } from './domain/catalogue';

export const START = '<!-- generated:start: from the rule metadata by `npm run docs`; edit below generated:end -->';
export const END = '<!-- generated:end -->';

const severityText = { error: 'error', warning: 'warning', information: 'information' } as const;

export function generatedSection(meta: RuleMeta): string {
  const lines: string[] = [START, '', `# \`${meta.id}\``, '', meta.description.en, '', `*${meta.description.nb}*`, ''];
  lines.push(`- **Default severity:** ${severityText[meta.severity]} (change it per rule in settings or \`.descriptor-check.yaml\`)`);
  lines.push(`- **Fix:** ${meta.remediation.en}`);
  lines.push(`- **Quick fixes:** ${meta.fixes.length ? meta.fixes.map((f) => `\`${f}\``).join(', ') : 'none'}`);
  lines.push(`- **Silence one finding:** \`# descriptor-disable-next-line ${meta.id}\` on the line above`);
  lines.push(`- **Source:** ${meta.seed.file}: "${meta.seed.quote}"`);
  lines.push('');
  if (meta.provisions.length) lines.push(`## Legal basis (law current to ${lawCurrentTo})`, '', ...provisionMarkdown(meta.provisions, 'en'), '');
  lines.push(END);
  return lines.join('\n');
}

const SEVERITY_NB = { error: 'feil', warning: 'advarsel', information: 'informasjon' } as const;

/** The markers of the generated part of a Norwegian page; the rationale and examples below NB_END are written by hand. */
export const NB_START = '<!-- generert:start: fra regelens metadata av `npm run docs`; skriv for hånd under generert:slutt -->';
export const NB_END = '<!-- generert:slutt -->';

/**
 * The generated part of a rule's Norwegian page, docs/rules/nb/<id>.md. The source is the Norwegian
 * original where the seed is an English page that has one (helsedata.no's «Nødvendige godkjenninger»
 * and its neighbours); below the marker, the rationale and examples are written in Norwegian by hand.
 */
export function norwegianPage(meta: RuleMeta): string {
  const source = meta.seedNb
    ? `${meta.seedNb.page}, <${meta.seedNb.url}>: «${meta.seedNb.quote}»`
    : meta.seed.file.endsWith('.en.txt')
      ? `${meta.seed.file} (engelsk kilde; vi har ikke funnet en norsk originaltekst): «${meta.seed.quote}»`
      : `${meta.seed.file}: «${meta.seed.quote}»`;
  const lines = [
    NB_START,
    '',
    `# \`${meta.id}\``,
    '',
    meta.description.nb,
    '',
    `- **Standard alvorlighetsgrad:** ${SEVERITY_NB[meta.severity]} (endres per regel i innstillingene eller i \`.descriptor-check.yaml\`)`,
    `- **Slik retter du det:** ${meta.remediation.nb}`,
    `- **Hurtigrettinger:** ${meta.fixes.length ? meta.fixes.map((f) => `\`${f}\``).join(', ') : 'ingen'}`,
    `- **Slå av ett funn:** \`# descriptor-disable-next-line ${meta.id}\` på linjen over`,
    `- **Kilde:** ${source}`,
    '',
  ];
  const messages = Object.values(meta.messages) as Localized[];
  if (messages.length) lines.push('## Meldinger', '', ...messages.map((m) => `- ${m.nb}`), '');
  if (meta.provisions.length) lines.push(`## Rettsgrunnlag (lov per ${lawCurrentTo})`, '', ...provisionMarkdown(meta.provisions, 'nb'), '');
  lines.push(NB_END);
  return lines.join('\n');
}
