/**
 * Escaping for every text from a descriptor that the report layer writes: HTML (the preview, the
 * report, the diagram) and Markdown (hovers, requirements.md, application.md), text and code spans.
 */

const HTML_ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(s: unknown): string {
  return String(s ?? '').replace(/[&<>"']/g, (c) => HTML_ENTITIES[c]);
}

/**
 * Markdown text from the descriptor: escape what Markdown or inline HTML would interpret, and no
 * more, so the text still reads as text. Emphasis, code, links (`[` and `]`: without them `(` makes
 * no link), tables, strikethrough, HTML and entities anywhere; headings, quotes, rules and list
 * markers only where they would start a line.
 */
export function escapeMd(s: unknown): string {
  return String(s ?? '')
    .replace(/[\\`*_[\]|<>&~]/g, (c) => `\\${c}`)
    .replace(/^([ \t]*)([#+=-])/gm, '$1\\$2')
    .replace(/^([ \t]*\d+)([.)])/gm, '$1\\$2');
}

/** The length of the longest run of backticks in `s` (a loop: a spread of every run could overflow the stack on a large text). */
function longestBacktickRun(s: string): number {
  let longest = 0;
  let run = 0;
  for (let i = 0; i < s.length; i++) {
    run = s.charCodeAt(i) === 96 ? run + 1 : 0;
    if (run > longest) longest = run;
  }
  return longest;
}

/**
 * Descriptor text as a Markdown code span: the fence is one backtick longer than the longest run of
 * backticks inside, so nothing closes it early, and Markdown and HTML inside it are shown as text.
 * Line breaks become spaces; in a table cell (`inTable`) a `|` is escaped so the cell holds. Empty
 * text gives an empty string (a code span cannot be empty).
 */
export function codeMd(s: unknown, inTable = false): string {
  let text = String(s ?? '').replace(/\r\n?|\n/g, ' ');
  if (!text) return '';
  if (inTable) text = text.replace(/\|/g, '\\|');
  const fence = '`'.repeat(longestBacktickRun(text) + 1);
  // A span that starts or ends with a backtick (or with spaces on both sides) is padded: Markdown strips one space from each side.
  const pad = text.startsWith('`') || text.endsWith('`') || (text.startsWith(' ') && text.endsWith(' ')) ? ' ' : '';
  return `${fence}${pad}${text}${pad}${fence}`;
}

/** A fence for a fenced code block holding `s`: backticks, longer than any run of them inside, so no line of `s` closes it. */
export function fenceFor(s: string): string {
  return '`'.repeat(Math.max(3, longestBacktickRun(s) + 1));
}
