/**
 * The portfolio page in a webview (the preview's Content-Security-Policy rules: a nonce, nothing
 * else runs) and the command that writes the portfolio's files into a folder. Both ask the server,
 * which reads every descriptor of the workspace; the client renders and writes only.
 */
import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import type { Portfolio } from '../../server/report/portfolio/types';
import { renderPortfolioHtml } from '../../server/report/portfolio/html';
import { PortfolioFilesRequest, PortfolioRequest } from '../descriptor';
import { writeFiles } from '../files';
import { say, STRINGS, uiLang } from '../i18n';
import { workspaceDescriptors } from './view';

export class PortfolioPage {
  static readonly viewType = 'descriptor.portfolio';
  private panel: vscode.WebviewPanel | undefined;
  private shown: Portfolio | undefined;
  lastHtml: string | undefined;

  constructor(private readonly client: LanguageClient) {}

  /** Opens (or refreshes) the page with the current portfolio of the workspace. */
  async open(): Promise<Portfolio | undefined> {
    const files = await workspaceDescriptors();
    if (!files.length) {
      void vscode.window.showInformationMessage(say(STRINGS.noDescriptors, uiLang()));
      return undefined;
    }
    const p = await this.client.sendRequest(PortfolioRequest, { files, lang: uiLang() });
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel(PortfolioPage.viewType, say(STRINGS.portfolioTitle, p.lang), vscode.ViewColumn.Active, { enableScripts: true, enableCommandUris: false, localResourceRoots: [] });
      this.panel.onDidDispose(() => (this.panel = undefined));
      // The page says which row was chosen, by number; the file is the one this client was given for it.
      this.panel.webview.onDidReceiveMessage((msg: { type?: string; index?: unknown }) => {
        const row = msg.type === 'open' && typeof msg.index === 'number' ? this.shown?.projects[msg.index] : undefined;
        if (row) void vscode.window.showTextDocument(vscode.Uri.parse(row.uri), { viewColumn: vscode.ViewColumn.One });
      });
    } else this.panel.reveal();
    this.shown = p;
    this.lastHtml = renderPortfolioHtml(p, { webview: { nonce: randomBytes(24).toString('base64url'), cspSource: this.panel.webview.cspSource } });
    this.panel.webview.html = this.lastHtml;
    return p;
  }
}

export interface PortfolioWritten {
  folder: vscode.Uri;
  files: string[];
  projects: number;
  errors: number;
}

const PORTFOLIO_FILE = /^(portfolio\.(html|xlsx|json)|record-of-processing\.xlsx)$/;

/**
 * Writes portfolio.html, portfolio.xlsx, portfolio.json and record-of-processing.xlsx. Given a
 * folder (`descriptor.writePortfolio`, folderUri) it asks nothing: a folder that holds other files
 * than an earlier portfolio is then refused unless `{ force: true }`. Otherwise it asks for a folder,
 * and asks again before writing into one that holds other files.
 */
export async function writePortfolio(client: LanguageClient, target?: vscode.Uri, options?: { force?: boolean }): Promise<PortfolioWritten | undefined> {
  const files = await workspaceDescriptors();
  if (!files.length) {
    void vscode.window.showInformationMessage(say(STRINGS.noDescriptors, uiLang()));
    return undefined;
  }
  let folder = target;
  if (!folder) {
    const picked = await vscode.window.showOpenDialog({ canSelectFolders: true, canSelectFiles: false, canSelectMany: false, openLabel: say(STRINGS.portfolioHere, uiLang()), title: say(STRINGS.portfolioFolder, uiLang()), defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri });
    if (!picked?.length) return undefined;
    folder = picked[0];
  }
  const name = vscode.workspace.asRelativePath(folder);
  const present = await vscode.workspace.fs.readDirectory(folder).then((x) => x, () => undefined);
  if (present === undefined) {
    const st = await vscode.workspace.fs.stat(folder).then((s) => s, () => undefined);
    if (st && !(st.type & vscode.FileType.Directory)) {
      void vscode.window.showErrorMessage(say(STRINGS.pkgNotFolder, uiLang(), name));
      return undefined;
    }
  }
  const others = (present ?? []).filter(([n]) => !PORTFOLIO_FILE.test(n));
  if (others.length && !options?.force) {
    if (target) {
      void vscode.window.showErrorMessage(say(STRINGS.portfolioNotEmpty, uiLang(), name));
      return undefined;
    }
    const write = say(STRINGS.portfolioWriteAnyway, uiLang());
    if ((await vscode.window.showWarningMessage(say(STRINGS.portfolioAskNotEmpty, uiLang(), name), { modal: true }, write)) !== write) return undefined;
  }
  const result = await client.sendRequest(PortfolioFilesRequest, { files, lang: uiLang() });
  const written = await writeFiles(folder, result.files);
  if (!written) return undefined;
  void vscode.window.showInformationMessage(say(STRINGS.portfolioWritten, uiLang(), name, result.projects));
  return { folder, files: written, projects: result.projects, errors: result.errors };
}
