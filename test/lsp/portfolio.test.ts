/** The portfolio over stdio: the Projects view's request and the portfolio's files, the open descriptor as it is in the editor. */
import { strict as assert } from 'node:assert';
import { copyFileSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import { PORTFOLIO_FILES_METHOD, PORTFOLIO_METHOD, type Portfolio, type PortfolioFilesResult } from '../../server/lsp/protocol';
import { TestClient } from '../helpers/lsp-client';

describe('portfolio over stdio', function () {
  this.timeout(60_000);
  let client: TestClient;
  afterEach(async () => client?.stop());
  const examples = join(process.cwd(), 'examples');

  function workspace() {
    const dir = mkdtempSync(join(tmpdir(), 'descriptor-portfolio-lsp-'));
    for (const n of ['compliant-research.descriptor.yaml', 'sepsis-research.descriptor.yaml', 'statistics-planning.descriptor.yaml']) copyFileSync(join(examples, n), join(dir, n));
    const files = ['compliant-research.descriptor.yaml', 'sepsis-research.descriptor.yaml', 'statistics-planning.descriptor.yaml', 'gone.descriptor.yaml'].map((name) => ({ uri: pathToFileURL(join(dir, name)).href, name }));
    return { dir, files };
  }

  it('answers with one row per descriptor, what needs action first, in the language asked for; an open descriptor as edited', async () => {
    const { files } = workspace();
    client = await TestClient.start();
    const compliant = files[0];
    // Unsaved in the editor: the title changed.
    await client.open(compliant.uri, readFileSync(join(examples, compliant.name), 'utf8').replace('title: Heart failure readmissions after hospital discharge', 'title: Edited in the editor'));
    const p = (await client.connection.sendRequest(PORTFOLIO_METHOD, { files, lang: 'nb' })) as Portfolio;
    assert.equal(p.lang, 'nb');
    assert.equal(p.projects.length, 4);
    assert.equal(p.summary.unreadable, 1);
    const gone = p.projects.find((r) => r.file === 'gone.descriptor.yaml');
    assert.ok(gone?.problem && gone.state === 'needs-action');
    assert.equal(p.projects.find((r) => r.file === compliant.name)?.title, 'Edited in the editor');
    const rank = { 'needs-action': 0, waiting: 1, approved: 2, ended: 3 };
    for (let i = 1; i < p.projects.length; i++) assert.ok(rank[p.projects[i - 1].state] <= rank[p.projects[i].state]);
    // Every row speaks the language asked for, whatever the descriptor's own.
    const sepsis = p.projects.find((r) => r.file === 'sepsis-research.descriptor.yaml')!;
    assert.ok(sepsis.reasons.some((x) => /feil å rette/.test(x)), sepsis.reasons.join('; '));
  });

  it('builds the portfolio\'s four files for the client to write', async () => {
    const { files } = workspace();
    client = await TestClient.start();
    const r = (await client.connection.sendRequest(PORTFOLIO_FILES_METHOD, { files: files.slice(0, 3), lang: 'en' })) as PortfolioFilesResult;
    assert.deepEqual(r.files.map((f) => f.name), ['portfolio.html', 'portfolio.xlsx', 'portfolio.json', 'record-of-processing.xlsx']);
    assert.equal(r.projects, 3);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(r.files[3].data, 'base64') as unknown as ArrayBuffer);
    assert.equal(wb.worksheets[0].rowCount, 4);
    const json = JSON.parse(Buffer.from(r.files[2].data, 'base64').toString('utf8')) as Portfolio;
    assert.equal(json.projects.length, 3);
  });
});
