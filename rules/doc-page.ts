/** The generated part of a rule's documentation page, from its metadata and the provisions catalogue. */
import type { RuleMeta } from './rule';
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
