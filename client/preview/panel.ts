/** The requirements preview: a webview panel that follows the active descriptor, and the Markdown export. */
import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { RequirementsModel } from '../../server/report/model';
import { isDescriptor, RequirementsRequest } from '../descriptor';
import { say, STRINGS, uiLang } from '../i18n';
import { renderHtml, renderMarkdown } from '../../server/report/requirements-render';

export class Preview {
  private panel: vscode.WebviewPanel | undefined;
  private uri: vscode.Uri | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  lastModel: RequirementsModel | undefined;

  static readonly viewType = 'descriptor.requirements';

  constructor(private readonly client: LanguageClient) {}

  /** Takes over a panel VS Code restores after a reload, for the descriptor it showed. */
  async restore(panel: vscode.WebviewPanel, state: { uri?: string } | undefined): Promise<void> {
    this.adopt(panel);
    this.uri = state?.uri ? vscode.Uri.parse(state.uri) : undefined;
    await this.refresh();
  }

  private adopt(panel: vscode.WebviewPanel): void {
    this.panel = panel;
    panel.webview.options = { enableScripts: true, enableCommandUris: false, localResourceRoots: [] };
    panel.onDidDispose(() => (this.panel = undefined));
    panel.webview.onDidReceiveMessage((msg: { type: string; line?: number }) => {
      if (msg.type === 'reveal' && this.uri && typeof msg.line === 'number') {
        void vscode.window.showTextDocument(this.uri, { viewColumn: vscode.ViewColumn.One, selection: new vscode.Range(msg.line, 0, msg.line, 0) });
      } else if (msg.type === 'export' && this.uri) void exportRequirements(this.client, this.uri);
      else if (msg.type === 'exportPackage' && this.uri) void vscode.commands.executeCommand('descriptor.exportPackage', this.uri);
    });
  }

  /** Renders again, e.g. after the language setting changed. */
  rerender(): void {
    void this.refresh();
  }

  /** The descriptor the preview shows, while it has one. */
  get shownUri(): vscode.Uri | undefined {
    return this.panel ? this.uri : undefined;
  }

  async open(uri: vscode.Uri | undefined, toSide: boolean): Promise<void> {
    const target = uri ?? (isDescriptor(vscode.window.activeTextEditor?.document) ? vscode.window.activeTextEditor!.document.uri : undefined);
    if (!target) {
      void vscode.window.showInformationMessage(say(STRINGS.openFirst, uiLang()));
      return;
    }
    const side = toSide || vscode.workspace.getConfiguration('descriptor').get('preview.openToSide', false);
    if (!this.panel) {
      this.adopt(vscode.window.createWebviewPanel(Preview.viewType, say(STRINGS.requirements, uiLang()), side ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active, { enableScripts: true, enableCommandUris: false, localResourceRoots: [] }));
    } else this.panel.reveal(side ? vscode.ViewColumn.Beside : undefined, true);
    this.uri = target;
    await this.refresh();
  }

  follow(doc: vscode.TextDocument): void {
    if (this.panel && doc.uri.toString() !== this.uri?.toString()) {
      this.uri = doc.uri;
      void this.refresh();
    }
  }

  /** The server re-checked the shown descriptor (settings or language changed): render its new model. */
  diagnosticsChanged(uris: readonly vscode.Uri[]): void {
    if (!this.panel || !this.uri || !uris.some((u) => u.toString() === this.uri!.toString())) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), 150);
  }

  documentChanged(doc: vscode.TextDocument): void {
    if (!this.panel || doc.uri.toString() !== this.uri?.toString()) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), 150);
  }

  private async refresh(): Promise<void> {
    if (!this.panel || !this.uri) return;
    const model = await this.client.sendRequest(RequirementsRequest, { uri: this.uri.toString() });
    if (!model || !this.panel) return;
    this.lastModel = model;
    this.panel.title = `${say(STRINGS.requirements, model.lang)}: ${path.basename(this.uri.fsPath)}`;
    this.panel.webview.html = renderHtml(model, { nonce: nonce(), cspSource: this.panel.webview.cspSource });
  }
}

/** A fresh nonce for the webview's Content-Security-Policy, from the platform's secure random source. */
function nonce(): string {
  return randomBytes(24).toString('base64url');
}

/** Writes the requirements of a descriptor as Markdown where the user chooses. */
export async function exportRequirements(client: LanguageClient, uri?: vscode.Uri): Promise<void> {
  const target = uri ?? vscode.window.activeTextEditor?.document.uri;
  if (!target) return;
  const doc = await vscode.workspace.openTextDocument(target);
  if (!isDescriptor(doc)) return;
  const model = await client.sendRequest(RequirementsRequest, { uri: target.toString() });
  if (!model) return;
  const base = target.fsPath.replace(/\.(descriptor\.)?ya?ml$/, '');
  const dest = await vscode.window.showSaveDialog({ defaultUri: vscode.Uri.file(`${base}.requirements.md`), filters: { Markdown: ['md'] } });
  if (!dest) return;
  await vscode.workspace.fs.writeFile(dest, Buffer.from(renderMarkdown(model), 'utf8'));
  void vscode.window.showInformationMessage(say(STRINGS.requirementsWritten, model.lang, vscode.workspace.asRelativePath(dest)));
}

