/**
 * Property-based fuzzing of descriptors: insertions and deletions, swapped types, deep nesting,
 * unicode and very long lines. The engine never throws and every range stays inside the text;
 * the language server answers every request while its document is mangled; every quick fix on a
 * commented descriptor gives valid YAML and keeps every comment.
 * Runs FUZZ_RUNS cases (10,000 in `npm test`, 100,000 in `npm run fuzz`).
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { check } from '../../server/engine/engine';
import { applyFix } from '../../server/engine/fixes';
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
