/** Small file-system helpers over vscode.workspace.fs. */
import * as vscode from 'vscode';
import { say, STRINGS, uiLang } from './i18n';

export async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

/** A file name the server may ask to write: letters, digits, '.', '-', '_', never a path. */
const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/**
 * Writes the files the server made (plain names, content in base64) into `folder`, creating it.
 * A file or a link standing at one of the names is replaced, never written through; a folder
 * there stops the writing, said to the user, and gives undefined. Returns the names written.
 */
export async function writeFiles(folder: vscode.Uri, files: readonly { name: string; data: string }[]): Promise<string[] | undefined> {
  await vscode.workspace.fs.createDirectory(folder);
  const written: string[] = [];
  for (const f of files) {
    if (!SAFE_NAME.test(f.name)) throw new Error(`not a plain file name: ${JSON.stringify(f.name)}`);
    const dest = vscode.Uri.joinPath(folder, f.name);
    const st = await vscode.workspace.fs.stat(dest).then((s) => s, () => undefined);
    if (st && st.type & vscode.FileType.Directory) {
      void vscode.window.showErrorMessage(say(STRINGS.pkgIsFolder, uiLang(), vscode.workspace.asRelativePath(dest)));
      return undefined;
    }
    if (st) await vscode.workspace.fs.delete(dest, { useTrash: false });
    await vscode.workspace.fs.writeFile(dest, Buffer.from(f.data, 'base64'));
    written.push(f.name);
  }
  return written;
}
