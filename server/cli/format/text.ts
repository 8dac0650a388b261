/** The CLI's text output: one line per finding, `file:line:col  severity  rule-id  message`, then a summary. */
import { countOf, say } from '../../../rules/domain/text';
import type { Lang } from '../../../rules/domain/types';
import type { Placed } from '../../engine/engine';
import { COUNT_NOUNS } from '../../report/words';

export interface FileResults {
  file: string;
  results: Placed[];
  /** The language the file's messages are in. */
  lang?: Lang;
}

/** The severity as people read it, in the language of the message. */
const SEVERITY_WORD: Record<Placed['severity'], Record<Lang, string>> = {
  error: { en: 'error', nb: 'feil' },
  warning: { en: 'warning', nb: 'advarsel' },
  information: { en: 'information', nb: 'informasjon' },
};

/** The severity as editors' problem matchers read it (VS Code knows error, warning and info), whatever the language. */
const MATCHER_WORD: Record<Placed['severity'], string> = { error: 'error', warning: 'warning', information: 'info' };

/** `file:line:col  severity  rule-id  message`, the severity in the message's language. */
export function formatText(file: string, r: Placed, lang: Lang = 'en'): string {
  return `${file}:${r.range.start.line + 1}:${r.range.start.character + 1}  ${SEVERITY_WORD[r.severity][lang]}  ${r.rule}  ${r.message}\n`;
}

/** The same line for a problem matcher: the severity is `error`, `warning` or `info` in every language. */
export function formatMatcher(file: string, r: Placed): string {
  return `${file}:${r.range.start.line + 1}:${r.range.start.character + 1}  ${MATCHER_WORD[r.severity]}  ${r.rule}  ${r.message}\n`;
}

/** "2 files checked: 1 error, 0 warnings, 0 information" / "2 filer kontrollert: 1 feil, 0 advarsler, 0 informasjon". */
export function summaryLine(files: number, counts: { errors: number; warnings: number; infos: number }, unreadable: number, lang: Lang = 'en'): string {
  const parts = [countOf(counts.errors, COUNT_NOUNS.errors, lang), countOf(counts.warnings, COUNT_NOUNS.warnings, lang), countOf(counts.infos, COUNT_NOUNS.information, lang)];
  if (unreadable) parts.push(say({ en: '{0} unreadable', nb: '{0} uleselige' }, lang, unreadable));
  return `${countOf(files, COUNT_NOUNS.files, lang)} ${say({ en: 'checked', nb: 'kontrollert' }, lang)}: ${parts.join(', ')}\n`;
}
