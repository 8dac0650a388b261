import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SEPSIS, sepsisChanged } from '../helpers/descriptors';
import { hasGit, ScratchRepo } from '../helpers/git';

const CLI = join(process.env.DESCRIPTOR_DIST ?? join(process.cwd(), 'dist'), 'cli.js');
const run = (args: string[], cwd = process.cwd()) => {
  const r = spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

const dir = mkdtempSync(join(tmpdir(), 'descriptor-cli-'));
const good = join(dir, 'good.descriptor.yaml');
const bad = join(dir, 'bad.descriptor.yaml');
writeFileSync(good, 'descriptor: 1\nproject:\n  title: T\n  institution: T HF\npurpose:\n  category: internal-quality-assurance\ndata_sources: []\n');
writeFileSync(bad, 'descriptor: 1\nproject:\n  title: T\npurpose:\n  category: helth-research\ndata_sources: []\n');

describe('descriptor-check CLI', () => {
  it('prints file:line:col  severity  rule-id  message and exits 1 on errors', () => {
    const r = run(['bad.descriptor.yaml'], dir);
    assert.equal(r.code, 1, r.err);
    assert.match(r.out, /^bad\.descriptor\.yaml:5:13 {2}error {2}schema {2}`purpose\.category` is not one of the allowed values \(got `helth-research`\)/m);
    assert.match(r.out, /1 file checked: \d+ errors?/);
  });

  it('exits 0 when there are no errors', () => {
    const r = run(['--format', 'json', good]);
    const json = JSON.parse(r.out) as { results: { severity: string }[] }[];
    assert.equal(json.length, 1);
    assert.ok(json[0].results.every((x) => x.severity !== 'error'), r.out);
    assert.equal(r.code, 0);
  });

  it('speaks Norwegian with --lang nb: the messages, the severities and the summary line', () => {
    const r = run(['--lang', 'nb', 'bad.descriptor.yaml'], dir);
    assert.match(r.out, /er ikke en av de tillatte verdiene/);
    assert.match(r.out, /^bad\.descriptor\.yaml:5:13 {2}feil {2}schema {2}/m);
    assert.match(r.out, /^bad\.descriptor\.yaml:\d+:\d+ {2}advarsel {2}[a-z-]+ {2}/m);
    assert.doesNotMatch(r.out, / {2}(error|warning|information) {2}/);
    assert.match(r.out, /^1 fil kontrollert: \d+ feil, \d+ advarsl?e?r?, \d+ informasjon$/m);
  });

  it('--format problem-matcher keeps error, warning and info for the editor\'s problem matcher in every language, with no summary', () => {
    const pkg = JSON.parse(readFileSync(join(process.cwd(), 'package.json'), 'utf8'));
    const matcher = pkg.contributes.problemMatchers.find((m: { name: string }) => m.name === 'descriptor-check');
    const re = new RegExp(matcher.pattern.regexp);
    for (const lang of ['nb', 'en']) {
      const r = run(['--format', 'problem-matcher', '--lang', lang, 'bad.descriptor.yaml', 'good.descriptor.yaml'], dir);
      const lines = r.out.trim().split('\n');
      assert.ok(lines.length > 2, r.out);
      for (const line of lines) {
        const m = re.exec(line);
        assert.ok(m, `${lang}: the matcher does not read ${line}`);
        assert.ok(['error', 'warning', 'info'].includes(m[matcher.pattern.severity]), line);
      }
      if (lang === 'nb') assert.match(r.out, /er ikke en av de tillatte verdiene/);
    }
    // The English text output is read too ("information" counts as info).
    const text = run(['bad.descriptor.yaml'], dir).out.trim().split('\n').slice(0, -1);
    for (const line of text) assert.ok(['error', 'warning', 'info'].includes(re.exec(line)?.[matcher.pattern.severity] ?? ''), line);
    // The task the extension defines asks for this format.
    assert.match(readFileSync(join(process.cwd(), 'client', 'extension.ts'), 'utf8'), /'--format', 'problem-matcher'/);
  });

  it('expands globs itself', () => {
    const r = run(['*.descriptor.yaml'], dir);
    assert.match(r.out, /2 files checked/);
  });

  it('writes SARIF 2.1.0 with every rule and its help link', () => {
    const r = run(['--format', 'sarif', 'bad.descriptor.yaml', 'good.descriptor.yaml'], dir);
    assert.equal(r.code, 1);
    const sarif = JSON.parse(r.out);
    assert.equal(sarif.version, '2.1.0');
    const rules = sarif.runs[0].tool.driver.rules as { id: string; helpUri: string; shortDescription: { text: string } }[];
    assert.ok(rules.length >= 34);
    for (const rule of rules) {
      assert.match(rule.helpUri, new RegExp(`/docs/rules/${rule.id}\\.md$`));
      assert.ok(rule.shortDescription.text.length > 10);
    }
    const res = sarif.runs[0].results.find((x: { ruleId: string }) => x.ruleId === 'schema');
    assert.equal(res.ruleId, 'schema');
    assert.equal(res.level, 'error');
    assert.equal(rules[res.ruleIndex].id, 'schema');
    assert.equal(res.locations[0].physicalLocation.artifactLocation.uri, 'bad.descriptor.yaml');
    assert.deepEqual(res.locations[0].physicalLocation.region, { startLine: 5, startColumn: 13, endLine: 5, endColumn: 27 });
  });

  it('exits 2 on a usage error', () => {
    const r = run(['--format', 'xml', good]);
    assert.equal(r.code, 2);
    assert.match(r.err, /unknown format/);
    assert.equal(run([]).code, 2);
  });

  it('reports an unreadable file on stderr, checks the others, and exits 2', () => {
    const r = run(['missing.descriptor.yaml', 'bad.descriptor.yaml'], dir);
    assert.equal(r.code, 2);
    assert.match(r.err, /missing\.descriptor\.yaml: no such file/);
    assert.match(r.out, /bad\.descriptor\.yaml:5:13/);
  });

  it('reads severities from .descriptor-check.yaml', () => {
    const d = mkdtempSync(join(tmpdir(), 'descriptor-cfg-'));
    writeFileSync(join(d, 'x.descriptor.yaml'), 'descriptor: 1\nproject:\n  title: T\npurpose:\n  category: helth-research\ndata_sources: []\n');
    writeFileSync(join(d, '.descriptor-check.yaml'), 'rules:\n  schema: warning\n');
    const r = run(['x.descriptor.yaml'], d);
    assert.match(r.out, /warning {2}schema/);
    assert.equal(r.code, 0);
  });
});

describe('descriptor-check --fix', () => {
  it('applies the safe fixes to the given files only, reports them, and keeps comments', () => {
    const d = mkdtempSync(join(tmpdir(), 'descriptor-fix-'));
    // A misspelt value (safe to correct), a misspelt purpose (the nearest one is a guess: never fixed in
    // bulk) and an exact date (a choice of the study: never fixed in bulk).
    const text = 'descriptor: 1\nproject: { title: T, institution: T HF }\npurpose: { category: helth-research }   # typo\ndata_sources:\n  - id: npr\n    source: npr\n    variables:\n      - name: birth_year\n        granularity: date   # as in the registry\n        justification: Age.\nlinkage: { model: centralised }   # typo\n';
    writeFileSync(join(d, 'a.descriptor.yaml'), text);
    writeFileSync(join(d, 'b.descriptor.yaml'), text);
    const r = run(['--fix', 'a.descriptor.yaml'], d);
    assert.match(r.err, /a\.descriptor\.yaml: fixed \d+ findings? \(.*schema.*\)/);
    const a = readFileSync(join(d, 'a.descriptor.yaml'), 'utf8');
    assert.match(a, /model: centralized \}   # typo/);
    assert.match(a, /category: helth-research \}   # typo/, 'the purpose is not guessed');
    assert.match(a, /granularity: date {3}# as in the registry/, 'the date the study asked for is left to the user');
    assert.doesNotMatch(a, /status: planned/, 'no approval is claimed as planned on the user\'s behalf');
    assert.equal(readFileSync(join(d, 'b.descriptor.yaml'), 'utf8'), text, 'a file not given is not written');
    assert.match(r.out, /variable-exact-date/);
  });

  it('writes nothing without --fix', () => {
    const d = mkdtempSync(join(tmpdir(), 'descriptor-nofix-'));
    const text = 'descriptor: 1\nproject: { title: T }\npurpose: { category: health-research }\ndata_sources: [{ id: n, source: npr, variables: [{ name: x, granularity: date }] }]\n';
    writeFileSync(join(d, 'a.descriptor.yaml'), text);
    run(['a.descriptor.yaml'], d);
    assert.equal(readFileSync(join(d, 'a.descriptor.yaml'), 'utf8'), text);
  });
});

describe('descriptor-check --baseline', () => {
  const CHANGE = 'change-needs-application';
  const lines = (out: string) => out.split('\n').filter((l) => l.includes(`  ${CHANGE}  `));

  it('compares with an approved file, in text, JSON and SARIF, and --fix never reverts', () => {
    const d = mkdtempSync(join(tmpdir(), 'descriptor-baseline-'));
    writeFileSync(join(d, 'approved.yaml'), SEPSIS);
    writeFileSync(join(d, 'sepsis.descriptor.yaml'), sepsisChanged());
    const text = run(['--baseline', 'approved.yaml', 'sepsis.descriptor.yaml'], d);
    const found = lines(text.out);
    assert.equal(found.length, 2, text.out);
    assert.match(found[0], /^sepsis\.descriptor\.yaml:16:\d+ {2}warning {2}change-needs-application {2}Changed since the approved version \(`approved\.yaml`\): Lise Berg added to the staff with access to the data\. .*REK/);
    assert.match(found[1], /variable `admission_time` added to `npr` \(exact date\)\. .*søknad om endring.*Helsedataservice.*DPIA/);
    const json = JSON.parse(run(['--format', 'json', '--baseline', 'approved.yaml', 'sepsis.descriptor.yaml'], d).out) as { results: { rule: string }[] }[];
    assert.equal(json[0].results.filter((r) => r.rule === CHANGE).length, 2);
    const sarif = JSON.parse(run(['--format', 'sarif', '--baseline=approved.yaml', 'sepsis.descriptor.yaml'], d).out);
    assert.equal(sarif.runs[0].results.filter((r: { ruleId: string }) => r.ruleId === CHANGE).length, 2);
    const fixed = run(['--fix', '--baseline', 'approved.yaml', 'sepsis.descriptor.yaml'], d);
    assert.equal(lines(fixed.out).length, 2, 'the revert is not a safe fix');
    assert.match(readFileSync(join(d, 'sepsis.descriptor.yaml'), 'utf8'), /Lise Berg/);
  });

  it('finds the sibling .approved.yaml without the flag, and is silent without a baseline', () => {
    const d = mkdtempSync(join(tmpdir(), 'descriptor-sibling-'));
    writeFileSync(join(d, 'sepsis.descriptor.yaml'), sepsisChanged());
    assert.equal(lines(run(['sepsis.descriptor.yaml'], d).out).length, 0);
    writeFileSync(join(d, 'sepsis.descriptor.approved.yaml'), SEPSIS);
    const r = run(['.'], d);
    assert.match(r.out, /1 file checked/, 'the twin is not checked as a descriptor of its own');
    assert.equal(lines(r.out).length, 2);
  });

  describe('with git', function () {
    before(function () {
      if (!hasGit()) this.skip();
    });

    it('in a repository: --baseline v1 flags what changed since the tag', () => {
      const repo = new ScratchRepo('descriptor-cli-git-');
      repo.write('projects/sepsis.descriptor.yaml', SEPSIS);
      repo.write('projects/docs/protocol.md', '# Protokoll\n');
      repo.commit('Approved by REK', 'v1');
      repo.write('projects/sepsis.descriptor.yaml', sepsisChanged());
      repo.commit('Lise Berg joins; admission time');
      const r = run(['--baseline', 'v1', 'projects/sepsis.descriptor.yaml'], repo.dir);
      assert.equal(lines(r.out).length, 2, r.out + r.err);
      assert.match(lines(r.out)[0], /\(`git:v1`\)/);
      // From a subfolder: the path is taken from the repository root.
      const sub = run(['--format', 'sarif', '--baseline', 'v1', 'sepsis.descriptor.yaml'], join(repo.dir, 'projects'));
      assert.equal(JSON.parse(sub.out).runs[0].results.filter((x: { ruleId: string }) => x.ruleId === CHANGE).length, 2, sub.err);
    });

    it('a revision that does not exist is an error on stderr with exit 2, not a crash', () => {
      const repo = new ScratchRepo('descriptor-cli-git-');
      repo.write('sepsis.descriptor.yaml', SEPSIS);
      repo.commit('v1', 'v1');
      const r = run(['--baseline', 'v9', 'sepsis.descriptor.yaml'], repo.dir);
      assert.equal(r.code, 2);
      assert.match(r.err, /sepsis\.descriptor\.yaml: --baseline v9: `v9` is not a file, and the git revision `v9` does not exist/);
      assert.doesNotMatch(r.err, /\n\s+at /, 'no stack trace');
      assert.match(r.out, /1 file checked/, 'the file is still checked');
    });

    it('a descriptor that did not exist at the revision has no baseline: a note on stderr', () => {
      const repo = new ScratchRepo('descriptor-cli-git-');
      repo.write('old.descriptor.yaml', SEPSIS);
      repo.commit('v1', 'v1');
      repo.write('new.descriptor.yaml', sepsisChanged());
      const r = run(['--baseline', 'v1', 'new.descriptor.yaml'], repo.dir);
      assert.match(r.err, /note: new\.descriptor\.yaml: `new\.descriptor\.yaml` did not exist at git revision `v1`/);
      assert.equal(lines(r.out).length, 0);
      assert.notEqual(r.code, 2);
    });
  });

  it('without git, a file baseline still works and a revision is a clear error', () => {
    const d = mkdtempSync(join(tmpdir(), 'descriptor-nogit-'));
    writeFileSync(join(d, 'approved.yaml'), SEPSIS);
    writeFileSync(join(d, 'sepsis.descriptor.yaml'), sepsisChanged());
    const env = { ...process.env, PATH: join(d, 'no-bin') };
    const file = spawnSync(process.execPath, [CLI, '--baseline', 'approved.yaml', 'sepsis.descriptor.yaml'], { cwd: d, encoding: 'utf8', env });
    assert.equal(lines(file.stdout).length, 2, file.stderr);
    const rev = spawnSync(process.execPath, [CLI, '--baseline', 'v1', 'sepsis.descriptor.yaml'], { cwd: d, encoding: 'utf8', env });
    assert.equal(rev.status, 2);
    assert.match(rev.stderr, /git is not installed/);
  });
});
