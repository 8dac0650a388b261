/** Where the cursor is in the YAML: the path, and whether it is on a key or a value. */
import { isMap, isScalar, isSeq, type Node, type Pair, type ParsedNode } from 'yaml';
import type { Parsed } from '../../engine/parse';
import type { Path } from '../../../rules/domain/types';

export interface At {
  path: (string | number)[];
  onKey: boolean;
  node?: Node;
  /** The scalar value under the cursor, as text. */
  value?: string;
  range?: [number, number];
}

const r = (n: unknown) => (n as ParsedNode | undefined)?.range;

export function nodeAt(parsed: Parsed, offset: number): At | undefined {
  const root = parsed.doc?.contents as Node | null | undefined;
  if (!root) return undefined;
  const walk = (node: Node, path: (string | number)[]): At | undefined => {
    if (isMap(node)) {
      for (const p of node.items as Pair<unknown, unknown>[]) {
        const kr = r(p.key);
        const key = isScalar(p.key) ? String(p.key.value) : String(p.key);
        if (kr && offset >= kr[0] && offset <= kr[1]) return { path: [...path, key], onKey: true, node: p.key as Node, value: key, range: [kr[0], kr[1]] };
        const vr = r(p.value);
        if (p.value && vr && offset >= vr[0] && offset <= vr[1]) return walk(p.value as Node, [...path, key]) ?? { path: [...path, key], onKey: false };
      }
      return undefined;
    }
    if (isSeq(node)) {
      for (const [i, item] of node.items.entries()) {
        const ir = r(item);
        if (ir && offset >= ir[0] && offset <= ir[1]) return walk(item as Node, [...path, i]) ?? { path: [...path, i], onKey: false };
      }
      return undefined;
    }
    if (isScalar(node)) {
      const nr = r(node)!;
      return { path, onKey: false, node, value: node.value === null ? '' : String(node.value), range: [nr[0], nr[1]] };
    }
    return undefined;
  };
  return walk(root, []);
}

/** The schema node for a path (through properties, items and local $refs). */
export function schemaAt(schema: Record<string, unknown>, path: Path): Record<string, unknown> | undefined {
  const deref = (s: Record<string, unknown> | undefined): Record<string, unknown> | undefined => {
    let cur = s;
    for (let i = 0; i < 10 && cur && typeof cur.$ref === 'string'; i++) {
      const ref = cur.$ref as string;
      const parts = ref.replace(/^#\//, '').split('/');
      let next: unknown = schema;
      for (const p of parts) next = (next as Record<string, unknown>)?.[p];
      cur = { ...(next as Record<string, unknown>), ...Object.fromEntries(Object.entries(cur).filter(([k]) => k !== '$ref')) };
    }
    return cur;
  };
  let cur: Record<string, unknown> | undefined = schema;
  for (const seg of path) {
    cur = deref(cur);
    if (!cur) return undefined;
    if (typeof seg === 'number') cur = cur.items as Record<string, unknown> | undefined;
    else cur = (cur.properties as Record<string, Record<string, unknown>> | undefined)?.[seg];
  }
  return deref(cur);
}

/** Local data source ids and where they and their references are. */
export function sourceIdOccurrences(parsed: Parsed): { id: string; range: [number, number]; kind: 'definition' | 'reference' }[] {
  const out: { id: string; range: [number, number]; kind: 'definition' | 'reference' }[] = [];
  const root = parsed.doc?.contents;
  if (!isMap(root)) return out;
  const get = (m: unknown, k: string) => (isMap(m) ? (m.items as Pair<unknown, unknown>[]).find((p) => isScalar(p.key) && p.key.value === k)?.value : undefined);
  const ds = get(root, 'data_sources');
  if (isSeq(ds)) for (const item of ds.items) {
    const id = get(item, 'id');
    if (isScalar(id) && typeof id.value === 'string') out.push({ id: id.value, range: [r(id)![0], r(id)![1]], kind: 'definition' });
  }
  const links = get(get(root, 'linkage'), 'links');
  if (isSeq(links)) for (const l of links.items) if (isSeq(l)) for (const x of l.items) {
    if (isScalar(x) && typeof x.value === 'string') out.push({ id: x.value, range: [r(x)![0], r(x)![1]], kind: 'reference' });
  }
  const cg = get(get(get(root, 'population'), 'control_group'), 'source');
  if (isScalar(cg) && typeof cg.value === 'string') out.push({ id: cg.value, range: [r(cg)![0], r(cg)![1]], kind: 'reference' });
  return out;
}
