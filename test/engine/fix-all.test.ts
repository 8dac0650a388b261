/**
 * Fix-all (the editor's source.fixAll and `descriptor-check --fix`) makes no untrue edit. A "did you
 * mean" is a guess: never preferred, never applied in bulk. Over every example, every fixture and
 * every scenario, as shipped and with the names it holds misspelt: after fix-all no variable name,
 * data source, link, purpose or approval kind is changed (a planned exemption may only be sent to
 * the authority its route names), no granted or rejected approval is touched, the file still parses
 * and every comment is still there.
 */
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { baselineOptions, findBaseline } from '../../server/host/baseline';
import { check, type CheckOptions } from '../../server/engine/engine';
import { fixAll, isSafeFix } from '../../server/engine/fix-all';
import { parse } from '../../server/engine/parse';
import { schema } from '../../server/engine/schema';
import { comments, yamlErrors } from '../helpers/yaml';

const root = process.cwd();
const HOSTILE = join(root, 'test', 'fixtures', 'hostile');
const TODAY = '2026-12-02';

function yamlFilesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir)) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) out.push(...yamlFilesUnder(p));
    else if (/\.ya?ml$/.test(name)) out.push(p);
  }
  return out.sort();
}

/** Every descriptor the project ships: examples, rule fixtures (twins too), scenarios, and the fix-all reproductions. */
const FILES = [
  ...yamlFilesUnder(join(root, 'examples')),
  ...yamlFilesUnder(join(root, 'test', 'fixtures', 'rules')),
  ...yamlFilesUnder(join(root, 'test', 'fixtures', 'scenarios')),
  join(HOSTILE, 'fixall-date-of-death.descriptor.yaml'),
  join(HOSTILE, 'fixall-granted-approval-kind.descriptor.yaml'),
];

function optionsFor(file: string, text: string): CheckOptions {
  const dir = resolve(file, '..');
  const baseline = baselineOptions(findBaseline({ file, value: parse(text).value }));
  return { lang: 'en', today: TODAY, fileExists: (rel) => existsSync(resolve(dir, rel)), ...baseline };
}

type Obj = Record<string, unknown>;
const obj = (v: unknown): Obj => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Obj) : {});
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** What fix-all must leave alone, read from a descriptor's plain value. */
function facts(value: unknown) {
  const v = obj(value);
  const purpose = obj(v.purpose);
  const approvals = arr(v.approvals).map(obj);
  return {
    variables: arr(v.data_sources).map((d) => arr(obj(d).variables).map((x) => obj(x).name)),
    sources: arr(v.data_sources).map((d) => [obj(d).id, obj(d).source]),
    links: obj(v.linkage).links,
    purpose: [purpose.category, purpose.secondary, purpose.product],
    approvals,
  };
}

const APPROVAL_KINDS = ((schema.definitions as Obj).approval as { properties: { kind: { enum: string[] } } }).properties.kind.enum;
const EXEMPTIONS = APPROVAL_KINDS.filter((k) => k.endsWith('-exemption'));

/** How fix-all changed what it must not (empty when it did not). */
function untrue(before: ReturnType<typeof facts>, after: ReturnType<typeof facts>): string[] {
  const out: string[] = [];
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  if (!same(before.variables, after.variables)) out.push(`variable names: ${JSON.stringify(before.variables)} -> ${JSON.stringify(after.variables)}`);
  if (!same(before.sources, after.sources)) out.push(`data sources: ${JSON.stringify(before.sources)} -> ${JSON.stringify(after.sources)}`);
  if (!same(before.links, after.links)) out.push(`links: ${JSON.stringify(before.links)} -> ${JSON.stringify(after.links)}`);
  if (!same(before.purpose, after.purpose)) out.push(`purpose: ${JSON.stringify(before.purpose)} -> ${JSON.stringify(after.purpose)}`);
  before.approvals.forEach((a, i) => {
    const b = after.approvals[i] ?? {};
    const planned = a.status === undefined || a.status === 'planned';
    // A granted or rejected approval is that authority's decision: nothing in it changes. (An
    // application still being decided may be corrected, as its rules' own fixes do.)
    const decided = a.status === 'granted' || a.status === 'rejected';
    if (decided && !same(a, b)) out.push(`approval ${i} (${String(a.status)}): ${JSON.stringify(a)} -> ${JSON.stringify(b)}`);
    if (a.kind === b.kind) return;
    // A kind that is not in the format is a typo: the nearest kind is a guess. A planned exemption
    // may only be sent to the authority the route names instead (exemption-wrong-authority).
    const redirected = planned && EXEMPTIONS.includes(String(a.kind)) && EXEMPTIONS.includes(String(b.kind));
    if (!redirected) out.push(`approval ${i} kind: ${String(a.kind)} -> ${String(b.kind)}`);
  });
  return out;
}

/**
 * The same descriptor with its names misspelt by one letter: every variable name, data source,
 * link id, purpose and approval kind. The nearest known name is then one letter away, the kind of
 * "did you mean" fix-all must not act on.
 */
function misspelt(text: string): string {
  const typo = (s: string) => (s.length > 3 ? s.slice(0, -2) + s.slice(-1) : s);
  return text.replace(/((?:^|[\s{,])(?:name|source|category|product|kind|id):[ \t]+)([a-z][\w-]+)/gm, (_, head: string, value: string) => head + typo(value));
}

describe('fix-all makes no untrue edit', function () {
  this.timeout(120000);

  it('marks every "did you mean" as a guess that is never preferred', () => {
    const text = readFileSync(join(HOSTILE, 'fixall-date-of-death.descriptor.yaml'), 'utf8');
    const r = check(text, optionsFor(join(HOSTILE, 'x.yaml'), text)).results.find((x) => x.rule === 'variable-unknown' && /date_of_death/.test(x.message));
    assert.ok(r, 'no variable-unknown finding for date_of_death');
    assert.match(r.message, /Did you mean `date_of_birth`\?/);
    assert.deepEqual(r.fixes.map((f) => [f.guess, f.preferred === true, isSafeFix(f)]), [[true, false, false]]);
  });

  it('leaves a requested date_of_death alone (the nearest catalogue name is date_of_birth)', () => {
    const file = join(HOSTILE, 'fixall-date-of-death.descriptor.yaml');
    const text = readFileSync(file, 'utf8');
    const out = fixAll(text, optionsFor(file, text)).text;
    assert.match(out, /name: date_of_death, granularity: month, justification: Competing outcome\./);
    assert.doesNotMatch(out, /date_of_birth/);
  });

  it('leaves a granted `hds-exemption` alone (the nearest kind, rek-exemption, is another authority)', () => {
    const file = join(HOSTILE, 'fixall-granted-approval-kind.descriptor.yaml');
    const text = readFileSync(file, 'utf8');
    const r = check(text, optionsFor(file, text)).results.find((x) => x.rule === 'schema' && /hds-exemption/.test(x.message));
    assert.ok(r, 'no schema finding for the kind');
    assert.ok(r.fixes.length > 0 && r.fixes.every((f) => f.guess === true && !isSafeFix(f)), JSON.stringify(r.fixes));
    const out = fixAll(text, optionsFor(file, text)).text;
    assert.match(out, /kind: hds-exemption {7}# Helsedataservice's decision/);
    assert.doesNotMatch(out, /rek-exemption/);
  });

  let runs = 0;
  let fixed = 0;
  for (const file of FILES) {
    const name = relative(root, file);
    it(`on ${name}, as shipped and misspelt`, () => {
      const shipped = readFileSync(file, 'utf8');
      for (const text of [shipped, misspelt(shipped)]) {
        const options = optionsFor(file, text);
        const out = fixAll(text, options).text;
        runs++;
        if (out !== text) fixed++;
        if (yamlErrors(text).length === 0) assert.deepEqual(yamlErrors(out).map((e) => e.message), [], `fix-all broke the YAML:\n${out}`);
        const lost = comments(text).filter((c) => !out.includes(c));
        assert.deepEqual(lost, [], 'fix-all dropped comments');
        assert.deepEqual(untrue(facts(parse(text).value), facts(parse(out).value)), [], `fix-all changed what the descriptor states:\n${out}`);
      }
    });
  }

  after(() => {
    // The property means something only when fix-all had work to do.
    assert.ok(fixed > 20, `fix-all ran ${runs} times and changed only ${fixed} files`);
  });
});
