/**
 * The language server's composition root: the connection, the documents, and the handlers that
 * hand each request to the service, the scheduler or a feature. Started with `--stdio` by any
 * editor, or over IPC by the VS Code client. Diagnostics are pulled when the client offers pull
 * diagnostics, pushed otherwise.
 */
import {
  createConnection,
  DidChangeConfigurationNotification,
  DocumentDiagnosticReportKind,
  ProposedFeatures,
  RequestType,
  TextDocuments,
  TextDocumentSyncKind,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CONFIG_FILES } from './engine/config';
import { TOOL_VERSION } from './engine/product';
import { lawCurrentTo } from '../rules/domain/catalogue';
import { CHECK_FILES_METHOD, type CheckFilesParams, type CheckFilesResult } from './lsp/protocol';
import { featureCapabilities, registerFeatures } from './lsp/features';
import { loadExport } from './export/load';
import { EXPORT_PACKAGE_METHOD, type ExportPackageParams, type ExportPackageResult } from './lsp/protocol';
import { DiagnosticScheduler } from './lsp/scheduler';
import { DescriptorService, toDiagnostic, uriToPath, type EditorSettings } from './lsp/service';
import { pathToFileURL } from 'node:url';
import { readFileSync } from 'node:fs';

/** An approved version beside a descriptor (`x.descriptor.approved.yaml`); the client watches these. */
const APPROVED_TWIN = /\.approved\.ya?ml$/;

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const service = new DescriptorService();
const client = { pull: false, configuration: false };
/** In pull mode: closed files whose diagnostics were pushed by a workspace check; cleared when opened (the pull takes over). */
const pushedForClosed = new Set<string>();
/** Configuration files whose problems are shown, so each is published once and cleared when fixed. */
const configFiles = new Set<string>();

function publish(doc: TextDocument): void {
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
  const init = (params.initializationOptions ?? {}) as { locale?: string; settings?: EditorSettings };
  service.configure(init.locale ?? params.locale, init.settings);
  client.pull = params.capabilities.textDocument?.diagnostic !== undefined;
  client.configuration = params.capabilities.workspace?.configuration === true;
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: false },
      ...(client.pull ? { diagnosticProvider: { interFileDependencies: false, workspaceDiagnostics: false } } : {}),
      ...featureCapabilities,
    },
    serverInfo: { name: 'descriptor-language-server', version: TOOL_VERSION },
  };
});

connection.onInitialized(() => {
  connection.console.info(`descriptor-language-server ${TOOL_VERSION}: ${client.pull ? 'pull' : 'push'} diagnostics, rules and law current to ${lawCurrentTo}`);
  setImmediate(() => service.warmUp());
  if (client.configuration) {
    void connection.client.register(DidChangeConfigurationNotification.type, { section: 'descriptor' }).catch(() => undefined);
    void refreshSettings();
  }
});

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
  if (client.pull) void connection.languages.diagnostics.refresh().catch(() => undefined);
  else scheduler.scheduleAll();
}

connection.onDidChangeConfiguration((change) => {
  if (client.configuration) void refreshSettings();
  else {
    service.setEditorSettings((change.settings as { descriptor?: EditorSettings } | null)?.descriptor);
    revalidateAll();
  }
});

connection.onDidChangeWatchedFiles((params) => {
  if (params.changes.some((c) => CONFIG_FILES.some((n) => c.uri.endsWith('/' + n)))) {
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
});

documents.onDidOpen((e) => {
  if (!client.pull) scheduler.schedule(e.document);
  else if (pushedForClosed.delete(e.document.uri)) void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
});
documents.onDidChangeContent((e) => !client.pull && scheduler.schedule(e.document));
documents.onDidClose((e) => {
  scheduler.forget(e.document.uri);
  service.forget(e.document.uri);
  if (!client.pull) void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
});

connection.languages.diagnostics.on((params) => {
  const doc = documents.get(params.textDocument.uri);
  if (!doc) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
  const resultId = `${doc.version}:${service.settingsEpoch}`;
  if (params.previousResultId === resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId };
  const analysis = service.analyze(doc);
  showConfigProblems(analysis.configFile);
  const items = analysis.results.map(toDiagnostic);
  return { kind: DocumentDiagnosticReportKind.Full, resultId, items };
});

/** Checks descriptors from disk (the open ones as they are in the editor) and publishes their diagnostics. */
connection.onRequest(CHECK_FILES_METHOD, (params: CheckFilesParams): CheckFilesResult => {
  const out: CheckFilesResult = { files: 0, errors: 0, warnings: 0, information: 0, unreadable: [] };
  const t0 = performance.now();
  for (const uri of params.uris) {
    let doc = documents.get(uri);
    if (!doc) {
      const path = uriToPath(uri);
      try {
        doc = TextDocument.create(uri, 'project-descriptor', 0, readFileSync(path ?? '', 'utf8'));
      } catch {
        out.unreadable.push(uri);
        continue;
      }
    }
    const analysis = service.analyze(doc);
    const diagnostics = analysis.results.map(toDiagnostic);
    if (!documents.get(uri)) service.forget(uri);
    out.files++;
    for (const d of diagnostics) {
      if (d.severity === 1) out.errors++;
      else if (d.severity === 2) out.warnings++;
      else out.information++;
    }
    if (!client.pull || !documents.get(uri)) {
      void connection.sendDiagnostics({ uri, diagnostics });
      if (client.pull) pushedForClosed.add(uri);
    }
    showConfigProblems(analysis.configFile);
  }
  connection.console.info(`checked ${out.files} descriptors in ${Math.round(performance.now() - t0)} ms: ${out.errors} errors, ${out.warnings} warnings`);
  return out;
});

registerFeatures(connection, documents, service);

// The application package of an open descriptor. The Word and spreadsheet writers load on the first export only.
const ExportPackageRequest = new RequestType<ExportPackageParams, ExportPackageResult, void>(EXPORT_PACKAGE_METHOD);
connection.onRequest(ExportPackageRequest, async ({ uri }) => {
  const doc = documents.get(uri);
  if (!doc) return null;
  const pkg = await loadExport().buildPackage(service.analyze(doc));
  return { files: pkg.files.map((f) => ({ name: f.name, data: f.data.toString('base64') })), notes: pkg.notes, errors: pkg.errors };
});

documents.listen(connection);
connection.listen();
