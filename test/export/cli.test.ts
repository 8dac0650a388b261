/** `descriptor-check export`: refuses a folder in use, writes only inside --out, exports a descriptor with errors. */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import JSZip from 'jszip';

const CLI = join(process.env.DESCRIPTOR_DIST ?? join(process.cwd(), 'dist'), 'cli.js');
const run = (args: string[], cwd: string) => {
  const r = spawnSync(process.execPath, [CLI, 'export', ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

/** Every path under `dir` with its size and modification time. */
function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const n of readdirSync(d)) {
      const p = join(d, n);
      const st = lstatSync(p);
      out.set(relative(dir, p), `${st.size}:${st.mtimeMs}`);
      if (st.isDirectory()) walk(p);
    }
  };
  walk(dir);
  return out;
}

describe('descriptor-check export', function () {
  this.timeout(60_000);
  const work = mkdtempSync(join(tmpdir(), 'descriptor-export-'));
  cpSync(join(process.cwd(), 'examples'), join(work, 'examples'), { recursive: true });
  const sepsis = join('examples', 'sepsis-research.descriptor.yaml');
  const compliant = join('examples', 'compliant-research.descriptor.yaml');

  it('writes the five parts into --out', () => {
    const r = run([compliant, '--out', 'pkg'], work);
    assert.equal(r.code, 0, r.err);
    const names = readdirSync(join(work, 'pkg')).sort();
    for (const n of ['application.docx', 'application.md', 'variables-npr.xlsx', 'variables-npr.csv', 'variables-dar.xlsx', 'variables-dar.csv', 'linkage.svg', 'requirements.md', 'report.html']) assert.ok(names.includes(n), `${n} in ${names.join(', ')}`);
    assert.match(r.out, /pkg\/application\.docx {2}\d/);
    assert.match(r.out, /\d+ files written in \d+ ms\.$/m);
  });

  it('refuses an existing non-empty folder without --force (exit 2), and writes into it with --force', () => {
    const out = join(work, 'used');
    mkdirSync(out);
    writeFileSync(join(out, 'notes.txt'), 'mine');
    const r = run([compliant, '--out', 'used'], work);
    assert.equal(r.code, 2);
    assert.match(r.err, /used is not empty; use --force/);
    assert.deepEqual(readdirSync(out), ['notes.txt']);
    const forced = run([compliant, '--out', 'used', '--force'], work);
    assert.equal(forced.code, 0, forced.err);
    assert.ok(existsSync(join(out, 'application.docx')));
    assert.equal(readFileSync(join(out, 'notes.txt'), 'utf8'), 'mine', 'other files are left alone');
  });

  it('refuses a file given as --out', () => {
    writeFileSync(join(work, 'a-file'), 'x');
    const r = run([compliant, '--out', 'a-file'], work);
    assert.equal(r.code, 2);
    assert.match(r.err, /not a folder/);
  });

  it('writes nothing outside --out, not even through a symbolic link in it', () => {
    const outside = join(work, 'outside.html');
    writeFileSync(outside, 'untouched');
    const out = join(work, 'linked');
    mkdirSync(out);
    symlinkSync(outside, join(out, 'report.html'));
    const before = snapshot(work);
    const r = run([compliant, '--out', 'linked', '--force'], work);
    assert.equal(r.code, 0, r.err);
    assert.equal(readFileSync(outside, 'utf8'), 'untouched');
    assert.ok(lstatSync(join(out, 'report.html')).isFile(), 'the link was replaced by a file');
    const after = snapshot(work);
    const changed = [...after].filter(([p, v]) => before.get(p) !== v).map(([p]) => p);
    assert.ok(changed.length > 0);
    for (const p of changed) assert.ok(p === 'linked' || p.startsWith(`linked/`), `${p} changed outside --out`);
  });

  it('exports a descriptor with errors, lists them first, and exits 1', async () => {
    const r = run([sepsis, '--out', 'with-errors'], work);
    assert.equal(r.code, 1, r.err);
    assert.match(r.out, /the descriptor has 1 error, listed at the top of application\.docx and report\.html/);
    const zip = await JSZip.loadAsync(readFileSync(join(work, 'with-errors', 'application.docx')));
    const xml = await zip.file('word/document.xml')!.async('string');
    const firstHeading = /<w:pStyle w:val="Heading1"\/>[^]*?<w:t[^>]*>([^<]*)<\/w:t>/.exec(xml)![1];
    assert.equal(firstHeading, 'Errors to correct');
    const html = readFileSync(join(work, 'with-errors', 'report.html'), 'utf8');
    assert.ok(html.indexOf('id="errors"') > 0 && html.indexOf('id="errors"') < html.indexOf('id="requirements"'));
    assert.match(html, /exemption-wrong-authority/);
  });

  it('speaks Norwegian with --lang nb', () => {
    const r = run([compliant, '--out', 'nb', '--lang', 'nb'], work);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /filer skrevet på \d+ ms\./);
    assert.match(readFileSync(join(work, 'nb', 'application.md'), 'utf8'), /## 1 Prosjekt og ansvarsforhold/);
  });

  it('says what is wrong with the command line (exit 2)', () => {
    assert.equal(run([compliant], work).code, 2);
    assert.match(run([compliant], work).err, /--out is required/);
    assert.match(run(['--out', 'x'], work).err, /no descriptor given/);
    assert.match(run([compliant, '--out', 'x', '--lang', 'de'], work).err, /unknown language "de"/);
    assert.match(run(['missing.yaml', '--out', 'x'], work).err, /missing\.yaml: no such file/);
    assert.ok(!existsSync(join(work, 'x')), 'nothing written on a usage error');
    const help = run(['--help'], work);
    assert.equal(help.code, 0);
    assert.match(help.out, /^Usage: descriptor-check export <descriptor> --out <folder>/);
  });

  it('creates --out and its missing parent folders', () => {
    const r = run([join('examples', 'broken', 'typo.descriptor.yaml'), '--out', join('deep', 'er', 'pkg')], work);
    assert.ok(r.code === 0 || r.code === 1, r.err);
    assert.ok(statSync(join(work, 'deep', 'er', 'pkg')).isDirectory());
  });

  it('refuses a folder that cannot be made, with the reason and exit 2, instead of retrying for ever', function () {
    // Under /proc no folder can be made; Node's recursive mkdir retried there without end. Linux only.
    if (!existsSync('/proc/self')) this.skip();
    const started = performance.now();
    const r = spawnSync(process.execPath, [CLI, 'export', join('examples', 'broken', 'typo.descriptor.yaml'), '--out', '/proc/x/pkg'], { cwd: work, encoding: 'utf8', timeout: 60_000 });
    assert.equal(r.signal, null, `still running after ${(performance.now() - started).toFixed(0)} ms`);
    assert.equal(r.status, 2, r.stderr);
    assert.match(r.stderr, /cannot create the folder \/proc\/x \(this file system does not allow a folder there\)/);
    // A file in the way is named as such.
    const under = run([join('examples', 'broken', 'typo.descriptor.yaml'), '--out', join('examples', 'broken', 'typo.descriptor.yaml', 'pkg')], work);
    assert.equal(under.code, 2);
    assert.match(under.err, /cannot create the folder .*typo\.descriptor\.yaml.pkg \(a part of the path is a file\)/);
  });
});
