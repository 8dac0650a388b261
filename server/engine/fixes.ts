/**
 * Applying quick fixes: FixEdit operations (server/types.ts) become exact text edits computed
 * from the `yaml` node ranges, so comments, key order, indentation and flow style survive.
 * Several edits of one fix are applied one after another, re-parsing in between.
 */
import { isMap, isScalar, isSeq, stringify, type Pair, type Scalar, type YAMLMap, type YAMLSeq } from 'yaml';
import { parse, type Parsed } from './parse';
import { childAt, rangeOf, walk, type Walked } from './yaml-paths';
import type { Fix, FixEdit } from '../../rules/domain/types';

export interface TextChange {
  start: number;
  end: number;
  text: string;
}

function lineStart(text: string, offset: number): number {
  return text.lastIndexOf('\n', offset - 1) + 1;
}
function lineEnd(text: string, offset: number): number {
  const i = text.indexOf('\n', offset);
  return i === -1 ? text.length : i;
}
function indentOf(text: string, offset: number): number {
  const s = lineStart(text, offset);
  let i = s;
  while (text[i] === ' ') i++;
  return i - s;
}
/** Column of `offset` on its line. */
const column = (text: string, offset: number) => offset - lineStart(text, offset);

/** The document's indentation step (2 unless the file clearly uses another). */
function indentUnit(text: string): number {
  const counts = new Map<number, number>();
  let prev = 0;
  for (const line of text.split('\n')) {
    if (!line.trim() || line.trimStart().startsWith('#')) continue;
    const ind = line.length - line.trimStart().length;
    if (ind > prev) counts.set(ind - prev, (counts.get(ind - prev) ?? 0) + 1);
    prev = ind;
  }
  let best = 2;
  let n = 0;
  for (const [k, v] of counts) if (v > n && k > 0 && k <= 8) [best, n] = [k, v];
  return best;
}

/** A value as one line of YAML (flow style for collections). */
export function renderFlow(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(renderFlow).join(', ')}]`;
  if (v && typeof v === 'object') {
    const entries = Object.entries(v as Record<string, unknown>);
    return entries.length ? `{ ${entries.map(([k, x]) => `${renderScalar(k)}: ${renderFlow(x)}`).join(', ')} }` : '{}';
  }
  return renderScalar(v);
}

function renderScalar(v: unknown): string {
  if (v === null || v === undefined) return 'null';
  if (typeof v !== 'string') return String(v);
  const plain = stringify(v, { lineWidth: 0 }).trimEnd();
  // Inside flow collections, commas and brackets need quotes too.
  return /[,[\]{}]/.test(v) && !/^["']/.test(plain) ? JSON.stringify(v) : plain;
}

/** One edit against the current text; undefined when it does not apply. */
function editToChange(parsed: Parsed, edit: FixEdit): TextChange | undefined {
  const text = parsed.text;
  const unit = indentUnit(text);
  switch (edit.op) {
    case 'set': {
      const f = walk(parsed, edit.path);
      if (f.node && isScalar(f.node)) {
        const r = rangeOf(f.node)!;
        const s = f.node as Scalar;
        let out = renderScalar(edit.value);
        if (typeof edit.value === 'string' && (s.type === 'QUOTE_DOUBLE' || s.type === 'QUOTE_SINGLE')) {
          out = s.type === 'QUOTE_DOUBLE' ? JSON.stringify(edit.value) : `'${edit.value.replace(/'/g, "''")}'`;
        }
        return { start: r[0], end: r[1], text: out };
      }
      if (f.node === undefined || f.node === null) {
        const key = edit.path[edit.path.length - 1];
        if (typeof key === 'string') return editToChange(parsed, { op: 'insert', path: edit.path.slice(0, -1), key, value: edit.value });
      }
      return undefined;
    }
    case 'rename-key': {
      const f = walk(parsed, edit.path);
      const k = f.pair?.key;
      const r = rangeOf(k);
      return r ? { start: r[0], end: r[1], text: renderScalar(edit.key) } : undefined;
    }
    case 'append': {
      const f = walk(parsed, edit.path);
      const item = renderFlow(edit.item);
      if (f.node && isSeq(f.node)) {
        const seq = f.node as YAMLSeq;
        const r = rangeOf(seq)!;
        if (seq.flow) {
          const close = text.lastIndexOf(']', r[1]);
          const last = seq.items[seq.items.length - 1];
          if (!last) return { start: close, end: close, text: item };
          const lr = rangeOf(last)!;
          return { start: lr[1], end: lr[1], text: `, ${item}` };
        }
        const last = seq.items[seq.items.length - 1];
        const lr = rangeOf(last) ?? r;
        const indent = indentOf(text, lr[0]);
        const at = lineEnd(text, contentEnd(text, lr[1]));
        return { start: at, end: at, text: `\n${' '.repeat(indent)}- ${item}` };
      }
      if (f.pair && (f.node === null || f.node === undefined || (isScalar(f.node) && (f.node as Scalar).value === null))) {
        // `key:` with no value yet.
        const kr = rangeOf(f.pair.key)!;
        const colon = text.indexOf(':', kr[1]);
        const at = lineEnd(text, colon);
        const indent = indentOf(text, kr[0]) + unit;
        const valueRange = rangeOf(f.node);
        const start = valueRange && valueRange[0] > colon ? valueRange[0] : at;
        return { start: colon + 1, end: Math.max(colon + 1, Math.min(start, at)), text: `\n${' '.repeat(indent)}- ${item}` };
      }
      if (f.node === undefined) {
        const key = edit.path[edit.path.length - 1];
        if (typeof key !== 'string') return undefined;
        return editToChange(parsed, { op: 'insert', path: edit.path.slice(0, -1), key, value: [edit.item] });
      }
      return undefined;
    }
    case 'insert': {
      const f: Walked = walk(parsed, edit.path);
      if (f.node && isMap(f.node)) {
        const map = f.node as YAMLMap;
        if (childAt(map, edit.key)) return undefined;
        const r = rangeOf(map)!;
        if (map.flow) {
          const close = text.lastIndexOf('}', r[1]);
          const last = map.items[map.items.length - 1] as Pair<unknown, unknown> | undefined;
          const entry = `${renderScalar(edit.key)}: ${renderFlow(edit.value)}`;
          if (!last) return { start: close, end: close, text: ` ${entry} ` };
          const end = rangeOf(last.value)?.[1] ?? rangeOf(last.key)![1];
          return { start: end, end, text: `, ${entry}` };
        }
        const first = map.items[0] as Pair<unknown, unknown> | undefined;
        const last = map.items[map.items.length - 1] as Pair<unknown, unknown> | undefined;
        const col = first ? column(text, rangeOf(first.key)![0]) : 0;
        const lastEnd = last ? rangeOf(last.value)?.[1] ?? rangeOf(last.key)![1] : r[1];
        const at = lineEnd(text, contentEnd(text, lastEnd));
        return { start: at, end: at, text: `\n${' '.repeat(col)}${renderScalar(edit.key)}: ${renderFlow(edit.value)}` };
      }
      if (f.node === undefined && edit.path.length > 0) {
        const key = edit.path[edit.path.length - 1];
        if (typeof key !== 'string') return undefined;
        return editToChange(parsed, { op: 'insert', path: edit.path.slice(0, -1), key, value: { [edit.key]: edit.value } });
      }
      if (f.pair && (f.node === null || (f.node && isScalar(f.node) && (f.node as Scalar).value === null))) {
        const kr = rangeOf(f.pair!.key)!;
        const colon = text.indexOf(':', kr[1]);
        const indent = indentOf(text, kr[0]) + unit;
        const at = lineEnd(text, colon);
        return { start: colon + 1, end: at, text: `\n${' '.repeat(indent)}${renderScalar(edit.key)}: ${renderFlow(edit.value)}` };
      }
      return undefined;
    }
    case 'delete': {
      const f = walk(parsed, edit.path);
      const parent = f.parent;
      if (!parent) return undefined;
      const target = f.pair ?? f.node;
      if (!target) return undefined;
      const isFlow = (isSeq(parent) || isMap(parent)) && (parent as YAMLSeq | YAMLMap).flow;
      const items = (parent as YAMLSeq | YAMLMap).items as unknown[];
      const idx = items.indexOf(target);
      const startOf = (x: unknown) => (f.pair && x === f.pair ? rangeOf((x as Pair).key)![0] : rangeOf(x)![0]);
      const endOf = (x: unknown) => (f.pair && x === f.pair ? rangeOf((x as Pair).value)?.[1] ?? rangeOf((x as Pair).key)![1] : rangeOf(x)![1]);
      const s = startOf(target);
      const e = endOf(target);
      if (isFlow) {
        if (items.length === 1) return { start: s, end: e, text: '' };
        if (idx < items.length - 1) {
          const next = items[idx + 1];
          const ns = f.pair ? rangeOf((next as Pair).key)![0] : rangeOf(next)![0];
          return { start: s, end: ns, text: '' };
        }
        const prev = items[idx - 1];
        const pe = f.pair ? rangeOf((prev as Pair).value)?.[1] ?? rangeOf((prev as Pair).key)![1] : rangeOf(prev)![1];
        return { start: pe, end: e, text: '' };
      }
      if (items.length === 1) {
        // Removing the only item would leave `key:` (null); write an empty collection instead.
        const ls = isSeq(parent) ? s - (text.slice(lineStart(text, s), s).match(/-\s*$/)?.[0].length ?? 0) : s;
        const from = lineStart(text, ls) === ls ? ls : ls;
        const grandKey = text.lastIndexOf(':', from);
        const empty = isSeq(parent) ? ' []' : ' {}';
        return { start: grandKey + 1, end: lineEnd(text, contentEnd(text, e)), text: empty };
      }
      const ls = lineStart(text, s);
      const le = lineEnd(text, contentEnd(text, e));
      // Comments on the removed lines stay, each on its own line at the item's indentation.
      const indent = /^[ \t]*/.exec(text.slice(ls))?.[0] ?? '';
      const kept = text.slice(ls, le).split('\n').map(lineComment).filter((c): c is string => c !== undefined);
      return { start: ls, end: Math.min(text.length, le + 1), text: kept.map((c) => `${indent}${c}\n`).join('') };
    }
  }
}

/**
 * The comment on a line (from its `#`), outside quotes; undefined when there is none. A quote opens a
 * quoted scalar only where a scalar starts (after indentation, `- `, `: `, `[`, `{` or `,`): the
 * apostrophe in a plain scalar such as `the hospital's records` is text.
 */
function lineComment(line: string): string | undefined {
  let quote: string | undefined;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (quote) {
      // '' inside a single-quoted scalar is an escaped quote, not its end.
      if (c === quote && quote === "'" && line[i + 1] === "'") i++;
      else if (c === quote && (quote === "'" || line[i - 1] !== '\\')) quote = undefined;
    } else if ((c === '"' || c === "'") && startsScalar(line, i)) quote = c;
    else if (c === '#' && (i === 0 || /\s/.test(line[i - 1]))) return line.slice(i).trimEnd();
  }
  return undefined;
}

/** Whether position `i` is where a scalar begins: only whitespace before it, or one of `- `, `: `, `? `, `[`, `{`, `,`. */
function startsScalar(line: string, i: number): boolean {
  const before = line.slice(0, i).trimEnd();
  return before === '' || /(^|\s)[-:?]$/.test(before) || /[[{,]$/.test(before);
}

/** Skip back over trailing whitespace so `end` sits on the last content line. */
function contentEnd(text: string, end: number): number {
  let i = Math.min(end, text.length);
  while (i > 0 && /\s/.test(text[i - 1])) i--;
  return Math.max(0, i - 1);
}

function applyChange(text: string, c: TextChange): string {
  return text.slice(0, c.start) + c.text + text.slice(c.end);
}

/**
 * Applies one fix; returns the text unchanged when none of its edits apply. `given`, the parse of
 * `text` when the caller has it (a code action has its analysis'), spares the first edit a parse.
 */
export function applyFix(text: string, fix: Fix, given?: Parsed): string {
  let cur = text;
  for (const edit of fix.edits) {
    const parsed = given !== undefined && given.text === cur ? given : parse(cur);
    if (!parsed.doc) return text;
    const change = editToChange(parsed, edit);
    if (change) cur = applyChange(cur, change);
  }
  return cur;
}

/** The smallest single replacement that turns `before` into `after`. */
export function diff(before: string, after: string): TextChange {
  let s = 0;
  while (s < before.length && s < after.length && before[s] === after[s]) s++;
  let eb = before.length;
  let ea = after.length;
  while (eb > s && ea > s && before[eb - 1] === after[ea - 1]) {
    eb--;
    ea--;
  }
  return { start: s, end: eb, text: after.slice(s, ea) };
}
