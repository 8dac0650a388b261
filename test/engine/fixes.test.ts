/**
 * Quick fixes: every edit operation on block and flow YAML keeps comments, order and style;
 * and every fix of every finding in the rule fixtures, applied and re-linted, removes that
 * finding, adds no error, keeps every comment and leaves valid YAML.
 */
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { baselineOptions, findBaseline } from '../../server/host/baseline';
import { check } from '../../server/engine/engine';
import { parse } from '../../server/engine/parse';
import { lawInForceHeaders, withInForce } from '../helpers/law';
import { applyFix, diff } from '../../server/engine/fixes';
import { fixAll } from '../../server/engine/fix-all';
import { parse as parseYaml } from 'yaml';
import type { Fix, FixEdit } from '../../rules/domain/types';
import { comments, yamlErrors } from '../helpers/yaml';

const fix = (...edits: FixEdit[]): Fix => ({ id: 't', title: { en: 't', nb: 't' }, edits });
const valid = (t: string) => yamlErrors(t).length === 0;

const doc = `descriptor: 1   # version
project:
  title: T
  staff:
    - { name: A, role: researcher }
approvals:   # what we have
  - kind: dpo-assessment
    status: planned   # ask the DPO
attachments: [{ kind: research-protocol }]
data_sources:
  - id: npr
    source: npr
    variables:
      - { name: x, granularity: date }   # exact
      - name: y
        granularity: date
# trailing comment
`;

describe('fix operations', () => {
  it('set keeps the comment after the value', () => {
    const out = applyFix(doc, fix({ op: 'set', path: ['data_sources', 0, 'variables', 0, 'granularity'], value: 'month' }));
    assert.match(out, /- \{ name: x, granularity: month \}   # exact/);
    assert.deepEqual(comments(out), comments(doc));
  });

  it('append to a block sequence adds an item with the same indentation after the last one', () => {
    const out = applyFix(doc, fix({ op: 'append', path: ['approvals'], item: { kind: 'dpia', status: 'planned' } }));
    assert.match(out, /status: planned {3}# ask the DPO\n {2}- \{ kind: dpia, status: planned \}\nattachments:/);
    assert.ok(valid(out));
    assert.deepEqual(comments(out), comments(doc));
  });

  it('append to a flow sequence stays flow', () => {
    const out = applyFix(doc, fix({ op: 'append', path: ['attachments'], item: { kind: 'dpia' } }));
    assert.match(out, /attachments: \[\{ kind: research-protocol \}, \{ kind: dpia \}\]/);
  });

  it('append creates a missing sequence', () => {
    const out = applyFix('descriptor: 1\nproject: { title: T }\n', fix({ op: 'append', path: ['approvals'], item: { kind: 'dpia' } }));
    assert.equal(out, 'descriptor: 1\nproject: { title: T }\napprovals: [{ kind: dpia }]\n');
  });

  it('insert into a block map item aligns with its keys; into a flow map stays flow', () => {
    const a = applyFix(doc, fix({ op: 'insert', path: ['data_sources', 0, 'variables', 1], key: 'justification', value: 'Why.' }));
    assert.match(a, / {8}granularity: date\n {8}justification: Why\.\n# trailing comment/);
    const b = applyFix(doc, fix({ op: 'insert', path: ['data_sources', 0, 'variables', 0], key: 'justification', value: 'Why, really' }));
    assert.match(b, /\{ name: x, granularity: date, justification: "Why, really" \} {3}# exact/);
    assert.ok(valid(a) && valid(b));
  });

  it('insert creates missing parents', () => {
    const out = applyFix(doc, fix({ op: 'insert', path: ['linkage'], key: 'reference_dates', value: true }));
    assert.match(out, /linkage: \{ reference_dates: true \}\n# trailing comment/);
  });

  it('delete removes a block item or a flow element and its comma', () => {
    const a = applyFix(doc, fix({ op: 'delete', path: ['data_sources', 0, 'variables', 1] }));
    assert.doesNotMatch(a, /name: y/);
    assert.ok(valid(a));
    const b = applyFix('links: [[a, b], [b, c]]\n', fix({ op: 'delete', path: ['links', 0] }));
    assert.equal(b, 'links: [[b, c]]\n');
  });

  it('delete keeps the comments on the removed lines, at the item\'s indentation', () => {
    const text = 'vars:\n  - a # keep me\n  - "b # not a comment"\n';
    assert.equal(applyFix(text, fix({ op: 'delete', path: ['vars', 0] })), 'vars:\n  # keep me\n  - "b # not a comment"\n');
    assert.equal(applyFix(text, fix({ op: 'delete', path: ['vars', 1] })), 'vars:\n  - a # keep me\n');
    // An apostrophe inside a plain scalar opens no quote: the comment after it is still a comment.
    const plain = "vars:\n  - name: x\n    justification: the hospital's records # keep me too\n    special_grounds: >\n      folded\n  - name: y\n";
    assert.equal(applyFix(plain, fix({ op: 'delete', path: ['vars', 0] })), 'vars:\n  # keep me too\n  - name: y\n');
    const quoted = "vars:\n  - 'it''s # inside' # outside\n  - b\n";
    assert.equal(applyFix(quoted, fix({ op: 'delete', path: ['vars', 0] })), 'vars:\n  # outside\n  - b\n');
  });

  it('rename-key replaces only the key', () => {
    const out = applyFix('project:\n  instituton: X   # note\n', fix({ op: 'rename-key', path: ['project', 'instituton'], key: 'institution' }));
    assert.equal(out, 'project:\n  institution: X   # note\n');
  });

  it('diff is the smallest single replacement', () => {
    assert.deepEqual(diff('abcdef', 'abXYef'), { start: 2, end: 4, text: 'XY' });
  });
});

describe('every fix on every rule fixture', () => {
  const root = join(process.cwd(), 'test', 'fixtures', 'rules');
  const files = readdirSync(root).flatMap((id) =>
    ['invalid', 'valid'].flatMap((k) => {
      const d = join(root, id, k);
      // An approved twin (`x.approved.yaml`) is the baseline of `x.yaml`, not a fixture.
      return existsSync(d) ? readdirSync(d).filter((f) => f.endsWith('.yaml') && !f.endsWith('.approved.yaml')).map((f) => join(d, f)) : [];
    }),
  );
  let applied = 0;
  for (const file of files) {
    it(`fixes in ${file.slice(root.length + 1)} remove their finding and add no error`, () => {
      const text = readFileSync(file, 'utf8');
      // The law the fixture records as in force (`# law-in-force:`) holds for every check of it.
      withInForce(lawInForceHeaders(text), () => {
        const dir = resolve(file, '..');
        const baseline = baselineOptions(findBaseline({ file, value: parse(text).value }));
        const opts = { lang: 'en' as const, fileExists: (rel: string) => existsSync(resolve(dir, rel)), ...baseline };
        const before = check(text, opts).results;
        const errorsBefore = before.filter((r) => r.severity === 'error').length;
        for (const r of before) {
          for (const f of r.fixes) {
            const out = applyFix(text, f);
            assert.notEqual(out, text, `${r.rule}/${f.id}: changed nothing`);
            assert.ok(valid(out), `${r.rule}/${f.id}: invalid YAML:\n${out}`);
            // Every comment stays, also one on the line of a deleted item.
            const lost = comments(text).filter((c) => !out.includes(c));
            assert.ok(lost.length === 0, `${r.rule}/${f.id}: lost comments ${lost.join(', ')}`);
            const after = check(out, opts).results;
            const same = after.filter((a) => a.rule === r.rule && a.message === r.message && a.range.start.line === r.range.start.line);
            assert.equal(same.length, before.filter((b) => b.rule === r.rule && b.message === r.message && b.range.start.line === r.range.start.line).length - 1, `${r.rule}/${f.id}: finding still there:\n${out}`);
            // A domain rule's error fix removes that error and adds none; any other domain fix adds no
            // error. (A schema fix can make a value meaningful, so rules that skipped it now apply.)
            const newErrors = after.filter((a) => a.severity === 'error').length;
            if (r.rule !== 'schema') assert.ok(newErrors <= errorsBefore - (r.severity === 'error' ? 1 : 0), `${r.rule}/${f.id}: new errors: ${after.filter((a) => a.severity === 'error').map((a) => a.message).join('; ')}`);
            const structural = (rs: typeof before) => rs.filter((a) => a.rule === 'schema' || a.rule === 'yaml-syntax').map((a) => a.message);
            const broke = structural(after).filter((m) => !structural(before).includes(m));
            assert.deepEqual(broke, [], `${r.rule}/${f.id}: broke the structure:\n${out}`);
            applied++;
          }
        }
      });
    });
  }
  after(() => {
    assert.ok(applied > 30, `only ${applied} fixes applied`);
  });
});

describe('fix-all is honest', () => {
  const dir = join(process.cwd(), 'examples');
  const files = readdirSync(dir).filter((f) => f.endsWith('.descriptor.yaml'));
  const granted = (v: unknown) => (((v as { approvals?: unknown[] })?.approvals ?? []) as { status?: string }[]).filter((a) => a?.status === 'granted' || a?.status === 'rejected');
  const granularities = (v: unknown) =>
    (((v as { data_sources?: unknown[] })?.data_sources ?? []) as { variables?: { name?: string; granularity?: string }[] }[]).flatMap((d) => (d?.variables ?? []).map((x) => `${x?.name}:${x?.granularity}`));
  const attachments = (v: unknown) => (((v as { attachments?: unknown[] })?.attachments ?? []) as { kind?: string; file?: string }[]);

  for (const f of files) {
    it(`on examples/${f}: no decided approval, no granularity, no attachment without a file is touched`, () => {
      const text = readFileSync(join(dir, f), 'utf8');
      const out = fixAll(text, { lang: 'en', today: '2026-12-02' }).text;
      const before = parseYaml(text);
      const after = parseYaml(out);
      assert.deepEqual(granted(after), granted(before), 'a granted or rejected approval was edited');
      assert.deepEqual(granularities(after), granularities(before), 'the data the study requests changed');
      const added = attachments(after).filter((a) => !attachments(before).some((b) => b.kind === a.kind));
      assert.deepEqual(added.filter((a) => !a.file), [], 'an attachment was listed without a file');
    });
  }
});
