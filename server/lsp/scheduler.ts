/**
 * When push diagnostics are checked and published. Every change is checked at once, except that
 * a large document, while the user types faster than one check takes, waits briefly for typing
 * to pause. Rapid changes coalesce into one check of the newest version, and a result for a
 * version that is no longer current is dropped, never published.
 */
import type { TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';

/** Documents with more lines than this may wait for typing to pause... */
const LARGE_DOCUMENT_LINES = 5000;
/** ...but never longer than this (ms). */
const LARGE_DOCUMENT_DELAY_MS = 150;

interface State {
  cancel?: () => void;
  /** When the document last changed (performance.now()). */
  changedAt: number;
  /** How long its last check took (ms). */
  checkMs: number;
}

export class DiagnosticScheduler {
  private readonly states = new Map<string, State>();

  constructor(
    private readonly documents: TextDocuments<TextDocument>,
    /** Checks the document and publishes its diagnostics if `version` is still current. */
    private readonly publish: (doc: TextDocument) => void,
  ) {}

  schedule(doc: TextDocument): void {
    const c = this.states.get(doc.uri) ?? { changedAt: -Infinity, checkMs: 0 };
    this.states.set(doc.uri, c);
    c.cancel?.();
    const now = performance.now();
    const typingFast = now - c.changedAt < c.checkMs;
    c.changedAt = now;
    const run = () => {
      c.cancel = undefined;
      const current = this.documents.get(doc.uri);
      if (!current) return;
      const t0 = performance.now();
      this.publish(current);
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

  scheduleAll(): void {
    for (const doc of this.documents.all()) this.schedule(doc);
  }

  forget(uri: string): void {
    this.states.get(uri)?.cancel?.();
    this.states.delete(uri);
  }
}
