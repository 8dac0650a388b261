/**
 * The application package for a descriptor at the edges of what the checker accepts: a data source
 * id that Excel keeps for itself or that it would refuse as a sheet name, a megabyte of text in one
 * field, and more sources than a diagram can show. The package holds every file, with a diagram of
 * the usual size that fits one page of the Word document. The review's runs aborted on `History`
 * and `'quoted` with no file written, and on 1 MB of text ran 130 to 213 s at a 15.8 GB peak before
 * failing in the Word writer. (The same reproductions run through the CLI binary, with their exit
 * codes and time bounds, in test/robustness/hostile-corpus.test.ts.)
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { buildPackage, type BuiltPackage } from '../../server/export/package';
import { safeSheetName } from '../../server/export/variables';
import { linkageDiagram, MAX_SOURCES, textWidth, wrap } from '../../server/report/linkage-diagram';
import { requirementsModel } from '../../server/report/requirements-model';
import { analyzeFile } from '../helpers/analysis';
import { SEPSIS } from '../helpers/descriptors';

const HOSTILE = join(process.cwd(), 'test', 'fixtures', 'hostile');
const build = (text: string) => buildPackage(analyzeFile(join(process.cwd(), 'examples', 'limits.descriptor.yaml'), text), { today: '2026-12-02' });
const file = (p: BuiltPackage, name: string) => {
  const f = p.files.find((x) => x.name === name);
  assert.ok(f, `${name} in ${p.files.map((x) => x.name).join(', ')}`);
  return f.data;
};
/** The package's own files and the two of each data source: all there. */
function assertEveryFile(names: string[], sources: string[]): void {
  const expected = ['application.docx', 'application.md', 'linkage.svg', 'linkage.png', 'requirements.md', 'report.html', ...sources.flatMap((s) => [`variables-${s}.xlsx`, `variables-${s}.csv`])];
  for (const f of expected) assert.ok(names.includes(f), `${f} is missing from ${names.join(', ')}`);
}

/** The drawing's height, from its root element. */
const svgHeight = (svg: string) => Number(/<svg[^>]* height="(\d+)"/.exec(svg)?.[1]);

describe('export at the limits', function () {
  this.timeout(60_000);

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
    ['history', 'history', 'History-variables'],
    ['quote', 'quoted', 'quoted'],
  ] as const) {
    it(`packages the review's export-sheetname-${name}: every file, the sheet named ${sheet}`, async () => {
      const pkg = await build(readFileSync(join(HOSTILE, `export-sheetname-${name}.descriptor.yaml`), 'utf8'));
      assertEveryFile(pkg.files.map((f) => f.name), ['epj-unn', id, 'dar']);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(file(pkg, `variables-${id}.xlsx`) as unknown as ArrayBuffer);
      assert.equal(wb.worksheets[0].name, sheet);
    });
  }

  it('packages a megabyte of text in the title, the institution and a source id, with a diagram of the usual size on one page', async () => {
    const mb = (word: string) => JSON.stringify(`${word} `.repeat(Math.ceil((1 << 20) / (word.length + 1))));
    const text = SEPSIS.replace(/title: .*/, `title: ${mb('T')}`)
      .replace(/institution: .*/, `institution: ${mb('I')}`)
      .replace('- id: npr', `- id: ${mb('N')}`);
    assert.ok(text.length > 3 * (1 << 20) && text.length < 4 * (1 << 20), `${text.length} bytes`);
    const pkg = await build(text);
    assert.equal(pkg.files.filter((f) => f.name.startsWith('variables-')).length, 6, pkg.files.map((f) => f.name).join(', '));
    assertEveryFile(pkg.files.map((f) => f.name), ['epj-unn', 'dar']);
    const svg = file(pkg, 'linkage.svg').toString('utf8');
    assert.ok(svgHeight(svg) < 2000, `the diagram is ${svgHeight(svg)} px tall`);
    assert.ok(svg.length < 100_000, `the diagram is ${svg.length} bytes`);
    assert.match(svg, /I I I…</, 'the institution ends with an ellipsis');
    // In the Word document the diagram fits one A4 page (600 x 860 px of its text area, in EMUs).
    const docx = await JSZip.loadAsync(file(pkg, 'application.docx'));
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
