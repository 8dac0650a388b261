/**
 * Writes the generated part of each docs/rules/<id>.md from the rule metadata and the provisions
 * catalogue (the hand-written rationale and examples below the marker are kept), and the JSON
 * schema of `.descriptor-check.yaml` (schemas/descriptor-check.schema.json) from the registry.
 *   npm run docs         write the pages
 *   npm run docs:check   fail when a page is out of date
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ruleMetas } from '../rules';
import { generatedSection, norwegianPage, START, END, NB_START, NB_END } from '../rules/doc-page';
import { configSchema } from '../server/host/config';

const check = process.argv.includes('--check');
const root = process.cwd();
let stale = 0;
for (const meta of ruleMetas) {
  const file = join(root, 'docs', 'rules', `${meta.id}.md`);
  const old = existsSync(file) ? readFileSync(file, 'utf8') : `${START}\n${END}\n`;
  const s = old.indexOf('<!-- generated:start');
  const e = old.indexOf(END);
  const rest = s !== -1 && e !== -1 ? old.slice(e + END.length) : `\n${old}`;
  const next = `${generatedSection(meta)}${rest}`;
  if (next !== old) {
    stale++;
    if (!check) writeFileSync(file, next);
    console.log(`${check ? 'out of date' : 'wrote'}: docs/rules/${meta.id}.md`);
  }
  const nbFile = join(root, 'docs', 'rules', 'nb', `${meta.id}.md`);
  // The Norwegian page: the generated part, then the rationale and examples written by hand below its marker.
  const nbOld = existsSync(nbFile) ? readFileSync(nbFile, 'utf8') : `${NB_START}\n${NB_END}\n`;
  const ns = nbOld.indexOf('<!-- generert:start');
  const ne = nbOld.indexOf(NB_END);
  const nbRest = ns !== -1 && ne !== -1 ? nbOld.slice(ne + NB_END.length) : '\n';
  const nb = `${norwegianPage(meta)}${nbRest}`;
  if (nb !== nbOld) {
    stale++;
    if (!check) {
      mkdirSync(join(root, 'docs', 'rules', 'nb'), { recursive: true });
      writeFileSync(nbFile, nb);
    }
    console.log(`${check ? 'out of date' : 'wrote'}: docs/rules/nb/${meta.id}.md`);
  }
}
const schemaFile = join(root, 'schemas', 'descriptor-check.schema.json');
const schemaText = `${JSON.stringify(configSchema(), null, 2)}\n`;
if (!existsSync(schemaFile) || readFileSync(schemaFile, 'utf8') !== schemaText) {
  stale++;
  if (!check) writeFileSync(schemaFile, schemaText);
  console.log(`${check ? 'out of date' : 'wrote'}: schemas/descriptor-check.schema.json`);
}
if (check && stale) {
  console.error(`${stale} page(s) out of date: run npm run docs`);
  process.exit(1);
}
