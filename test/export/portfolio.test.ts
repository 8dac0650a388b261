/**
 * `descriptor-check portfolio` on the examples folder, read back as a reader would: the page in
 * Chromium with JavaScript off (screenshot in test-results/), both spreadsheets with exceljs, the
 * JSON against its documented schema; and the command's exit status, folder rules and language.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv';
import ExcelJS from 'exceljs';
import type { Browser } from 'playwright-core';
import { portfolioHeader, recordHeader } from '../../server/export/portfolio';
import type { Portfolio } from '../../server/report/portfolio/portfolio';
import { launchChromium, NO_CHROMIUM } from '../helpers/chromium';

const root = process.cwd();
const CLI = join(process.env.DESCRIPTOR_DIST ?? join(root, 'dist'), 'cli.js');
const run = (args: string[], cwd: string) => {
  const r = spawnSync(process.execPath, [CLI, 'portfolio', ...args], { cwd, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
const FILES = ['portfolio.html', 'portfolio.json', 'portfolio.xlsx', 'record-of-processing.xlsx'];

describe('descriptor-check portfolio', function () {
  this.timeout(120_000);
  const work = mkdtempSync(join(tmpdir(), 'descriptor-portfolio-'));
  cpSync(join(root, 'examples'), join(work, 'examples'), { recursive: true });
  const descriptors = (dir: string): string[] => readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? descriptors(join(dir, e.name)) : e.name.endsWith('.descriptor.yaml') ? [join(dir, e.name)] : []));
  const count = descriptors(join(work, 'examples')).length;
  let first: ReturnType<typeof run>;
  let json: Portfolio;

  before(() => {
    first = run(['examples', '--out', 'out'], work);
    json = JSON.parse(readFileSync(join(work, 'out', 'portfolio.json'), 'utf8')) as Portfolio;
  });

  it('writes the four files; exit 1 because some examples have errors', () => {
    assert.equal(first.code, 1, first.err);
    assert.deepEqual(readdirSync(join(work, 'out')).sort(), FILES);
    assert.match(first.out, /^out\/portfolio\.html {2}\d/m);
    assert.match(first.out, new RegExp(`^${count} projects: \\d+ need(s)? action, \\d+ waits? for a decision, \\d+ approved, \\d+ ended; 4 files written in \\d+ ms\\.$`, 'm'));
  });

  it('portfolio.json: valid against schemas/portfolio.schema.json, one row per descriptor, sorted', () => {
    const ajv = new Ajv({ allErrors: true, strict: true });
    const validate = ajv.compile(JSON.parse(readFileSync(join(root, 'schemas', 'portfolio.schema.json'), 'utf8')));
    assert.ok(validate(json), ajv.errorsText(validate.errors));
    assert.equal(json.projects.length, count);
    assert.equal(json.lang, 'en');
    const rank = { 'needs-action': 0, waiting: 1, approved: 2, ended: 3 };
    for (let i = 1; i < json.projects.length; i++) assert.ok(rank[json.projects[i - 1].state] <= rank[json.projects[i].state], 'what needs action first');
    const s = json.summary;
    assert.equal(s.byState['needs-action'] + s.byState.waiting + s.byState.approved + s.byState.ended, count);
    assert.equal(s.unreadable, 2, 'the two broken examples that are not descriptors');
    assert.ok(json.projects.some((r) => r.file === 'examples/compliant-research.descriptor.yaml' && r.title === 'Heart failure readmissions after hospital discharge'));
  });

  it('portfolio.xlsx: the same rows under a frozen header with filters, and a summary sheet', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(work, 'out', 'portfolio.xlsx'));
    const ws = wb.worksheets[0];
    assert.equal(ws.name, 'Projects');
    assert.deepEqual((ws.getRow(1).values as unknown[]).slice(1), portfolioHeader('en'));
    assert.equal(ws.rowCount, count + 1);
    assert.equal(ws.views[0].state, 'frozen');
    assert.equal((ws.views[0] as { ySplit?: number }).ySplit, 1);
    assert.ok(ws.autoFilter, 'filters on the header');
    json.projects.forEach((r, i) => {
      assert.equal(ws.getCell(i + 2, 3).value, r.file);
      assert.equal(ws.getCell(i + 2, 9).value, r.errors, 'errors as a number');
      assert.equal(ws.getCell(i + 2, 11).value, r.next?.date ?? '');
    });
    const summary = wb.getWorksheet('Summary');
    assert.ok(summary);
    assert.deepEqual([summary.getCell(2, 1).value, summary.getCell(2, 2).value], ['Projects', count]);
  });

  it('record-of-processing.xlsx: one row per project with the art. 30(1) columns, each empty field marked', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(work, 'out', 'record-of-processing.xlsx'));
    const ws = wb.worksheets[0];
    assert.equal(ws.name, 'Record of processing');
    assert.deepEqual((ws.getRow(1).values as unknown[]).slice(1), recordHeader('en'));
    assert.equal(ws.rowCount, count + 1);
    assert.equal(ws.views[0].state, 'frozen');
    assert.ok(ws.autoFilter);
    const i = json.projects.findIndex((r) => r.file === 'examples/compliant-research.descriptor.yaml') + 2;
    const cell = (name: string) => ws.getCell(i, recordHeader('en').indexOf(name) + 1);
    assert.equal(cell('Controller (art. 30(1)(a))').value, 'University Hospital of North Norway (UNN HF)');
    assert.equal(cell('Contact: the project lead (a)').value, 'Kari Nordmann <kari.nordmann@example.no>');
    // Not in the descriptor: marked as such, in yellow, never filled in.
    const dpo = cell('Data protection officer (a)');
    assert.equal(dpo.value, '[Not stated: data protection officer]');
    assert.equal((dpo.fill as ExcelJS.FillPattern).fgColor?.argb, 'FFFFF3B0');
    assert.equal(cell('Transfers to other countries and their basis (e)').value, 'No data is sent abroad.');
    assert.equal(cell('Time limits for erasure (f)').value, 'Kept until 2033-02-28. The data file is deleted five years after the project ends, and the deletion logged.');
  });

  describe('portfolio.html in Chromium, JavaScript off', function () {
    let browser: Browser | undefined;
    before(async function () {
      browser = await launchChromium();
      if (!browser) {
        console.log(`      skipped: ${NO_CHROMIUM}`);
        this.skip();
      }
    });
    after(async () => browser?.close());

    it('shows the summary and the projects by state, runs nothing, reaches nothing, and prints', async () => {
      const context = await browser!.newContext({ javaScriptEnabled: false, viewport: { width: 1400, height: 1000 } });
      const page = await context.newPage();
      const requests: string[] = [];
      page.on('request', (r) => {
        if (!r.url().startsWith('data:') && !r.url().startsWith('file:')) requests.push(r.url());
      });
      await page.goto(`file://${join(work, 'out', 'portfolio.html')}`);
      for (const id of ['summary', 'state-needs-action', 'state-waiting', 'state-approved', 'state-ended']) assert.equal(await page.locator(`section#${id}`).count(), 1, id);
      assert.equal(await page.locator('script').count(), 0);
      assert.equal(await page.locator('table.projects tbody tr').count(), count);
      const cards = await page.locator('#summary .card').allInnerTexts();
      assert.deepEqual(cards.map((c) => c.replace(/\s+/g, ' ').replace(/^\d+ /, '')), ['Needs action', 'Waiting for a decision', 'Approved', 'Ended']);
      const first = await page.locator('section#state-needs-action tbody tr').first().innerText();
      assert.match(first, /examples\//);
      assert.equal(await page.locator('#count-unreadable td').innerText(), '2');
      assert.deepEqual(requests, []);
      mkdirSync(join(root, 'test-results'), { recursive: true });
      await page.screenshot({ path: join(root, 'test-results', 'portfolio.png'), fullPage: true });
      const pdf = await page.pdf({ format: 'A4', landscape: true, printBackground: true });
      assert.ok(pdf.subarray(0, 5).toString() === '%PDF-');
      await context.close();
    });
  });

  it('in Norwegian with --lang nb', () => {
    const r = run(['examples', '--out', 'nb', '--lang', 'nb'], work);
    assert.equal(r.code, 1, r.err);
    assert.match(r.out, /prosjekter: \d+ må følges opp, \d+ venter på vedtak/);
    const p = JSON.parse(readFileSync(join(work, 'nb', 'portfolio.json'), 'utf8')) as Portfolio;
    assert.equal(p.lang, 'nb');
    assert.match(readFileSync(join(work, 'nb', 'portfolio.html'), 'utf8'), /<h1>Prosjekter<\/h1>/);
  });

  it('writes an earlier portfolio\'s folder again, refuses a folder with other files without --force', () => {
    assert.equal(run(['examples', '--out', 'out'], work).code, 1, 'the same folder again');
    writeFileSync(join(work, 'out', 'mine.txt'), 'x');
    const refused = run(['examples', '--out', 'out'], work);
    assert.equal(refused.code, 2);
    assert.match(refused.err, /out is not empty; use --force/);
    assert.equal(run(['examples', '--out', 'out', '--force'], work).code, 1);
    assert.equal(readFileSync(join(work, 'out', 'mine.txt'), 'utf8'), 'x', 'other files are left alone');
  });

  it('exit 0 when no descriptor has errors, 2 for a file that cannot be read (still listed), and usage errors', () => {
    assert.equal(run(['examples/compliant-research.descriptor.yaml', '--out', 'one'], work).code, 0);
    const missing = run(['examples/compliant-research.descriptor.yaml', 'examples/gone.descriptor.yaml', '--out', 'two'], work);
    assert.equal(missing.code, 2);
    assert.match(missing.err, /examples\/gone\.descriptor\.yaml: no such file/);
    const p = JSON.parse(readFileSync(join(work, 'two', 'portfolio.json'), 'utf8')) as Portfolio;
    assert.equal(p.projects.length, 1, 'a name that matches nothing is not a project');
    assert.equal(run(['examples'], work).code, 2, 'no --out');
    assert.equal(run(['--out', 'x'], work).code, 2, 'no files');
    assert.equal(run(['examples', '--out', 'x', '--lang', 'de'], work).code, 2);
    assert.equal(existsSync(join(work, 'x')), false, 'nothing written on a usage error');
    const help = run(['--help'], work);
    assert.equal(help.code, 0);
    assert.match(help.out, /record-of-processing\.xlsx \(GDPR art\. 30\(1\)/);
  });

  it('lists a descriptor that cannot be read as one that needs action', function () {
    if (spawnSync('mkfifo', [join(work, 'pipe.descriptor.yaml')]).status !== 0) this.skip();
    const r = run(['examples/compliant-research.descriptor.yaml', 'pipe.descriptor.yaml', '--out', 'three'], work);
    assert.equal(r.code, 2);
    assert.match(r.err, /pipe\.descriptor\.yaml: is not a regular file/);
    const p = JSON.parse(readFileSync(join(work, 'three', 'portfolio.json'), 'utf8')) as Portfolio;
    const bad = p.projects.find((x) => x.file === 'pipe.descriptor.yaml');
    assert.ok(bad && bad.state === 'needs-action' && bad.problem, JSON.stringify(p.projects.map((x) => x.file)));
  });
});
