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
  const q = items.map((i) => (quote ? `\`${i}\`` : i));
  if (q.length <= 1) return q.join('');
  const and = join === 'and' ? (lang === 'nb' ? ' og ' : ' and ') : lang === 'nb' ? ' eller ' : ' or ';
  return q.slice(0, -1).join(', ') + and + q[q.length - 1];
}

/** The product's language for an editor locale: Norwegian for nb, no and nn, else English. */
export function langFromLocale(locale: string | undefined): Lang {
  return locale && /^(nb|no|nn)\b/i.test(locale) ? 'nb' : 'en';
}
