/**
 * Broken input over stdio, as an editor meets it: an empty file, a YAML syntax error, a misspelt
 * purpose. Each gets a clear finding where the mistake is, and nothing is concluded from it: no
 * follow-on findings, no route in the requirements.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RequirementsRequest } from '../../server/lsp/protocol';
import { BASE } from '../helpers/descriptors';
import { statusText } from '../../client/status-text';
import type { Diagnostic } from 'vscode-languageserver-protocol';
import { TestClient, positionOf } from '../helpers/lsp-client';

const message = (d: Diagnostic) => (typeof d.message === 'string' ? d.message : d.message.value);

describe('broken input over stdio', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start();
  });
  after(async () => {
    await client?.stop();
  });

  it('an empty file: one finding that says so, and a preview that concludes nothing', async () => {
    const uri = 'file:///tmp/empty.descriptor.yaml';
    await client.open(uri, '');
    const diags = await client.diagnosticsFor(uri, 1);
    assert.deepEqual(diags.map((d) => d.code), ['schema']);
    assert.match(message(diags[0]), /The file is empty/);
    const model = await client.connection.sendRequest(RequirementsRequest, { uri });
    assert.ok(model?.problem, JSON.stringify(model));
    assert.equal(model.route.exemptionNeeded, false);
    assert.deepEqual(model.plan, []);
    assert.match(statusText(model), /^\$\(warning\) not readable · 1 error, 0 warnings$/);
  });

  it('a quoted value never closed: the syntax error is at the opening quote, not at the end of the file', async () => {
    const uri = 'file:///tmp/half-typed.descriptor.yaml';
    const text = readFileSync(join(process.cwd(), 'examples', 'broken', 'half-typed.descriptor.yaml'), 'utf8');
    await client.open(uri, text);
    const diags = await client.diagnosticsFor(uri, 1);
    assert.deepEqual(diags.map((d) => d.code), ['yaml-syntax']);
    const quote = positionOf(text, '"Migraine');
    assert.deepEqual(diags[0].range.start, quote);
    assert.equal(diags[0].range.end.line, quote.line, 'to the end of the quote\'s line');
    assert.match(message(diags[0]), /no closing "/);
    const model = await client.connection.sendRequest(RequirementsRequest, { uri });
    assert.ok(model?.problem);
  });

  it('a misspelt purpose: the spelling finding only, no findings that follow from a purpose, and no route', async () => {
    const uri = 'file:///tmp/typo.descriptor.yaml';
    const text = `${BASE.replace('category: health-research', 'category: helth-research')}  - id: dar\n    source: cause-of-death-registry\n`;
    await client.open(uri, text);
    const diags = await client.diagnosticsFor(uri, 1);
    const at = positionOf(text, 'helth-research');
    const onTypo = diags.filter((d) => d.range.start.line === at.line);
    assert.deepEqual(onTypo.map((d) => d.code), ['schema'], JSON.stringify(diags.map((d) => [d.code, d.range.start.line])));
    for (const id of ['purpose-source-mismatch', 'dpo-assessment-missing', 'dpia-missing', 'rek-preapproval-missing', 'attachment-missing', 'confidentiality-exemption-missing']) {
      assert.ok(!diags.some((d) => d.code === id), `${id} follows from the purpose`);
    }
    // What does not depend on the purpose is still checked.
    assert.ok(diags.some((d) => d.code === 'variable-exact-date'));
    const model = await client.connection.sendRequest(RequirementsRequest, { uri });
    assert.match(model?.undecided ?? '', /`helth-research` is not one of the purposes/);
    assert.deepEqual([model!.plan, model!.approvals, model!.attachments, model!.timeline], [[], [], [], undefined]);
    assert.deepEqual(model!.variables.map((v) => v.name), ['admission_date']);
    assert.match(statusText(model!), /^\$\(warning\) no purpose, no route · /);
  });

  it('a missing purpose: the same, and correcting it brings the route back', async () => {
    const uri = 'file:///tmp/nopurpose.descriptor.yaml';
    const text = BASE.replace('purpose:\n  category: health-research\n', '');
    await client.open(uri, text);
    await client.diagnosticsFor(uri, 1);
    const model = await client.connection.sendRequest(RequirementsRequest, { uri });
    assert.match(model?.undecided ?? '', /purpose .*is not stated/);
    const version = await client.change(uri, [{ text: BASE }]);
    const diags = await client.diagnosticsFor(uri, version);
    assert.ok(diags.some((d) => d.code === 'dpo-assessment-missing'));
    const fixed = await client.connection.sendRequest(RequirementsRequest, { uri });
    assert.equal(fixed?.undecided, undefined);
    assert.ok(fixed!.plan.length > 0);
  });
});

describe('messages in the Problems panel', () => {
  it('one sentence that says what and where; the rest of the message in the hover', async () => {
    const client = await TestClient.start();
    try {
      const uri = 'file:///tmp/long.descriptor.yaml';
      const text = readFileSync(join(process.cwd(), 'examples', 'sepsis-research.descriptor.yaml'), 'utf8');
      await client.open(uri, text);
      const diags = await client.diagnosticsFor(uri, 1);
      const wrong = diags.find((d) => d.code === 'exemption-wrong-authority')!;
      assert.ok(wrong, diags.map((d) => d.code).join(', '));
      const shown = message(wrong);
      assert.match(shown, /use `helsedataservice-exemption`\.$/, shown);
      assert.doesNotMatch(shown, /since 2023-03-15/, 'the rest is not in the panel');
      const hover = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: wrong.range.start })) as { contents: { value: string } } | null;
      assert.match(hover?.contents.value ?? '', /Helsedataservice decides access and the exemption for NPR and DÅR/);
      for (const d of diags) assert.ok(message(d).length <= 300, `${d.code}: ${message(d).length} characters`);
    } finally {
      await client.stop();
    }
  });
});
