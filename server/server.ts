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
import { featureCapabilities, registerFeatures } from './lsp/features';
import { loadExport } from './export/load';
import { EXPORT_PACKAGE_METHOD, type ExportPackageParams, type ExportPackageResult } from './lsp/protocol';
import { DiagnosticScheduler } from './lsp/scheduler';
import { DescriptorService, type EditorSettings } from './lsp/service';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);
const service = new DescriptorService();
const client = { pull: false, configuration: false };
const reportedConfigProblems = new Set<string>();

function publish(doc: TextDocument): void {
  const version = doc.version;
  const diagnostics = service.diagnostics(doc);
  if (documents.get(doc.uri)?.version !== version) return;
  void connection.sendDiagnostics({ uri: doc.uri, version, diagnostics });
  showConfigProblems(doc.uri);
}
const scheduler = new DiagnosticScheduler(documents, publish);

/** Problems in a `.descriptor-check.yaml` (unknown rule ids, bad severities), each shown once. */
function showConfigProblems(uri: string): void {
  for (const p of service.configFor(uri).problems) {
    if (reportedConfigProblems.has(p)) continue;
    reportedConfigProblems.add(p);
    void connection.window.showWarningMessage(p);
  }
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
    reportedConfigProblems.clear();
    revalidateAll();
  }
});

documents.onDidOpen((e) => !client.pull && scheduler.schedule(e.document));
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
  const items = service.diagnostics(doc);
  showConfigProblems(doc.uri);
  return { kind: DocumentDiagnosticReportKind.Full, resultId, items };
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
