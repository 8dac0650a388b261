/**
 * The one pipeline (server/host/analyze.ts): the editor, `descriptor-check` and the export read a
 * descriptor the same way: its own language, today's date in Norway, the files it may read.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { osloDate } from '../../rules/domain/working-days';
import { chooseLang, Host } from '../../server/host/analyze';
import { today } from '../../server/host/clock';
import { readRegularFile } from '../../server/host/files';
import { SEPSIS } from '../helpers/descriptors';

const CLI = join(process.env.DESCRIPTOR_DIST ?? join(process.cwd(), 'dist'), 'cli.js');
const run = (args: string[], cwd: string) => spawnSync(process.execPath, [CLI, ...args], { cwd, encoding: 'utf8', timeout: 60_000 });

describe('the one pipeline', () => {
  it('check, export and the editor speak the descriptor\'s own language', () => {
    const dir = mkdtempSync(join(tmpdir(), 'descriptor-lang-'));
    writeFileSync(join(dir, 'x.descriptor.yaml'), `language: nb\n${SEPSIS}`);
    const checked = run(['x.descriptor.yaml'], dir);
    assert.match(checked.stdout, /advarsel {2}staff-exemption-mismatch {2}.*står ikke i godkjenningen/, checked.stdout);
    assert.match(checked.stdout, /^1 fil kontrollert: \d+ feil, \d+ advarsler?, \d+ informasjon$/m, checked.stdout);
    const exported = run(['export', 'x.descriptor.yaml', '--out', 'pkg'], dir);
    assert.match(exported.stdout, /filer skrevet/, exported.stderr);
    assert.match(readFileSync(join(dir, 'pkg', 'requirements.md'), 'utf8'), /Søknadsvei/);
    // The editor's analysis: the same host, no language asked for.
    assert.equal(new Host().analyze({ uri: pathToFileURL(join(dir, 'x.descriptor.yaml')).href, text: `language: nb\n${SEPSIS}` }).lang, 'nb');
    // --lang still wins, as the README says.
    assert.match(run(['--lang', 'en', 'x.descriptor.yaml'], dir).stdout, /1 file checked/);
  });

  it('chooses the language: asked for, then a Norwegian editor, then the descriptor, then the workspace file', () => {
    assert.equal(chooseLang({ asked: 'en', display: 'nb', own: 'nb', config: 'nb' }), 'en');
    assert.equal(chooseLang({ display: 'nb', own: 'en' }), 'nb');
    assert.equal(chooseLang({ display: 'en', own: 'nb', config: 'en' }), 'nb');
    assert.equal(chooseLang({ config: 'nb' }), 'nb');
    assert.equal(chooseLang({}), 'en');
  });

  it('dates "today" in Europe/Oslo, also around midnight and across daylight saving', () => {
    assert.equal(osloDate(new Date('2026-12-05T22:59:59Z')), '2026-12-05');
    assert.equal(osloDate(new Date('2026-12-05T23:30:00Z')), '2026-12-06', '00:30 in Oslo in winter (UTC+1)');
    assert.equal(osloDate(new Date('2026-06-30T21:59:59Z')), '2026-06-30');
    assert.equal(osloDate(new Date('2026-06-30T22:30:00Z')), '2026-07-01', '00:30 in Oslo in summer (UTC+2)');
    const clock = () => new Date('2026-12-31T23:30:00Z');
    assert.equal(today(clock), '2027-01-01');
    const a = new Host({ clock }).analyze({ uri: 'untitled:x', text: SEPSIS });
    assert.equal(a.options.today, '2027-01-01', 'the analysis is dated by the Norwegian calendar');
  });

  it('reads regular files only: a FIFO, a device or a folder is refused with a reason, not read without end', () => {
    const dir = mkdtempSync(join(tmpdir(), 'descriptor-files-'));
    const fifo = join(dir, 'x.descriptor.yaml');
    assert.equal(spawnSync('mkfifo', [fifo]).status, 0);
    const read = readRegularFile(fifo);
    assert.ok('problem' in read && read.code === 'ENOTREG', JSON.stringify(read));
    const dev = readRegularFile('/dev/zero');
    assert.ok('problem' in dev && dev.code === 'ENOTREG');
    mkdirSync(join(dir, 'd'));
    const folder = readRegularFile(join(dir, 'd'));
    assert.ok('problem' in folder && folder.code === 'EISDIR');
    const unc = readRegularFile('\\\\host\\share\\x.yaml');
    assert.ok('problem' in unc && unc.code === 'EREMOTE');
    // The CLI says so and goes on.
    const r = run(['x.descriptor.yaml', '/dev/zero'], dir);
    assert.equal(r.status, 2);
    assert.match(r.stderr, /x\.descriptor\.yaml: is not a regular file/);
    assert.match(r.stderr, /\/dev\/zero: is not a regular file/);
  });

  it('refuses a file that is not UTF-8, saying where, and never writes it with --fix', () => {
    const dir = mkdtempSync(join(tmpdir(), 'descriptor-latin1-'));
    const file = join(dir, 'x.descriptor.yaml');
    const bytes = Buffer.from('descriptor: 1\n# Prosjekt for s\xf8r-Norge\nproject: { title: "Bl\xe5b\xe6r" }\npurpose: { category: helth-research }\n', 'latin1');
    writeFileSync(file, bytes);
    const r = run(['--fix', 'x.descriptor.yaml'], dir);
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, /x\.descriptor\.yaml: This file is not UTF-8 text: byte 0xF8 on line 2, column 17.*Save it as UTF-8/);
    assert.deepEqual(readFileSync(file), bytes, 'the file is left byte for byte');
  });
});
