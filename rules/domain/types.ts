/**
 * Types shared by the engine, the rules, the language server and the CLI.
 * Rules report paths and message ids; the engine turns them into ranges and text.
 */

export type Lang = 'en' | 'nb';

/** A text in both languages the product speaks. */
export interface Localized {
  en: string;
  nb: string;
}

export type Severity = 'error' | 'warning' | 'information';
export type SeveritySetting = Severity | 'off';

/** A path into the descriptor: mapping keys and sequence indexes. */
export type Path = ReadonlyArray<string | number>;

/** Which part of the node at `path` a finding points at. */
export type Target = 'value' | 'key';

/**
 * A mechanical repair, described as data so that the language server, the CLI's `--fix`
 * and tests apply it the same way. Paths are resolved against the YAML document when applied.
 */
export type FixEdit =
  /** Replace the scalar at `path` with `value`. */
  | { op: 'set'; path: Path; value: string | number | boolean }
  /** Append `item` to the sequence at `path`, creating the sequence (and missing parents) if needed. */
  | { op: 'append'; path: Path; item: unknown }
  /** Add `key: value` to the mapping at `path`, creating missing parents; no-op if the key exists. */
  | { op: 'insert'; path: Path; key: string; value: unknown }
  /** Remove the mapping entry or sequence item at `path`. */
  | { op: 'delete'; path: Path }
  /** Rename the mapping key at `path` (last segment) to `key`. */
  | { op: 'rename-key'; path: Path; key: string };

export interface Fix {
  /** Stable id, listed in the rule's metadata (`fixes`). */
  id: string;
  title: Localized;
  /** True when this is the one safe fix (quick fix `isPreferred`, applied by fix-all and `--fix`). */
  preferred?: boolean;
  edits: FixEdit[];
}

/** What a rule reports. No ranges, no Diagnostic objects: the engine maps the path. */
export interface Finding {
  path: Path;
  target?: Target;
  /** Key into the rule's `messages`. */
  message: string;
  /** Values for the message's placeholders; a `Localized` value is picked in the user's language. */
  args?: Record<string, string | number | Localized>;
  fixes?: Fix[];
  /** Extra facts for hover and quick fixes (e.g. allowed values). */
  data?: Record<string, unknown>;
}

/** A finding placed in the document, in the user's language. */
export interface Result {
  rule: string;
  severity: Severity;
  message: string;
  /** Offsets into the text, end exclusive. */
  start: number;
  end: number;
  /** 0-based line and UTF-16 column, as LSP wants them. */
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  fixes: Fix[];
  data?: Record<string, unknown>;
}

/** Diagnostic `data` sent to the client: what code actions need, nothing else. */
export interface DiagnosticData {
  rule: string;
  fixes: Fix[];
  extra?: Record<string, unknown>;
}
