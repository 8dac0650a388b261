/**
 * Every rule on its fixtures (test/fixtures/rules/<id>/{valid,invalid}/*.yaml, expected findings
 * marked inline with `# expect: <id>`), and meta-tests that keep rules, docs, messages and the
 * law catalogue complete.
 */
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Ajv from 'ajv';
import { parse as parseYaml } from 'yaml';
import { rules } from '../rules';
import type { Rule } from '../rules/rule';
import { catalogueFiles, provisions } from '../rules/domain/catalogue';
import { baselineOptions, findBaseline } from '../server/host/baseline';
import { namedFileChecks } from '../server/host/paths';
import { check } from '../server/engine/engine';
import { parse } from '../server/engine/parse';
import { ruleMetas } from '../rules';
import { generatedSection, norwegianPage } from '../rules/doc-page';
import { lawInForceHeaders, withInForce } from './helpers/law';

const FIXTURES = join(process.cwd(), 'test', 'fixtures', 'rules');
/** Fixtures are read as of this day, so dates in them keep their meaning. */
const FIXTURE_TODAY = '2026-12-02';
const SHARED = resolve(process.cwd(), '..', 'shared');
const SEED_FILES = ['spki-users-guide.en.txt', 'avklare-formal.nb.txt', 'helsedata-pii-application.en.txt', 'helsedataservice.nb.txt', 'helseanalyseplattformen.nb.txt'];
const SPEC_FILES = ['descriptor-format.md', 'rules.md'];

/** A fixture's approved twin (`x.approved.yaml` beside `x.yaml`) is its baseline, not a fixture of its own. */
const isTwin = (f: string) => /\.approved\.ya?ml$/.test(f);
const yamlFiles = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((f) => (f.endsWith('.yaml') || f.endsWith('.yml')) && !isTwin(f)).sort() : []);

/** Lines (0-based) marked `# expect: a, b` for rule `id`, once per mention (two findings on a line: `# expect: a, a`). */
function expectedLines(text: string, id: string): number[] {
  const out: number[] = [];
  text.split('\n').forEach((line, i) => {
    const m = /#\s*expect:\s*([a-z0-9, -]+)\s*$/.exec(line);
    if (m) for (const x of m[1].split(/[\s,]+/)) if (x === id) out.push(i);
  });
  return out;
}

function runFixture(file: string) {
  const text = readFileSync(file, 'utf8');
  const dir = resolve(file, '..');
  // Found as the CLI and the editor find it: the fixture's `baseline:` entry, else its approved twin.
  const baseline = baselineOptions(findBaseline({ file, value: parse(text).value }));
  // A fixture may record a provision's in-force date (`# law-in-force: <id> <date>`): the law as data decides.
  return withInForce(lawInForceHeaders(text), () => ({ text, results: check(text, { lang: 'en', today: FIXTURE_TODAY, ...namedFileChecks(dir, []), ...baseline }).results }));
}

/** `internal-error` cannot come from a descriptor (only from a failing rule); the engine tests cover it. */
const FIXTURE_FREE = new Set(['internal-error']);
/** Findings that mean a fixture itself is broken, unless the fixture is about that very id. */
const BROKEN = ['yaml-syntax', 'internal-error'];

describe('every id on its fixtures', () => {
  const producedFixes = new Map<string, Set<string>>();

  for (const rule of ruleMetas) {
    if (FIXTURE_FREE.has(rule.id)) continue;
    describe(rule.id, () => {
      const valid = yamlFiles(join(FIXTURES, rule.id, 'valid'));
      const invalid = yamlFiles(join(FIXTURES, rule.id, 'invalid'));
      const broken = (results: { rule: string; message: string }[]) => results.filter((r) => BROKEN.includes(r.rule) && r.rule !== rule.id).map((r) => r.message);

      it('has valid and invalid fixtures', () => {
        assert.ok(valid.length > 0, 'no valid fixture');
        assert.ok(invalid.length > 0, 'no invalid fixture');
      });

      for (const f of valid) {
        it(`is silent on valid/${f}`, () => {
          const { results } = runFixture(join(FIXTURES, rule.id, 'valid', f));
          const mine = results.filter((r) => r.rule === rule.id);
          assert.deepEqual(mine.map((r) => `${r.range.start.line + 1}: ${r.message}`), []);
          assert.deepEqual(broken(results), []);
        });
      }

      for (const f of invalid) {
        it(`fires where marked in invalid/${f}`, () => {
          const { text, results } = runFixture(join(FIXTURES, rule.id, 'invalid', f));
          const want = expectedLines(text, rule.id);
          assert.ok(want.length > 0, `invalid/${f} marks no expected finding (# expect: ${rule.id})`);
          const mine = results.filter((r) => r.rule === rule.id);
          const got = mine.map((r) => r.range.start.line).sort((a, b) => a - b);
          assert.deepEqual(got.map((l) => l + 1), want.map((l) => l + 1), mine.map((r) => `${r.range.start.line + 1}: ${r.message}`).join('\n'));
          assert.deepEqual(broken(results), []);
          for (const r of mine) {
            assert.ok(r.range.end.line - r.range.start.line <= 1, `range spans ${r.range.end.line - r.range.start.line + 1} lines`);
            assert.ok(!/\{\w+\}/.test(r.message), `unfilled placeholder in: ${r.message}`);
            for (const fix of r.fixes) {
              assert.ok((rule.fixes as readonly string[]).includes(fix.id), `fix ${fix.id} is not listed in the rule's fixes`);
              if (!producedFixes.has(rule.id)) producedFixes.set(rule.id, new Set());
              producedFixes.get(rule.id)!.add(fix.id);
            }
          }
        });
      }
    });
  }

  // Runs after the fixture tests above (mocha runs a describe's own tests first, so this sits in its own).
  describe('coverage', () => {
    it('every fix a rule lists is produced by one of its fixtures', () => {
      const missing = ruleMetas.flatMap((m) => m.fixes.filter((f) => !producedFixes.get(m.id)?.has(f)).map((f) => `${m.id}: ${f}`));
      assert.deepEqual(missing, []);
    });
  });

  it('checks a fixture with an approved twin against it, and never runs the twin itself', () => {
    const dir = join(FIXTURES, 'change-needs-application', 'invalid');
    assert.ok(readdirSync(dir).some(isTwin), 'the fixtures have twins');
    assert.ok(!yamlFiles(dir).some(isTwin), 'twins are not fixtures');
    const file = join(dir, 'staff-added.yaml');
    const text = readFileSync(file, 'utf8');
    assert.ok(!check(text, { lang: 'en', today: FIXTURE_TODAY }).results.some((r) => r.rule === 'change-needs-application'), 'silent without its twin');
    assert.ok(runFixture(file).results.some((r) => r.rule === 'change-needs-application'), 'fires with it');
  });

  it('no fixture folder names an id the registry does not know', () => {
    const known = new Set<string>(ruleMetas.map((m) => m.id));
    assert.deepEqual(readdirSync(FIXTURES).filter((d) => !known.has(d)), []);
  });
});

describe('rule metadata', () => {
  const todo = /\bTODO\b/;
  for (const meta of ruleMetas) {
    it(`${meta.id}: complete in both languages`, () => {
      for (const field of [meta.description, meta.remediation, ...Object.values(meta.messages)]) {
        assert.ok(field.en.trim() && field.nb.trim(), 'empty text');
        assert.ok(!todo.test(field.en) && !todo.test(field.nb), `TODO left in: ${field.en}`);
        assert.notEqual(field.en, field.nb, `not translated: ${field.en}`);
      }
      assert.ok(!todo.test(meta.seed.quote) && meta.seed.quote.length > 10, 'seed quote missing');
      assert.ok([...SEED_FILES, ...SPEC_FILES].includes(meta.seed.file), `unknown seed file ${meta.seed.file}`);
    });

    it(`${meta.id}: provisions resolve`, () => {
      for (const id of meta.provisions) assert.ok(provisions.has(id), `unknown provision ${id}`);
    });

    it(`${meta.id}: documentation page is complete and up to date`, () => {
      const file = join(process.cwd(), 'docs', 'rules', `${meta.id}.md`);
      assert.ok(existsSync(file), 'no docs page');
      const text = readFileSync(file, 'utf8');
      assert.ok(text.startsWith(generatedSection(meta)), 'generated part out of date: run npm run docs');
      assert.ok(!todo.test(text), 'TODO left in the docs page');
      assert.match(text, /## Why/);
      const nb = join(process.cwd(), 'docs', 'rules', 'nb', `${meta.id}.md`);
      assert.ok(existsSync(nb), 'no Norwegian page');
      const nbText = readFileSync(nb, 'utf8');
      assert.ok(nbText.startsWith(norwegianPage(meta)), 'Norwegian page out of date: run npm run docs');
      // The rationale and the examples are written in Norwegian, not referred to in English.
      assert.match(nbText, /## Hvorfor\n\n\S/, 'the Norwegian page has no rationale of its own');
      assert.doesNotMatch(nbText, /på engelsk|\bThe same\b|A descriptor that/, 'English left on the Norwegian page');
      assert.match(text, /```yaml/);
    });
  }

  for (const rule of rules as readonly Rule[]) {
    it(`${rule.id}: rests on at least one provision`, () => {
      assert.ok(rule.provisions.length > 0);
    });
  }

  /** The shared documents sit beside the repository in CI; a clone elsewhere skips, CI must not. */
  const needShared = (ctx: Mocha.Context, path: string) => {
    if (existsSync(path)) return;
    if (process.env.CI) assert.fail(`${path} is missing: CI must run this test`);
    ctx.skip();
  };

  it('the seed quotes are found in the seeds', function () {
    needShared(this, join(SHARED, 'seeds'));
    const norm = (s: string) => s.replace(/\s+/g, ' ').trim().toLowerCase();
    for (const meta of ruleMetas) {
      const dir = SEED_FILES.includes(meta.seed.file) ? 'seeds' : 'spec';
      const text = norm(readFileSync(join(SHARED, dir, meta.seed.file), 'utf8'));
      assert.ok(text.includes(norm(meta.seed.quote)), `${meta.id}: quote not found in ${meta.seed.file}: ${meta.seed.quote}`);
    }
  });

  // The public contract's rule ids, shipped in the repository so the check runs on every clone.
  const CONTRACT_IDS = join(process.cwd(), 'test', 'fixtures', 'contract', 'rule-ids.txt');
  const contractIds = () => readFileSync(CONTRACT_IDS, 'utf8').split('\n').map((l) => l.trim()).filter(Boolean);

  it('every rule id of the public contract exists', () => {
    const ids = contractIds();
    assert.ok(ids.length >= 34, `only ${ids.length} ids in ${CONTRACT_IDS}`);
    const have = new Set<string>(ruleMetas.map((m) => m.id));
    assert.deepEqual(ids.filter((id) => !have.has(id)), []);
  });

  it('the shipped contract id list matches ../shared/spec/rules.md', function () {
    const spec = join(SHARED, 'spec', 'rules.md');
    needShared(this, spec);
    // Table rows, and the "rules to add" list (`- \`id\` · ...`).
    const ids = [...readFileSync(spec, 'utf8').matchAll(/^(?:\| |- )`([a-z0-9-]+)`/gm)].map((m) => m[1]);
    assert.deepEqual(ids.filter((id) => !contractIds().includes(id)), [], 'update test/fixtures/contract/rule-ids.txt');
  });
});

describe('law and data source catalogues', () => {
  const ajv = new Ajv({ allErrors: true, strict: false });
  const schema = (name: string) => JSON.parse(readFileSync(join(process.cwd(), 'schemas', name), 'utf8'));

  it('provisions.yaml matches its schema', () => {
    const raw = parseYaml(readFileSync(join(process.cwd(), 'rules', 'provisions.yaml'), 'utf8'));
    const v = ajv.compile(schema('provisions.schema.json'));
    assert.ok(v(raw), JSON.stringify(v.errors, null, 1));
  });

  it('sources.yaml matches its schema', () => {
    const raw = parseYaml(readFileSync(join(process.cwd(), 'rules', 'sources.yaml'), 'utf8'));
    const v = ajv.compile(schema('sources.schema.json'));
    assert.ok(v(raw), JSON.stringify(v.errors, null, 1));
  });

  it('every provision has a link, a summary in both languages and a stated confidence', () => {
    for (const p of catalogueFiles.provisions.provisions) {
      assert.match(p.url, /^https:\/\//, p.id);
      assert.ok(p.summary.en && p.summary.nb, p.id);
      assert.ok(['confirmed', 'unverified', 'not-in-force', 'repealed'].includes(p.status), p.id);
      if (p.superseded_by) assert.ok(provisions.has(p.superseded_by), `${p.id} superseded by unknown ${p.superseded_by}`);
    }
  });

  it('every source has a custodian, identifiability and purposes, and its provisions resolve', () => {
    for (const s of catalogueFiles.sources.sources) {
      assert.ok(s.custodian?.now, `${s.id}: custodian`);
      assert.ok(s.identifiability, `${s.id}: identifiability`);
      assert.ok(s.purposes.length > 0, `${s.id}: purposes`);
      for (const p of s.provisions) assert.ok(provisions.has(p), `${s.id}: unknown provision ${p}`);
    }
  });

  it('holds every catalogue id the format names', () => {
    const ids = new Set(catalogueFiles.sources.sources.map((s) => s.id));
    for (const id of ['patient-records', 'npr', 'kpr', 'cancer-registry', 'cause-of-death-registry', 'medical-birth-registry', 'prescription-registry', 'msis', 'nois', 'norm', 'ravn', 'abortion-registry', 'sysvak', 'folkeregisteret', 'ssb', 'hunt', 'tromso-study', 'moba', 'quality-register', 'self-collected']) {
      assert.ok(ids.has(id), id);
    }
  });
});
