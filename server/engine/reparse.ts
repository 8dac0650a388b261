/**
 * Re-reading a document after an edit. Typing in a value is most edits, and then the document's
 * structure is known: only that value is read again. Anything else, and whenever in doubt, is a
 * full parse (`parse`).
 */
import { Alias, Pair, Scalar, visit, YAMLMap, YAMLSeq, LineCounter, isAlias, isCollection, isMap, isPair, isScalar, isSeq, type Document, type Node, type ParsedNode } from 'yaml';
import { diff, type TextChange } from './fixes';
import { LIMITS, parse, type Parsed } from './parse';
import { nodeAt } from './yaml-paths';

/**
 * The parse of `text`, reusing `from.previous` (the parse of an earlier version of the same
 * document) when the text is the same or differs only inside one value on one line. The previous
 * parse is taken out of `from` when read, so that a full parse does not hold the old tree beside
 * the new one, and it is never changed.
 */
export function reparse(from: { previous?: Parsed }, text: string): Parsed {
  const prev = from.previous;
  from.previous = undefined;
  if (prev?.text === text) return prev;
  const quick = prev && editInValue(prev, text);
  return quick ?? parse(text);
}

/** The offset `x` of the old text in the new one; undefined when it falls inside the replaced text. */
function moved(x: number, c: TextChange, delta: number): number | undefined {
  if (x < c.start) return x;
  if (x >= c.end) return x + delta;
  return c.start === c.end ? x : undefined;
}

/** The nodes of one line parsed on its own, keys included, in order; undefined when the line is not well-formed YAML by itself. */
function lineNodes(line: string): Node[] | undefined {
  const p = parse(line);
  if (!p.doc || p.problems.length || p.doc.warnings.length) return undefined;
  const nodes: Node[] = [];
  visit(p.doc, { Node: (_, n) => void nodes.push(n) });
  return nodes;
}

/** The reading of a scalar: what the edited value takes from its line. */
const SCALAR_PROPS = ['value', 'source', 'type', 'format', 'minFractionDigits', 'tag'] as const;

/**
 * A copy of a node tree with every position moved by the change, and `edited` (the old node of the
 * edited value) reading as `reading`. Undefined when a position falls inside the replaced text
 * (then the edit was not inside one value after all).
 */
function copyMoved(node: unknown, c: TextChange, delta: number, edited: Node, reading: Scalar): unknown {
  if (!isScalar(node) && !isMap(node) && !isSeq(node) && !isAlias(node)) return node;
  const copy: Node = isScalar(node) ? new Scalar(node.value) : isMap(node) ? new YAMLMap(node.schema) : isSeq(node) ? new YAMLSeq(node.schema) : new Alias(node.source);
  Object.assign(copy, node);
  const r = (node as ParsedNode).range;
  if (r) {
    const m = r.map((x) => moved(x, c, delta));
    if (m.includes(undefined)) return undefined;
    (copy as ParsedNode).range = m as [number, number, number];
  }
  if (node === edited) {
    const to = copy as unknown as Record<string, unknown>;
    const from = reading as unknown as Record<string, unknown>;
    for (const k of SCALAR_PROPS) {
      if (from[k] === undefined) delete to[k];
      else to[k] = from[k];
    }
  }
  if (isCollection(node)) {
    const items: unknown[] = [];
    for (const item of node.items) {
      const parts = isPair(item) ? [item.key, item.value] : [item];
      const copies = parts.map((x) => copyMoved(x, c, delta, edited, reading));
      if (copies.some((x, i) => x === undefined && parts[i] !== undefined)) return undefined;
      items.push(isPair(item) ? new Pair(copies[0], copies[1]) : copies[0]);
    }
    (copy as YAMLMap | YAMLSeq).items = items as never;
  }
  return copy;
}

/**
 * The fast path of `reparse`. Taken only when all of these hold, else undefined:
 * - the earlier parse had no problem, no warning and no `%YAML` directive, and the edited value has
 *   no anchor or tag;
 * - the edit (one replaced run of text, no line break in it) lies inside a value on one line that
 *   is not a key, after its first character;
 * - that line, parsed on its own before and after the edit, is well-formed YAML of the same shape:
 *   the same nodes of the same kinds, in the same places (moved by the edit), the edited value's
 *   old reading the same as in the document.
 * The new document is a copy of the old one (which stays as it was) with the value's new reading
 * from the line and every position after the edit moved.
 */
export function editInValue(prev: Parsed, text: string): Parsed | undefined {
  const doc = prev.doc;
  if (!doc || prev.problems.length || doc.errors.length || doc.warnings.length || prev.value === undefined || doc.directives?.yaml.explicit) return undefined;
  if (Buffer.byteLength(text, 'utf8') > LIMITS.maxBytes) return undefined;
  const change = diff(prev.text, text);
  const delta = change.text.length - (change.end - change.start);
  if (/[\r\n]/.test(change.text) || /[\r\n]/.test(prev.text.slice(change.start, change.end))) return undefined;
  const at = nodeAt(prev, change.start);
  const old = at?.node as (Scalar & ParsedNode) | undefined;
  if (!at || at.onKey || !isScalar(old) || old.anchor || old.tag) return undefined;
  if (!(old.range[0] < change.start && change.end <= old.range[1]) || /[\r\n]/.test(prev.text.slice(old.range[0], old.range[1]))) return undefined;

  const lineStart = prev.text.lastIndexOf('\n', change.start - 1) + 1;
  const lineEnd = prev.text.indexOf('\n', change.end);
  const oldLine = prev.text.slice(lineStart, lineEnd === -1 ? prev.text.length : lineEnd);
  const newLine = oldLine.slice(0, change.start - lineStart) + change.text + oldLine.slice(change.end - lineStart);
  const before = lineNodes(oldLine);
  const after = lineNodes(newLine);
  if (!before || !after || before.length !== after.length) return undefined;
  const local: TextChange = { start: change.start - lineStart, end: change.end - lineStart, text: change.text };
  let reading: Scalar | undefined;
  for (let i = 0; i < before.length; i++) {
    const a = before[i] as ParsedNode;
    const b = after[i] as ParsedNode;
    if (a.constructor !== b.constructor || (a as Scalar).type !== (b as Scalar).type) return undefined;
    if (isCollection(a) && isCollection(b) && (a.flow ?? false) !== (b.flow ?? false)) return undefined;
    if (!a.range || !b.range || a.anchor || b.anchor || a.tag !== b.tag) return undefined;
    if (isScalar(a) && a.range[0] === old.range[0] - lineStart && a.range[0] < local.start && local.end <= a.range[1]) {
      // The edited value: its old reading on the line alone must be the document's.
      if (reading || a.value !== old.value || a.type !== old.type || !isScalar(b)) return undefined;
      if (b.range[0] !== a.range[0] || b.range[1] !== a.range[1] + delta || b.range[2] !== a.range[2] + delta) return undefined;
      reading = b;
      continue;
    }
    for (let k = 0; k < 3; k++) if (moved(a.range[k], local, delta) !== b.range[k]) return undefined;
    if (isScalar(a) && isScalar(b) && (a.value !== b.value || a.source !== b.source)) return undefined;
  }
  if (!reading) return undefined;

  // The document is copied with its positions moved (`yaml`'s own clone makes slow objects).
  const contents = doc.contents;
  let copy: Document.Parsed<ParsedNode>;
  try {
    doc.contents = null as unknown as ParsedNode;
    copy = doc.clone() as Document.Parsed<ParsedNode>;
  } finally {
    doc.contents = contents;
  }
  const copied = copyMoved(contents, change, delta, old, reading);
  if (copied === undefined) return undefined;
  copy.contents = copied as ParsedNode;
  if (copy.range) copy.range = copy.range.map((x) => moved(x, change, delta) ?? x) as [number, number, number];

  const lineCounter = new LineCounter();
  for (const s of prev.lineCounter.lineStarts) lineCounter.addNewLine(s > change.start ? s + delta : s);
  try {
    return { text, doc: copy, lineCounter, value: copy.toJS({ maxAliasCount: LIMITS.maxAliasCount }), problems: [] };
  } catch {
    return undefined;
  }
}
