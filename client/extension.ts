/**
 * The VS Code client: starts the bundled language server over IPC for project descriptors, and
 * adds the requirements preview, the application package export, the new-descriptor wizard, rule
 * documentation and a status bar item.
 * No telemetry, no network calls.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import type { RequirementsModel } from '../server/lsp/protocol';
import { isDescriptor, LANGUAGE_ID, RequirementsRequest } from './descriptor';
import { exportPackage } from './export-package';
import { exists } from './files';
import { exportRequirements, Preview } from './preview/panel';
import { countsText } from './preview/render';
import { newDescriptor } from './wizard/wizard';

export { LANGUAGE_ID };

let client: LanguageClient | undefined;

/** What tests in the extension host can look at. */
export interface Api {
  client(): LanguageClient | undefined;
  lastPreviewModel(): RequirementsModel | undefined;
  openPreview(uri?: vscode.Uri): Promise<void>;
}

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

  const preview = new Preview(client);
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
    vscode.commands.registerCommand('descriptor.exportRequirements', (uri?: vscode.Uri) => exportRequirements(client!, uri)),
    vscode.commands.registerCommand('descriptor.exportPackage', (uri?: vscode.Uri, folder?: vscode.Uri, options?: { force?: boolean }) => exportPackage(client!, uri, folder, options)),
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

async function showDocs(context: vscode.ExtensionContext, rule: string, url?: string): Promise<void> {
  const local = vscode.Uri.file(context.asAbsolutePath(path.join('docs', 'rules', `${rule}.md`)));
  if (await exists(local)) {
    await vscode.commands.executeCommand('markdown.showPreview', local);
    return;
  }
  if (url) await vscode.env.openExternal(vscode.Uri.parse(url));
}
