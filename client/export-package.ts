/**
 * "Export application package": the server builds the package from its analysis of the open
 * descriptor; the client asks for a folder and writes the files there through VS Code's file
 * system. Called with a folder (`descriptor.exportPackage`, uri, folder) it asks nothing, so tests
 * and other extensions can run it; a folder in use is then refused unless `{ force: true }`.
 */
import * as vscode from 'vscode';
import { say, STRINGS, uiLang } from './i18n';
import type { LanguageClient } from 'vscode-languageclient/node';
import { isDescriptor, ExportPackageRequest } from './descriptor';

export interface ExportResult {
  folder: vscode.Uri;
  files: string[];
  notes: string[];
  errors: number;
}

const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

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
  let folder = target;
  if (!folder) {
    const picked = await vscode.window.showOpenDialog({
      canSelectFolders: true,
      canSelectFiles: false,
      canSelectMany: false,
      openLabel: say(STRINGS.pkgExportHere, uiLang()),
      title: say(STRINGS.pkgFolder, uiLang()),
      defaultUri: vscode.Uri.joinPath(doc.uri, '..'),
    });
    if (!picked?.length) return undefined;
    folder = picked[0];
  }
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

  const result = await client.sendRequest(ExportPackageRequest, { uri: doc.uri.toString() });
  if (!result) {
    void vscode.window.showErrorMessage(say(STRINGS.pkgFailed, uiLang()));
    return undefined;
  }
  await vscode.workspace.fs.createDirectory(folder);
  const written: string[] = [];
  for (const f of result.files) {
    if (!SAFE_NAME.test(f.name)) throw new Error(`not a plain file name: ${JSON.stringify(f.name)}`);
    const dest = vscode.Uri.joinPath(folder, f.name);
    // Never write through a link that stands at a package file's name: replace it.
    const st = await vscode.workspace.fs.stat(dest).then((s) => s, () => undefined);
    if (st && st.type & vscode.FileType.Directory) {
      void vscode.window.showErrorMessage(say(STRINGS.pkgIsFolder, uiLang(), vscode.workspace.asRelativePath(dest)));
      return undefined;
    }
    if (st) await vscode.workspace.fs.delete(dest, { useTrash: false });
    await vscode.workspace.fs.writeFile(dest, Buffer.from(f.data, 'base64'));
    written.push(f.name);
  }
  const message = say(STRINGS.pkgWritten, uiLang(), name, written.length);
  void vscode.window.showInformationMessage(result.errors ? `${message} ${say(STRINGS.pkgErrors, uiLang(), result.errors)}` : message);
  for (const n of result.notes) void vscode.window.showWarningMessage(n);
  return { folder, files: written, notes: result.notes, errors: result.errors };
}
