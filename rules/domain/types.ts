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

export type Fix<F extends string = string> = {
  /** Stable id, listed in the rule's metadata (`fixes`); typed by `defineRule`, so a misspelled id does not compile. */
  id: F;
  title: Localized;
  edits: FixEdit[];
} & (
  | {
      /** True when this is the one safe fix (quick fix `isPreferred`, applied by fix-all and `--fix`). */
      preferred?: boolean;
      guess?: false;
    }
  | {
      preferred?: false;
      /**
       * A "did you mean": the known value nearest to what was written (a variable name, a source
       * id, a purpose, an approval's kind or status). Only the user knows what was meant, so a guess
       * is offered as a quick fix but is never preferred, and fix-all never applies it, even when it
       * is the only one near. The type keeps it from being preferred as well.
       */
      guess: true;
    }
);

/** What a rule reports. No ranges, no Diagnostic objects: the engine maps the path. */
export interface Finding<M extends string = string, F extends string = string> {
  path: Path;
  target?: Target;
  /** Key into the rule's `messages`; typed by `defineRule`. */
  message: M;
  /** Values for the message's placeholders; a `Localized` value is picked in the user's language. */
  args?: Record<string, string | number | Localized>;
  fixes?: Fix<F>[];
  /** Extra facts for hover and quick fixes (e.g. allowed values). */
  data?: Record<string, unknown>;
  /** A lower severity for this finding than the rule's default (never higher); a severity the user set for the rule wins. */
  severity?: Severity;
}
