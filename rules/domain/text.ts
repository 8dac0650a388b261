/** Small text helpers: message templates and "did you mean" suggestions. */
import type { Lang, Localized } from './types';

/** Fills `{name}` placeholders. Unknown placeholders are left as written. */
export function format(template: string, args: Record<string, string | number | Localized> | undefined, lang: Lang = 'en'): string {
  if (!args) return template;
  return template.replace(/\{(\w+)\}/g, (m, k: string) => {
    if (!(k in args)) return m;
    const v = args[k];
    return typeof v === 'object' ? pick(v, lang) : String(v);
  });
}

export function pick(text: Localized, lang: Lang): string {
  return text[lang] || text.en;
}

/**
 * The one way the product says something: `text` in `lang` (English when the Norwegian is
 * missing), with `{0}`, `{1}`, ... filled in from `args`.
 */
export function say(text: Localized, lang: Lang, ...args: (string | number)[]): string {
  const s = pick(text, lang);
  return args.length ? s.replace(/\{(\d)\}/g, (m, i: string) => (args[Number(i)] !== undefined ? String(args[Number(i)]) : m)) : s;
}

const LOCALE: Record<Lang, string> = { en: 'en-GB', nb: 'nb-NO' };

/** A date as people read it: `2025-01-29` in English, `29.01.2025` in Norwegian; anything that is not an ISO date is left as it is. */
export function dateText(iso: string, lang: Lang): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m && lang === 'nb' ? `${m[3]}.${m[2]}.${m[1]}` : iso;
}

const regionNames = new Map<Lang, Intl.DisplayNames>();

/** A country by its name ("USA", "Kina"; "United States", "China"), from its ISO 3166 code; the code as written when the platform does not know it. */
export function countryName(code: string, lang: Lang): string {
  let d = regionNames.get(lang);
  if (!d) regionNames.set(lang, (d = new Intl.DisplayNames([LOCALE[lang]], { type: 'region', fallback: 'code' })));
  try {
    return d.of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

/** A text compared as people write it: trimmed, spaces collapsed, case ignored (names, placeholders). */
export const normalText = (s: string): string => s.trim().replace(/\s+/g, ' ').toLowerCase();

const listFormats = new Map<string, Intl.ListFormat>();

/** "a, b and c" / "a, b og c" (or "or" / "eller"), from the platform's list formatting. */
export function listOf(items: readonly string[], lang: Lang, join: 'and' | 'or' = 'and'): string {
  const key = `${lang}:${join}`;
  let f = listFormats.get(key);
  if (!f) listFormats.set(key, (f = new Intl.ListFormat(LOCALE[lang], { style: 'long', type: join === 'and' ? 'conjunction' : 'disjunction' })));
  return f.format(items);
}

const pluralRules: Record<Lang, Intl.PluralRules> = { en: new Intl.PluralRules('en-GB'), nb: new Intl.PluralRules('nb-NO') };

/** A count with its noun: `forms` gives the singular and the plural in each language ("1 feil", "2 advarsler"). */
export function countOf(n: number, forms: Readonly<Record<Lang, readonly [string, string]>>, lang: Lang): string {
  return `${n} ${forms[lang][pluralRules[lang].select(n) === 'one' ? 0 : 1]}`;
}

let rowA = new Int32Array(64);
let rowB = new Int32Array(64);

/** Edit distance, bounded: returns max+1 as soon as the distance exceeds max. Two rows reused between calls. */
function distance(a: string, b: string, max = Infinity): number {
  if (a === b) return 0;
  const n = a.length;
  const m = b.length;
  if (Math.abs(n - m) > max) return max + 1;
  if (rowA.length <= m) {
    rowA = new Int32Array(m + 1);
    rowB = new Int32Array(m + 1);
  }
  let prev = rowA;
  let cur = rowB;
  for (let j = 0; j <= m; j++) prev[j] = j;
  for (let i = 1; i <= n; i++) {
    cur[0] = i;
    let rowMin = i;
    const ca = a.charCodeAt(i - 1);
    for (let j = 1; j <= m; j++) {
      const del = prev[j] + 1;
      const ins = cur[j - 1] + 1;
      const sub = prev[j - 1] + (ca === b.charCodeAt(j - 1) ? 0 : 1);
      const v = del < ins ? (del < sub ? del : sub) : ins < sub ? ins : sub;
      cur[j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
    const t = prev;
    prev = cur;
    cur = t;
  }
  return prev[m];
}

/** Lower-cased candidate lists, kept per list: the catalogue's lists are asked about again and again. */
const lowered = new WeakMap<object, string[]>();

/**
 * Candidates ordered by closeness to `word`, only those close enough to be a plausible typo
 * (or sharing a prefix). Case-insensitive.
 */
export function closest(word: string, candidates: Iterable<string>, limit = 3): string[] {
  const w = word.toLowerCase();
  const max = Math.max(2, Math.floor(w.length / 3));
  const list = Array.isArray(candidates) ? (candidates as string[]) : [...candidates];
  let lower = Array.isArray(candidates) ? lowered.get(candidates) : undefined;
  if (!lower || lower.length !== list.length) {
    lower = list.map((c) => c.toLowerCase());
    if (Array.isArray(candidates)) lowered.set(candidates, lower);
  }
  const scored: [string, number][] = [];
  for (let k = 0; k < list.length; k++) {
    const lc = lower[k];
    // Too different in length for an edit within `max`: only a shared prefix or a containment can still count.
    let d = Math.abs(lc.length - w.length) > max ? max + 1 : distance(w, lc, max);
    if (d > max && w.length >= 3 && (lc.startsWith(w) || w.startsWith(lc) || lc.includes(w))) d = max;
    if (d <= max) scored.push([list[k], d]);
  }
  scored.sort((a, b) => a[1] - b[1] || a[0].localeCompare(b[0]));
  return scored.slice(0, limit).map((s) => s[0]);
}

/** "a, b or c" (or "a, b and c") in the given language. */
export function list(items: string[], lang: Lang, quote = true, join: 'or' | 'and' = 'or'): string {
  return listOf(items.map((i) => (quote ? `\`${i}\`` : i)), lang, join);
}

/** The product's language for an editor locale: Norwegian for nb, no and nn, else English. */
export function langFromLocale(locale: string | undefined): Lang {
  return locale && /^(nb|no|nn)\b/i.test(locale) ? 'nb' : 'en';
}

/** Words a full stop ends without ending the sentence ("GDPR art. 35", "e.g. NPR", "f.eks. NPR"). */
const ABBREVIATIONS = /(?:^|[\s(])(?:art|nr|no|e\.g|i\.e|f\.eks|bl\.a|jf|ca|pkt|kap|dvs|osv|mv|Prop|St|bokst)$/i;

/**
 * A message's first sentence (what and where, for the Problems panel) and the rest (for the hover):
 * the first `.`, `!` or `?` followed by a space and a capital, a backtick or a quote that does not
 * end an abbreviation.
 */
export function firstSentence(message: string): [string, string] {
  const re = /[.!?](?=\s+[A-ZÆØÅ`«"(])/g;
  for (let m = re.exec(message); m; m = re.exec(message)) {
    if (message[m.index] === '.' && ABBREVIATIONS.test(message.slice(0, m.index))) continue;
    const rest = message.slice(m.index + 1).trim();
    return rest ? [message.slice(0, m.index + 1), rest] : [message, ''];
  }
  return [message, ''];
}
