/**
 * Property-based fuzzing of descriptors: insertions and deletions, swapped types, deep nesting,
 * unicode and very long lines. The engine never throws and every range stays inside the text;
 * the language server answers every request while its document is mangled; every quick fix on a
 * commented descriptor gives valid YAML and keeps every comment. A structural mode builds random
 * YAML trees (mappings and lists as keys, flow and block style, anchors and aliases, nesting past
 * the limit, block scalars) in odd encodings (byte order marks, CRLF, Latin-1, UTF-16, stray
 * bytes): the engine answers each within a bound and never throws.
 * Runs FUZZ_RUNS cases (10,000 in `npm test`, 100,000 in `npm run fuzz`; a tenth of that in the structural mode).
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { check } from '../../server/engine/engine';
import { decodeUtf8 } from '../../server/engine/encoding';
import { fixAll } from '../../server/engine/fix-all';
import { applyFix } from '../../server/engine/fixes';
import { LIMITS } from '../../server/engine/parse';
import { comments, yamlErrors } from '../helpers/yaml';
import { TestClient } from '../helpers/lsp-client';

const RUNS = Number(process.env.FUZZ_RUNS ?? 10000);
const examplesDir = join(process.cwd(), 'examples');
const seeds = readdirSync(examplesDir)
  .filter((f) => f.endsWith('.descriptor.yaml'))
  .map((f) => readFileSync(join(examplesDir, f), 'utf8'));
const SMALL = `descriptor: 1
project: { title: T, institution: T HF, staff: [{ name: A, role: researcher }] }
purpose: { category: health-research, secondary: [product-development], product: clinical-decision-support }
legal_basis: { consent: true }
data_sources:
  - id: a
    source: npr
    variables: [{ name: x, granularity: date }]
linkage: { links: [[a, b]] }
approvals: [{ kind: rek-preapproval, status: planned, staff: [A] }]
`;
const bases = [SMALL, ...seeds];

const yamlish = fc.constantFrom(':', '- ', '[', ']', '{', '}', ',', '#', '&a ', '*a', '!!str ', '? ', '|', '>', '"', "'", '\n', '\n  ', '\t', '---\n', '...', '%YAML 1.2\n', '@', '`', '\u0000', '\uFEFF', 'æøå', '\u{1F600}', '\r\n');
const text = fc.oneof(fc.string({ maxLength: 20 }), fc.string({ unit: 'grapheme', maxLength: 10 }), yamlish, fc.array(yamlish, { maxLength: 8 }).map((a) => a.join('')));
const swap = fc.constantFrom('[1, 2]', '{ a: b }', '123', '-1.5', 'true', 'null', '~', '""', '2025-13-45', '[[[[]]]]', '{a: {b: {c: [d]}}}', '*undefined', '!!binary aGVsbG8=', '!!js/function "f"');

type Mutation = (s: string) => string;
const at = (s: string, f: number) => Math.floor(f * (s.length + 1));
const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), text).map(([f, t]) => (s: string) => s.slice(0, at(s, f)) + t + s.slice(at(s, f))),
  fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.nat(40)).map(([f, n]) => (s: string) => s.slice(0, at(s, f)) + s.slice(at(s, f) + n)),
  fc.tuple(fc.nat(200), swap).map(([k, v]) => (s: string) => {
    const values = [...s.matchAll(/: ([^\n#]+)/g)];
    if (!values.length) return s;
    const m = values[k % values.length];
    const start = (m.index ?? 0) + 2;
    return s.slice(0, start) + v + s.slice(start + m[1].length);
  }),
  fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 10, max: 300 })).map(([f, d]) => (s: string) => s.slice(0, at(s, f)) + '['.repeat(d) + ']'.repeat(d) + s.slice(at(s, f))),
  fc.tuple(fc.double({ min: 0, max: 1, noNaN: true }), fc.integer({ min: 1000, max: 200000 })).map(([f, n]) => (s: string) => s.slice(0, at(s, f)) + 'x'.repeat(n) + s.slice(at(s, f))),
  fc.tuple(fc.nat(50), fc.integer({ min: 1, max: 80 })).map(([line, depth]) => (s: string) => {
    const lines = s.split('\n');
    const i = line % lines.length;
    lines[i] = ' '.repeat(depth) + lines[i];
    return lines.join('\n');
  }),
);
const mangled = fc.tuple(fc.constantFrom(...bases), fc.array(mutation, { minLength: 1, maxLength: 4 })).map(([b, ms]) => ms.reduce((s, m) => m(s), b));

/** A YAML tree, rendered to text by `render`: what the structural mode generates. */
type YNode =
  | { kind: 'scalar'; text: string; anchor?: string }
  | { kind: 'text'; lines: string[]; anchor?: string }
  | { kind: 'alias'; name: string }
  | { kind: 'map'; flow: boolean; explicit: boolean; anchor?: string; entries: [YNode, YNode][] }
  | { kind: 'seq'; flow: boolean; anchor?: string; items: YNode[] }
  /** Text made directly (deep nesting, which a recursive renderer could not build); `block` when it spans lines. */
  | { kind: 'raw'; text: string; block: boolean };

const anchorName = fc.constantFrom('a', 'b', 'v', 'x1');
const maybeAnchor = fc.option(anchorName, { nil: undefined, freq: 3 });
const scalarText = fc.oneof(
  fc.constantFrom('x', 'npr', 'health-research', 'date', '1', '-1.5e3', 'null', '~', 'true', "a'b", '"q\\" [x', "'s''q'", '[x', '{x', ']', '-', ':', '#c', '"\\0"', 'æøå', '\u{1F600}', '""', '!!str 5', '!!binary aGk=', '? x', '&a', '*', '|'),
  fc.string({ maxLength: 8 }),
  fc.string({ unit: 'grapheme', maxLength: 4 }),
);
const { node: yamlNode } = fc.letrec<{ node: YNode; scalar: YNode; text: YNode; alias: YNode; map: YNode; seq: YNode }>((tie) => ({
  node: fc.oneof({ depthSize: 'small', withCrossShrink: true }, tie('scalar'), tie('text'), tie('alias'), tie('map'), tie('seq')),
  scalar: fc.record({ kind: fc.constant('scalar' as const), text: scalarText, anchor: maybeAnchor }),
  text: fc.record({ kind: fc.constant('text' as const), lines: fc.array(fc.oneof(scalarText, fc.constantFrom('[[[[[[[[', '{{{{', '# not a comment')), { minLength: 1, maxLength: 3 }), anchor: maybeAnchor }),
  alias: fc.record({ kind: fc.constant('alias' as const), name: anchorName }),
  map: fc.record({ kind: fc.constant('map' as const), flow: fc.boolean(), explicit: fc.boolean(), anchor: maybeAnchor, entries: fc.array(fc.tuple(tie('node'), tie('node')), { maxLength: 4 }) }),
  seq: fc.record({ kind: fc.constant('seq' as const), flow: fc.boolean(), anchor: maybeAnchor, items: fc.array(tie('node'), { maxLength: 4 }) }),
}));

/** A tree nested `levels` deep in one kind of collection: around the limit and far past it. */
const deep = fc
  .tuple(yamlNode, fc.oneof(fc.integer({ min: 1, max: 8 }), fc.integer({ min: LIMITS.maxDepth - 3, max: LIMITS.maxDepth + 3 }), fc.integer({ min: 100, max: 3000 })), fc.constantFrom('map', 'seq', 'key', 'flow-map', 'flow-seq', 'flow-key'))
  .map(([leaf, levels, how]): YNode => {
    const x = inline(leaf);
    switch (how) {
      case 'map': {
        // Block mappings at one space per level (at most 300 levels: the text grows with the square).
        const n = Math.min(levels, 300);
        const lines = Array.from({ length: n }, (_, i) => `${' '.repeat(i)}k${i}:`);
        return { kind: 'raw', block: true, text: `${lines.join('\n')} ${x}` };
      }
      case 'seq':
        return { kind: 'raw', block: true, text: `${'- '.repeat(levels)}${x}` };
      case 'key':
        return { kind: 'raw', block: true, text: `${'? '.repeat(levels)}${x}` };
      case 'flow-map':
        return { kind: 'raw', block: false, text: `${'{k: '.repeat(levels)}${x}${'}'.repeat(levels)}` };
      case 'flow-seq':
        return { kind: 'raw', block: false, text: `${'['.repeat(levels)}${x}${']'.repeat(levels)}` };
      default:
        return { kind: 'raw', block: false, text: `${'{'.repeat(levels)}${x}${': v}'.repeat(levels)}` };
    }
  });

const props = (n: { anchor?: string }) => (n.anchor ? `&${n.anchor} ` : '');
const isBlock = (n: YNode) => (n.kind === 'map' && !n.flow && n.entries.length > 0) || (n.kind === 'seq' && !n.flow && n.items.length > 0) || n.kind === 'text' || (n.kind === 'raw' && n.block);

/** A node in flow context (inside `[ ]` or `{ }`, or on one line). */
function inline(n: YNode): string {
  switch (n.kind) {
    case 'scalar':
      return props(n) + n.text;
    case 'text':
      return props(n) + JSON.stringify(n.lines.join('\n'));
    case 'alias':
      return `*${n.name}`;
    case 'map':
      return `${props(n)}{ ${n.entries.map(([k, v]) => `${n.explicit ? '? ' : ''}${inline(k)}: ${inline(v)}`).join(', ')} }`;
    case 'seq':
      return `${props(n)}[${n.items.map(inline).join(', ')}]`;
    case 'raw':
      return n.block ? JSON.stringify(n.text) : n.text;
  }
}

/** A node after `key:`, `- ` or `? ` at indentation `indent`: block collections on the lines below. */
function render(n: YNode, indent: number): string {
  if (!isBlock(n)) return ` ${inline(n)}`;
  const pad = ' '.repeat(indent);
  if (n.kind === 'text') return ` ${props(n)}|\n${n.lines.map((l) => `${pad}  ${l}`).join('\n')}`;
  if (n.kind === 'raw') return `\n${n.text.split('\n').map((l) => pad + l).join('\n')}`;
  if (n.kind === 'seq') return ` ${props(n)}`.trimEnd() + '\n' + n.items.map((i) => `${pad}-${render(i, indent + 2)}`).join('\n');
  if (n.kind !== 'map') return ` ${inline(n)}`;
  const lines = n.entries.map(([k, v]) =>
    n.explicit || isBlock(k) ? `${pad}?${render(k, indent + 2)}\n${pad}:${render(v, indent + 2)}` : `${pad}${inline(k)}:${render(v, indent + 2)}`,
  );
  return ` ${props(n)}`.trimEnd() + '\n' + lines.join('\n');
}

const tree = fc.oneof({ arbitrary: yamlNode, weight: 3 }, { arbitrary: deep, weight: 1 });
/** The tree as a whole document, as the value of a descriptor key, or added to a real descriptor. */
const structured = fc.tuple(tree, fc.constantFrom('document', 'project', 'appended'), fc.constantFrom(...bases)).map(([n, where, base]) => {
  if (where === 'document') return `${render(n, 0).replace(/^ /, '')}\n`;
  if (where === 'project') return `descriptor: 1\nproject:${render(n, 2)}\npurpose: { category: health-research }\n`;
  return `${base}extra:${render(n, 2)}\n`;
});
/** Bytes as an editor or a file system might hand them over. */
const encoded = fc.tuple(structured, fc.constantFrom('utf8', 'bom', 'crlf', 'latin1', 'utf16', 'utf16-bom', 'stray-bytes'), fc.uint8Array({ minLength: 1, maxLength: 4 }), fc.nat()).map(([t, how, junk, at]) => {
  const utf8 = (s: string) => Buffer.from(s, 'utf8');
  switch (how) {
    case 'bom':
      return utf8(`\uFEFF${t}`);
    case 'crlf':
      return utf8(t.replace(/\n/g, '\r\n'));
    case 'latin1':
      return Buffer.from(t, 'latin1');
    case 'utf16':
      return Buffer.from(t, 'utf16le');
    case 'utf16-bom':
      return Buffer.from(`\uFEFF${t}`, 'utf16le');
    case 'stray-bytes': {
      const b = utf8(t);
      const i = at % (b.length + 1);
      return Buffer.concat([b.subarray(0, i), Buffer.from(junk), b.subarray(i)]);
    }
    default:
      return utf8(t);
  }
});

describe('fuzzing', function () {
  this.timeout(Math.max(60000, RUNS * 20));

  it(`the engine never throws and keeps ranges inside the text (${RUNS} cases)`, () => {
    fc.assert(
      fc.property(mangled, fc.constantFrom<'en' | 'nb'>('en', 'nb'), (t, lang) => {
        const { results } = check(t, { lang });
        for (const r of results) {
          if (!(r.start >= 0 && r.start <= r.end && r.end <= t.length)) return false;
          if (typeof r.message !== 'string' || r.message.length === 0) return false;
          if (r.rule === 'internal-error') return false;
        }
        return true;
      }),
      { numRuns: RUNS, seed: process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined },
    );
  });

  const STRUCTURAL_RUNS = Math.max(500, Math.floor(RUNS / 10));
  /** Each case is answered within this (generous, on a shared machine; a case typically takes a few milliseconds). */
  const BOUND_MS = 5000;
  it(`structural: random YAML trees in odd encodings are answered within ${BOUND_MS} ms and never throw (${STRUCTURAL_RUNS} cases)`, () => {
    const lenient = new TextDecoder('utf-8');
    let slowest = 0;
    let refused = 0;
    const answered = (t: string) => {
      const started = performance.now();
      const { results } = check(t, { lang: 'en', today: '2026-12-02' });
      const ms = performance.now() - started;
      slowest = Math.max(slowest, ms);
      if (ms > BOUND_MS) throw new Error(`${ms.toFixed(0)} ms for:\n${t.slice(0, 2000)}`);
      if (results.length > LIMITS.maxFindings) throw new Error(`${results.length} findings`);
      for (const r of results) {
        if (!(r.start >= 0 && r.start <= r.end && r.end <= t.length)) throw new Error(`range ${r.start}-${r.end} outside ${t.length}: ${r.message}`);
        if (r.rule === 'internal-error' || r.message.length === 0) throw new Error(`${r.rule}: ${r.message}`);
        if (r.message.includes('call stack')) throw new Error(`a stack overflow as a finding: ${r.message}`);
      }
      return results;
    };
    fc.assert(
      fc.property(encoded, fc.boolean(), (bytes, fix) => {
        const d = decodeUtf8(bytes);
        if ('problem' in d) {
          refused++;
          if (!d.problem.en || !d.problem.nb || d.offset < 0 || d.offset > bytes.length) return false;
        } else {
          answered(d.text);
          if (fix) answered(fixAll(d.text, { lang: 'en', today: '2026-12-02' }).text);
        }
        // What an editor would hold after decoding leniently (U+FFFD for each bad byte) is answered too.
        answered(lenient.decode(bytes));
        return true;
      }),
      { numRuns: STRUCTURAL_RUNS, seed: process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined },
    );
    assert.ok(refused > 0, 'no case was refused as not UTF-8');
    assert.ok(slowest < BOUND_MS);
  });

  it('the language server answers every request while its document is mangled', async () => {
    const client = await TestClient.start();
    const uri = 'file:///fuzz/live.descriptor.yaml';
    let current = SMALL;
    await client.open(uri, current);
    const edits = fc.sample(mutation, { numRuns: Math.min(1000, Math.max(200, Math.floor(RUNS / 20))), seed: 42 });
    try {
      let version = 1;
      for (const m of edits) {
        current = m(current).slice(0, 300000);
        version = await client.change(uri, [{ text: current }]);
        const hover = client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: { line: 2, character: 5 } }).catch((e: Error) => e);
        const symbols = client.connection.sendRequest('textDocument/documentSymbol', { textDocument: { uri } }).catch((e: Error) => e);
        for (const r of await Promise.all([hover, symbols])) {
          // An unsupported method is an answer; a crash or an internal error is not.
          if (r instanceof Error) assert.match(r.message, /Unhandled method/, r.message);
        }
      }
      const last = await client.diagnosticsFor(uri, version);
      assert.ok(Array.isArray(last));
    } finally {
      await client.stop();
    }
    assert.equal(client.process.exitCode, 0, client.stderr);
  });

  // Valid descriptors with comments between and after lines, and values changed so that rules fire.
  const retarget = fc.constantFrom<[RegExp, string]>(
    [/granularity: \w[\w-]*/, 'granularity: date'],
    [/granularity: \w[\w-]*/, 'granularity: municipality'],
    [/consent: (true|false)/, 'consent: false'],
    [/category: [\w-]+/, 'category: quality-improvement'],
    [/category: [\w-]+/, 'category: internal-quality-assurance'],
    [/source: [\w-]+/, 'source: npr'],
    [/status: [\w-]+/, 'status: planned'],
  );
  const commented = fc
    .tuple(
      fc.constantFrom(...bases),
      fc.array(fc.tuple(fc.nat(200), fc.boolean()), { minLength: 1, maxLength: 6 }),
      fc.array(fc.tuple(fc.nat(50), retarget), { maxLength: 4 }),
    )
    .map(([base, notes, changes]) => {
      let t = base;
      for (const [k, [re, value]] of changes) {
        const hits = [...t.matchAll(new RegExp(re.source, 'g'))];
        if (!hits.length) continue;
        const h = hits[k % hits.length];
        t = t.slice(0, h.index) + value + t.slice((h.index ?? 0) + h[0].length);
      }
      const lines = t.split('\n');
      notes.forEach(([k, trailing], n) => {
        const i = k % lines.length;
        if (trailing) {
          if (lines[i].trim() && !lines[i].includes('#')) lines[i] += ` # trailing note ${n}`;
        } else lines.splice(i, 0, `${/^\s*/.exec(lines[i])?.[0] ?? ''}# note ${n}`);
      });
      return lines.join('\n');
    });

  it(`every quick fix keeps valid YAML and every comment (${Math.max(200, Math.floor(RUNS / 10))} descriptors)`, () => {
    let applied = 0;
    fc.assert(
      fc.property(commented, (t) => {
        // Only descriptors whose comments are comments and whose YAML is valid.
        const { results } = check(t, { lang: 'en' });
        fc.pre(yamlErrors(t).length === 0 && !results.some((r) => r.rule === 'yaml-syntax'));
        const before = comments(t);
        for (const r of results) {
          for (const f of r.fixes) {
            const out = applyFix(t, f);
            if (out === t) continue;
            applied++;
            const errs = yamlErrors(out);
            if (errs.length) throw new Error(`${r.rule}/${f.id} made invalid YAML: ${errs[0].message}\n${out}`);
            const after = comments(out);
            const lost = before.filter((c) => !after.includes(c));
            if (lost.length) throw new Error(`${r.rule}/${f.id} dropped ${lost.join(', ')}\n${out}`);
          }
        }
        return true;
      }),
      { numRuns: Math.max(200, Math.floor(RUNS / 10)), seed: process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined },
    );
    assert.ok(applied > 0, 'no fix was applied');
  });
});
