/** Over stdio: an untrusted workspace runs no git, and "Show documentation" works in any LSP client. */
import { strict as assert } from 'node:assert';
import { chmodSync, existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ExecuteCommandRequest, ShowDocumentRequest, type ShowDocumentParams } from 'vscode-languageserver-protocol/node';
import { OPEN_RULE_DOCUMENTATION_COMMAND } from '../../server/engine/product';
import { WorkspaceTrustedNotification } from '../../server/lsp/protocol';
import { SEPSIS, sepsisChanged } from '../helpers/descriptors';
import { hasGit, ScratchRepo } from '../helpers/git';
import { TestClient } from '../helpers/lsp-client';

describe('workspace trust over stdio', function () {
  let client: TestClient | undefined;
  afterEach(async () => client?.stop());
  before(function () {
    if (!hasGit()) this.skip();
  });

  it('reads no approved version from git until the workspace is trusted', async () => {
    const repo = new ScratchRepo('descriptor-trust-');
    repo.write('p.descriptor.yaml', SEPSIS);
    repo.commit('approved', 'v1');
    const text = `baseline: git:v1\n${sepsisChanged()}`;
    const uri = pathToFileURL(repo.write('p.descriptor.yaml', text)).href;
    client = await TestClient.start({ initializationOptions: { trusted: false } });
    await client.open(uri, text);
    const untrusted = await client.diagnostics(uri, (p) => p.diagnostics.some((d) => d.code === 'change-needs-application'));
    const problems = untrusted.diagnostics.filter((d) => d.code === 'change-needs-application');
    assert.equal(problems.length, 1, JSON.stringify(problems));
    assert.match(String(problems[0].message), /not read until the workspace is trusted/);
    // Trusted: the revision is read and the changes since it are found.
    await client.connection.sendNotification(WorkspaceTrustedNotification);
    const trusted = await client.diagnostics(uri, (p) => p.diagnostics.filter((d) => d.code === 'change-needs-application').length >= 2, { fresh: true });
    assert.ok(trusted.diagnostics.some((d) => /Lise Berg/.test(String(d.message))));
  });

  it('never runs a git that sits in the descriptor\'s folder, even with `.` on PATH', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'descriptor-fake-git-'));
    const marker = join(dir, 'ran');
    writeFileSync(join(dir, 'git'), `#!/bin/sh\ntouch ${marker}\n`);
    chmodSync(join(dir, 'git'), 0o755);
    const text = `baseline: git:HEAD\n${SEPSIS}`;
    const uri = pathToFileURL(join(dir, 'p.descriptor.yaml')).href;
    writeFileSync(join(dir, 'p.descriptor.yaml'), text);
    // A relative PATH entry is looked up from the folder git runs in: here, the descriptor's.
    client = await TestClient.start({ env: { ...process.env, PATH: `.:${process.env.PATH ?? ''}` } });
    await client.open(uri, text);
    const d = await client.diagnostics(uri, (p) => p.diagnostics.some((x) => x.code === 'change-needs-application'));
    assert.equal(existsSync(marker), false, 'the git beside the descriptor ran');
    assert.ok(d.diagnostics.some((x) => /not in a git repository/.test(String(x.message))), JSON.stringify(d.diagnostics.map((x) => x.message)));
  });
});

describe('"Show documentation" in a client that is not VS Code', () => {
  let client: TestClient | undefined;
  afterEach(async () => client?.stop());

  it('is a server command that asks the client to show the rule\'s page', async () => {
    client = await TestClient.start({ capabilities: { window: { showDocument: { support: true } } } });
    assert.ok(client.initializeResult.capabilities.executeCommandProvider?.commands.includes(OPEN_RULE_DOCUMENTATION_COMMAND));
    const shown = new Promise<ShowDocumentParams>((resolve) => client!.connection.onRequest(ShowDocumentRequest.type, (p) => (resolve(p), { success: true })));
    await client.connection.sendRequest(ExecuteCommandRequest.type, { command: OPEN_RULE_DOCUMENTATION_COMMAND, arguments: ['variable-exact-date'] });
    const p = await shown;
    assert.match(p.uri, /^file:.*\/docs\/rules\/variable-exact-date\.md$/);
    assert.equal(p.external, false);
  });

  it('ignores an id that is not a rule', async () => {
    client = await TestClient.start({ capabilities: { window: { showDocument: { support: true } } } });
    let asked = false;
    client.connection.onRequest(ShowDocumentRequest.type, () => ((asked = true), { success: true }));
    await client.connection.sendRequest(ExecuteCommandRequest.type, { command: OPEN_RULE_DOCUMENTATION_COMMAND, arguments: ['../../etc/passwd'] });
    assert.equal(asked, false);
  });
});
