/**
 * A real JSON-RPC client for the bundled server over stdio, for tests. Waits on notifications,
 * never on timers.
 */
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createProtocolConnection,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ExitNotification,
  InitializedNotification,
  InitializeRequest,
  PublishDiagnosticsNotification,
  ShutdownRequest,
  StreamMessageReader,
  StreamMessageWriter,
  type ClientCapabilities,
  type Diagnostic,
  type InitializeResult,
  type ProtocolConnection,
  type PublishDiagnosticsParams,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';

export const DIST = process.env.DESCRIPTOR_DIST ?? join(process.cwd(), 'dist');
export const SERVER = join(DIST, 'server.js');

export interface StartOptions {
  capabilities?: ClientCapabilities;
  locale?: string;
  initializationOptions?: unknown;
  /** Answers to workspace/configuration, by section. */
  configuration?: Record<string, unknown>;
  rootDir?: string;
  /** Workspace folders (paths), sent as `workspaceFolders`. */
  workspaceFolders?: string[];
  /** The server's environment (the test's own when not given). */
  env?: NodeJS.ProcessEnv;
}

export class TestClient {
  readonly connection: ProtocolConnection;
  readonly process: ChildProcessWithoutNullStreams;
  initializeResult!: InitializeResult;
  stderr = '';
  private readonly latest = new Map<string, PublishDiagnosticsParams>();
  private waiters: { uri: string; test: (p: PublishDiagnosticsParams) => boolean; resolve: (p: PublishDiagnosticsParams) => void }[] = [];
  private readonly versions = new Map<string, number>();
  private readonly listeners: ((p: PublishDiagnosticsParams) => void)[] = [];
  exited: Promise<number | null>;

  private constructor(opts: StartOptions) {
    this.process = spawn(process.execPath, [SERVER, '--stdio'], { stdio: 'pipe', env: opts.env ?? process.env });
    this.process.stderr.on('data', (d) => (this.stderr += String(d)));
    this.exited = new Promise((resolve) => this.process.on('exit', (code) => resolve(code)));
    this.connection = createProtocolConnection(new StreamMessageReader(this.process.stdout), new StreamMessageWriter(this.process.stdin));
    this.connection.onNotification(PublishDiagnosticsNotification.type, (p) => {
      this.latest.set(p.uri, p);
      for (const l of this.listeners) l(p);
      const ready = this.waiters.filter((w) => w.uri === p.uri && w.test(p));
      this.waiters = this.waiters.filter((w) => !ready.includes(w));
      for (const w of ready) w.resolve(p);
    });
    this.connection.onRequest('workspace/configuration', (params: { items: { section?: string }[] }) =>
      params.items.map((i) => (i.section ? opts.configuration?.[i.section] ?? null : null)),
    );
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('workspace/diagnostic/refresh', () => null);
    this.connection.listen();
  }

  static async start(opts: StartOptions = {}): Promise<TestClient> {
    const c = new TestClient(opts);
    c.initializeResult = await c.connection.sendRequest(InitializeRequest.type, {
      processId: process.pid,
      rootUri: opts.rootDir ? pathToFileURL(opts.rootDir).href : null,
      ...(opts.workspaceFolders ? { workspaceFolders: opts.workspaceFolders.map((f) => ({ uri: pathToFileURL(f).href, name: f })) } : {}),
      capabilities: opts.capabilities ?? { workspace: { configuration: opts.configuration !== undefined } },
      locale: opts.locale,
      initializationOptions: opts.initializationOptions,
    });
    await c.connection.sendNotification(InitializedNotification.type, {});
    return c;
  }

  /** Sees every publishDiagnostics (JSON-RPC allows one handler per method; this fans out). */
  onDiagnostics(listener: (p: PublishDiagnosticsParams) => void): void {
    this.listeners.push(listener);
  }

  /** Resolves with the next diagnostics for `uri` that pass `test` (or the latest, if it already does). */
  diagnostics(uri: string, test: (p: PublishDiagnosticsParams) => boolean = () => true, opts: { fresh?: boolean } = {}): Promise<PublishDiagnosticsParams> {
    const have = this.latest.get(uri);
    if (!opts.fresh && have && test(have)) return Promise.resolve(have);
    return new Promise((resolve) => this.waiters.push({ uri, test, resolve }));
  }

  /**
   * The first diagnostics for `uri` that pass `test`, or, when none has come within `ms`, the latest
   * (so the caller's assertion fails with a message instead of a mocha timeout).
   */
  diagnosticsWithin(uri: string, test: (p: PublishDiagnosticsParams) => boolean, ms = 5000): Promise<PublishDiagnosticsParams | undefined> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(this.latest.get(uri)), ms);
      void this.diagnostics(uri, test).then((p) => {
        clearTimeout(timer);
        resolve(p);
      });
    });
  }

  /** Diagnostics published for exactly this version of the document. */
  diagnosticsFor(uri: string, version: number): Promise<Diagnostic[]> {
    return this.diagnostics(uri, (p) => p.version === version).then((p) => p.diagnostics);
  }

  async open(uri: string, text: string, languageId = 'project-descriptor'): Promise<number> {
    this.versions.set(uri, 1);
    await this.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId, version: 1, text } });
    return 1;
  }

  async change(uri: string, changes: TextDocumentContentChangeEvent[]): Promise<number> {
    const version = (this.versions.get(uri) ?? 1) + 1;
    this.versions.set(uri, version);
    await this.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: changes });
    return version;
  }

  async close(uri: string): Promise<void> {
    await this.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
  }

  async stop(): Promise<void> {
    try {
      await this.connection.sendRequest(ShutdownRequest.type);
      await this.connection.sendNotification(ExitNotification.type);
    } catch {
      // already gone
    }
    await this.exited;
    this.connection.dispose();
  }
}

/** Finds `needle` in `text` and returns its 0-based line/character. */
export function positionOf(text: string, needle: string, occurrence = 0): { line: number; character: number } {
  let idx = -1;
  for (let i = 0; i <= occurrence; i++) {
    idx = text.indexOf(needle, idx + 1);
    if (idx === -1) throw new Error(`${needle} not found`);
  }
  const before = text.slice(0, idx);
  const line = before.split('\n').length - 1;
  return { line, character: idx - (before.lastIndexOf('\n') + 1) };
}
