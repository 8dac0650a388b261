/** What a user does in VS Code: open an example, see findings, hover, apply a quick fix, open the preview, export the package. */
import { strict as assert } from 'node:assert';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import Mocha from 'mocha';
import * as vscode from 'vscode';
import type { ExportResult } from '../../client/export-package';
import type { PortfolioWritten } from '../../client/portfolio/page';
import type { Portfolio } from '../../server/report/portfolio/types';
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

/**
 * The quick fix titled `title` of the first finding that `wanted` picks, and how many such findings
 * there were when it was asked for. The editor may replace a
 * document's diagnostics at any time (a pull after a settings refresh, a tab change), so the
 * question is asked again whenever they change, until a fix comes or `ms` pass; the error then
 * says what the last answer was.
 */
function quickFix(uri: vscode.Uri, wanted: (d: vscode.Diagnostic) => boolean, title: string, ms: number): Promise<{ fix: vscode.CodeAction; findings: number }> {
  return new Promise((resolve, reject) => {
    let last = 'not asked yet';
    let busy = false;
    let again = false;
    let done = false;
    const finish = () => {
      done = true;
      sub.dispose();
      clearTimeout(timer);
    };
    const ask = async (): Promise<void> => {
      if (done) return;
      if (busy) {
        again = true;
        return;
      }
      busy = true;
      try {
        const all = vscode.languages.getDiagnostics(uri);
        // The server's own findings first: a task's matcher may have left its copy of one in the slot they share.
        const targets = all.filter(wanted).sort((a, b) => Number(b.source === 'project-descriptor') - Number(a.source === 'project-descriptor'));
        if (!targets.length) last = `no such finding among ${all.length} diagnostics`;
        for (const target of targets) {
          const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, target.range, vscode.CodeActionKind.QuickFix.value);
          const fix = actions.find((a) => a.title === title && a.edit);
          if (fix && !done) {
            finish();
            resolve({ fix, findings: targets.length });
            return;
          }
          const tabs = vscode.window.tabGroups.all.flatMap((g) => g.tabs.map((t) => `${t.label}${t.isPreview ? ' (preview)' : ''}`));
          last = `${actions.length} actions [${actions.map((a) => a.title).join('; ')}] for ${all.length} diagnostics (sources: ${[...new Set(all.map((d) => d.source))].join(', ')}; ${vscode.languages.getDiagnostics(uri).length} now); tabs: ${tabs.join(', ')}`;
        }
      } catch (e) {
        last = `the code action request failed: ${e instanceof Error ? e.message : String(e)}`;
      } finally {
        busy = false;
      }
      if (again) {
        again = false;
        void ask();
      }
    };
    const sub = vscode.languages.onDidChangeDiagnostics((e) => {
      if (e.uris.some((u) => u.toString() === uri.toString())) void ask();
    });
    const timer = setTimeout(() => {
      finish();
      reject(new Error(`no quick fix "${title}" within ${ms} ms; last answer: ${last}`));
    }, ms);
    void ask();
  });
}

const codeOf = (d: vscode.Diagnostic) => String(typeof d.code === 'object' ? d.code.value : d.code);

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
    // Pinned, so that no other editor replaces its tab (the client drops the diagnostics of closed tabs).
    await vscode.window.showTextDocument(doc, { preview: false });
  });

  s.addTest(new Mocha.Test('shows the findings of an example', async () => {
    assert.equal(doc.languageId, 'project-descriptor');
    const d = await diagnostics(doc.uri, (x) => x.some((y) => codeOf(y) === 'variable-exact-date'));
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
    const isExactDate = (y: vscode.Diagnostic) => codeOf(y) === 'variable-exact-date';
    const { fix, findings: before } = await quickFix(doc.uri, isExactDate, 'Coarsen to `month`', 30_000);
    assert.ok(await vscode.workspace.applyEdit(fix.edit!), 'the edit applies');
    await diagnostics(doc.uri, (x) => x.filter(isExactDate).length === before - 1);
    await vscode.commands.executeCommand('undo');
  }));

  s.addTest(new Mocha.Test('Enter after `- name: x` in a block item indents for the next key, without a new item', async () => {
    const line = doc.getText().split('\n').findIndex((l) => /^\s+- name: date_of_birth\s*$/.test(l));
    assert.ok(line > 0, 'a block variable item in the example');
    const editor = await vscode.window.showTextDocument(doc, { preview: false });
    const original = doc.getText();
    const end = doc.lineAt(line).range.end;
    editor.selection = new vscode.Selection(end, end);
    await vscode.commands.executeCommand('type', { text: '\n' });
    await vscode.commands.executeCommand('type', { text: 'justification: Age at admission.' });
    const typed = doc.lineAt(line + 1).text;
    const key = doc.lineAt(line).text.indexOf('name:');
    try {
      assert.equal(typed, `${' '.repeat(key)}justification: Age at admission.`, 'aligned under `name`, no `- `');
    } finally {
      for (let i = 0; i < 10 && doc.getText() !== original; i++) await vscode.commands.executeCommand('undo');
    }
    assert.equal(doc.getText(), original, 'undone');
  }));

  s.addTest(new Mocha.Test('the preview opens and shows the route', async () => {
    await api.openPreview(doc.uri);
    const model = api.lastPreviewModel();
    assert.ok(model);
    assert.equal(model.route.exemptionKind, 'helsedataservice-exemption');
    assert.ok(model.approvals.some((a) => a.kind === 'dpia' && a.status === 'missing'));
    assert.equal(model.timeline?.workingDays, 60);
  }));

  s.addTest(new Mocha.Test('exports the application package into a folder given to the command', async () => {
    const folder = vscode.Uri.file(mkdtempSync(path.join(tmpdir(), 'descriptor-package-')));
    const result = await vscode.commands.executeCommand<ExportResult | undefined>('descriptor.exportPackage', doc.uri, folder);
    assert.ok(result, 'the command returns what it wrote');
    const names = (await vscode.workspace.fs.readDirectory(folder)).map(([n]) => n).sort();
    // The PNG too: its renderer (WebAssembly) and font ship in the extension.
    for (const n of ['application.docx', 'application.md', 'variables-epj-unn.xlsx', 'variables-npr.csv', 'linkage.svg', 'linkage.png', 'requirements.md', 'report.html']) assert.ok(names.includes(n), `${n} in ${names.join(', ')}`);
    assert.deepEqual([...result.files].sort(), names);
    assert.deepEqual(result.notes, []);
    const report = Buffer.from(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder, 'report.html'))).toString('utf8');
    assert.match(report, /<section id="plan"><h2>Next steps<\/h2>/, 'report.html has the plan');
    assert.ok(result.errors >= 1, 'the example has an error, listed first');
    const docx = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(folder, 'application.docx'));
    assert.deepEqual([...docx.subarray(0, 2)], [0x50, 0x4b], 'a ZIP (Word) file');
    // A folder in use is refused when the command is given it, without asking.
    writeFileSync(path.join(folder.fsPath, 'mine.txt'), 'x');
    assert.equal(await vscode.commands.executeCommand('descriptor.exportPackage', doc.uri, folder), undefined);
    assert.ok(await vscode.commands.executeCommand('descriptor.exportPackage', doc.uri, folder, { force: true }));
  }));

  /** Resolves with the next portfolio the Projects view shows that satisfies `test`. */
  const nextProjects = (test: (p: Portfolio) => boolean = () => true) =>
    new Promise<Portfolio>((resolve) => {
      const sub = api.onDidRefreshProjects((p) => {
        if (!test(p)) return;
        sub.dispose();
        resolve(p);
      });
    });

  s.addTest(new Mocha.Test('the Projects view groups the workspace\'s descriptors by state, with counts and next dates', async () => {
    await vscode.commands.executeCommand('workbench.view.explorer');
    await vscode.commands.executeCommand('descriptor.projects.focus');
    const p = await api.refreshProjects();
    assert.ok(p, 'the server answered');
    const view = api.projects();
    assert.deepEqual(view.groups.map((g) => g.label), ['Needs action', 'Waiting for a decision', 'Approved', 'Ended']);
    const descriptors = await vscode.workspace.findFiles('**/*.descriptor.yaml', '**/node_modules/**');
    assert.equal(view.groups.reduce((n, g) => n + g.count, 0), descriptors.length);
    for (const g of view.groups) assert.equal(g.items.length, g.count);
    assert.equal(view.badge, view.groups[0].count, 'the badge counts what needs action');
    const compliant = view.groups.flatMap((g) => g.items).find((i) => i.label === 'Heart failure readmissions after hospital discharge');
    assert.ok(compliant, JSON.stringify(view.groups));
    assert.match(compliant.description, /^\d{4}-\d{2}-\d{2}.* · /, 'the next date and what it is');
    // Selecting a project opens it.
    await vscode.commands.executeCommand('vscode.open', vscode.Uri.parse(compliant.uri));
    assert.equal(vscode.window.activeTextEditor?.document.uri.toString(), compliant.uri);
  }));

  s.addTest(new Mocha.Test('"Check all descriptors" and saving a descriptor refresh the Projects view', async () => {
    const checked = nextProjects();
    await vscode.commands.executeCommand('descriptor.checkWorkspace');
    assert.ok((await checked).projects.length > 0);
    const file = vscode.Uri.file(path.join(folder(), 'compliant-research.descriptor.yaml'));
    const d = await vscode.workspace.openTextDocument(file);
    const original = d.getText();
    const line = original.split('\n').findIndex((l) => l.startsWith('  title: '));
    const renamed = nextProjects((p) => p.projects.some((r) => r.title === 'Renamed in the editor'));
    const edit = new vscode.WorkspaceEdit();
    edit.replace(file, d.lineAt(line).range, '  title: Renamed in the editor');
    try {
      assert.ok(await vscode.workspace.applyEdit(edit));
      assert.ok(await d.save());
      await renamed;
    } finally {
      const back = new vscode.WorkspaceEdit();
      back.replace(file, new vscode.Range(0, 0, d.lineCount, 0), original);
      await vscode.workspace.applyEdit(back);
      await d.save();
    }
    assert.equal(d.getText(), original);
  }));

  s.addTest(new Mocha.Test('opens the portfolio page in a webview with the preview\'s policy', async () => {
    await vscode.commands.executeCommand('descriptor.openPortfolio');
    const html = api.lastPortfolioHtml();
    assert.ok(html, 'rendered');
    assert.match(html, /script-src 'nonce-[A-Za-z0-9_-]+'/);
    assert.doesNotMatch(html, /unsafe-inline|unsafe-eval/);
    for (const id of ['summary', 'state-needs-action', 'state-waiting', 'state-approved', 'state-ended']) assert.ok(html.includes(`id="${id}"`), id);
  }));

  s.addTest(new Mocha.Test('writes the portfolio and the record of processing into a folder given to the command', async () => {
    const target = vscode.Uri.file(mkdtempSync(path.join(tmpdir(), 'descriptor-portfolio-')));
    const result = await vscode.commands.executeCommand<PortfolioWritten | undefined>('descriptor.writePortfolio', target);
    assert.ok(result, 'the command returns what it wrote');
    const names = (await vscode.workspace.fs.readDirectory(target)).map(([n]) => n).sort();
    assert.deepEqual(names, ['portfolio.html', 'portfolio.json', 'portfolio.xlsx', 'record-of-processing.xlsx']);
    assert.ok(result.projects > 0);
    // An earlier portfolio is written again; a folder with other files is refused without asking, unless forced.
    assert.ok(await vscode.commands.executeCommand('descriptor.writePortfolio', target));
    writeFileSync(path.join(target.fsPath, 'mine.txt'), 'x');
    assert.equal(await vscode.commands.executeCommand('descriptor.writePortfolio', target), undefined);
    assert.ok(await vscode.commands.executeCommand('descriptor.writePortfolio', target, { force: true }));
  }));
}
