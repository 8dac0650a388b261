// The one build: client, server, CLI, webview, tools and tests, bundled into dist/.
// `node esbuild.mjs` builds once; `--watch` rebuilds on change; `--production` minifies.
import * as esbuild from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync, readdirSync, statSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';

const watch = process.argv.includes('--watch');
// --outdir=DIR builds elsewhere (parallel work in one checkout); tests find it through DESCRIPTOR_DIST.
const out = (process.argv.find((a) => a.startsWith('--outdir=')) ?? '--outdir=dist').slice('--outdir='.length);
const production = process.argv.includes('--production');

/**
 * YAML data files (rules/*.yaml) are parsed at build time and shipped as JSON, which the bundle hands
 * to JSON.parse: a string costs V8 next to nothing to compile, and JSON.parse reads data faster than
 * an object literal of the same size is compiled and run. The catalogues (SHARED) are read by the
 * server, the CLI and the export alike: in the shipped bundles they are one file each beside them
 * (dist/sources.json), read on first use, so the package holds them once; other bundles inline them.
 */
const SHARED = new Set(['sources.yaml', 'provisions.yaml']);
const sharedWritten = new Map();
/** A YAML file as JSON text, parsed once per version of the file (several bundles load the same one). */
const yamlCache = new Map();
const yamlData = (path) => {
  const text = readFileSync(path, 'utf8');
  const hit = yamlCache.get(path);
  if (hit?.text === text) return hit.json;
  const json = JSON.stringify(parse(text));
  yamlCache.set(path, { text, json });
  return json;
};
const yamlPlugin = (shared = false) => ({
  name: 'yaml-data',
  setup(build) {
    build.onLoad({ filter: /\.yaml$/ }, (args) => {
      const name = args.path.split(/[\\/]/).pop();
      if (shared && SHARED.has(name)) {
        const file = name.replace(/\.yaml$/, '.json');
        const data = yamlData(args.path);
        // Each shipped bundle loads it: write it once per content, not once per bundle.
        if (sharedWritten.get(file) !== data) {
          mkdirSync(out, { recursive: true });
          writeFileSync(join(out, file), data);
          sharedWritten.set(file, data);
        }
        return { contents: `module.exports = JSON.parse(require('node:fs').readFileSync(require('node:path').join(__dirname, ${JSON.stringify(file)}), 'utf8'));`, loader: 'js', watchFiles: [args.path] };
      }
      return { contents: `module.exports = JSON.parse(${JSON.stringify(yamlData(args.path))});`, loader: 'js' };
    });
  },
});

/**
 * The descriptor schema compiled by ajv at build time into standalone validation code, so the
 * server and CLI neither compile the schema at start-up nor ship the ajv compiler.
 */
const schemaValidatorPlugin = {
  name: 'schema-validator',
  setup(build) {
    build.onResolve({ filter: /^virtual:schema-validator$/ }, () => ({ path: 'schema-validator', namespace: 'schema-validator' }));
    build.onLoad({ filter: /.*/, namespace: 'schema-validator' }, async () => {
      const { default: Ajv } = await import('ajv');
      const { default: standaloneCode } = await import('ajv/dist/standalone/index.js');
      const schemaFile = 'schemas/project-descriptor.schema.json';
      const ajv = new Ajv({ allErrors: true, strict: false, verbose: true, code: { source: true, optimize: true } });
      ajv.addKeyword('markdownDescription');
      ajv.addKeyword('markdownEnumDescriptions');
      const validate = ajv.compile(JSON.parse(readFileSync(schemaFile, 'utf8')));
      return { contents: standaloneCode(ajv, validate), loader: 'js', resolveDir: process.cwd(), watchFiles: [join(process.cwd(), schemaFile)] };
    });
  },
};

/**
 * In the language server's bundle, server/lsp/runtime.ts (the analysis and the editor features) is
 * not bundled: it is its own file, dist/analysis.js, loaded on first use from beside server.js, so
 * that the server answers `initialize` after reading a small file. Other bundles include it.
 */
const runtimeApart = {
  name: 'runtime-apart',
  setup(build) {
    build.onResolve({ filter: /(^|\/)runtime$/ }, (args) => {
      const target = join(args.resolveDir, args.path);
      if (relative(process.cwd(), target).split('\\').join('/') !== 'server/lsp/runtime') return undefined;
      return { path: 'analysis.js', namespace: 'runtime-apart' };
    });
    build.onLoad({ filter: /.*/, namespace: 'runtime-apart' }, () => ({
      contents: "module.exports = require(require('node:path').join(__dirname, 'analysis.js'));",
      loader: 'js',
    }));
  },
};


/**
 * In the language server's bundle, the Node modules the protocol library requires for transports
 * and helpers the server does not use at start-up (`net` for pipes and sockets, `crypto` for pipe
 * names, `child_process` for finding global modules) are loaded on first use instead of at start:
 * compiling them was a tenth of the time to answer `initialize`. Over stdio and IPC they are never
 * loaded.
 */
const lazyBuiltins = {
  name: 'lazy-builtins',
  setup(build) {
    build.onResolve({ filter: /^(node:)?(net|crypto|child_process)$/ }, (args) =>
      /node_modules[\\/]vscode-/.test(args.importer) ? { path: args.path.replace(/^node:/, ''), namespace: 'lazy-builtin' } : undefined,
    );
    build.onLoad({ filter: /.*/, namespace: 'lazy-builtin' }, (args) => ({
      contents: `let m;
const load = () => (m ??= require(${JSON.stringify('node:' + args.path)}));
module.exports = new Proxy({}, {
  get: (_, k) => load()[k],
  has: (_, k) => k in load(),
  ownKeys: () => Reflect.ownKeys(load()),
  getOwnPropertyDescriptor: (_, k) => { const d = Reflect.getOwnPropertyDescriptor(load(), k); return d && { ...d, configurable: true }; },
});`,
      loader: 'js',
    }));
  },
};

const common = {
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  sourcemap: production ? false : 'linked',
  minify: production,
  logLevel: 'warning',
  plugins: [yamlPlugin(), schemaValidatorPlugin],
  external: ['vscode'],
};

function files(dir, suffix) {
  const out = [];
  let entries = [];
  try {
    entries = readdirSync(dir);
  } catch {
    return out;
  }
  for (const name of entries) {
    const p = join(dir, name);
    if (statSync(p).isDirectory()) {
      if (name !== 'fixtures') out.push(...files(p, suffix));
    } else if (name.endsWith(suffix)) out.push(p);
  }
  return out;
}

const tests = files('test', '.test.ts');
// The shipped bundles read the catalogues from beside them (yamlPlugin).
const shipped = { ...common, plugins: [yamlPlugin(true), schemaValidatorPlugin] };
const builds = [
  { ...shipped, entryPoints: { client: 'client/extension.ts' }, outdir: out },
  { ...shipped, entryPoints: { server: 'server/server.ts' }, outdir: out, plugins: [...shipped.plugins, runtimeApart, lazyBuiltins] },
  { ...shipped, entryPoints: { analysis: 'server/lsp/runtime.ts' }, outdir: out },
  { ...shipped, entryPoints: { cli: 'server/cli/cli.ts' }, outdir: out, banner: { js: '#!/usr/bin/env node' } },
  // The application package (Word, spreadsheets, report), loaded by the server and the CLI on first use.
  { ...shipped, entryPoints: { export: 'server/export/index.ts' }, outdir: out },
  { ...common, entryPoints: { 'tools/gen-docs': 'scripts/gen-docs.ts', 'tools/gen-sources': 'scripts/gen-sources.ts', 'tools/gen-provenance': 'scripts/gen-provenance.ts' }, outdir: out },
];
if (tests.length) {
  builds.push({
    ...common,
    entryPoints: Object.fromEntries(tests.map((t) => [relative('test', t).replace(/\.ts$/, ''), t])),
    outdir: `${out}/test`,
    external: ['vscode', 'mocha', 'playwright-core'],
  });
}
// Extension-host suite (runs inside VS Code): one bundle, loaded by @vscode/test-electron or the e2e runner.
const vscodeSuite = files('test/vscode', '.ts').filter((f) => !f.endsWith('.test.ts'));
if (vscodeSuite.length) {
  builds.push({ ...common, entryPoints: { 'vscode-suite': 'test/vscode/index.ts' }, outdir: `${out}/test`, external: ['vscode', 'mocha'] });
}

const present = (b) => Object.values(b.entryPoints).every((p) => { try { return statSync(p).isFile(); } catch { return false; } });
const active = builds.filter(present);

if (!watch) rmSync(out, { recursive: true, force: true });
// The PNG renderer's WebAssembly, beside the bundles that load it (server/export/raster.ts).
mkdirSync(out, { recursive: true });
copyFileSync('node_modules/@resvg/resvg-wasm/index_bg.wasm', join(out, 'resvg.wasm'));
if (watch) {
  const contexts = await Promise.all(active.map((b) => esbuild.context(b)));
  await Promise.all(contexts.map((c) => c.watch()));
  console.log(`watching ${active.length} bundles`);
} else {
  await Promise.all(active.map((b) => esbuild.build(b)));
}
