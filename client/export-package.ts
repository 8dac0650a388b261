/**
 * "Export application package": the server builds the package from its analysis of the open
 * descriptor; the client writes the files through VS Code's file system, by default into a new
 * folder beside the descriptor (`<name>-application`; no dialog needed, which in code-server cannot
 * create a folder), or into one the user picks. The toast offers to open the report or the folder.
 * Called with a folder (`descriptor.exportPackage`, uri, folder) it asks nothing, so tests and other
 * extensions can run it; a folder in use is then refused unless `{ force: true }`.
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import { say, STRINGS, uiLang } from './i18n';
import type { LanguageClient } from 'vscode-languageclient/node';
import { isDescriptor, ExportPackageRequest, LinkageDiagramRequest } from './descriptor';
import { writeFiles } from './files';
import { drawDiagram } from './raster';

export interface ExportResult {
  folder: vscode.Uri;
  files: string[];
  notes: string[];
  errors: number;
}

async function entries(folder: vscode.Uri): Promise<[string, vscode.FileType][] | undefined> {
  try {
    return await vscode.workspace.fs.readDirectory(folder);
  } catch {
    return undefined;
  }
}

export async function exportPackage(client: LanguageClient, uri?: vscode.Uri, target?: vscode.Uri, options?: { force?: boolean }): Promise<ExportResult | undefined> {
  const active = vscode.window.activeTextEditor?.document;
  const docUri = uri ?? (isDescriptor(active) ? active.uri : undefined);
  const doc = docUri ? await vscode.workspace.openTextDocument(docUri) : undefined;
  if (!doc || !isDescriptor(doc)) {
    void vscode.window.showInformationMessage(say(STRINGS.openFirst, uiLang()));
    return undefined;
  }
  let folder = target ?? (await chooseFolder(doc.uri));
  if (!folder) return undefined;
  const name = vscode.workspace.asRelativePath(folder);
  const present = await entries(folder);
  if (present === undefined) {
    try {
      const st = await vscode.workspace.fs.stat(folder);
      if (!(st.type & vscode.FileType.Directory)) {
        void vscode.window.showErrorMessage(say(STRINGS.pkgNotFolder, uiLang(), name));
        return undefined;
      }
    } catch {
      // Does not exist yet: it is created below.
    }
  }
  if (present?.length && !options?.force) {
    if (target) {
      void vscode.window.showErrorMessage(say(STRINGS.pkgNotEmpty, uiLang(), name));
      return undefined;
    }
    const replace = say(STRINGS.pkgReplace, uiLang());
    const answer = await vscode.window.showWarningMessage(say(STRINGS.pkgReplaceAsk, uiLang(), name), { modal: true }, replace);
    if (answer !== replace) return undefined;
  }

  // The diagram is drawn here, by the webview's browser engine; the server puts it into the package.
  const linkage = await client.sendRequest(LinkageDiagramRequest, { uri: doc.uri.toString() });
  const diagram = linkage ? await drawDiagram(linkage.svg) : undefined;
  const result = await client.sendRequest(ExportPackageRequest, { uri: doc.uri.toString(), diagram });
  if (!result) {
    void vscode.window.showErrorMessage(say(STRINGS.pkgFailed, uiLang()));
    return undefined;
  }
  const written = await writeFiles(folder, result.files);
  if (!written) return undefined;
  const message = say(STRINGS.pkgWritten, uiLang(), name, written.length);
  for (const n of result.notes) void vscode.window.showWarningMessage(n);
  void offerToOpen(result.errors ? `${message} ${say(STRINGS.pkgErrors, uiLang(), result.errors)}` : message, folder, written);
  return { folder, files: written, notes: result.notes, errors: result.errors };
}

/** The package's default folder: beside the descriptor, named after it (`sepsis-research-application`). */
function defaultPackageFolder(descriptor: vscode.Uri): vscode.Uri {
  const base = descriptor.path.split('/').pop()!.replace(/\.(descriptor\.)?ya?ml$/i, '') || 'descriptor';
  return vscode.Uri.joinPath(descriptor, '..', `${base}-application`);
}

/** A new folder beside the descriptor (the first choice), or one the user picks in the folder dialog. */
async function chooseFolder(descriptor: vscode.Uri): Promise<vscode.Uri | undefined> {
  const lang = uiLang();
  const beside = defaultPackageFolder(descriptor);
  const used = (await entries(beside))?.length;
  const items: (vscode.QuickPickItem & { folder?: vscode.Uri })[] = [
    { label: `$(new-folder) ${vscode.workspace.asRelativePath(beside)}`, description: say(used ? STRINGS.pkgBesideUsed : STRINGS.pkgBeside, lang), folder: beside },
    { label: `$(folder-opened) ${say(STRINGS.pkgChoose, lang)}` },
  ];
  const picked = await vscode.window.showQuickPick(items, { title: say(STRINGS.pkgFolder, lang) });
  if (!picked) return undefined;
  if (picked.folder) return picked.folder;
  const chosen = await vscode.window.showOpenDialog({
    canSelectFolders: true,
    canSelectFiles: false,
    canSelectMany: false,
    openLabel: say(STRINGS.pkgExportHere, lang),
    title: say(STRINGS.pkgFolder, lang),
    defaultUri: vscode.Uri.joinPath(descriptor, '..'),
  });
  return chosen?.[0];
}

/** The toast after an export, with "Open report" (report.html in a panel) and "Open folder". */
async function offerToOpen(message: string, folder: vscode.Uri, written: string[]): Promise<void> {
  const lang = uiLang();
  const report = say(STRINGS.pkgOpenReport, lang);
  const open = say(STRINGS.pkgOpenFolder, lang);
  const answer = await vscode.window.showInformationMessage(message, ...(written.includes('report.html') ? [report] : []), open);
  if (answer === report) await showReport(vscode.Uri.joinPath(folder, 'report.html'));
  else if (answer === open) {
    const inWorkspace = vscode.workspace.getWorkspaceFolder(folder) !== undefined;
    await vscode.commands.executeCommand(inWorkspace ? 'revealInExplorer' : 'revealFileInOS', folder);
  }
}

/**
 * report.html in a panel: the page has no script and escapes everything from the descriptor; here
 * its policy is made stricter still (its styles by nonce), and the panel runs no script.
 */
async function showReport(file: vscode.Uri): Promise<vscode.WebviewPanel> {
  const html = Buffer.from(await vscode.workspace.fs.readFile(file)).toString('utf8');
  const nonce = randomBytes(24).toString('base64url');
  const panel = vscode.window.createWebviewPanel('descriptor.report', file.path.split('/').slice(-2).join('/'), vscode.ViewColumn.Active, { enableScripts: false, enableCommandUris: false, localResourceRoots: [] });
  panel.webview.html = html
    .replace(/<meta http-equiv="Content-Security-Policy" content="[^"]*">/, `<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'nonce-${nonce}'; img-src data:">`)
    .replace(/<style>/g, `<style nonce="${nonce}">`);
  return panel;
}
