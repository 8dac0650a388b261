import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { check } from '../../server/engine/engine';
import { LIMITS } from '../../server/engine/parse';
import { BASE } from '../helpers/descriptors';
import { rules } from '../../rules';
import { defineRule } from '../../rules/rule';

const base = BASE;

const run = (text: string, opts: Partial<Parameters<typeof check>[1]> = {}) => check(text, { lang: 'en', ...opts }).results;
const rulesOf = (text: string, opts = {}) => run(text, opts).map((r) => r.rule);

describe('engine', () => {
  it('reports a YAML syntax error at its place and stays up', () => {
    const text = 'descriptor: 1\nproject:\n  title: "unterminated\npurpose: [a, b\n';
    const results = run(text);
    const syntax = results.filter((r) => r.rule === 'yaml-syntax');
    assert.ok(syntax.length > 0);
    assert.ok(syntax.every((r) => r.severity === 'error'));
    assert.ok(syntax[0].range.start.line >= 2, `line ${syntax[0].range.start.line}`);
  });

  it('reports a second YAML document as an error at its marker', () => {
    const results = run(`${base}---\ndescriptor: 1\n`);
    const second = results.find((r) => r.rule === 'yaml-syntax' && /second document/.test(r.message));
    assert.ok(second, JSON.stringify(results.map((r) => r.message)));
    assert.equal(second.range.start.line, base.split('\n').length - 1);
  });

  it('gives one clear error for an unsupported format version, nothing else', () => {
    const results = run(base.replace('descriptor: 1', 'descriptor: 2'));
    assert.equal(results.length, 1);
    assert.equal(results[0].rule, 'schema');
    assert.equal(results[0].message, 'Unsupported descriptor format version 2; this version reads 1.');
    assert.deepEqual(results[0].range.start, { line: 0, character: 12 });
  });

  it('explains an empty file', () => {
    const results = run('');
    assert.equal(results.length, 1);
    assert.match(results[0].message, /empty/);
  });

  it('stops an alias bomb with a stated limit', () => {
    const lines = ['a: &a ["x","x","x","x","x","x","x","x","x","x"]'];
    for (let i = 1; i < 10; i++) {
      const prev = String.fromCharCode(96 + i);
      const cur = String.fromCharCode(97 + i);
      lines.push(`${cur}: &${cur} [${Array(10).fill(`*${prev}`).join(',')}]`);
    }
    const results = run(lines.join('\n') + '\n');
    assert.deepEqual(results.map((r) => r.rule), ['input-limit']);
    assert.match(results[0].message, /alias/);
  });

  it('stops deep nesting with a stated limit', () => {
    const results = run(`descriptor: 1\nproject: ${'['.repeat(10000)}${']'.repeat(10000)}\n`);
    assert.deepEqual(results.map((r) => r.rule), ['input-limit']);
    assert.match(results[0].message, /nested more than/);
  });

  it('does not parse files over the size limit', () => {
    const big = base + `# ${'x'.repeat(LIMITS.maxBytes)}\n`;
    const results = run(big);
    assert.deepEqual(results.map((r) => r.rule), ['input-limit']);
  });

  it('reports a rule that throws as internal-error and still runs the others', () => {
    const exact = rules.find((r) => r.id === 'variable-exact-date')!;
    const failing = defineRule({ ...exact, check() { throw new Error('boom'); } });
    const results = run(base, { rules: [failing as never, exact as never] });
    const internal = results.filter((r) => r.rule === 'internal-error');
    assert.equal(internal.length, 1);
    assert.match(internal[0].message, /variable-exact-date: boom/);
    assert.ok(results.some((r) => r.rule === 'variable-exact-date'), 'the other rule ran');
  });

  it('applies per-rule severities and off', () => {
    assert.ok(rulesOf(base).includes('variable-exact-date'));
    assert.ok(!rulesOf(base, { severities: { 'variable-exact-date': 'off' } }).includes('variable-exact-date'));
    const r = run(base, { severities: { 'variable-exact-date': 'error' } }).find((x) => x.rule === 'variable-exact-date');
    assert.equal(r?.severity, 'error');
  });

  it('honours descriptor-disable-next-line for the named rule only', () => {
    const text = base.replace('        granularity: date', '        # descriptor-disable-next-line variable-exact-date\n        granularity: date');
    assert.ok(!rulesOf(text).includes('variable-exact-date'));
    const other = base.replace('        granularity: date', '        # descriptor-disable-next-line variable-unknown\n        granularity: date');
    assert.ok(rulesOf(other).includes('variable-exact-date'));
  });

  it('speaks Norwegian when asked', () => {
    const r = run(base, { lang: 'nb' }).find((x) => x.rule === 'variable-exact-date');
    assert.match(r!.message, /eksakt dato/);
  });

  it('reports schema errors with the allowed values and the value it got', () => {
    const r = run(base.replace('category: health-research', 'category: helth-research')).find((x) => x.rule === 'schema');
    assert.ok(r);
    assert.match(r.message, /^`purpose\.category` is not one of the allowed values \(got `helth-research`\)\. Did you mean `health-research`\? Allowed: health-research, .*, product-development\.$/);
    assert.equal(base.replace('category: health-research', 'category: helth-research').slice(r.start, r.end), 'helth-research');
    // The nearest purpose is a guess: offered, never preferred (so never applied by fix-all).
    assert.equal(r.fixes[0].guess, true);
    assert.notEqual(r.fixes[0].preferred, true);
  });

  it('prefers the one near value of an enum that states no decision', () => {
    const text = base.replace(/granularity: \w[\w-]*/, 'granularity: monthh');
    const r = run(text).find((x) => x.rule === 'schema' && /monthh/.test(x.message));
    assert.ok(r, 'no schema finding for the misspelt granularity');
    assert.deepEqual(r.fixes.map((f) => [f.edits[0], f.preferred === true, f.guess === true]), [[{ op: 'set', path: r.fixes[0].edits[0].path, value: 'month' }, true, false]]);
  });

  it('reports a misspelled key at the key with a rename fix', () => {
    const text = base.replace('  institution:', '  instituton:');
    const r = run(text).find((x) => x.rule === 'schema' && /instituton/.test(x.message));
    assert.ok(r);
    assert.equal(text.slice(r.start, r.end), 'instituton');
    assert.deepEqual(r.fixes[0].edits[0], { op: 'rename-key', path: ['project', 'instituton'], key: 'institution' });
  });

  describe('one fact, one finding', () => {
    it('reports the attachments missing at one place as one finding, with a fix for each and why each is needed', () => {
      const text = readFileSync(join(process.cwd(), 'test/fixtures/rules/attachment-missing/invalid/missing.yaml'), 'utf8');
      const found = run(text).filter((r) => r.rule === 'attachment-missing');
      assert.equal(found.length, 1, JSON.stringify(found.map((r) => r.message)));
      const kinds = (found[0].data as { kinds: string[] }).kinds;
      assert.ok(kinds.length >= 2, JSON.stringify(kinds));
      assert.match(found[0].message, new RegExp(`^${kinds.length} attachments are not listed under \`attachments\`: `));
      for (const k of kinds) assert.ok(found[0].message.includes(`\`${k}\``), `${k} in ${found[0].message}`);
      assert.deepEqual(found[0].fixes.map((f) => f.edits[0]), kinds.map((kind) => ({ op: 'append', path: ['attachments'], item: { kind, file: `docs/${kind}.pdf` } })));
      assert.equal((found[0].message.match(/Attach /g) ?? []).length, kinds.length, found[0].message);
    });

    it('names every key missing from one mapping in one finding', () => {
      const at = run('descriptor: 1\nproject:\n  title: T\n').filter((r) => r.rule === 'schema' && /missing/.test(r.message));
      assert.equal(at.length, 1, JSON.stringify(at.map((r) => r.message)));
      assert.equal(at[0].message, 'The descriptor is missing the top-level keys `purpose` and `data_sources`.');
      const source = run(BASE.replace(/data_sources:\n/, 'data_sources:\n  - { holder: UNN HF }\n')).filter((r) => r.rule === 'schema' && /missing/.test(r.message));
      assert.deepEqual(source.map((r) => r.message), ['`data_sources[0]` is missing the required keys `id` and `source`.']);
    });

    it('reports a value outside the allowed ones once, not also as the wrong type', () => {
      const text = BASE.replace(/granularity: \w[\w-]*/, 'granularity: 12');
      const at = run(text).filter((r) => r.rule === 'schema' && /granularity/.test(r.message));
      assert.equal(at.length, 1, JSON.stringify(at.map((r) => r.message)));
      assert.match(at[0].message, /is not one of the allowed values \(got a whole number `12`\)/);
    });
  });
});
