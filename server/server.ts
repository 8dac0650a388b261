/**
 * The language server's composition root: the connection, the documents, and the handlers that
 * hand each request to the service, the scheduler or a feature. Started with `--stdio` by any
 * editor, or over IPC by the VS Code client. Diagnostics are pulled when the client offers pull
 * diagnostics, pushed otherwise. Settings are asked for per document (`scopeUri`), so a folder's
 * own `descriptor.*` settings apply to the descriptors in it.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createConnection,
  DidChangeConfigurationNotification,
  DocumentDiagnosticReportKind,
  FileChangeType,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type InitializeParams,
  type Diagnostic,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { uriToPath } from './engine/analysis';
import { lazy } from './engine/lazy';
import { OPEN_RULE_DOCUMENTATION_COMMAND, ruleDocUrl, TOOL_VERSION } from './engine/product';
import { loadExport } from './export/load';
import { featureCapabilities, registerFeatures } from './lsp/features';
import {
  CheckFilesRequest,
  ExportPackageRequest,
  LinkageDiagramRequest,
  PortfolioFilesRequest,
  PortfolioRequest,
  ShowDocumentationRequest,
  WorkspaceTrustedNotification,
  type CheckFilesResult,
  type Portfolio,
  type PortfolioFilesResult,
  type PortfolioParams,
  type PortfolioRow,
} from './lsp/protocol';
import type { Localized } from '../rules/domain/types';
import { DiagnosticScheduler } from './lsp/scheduler';
import { DescriptorService, toDiagnostic, type EditorSettings } from './lsp/service';
import { keepHeapSmall } from './lsp/heap';

/** An approved version beside a descriptor (`x.descriptor.approved.yaml`); the client watches these. */
const APPROVED_TWIN = /\.approved\.ya?ml$/;
/** `.descriptor-check.yaml` or `.yml`, the workspace configuration (host/config.ts reads it). */
const CONFIG_FILE = /\/\.descriptor-check\.ya?ml$/;

// What only some requests need loads on their first use, so `initialize` is answered at once.
const runtime = lazy(() => require('./lsp/runtime') as typeof import('./lsp/runtime'));

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const service = new DescriptorService();
const client = { pull: false, configuration: false, showDocument: false, showDocumentation: false, resolvesCodeActionEdits: false, workspaceFolders: false };
/** The workspace folders as paths (the client's folders, else its root), where a descriptor's named files may be looked at. */
let roots: string[] = [];

function workspaceRoots(params: InitializeParams): string[] {
  const uris = params.workspaceFolders?.map((f) => f.uri) ?? (params.rootUri ? [params.rootUri] : []);
  roots = uris.map(uriToPath).filter((p): p is string => p !== undefined);
  return roots;
}
/**
 * In pull mode, the one source of truth for closed descriptors: the files the workspace check ("Check
 * all") covered. While such a file is closed its findings are pushed (re-read from disk when it is
 * closed again, and re-checked when settings change, so they follow the language); while it is open
 * the pull has it, and its pushed findings are cleared.
 */
const workspaceChecked = new Set<string>();
/** Configuration files whose problems are shown, so each is published once and cleared when fixed. */
const configFiles = new Set<string>();
/** Requests for a document's settings under way, so each is asked once. */
const pendingSettings = new Map<string, Promise<void>>();

/** Asks the client for the settings of a document's folder, once per document until settings change. */
function settingsFor(uri: string): Promise<void> {
  if (!client.configuration || service.hasDocumentSettings(uri)) return Promise.resolve();
  let p = pendingSettings.get(uri);
  if (!p) {
    p = connection.workspace
      .getConfiguration({ scopeUri: uri, section: 'descriptor' })
      .then((s: EditorSettings | null) => service.setDocumentSettings(uri, s ?? {}), () => service.setDocumentSettings(uri, undefined))
      .finally(() => pendingSettings.delete(uri));
    pendingSettings.set(uri, p);
  }
  return p;
}

function publish(doc: TextDocument): void {
  if (client.configuration && !service.hasDocumentSettings(doc.uri)) {
    void settingsFor(doc.uri).then(() => {
      const current = documents.get(doc.uri);
      if (current) scheduler.schedule(current);
    });
    return;
  }
  const version = doc.version;
  const analysis = service.analyze(doc);
  const diagnostics = analysis.results.map(toDiagnostic);
  if (documents.get(doc.uri)?.version !== version) return;
  void connection.sendDiagnostics({ uri: doc.uri, version, diagnostics });
  showConfigProblems(analysis.configFile);
}
const scheduler = new DiagnosticScheduler(documents, publish);

/** Problems in a `.descriptor-check.yaml` (unknown rule ids, bad severities), as diagnostics on that file. */
function showConfigProblems(file: string | undefined): void {
  if (!file || configFiles.has(pathToFileURL(file).href)) return;
  const c = service.configDiagnostics(file);
  configFiles.add(c.uri);
  for (const d of c.diagnostics) connection.console.warn(`${c.uri}: ${d.message}`);
  void connection.sendDiagnostics(c);
}

connection.onInitialize((params: InitializeParams): InitializeResult => {
  const init = (params.initializationOptions ?? {}) as { locale?: string; settings?: EditorSettings; trusted?: boolean };
  client.workspaceFolders = params.capabilities.workspace?.workspaceFolders === true;
  service.configure(init.locale ?? params.locale, init.settings, init.trusted !== false, workspaceRoots(params));
  client.pull = params.capabilities.textDocument?.diagnostic !== undefined;
  client.configuration = params.capabilities.workspace?.configuration === true;
  client.showDocument = params.capabilities.window?.showDocument?.support === true;
  client.resolvesCodeActionEdits = params.capabilities.textDocument?.codeAction?.resolveSupport?.properties.includes('edit') === true;
  client.showDocumentation = (params.capabilities.experimental as { showDocumentation?: boolean } | undefined)?.showDocumentation === true;
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: false },
      ...(client.pull ? { diagnosticProvider: { interFileDependencies: false, workspaceDiagnostics: false } } : {}),
      executeCommandProvider: { commands: [OPEN_RULE_DOCUMENTATION_COMMAND] },
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
      ...featureCapabilities,
    },
    serverInfo: { name: 'descriptor-language-server', version: TOOL_VERSION },
  };
});

connection.onInitialized(() => {
  // How the heap grows, set before the analysis loads and before any document is read.
  keepHeapSmall();
  connection.console.info(`descriptor-language-server ${TOOL_VERSION}: ${client.pull ? 'pull' : 'push'} diagnostics, rules and law current to ${runtime().lawCurrentTo}`);
  // Load and compile the analysis if the client has not opened a document by then (a first
  // document is checked at once, and warming up would only make it wait).
  setTimeout(() => {
    if (documents.all().length === 0) service.warmUp();
  }, 100);
  if (client.configuration) {
    void connection.client.register(DidChangeConfigurationNotification.type, { section: 'descriptor' }).catch(() => undefined);
    void refreshSettings();
  }
  if (client.workspaceFolders) {
    connection.workspace.onDidChangeWorkspaceFolders((e) => {
      const removed = new Set(e.removed.map((f) => uriToPath(f.uri)));
      roots = [...roots.filter((r) => !removed.has(r)), ...e.added.map((f) => uriToPath(f.uri)).filter((p): p is string => p !== undefined)];
      service.setRoots(roots);
      revalidateAll();
    });
  }
});

/** Settings changed: ask again for the workspace's and, as documents are checked, each folder's. */
async function refreshSettings(): Promise<void> {
  try {
    const s = (await connection.workspace.getConfiguration('descriptor')) as EditorSettings | null;
    service.setEditorSettings(s ?? {});
  } catch {
    // A client that cannot answer keeps the settings it sent at start.
  }
  revalidateAll();
}

function revalidateAll(): void {
  if (client.pull) {
    void connection.languages.diagnostics.refresh().catch(() => undefined);
    for (const uri of workspaceChecked) if (!documents.get(uri)) void checkFile(uri);
  } else scheduler.scheduleAll();
}

connection.onDidChangeConfiguration((change) => {
  if (client.configuration) void refreshSettings();
  else {
    service.setEditorSettings((change.settings as { descriptor?: EditorSettings } | null)?.descriptor);
    revalidateAll();
  }
});

connection.onNotification(WorkspaceTrustedNotification, () => {
  service.setTrusted(true);
  revalidateAll();
});

connection.onDidChangeWatchedFiles((params) => {
  if (params.changes.some((c) => CONFIG_FILE.test(c.uri))) {
    service.invalidateWorkspaceConfig();
    // Clear what was shown; the next check publishes the file's problems again, if any are left.
    for (const uri of configFiles) void connection.sendDiagnostics({ uri, diagnostics: [] });
    configFiles.clear();
    revalidateAll();
  }
  if (params.changes.some((c) => APPROVED_TWIN.test(c.uri))) {
    service.invalidateBaselines();
    revalidateAll();
  }
  // A checked descriptor changed on disk while closed (a checkout, another editor): check it again, or forget it.
  for (const c of params.changes) {
    if (!workspaceChecked.has(c.uri) || documents.get(c.uri)) continue;
    if (c.type === FileChangeType.Deleted) {
      workspaceChecked.delete(c.uri);
      void connection.sendDiagnostics({ uri: c.uri, diagnostics: [] });
    } else void checkFile(c.uri);
  }
});

/**
 * Each opening of a document is a session of its own: a reopened file starts again at version 1,
 * perhaps with other text (changed on disk while closed), so a pull result id names the session
 * too; otherwise the client would be told "unchanged" and keep stale findings, or none.
 */
const openSessions = new Map<string, number>();
let sessions = 0;

documents.onDidOpen((e) => {
  openSessions.set(e.document.uri, ++sessions);
  if (!client.pull) scheduler.schedule(e.document);
  // The pull has the open file now: clear what was pushed for it (the shared slot a task's matcher fills too).
  else void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
});
documents.onDidChangeContent((e) => !client.pull && scheduler.schedule(e.document));
documents.onDidClose((e) => {
  openSessions.delete(e.document.uri);
  scheduler.forget(e.document.uri);
  service.forget(e.document.uri);
  if (!client.pull) void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
  // A file the workspace check covered keeps its findings when closed: read again from disk.
  else if (workspaceChecked.has(e.document.uri)) void checkFile(e.document.uri);
});

connection.languages.diagnostics.on(async (params) => {
  const uri = params.textDocument.uri;
  await settingsFor(uri);
  const doc = documents.get(uri);
  if (!doc) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
  const resultId = `${openSessions.get(uri) ?? 0}:${service.resultKey(uri, doc.version)}`;
  if (params.previousResultId === resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId };
  const analysis = service.analyze(doc);
  showConfigProblems(analysis.configFile);
  const items = analysis.results.map(toDiagnostic);
  return { kind: DocumentDiagnosticReportKind.Full, resultId, items };
});

/** A descriptor as it is in the editor when open, else as it is on disk; or why it cannot be read. */
function documentOf(uri: string): TextDocument | { problem: Localized } {
  const open = documents.get(uri);
  if (open) return open;
  const read = runtime().readDescriptor(uriToPath(uri) ?? '');
  return 'problem' in read ? { problem: read.problem } : TextDocument.create(uri, 'project-descriptor', 0, read.text);
}

/**
 * Checks one descriptor (from disk when it is not open) and publishes its diagnostics when it is
 * closed, or always for a client without pull diagnostics. Undefined when the file cannot be read.
 */
async function checkFile(uri: string): Promise<Diagnostic[] | undefined> {
  await settingsFor(uri);
  const doc = documentOf(uri);
  if ('problem' in doc) return undefined;
  const analysis = service.analyze(doc);
  const diagnostics = analysis.results.map(toDiagnostic);
  const open = documents.get(uri) !== undefined;
  if (!open) service.forget(uri);
  if (!client.pull || !open) void connection.sendDiagnostics({ uri, diagnostics });
  showConfigProblems(analysis.configFile);
  return diagnostics;
}

/** Checks descriptors from disk (the open ones as they are in the editor) and publishes their diagnostics. */
connection.onRequest(CheckFilesRequest, async (params): Promise<CheckFilesResult> => {
  const out: CheckFilesResult = { files: 0, errors: 0, warnings: 0, information: 0, unreadable: [] };
  const t0 = performance.now();
  for (const uri of params.uris) {
    const diagnostics = await checkFile(uri);
    if (!diagnostics) {
      out.unreadable.push(uri);
      continue;
    }
    if (client.pull) workspaceChecked.add(uri);
    out.files++;
    for (const d of diagnostics) {
      if (d.severity === 1) out.errors++;
      else if (d.severity === 2) out.warnings++;
      else out.information++;
    }
  }
  connection.console.info(`checked ${out.files} descriptors in ${Math.round(performance.now() - t0)} ms: ${out.errors} errors, ${out.warnings} warnings`);
  return out;
});

/**
 * "Show documentation for <rule>": the VS Code client shows the local page in its Markdown preview;
 * any other client is asked to open the page that ships beside the server (or the published one).
 */
connection.onExecuteCommand(async (params) => {
  if (params.command !== OPEN_RULE_DOCUMENTATION_COMMAND) return null;
  const rule = params.arguments?.[0];
  if (typeof rule !== 'string' || !runtime().isRuleId(rule)) return null;
  if (client.showDocumentation && (await connection.sendRequest(ShowDocumentationRequest, { rule }).catch(() => false))) return null;
  const local = join(__dirname, '..', 'docs', 'rules', `${rule}.md`);
  const uri = existsSync(local) ? pathToFileURL(local).href : ruleDocUrl(rule);
  if (client.showDocument) {
    const shown = await connection.window.showDocument({ uri, external: !uri.startsWith('file:'), takeFocus: true }).catch(() => ({ success: false }));
    if (shown.success) return null;
  }
  connection.window.showInformationMessage(`${rule}: ${uri}`);
  return null;
});

registerFeatures(connection, documents, () => service, () => client);

/** The portfolio of the given descriptors, each read in the portfolio's language; a file that cannot be read is a row that says so. */
async function portfolioOf(params: PortfolioParams): Promise<Portfolio> {
  const lang = params.lang === 'nb' ? 'nb' : 'en';
  const rt = runtime();
  const rows: PortfolioRow[] = [];
  const t0 = performance.now();
  for (const { uri, name } of params.files) {
    await settingsFor(uri);
    const doc = documentOf(uri);
    if ('problem' in doc) {
      rows.push(rt.unreadableRow(name, uri, doc.problem[lang], lang));
      continue;
    }
    const analysis = service.analyzeIn(doc, lang);
    if (!documents.get(uri)) service.forget(uri);
    rows.push(rt.portfolioRow(analysis, rt.requirementsModel(analysis), name));
  }
  const portfolio = rt.buildPortfolio(rows, { lang, today: rt.today(), version: TOOL_VERSION });
  connection.console.info(`portfolio of ${rows.length} descriptors in ${Math.round(performance.now() - t0)} ms`);
  return portfolio;
}

connection.onRequest(PortfolioRequest, (params) => portfolioOf(params));

// The portfolio's files; the spreadsheet writer loads with the export bundle, on first use.
connection.onRequest(PortfolioFilesRequest, async (params): Promise<PortfolioFilesResult> => {
  const portfolio = await portfolioOf(params);
  const files = await loadExport().buildPortfolioFiles(portfolio);
  return { files: files.map((f) => ({ name: f.name, data: f.data.toString('base64') })), projects: portfolio.summary.projects, errors: portfolio.summary.errors };
});

// The linkage diagram, for the client to draw as PNG.
connection.onRequest(LinkageDiagramRequest, ({ uri }) => {
  const doc = documents.get(uri);
  if (!doc) return null;
  const rt = runtime();
  const svg = rt.linkageDiagram(rt.requirementsModel(service.analyze(doc)));
  return svg ? { svg } : null;
});

// The application package of an open descriptor. The Word and spreadsheet writers load on the first export only.
// A diagram the client drew is used as it is; without one the server draws it if it can.
connection.onRequest(ExportPackageRequest, async ({ uri, diagram }) => {
  const doc = documents.get(uri);
  if (!doc) return null;
  const given = diagram && typeof diagram.png === 'string' && diagram.width > 0 && diagram.height > 0
    ? { png: Buffer.from(diagram.png, 'base64'), width: diagram.width, height: diagram.height }
    : undefined;
  const pkg = await loadExport().buildPackage(service.analyze(doc), given ? { rasterize: () => given } : {});
  return { files: pkg.files.map((f) => ({ name: f.name, data: f.data.toString('base64') })), notes: pkg.notes, errors: pkg.errors };
});

documents.listen(connection);
connection.listen();
