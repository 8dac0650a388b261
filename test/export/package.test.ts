/**
 * The application package, read back with real readers: the Word document unzipped and its XML
 * parsed, the spreadsheets opened with exceljs, the CSV, SVG and PNG checked byte by byte, and the
 * report loaded in Chromium with JavaScript off.
 */
import { strict as assert } from 'node:assert';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { Browser } from 'playwright-core';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { renderMarkdown } from '../../server/report/requirements-render';
import { analyzeFile } from '../helpers/analysis';
import { catalogueVariable } from '../../server/report/application';
import { buildPackage, fileId, type BuiltPackage } from '../../server/export/package';
import { REPORT_CSP } from '../../server/report/report-html';
import { WORDS } from '../../server/report/words';

const EXPORT_TEXT = WORDS.document;
import { findSource, sources } from '../../rules/domain/catalogue';
import { launchChromium, NO_CHROMIUM } from '../helpers/chromium';

const root = process.cwd();
const examples = join(root, 'examples');
const read = (name: string) => readFileSync(join(examples, name), 'utf8');
const SCRIPT = '<script>alert(1)</script>';
const IMG = '"><img src=x onerror=alert(2)>';

/** The sepsis example with hostile text in the title, a variable name, a holder and a justification, and a formula-like name. */
const HOSTILE = read('sepsis-research.descriptor.yaml')
  .replace('title: Early warning of sepsis in emergency departments', `title: ${JSON.stringify(`${SCRIPT} ${IMG}`)}`)
  .replace('name: vital_signs', `name: ${JSON.stringify(`vital${SCRIPT}${IMG}`)}`)
  .replace('holder: UNN HF', `holder: ${JSON.stringify(IMG)}`)
  .replace('justification: The predictors of the model.', `justification: ${JSON.stringify(`=HYPERLINK("http://x") ${SCRIPT}`)}`);

/** Research without research questions, study design, population, storage or security. */
const BARE = `descriptor: 1
project:
  title: Bare research
  institution: Test HF
purpose:
  category: health-research
legal_basis: { consent: false }
data_sources:
  - id: npr
    source: npr
    variables:
      - { name: sex, granularity: category }
`;

const build = (text: string, lang: 'en' | 'nb' = 'en', name = 'test.descriptor.yaml') => buildPackage(analyzeFile(join(examples, name), text, lang), { today: '2026-12-02' });
const file = (p: BuiltPackage, name: string) => {
  const f = p.files.find((x) => x.name === name);
  assert.ok(f, `${name} in ${p.files.map((x) => x.name).join(', ')}`);
  return f.data;
};

/** The paragraphs of word/document.xml: style, text, and whether inside a table. */
async function docxParagraphs(data: Buffer): Promise<{ paragraphs: { style?: string; text: string; inTable: boolean; highlighted: boolean }[]; tables: number; xml: string; zip: JSZip }> {
  const zip = await JSZip.loadAsync(data);
  const xml = await zip.file('word/document.xml')!.async('string');
  const paragraphs: { style?: string; text: string; inTable: boolean; highlighted: boolean }[] = [];
  let tables = 0;
  let depth = 0;
  let current: (typeof paragraphs)[number] | undefined;
  let inText = false;
  const parser = new SaxesParser();
  parser.on('error', (e) => {
    throw e;
  });
  parser.on('opentag', (t: SaxesTagPlain) => {
    if (t.name === 'w:tbl') {
      tables++;
      depth++;
    } else if (t.name === 'w:p') current = { text: '', inTable: depth > 0, highlighted: false };
    else if (t.name === 'w:pStyle' && current) current.style = String(t.attributes['w:val']);
    else if (t.name === 'w:highlight' && current) current.highlighted = true;
    else if (t.name === 'w:t') inText = true;
  });
  parser.on('text', (s) => {
    if (inText && current) current.text += s;
  });
  parser.on('closetag', (t: SaxesTagPlain) => {
    if (t.name === 'w:tbl') depth--;
    else if (t.name === 'w:p' && current) {
      paragraphs.push(current);
      current = undefined;
    } else if (t.name === 'w:t') inText = false;
  });
  parser.write(xml).close();
  return { paragraphs, tables, xml, zip };
}

const SECTION_KEYS = ['s1', 's2', 's3', 's4', 's5', 's6', 's7', 's8', 's9', 's10'] as const;

describe('application package', function () {
  this.timeout(60_000);
  let sepsis: BuiltPackage;
  let sepsisNb: BuiltPackage;
  let hostile: BuiltPackage;
  let bare: BuiltPackage;
  let bareNb: BuiltPackage;
  let compliant: BuiltPackage;
  before(async () => {
    [sepsis, sepsisNb, hostile, bare, bareNb, compliant] = await Promise.all([
      build(read('sepsis-research.descriptor.yaml'), 'en', 'sepsis-research.descriptor.yaml'),
      build(read('sepsis-research.descriptor.yaml'), 'nb', 'sepsis-research.descriptor.yaml'),
      build(HOSTILE),
      build(BARE),
      build(BARE, 'nb'),
      build(read('compliant-research.descriptor.yaml'), 'en', 'compliant-research.descriptor.yaml'),
    ]);
  });

  it('has its parts, with a spreadsheet and a CSV per data source, and the data management plan', () => {
    const names = sepsis.files.map((f) => f.name);
    assert.deepEqual(names, [
      'application.docx', 'application.md',
      'variables-epj-unn.xlsx', 'variables-epj-unn.csv', 'variables-npr.xlsx', 'variables-npr.csv', 'variables-dar.xlsx', 'variables-dar.csv',
      'linkage.svg', 'linkage.png', 'requirements.md', 'report.html', 'dmp.json',
    ]);
    for (const n of names) assert.match(n, /^[a-z0-9][a-z0-9.-]*$/);
  });

  it('Word: the sections in the order of the helsedata.no application, in Heading 1 and Heading 2', async () => {
    for (const [p, l] of [[sepsis, 'en'], [sepsisNb, 'nb']] as const) {
      const { paragraphs, zip } = await docxParagraphs(file(p, 'application.docx'));
      const h1 = paragraphs.filter((x) => x.style === 'Heading1').map((x) => x.text);
      assert.deepEqual(h1, [EXPORT_TEXT.errorsTitle[l], ...SECTION_KEYS.map((k, i) => `${i + 1} ${EXPORT_TEXT[k][l]}`)]);
      const h2 = paragraphs.filter((x) => x.style === 'Heading2').map((x) => x.text);
      assert.ok(h2.includes(EXPORT_TEXT.staff[l]) && h2.includes('NPR (npr)') && h2.includes(EXPORT_TEXT.linkageSteps[l]), h2.join(' | '));
      assert.equal(paragraphs[0].style, 'Title');
      // Word's own heading styles, with outline levels: the navigation pane and a table of contents use them.
      const styles = await zip.file('word/styles.xml')!.async('string');
      assert.match(styles, /w:styleId="Heading1"[^]*?<w:outlineLvl w:val="0"\/>/);
      assert.match(styles, /w:styleId="Heading2"[^]*?<w:outlineLvl w:val="1"\/>/);
    }
  });

  it('Word: text from the descriptor, tables, the diagram, and the errors first', async () => {
    const { paragraphs, tables, zip, xml } = await docxParagraphs(file(sepsis, 'application.docx'));
    const all = paragraphs.map((x) => x.text).join('\n');
    assert.ok(all.includes('Early warning of sepsis in emergency departments'));
    assert.ok(all.includes('Can routine vital signs predict sepsis 6 hours before diagnosis?'));
    assert.ok(all.includes('REK 2024/123456'), 'the case number of the REK approval');
    assert.ok(tables >= 10, `${tables} tables`);
    // The variable table holds the descriptor's variables, the custodian's name only where it is confirmed, and the catalogue's descriptions.
    const i = paragraphs.findIndex((x) => x.inTable && x.text === 'date_of_birth');
    assert.ok(i > 0 && paragraphs[i + 1].text === EXPORT_TEXT.toCheck.en && paragraphs[i + 2].text === 'Date of birth' && paragraphs[i + 3].text === 'exact date', paragraphs.slice(i, i + 4).map((x) => x.text).join(' | '));
    const j = paragraphs.findIndex((x) => x.inTable && x.text === 'main_diagnosis');
    assert.equal(paragraphs[j + 1].text, 'hovedtilstand', 'NPR\'s own name for it');
    // Errors before the first section, with their line.
    const errors = paragraphs.findIndex((x) => x.text === EXPORT_TEXT.errorsTitle.en && x.style === 'Heading1');
    const first = paragraphs.findIndex((x) => x.style === 'Heading1' && x.text.startsWith('1 '));
    assert.ok(errors >= 0 && errors < first);
    assert.ok(paragraphs.slice(errors, first).some((x) => /^Line \d+: .*exemption-wrong-authority/.test(x.text)));
    {
      assert.ok(Object.keys(zip.files).some((f) => /^word\/media\/.+\.png$/.test(f)), 'the diagram is embedded');
      assert.match(xml, /<wp:docPr [^>]*descr="Diagram of the data linkage"/);
    }
  });

  it('Word: a field the route needs but the descriptor lacks is a highlighted placeholder, never invented text', async () => {
    const { paragraphs } = await docxParagraphs(file(bare, 'application.docx'));
    const placeholders = paragraphs.filter((x) => x.highlighted).map((x) => x.text);
    for (const p of ['[Missing: research questions]', '[Missing: study design]', '[Missing: target population]', '[Missing: study population]', '[Missing: storage]', '[Missing: security measures]', '[Missing: justification]', '[Missing: legal basis under GDPR art. 6]']) {
      assert.ok(placeholders.includes(p), `${p} in ${placeholders.join(', ')}`);
    }
    const nb = (await docxParagraphs(file(bareNb, 'application.docx'))).paragraphs.filter((x) => x.highlighted).map((x) => x.text);
    assert.ok(nb.includes('[Mangler: forskningsspørsmål]') && nb.includes('[Mangler: studiedesign]'), nb.join(', '));
    // A complete descriptor has none; a name not yet confirmed from the custodian's list is marked as to be checked.
    const full = (await docxParagraphs(file(compliant, 'application.docx'))).paragraphs.filter((x) => x.highlighted);
    assert.deepEqual(full.map((x) => x.text).filter((x) => x !== EXPORT_TEXT.toCheck.en), []);
  });

  it('reads as a caseworker reads it: a working draft and project description, never an application title where none is sent', async () => {
    const title = async (p: BuiltPackage) => (await docxParagraphs(file(p, 'application.docx'))).paragraphs.find((x) => x.style === 'Title')?.text ?? '';
    assert.equal(await title(sepsis), `${EXPORT_TEXT.titleApplication.en}: Early warning of sepsis in emergency departments`);
    assert.equal(await title(sepsisNb), `${EXPORT_TEXT.titleApplication.nb}: Early warning of sepsis in emergency departments`);
    const qr = await build(read('quality-register.descriptor.yaml'), 'nb', 'quality-register.descriptor.yaml');
    const qa = await build(read('internal-qa.descriptor.yaml'), 'en', 'internal-qa.descriptor.yaml');
    assert.equal(await title(qr), `${EXPORT_TEXT.titleDescription.nb}: Regional register for knee replacement surgery`);
    assert.equal(await title(qa), `${EXPORT_TEXT.titleDescription.en}: Antibiotic choice for pneumonia in the medical department`);
    for (const p of [sepsis, sepsisNb, qr, qa, compliant]) {
      const md = file(p, 'application.md').toString('utf8');
      assert.doesNotMatch(md, /Søknad om helsedata|Application for health data/);
    }
    // helsedata.no takes applications for identifiable data only through its web form (legal-facts C15).
    assert.ok(file(sepsis, 'application.md').toString('utf8').replace(/\\/g, '').includes(EXPORT_TEXT.noteHds.en));
    assert.ok(file(qr, 'application.md').toString('utf8').replace(/\\/g, '').includes(EXPORT_TEXT.noteQualityRegister.nb));
  });

  it('holds what the caseworker asks for: both responsible institutions and the approval, the grounds for the exemption, the supplementary basis, data periods and selection, REK dialogue, funding, information, retention and the final report', async () => {
    const md = file(compliant, 'application.md').toString('utf8').replace(/\\/g, '');
    for (const [label, value] of [
      [EXPORT_TEXT.institution.en, 'University Hospital of North Norway (UNN HF)'],
      [EXPORT_TEXT.researchResponsible.en, 'UiT The Arctic University of Norway'],
      [EXPORT_TEXT.institutionApproval.en, 'granted, UNN 2024/3321, 2024-09-02'],
      [EXPORT_TEXT.funding.en, 'Helse Nord RHF, research grant HNF1587-24'],
      [EXPORT_TEXT.supplementary.en, 'Personopplysningsloven §§ 8 and 9'],
      [EXPORT_TEXT.whyNoConsent.en, 'The 6,500 patients were discharged up to ten years ago'],
      [EXPORT_TEXT.societalInterest.en, 'One in four heart failure patients is readmitted within a year.'],
      [EXPORT_TEXT.dataPeriod.en, '2015-01-01 – 2023-12-31'],
      [EXPORT_TEXT.selection.en, 'Hospital contacts of the persons UNN supplies'],
      [EXPORT_TEXT.retentionReason.en, 'Kept five years after the project ends so that the results can be verified.'],
      [EXPORT_TEXT.finalReport.en, 'due when the project ends, 2028-02-29'],
      [EXPORT_TEXT.keyHeldBy.en, 'Folkehelseinstituttet (FHI)'],
    ]) assert.ok(md.includes(`- **${label}:** ${value}`), `${label}: ${value}`);
    assert.ok(md.includes(`### ${EXPORT_TEXT.information.en}\n\nA project page on unn.no`), 'the information to the registered');
    assert.ok(md.includes(`### ${EXPORT_TEXT.rekDialogue.en}`) && md.includes('docs/rek-dialogue.md'), 'the dialogue with REK');
    assert.ok(md.includes(`**${EXPORT_TEXT.specialGrounds.en}**`) && md.includes('heart ultrasound system'), 'the special grounds of the direct identifier');
    // What is missing is a placeholder, never invented: the sepsis example has no REK dialogue listed.
    assert.ok(file(sepsis, 'application.md').toString('utf8').includes(EXPORT_TEXT.rekDialogueNone.en.replace(/`/g, '')));
  });

  it('the quality register states the four conditions, the right to object and the information plan, never that neither consent nor an exemption is needed', async () => {
    const qr = await build(read('quality-register.descriptor.yaml'), 'nb', 'quality-register.descriptor.yaml');
    const md = file(qr, 'application.md').toString('utf8').replace(/\\/g, '');
    assert.ok(md.includes(EXPORT_TEXT.qrWithoutConsent.nb) && md.includes(EXPORT_TEXT.qrIntro.nb));
    for (const c of ['Samtykke gir for dårlig representativitet', 'Den registrerte har reservasjonsrett', 'Den dataansvarlige har rådført seg med personvernombudet']) assert.ok(md.includes(c), c);
    assert.ok(md.includes(EXPORT_TEXT.qrObject.nb));
    assert.ok(md.includes(`### ${EXPORT_TEXT.informationQr.nb}\n\nPatients get a leaflet`));
    assert.ok(!md.includes(EXPORT_TEXT.noExemption.nb) && !/Verken samtykke eller dispensasjon/.test(md));
  });

  it('the linkage says who holds the key and what the project receives, and never that it does not see identities its own institution supplies', () => {
    for (const p of [sepsis, sepsisNb, compliant]) {
      const md = file(p, 'application.md').toString('utf8');
      const svg = file(p, 'linkage.svg').toString('utf8');
      for (const text of [md, svg]) assert.doesNotMatch(text, /never sees|ser aldri|without identities|uten identiteter/);
    }
    const md = file(sepsis, 'application.md').toString('utf8').replace(/\\/g, '');
    assert.ok(md.includes('University Hospital of North Norway (UNN HF) is the project\'s own institution and holds Patient records'), 'the own institution supplies the identities');
    assert.ok(md.includes('Folkehelseinstituttet (FHI) keeps the key between national identity numbers and serial numbers'));
    assert.ok(/stay indirectly identifiable: date_of_birth \(exact date\), municipality \(municipality\) and date_of_death \(exact date\)/.test(md), 'exact dates keep the data indirectly identifiable');
    const svg = file(sepsis, 'linkage.svg').toString('utf8');
    assert.ok(svg.includes(WORDS.diagram.keepsKey.en.split(' ').slice(0, 3).join(' ')), 'the linker box says it keeps the key');
  });

  it('Word and Markdown keep hostile text as text', async () => {
    const { xml, paragraphs } = await docxParagraphs(file(hostile, 'application.docx'));
    assert.ok(paragraphs.some((x) => x.text.includes(`${SCRIPT} ${IMG}`)), 'the title, as text');
    assert.ok(!xml.includes('<script') && !xml.includes('<img'));
    const md = file(hostile, 'application.md').toString('utf8');
    // In Markdown, \< is a literal "<": no unescaped angle bracket may remain.
    assert.doesNotMatch(md, /(^|[^\\])</m, 'Markdown escapes HTML');
    assert.ok(md.includes('\\<script\\>alert(1)\\</script\\>'));
  });

  it('Markdown: the same sections as the Word document', () => {
    const md = file(sepsis, 'application.md').toString('utf8');
    const h2 = md.split('\n').filter((x) => x.startsWith('## ')).map((x) => x.slice(3));
    assert.deepEqual(h2, [EXPORT_TEXT.errorsTitle.en, ...SECTION_KEYS.map((k, i) => `${i + 1} ${EXPORT_TEXT[k].en}`.replace(/[()]/g, '\\$&'))]);
    assert.match(file(bare, 'application.md').toString('utf8'), /\*\*\\\[Missing: research questions\\\]\*\*/);
  });

  it('spreadsheets: one row per variable under a frozen header, columns as wide as their text', async () => {
    const a = analyzeFile(join(examples, 'sepsis-research.descriptor.yaml'), read('sepsis-research.descriptor.yaml'), 'en');
    for (const d of a.model!.dataSources) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(file(sepsis, `variables-${d.id}.xlsx`) as unknown as ArrayBuffer);
      const ws = wb.worksheets[0];
      assert.equal(ws.rowCount, d.variables.length + 1, d.id);
      assert.deepEqual((ws.getRow(1).values as unknown[]).slice(1), [EXPORT_TEXT.variable.en, EXPORT_TEXT.custodianName.en, EXPORT_TEXT.description.en, EXPORT_TEXT.granularity.en, EXPORT_TEXT.justification.en, EXPORT_TEXT.specialGroundsColumn.en]);
      // The name as written; the custodian's name only where the catalogue has it from the custodian's list, else marked to be checked.
      const src = findSource(d.source);
      assert.deepEqual(d.variables.map((v, i) => ws.getRow(i + 2).getCell(1).value), d.variables.map((v) => v.name));
      assert.deepEqual(d.variables.map((v, i) => ws.getRow(i + 2).getCell(2).value), d.variables.map((v) => catalogueVariable(src, v.name)?.custodian_name ?? `[${EXPORT_TEXT.toCheck.en}]`));
      assert.deepEqual(d.variables.map((v, i) => ws.getRow(i + 2).getCell(5).value), d.variables.map((v) => v.justification));
      const view = ws.views[0] as { state?: string; ySplit?: number };
      assert.equal(view.state, 'frozen');
      assert.equal(view.ySplit, 1);
      for (let c = 1; c <= 4; c++) {
        const longest = Math.max(...ws.getColumn(c).values.filter((v) => v !== undefined && v !== null).map((v) => String(v).length));
        assert.ok((ws.getColumn(c).width ?? 0) >= Math.min(longest, 60), `column ${c} of ${d.id}: width ${ws.getColumn(c).width}, text ${longest}`);
      }
    }
  });

  it('spreadsheets and CSV: a formula-like cell stays text', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(file(hostile, 'variables-epj-unn.xlsx') as unknown as ArrayBuffer);
    const cell = wb.worksheets[0].getRow(4).getCell(5);
    assert.equal(cell.type, ExcelJS.ValueType.String);
    assert.equal(cell.value, `=HYPERLINK("http://x") ${SCRIPT}`);
    const csv = file(hostile, 'variables-epj-unn.csv').toString('utf8');
    assert.ok(csv.startsWith('\ufeff'), 'byte-order mark');
    assert.ok(csv.includes('\r\n'));
    assert.ok(csv.includes(`"'=HYPERLINK(""http://x"") ${SCRIPT}"`), csv);
  });

  it('CSV: the same rows as the spreadsheet', () => {
    const lines = file(sepsis, 'variables-epj-unn.csv').toString('utf8').replace(/^\ufeff/, '').trim().split('\r\n');
    assert.equal(lines.length, 4);
    assert.equal(lines[1], "date_of_birth,[to be checked against the custodian's list],Date of birth,exact date,Age at admission is a predictor.,");
  });

  it('takes the custodian name from the catalogue when it has one', () => {
    const npr = sources.get('npr')!;
    // Found by another name (the English one) and by the custodian's own spelling, in any case.
    assert.equal(catalogueVariable(npr, 'main_diagnosis')?.custodian_name, 'hovedtilstand');
    assert.equal(catalogueVariable(npr, 'HOVEDTILSTAND')?.custodian_name, 'hovedtilstand');
    assert.equal(catalogueVariable(npr, 'no-such-variable'), undefined);
  });

  it('file names from source ids stay plain and unique', () => {
    const taken = new Set<string>();
    assert.equal(fileId('../../etc/passwd', 0, taken), 'etc-passwd');
    assert.equal(fileId('ETC passwd', 1, taken), 'etc-passwd-2');
    assert.equal(fileId(undefined, 2, taken), 'source-3');
  });

  it('the diagram as SVG and PNG', () => {
    const svg = file(sepsis, 'linkage.svg').toString('utf8');
    assert.ok(svg.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg"'));
    const parser = new SaxesParser();
    parser.write(svg).close();
    assert.match(svg, /fill="#ffffff"/, 'explicit fills for viewers without the preview\'s styles');
    {
      // The renderer ships (WebAssembly and the font), so every export has the PNG.
      const png = file(sepsis, 'linkage.png');
      assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
      const width = png.readUInt32BE(16);
      const svgWidth = Number(/<svg [^>]*width="(\d+)"/.exec(svg)![1]);
      assert.equal(width, svgWidth * 2, 'twice the drawing size, for print');
    }
  });

  it('requirements.md is the preview\'s Markdown', () => {
    assert.equal(file(sepsis, 'requirements.md').toString('utf8'), renderMarkdown(sepsis.model));
    assert.match(file(compliant, 'requirements.md').toString('utf8'), /earliest expected access \d{4}-\d{2}-\d{2}/);
  });

  it('report.html: strict CSP, no script, errors first, descriptor text escaped', () => {
    const html = file(hostile, 'report.html').toString('utf8');
    assert.ok(html.includes(`<meta http-equiv="Content-Security-Policy" content="${REPORT_CSP}">`));
    assert.equal(REPORT_CSP, "default-src 'none'; style-src 'unsafe-inline'; img-src data:");
    assert.ok(!html.includes('<script') && !html.includes('<img'));
    assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
    assert.ok(html.indexOf('id="errors"') < html.indexOf('id="requirements"'));
  });

  it('a descriptor with errors, one with no data sources and a file that is not YAML still export', async () => {
    const none = await build('descriptor: 1\nproject: { title: Nothing yet }\npurpose: { category: statistics }\n');
    assert.ok(none.files.some((f) => f.name === 'application.docx') && !none.files.some((f) => f.name === 'linkage.svg'));
    assert.ok(none.notes.some((n) => n.includes('no data sources')));
    const broken = await build('descriptor: 1\nproject: [unclosed\n');
    assert.ok(broken.errors > 0);
    const { paragraphs } = await docxParagraphs(file(broken, 'application.docx'));
    assert.equal(paragraphs.find((x) => x.style === 'Heading1')?.text, EXPORT_TEXT.errorsTitle.en);
  });

  it('says so when no PNG can be made, and the document then refers to the SVG', async () => {
    const p = await buildPackage(analyzeFile(join(examples, 'x.descriptor.yaml'), read('sepsis-research.descriptor.yaml'), 'en'), { rasterize: null, today: '2026-12-02' });
    assert.ok(!p.files.some((f) => f.name === 'linkage.png'));
    assert.ok(p.notes.some((n) => n.includes('linkage.png was not written')));
    const { paragraphs, zip } = await docxParagraphs(file(p, 'application.docx'));
    assert.ok(paragraphs.some((x) => x.text === EXPORT_TEXT.diagramNoImage.en));
    assert.ok(!Object.keys(zip.files).some((f) => f.startsWith('word/media/')));
  });

  describe('the report in Chromium, JavaScript off', function () {
    let browser: Browser | undefined;
    before(async function () {
      browser = await launchChromium();
      if (!browser) {
        console.log(`      skipped: ${NO_CHROMIUM}`);
        this.skip();
      }
    });
    after(async () => browser?.close());

    it('shows the sections, runs nothing from the descriptor, and prints', async () => {
      const context = await browser!.newContext({ javaScriptEnabled: false, viewport: { width: 1200, height: 900 } });
      const page = await context.newPage();
      const requests: string[] = [];
      page.on('request', (r) => {
        if (!r.url().startsWith('data:')) requests.push(r.url());
      });
      let dialogs = 0;
      page.on('dialog', () => void dialogs++);
      await page.setContent(file(hostile, 'report.html').toString('utf8'), { waitUntil: 'load' });
      for (const id of ['errors', 'requirements', 'findings', 'linkage', 'variables']) assert.equal(await page.locator(`section#${id}`).count(), 1, id);
      assert.equal(await page.locator('script').count(), 0);
      assert.equal(await page.locator('img').count(), 0);
      assert.equal(await page.locator('#linkage svg').count(), 1);
      assert.ok((await page.locator('#variables tbody tr').count()) === 5);
      // The hostile text is there as text.
      assert.ok((await page.locator('h1').innerText()).includes(`${SCRIPT} ${IMG}`));
      assert.ok((await page.locator('#variables').innerText()).includes(`vital${SCRIPT}${IMG}`));
      assert.ok((await page.title()).includes(SCRIPT));
      // Findings are grouped under the application's sections, with their provisions linked.
      const groups = await page.locator('#findings h3').allInnerTexts();
      assert.ok(groups.includes('5 Data sources and variables') && groups.includes('9 Approvals'), groups.join(' | '));
      assert.ok((await page.locator('#findings a[href^="https://lovdata.no/"]').count()) > 0);
      assert.equal(dialogs, 0);
      assert.deepEqual(requests, []);
      mkdirSync(join(root, 'test-results'), { recursive: true });
      await page.setContent(file(sepsisNb, 'report.html').toString('utf8'), { waitUntil: 'load' });
      await page.screenshot({ path: join(root, 'test-results', 'export-report.png'), fullPage: true });
      const pdf = await page.pdf({ format: 'A4', printBackground: true });
      assert.ok(pdf.length > 10_000 && pdf.subarray(0, 5).toString() === '%PDF-');
      await context.close();
    });
  });
});
