/**
 * "Open an example": copies an example the extension ships (a descriptor and the attachments it
 * names) into the workspace and opens it, so a researcher who installed the .vsix has something to
 * try. Nothing in the workspace is overwritten: a file that is there already is opened as it is.
 * Without a folder open, the example opens as an unsaved document.
 */
import * as vscode from 'vscode';
import { LANGUAGE_ID } from './descriptor';
import { exists } from './files';
import { say, STRINGS, uiLang } from './i18n';
import { SHIPPED_ATTACHMENTS, SHIPPED_EXAMPLES } from './shipped';

export async function openExample(extension: vscode.Uri, chosen?: string): Promise<vscode.TextDocument | undefined> {
  const lang = uiLang();
  let file = chosen;
  if (!file) {
    const picked = await vscode.window.showQuickPick(
      SHIPPED_EXAMPLES.map((x) => ({ label: say(STRINGS[x.label], lang), description: x.file, detail: say(STRINGS[x.detail], lang), file: x.file })),
      { title: say(STRINGS.exampleTitle, lang) },
    );
    if (!picked) return undefined;
    file = picked.file;
  }
  const source = vscode.Uri.joinPath(extension, 'examples', file);
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  if (!folder) {
    const text = Buffer.from(await vscode.workspace.fs.readFile(source)).toString('utf8');
    const doc = await vscode.workspace.openTextDocument({ language: LANGUAGE_ID, content: text });
    await vscode.window.showTextDocument(doc);
    return doc;
  }
  for (const rel of [file, ...SHIPPED_ATTACHMENTS]) {
    const dest = vscode.Uri.joinPath(folder, rel);
    if (await exists(dest)) continue;
    await vscode.workspace.fs.copy(vscode.Uri.joinPath(extension, 'examples', rel), dest);
  }
  const doc = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(folder, file));
  await vscode.window.showTextDocument(doc, { preview: false });
  return doc;
}
