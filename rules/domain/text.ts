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

/** Edit distance, bounded: returns max+1 as soon as the distance exceeds max. */
export function distance(a: string, b: string, max = Infinity): number {
  if (a === b) return 0;
  if (Math.abs(a.length - b.length) > max) return max + 1;
  let prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      cur[j] = Math.min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost);
      if (cur[j] < rowMin) rowMin = cur[j];
    }
    if (rowMin > max) return max + 1;
    prev = cur;
  }
  return prev[b.length];
}

/**
 * Candidates ordered by closeness to `word`, only those close enough to be a plausible typo
 * (or sharing a prefix). Case-insensitive.
 */
export function closest(word: string, candidates: Iterable<string>, limit = 3): string[] {
  const w = word.toLowerCase();
  const max = Math.max(2, Math.floor(w.length / 3));
  const scored: [string, number][] = [];
  for (const c of candidates) {
    const lc = c.toLowerCase();
    let d = distance(w, lc, max);
    if (d > max && w.length >= 3 && (lc.startsWith(w) || w.startsWith(lc) || lc.includes(w))) d = max;
    if (d <= max) scored.push([c, d]);
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
