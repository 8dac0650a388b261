/**
 * The import graph runs one way: client -> server/lsp/protocol, server -> rules, lsp -> engine,
 * cli -> engine. This test reads every source file's relative imports and fails on an arrow that
 * runs the other way, so a layering slip shows up in `npm test`, not in a later review.
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const root = process.cwd();

function sourceFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(join(root, dir))) {
    const rel = join(dir, name);
    if (statSync(join(root, rel)).isDirectory()) out.push(...sourceFiles(rel));
    else if (/\.(ts|mts|mjs)$/.test(name)) out.push(rel);
  }
  return out;
}

/** Relative import specifiers of a file, resolved to repository paths. */
export function importsOf(file: string, text = readFileSync(join(root, file), 'utf8')): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(/(?:^|\s)(?:import|export)\b[^'"]*?from\s*['"](\.{1,2}\/[^'"]+)['"]|import\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/gm)) {
    const spec = m[1] ?? m[2];
    out.push(relative(root, resolve(root, dirname(file), spec)).split('\\').join('/'));
  }
  return out;
}

/** Which layer a repository path belongs to. */
function layer(path: string): string {
  if (path.startsWith('rules/')) return 'rules';
  if (path.startsWith('server/engine/')) return 'engine';
  if (path.startsWith('server/lsp/protocol')) return 'protocol';
  if (path.startsWith('server/lsp/')) return 'lsp';
  if (path.startsWith('server/cli/')) return 'cli';
  if (path.startsWith('server/')) return 'server';
  if (path.startsWith('client/')) return 'client';
  return 'other';
}

/** For each layer, the layers it may import. */
const ALLOWED: Record<string, readonly string[]> = {
  rules: ['rules'],
  engine: ['engine', 'rules'],
  protocol: ['protocol'],
  lsp: ['lsp', 'protocol', 'engine', 'rules'],
  cli: ['cli', 'engine', 'rules'],
  server: ['server', 'lsp', 'protocol', 'engine', 'rules'],
  client: ['client', 'protocol', 'engine', 'rules'],
};

export function violations(files: string[], read?: (f: string) => string): string[] {
  const bad: string[] = [];
  for (const f of files) {
    const from = layer(f);
    const allowed = ALLOWED[from];
    if (!allowed) continue;
    for (const target of importsOf(f, read?.(f))) {
      const to = layer(target);
      if (to !== 'other' && !allowed.includes(to)) bad.push(`${f} (${from}) imports ${target} (${to})`);
    }
  }
  return bad;
}

describe('layering', () => {
  const files = [...sourceFiles('rules'), ...sourceFiles('server'), ...sourceFiles('client')];

  it('reads the source tree', () => {
    assert.ok(files.length > 60, `only ${files.length} source files found`);
    assert.ok(files.some((f) => f.startsWith('rules/domain/')));
  });

  it('has no import that runs against the layers', () => {
    assert.deepEqual(violations(files), []);
  });

  it('would notice an import from rules/ into server/', () => {
    const fake = { 'rules/x.ts': "import { check } from '../server/engine/engine';\n", 'server/lsp/y.ts': "import { main } from '../cli/cli';\n" };
    const found = violations(Object.keys(fake), (f) => fake[f as keyof typeof fake]);
    assert.equal(found.length, 2, found.join('\n'));
  });
});
