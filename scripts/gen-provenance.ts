/**
 * Writes the maintainers' provenance pages, docs/provenance/provisions.md and docs/provenance/sources.md,
 * from rules/provisions.yaml and rules/sources.yaml.
 *   npm run docs         write the pages
 *   npm run docs:check   fail when a page is out of date
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { provisionsProvenancePage, sourcesProvenancePage } from '../rules/provenance-page';

const check = process.argv.includes('--check');
const dir = join(process.cwd(), 'docs', 'provenance');
let stale = 0;
for (const [name, text] of [['provisions.md', provisionsProvenancePage()], ['sources.md', sourcesProvenancePage()]] as const) {
  const file = join(dir, name);
  if (existsSync(file) && readFileSync(file, 'utf8') === text) continue;
  stale++;
  if (!check) {
    mkdirSync(dir, { recursive: true });
    writeFileSync(file, text);
  }
  console.log(`${check ? 'out of date' : 'wrote'}: docs/provenance/${name}`);
}
if (check && stale) {
  console.error(`${stale} page(s) out of date: run npm run docs`);
  process.exit(1);
}
