/**
 * Finding and reading the approved version (server/engine/baseline.ts): the order (the entry,
 * `--baseline`, the sibling, the setting), files, git revisions in a scratch repository, and
 * clear problems instead of crashes.
 */
import { strict as assert } from 'node:assert';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { findBaseline, GitReader, siblingBaselines } from '../../server/host/baseline';
import { hasGit, ScratchRepo } from '../helpers/git';

const V1 = 'descriptor: 1\nproject: { title: Versjon 1 }\n';
const V2 = 'descriptor: 1\nproject: { title: Versjon 2 }\n';

describe('baseline: where the approved version is', () => {
  it('names the siblings x.descriptor.approved.yaml and x.approved.yaml', () => {
    assert.deepEqual(siblingBaselines('/p/x.descriptor.yaml'), ['/p/x.descriptor.approved.yaml', '/p/x.approved.yaml']);
    assert.deepEqual(siblingBaselines('/p/project-descriptor.yml'), ['/p/project-descriptor.approved.yml']);
    assert.deepEqual(siblingBaselines('/p/notes.txt'), []);
  });

  it('takes the entry, then --baseline, then the sibling, then the setting', () => {
    const dir = mkdtempSync(join(tmpdir(), 'descriptor-baseline-'));
    const file = join(dir, 'x.descriptor.yaml');
    writeFileSync(file, V2);
    for (const [name, text] of [['entry.yaml', 'entry'], ['cli.yaml', 'cli'], ['x.approved.yaml', 'sibling'], ['setting.yaml', 'setting']]) writeFileSync(join(dir, name), text);
    const all = { file, value: { baseline: 'entry.yaml' }, cli: 'cli.yaml', cwd: dir, setting: 'setting.yaml' };
    assert.equal(findBaseline(all).text, 'entry');
    assert.equal(findBaseline({ ...all, value: {} }).text, 'cli');
    assert.equal(findBaseline({ ...all, value: {}, cli: undefined }).text, 'sibling');
    assert.equal(findBaseline({ ...all, value: {}, cli: undefined }).label, 'x.approved.yaml');
    writeFileSync(join(dir, 'x.descriptor.approved.yaml'), 'twin');
    assert.equal(findBaseline({ ...all, value: {}, cli: undefined }).text, 'twin', 'x.descriptor.approved.yaml before x.approved.yaml');
    assert.equal(findBaseline({ file: join(dir, 'other.descriptor.yaml'), setting: 'setting.yaml' }).text, 'setting');
    assert.deepEqual(findBaseline({ file: join(dir, 'other.descriptor.yaml') }), {}, 'nothing asked for, nothing found');
  });

  it('says clearly when a file it was asked for is not there, without git', () => {
    const dir = mkdtempSync(join(tmpdir(), 'descriptor-baseline-'));
    const file = join(dir, 'x.descriptor.yaml');
    const noGit = new GitReader({ git: join(dir, 'no-such-git') });
    const missing = findBaseline({ file, value: { baseline: 'approved/x.yaml' } }, noGit);
    assert.equal(missing.origin, 'entry');
    assert.match(missing.problem?.en ?? '', /the file `approved\/x\.yaml` does not exist/);
    writeFileSync(join(dir, 'copy.yaml'), V1);
    assert.equal(findBaseline({ file, cli: 'copy.yaml', cwd: dir }, noGit).text, V1, 'a file baseline needs no git');
    const rev = findBaseline({ file, cli: 'v1', cwd: dir }, noGit);
    assert.match(rev.problem?.en ?? '', /`v1` is not a file, and git is not installed/);
    assert.match(findBaseline({ value: { baseline: 'x.yaml' } }).problem?.en ?? '', /unsaved/);
  });
});

describe('baseline: git revisions', function () {
  before(function () {
    if (!hasGit()) this.skip();
  });

  it('reads the file at a tag, a branch and a commit; not at a revision that does not exist', () => {
    const repo = new ScratchRepo();
    const file = repo.write('projects/x.descriptor.yaml', V1);
    repo.commit('v1', 'v1');
    writeFileSync(file, V2);
    repo.commit('v2');
    const git = new GitReader();
    assert.equal(findBaseline({ file, cli: 'v1' }, git).text, V1);
    assert.equal(findBaseline({ file, cli: 'v1' }, git).label, 'git:v1');
    assert.equal(findBaseline({ file, cli: 'main' }, git).text, V2);
    assert.equal(findBaseline({ file, cli: 'HEAD~1' }, git).text, V1);
    assert.equal(findBaseline({ file, value: { baseline: 'git:v1' } }, git).text, V1);
    assert.equal(findBaseline({ file, cli: 'git:v1' }, git).origin, 'cli');
    const nope = findBaseline({ file, cli: 'v9' }, git);
    assert.match(nope.problem?.en ?? '', /the git revision `v9` does not exist/);
    assert.match(findBaseline({ file, cli: '--output=/tmp/x' }, git).problem?.en ?? '', /not a git revision/);
  });

  it('a file that did not exist at the revision has no baseline: a note, or a problem when the entry names it', () => {
    const repo = new ScratchRepo();
    repo.write('a.descriptor.yaml', V1);
    repo.commit('v1', 'v1');
    const file = repo.write('b.descriptor.yaml', V2);
    const cli = findBaseline({ file, cli: 'v1' });
    assert.equal(cli.text, undefined);
    assert.equal(cli.problem, undefined);
    assert.match(cli.note?.en ?? '', /`b\.descriptor\.yaml` did not exist at git revision `v1`/);
    assert.match(findBaseline({ file, value: { baseline: 'git:v1' } }).problem?.en ?? '', /did not exist at git revision `v1`/);
  });

  it('outside a repository, a revision is a problem, not a crash', () => {
    const dir = mkdtempSync(join(tmpdir(), 'descriptor-nogit-'));
    const r = findBaseline({ file: join(dir, 'x.descriptor.yaml'), cli: 'v1', cwd: dir });
    assert.match(r.problem?.en ?? '', /not in a git repository/);
  });
});
