/**
 * The wizard's search over the catalogue's sources (no VS Code API here, so tests can read it). A
 * source is found by its id, abbreviation, its name in either language, its other names and its
 * search words, so "Hjerneslag" finds the stroke register in English too; an exact id or
 * abbreviation comes first ("NPR" is the Norwegian Patient Registry), then names that start with
 * the words typed, then names that contain them, then the search words.
 */
import type { WizardSource } from '../../server/lsp/protocol';

const fold = (s: string) => s.toLocaleLowerCase('nb').normalize('NFKD').replace(/[\u0300-\u036f]/g, '');

/** How well a source matches the query, lower is better; undefined when it does not match. */
function sourceRank(s: WizardSource, query: string): number | undefined {
  const q = fold(query.trim());
  if (!q) return 0;
  const names = [s.name, ...s.names].map(fold);
  const ids = [s.id, s.abbreviation ?? ''].map(fold);
  if (ids.includes(q)) return 0;
  if (ids.some((x) => x.startsWith(q))) return 1;
  if (names.some((n) => n.startsWith(q))) return 2;
  if (names.some((n) => n.split(/[\s-]+/).some((w) => w.startsWith(q)))) return 3;
  if (names.some((n) => n.includes(q)) || ids.some((x) => x.includes(q))) return 4;
  const words = q.split(/\s+/);
  const hay = [...names, ...ids, ...s.keywords.map(fold)].join(' ');
  if (words.every((w) => hay.includes(w))) return 5;
  return undefined;
}

/** The sources that match, best first; the catalogue's order among equals. */
export function searchSources(sources: readonly WizardSource[], query: string): WizardSource[] {
  return sources
    .map((s, i) => ({ s, i, r: sourceRank(s, query) }))
    .filter((x): x is { s: WizardSource; i: number; r: number } => x.r !== undefined)
    .sort((a, b) => a.r - b.r || a.i - b.i)
    .map((x) => x.s);
}
