/**
 * Loads the export bundle (dist/export.js, built from index.ts) from the folder of the running
 * bundle, on first use. Keeping it out of server.js and cli.js keeps their start-up as it was.
 */
import { join } from 'node:path';
import type * as Export from './index';

let loaded: typeof Export | undefined;

export function loadExport(): typeof Export {
  // A computed path: esbuild leaves this require alone, and Node resolves it next to this bundle.
  const file = join(__dirname, 'export.js');
  loaded ??= require(file) as typeof Export;
  return loaded;
}
