import { strict as assert } from 'node:assert';
import { DocumentDiagnosticRequest, type FullDocumentDiagnosticReport } from 'vscode-languageserver-protocol/node';
import { BASE } from '../helpers/descriptors';
import { TestClient, positionOf } from '../helpers/lsp-client';

const text = BASE.replace('category: health-research', 'category: helth-research');

describe('language server over stdio', () => {
  let client: TestClient;
  afterEach(async () => {
    await client?.stop();
  });

  it('publishes diagnostics on open with exact ranges, code, source and docs link', async () => {
    client = await TestClient.start();
    const uri = 'file:///tmp/a.descriptor.yaml';
    await client.open(uri, text);
    const diags = await client.diagnosticsFor(uri, 1);
    const schema = diags.find((d) => d.code === 'schema');
    assert.ok(schema, JSON.stringify(diags));
    const at = positionOf(text, 'helth-research');
    assert.deepEqual(schema.range, { start: at, end: { line: at.line, character: at.character + 'helth-research'.length } });
    assert.equal(schema.source, 'project-descriptor');
    assert.match(schema.codeDescription!.href, /docs\/rules\/schema\.md$/);
    assert.equal(schema.severity, 1);
  });

  it('updates on change, ignores stale versions, and clears on close', async () => {
    client = await TestClient.start();
    const uri = 'file:///tmp/b.descriptor.yaml';
    const seen: number[] = [];
    client.onDiagnostics((p) => {
      if (p.uri === uri && p.version !== undefined) seen.push(p.version);
    });
    await client.open(uri, text);
    await client.diagnosticsFor(uri, 1);
    const at = positionOf(text, 'helth-research');
    let version: number;
    // Type the missing letter: "helth" -> "health".
    version = await client.change(uri, [{ range: { start: { line: at.line, character: at.character + 2 }, end: { line: at.line, character: at.character + 2 } }, text: 'a' }]);
    // Then a burst of edits that add and remove a comment.
    for (let i = 0; i < 10; i++) {
      version = await client.change(uri, [{ range: { start: { line: 0, character: 13 }, end: { line: 0, character: 13 } }, text: ' #' }]);
      version = await client.change(uri, [{ range: { start: { line: 0, character: 13 }, end: { line: 0, character: 15 } }, text: '' }]);
    }
    const diags = await client.diagnosticsFor(uri, version);
    assert.ok(!diags.some((d) => d.code === 'schema'), JSON.stringify(diags));
    assert.ok(diags.some((d) => d.code === 'variable-exact-date'));
    for (let i = 1; i < seen.length; i++) assert.ok(seen[i] > seen[i - 1], `published ${seen.join(',')}`);
    const cleared = client.diagnostics(uri, (p) => p.diagnostics.length === 0, { fresh: true });
    await client.close(uri);
    assert.deepEqual((await cleared).diagnostics, []);
  });

  it('answers pull diagnostics when the client offers them', async () => {
    client = await TestClient.start({ capabilities: { textDocument: { diagnostic: { dynamicRegistration: false } } } });
    assert.ok(client.initializeResult.capabilities.diagnosticProvider);
    const uri = 'file:///tmp/c.descriptor.yaml';
    await client.open(uri, text);
    const report = (await client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } })) as FullDocumentDiagnosticReport;
    assert.equal(report.kind, 'full');
    assert.ok(report.items.some((d) => d.code === 'schema'));
    const again = await client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri }, previousResultId: report.resultId });
    assert.equal(again.kind, 'unchanged');
  });

  it('answers a reopened file in full, though it starts again at version 1', async () => {
    client = await TestClient.start({ capabilities: { textDocument: { diagnostic: { dynamicRegistration: false } } } });
    const uri = 'file:///tmp/reopened.descriptor.yaml';
    await client.open(uri, text);
    const first = (await client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri } })) as FullDocumentDiagnosticReport;
    assert.ok(first.items.some((d) => d.code === 'schema'));
    await client.close(uri);
    // Changed on disk while closed, then opened again: version 1 once more, other text.
    await client.open(uri, text.replace(/helth-research/g, 'health-research'));
    const again = await client.connection.sendRequest(DocumentDiagnosticRequest.type, { textDocument: { uri }, previousResultId: first.resultId });
    assert.equal(again.kind, 'full', 'a reopened file is not "unchanged"');
    assert.notDeepEqual((again as FullDocumentDiagnosticReport).items, first.items);
  });

  it('follows settings: rule severities and language', async () => {
    client = await TestClient.start({ configuration: { descriptor: { language: 'nb', rules: { 'variable-exact-date': 'off' } } } });
    const uri = 'file:///tmp/d.descriptor.yaml';
    await client.open(uri, text);
    const settled = (ds: { code?: unknown; message: unknown }[]) => !ds.some((d) => d.code === 'variable-exact-date') && ds.some((d) => /er ikke en av de tillatte verdiene/.test(String(d.message)));
    const got = await client.diagnosticsWithin(uri, (p) => p.version === 1 && settled(p.diagnostics));
    assert.ok(got && settled(got.diagnostics), `settings not applied: ${JSON.stringify(got?.diagnostics.map((d) => [d.code, d.message]))}`);
  });

  it('with the language on auto and an English editor, follows the descriptor\'s own `language:`', async () => {
    client = await TestClient.start({ locale: 'en-US' });
    const uri = 'file:///tmp/f.descriptor.yaml';
    await client.open(uri, text.replace('descriptor: 1\n', 'descriptor: 1\nlanguage: nb\n'));
    const diags = await client.diagnosticsFor(uri, 1);
    assert.ok(diags.some((d) => /er ikke en av de tillatte verdiene/.test(String(d.message))), JSON.stringify(diags.map((d) => d.message)));
  });

  it('uses the client locale when the language is auto', async () => {
    client = await TestClient.start({ locale: 'nb-NO' });
    const uri = 'file:///tmp/e.descriptor.yaml';
    await client.open(uri, text);
    const diags = await client.diagnosticsFor(uri, 1);
    assert.ok(diags.some((d) => /er ikke en av de tillatte verdiene/.test(String(d.message))));
  });

  it('stays up on hostile input and keeps serving other documents', async () => {
    client = await TestClient.start();
    const bomb = ['a: &a [x,x,x,x,x,x,x,x,x,x]', ...Array.from({ length: 9 }, (_, i) => `${String.fromCharCode(98 + i)}: &${String.fromCharCode(98 + i)} [${Array(10).fill(`*${String.fromCharCode(97 + i)}`).join(',')}]`)].join('\n');
    await client.open('file:///tmp/bomb.descriptor.yaml', bomb);
    await client.open('file:///tmp/junk.descriptor.yaml', '\u0000\u0001: [}{: - ? ! & * |\n\t\t- "\n');
    await client.open('file:///tmp/ok.descriptor.yaml', text);
    const b = await client.diagnosticsFor('file:///tmp/bomb.descriptor.yaml', 1);
    assert.equal(b[0].code, 'input-limit');
    const j = await client.diagnosticsFor('file:///tmp/junk.descriptor.yaml', 1);
    assert.ok(j.length > 0);
    const ok = await client.diagnosticsFor('file:///tmp/ok.descriptor.yaml', 1);
    assert.ok(ok.some((d) => d.code === 'schema'));
  });
});
