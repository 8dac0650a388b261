/**
 * The import graph is a ladder, and this test holds it to the ladder the README draws:
 *   rules <- engine <- report, host <- lsp, export <- cli, server.ts; the client sees the protocol,
 *   the report's renderers and rules only.
 * Every relative import counts (type-only ones too), followed transitively: a file may reach only
 * the layers its own layer may import. A computed `require` or `import()` must be declared below
 * with what it loads, or the test fails. `engine/` and `report/` touch neither the disk nor processes.
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
    else if (/\.(ts|mts|mjs)$/.test(name)) out.push(rel.split('\\').join('/'));
  }
  return out;
}

/**
 * Computed loads, by the file that makes them, with the module each loads. The export bundle is
 * loaded from its file beside the running bundle (`dist/export.js`, built from server/export/index.ts).
 */
const COMPUTED: Record<string, readonly string[]> = {
  'server/export/load.ts': ['server/export/index'],
  // A native module from node_modules, optional at run time.
  'server/export/raster.ts': [],
};

type Read = (file: string) => string;
const readSource: Read = (f) => readFileSync(join(root, f), 'utf8');

/** The relative imports of a file (static, re-exports, `import()` and `require` of literals), resolved to repository paths without extension. */
export function importsOf(file: string, read: Read = readSource): string[] {
  const text = read(file);
  const out: string[] = [];
  const re = /(?:^|[\s;])(?:import|export)\b[^'";]*?\bfrom\s*['"](\.{1,2}\/[^'"]+)['"]|(?:^|[\s;])import\s*['"](\.{1,2}\/[^'"]+)['"]|\b(?:import|require)\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/gm;
  for (const m of text.matchAll(re)) {
    const spec = m[1] ?? m[2] ?? m[3];
    out.push(relative(root, resolve(root, dirname(file), spec)).split('\\').join('/').replace(/\.(ts|js|mjs)$/, ''));
  }
  return [...out, ...(COMPUTED[file] ?? [])];
}

/** `require(...)` or `import(...)` of anything but a string literal, by line, in a file not declared in COMPUTED. */
export function undeclaredComputedLoads(file: string, read: Read = readSource): string[] {
  if (file in COMPUTED) return [];
  const out: string[] = [];
  read(file).split('\n').forEach((line, i) => {
    const code = line.replace(/\/\/.*$/, '');
    if (/\b(?:require|import)\(\s*(?!['"`][^'"`$]*['"`]\s*\))[^)\s]/.test(code) && !/^\s*\*/.test(code)) out.push(`${file}:${i + 1}: ${line.trim()}`);
  });
  return out;
}

/** Which layer a repository path (without extension) belongs to. */
export function layer(path: string): string {
  const p = path.replace(/\.(ts|mts|mjs)$/, '');
  if (p.startsWith('rules/')) return 'rules';
  if (p.startsWith('server/engine/')) return 'engine';
  if (p.startsWith('server/report/')) return 'report';
  if (p.startsWith('server/host/')) return 'host';
  if (p === 'server/lsp/protocol') return 'protocol';
  if (p.startsWith('server/lsp/')) return 'lsp';
  if (p.startsWith('server/export/')) return 'export';
  if (p.startsWith('server/cli/')) return 'cli';
  if (p === 'server/server') return 'server';
  if (p.startsWith('client/')) return 'client';
  return 'other';
}

/** For each layer, the layers it may reach (directly or through other files). */
export const ALLOWED: Record<string, readonly string[]> = {
  rules: ['rules'],
  engine: ['engine', 'rules'],
  report: ['report', 'engine', 'rules'],
  host: ['host', 'engine', 'rules'],
  protocol: ['protocol', 'report', 'engine', 'rules'],
  lsp: ['lsp', 'protocol', 'report', 'host', 'engine', 'rules'],
  export: ['export', 'report', 'host', 'engine', 'rules'],
  cli: ['cli', 'export', 'report', 'host', 'engine', 'rules'],
  server: ['server', 'lsp', 'protocol', 'export', 'report', 'host', 'engine', 'rules'],
  client: ['client', 'protocol', 'report', 'rules'],
};

/** Every violation: a file that reaches, through any chain of imports, a layer its own layer may not. */
export function violations(files: string[], read: Read = readSource): string[] {
  const known = new Set(files.map((f) => f.replace(/\.(ts|mts|mjs)$/, '')));
  const fileOf = (p: string) => files.find((f) => f.replace(/\.(ts|mts|mjs)$/, '') === p || f.replace(/\.(ts|mts|mjs)$/, '') === `${p}/index`);
  const edges = new Map<string, string[]>();
  const next = (p: string): string[] => {
    if (!edges.has(p)) {
      const f = fileOf(p);
      edges.set(p, f ? importsOf(f, read).map((t) => (known.has(t) ? t : known.has(`${t}/index`) ? `${t}/index` : t)) : []);
    }
    return edges.get(p)!;
  };
  const bad: string[] = [];
  for (const f of files) {
    const start = f.replace(/\.(ts|mts|mjs)$/, '');
    const from = layer(start);
    const allowed = ALLOWED[from];
    if (!allowed) continue;
    // Breadth-first, remembering how each file was reached, so the message shows the chain.
    const via = new Map<string, string>([[start, '']]);
    const queue = [start];
    while (queue.length) {
      const cur = queue.shift()!;
      for (const t of next(cur)) {
        if (via.has(t)) continue;
        via.set(t, cur);
        const to = layer(t);
        if (to !== 'other' && !allowed.includes(to)) {
          const chain = [t];
          for (let c = cur; c; c = via.get(c)!) chain.unshift(c);
          bad.push(`${from} reaches ${to}: ${chain.join(' -> ')}`);
          continue;
        }
        queue.push(t);
      }
    }
  }
  return bad;
}

describe('layering', () => {
  const files = [...sourceFiles('rules'), ...sourceFiles('server'), ...sourceFiles('client')];

  it('reads the source tree', () => {
    assert.ok(files.length > 60, `only ${files.length} source files found`);
    for (const l of Object.keys(ALLOWED)) assert.ok(files.some((f) => layer(f) === l), `no file in layer ${l}`);
    assert.deepEqual(files.filter((f) => layer(f) === 'other'), [], 'every source file is in a layer');
  });

  it('has no import, direct or transitive, that runs against the ladder', () => {
    assert.deepEqual(violations(files), []);
  });

  it('has no computed require or import() that it cannot follow', () => {
    assert.deepEqual(files.flatMap((f) => undeclaredComputedLoads(f)), []);
  });

  it('keeps the disk and processes out of engine/ and report/, and VS Code out of everything but the client', () => {
    for (const f of files) {
      const text = readFileSync(join(root, f), 'utf8');
      if (['engine', 'report'].includes(layer(f))) assert.doesNotMatch(text, /from\s*['"]node:(fs|child_process)['"]|require\(\s*['"](node:)?(fs|child_process)['"]/, f);
      if (layer(f) !== 'client') assert.doesNotMatch(text, /from\s*['"]vscode['"]|require\(\s*['"]vscode['"]/, f);
    }
  });

  it('would notice a direct, a transitive and a computed violation', () => {
    const fake: Record<string, string> = {
      'rules/x.ts': "import { check } from '../server/engine/engine';\n",
      'server/cli/y.ts': "import { z } from '../export/z';\n",
      'server/export/z.ts': "import type { DescriptorService } from '../lsp/service';\nexport const z = 1;\n",
      'server/lsp/service.ts': '',
      'server/engine/engine.ts': '',
      'server/report/w.ts': "const m = require(join(__dirname, 'm.js'));\n",
    };
    const found = violations(Object.keys(fake), (f) => fake[f] ?? '');
    assert.ok(found.some((v) => v.startsWith('rules reaches engine')), found.join('\n'));
    assert.ok(found.some((v) => v === 'cli reaches lsp: server/cli/y -> server/export/z -> server/lsp/service'), found.join('\n'));
    assert.ok(found.some((v) => v.startsWith('export reaches lsp')), found.join('\n'));
    assert.equal(undeclaredComputedLoads('server/report/w.ts', (f) => fake[f]).length, 1);
  });
});
