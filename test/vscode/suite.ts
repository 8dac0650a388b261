/** What a user does in VS Code: open an example, see findings, hover, apply a quick fix, open the preview. */
import { strict as assert } from 'node:assert';
import * as path from 'node:path';
import Mocha from 'mocha';
import * as vscode from 'vscode';
import type { Api } from '../../client/extension';

const EXT_ID = 'descriptor-tools.health-data-descriptor';

/** Resolves with the diagnostics of `uri` once they satisfy `test` (waits on the diagnostics event). */
function diagnostics(uri: vscode.Uri, test: (d: vscode.Diagnostic[]) => boolean): Promise<vscode.Diagnostic[]> {
  const now = vscode.languages.getDiagnostics(uri);
  if (test(now)) return Promise.resolve(now);
  return new Promise((resolve) => {
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (!e.uris.some((u) => u.toString() === uri.toString())) return;
      const d = vscode.languages.getDiagnostics(uri);
      if (test(d)) {
        sub.dispose();
        resolve(d);
      }
    });
  });
}

export function suite(root: Mocha.Suite): void {
  const s = Mocha.Suite.create(root, 'Project Descriptor in VS Code');
  let api: Api;
  let doc: vscode.TextDocument;
  const folder = () => vscode.workspace.workspaceFolders?.[0]?.uri.fsPath ?? path.join(__dirname, '..', '..', 'examples');

  s.beforeAll(async () => {
    const ext = vscode.extensions.getExtension<Api>(EXT_ID);
    assert.ok(ext, 'extension installed');
    api = await ext.activate();
    doc = await vscode.workspace.openTextDocument(path.join(folder(), 'sepsis-research.descriptor.yaml'));
    await vscode.window.showTextDocument(doc);
  });

  s.addTest(new Mocha.Test('shows the findings of an example', async () => {
    assert.equal(doc.languageId, 'project-descriptor');
    const d = await diagnostics(doc.uri, (x) => x.some((y) => y.code !== undefined && String(typeof y.code === 'object' ? y.code.value : y.code) === 'variable-exact-date'));
    assert.ok(d.length >= 5, `${d.length} findings`);
  }));

  s.addTest(new Mocha.Test('hover on a finding shows the provision text', async () => {
    const line = doc.getText().split('\n').findIndex((l) => l.includes('granularity: date'));
    const pos = new vscode.Position(line, doc.lineAt(line).text.indexOf('date') + 1);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, pos);
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))).join('\n');
    assert.match(text, /Data minimisation|Dataminimering/);
    assert.match(text, /lovdata\.no/);
  }));

  s.addTest(new Mocha.Test('a quick fix applies and the finding disappears', async () => {
    const all = await diagnostics(doc.uri, (x) => x.length > 0);
    const target = all.find((y) => String(typeof y.code === 'object' ? y.code.value : y.code) === 'variable-exact-date')!;
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, target.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => a.isPreferred && a.edit);
    assert.ok(fix, actions.map((a) => a.title).join('; '));
    const before = all.filter((y) => String(typeof y.code === 'object' ? y.code.value : y.code) === 'variable-exact-date').length;
    assert.ok(await vscode.workspace.applyEdit(fix.edit!));
    await diagnostics(doc.uri, (x) => x.filter((y) => String(typeof y.code === 'object' ? y.code.value : y.code) === 'variable-exact-date').length === before - 1);
    await vscode.commands.executeCommand('undo');
  }));

  s.addTest(new Mocha.Test('the preview opens and shows the route', async () => {
    await api.openPreview(doc.uri);
    const model = api.lastPreviewModel();
    assert.ok(model);
    assert.equal(model.route.exemptionKind, 'helsedataservice-exemption');
    assert.ok(model.approvals.some((a) => a.kind === 'dpia' && a.status === 'missing'));
    assert.equal(model.timeline.workingDays, 60);
  }));
}
