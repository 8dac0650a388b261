/**
 * The VS Code client: starts the bundled language server over IPC for project descriptors, and
 * adds the requirements preview, the new-descriptor wizard, rule documentation and a status bar item.
 * No telemetry, no network calls.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, RequestType, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import { REQUIREMENTS_METHOD, type RequirementsModel, type RequirementsParams, type RequirementsResult } from '../server/lsp/protocol';
import { countsText, renderHtml, renderMarkdown } from './preview/render';
import { skeleton } from './wizard/skeleton';
import { PRODUCTS, PURPOSES } from '../rules/domain/vocabulary';
import catalogue from '../rules/sources.yaml';

export const LANGUAGE_ID = 'project-descriptor';
const RequirementsRequest = new RequestType<RequirementsParams, RequirementsResult, void>(REQUIREMENTS_METHOD);

let client: LanguageClient | undefined;

/** What tests in the extension host can look at. */
export interface Api {
  client(): LanguageClient | undefined;
  lastPreviewModel(): RequirementsModel | undefined;
  openPreview(uri?: vscode.Uri): Promise<void>;
}

const isDescriptor = (doc: vscode.TextDocument | undefined): doc is vscode.TextDocument => doc?.languageId === LANGUAGE_ID;

export async function activate(context: vscode.ExtensionContext): Promise<Api> {
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6009'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { language: LANGUAGE_ID, scheme: 'file' },
      { language: LANGUAGE_ID, scheme: 'untitled' },
    ],
    synchronize: {
      configurationSection: 'descriptor',
      fileEvents: vscode.workspace.createFileSystemWatcher('**/.descriptor-check.{yaml,yml}'),
    },
    initializationOptions: { locale: vscode.env.language },
  };
  client = new LanguageClient('projectDescriptor', 'Project Descriptor', serverOptions, clientOptions);
  await client.start();
  context.subscriptions.push({ dispose: () => void client?.stop() });

  const preview = new Preview(context);
  const status = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Left, 50);
  status.command = 'descriptor.openPreview';
  context.subscriptions.push(status);

  const updateStatus = async () => {
    const doc = vscode.window.activeTextEditor?.document;
    if (!isDescriptor(doc) || !client) {
      status.hide();
      return;
    }
    const model = await client.sendRequest(RequirementsRequest, { uri: doc.uri.toString() }).catch(() => null);
    if (!model) return status.hide();
    const who = model.route.exemptionNeeded && model.route.exemptionKind ? model.route.authority?.split(' (')[0] ?? '' : vscode.l10n.t('no exemption');
    status.text = `$(law) ${who} · ${countsText(model.counts, model.lang, ['errors', 'warnings'])}`;
    status.tooltip = vscode.l10n.t('Open requirements preview');
    status.show();
  };

  context.subscriptions.push(
    vscode.commands.registerCommand('descriptor.openPreview', (uri?: vscode.Uri) => preview.open(uri, false)),
    vscode.commands.registerCommand('descriptor.openPreviewToSide', (uri?: vscode.Uri) => preview.open(uri, true)),
    vscode.commands.registerCommand('descriptor.exportRequirements', (uri?: vscode.Uri) => exportRequirements(uri)),
    vscode.commands.registerCommand('descriptor.newDescriptor', () => newDescriptor()),
    vscode.commands.registerCommand('descriptor.showRuleDocumentation', (rule: string, url?: string) => showDocs(context, rule, url)),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (isDescriptor(e.document)) preview.documentChanged(e.document);
      if (e.document === vscode.window.activeTextEditor?.document) void updateStatus();
    }),
    vscode.window.onDidChangeActiveTextEditor((ed) => {
      if (isDescriptor(ed?.document) && vscode.workspace.getConfiguration('descriptor').get('preview.followActiveEditor', true)) preview.follow(ed!.document);
      void updateStatus();
    }),
    vscode.languages.onDidChangeDiagnostics(() => void updateStatus()),
  );
  void updateStatus();

  return {
    client: () => client,
    lastPreviewModel: () => preview.lastModel,
    openPreview: (uri) => preview.open(uri, false),
  };
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}

class Preview {
  private panel: vscode.WebviewPanel | undefined;
  private uri: vscode.Uri | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  lastModel: RequirementsModel | undefined;

  constructor(private readonly context: vscode.ExtensionContext) {}

  async open(uri: vscode.Uri | undefined, toSide: boolean): Promise<void> {
    const target = uri ?? (isDescriptor(vscode.window.activeTextEditor?.document) ? vscode.window.activeTextEditor!.document.uri : undefined);
    if (!target) {
      void vscode.window.showInformationMessage(vscode.l10n.t('Open a project descriptor first.'));
      return;
    }
    const side = toSide || vscode.workspace.getConfiguration('descriptor').get('preview.openToSide', false);
    if (!this.panel) {
      this.panel = vscode.window.createWebviewPanel('descriptor.requirements', vscode.l10n.t('Requirements'), side ? vscode.ViewColumn.Beside : vscode.ViewColumn.Active, {
        enableScripts: true,
        enableCommandUris: false,
        localResourceRoots: [],
      });
      this.panel.onDidDispose(() => (this.panel = undefined));
      this.panel.webview.onDidReceiveMessage((msg: { type: string; line: number }) => {
        if (msg.type === 'reveal' && this.uri) {
          void vscode.window.showTextDocument(this.uri, { viewColumn: vscode.ViewColumn.One, selection: new vscode.Range(msg.line, 0, msg.line, 0) });
        }
      });
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

  documentChanged(doc: vscode.TextDocument): void {
    if (!this.panel || doc.uri.toString() !== this.uri?.toString()) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), 150);
  }

  private async refresh(): Promise<void> {
    if (!this.panel || !this.uri || !client) return;
    const model = await client.sendRequest(RequirementsRequest, { uri: this.uri.toString() });
    if (!model || !this.panel) return;
    this.lastModel = model;
    this.panel.title = `${vscode.l10n.t('Requirements')}: ${path.basename(this.uri.fsPath)}`;
    this.panel.webview.html = renderHtml(model, { nonce: nonce(), cspSource: this.panel.webview.cspSource });
  }
}

function nonce(): string {
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  let s = '';
  for (let i = 0; i < 32; i++) s += chars[Math.floor(Math.random() * chars.length)];
  return s;
}

async function exportRequirements(uri?: vscode.Uri): Promise<void> {
  const target = uri ?? vscode.window.activeTextEditor?.document.uri;
  if (!target || !client) return;
  const doc = await vscode.workspace.openTextDocument(target);
  if (!isDescriptor(doc)) return;
  const model = await client.sendRequest(RequirementsRequest, { uri: target.toString() });
  if (!model) return;
  const base = target.fsPath.replace(/\.(descriptor\.)?ya?ml$/, '');
  const dest = await vscode.window.showSaveDialog({ defaultUri: vscode.Uri.file(`${base}.requirements.md`), filters: { Markdown: ['md'] } });
  if (!dest) return;
  await vscode.workspace.fs.writeFile(dest, Buffer.from(renderMarkdown(model), 'utf8'));
  void vscode.window.showInformationMessage(vscode.l10n.t('Requirements written to {0}', vscode.workspace.asRelativePath(dest)));
}

interface CatalogueFile {
  sources: { id: string; name: { en: string; nb: string }; abbreviation: string | null }[];
}

async function newDescriptor(): Promise<void> {
  const nb = vscode.env.language.startsWith('nb') || vscode.env.language.startsWith('no');
  const purposes = [...PURPOSES];
  const purpose = await vscode.window.showQuickPick(purposes, { title: vscode.l10n.t('New project descriptor (1/5): purpose'), placeHolder: vscode.l10n.t('Why does the project want health data?') });
  if (!purpose) return;
  let product: string | undefined;
  let clinicalTesting: boolean | undefined;
  if (purpose === 'product-development') {
    product = await vscode.window.showQuickPick([...PRODUCTS], { title: vscode.l10n.t('New project descriptor (2/5): product') });
    if (!product) return;
    if (product === 'clinical-decision-support') {
      const t = await vscode.window.showQuickPick([vscode.l10n.t('Yes'), vscode.l10n.t('No')], { title: vscode.l10n.t('Will the tool be tried out clinically?') });
      if (!t) return;
      clinicalTesting = t === vscode.l10n.t('Yes');
    }
  }
  const cat = catalogue as unknown as CatalogueFile;
  const picked = await vscode.window.showQuickPick(
    cat.sources.map((s) => ({ label: s.id, description: nb ? s.name.nb : s.name.en })),
    { title: vscode.l10n.t('New project descriptor (3/5): data sources'), canPickMany: true },
  );
  if (!picked) return;
  const consent = await vscode.window.showQuickPick([vscode.l10n.t('No: without consent'), vscode.l10n.t('Yes: every participant consents')], { title: vscode.l10n.t('New project descriptor (4/5): consent') });
  if (!consent) return;
  const title = await vscode.window.showInputBox({ title: vscode.l10n.t('New project descriptor (5/5): title'), value: '' });
  if (title === undefined) return;
  const text = skeleton({ title, purpose, product, clinicalTesting, sources: picked.map((p) => p.label), consent: consent.startsWith(vscode.l10n.t('Yes')) });
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  const dest = folder ? vscode.Uri.joinPath(folder, 'project.descriptor.yaml') : undefined;
  const doc = dest && !(await exists(dest)) ? await vscode.workspace.fs.writeFile(dest, Buffer.from(text)).then(() => vscode.workspace.openTextDocument(dest)) : await vscode.workspace.openTextDocument({ language: LANGUAGE_ID, content: text });
  await vscode.window.showTextDocument(doc);
}

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

async function showDocs(context: vscode.ExtensionContext, rule: string, url?: string): Promise<void> {
  const local = vscode.Uri.file(context.asAbsolutePath(path.join('docs', 'rules', `${rule}.md`)));
  if (await exists(local)) {
    await vscode.commands.executeCommand('markdown.showPreview', local);
    return;
  }
  if (url) await vscode.env.openExternal(vscode.Uri.parse(url));
}
