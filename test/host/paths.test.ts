/**
 * Files a descriptor names (an attachment's `file`, its own `baseline:`) are looked at only in the
 * descriptor's folder and the workspace (the editor's folders; the folder the CLI runs in), also
 * through symbolic links, and never on a network or device path: on Windows, looking at
 * `\\host\share\x` opens a connection to `host` and sends it the user's credentials hash. A path that
 * leaves them gets a finding that says so, not a read: in the engine's options, the CLI, the
 * editor's diagnostics, its document links and the preview's model.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { DocumentLink } from 'vscode-languageserver-protocol';
import { Host } from '../../server/host/analyze';
import { namedFileChecks, resolveNamedPath } from '../../server/host/paths';
import { requirementsModel } from '../../server/report/requirements-model';
import { SEPSIS } from '../helpers/descriptors';
import { TestClient } from '../helpers/lsp-client';

const CLI = join(process.env.DESCRIPTOR_DIST ?? join(process.cwd(), 'dist'), 'cli.js');

/**
 * A workspace with a project folder, a file beside the descriptor, one elsewhere in the workspace,
 * one outside it, and a link inside the project to the folder outside.
 */
function workspace() {
  const top = mkdtempSync(join(tmpdir(), 'descriptor-paths-'));
  const ws = join(top, 'ws');
  const project = join(ws, 'projects', 'sepsis');
  const outside = join(top, 'outside');
  for (const d of [join(project, 'docs'), join(ws, 'shared'), outside]) mkdirSync(d, { recursive: true });
  writeFileSync(join(project, 'docs', 'protocol.md'), 'protocol');
  writeFileSync(join(ws, 'shared', 'dpia.md'), 'dpia');
  writeFileSync(join(outside, 'secret.md'), 'secret');
  writeFileSync(join(outside, 'approved.yaml'), SEPSIS);
  symlinkSync(outside, join(project, 'elsewhere'));
  return { top, ws, project, outside };
}

/** The sepsis example with these attachments (and a `baseline:` entry, when given). */
const withFiles = (files: [string, string][], baseline?: string) =>
  SEPSIS.replace(/attachments:\n(?: {2}- .*\n)*/, `attachments:\n${files.map(([kind, file]) => `  - { kind: ${kind}, file: ${JSON.stringify(file)} }\n`).join('')}`).replace(
    'descriptor: 1\n',
    `descriptor: 1\n${baseline ? `baseline: ${JSON.stringify(baseline)}\n` : ''}`,
  );

const FILES: [string, string][] = [
  ['research-protocol', 'docs/protocol.md'],
  ['dpia', '../../shared/dpia.md'],
  ['rek-application', '../../../outside/secret.md'],
  ['rek-approval', 'elsewhere/secret.md'],
  ['dpo-assessment', '\\\\fileserver\\share\\dpo.pdf'],
];

describe('paths a descriptor names', () => {
  it('are resolved inside the descriptor\'s folder or a workspace folder, through links too; network and device paths are refused unlooked', () => {
    const { ws, project, outside } = workspace();
    const at = (named: string, roots: string[] = [ws]) => resolveNamedPath(project, named, roots);
    assert.deepEqual(at('docs/protocol.md'), { path: join(project, 'docs', 'protocol.md') });
    assert.deepEqual(at('../../shared/dpia.md'), { path: join(ws, 'shared', 'dpia.md') });
    assert.deepEqual(at('../../shared/dpia.md', []), { refused: 'outside' }, 'without the workspace, only the descriptor\'s folder');
    assert.deepEqual(at('../../../outside/secret.md'), { refused: 'outside' });
    assert.deepEqual(at(join(outside, 'secret.md')), { refused: 'outside' }, 'an absolute path outside');
    assert.deepEqual(at(join(project, 'docs', 'protocol.md')), { path: join(project, 'docs', 'protocol.md') }, 'an absolute path inside');
    assert.deepEqual(at('elsewhere/secret.md'), { refused: 'outside' }, 'a link inside that leads outside');
    assert.deepEqual(at('elsewhere/not-there.md'), { refused: 'outside' }, 'a file that does not exist behind such a link');
    assert.deepEqual(at('/dev/zero'), { refused: 'outside' });
    for (const unc of ['\\\\fileserver\\share\\x.pdf', '//fileserver/share/x.pdf', '\\\\?\\C:\\x.pdf', '\\\\.\\PhysicalDrive0']) assert.deepEqual(at(unc), { refused: 'remote' }, unc);
    assert.deepEqual(resolveNamedPath(undefined, 'docs/x.md', [ws]), { refused: 'outside' }, 'an unsaved descriptor has no folder of its own');
    const checks = namedFileChecks(project, [ws]);
    assert.equal(checks.fileExists('../../../outside/secret.md'), false, 'not looked at, so not found');
    assert.equal(checks.pathRefused('../../../outside/secret.md'), 'outside');
    assert.equal(checks.fileExists('../../shared/dpia.md'), true);
  });

  it('get a finding that says so in the CLI, and the folder it runs in counts as the workspace', () => {
    const { ws, top, project } = workspace();
    writeFileSync(join(project, 'x.descriptor.yaml'), withFiles(FILES));
    const run = (cwd: string) => spawnSync(process.execPath, [CLI, join(project, 'x.descriptor.yaml')], { cwd, encoding: 'utf8' }).stdout;
    const out = run(ws);
    const findings = out.split('\n').filter((l) => /attachment-file-missing/.test(l));
    assert.equal(findings.length, 3, out);
    assert.match(out, /`\.\.\/\.\.\/\.\.\/outside\/secret\.md` is outside the descriptor's folder and the workspace, so it is not looked at/);
    assert.match(out, /`elsewhere\/secret\.md` is outside the descriptor's folder and the workspace/);
    assert.match(out, /`\\\\fileserver\\share\\dpo\.pdf` is a network or device path, which is never opened/);
    // Run from the folder above, the outside folder is in its workspace: the file is there, so no finding.
    const wider = run(top);
    assert.doesNotMatch(wider, /secret\.md/, wider);
    assert.match(wider, /dpo\.pdf` is a network or device path/);
  });

  it('a baseline: entry outside the folders is named, not read; the preview does not claim a file is missing', () => {
    const { ws, project } = workspace();
    const file = join(project, 'x.descriptor.yaml');
    const host = new Host({ roots: [ws] });
    const a = host.analyze({ uri: pathToFileURL(file).href, text: withFiles(FILES, '../../../outside/approved.yaml') });
    const change = a.results.find((r) => r.rule === 'change-needs-application');
    assert.match(change?.message ?? '', /could not be read: the file `\.\.\/\.\.\/\.\.\/outside\/approved\.yaml` is outside the descriptor's folder and the workspace, so it is not read/);
    assert.equal(a.baselineFound.text, undefined);
    const model = requirementsModel(a);
    const fileOf = (kind: string) => model.attachments.find((x) => x.kind === kind);
    assert.equal(fileOf('research-protocol')?.fileExists, true);
    assert.equal(fileOf('rek-application')?.fileExists, undefined, 'not looked at: neither found nor missing');
    assert.equal(fileOf('dpo-assessment')?.fileExists, undefined);
    const unc = host.analyze({ uri: pathToFileURL(file).href, text: withFiles(FILES, '\\\\fileserver\\share\\approved.yaml') });
    assert.match(unc.results.find((r) => r.rule === 'change-needs-application')?.message ?? '', /is a network or device path, which is never opened/);
  });

  describe('in the editor', () => {
    let client: TestClient | undefined;
    afterEach(async () => client?.stop());

    it('the workspace folders count, links are offered only inside them, and a folder added later counts too', async () => {
      const { ws, top, project } = workspace();
      client = await TestClient.start({ workspaceFolders: [ws], capabilities: { workspace: { workspaceFolders: true } } });
      const uri = pathToFileURL(join(project, 'x.descriptor.yaml')).href;
      await client.open(uri, withFiles(FILES));
      const d = (await client.diagnosticsFor(uri, 1)).filter((x) => x.code === 'attachment-file-missing');
      assert.deepEqual(d.map((x) => x.range.start.line).length, 3, JSON.stringify(d.map((x) => x.message)));
      assert.ok(d.some((x) => /secret\.md` is outside/.test(String(x.message))));
      const links = (await client.connection.sendRequest('textDocument/documentLink', { textDocument: { uri } })) as DocumentLink[];
      assert.deepEqual(
        links.map((l) => l.target).sort(),
        [pathToFileURL(join(project, 'docs', 'protocol.md')).href, pathToFileURL(join(ws, 'shared', 'dpia.md')).href].sort(),
        'links to the two files inside, none to the outside or the network',
      );
      // The folder above joins the workspace: the file outside the project is now inside it.
      const next = client.diagnostics(uri, (p) => !p.diagnostics.some((x) => /\.\.\/outside\/secret\.md/.test(String(x.message))), { fresh: true });
      await client.connection.sendNotification('workspace/didChangeWorkspaceFolders', { event: { added: [{ uri: pathToFileURL(top).href, name: 'top' }], removed: [] } });
      const after = (await next).diagnostics.filter((x) => x.code === 'attachment-file-missing');
      assert.equal(after.length, 1, JSON.stringify(after.map((x) => x.message)));
      assert.match(String(after[0].message), /network or device path/);
    });
  });
});
