/**
 * The one place that turns a path into a place in the text. Rules and the schema report paths;
 * this module finds the YAML node and its range: the value, else its key, else the key of the
 * closest existing ancestor when part of the path is missing. Never the whole file.
 */
import { isMap, isPair, isScalar, isSeq, type LineCounter, type Node, type Pair, type ParsedNode } from 'yaml';
import type { Parsed } from './parse';
import type { Path, Target } from '../../rules/domain/types';

export interface Located {
  /** The node at the full path, when it exists. */
  node?: Node;
  /** The key node of the pair holding `node`, when the last segment is a mapping key. */
  key?: Node;
  /** How many path segments were found (path.length when all exist). */
  depth: number;
  /** The deepest existing node and its key, for missing paths. */
  ancestor?: Node;
  ancestorKey?: Node;
}

export function locate(parsed: Parsed, path: Path): Located {
  let node: Node | null | undefined = parsed.doc?.contents as Node | null | undefined;
  let key: Node | undefined;
  let depth = 0;
  for (const seg of path) {
    if (!node) break;
    let next: Node | null | undefined;
    let nextKey: Node | undefined;
    if (isMap(node)) {
      const pair = findPair(node.items as Pair<unknown, unknown>[], seg);
      if (!pair) break;
      nextKey = isScalar(pair.key) || isMap(pair.key) || isSeq(pair.key) ? (pair.key as Node) : undefined;
      next = pair.value as Node | null;
      if (next === null || next === undefined) {
        // `key:` with no value: the key is the closest place to point at.
        depth++;
        return { key: nextKey, depth, ancestor: nextKey, ancestorKey: nextKey };
      }
    } else if (isSeq(node) && typeof seg === 'number') {
      const item = node.items[seg];
      if (item === undefined || item === null || isPair(item)) break;
      next = item as Node;
      nextKey = undefined;
    } else break;
    node = next;
    key = nextKey;
    depth++;
  }
  if (depth === path.length && node) return { node, key, depth, ancestor: node, ancestorKey: key };
  return { depth, ancestor: node ?? undefined, ancestorKey: key };
}

function findPair(items: Pair<unknown, unknown>[], seg: string | number): Pair<unknown, unknown> | undefined {
  for (const p of items) {
    const k = p.key;
    if (isScalar(k) ? String(k.value) === String(seg) : k === seg) return p;
  }
  return undefined;
}

export function nodeRange(n: Node | undefined): [number, number] | undefined {
  const r = (n as ParsedNode | undefined)?.range;
  if (!r) return undefined;
  return [r[0], r[1]];
}

/**
 * The offsets a finding at `path` points at. `target: 'key'` points at the key (for a finding about a
 * whole section); 'value' at the value when it is a scalar or flow collection that fits on one line,
 * else at the key. Missing paths fall back to the closest existing ancestor's key.
 */
export function rangeFor(parsed: Parsed, path: Path, target: Target = 'value'): [number, number] {
  const loc = locate(parsed, path);
  const text = parsed.text;
  if (loc.node) {
    const keyR = nodeRange(loc.key);
    const valR = nodeRange(loc.node);
    if (target === 'key' && keyR) return keyR;
    if (valR && (isScalar(loc.node) || !keyR || singleLine(text, valR))) {
      return isScalar(loc.node) || !keyR ? trimBlock(text, valR) : valR;
    }
    if (keyR) return keyR;
    if (valR) return firstLine(text, valR);
  }
  // Missing: the closest existing ancestor's key, else its first line.
  const aKey = nodeRange(loc.ancestorKey);
  if (aKey) return aKey;
  const aNode = nodeRange(loc.ancestor);
  if (aNode) {
    // A sequence item: its first line is the smallest place that names it.
    return firstLine(text, aNode);
  }
  return firstLine(text, [0, text.length]);
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
  if (singleLine(text, r)) return r;
  return firstLine(text, r);
}

/** 0-based line and character for an offset. */
export function position(lc: LineCounter, offset: number): { line: number; character: number } {
  const { line, col } = lc.linePos(offset);
  return { line: line - 1, character: col - 1 };
}
