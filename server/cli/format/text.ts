/** The CLI's text output: one line per finding, `file:line:col  severity  rule-id  message`, then a summary. */
import type { Placed } from '../../engine/engine';

export interface FileResults {
  file: string;
  results: Placed[];
}

export function formatText(file: string, r: Placed): string {
  return `${file}:${r.range.start.line + 1}:${r.range.start.character + 1}  ${r.severity}  ${r.rule}  ${r.message}\n`;
}

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

export function summaryLine(files: number, counts: { errors: number; warnings: number; infos: number }, unreadable: number): string {
  return `${plural(files, 'file')} checked: ${plural(counts.errors, 'error')}, ${plural(counts.warnings, 'warning')}, ${counts.infos} information${unreadable ? `, ${unreadable} unreadable` : ''}\n`;
}
