/**
 * The language server: wiring only. Started with `--stdio` by any editor, or over IPC by the
 * VS Code client. Diagnostics are pulled when the client offers pull diagnostics, pushed otherwise.
 */
import {
  createConnection,
  DidChangeConfigurationNotification,
  DocumentDiagnosticReportKind,
  ProposedFeatures,
  TextDocuments,
  TextDocumentSyncKind,
  type InitializeParams,
  type InitializeResult,
} from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CONFIG_FILES } from './engine/config';
import { check } from './engine/engine';
import { featureCapabilities, registerFeatures } from './lsp/features';
import { DescriptorService, type EditorSettings } from './lsp/service';
import type { Lang } from '../rules/domain/types';

const connection = createConnection(ProposedFeatures.all);
const documents = new TextDocuments(TextDocument);

let service = new DescriptorService('en');
let pullMode = false;
let canAskConfiguration = false;
/**
 * Documents with more lines than this, while the user types faster than one check takes, wait a
 * little for typing to pause (at most LARGE_DOCUMENT_DELAY_MS) before they are checked. Every
 * other change is checked at once.
 */
const LARGE_DOCUMENT_LINES = 5000;
const LARGE_DOCUMENT_DELAY_MS = 150;

export function langFromLocale(locale: string | undefined): Lang {
  return locale && /^(nb|no|nn)\b/i.test(locale) ? 'nb' : 'en';
}

connection.onInitialize((params: InitializeParams): InitializeResult => {
  const init = (params.initializationOptions ?? {}) as { locale?: string; settings?: EditorSettings };
  service = new DescriptorService(langFromLocale(init.locale ?? params.locale), init.settings);
  pullMode = params.capabilities.textDocument?.diagnostic !== undefined;
  canAskConfiguration = params.capabilities.workspace?.configuration === true;
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: false },
      ...(pullMode ? { diagnosticProvider: { interFileDependencies: false, workspaceDiagnostics: false } } : {}),
      ...featureCapabilities,
    },
    serverInfo: { name: 'descriptor-language-server', version: '0.1.0' },
  };
});

/**
 * While the editor is still busy after start, check a small descriptor once so the parser, the
 * schema and the rules are compiled by the time the user's first document arrives.
 */
function warmUp(): void {
  const variables = Array.from({ length: 40 }, (_, i) => `      - { name: v${i}, granularity: ${i % 2 ? 'year' : 'date'}, justification: x }`).join('\n');
  const text = `descriptor: 1\nproject: { title: warm-up }\npurpose: { category: health-research }\nlegal_basis: { consent: false }\ndata_sources:\n  - id: a\n    source: npr\n    variables:\n${variables}\nlinkage: { links: [[a, a]] }\n`;
  try {
    check(text, { lang: 'en' });
  } catch {
    // Warming up is best effort; the real check reports its own problems.
  }
}

connection.onInitialized(() => {
  setImmediate(warmUp);
  if (canAskConfiguration) {
    void connection.client.register(DidChangeConfigurationNotification.type, { section: 'descriptor' }).catch(() => undefined);
    void refreshSettings();
  }
});

async function refreshSettings(): Promise<void> {
  if (!canAskConfiguration) return;
  try {
    const s = (await connection.workspace.getConfiguration('descriptor')) as EditorSettings | null;
    service.setEditorSettings(s ?? {});
  } catch {
    // A client that cannot answer keeps the settings it sent at start.
  }
  revalidateAll();
}

connection.onDidChangeConfiguration((change) => {
  if (canAskConfiguration) void refreshSettings();
  else {
    const s = (change.settings as { descriptor?: EditorSettings } | null)?.descriptor;
    service.setEditorSettings(s);
    revalidateAll();
  }
});

connection.onDidChangeWatchedFiles((params) => {
  if (params.changes.some((c) => CONFIG_FILES.some((n) => c.uri.endsWith('/' + n)))) {
    service.invalidateWorkspaceConfig();
    revalidateAll();
  }
});

// Push mode: check on open and on every change. Rapid changes coalesce into one check of the
// newest version; a result for a version that is no longer current is dropped, never published.
/** Per document: the check waiting to run, when the document last changed, how long its last check took (ms). */
const checks = new Map<string, { cancel?: () => void; changedAt: number; checkMs: number }>();

function schedule(doc: TextDocument): void {
  if (pullMode) return;
  const c = checks.get(doc.uri) ?? { changedAt: -Infinity, checkMs: 0 };
  checks.set(doc.uri, c);
  c.cancel?.();
  const now = performance.now();
  const typingFast = now - c.changedAt < c.checkMs;
  c.changedAt = now;
  const run = () => {
    c.cancel = undefined;
    const t0 = performance.now();
    publish(doc.uri);
    c.checkMs = performance.now() - t0;
  };
  if (doc.lineCount > LARGE_DOCUMENT_LINES && typingFast) {
    const t = setTimeout(run, Math.min(c.checkMs, LARGE_DOCUMENT_DELAY_MS));
    c.cancel = () => clearTimeout(t);
  } else {
    const i = setImmediate(run);
    c.cancel = () => clearImmediate(i);
  }
}

function publish(uri: string): void {
  const doc = documents.get(uri);
  if (!doc) return;
  const version = doc.version;
  const diagnostics = service.diagnostics(doc);
  if (documents.get(uri)?.version !== version) return;
  void connection.sendDiagnostics({ uri, version, diagnostics });
}

function revalidateAll(): void {
  if (pullMode) {
    void connection.languages.diagnostics.refresh().catch(() => undefined);
    return;
  }
  for (const doc of documents.all()) schedule(doc);
}

documents.onDidOpen((e) => schedule(e.document));
documents.onDidChangeContent((e) => schedule(e.document));
documents.onDidClose((e) => {
  checks.get(e.document.uri)?.cancel?.();
  checks.delete(e.document.uri);
  service.forget(e.document.uri);
  if (!pullMode) void connection.sendDiagnostics({ uri: e.document.uri, diagnostics: [] });
});

connection.languages.diagnostics.on((params) => {
  const doc = documents.get(params.textDocument.uri);
  if (!doc) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
  const resultId = `${doc.version}:${service.settingsEpoch}`;
  if (params.previousResultId === resultId) return { kind: DocumentDiagnosticReportKind.Unchanged, resultId };
  return { kind: DocumentDiagnosticReportKind.Full, resultId, items: service.diagnostics(doc) };
});

registerFeatures({ connection, documents, get service() { return service; } });

documents.listen(connection);
connection.listen();
