/**
 * The export as one bundle of its own (dist/export.js): the Word and spreadsheet writers are large,
 * so the language server and the CLI load this only when asked for a package (see load.ts).
 */
export { buildPackage, type BuiltPackage, type PackageFile, type PackageOptions } from './package';
export { checkTarget, ExportRefused, writePackage } from './write';
export { buildPortfolioFiles, PORTFOLIO_FILES } from './portfolio';

import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import type { Lang } from '../../rules/domain/types';
import { Host } from '../host/analyze';

/** Analyses `text` as the descriptor at `file` through the host's one pipeline (for the benchmark, which loads this bundle alone). */
export function analyzeFile(file: string, text: string, lang?: Lang) {
  return new Host().analyze({ uri: pathToFileURL(resolve(file)).href, text, lang });
}
