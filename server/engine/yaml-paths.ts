/**
 * The one walk over the YAML tree. Every lookup between the descriptor's text and its paths goes
 * through here: path -> node (`walk`), path -> range (`rangeFor`), node -> range (`rangeOf`),
 * offset -> path (`nodeAt`), path -> line (`lineOf`), offset -> position (`position`), and the
 * mapping child by key (`childAt`). Rules and the schema report paths; this module places them.
 */
import { isCollection, isMap, isPair, isScalar, isSeq, type LineCounter, type Node, type Pair, type ParsedNode } from 'yaml';
import type { Path, Target } from '../../rules/domain/types';
import { COMPLEX_KEY, type Parsed } from './parse';

/** What a path leads to. */
export interface Walked {
  /** The node at the full path; `null` for `key:` with no value; undefined when the path is missing. */
  node?: Node | null;
  /** The pair holding `node`, when the last segment is a mapping key. */
  pair?: Pair<unknown, unknown>;
  /** The collection holding `node` (or where it would be), when the path up to it exists. */
  parent?: Node;
  /** How many segments were found (path.length when all exist). */
  depth: number;
  /** The deepest existing node, and the key node of the pair holding it, for missing paths. */
  ancestor?: Node;
  ancestorKey?: Node;
}

/**
 * A key as text. A mapping or list as a key (which `parse` reports and replaces) gets a fixed
 * stand-in: `yaml` stringifies such keys in time exponential in their nesting.
 */
const keyText = (k: unknown): string => (isScalar(k) ? String(k.value) : isCollection(k) ? COMPLEX_KEY : String(k));

/** Mappings with many keys get an index from key text to its first pair, so looking up every key is linear, not quadratic. */
const INDEXED_FROM = 16;
const indexes = new WeakMap<object, { items: number; byKey: Map<string, Pair<unknown, unknown>> }>();

/** The pair of a mapping whose key is `key` (compared as text; the first one when a key is there twice). */
export function childAt(map: unknown, key: string | number): Pair<unknown, unknown> | undefined {
  if (!isMap(map)) return undefined;
  const items = map.items as Pair<unknown, unknown>[];
  const want = String(key);
  if (items.length < INDEXED_FROM) {
    for (const p of items) if (keyText(p.key) === want) return p;
    return undefined;
  }
  let index = indexes.get(map);
  // A parsed document is not changed after parsing; a mapping that grew or shrank is indexed again.
  if (!index || index.items !== items.length) {
    const byKey = new Map<string, Pair<unknown, unknown>>();
    for (const p of items) {
      const k = keyText(p.key);
      if (!byKey.has(k)) byKey.set(k, p);
    }
    indexes.set(map, (index = { items: items.length, byKey }));
  }
  return index.byKey.get(want);
}

/** The value node under `key` in a mapping. */
export const valueAt = (map: unknown, key: string): unknown => childAt(map, key)?.value;

/** The scalar under `key` as text (numbers too), when there is one. */
export function scalarText(map: unknown, key: string): string | undefined {
  const v = valueAt(map, key);
  return isScalar(v) && v.value !== null ? String(v.value) : undefined;
}

export function walk(parsed: Parsed, path: Path): Walked {
  let node: Node | null | undefined = parsed.doc?.contents as Node | null | undefined;
  let pair: Pair<unknown, unknown> | undefined;
  let parent: Node | undefined;
  let ancestorKey: Node | undefined;
  let depth = 0;
  for (const seg of path) {
    if (!node) {
      // An intermediate `key:` with no value: nothing below it exists.
      return { depth, ancestor: ancestorKey, ancestorKey };
    }
    if (isMap(node)) {
      const p = childAt(node, seg);
      if (!p) return { parent: node, depth, ancestor: node, ancestorKey };
      parent = node;
      pair = p;
      ancestorKey = isScalar(p.key) || isMap(p.key) || isSeq(p.key) ? (p.key as Node) : undefined;
      node = p.value as Node | null;
    } else if (isSeq(node) && typeof seg === 'number') {
      const item = node.items[seg];
      if (item === undefined || item === null || isPair(item)) return { parent: node, depth, ancestor: node, ancestorKey };
      parent = node;
      pair = undefined;
      ancestorKey = undefined;
      node = item as Node;
    } else return { depth, ancestor: node, ancestorKey };
    depth++;
  }
  return { node: node ?? null, pair, parent, depth, ancestor: node ?? ancestorKey, ancestorKey };
}

/** A node's offsets, end exclusive. */
export function rangeOf(n: unknown): [number, number] | undefined {
  const r = (n as ParsedNode | undefined)?.range;
  return r ? [r[0], r[1]] : undefined;
}

/**
 * The offsets a finding at `path` points at. `target: 'key'` points at the key (for a finding about a
 * whole section); 'value' at the value when it is a scalar or flow collection that fits on one line,
 * else at the key. Missing paths fall back to the closest existing ancestor's key. Never the whole file.
 */
export function rangeFor(parsed: Parsed, path: Path, target: Target = 'value'): [number, number] {
  const w = walk(parsed, path);
  const text = parsed.text;
  const key = w.depth === path.length ? w.ancestorKey : undefined;
  if (w.node) {
    const keyR = rangeOf(key);
    const valR = rangeOf(w.node);
    if (target === 'key' && keyR) return keyR;
    if (valR && (isScalar(w.node) || !keyR || singleLine(text, valR))) {
      return isScalar(w.node) || !keyR ? trimBlock(text, valR) : valR;
    }
    if (keyR) return keyR;
    if (valR) return firstLine(text, valR);
  }
  // Missing (or `key:` with no value): the closest existing ancestor's key, else its first line.
  const aKey = rangeOf(w.ancestorKey);
  if (aKey) return aKey;
  const aNode = rangeOf(w.ancestor);
  if (aNode) return firstLine(text, aNode);
  return firstLine(text, [0, text.length]);
}

/** The 0-based line where the node at `path` starts. */
export function lineOf(parsed: Parsed, path: Path): number | undefined {
  const r = rangeOf(walk(parsed, path).node);
  return r ? parsed.lineCounter.linePos(r[0]).line - 1 : undefined;
}

/** 0-based line and character for an offset. */
export function position(lc: LineCounter, offset: number): { line: number; character: number } {
  const { line, col } = lc.linePos(offset);
  return { line: line - 1, character: col - 1 };
}

function singleLine(text: string, [s, e]: [number, number]): boolean {
  const nl = text.indexOf('\n', s);
  return nl === -1 || nl >= e;
}

function firstLine(text: string, [s, e]: [number, number]): [number, number] {
  let start = s;
  while (start < e && /\s/.test(text[start])) start++;
  const nl = text.indexOf('\n', start);
  const end = nl === -1 || nl > e ? e : nl;
  return [start, Math.max(end, Math.min(start + 1, text.length))];
}

/** Block scalars span lines; point at their first line. */
function trimBlock(text: string, r: [number, number]): [number, number] {
  return singleLine(text, r) ? r : firstLine(text, r);
}

/** Where the cursor is: the path, and whether it is on a key or a value. */
export interface At {
  path: (string | number)[];
  onKey: boolean;
  node?: Node;
  /** The scalar value under the cursor, as text. */
  value?: string;
  range?: [number, number];
}

export function nodeAt(parsed: Parsed, offset: number): At | undefined {
  const root = parsed.doc?.contents as Node | null | undefined;
  if (!root) return undefined;
  const inside = (r: [number, number] | undefined): r is [number, number] => r !== undefined && offset >= r[0] && offset <= r[1];
  const visit = (node: Node, path: (string | number)[]): At | undefined => {
    if (isMap(node)) {
      for (const p of node.items as Pair<unknown, unknown>[]) {
        const key = keyText(p.key);
        const kr = rangeOf(p.key);
        if (inside(kr)) return { path: [...path, key], onKey: true, node: p.key as Node, value: key, range: kr };
        if (p.value && inside(rangeOf(p.value))) return visit(p.value as Node, [...path, key]) ?? { path: [...path, key], onKey: false };
      }
      return undefined;
    }
    if (isSeq(node)) {
      for (const [i, item] of node.items.entries()) {
        if (inside(rangeOf(item))) return visit(item as Node, [...path, i]) ?? { path: [...path, i], onKey: false };
      }
      return undefined;
    }
    if (isScalar(node)) return { path, onKey: false, node, value: node.value === null ? '' : String(node.value), range: rangeOf(node) };
    return undefined;
  };
  return visit(root, []);
}

export interface SourceIdOccurrence {
  id: string;
  range: [number, number];
  kind: 'definition' | 'reference';
}

/** Local data source ids (`data_sources[].id`) and where they are referenced (links, control group). */
export function sourceIdOccurrences(parsed: Parsed): SourceIdOccurrence[] {
  const out: SourceIdOccurrence[] = [];
  const root = parsed.doc?.contents;
  if (!isMap(root)) return out;
  const add = (n: unknown, kind: SourceIdOccurrence['kind']) => {
    const r = rangeOf(n);
    if (isScalar(n) && typeof n.value === 'string' && r) out.push({ id: n.value, range: r, kind });
  };
  const ds = valueAt(root, 'data_sources');
  if (isSeq(ds)) for (const item of ds.items) add(valueAt(item, 'id'), 'definition');
  const links = valueAt(valueAt(root, 'linkage'), 'links');
  if (isSeq(links)) for (const l of links.items) if (isSeq(l)) for (const x of l.items) add(x, 'reference');
  add(valueAt(valueAt(valueAt(root, 'population'), 'control_group'), 'source'), 'reference');
  return out;
}
