/**
 * Writes docs/sources.md, the table of every catalogue source, from rules/sources.yaml.
 *   npm run docs         write the page
 *   npm run docs:check   fail when the page is out of date
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sourcesPage } from '../rules/sources-page';

const check = process.argv.includes('--check');
const file = join(process.cwd(), 'docs', 'sources.md');
const next = sourcesPage();
const old = existsSync(file) ? readFileSync(file, 'utf8') : '';
if (next !== old) {
  if (check) {
    console.error('out of date: docs/sources.md: run npm run docs');
    process.exit(1);
  }
  writeFileSync(file, next);
  console.log('wrote: docs/sources.md');
}
