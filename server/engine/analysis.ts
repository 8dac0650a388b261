/**
 * An analysis: one descriptor checked, with what the features, the report and the export need to
 * know about how it was checked (its language, its folder, the options). Made by
 * `server/host/analyze.ts`, the one pipeline of the editor, the CLI and the export.
 */
import { fileURLToPath } from 'node:url';
import type { Lang } from '../../rules/domain/types';
import type { CheckOptions, CheckOutput } from './engine';

export interface Analysis extends CheckOutput {
  uri: string;
  version: number;
  lang: Lang;
  /** The folder of the descriptor on disk, when it has one. */
  dir?: string;
  /** The options the check ran with; fix-all re-checks with the same ones. */
  options: CheckOptions;
  /** The workspace configuration file that applied, if any. */
  configFile?: string;
}

/** The path of a `file:` URI; undefined for other schemes (an unsaved document). */
export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}
