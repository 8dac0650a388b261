/**
 * Typing in a value re-reads only that value: `reparse` gives exactly what a full parse of the new
 * text gives (every node, its kind, its reading and its place; the plain value; the line starts;
 * the findings of the check), on every example and fixture, for edits that keep the value a value
 * and for edits that change the structure (where the full parse must be the one taken).
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { isCollection, isNode, isPair, isScalar, type Node, type ParsedNode } from 'yaml';
import { check } from '../../server/engine/engine';
import { parse, type Parsed } from '../../server/engine/parse';
import { editInValue, reparse } from '../../server/engine/reparse';

function descriptors(dir: string, out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) descriptors(p, out);
    else if (/\.ya?ml$/.test(name)) out.push(p);
  }
  return out;
}

const FILES = [...descriptors(join(process.cwd(), 'examples')), ...descriptors(join(process.cwd(), 'test', 'fixtures'))];

/** Every node with what a reader of the tree sees of it. */
function shape(p: Parsed): unknown {
  const out: unknown[] = [];
  const walk = (n: unknown): void => {
    if (!isNode(n)) {
      out.push(n === undefined ? 'undefined' : n);
      return;
    }
    const node = n as Node & ParsedNode & Record<string, unknown>;
    out.push({
      kind: node.constructor.name,
      range: node.range,
      type: node.type,
      value: isScalar(node) ? node.value : undefined,
      source: node.source,
      format: node.format,
      tag: node.tag,
      anchor: node.anchor,
      comment: node.comment,
      commentBefore: node.commentBefore,
      spaceBefore: node.spaceBefore,
      flow: isCollection(node) ? node.flow : undefined,
    });
    if (isCollection(node)) {
      for (const item of node.items) {
        if (isPair(item)) {
          walk(item.key);
          walk(item.value);
        } else walk(item);
      }
    }
  };
  walk(p.doc?.contents);
  return { nodes: out, range: p.doc?.range, lines: p.lineCounter.lineStarts, value: p.value, problems: p.problems, comment: p.doc?.comment, commentBefore: p.doc?.commentBefore };
}

/** Single-line scalar values (not keys) of a text's parse: where edits inside a value happen. */
function values(p: Parsed): [number, number][] {
  const out: [number, number][] = [];
  const walk = (n: unknown, key = false): void => {
    if (!isNode(n)) return;
    const r = (n as ParsedNode).range;
    if (isScalar(n) && !key && r && !p.text.slice(r[0], r[1]).includes('\n') && r[1] > r[0]) out.push([r[0], r[1]]);
    if (isCollection(n)) for (const item of n.items) if (isPair(item)) (walk(item.key, true), walk(item.value)); else walk(item);
  };
  walk(p.doc?.contents);
  return out;
}

/** A small deterministic generator, so a failure can be replayed. */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => ((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32);
}

const INSERTS = ['x', 'ø', ' ', '  ', '#', ' #', ' # note', ':', ': ', ': x', '"', "'", ',', ']', '}', '[', '{', '-', '- ', '&a ', '*a', '!', '!!int ', '\\', '\t', '1', '.5', 'e3', '%', '@', '`', '|', '>', '?', '? '];

function edits(text: string, p: Parsed, rnd: () => number, n: number): string[] {
  const vs = values(p);
  const out: string[] = [];
  for (let i = 0; i < n && vs.length; i++) {
    const [s, e] = vs[Math.floor(rnd() * vs.length)];
    const at = s + 1 + Math.floor(rnd() * (e - s));
    const kind = rnd();
    if (kind < 0.6) out.push(text.slice(0, at) + INSERTS[Math.floor(rnd() * INSERTS.length)] + text.slice(at));
    else if (kind < 0.8 && at < e) out.push(text.slice(0, at) + text.slice(at + 1));
    else {
      // The whole value after its first character replaced: numbers, booleans, null and dates read differently.
      const words = ['23', 'rue', 'ull', '025-01-01', 'o', 'es', 'x: y', 'ext # c', '.nan'];
      out.push(text.slice(0, s + 1) + words[Math.floor(rnd() * words.length)] + text.slice(e));
    }
  }
  return out;
}

const options = { lang: 'en' as const, today: '2026-12-06' };
const findings = (p: Parsed | string) => check(p, options).results.map((r) => ({ rule: r.rule, message: r.message, range: r.range, severity: r.severity, fixes: r.fixes }));

describe('reparse: typing in a value re-reads only that value', () => {
  it('gives what a full parse gives, on every example and fixture, for value edits of every kind', function () {
    this.timeout(120_000);
    const rnd = random(20261206);
    let fast = 0;
    let total = 0;
    for (const file of FILES) {
      const text = readFileSync(file, 'utf8');
      const prev = parse(text);
      for (const next of edits(text, prev, rnd, 15)) {
        total++;
        const quick = editInValue(prev, next);
        const full = parse(next);
        if (!quick) continue;
        fast++;
        assert.deepEqual(shape(quick), shape(full), `${file}: ${JSON.stringify(next.slice(0, 0))}reparse differs from a full parse`);
      }
    }
    // The fast path is taken for a good share of these edits, and refused for the rest.
    assert.ok(fast > total * 0.3, `fast path taken ${fast} of ${total}`);
    assert.ok(fast < total, `fast path refused none of ${total}`);
  });

  it('gives the same findings as a full check', function () {
    this.timeout(120_000);
    const rnd = random(7);
    let compared = 0;
    for (const file of FILES.filter((f) => f.includes(`${join('examples')}`) || /fixtures\/[^/]+\.descriptor\.yaml$/.test(f))) {
      const text = readFileSync(file, 'utf8');
      const prev = parse(text);
      for (const next of edits(text, prev, rnd, 8)) {
        const quick = editInValue(prev, next);
        if (!quick) continue;
        compared++;
        assert.deepEqual(findings(quick), findings(next), file);
      }
    }
    assert.ok(compared > 20, `compared ${compared}`);
  });

  it('leaves the earlier parse as it was', () => {
    const text = 'descriptor: 1\nproject:\n  title: Old title\n  summary: x\n';
    const prev = parse(text);
    const before = JSON.stringify(shape(prev));
    const next = reparse({ previous: prev }, text.replace('Old title', 'Older title'));
    assert.equal((next.value as { project: { title: string } }).project.title, 'Older title');
    assert.notEqual(next.doc, prev.doc);
    assert.equal(JSON.stringify(shape(prev)), before);
  });

  it('re-reads in full what is not a value edit', () => {
    const text = 'descriptor: 1\nproject:\n  title: A\n  summary: x\n';
    const prev = parse(text);
    // A key, a new line, a value that becomes a mapping, a comment, and text after the first character of a key.
    for (const next of [
      text.replace('title: A', 'titel: A'),
      text.replace('title: A', 'title: A\n  extra: y'),
      text.replace('summary: x', 'summary: x: y'),
      text.replace('summary: x', 'summary: x # why'),
      text.replace('title: A', 'title: "A'),
    ]) {
      assert.equal(editInValue(prev, next), undefined, next);
      assert.deepEqual(shape(reparse({ previous: prev }, next)), shape(parse(next)));
    }
    // A file with a problem is never patched.
    const broken = 'descriptor: 1\nproject:\n  title: A\n  title: B\n';
    assert.equal(editInValue(parse(broken), broken.replace('B', 'BC')), undefined);
  });
});
