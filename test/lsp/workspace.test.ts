/** The workspace through a real client over stdio: an invalid configuration file, and checking descriptors that are not open. */
import { strict as assert } from 'node:assert';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { CHECK_FILES_METHOD, type CheckFilesResult } from '../../server/lsp/protocol';
import { BASE } from '../helpers/descriptors';
import { TestClient } from '../helpers/lsp-client';

describe('workspace over stdio', () => {
  let client: TestClient;
  afterEach(async () => client?.stop());

  it('shows problems of .descriptor-check.yaml as diagnostics on that file, at their line', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'descriptor-config-'));
    writeFileSync(join(dir, '.descriptor-check.yaml'), 'language: nb\nrules:\n  variable-exact-date: offf\n  no-such-rule: off\n');
    const doc = pathToFileURL(join(dir, 'a.descriptor.yaml')).href;
    const config = pathToFileURL(join(dir, '.descriptor-check.yaml')).href;
    client = await TestClient.start();
    const got = client.diagnostics(config, (p) => p.diagnostics.length >= 2);
    await client.open(doc, BASE);
    const c = await got;
    const byLine = c.diagnostics.map((d) => [d.range.start.line, String(d.message)] as const).sort();
    assert.equal(byLine[0][0], 2, JSON.stringify(byLine));
    assert.match(byLine[0][1], /variable-exact-date.*must be off, information, warning or error/);
    assert.equal(byLine[1][0], 3);
    assert.match(byLine[1][1], /unknown rule id `no-such-rule`/);
  });

  it('checks descriptors that are not open and publishes their diagnostics', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'descriptor-ws-'));
    writeFileSync(join(dir, 'a.descriptor.yaml'), BASE);
    writeFileSync(join(dir, 'b.descriptor.yaml'), BASE.replace('health-research', 'helth-research'));
    const a = pathToFileURL(join(dir, 'a.descriptor.yaml')).href;
    const b = pathToFileURL(join(dir, 'b.descriptor.yaml')).href;
    const missing = pathToFileURL(join(dir, 'gone.descriptor.yaml')).href;
    client = await TestClient.start();
    const publishedB = client.diagnostics(b, (p) => p.diagnostics.some((d) => d.code === 'schema'));
    const result = (await client.connection.sendRequest(CHECK_FILES_METHOD, { uris: [a, b, missing] })) as CheckFilesResult;
    assert.equal(result.files, 2);
    assert.deepEqual(result.unreadable, [missing]);
    assert.ok(result.errors >= 1);
    assert.ok((await publishedB).diagnostics.length > 0);
    assert.ok((await client.diagnostics(a)).diagnostics.some((d) => d.code === 'variable-exact-date'));
  });

  it('with pull diagnostics, keeps a checked file\'s findings while it is closed: cleared on open, back on close, in the new language after a settings change', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'descriptor-closed-'));
    writeFileSync(join(dir, 'a.descriptor.yaml'), BASE);
    const a = pathToFileURL(join(dir, 'a.descriptor.yaml')).href;
    let language = 'en';
    client = await TestClient.start({ capabilities: { workspace: { configuration: true }, textDocument: { diagnostic: { dynamicRegistration: false } } }, configuration: { get descriptor() { return { language }; } } });
    const checked = client.diagnostics(a, (p) => p.diagnostics.some((d) => d.code === 'variable-exact-date'));
    await client.connection.sendRequest(CHECK_FILES_METHOD, { uris: [a] });
    await checked;
    // Opened: the pull has it, so what was pushed is cleared (one copy in the Problems panel).
    const cleared = client.diagnostics(a, (p) => p.diagnostics.length === 0, { fresh: true });
    await client.open(a, BASE);
    await cleared;
    // Closed again: read from disk and pushed, not lost.
    const back = client.diagnostics(a, (p) => p.diagnostics.some((d) => d.code === 'variable-exact-date'), { fresh: true });
    await client.close(a);
    await back;
    // The language changes: the closed file's findings follow it.
    language = 'nb';
    const norwegian = client.diagnostics(a, (p) => p.diagnostics.some((d) => /eksakt dato/.test(String(d.message))), { fresh: true });
    await client.connection.sendNotification('workspace/didChangeConfiguration', { settings: null });
    await norwegian;
  });
});
