/**
 * The VS Code client: starts the bundled language server over IPC for project descriptors, and
 * adds the requirements preview, the application package export, the Projects view with the
 * portfolio page and files, the new-descriptor wizard, rule documentation and a status bar item.
 * No telemetry, no network calls.
 */
import * as path from 'node:path';
import * as vscode from 'vscode';
import { LanguageClient, TransportKind, type LanguageClientOptions, type ServerOptions } from 'vscode-languageclient/node';
import type { CheckFilesResult } from '../server/lsp/protocol';
import type { RequirementsModel } from '../server/report/model';
import { CheckFilesRequest, isDescriptor, LANGUAGE_ID, RequirementsRequest, ShowDocumentationRequest, WorkspaceTrustedNotification } from './descriptor';
import { say, STRINGS, uiLang } from './i18n';
import { exportPackage } from './export-package';
import { exists } from './files';
import { exportRequirements, Preview } from './preview/panel';
import { statusText } from './status-text';
import { countsText } from '../server/report/requirements-render';
import { newDescriptor } from './wizard/wizard';
import { openExample } from './examples';
import { DESCRIPTOR_GLOB, ProjectsView, type ProjectsSnapshot } from './portfolio/view';
import { PortfolioPage, writePortfolio } from './portfolio/page';
import type { Portfolio } from '../server/report/portfolio/types';

export { LANGUAGE_ID };

let client: LanguageClient | undefined;

/** What tests in the extension host can look at. */
export interface Api {
  client(): LanguageClient | undefined;
  lastPreviewModel(): RequirementsModel | undefined;
  openPreview(uri?: vscode.Uri): Promise<void>;
  checkWorkspace(): Promise<CheckFilesResult | undefined>;
  /** Loads the Projects view again and returns the portfolio it shows. */
  refreshProjects(): Promise<Portfolio | undefined>;
  /** What the Projects view shows. */
  projects(): ProjectsSnapshot;
  /** Fires when the Projects view shows a new portfolio (after "Check all descriptors", a save, a file created or deleted). */
  onDidRefreshProjects: vscode.Event<Portfolio>;
  /** The HTML of the portfolio page as last rendered. */
  lastPortfolioHtml(): string | undefined;
}

export async function activate(context: vscode.ExtensionContext): Promise<Api> {
  const output = vscode.window.createOutputChannel('Project Descriptor', { log: true });
  context.subscriptions.push(output);
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
      fileEvents: [
        vscode.workspace.createFileSystemWatcher('**/.descriptor-check.{yaml,yml}'),
        vscode.workspace.createFileSystemWatcher('**/*.approved.{yaml,yml}'),
        vscode.workspace.createFileSystemWatcher(DESCRIPTOR_GLOB),
      ],
    },
    // One slot in the Problems panel for closed descriptors, shared by the server's pushed findings and
    // the task's problem matcher (same owner): each replaces the other's, never doubles it.
    diagnosticCollectionName: DIAGNOSTIC_OWNER,
    // In an untrusted workspace the server runs no git, so no approved version is read from a revision.
    initializationOptions: { locale: vscode.env.language, settings: vscode.workspace.getConfiguration('descriptor'), trusted: vscode.workspace.isTrusted },
    outputChannel: output,
  };
  // The id `descriptor` makes `descriptor.trace.server` the trace setting.
  client = new LanguageClient('descriptor', 'Project Descriptor', serverOptions, clientOptions);
  // "Show documentation" runs on the server (any editor can ask for it); in VS Code the server asks
  // this client to show the local page in the Markdown preview.
  client.registerFeature({
    fillClientCapabilities: (caps) => {
      caps.experimental = { ...(caps.experimental as object | undefined), showDocumentation: true };
    },
    initialize: () => undefined,
    getState: () => ({ kind: 'static' }),
    clear: () => undefined,
  });
  const preview = new Preview(client);
  const projects = new ProjectsView(() => client);
  const page = new PortfolioPage(client);
  const refreshProjects = () => projects.refresh().catch((e: unknown) => {
    output.error(`The Projects view could not be loaded: ${e instanceof Error ? e.message : String(e)}`);
    return undefined;
  });
  const descriptorFiles = vscode.workspace.createFileSystemWatcher(DESCRIPTOR_GLOB, false, true, false);
  context.subscriptions.push(projects, descriptorFiles, descriptorFiles.onDidCreate(() => void refreshProjects()), descriptorFiles.onDidDelete(() => void refreshProjects()));
  const status = vscode.window.createStatusBarItem(vscode.StatusBarAlignment.Left, 50);
  status.command = 'descriptor.openPreview';
  context.subscriptions.push(status, { dispose: () => void client?.stop() });

  // The item describes the active descriptor, or the one the preview shows while the preview (or
  // another panel) has focus; it hides only when a non-descriptor editor is active.
  const updateStatus = async () => {
    const editor = vscode.window.activeTextEditor?.document;
    // The walkthrough's first step is done once a descriptor has been open (package.json, completionEvents).
    if (isDescriptor(editor)) void vscode.commands.executeCommand('setContext', 'descriptor.descriptorOpened', true);
    if (editor && !isDescriptor(editor)) return status.hide();
    const uri = isDescriptor(editor) ? editor.uri : preview.shownUri;
    if (!uri || !running()) return status.hide();
    const model = await client!.sendRequest(RequirementsRequest, { uri: uri.toString() }).catch(() => null);
    if (!model) return status.hide();
    status.text = statusText(model);
    status.tooltip = model.problem ?? model.undecided ?? say(STRINGS.openPreview, model.lang);
    status.backgroundColor = model.problem || model.undecided ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    status.show();
  };

  /** A command that needs the server: when it is not running, say so and offer its output. */
  const withServer =
    <A extends unknown[]>(run: (c: LanguageClient, ...args: A) => unknown) =>
    async (...args: A) => {
      if (running()) return run(client!, ...args);
      const show = say(STRINGS.showOutput, uiLang());
      if ((await vscode.window.showErrorMessage(say(STRINGS.serverDown, uiLang()), show)) === show) output.show(true);
      return undefined;
    };

  // Commands first, so that a server that fails to start leaves every command answering.
  context.subscriptions.push(
    vscode.commands.registerCommand('descriptor.openPreview', withServer((_c, uri?: vscode.Uri) => preview.open(uri, false))),
    vscode.commands.registerCommand('descriptor.openPreviewToSide', withServer((_c, uri?: vscode.Uri) => preview.open(uri, true))),
    vscode.commands.registerCommand('descriptor.exportRequirements', withServer((c, uri?: vscode.Uri) => exportRequirements(c, uri))),
    // From the palette while the preview has focus, the descriptor it shows.
    vscode.commands.registerCommand('descriptor.exportPackage', withServer((c, uri?: vscode.Uri, folder?: vscode.Uri, options?: { force?: boolean }) => exportPackage(c, uri ?? (isDescriptor(vscode.window.activeTextEditor?.document) ? undefined : preview.shownUri), folder, options))),
    vscode.commands.registerCommand('descriptor.newDescriptor', withServer((c) => newDescriptor(c))),
    vscode.commands.registerCommand('descriptor.openExample', (file?: string) => openExample(context.extensionUri, file)),
    vscode.commands.registerCommand('descriptor.showRuleDocumentation', (rule: string) => showDocs(context, rule)),
    vscode.commands.registerCommand('descriptor.restartServer', async () => {
      await (running() ? client?.restart() : client?.start());
      void updateStatus();
      void recheck();
    }),
    vscode.commands.registerCommand('descriptor.showOutput', () => output.show(true)),
    vscode.commands.registerCommand('descriptor.checkWorkspace', async () => {
      const r = await checkWorkspace();
      void refreshProjects();
      return r;
    }),
    vscode.commands.registerCommand('descriptor.refreshProjects', withServer(() => refreshProjects())),
    vscode.commands.registerCommand('descriptor.openPortfolio', withServer(() => page.open())),
    vscode.commands.registerCommand('descriptor.writePortfolio', withServer((c, folder?: vscode.Uri, options?: { force?: boolean }) => writePortfolio(c, folder, options))),
    vscode.workspace.onDidSaveTextDocument((d) => {
      if (isDescriptor(d)) void refreshProjects();
    }),
    // After the task, the server checks the workspace again: its findings replace the matcher's in the
    // shared slot, and it keeps them when a file is opened and closed.
    vscode.tasks.onDidEndTaskProcess((e) => {
      if (e.execution.task.definition.type === TASK_TYPE) void checkWorkspace({ quiet: true });
    }),
    vscode.window.registerWebviewPanelSerializer(Preview.viewType, {
      deserializeWebviewPanel: (panel, state: { uri?: string } | undefined) => preview.restore(panel, state),
    }),
    vscode.tasks.registerTaskProvider(TASK_TYPE, { provideTasks: () => [checkTask(context)], resolveTask: (task) => (task.definition.type === TASK_TYPE ? checkTask(context, task.definition) : undefined) }),
    vscode.workspace.onDidGrantWorkspaceTrust(() => {
      if (running()) void client!.sendNotification(WorkspaceTrustedNotification);
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('descriptor.language')) {
        preview.rerender();
        void updateStatus();
      }
    }),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (isDescriptor(e.document)) preview.documentChanged(e.document);
      if (e.document === vscode.window.activeTextEditor?.document) void updateStatus();
    }),
    vscode.window.onDidChangeActiveTextEditor((ed) => {
      if (isDescriptor(ed?.document) && vscode.workspace.getConfiguration('descriptor').get('preview.followActiveEditor', true)) preview.follow(ed!.document);
      void updateStatus();
    }),
    vscode.languages.onDidChangeDiagnostics((e) => {
      preview.diagnosticsChanged(e.uris);
      void updateStatus();
    }),
  );

  client.onRequest(ShowDocumentationRequest, ({ rule }) => showDocs(context, rule));
  try {
    await client.start();
  } catch (e) {
    output.error(`The descriptor language server did not start: ${e instanceof Error ? e.message : String(e)}`);
    void vscode.window.showErrorMessage(say(STRINGS.serverDown, uiLang()));
  }
  void updateStatus();
  void recheck();

  return {
    client: () => client,
    lastPreviewModel: () => preview.lastModel,
    openPreview: (uri) => preview.open(uri, false),
    checkWorkspace: () => Promise.resolve(vscode.commands.executeCommand<CheckFilesResult | undefined>('descriptor.checkWorkspace')),
    refreshProjects,
    projects: () => projects.snapshot(),
    onDidRefreshProjects: projects.onDidRefresh,
    lastPortfolioHtml: () => page.lastHtml,
  };

  /** After a start or a restart: the workspace check again, quietly, when the user has asked for it in this workspace before. */
  async function recheck(): Promise<void> {
    if (context.workspaceState.get<boolean>(CHECKED_ALL) && running()) await checkWorkspace({ quiet: true });
  }

  /** "Check all descriptors": every descriptor in the workspace, open or not, into the Problems panel. */
  async function checkWorkspace(o: { quiet?: boolean } = {}): Promise<CheckFilesResult | undefined> {
    if (!running()) {
      if (!o.quiet) void vscode.window.showErrorMessage(say(STRINGS.serverDown, uiLang()));
      return undefined;
    }
    const files = await vscode.workspace.findFiles(DESCRIPTOR_GLOB, '**/node_modules/**');
    if (!files.length) {
      if (!o.quiet) void vscode.window.showInformationMessage(say(STRINGS.noDescriptors, uiLang()));
      return undefined;
    }
    const r = await client!.sendRequest(CheckFilesRequest, { uris: files.map((f) => f.toString()) });
    await context.workspaceState.update(CHECKED_ALL, true);
    if (!o.quiet) void vscode.window.showInformationMessage(say(STRINGS.checked, uiLang(), r.files, countsText({ errors: r.errors, warnings: r.warnings, information: r.information }, uiLang())));
    return r;
  }
}

/** The Problems panel's owner for pushed findings and the task's matcher (package.json, `problemMatchers`). */
const DIAGNOSTIC_OWNER = 'project-descriptor';
/** Workspace state: the user ran "Check all" here, so it runs again after a (re)start. */
const CHECKED_ALL = 'descriptor.checkedAll';

const running = () => client?.isRunning() === true;


const TASK_TYPE = 'descriptor-check';

/**
 * The CLI over the workspace as a task, its findings in the Problems panel through the
 * `$descriptor-check` matcher (which reads every severity and fills the same slot as the server for
 * closed files). It speaks the editor's language when the setting or the display language chooses one.
 */
function checkTask(context: vscode.ExtensionContext, definition: vscode.TaskDefinition = { type: TASK_TYPE }): vscode.Task {
  const cli = context.asAbsolutePath(path.join('dist', 'cli.js'));
  const set = vscode.workspace.getConfiguration('descriptor').get<string>('language', 'auto');
  const lang = set === 'en' || set === 'nb' ? set : uiLang() === 'nb' ? 'nb' : undefined;
  const cwd = vscode.workspace.workspaceFolders?.[0]?.uri.fsPath;
  // VS Code's own runtime runs the bundled CLI as Node, so no separate Node is needed.
  // The problem matcher reads error, warning and info whatever language the messages are in.
  const execution = new vscode.ProcessExecution(process.execPath, [cli, '--format', 'problem-matcher', ...(lang ? ['--lang', lang] : []), '.'], { env: { ELECTRON_RUN_AS_NODE: '1' }, ...(cwd ? { cwd } : {}) });
  const task = new vscode.Task(definition, vscode.TaskScope.Workspace, say(STRINGS.taskCheck, uiLang()), 'descriptor-check', execution, '$descriptor-check');
  task.group = vscode.TaskGroup.Test;
  return task;
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}

/** The rule's page in VS Code's Markdown preview (the Norwegian one when the extension speaks Norwegian); false when there is none. */
async function showDocs(context: vscode.ExtensionContext, rule: string): Promise<boolean> {
  if (!/^[a-z0-9-]+$/.test(rule)) return false;
  // The Norwegian page when the extension speaks Norwegian.
  const nb = vscode.Uri.file(context.asAbsolutePath(path.join('docs', 'rules', 'nb', `${rule}.md`)));
  const local = uiLang() === 'nb' && (await exists(nb)) ? nb : vscode.Uri.file(context.asAbsolutePath(path.join('docs', 'rules', `${rule}.md`)));
  if (!(await exists(local))) return false;
  await vscode.commands.executeCommand('markdown.showPreview', local);
  return true;
}
