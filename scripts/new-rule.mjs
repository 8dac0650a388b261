#!/usr/bin/env node
// Scaffolds a rule: rules/<id>.ts, its fixtures, its documentation page, its registry entry and
// its `descriptor.rules.<id>` setting in package.json.
// Usage: npm run new-rule <id> [severity]   (DESCRIPTOR_ROOT=<dir> scaffolds into another checkout)
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = process.env.DESCRIPTOR_ROOT ?? join(dirname(fileURLToPath(import.meta.url)), '..');
const [id, severity = 'warning'] = process.argv.slice(2);
if (!id || !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id)) {
  console.error('usage: npm run new-rule <kebab-case-id> [error|warning|information]');
  process.exit(2);
}
if (!['error', 'warning', 'information'].includes(severity)) {
  console.error(`unknown severity ${severity}: use error, warning or information`);
  process.exit(2);
}
const camel = id.replace(/-([a-z0-9])/g, (_, c) => c.toUpperCase());
const wrote = [];
const write = (rel, text) => {
  const file = join(root, rel);
  if (existsSync(file)) return;
  mkdirSync(dirname(file), { recursive: true });
  writeFileSync(file, text);
  wrote.push(rel);
};

write(
  `rules/${id}.ts`,
  `import { defineRule } from './rule';

export default defineRule({
  id: '${id}',
  severity: '${severity}',
  description: { en: 'TODO: one line, what the rule checks', nb: 'TODO: én linje, hva regelen sjekker' },
  remediation: { en: 'TODO: what to do about a finding', nb: 'TODO: hva man gjør med et funn' },
  provisions: [],
  seed: { file: 'TODO.txt', quote: 'TODO: the seed sentence this rule comes from' },
  fixes: [],
  messages: {
    main: { en: 'TODO', nb: 'TODO' },
  },
  check({ model, report }) {
    void model;
    void report;
  },
});
`,
);

const fixture = (kind) => `# ${kind} case for ${id}. Mark each line where a finding of this rule starts with a
# trailing comment "# expect: ${id}" (invalid cases only).
descriptor: 1
project:
  title: Example
  institution: Example HF
purpose:
  category: health-research
data_sources:
  - id: epj
    source: patient-records
`;
write(`test/fixtures/rules/${id}/valid/basic.yaml`, fixture('Valid'));
write(`test/fixtures/rules/${id}/invalid/basic.yaml`, fixture('Invalid'));

write(
  `docs/rules/${id}.md`,
  `<!-- generated:start -->
<!-- generated:end -->

## Why

TODO: the rationale a caseworker would give, in plain words.

## Examples

A descriptor that gets this finding:

\`\`\`yaml
TODO
\`\`\`

The same descriptor, fixed:

\`\`\`yaml
TODO
\`\`\`
`,
);

const registry = join(root, 'rules/index.ts');
let reg = readFileSync(registry, 'utf8');
if (!reg.includes(`from './${id}'`)) {
  reg = reg.replace('// new-rule: imports above', `import ${camel} from './${id}';\n// new-rule: imports above`);
  reg = reg.replace('  // new-rule: entries above', `  ${camel},\n  // new-rule: entries above`);
  writeFileSync(registry, reg);
  wrote.push('rules/index.ts (registered)');
}
const pkgFile = join(root, 'package.json');
const pkg = JSON.parse(readFileSync(pkgFile, 'utf8'));
const ruleSettings = pkg.contributes.configuration.properties['descriptor.rules'].properties;
if (!ruleSettings[id]) {
  ruleSettings[id] = { type: 'string', enum: ['off', 'information', 'warning', 'error'] };
  writeFileSync(pkgFile, JSON.stringify(pkg, null, 2) + '\n');
  wrote.push('package.json (descriptor.rules setting)');
}
console.log(wrote.length ? `wrote:\n  ${wrote.join('\n  ')}` : `${id} exists already; nothing written`);
console.log('next: write the check, the messages, the fixtures, the docs; then `npm run docs` and `npm test`.');
