/** Analyses a text as the descriptor at `file`, through the host's one pipeline (as the CLI and the editor do). */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Lang } from '../../rules/domain/types';
import { Host } from '../../server/host/analyze';

export function analyzeFile(file: string, text: string, lang?: Lang) {
  return new Host().analyze({ uri: pathToFileURL(resolve(file)).href, text, lang });
}
