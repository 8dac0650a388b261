/**
 * The application package for a descriptor at the edges of what the checker accepts: a data source
 * id that Excel keeps for itself or that it would refuse as a sheet name, a megabyte of text in one
 * field, and more sources than a diagram can show. The export writes every file, quickly, with a
 * diagram of the usual size. The review's runs aborted on `History` and `'quoted` with no file
 * written, and on 1 MB of text ran 130 to 213 s at a 15.8 GB peak before failing in the Word writer.
 *
 * Bound, generous and for telling a finished export from a runaway one: `EXPORT` ms for one CLI
 * export of a file of about 1 to 3 MB (3 to 4 s here).
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { safeSheetName } from '../../server/export/variables';
import { linkageDiagram, MAX_SOURCES, textWidth, wrap } from '../../server/report/linkage-diagram';
import { requirementsModel } from '../../server/report/requirements-model';
import { analyzeFile } from '../helpers/analysis';
import { SEPSIS } from '../helpers/descriptors';

const EXPORT = 60_000;
const CLI = join(process.env.DESCRIPTOR_DIST ?? join(process.cwd(), 'dist'), 'cli.js');
const HOSTILE = join(process.cwd(), 'test', 'fixtures', 'hostile');
/** The package's files for the sepsis example's three sources. */
const FILES = 12;

function exportCli(file: string): { code: number | null; err: string; out: string; ms: number; dir: string } {
  const dir = join(mkdtempSync(join(tmpdir(), 'descriptor-limits-')), 'out');
  const started = performance.now();
  const r = spawnSync(process.execPath, [CLI, 'export', file, '--out', dir], { encoding: 'utf8', timeout: EXPORT * 2 });
  return { code: r.status, err: r.stderr, out: r.stdout, ms: performance.now() - started, dir };
}

/** The drawing's height, from its root element. */
const svgHeight = (svg: string) => Number(/<svg[^>]* height="(\d+)"/.exec(svg)?.[1]);

describe('export at the limits', function () {
  this.timeout(EXPORT * 3);

  it('names a sheet after any data source id Excel would refuse', () => {
    assert.equal(safeSheetName('History'), 'History-variables');
    assert.equal(safeSheetName('history'), 'history-variables');
    assert.equal(safeSheetName("'quoted"), 'quoted');
    assert.equal(safeSheetName("quoted'"), 'quoted');
    assert.equal(safeSheetName("'''"), 'variables');
    assert.equal(safeSheetName('   '), 'variables');
    assert.equal(safeSheetName(''), 'variables');
    assert.equal(safeSheetName('a:b\\c/d?e*f[g]h'), 'a-b-c-d-e-f-g-h');
    assert.equal(safeSheetName('tab\there\u0000'), 'tab-here-');
    assert.equal(safeSheetName('x'.repeat(40)), 'x'.repeat(31));
    // 30 units and an emoji (two units): the emoji is left out whole, not cut in half.
    assert.equal(safeSheetName(`${'x'.repeat(30)}😀`), 'x'.repeat(30));
    assert.equal(safeSheetName('lone \ud800 surrogate'), 'lone - surrogate');
    // Cut to 31, an apostrophe may end up last: it goes too.
    assert.equal(safeSheetName(`${'x'.repeat(30)}'y`), 'x'.repeat(30));
  });

  for (const [name, id, sheet] of [
    ['history', 'History', 'History-variables'],
    ['quote', "'quoted", 'quoted'],
  ] as const) {
    it(`exports the review's export-sheetname-${name} (a source id ${id}): every file, the sheet named ${sheet}`, async () => {
      const r = exportCli(join(HOSTILE, `export-sheetname-${name}.descriptor.yaml`));
      assert.ok(r.code === 0 || r.code === 1, `exit ${r.code}: ${r.err}`);
      assert.doesNotMatch(r.err, /\n\s+at /);
      const files = readdirSync(r.dir);
      assert.equal(files.length, FILES, files.join(', '));
      const xlsx = files.find((f) => f.endsWith('.xlsx') && f.includes(id.replace(/'/g, '').toLowerCase()));
      assert.ok(xlsx, files.join(', '));
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(readFileSync(join(r.dir, xlsx)) as unknown as ArrayBuffer);
      assert.equal(wb.worksheets[0].name, sheet);
    });
  }

  it('exports a megabyte of text in the title, the institution and a source id within the bound, with a diagram of the usual size', async () => {
    const mb = (word: string) => JSON.stringify(`${word} `.repeat(Math.ceil((1 << 20) / (word.length + 1))));
    const text = SEPSIS.replace(/title: .*/, `title: ${mb('T')}`)
      .replace(/institution: .*/, `institution: ${mb('I')}`)
      .replace('- id: npr', `- id: ${mb('N')}`);
    assert.ok(text.length > 3 * (1 << 20) && text.length < 4 * (1 << 20), `${text.length} bytes`);
    const file = join(mkdtempSync(join(tmpdir(), 'descriptor-big-')), 'big.descriptor.yaml');
    writeFileSync(file, text);
    const r = exportCli(file);
    assert.ok(r.code === 0 || r.code === 1, `exit ${r.code}: ${r.err.slice(0, 500)}`);
    assert.ok(r.ms < EXPORT, `${r.ms.toFixed(0)} ms`);
    const files = readdirSync(r.dir);
    assert.equal(files.length, FILES, files.join(', '));
    const svg = readFileSync(join(r.dir, 'linkage.svg'), 'utf8');
    assert.ok(svgHeight(svg) < 2000, `the diagram is ${svgHeight(svg)} px tall`);
    assert.ok(svg.length < 100_000, `the diagram is ${svg.length} bytes`);
    assert.match(svg, /I I I…</, 'the institution ends with an ellipsis');
    // In the Word document the diagram fits on one A4 page (at most 860 px of its text height, in EMUs).
    const docx = await JSZip.loadAsync(readFileSync(join(r.dir, 'application.docx')));
    const extent = /<wp:extent cx="(\d+)" cy="(\d+)"/.exec(await docx.file('word/document.xml')!.async('string'));
    assert.ok(extent, 'the diagram is in the document');
    assert.ok(Number(extent[1]) <= 600 * 9525 && Number(extent[2]) <= 860 * 9525, extent[0]);
  });

  it('draws at most MAX_SOURCES sources, counts the rest, and ends a long label with an ellipsis inside its width', () => {
    const sources = Array.from({ length: 60 }, (_, i) => `  - id: source-${i}\n    source: npr\n    holder: ${JSON.stringify(`Holder ${i} `.repeat(200))}\n    variables:\n      - { name: sex, granularity: category, justification: Needed. }\n`).join('');
    const links = Array.from({ length: 59 }, (_, i) => `    - [source-${i}, source-${i + 1}]\n`).join('');
    const text = `descriptor: 1\nproject: { title: Many sources, institution: Test HF }\npurpose: { category: health-research }\nlegal_basis: { consent: false, gdpr_article_6: e, gdpr_article_9: j }\ndata_sources:\n${sources}linkage:\n  model: centralized\n  links:\n${links}`;
    for (const lang of ['en', 'nb'] as const) {
      const svg = linkageDiagram(requirementsModel(analyzeFile(join(process.cwd(), 'examples', 'many.descriptor.yaml'), text, lang)));
      assert.equal(svg.match(/<g class="node source[ "]/g)?.length, MAX_SOURCES);
      assert.match(svg, lang === 'en' ? /Data sources not drawn here: 36/ : /Datakilder som ikke er tegnet her: 36/);
      assert.match(svg, lang === 'en' ? /Links not listed here: 51/ : /Koblinger som ikke er listet her: 51/);
      assert.ok(svgHeight(svg) < 6000, `${svgHeight(svg)} px`);
    }
    const lines = wrap('word '.repeat(100_000), 200, 13, false, 3);
    assert.equal(lines.length, 3);
    assert.ok(lines[2].endsWith('…'), lines[2]);
    for (const l of lines) assert.ok(textWidth(l, 13) <= 200, l);
    const long = wrap('W'.repeat(1 << 20), 200, 13, true, 2);
    assert.equal(long.length, 2);
    assert.ok(long[1].endsWith('…') && textWidth(long[1], 13, true) <= 200);
  });
});
