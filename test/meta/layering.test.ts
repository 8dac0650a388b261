/**
 * The import graph runs one way: client -> server/lsp/protocol, server -> rules, lsp -> engine,
 * cli -> engine, cli and server -> export -> lsp, and export -> the preview's pure renderers
 * (client/preview/render and linkage-diagram, a layer of their own that imports only the protocol). This test reads every source file's relative imports and fails on an arrow that
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
/** The preview's renderers: pure functions of the requirements model, shared by the client and the export. */
const RENDER = ['client/preview/render', 'client/preview/linkage-diagram'];

function layer(path: string): string {
  if (path.startsWith('rules/')) return 'rules';
  if (RENDER.some((r) => path === r || path.startsWith(`${r}.`))) return 'render';
  if (path.startsWith('server/export/')) return 'export';
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
  cli: ['cli', 'export', 'engine', 'rules'],
  server: ['server', 'export', 'lsp', 'protocol', 'engine', 'rules'],
  client: ['client', 'render', 'protocol', 'engine', 'rules'],
  // The renderers see only the model's shape, so the server's export can use them without VS Code.
  render: ['render', 'protocol', 'rules'],
  // The application package: built on the server's analysis (lsp), drawn with the preview's renderers.
  export: ['export', 'render', 'lsp', 'protocol', 'engine', 'rules'],
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

  it('keeps the renderers free of VS Code, so the server and the CLI can bundle them', () => {
    const renderers = files.filter((f) => layer(f.replace(/\.ts$/, '')) === 'render');
    assert.equal(renderers.length, RENDER.length, renderers.join(', '));
    for (const f of renderers) assert.doesNotMatch(readFileSync(join(root, f), 'utf8'), /from\s*['"]vscode['"]|require\(\s*['"]vscode['"]/, f);
  });

  it('would notice an import from rules/ into server/', () => {
    const fake = { 'rules/x.ts': "import { check } from '../server/engine/engine';\n", 'server/lsp/y.ts': "import { main } from '../cli/cli';\n" };
    const found = violations(Object.keys(fake), (f) => fake[f as keyof typeof fake]);
    assert.equal(found.length, 2, found.join('\n'));
  });
});
