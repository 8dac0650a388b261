/**
 * Typing in a value, one keystroke at a time over stdio: after every change the findings are those
 * of the same text opened afresh (the server re-reads only the edited value when it can, and must
 * never be told apart by what it reports), including a value that becomes wrong and right again
 * and findings placed after the edit on the same line and below it.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Diagnostic, TextDocumentContentChangeEvent } from 'vscode-languageserver-protocol';
import { TestClient } from '../helpers/lsp-client';

const examples = join(process.cwd(), 'examples');
const uri = pathToFileURL(join(examples, 'sepsis-research.descriptor.yaml')).href;
const shown = (ds: Diagnostic[]) => ds.map((d) => `${d.range.start.line}:${d.range.start.character}-${d.range.end.line}:${d.range.end.character} ${d.code} ${d.message}`).sort();

describe('typing in a value over stdio', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start({ rootDir: examples });
  });
  after(async () => client.stop());

  it('gives after every keystroke the findings of the same text opened afresh', async function () {
    this.timeout(60_000);
    let doc = TextDocument.create(uri, 'project-descriptor', 1, readFileSync(join(examples, 'sepsis-research.descriptor.yaml'), 'utf8'));
    await client.open(uri, doc.getText());
    await client.diagnosticsFor(uri, 1);
    let fresh = 0;
    const type = async (change: TextDocumentContentChangeEvent & { range: NonNullable<unknown> }) => {
      const version = await client.change(uri, [change]);
      doc = TextDocument.update(doc, [change], version);
      const got = await client.diagnosticsFor(uri, version);
      const other = pathToFileURL(join(examples, `typing-${++fresh}.descriptor.yaml`)).href;
      await client.open(other, doc.getText());
      const want = await client.diagnosticsFor(other, 1);
      await client.close(other);
      assert.deepEqual(shown(got), shown(want), `after version ${version}`);
      return got;
    };
    const end = (needle: string) => doc.positionAt(doc.getText().indexOf(needle) + needle.length);

    // A justification grows letter by letter, then loses its last letters.
    for (const ch of ' and sex') {
      const at = end('Age at admission is a predictor.');
      await type({ range: { start: at, end: at }, text: ch });
    }
    for (let i = 0; i < 4; i++) {
      const at = end('predictor. and sex');
      await type({ range: { start: { line: at.line, character: at.character - 1 - i }, end: { line: at.line, character: at.character - i } }, text: '' });
    }
    // A granularity becomes a word the schema does not know, then right again.
    const g = end('granularity: municipality');
    const wrong = await type({ range: { start: g, end: g }, text: 'y' });
    assert.ok(wrong.some((d) => d.code === 'schema' && d.range.start.line === g.line), 'the misspelt granularity is reported on its line');
    const right = await type({ range: { start: g, end: { line: g.line, character: g.character + 1 } }, text: '' });
    assert.ok(!right.some((d) => d.code === 'schema' && d.range.start.line === g.line));
  });
});
