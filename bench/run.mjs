// npm run bench: our bundled server against yaml-language-server (given our JSON Schema), both
// over stdio, on generated valid descriptors of about 200, 2,000 and 20,000 lines; plus the floor
// (`yaml` parse + ajv validation alone), the time to export the application package, and the
// portfolio of 1,000 descriptors beside the single-file check (bench/portfolio.mjs). Writes a
// Markdown table to bench/results/<date>.md.
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
const rpc = createRequire(import.meta.url)('vscode-languageserver-protocol/node');
import { generateDescriptor } from './generate.mjs';
import { portfolioBench, portfolioTable } from './portfolio.mjs';

const require = createRequire(import.meta.url);
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const SIZES = (process.env.BENCH_SIZES ?? '200,2000,20000').split(',').map(Number);
const EDITS = Number(process.env.BENCH_EDITS ?? 50);
/** Edits in a key: they change the document's structure, so the whole text is read again. */
const KEY_EDITS = Number(process.env.BENCH_KEY_EDITS ?? 10);
const REQUESTS = 20;
/** Start-up and open -> diagnostics are single events: each is the median of this many server starts. */
const STARTS = Number(process.env.BENCH_STARTS ?? 5);
const schemaPath = join(root, 'schemas', 'project-descriptor.schema.json');

const servers = [
  { name: 'ours', cmd: process.execPath, args: [join(root, 'dist', 'server.js'), '--stdio'], settings: null },
  {
    name: 'yaml-language-server',
    cmd: process.execPath,
    args: [require.resolve('yaml-language-server/bin/yaml-language-server'), '--stdio'],
    settings: {
      yaml: {
        validate: true,
        hover: true,
        completion: true,
        format: { enable: false },
        schemaStore: { enable: false },
        schemas: { [pathToFileURL(schemaPath).href]: ['*.descriptor.yaml'] },
      },
    },
  },
];

const now = () => Number(process.hrtime.bigint()) / 1e6;
const pct = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))];
};

function peakRss(pid) {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return m ? Number(m[1]) / 1024 : NaN;
  } catch {
    return NaN;
  }
}

async function start(server, extraCapabilities = {}) {
  const t0 = now();
  const proc = spawn(server.cmd, server.args, { stdio: 'pipe' });
  proc.stderr.on('data', () => {});
  const conn = rpc.createProtocolConnection(new rpc.StreamMessageReader(proc.stdout), new rpc.StreamMessageWriter(proc.stdin));
  const waiters = [];
  conn.onNotification(rpc.PublishDiagnosticsNotification.type, (p) => {
    for (const w of waiters.splice(0)) if (!w(p)) waiters.push(w);
  });
  // yaml-language-server pulls its settings (the schema association) through workspace/configuration.
  conn.onRequest('workspace/configuration', (params) => params.items.map((i) => server.settings?.[i.section] ?? null));
  conn.onRequest('client/registerCapability', () => null);
  conn.onRequest('window/workDoneProgress/create', () => null);
  conn.onNotification('window/logMessage', () => {});
  conn.listen();
  const dir = mkdtempSync(join(tmpdir(), 'bench-'));
  await conn.sendRequest(rpc.InitializeRequest.type, {
    processId: process.pid,
    rootUri: pathToFileURL(dir).href,
    capabilities: {
      workspace: { configuration: true },
      textDocument: { publishDiagnostics: { versionSupport: true }, hover: { contentFormat: ['markdown', 'plaintext'] }, ...extraCapabilities },
    },
    workspaceFolders: [{ uri: pathToFileURL(dir).href, name: 'bench' }],
  });
  const startup = now() - t0;
  await conn.sendNotification(rpc.InitializedNotification.type, {});
  if (server.settings) await conn.sendNotification(rpc.DidChangeConfigurationNotification.type, { settings: server.settings });
  /** Resolves with the first publish for `uri` (and `version`, when the server reports versions) after now. */
  const nextDiagnostics = (uri, version) =>
    new Promise((resolve) => waiters.push((p) => (p.uri === uri && (p.version === undefined || p.version === null || p.version >= version) ? (resolve(p), true) : false)));
  return { proc, conn, dir, startup, nextDiagnostics };
}

async function stop(s) {
  const rss = peakRss(s.proc.pid);
  try {
    await Promise.race([s.conn.sendRequest(rpc.ShutdownRequest.type), new Promise((r) => setTimeout(r, 2000))]);
    await s.conn.sendNotification(rpc.ExitNotification.type);
  } catch {}
  s.proc.kill();
  return rss;
}

/** Both servers must flag a schema error before their times mean anything. */
async function sanity(server) {
  const s = await start(server);
  const uri = pathToFileURL(join(s.dir, 'broken.descriptor.yaml')).href;
  const text = generateDescriptor(200).replace('category: health-research', 'category: helth-research');
  const got = new Promise((resolve) => {
    const seen = () => s.nextDiagnostics(uri, 1).then((p) => (p.diagnostics.length ? resolve(p) : seen()));
    seen();
  });
  await s.conn.sendNotification(rpc.DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'yaml', version: 1, text } });
  const timeout = new Promise((resolve) => setTimeout(() => resolve(null), 15000));
  const p = await Promise.race([got, timeout]);
  await stop(s);
  const line = text.split('\n').findIndex((l) => l.includes('helth-research'));
  if (!p || !p.diagnostics.some((d) => d.range.start.line === line)) {
    throw new Error(`${server.name} does not report the schema error in a broken descriptor; its settings did not reach it`);
  }
}

/** Opens the descriptor in a started server: its uri, its first diagnostics and the time they took. */
async function openIn(s, text, lines) {
  const uri = pathToFileURL(join(s.dir, `bench-${lines}.descriptor.yaml`)).href;
  const t = now();
  const first = s.nextDiagnostics(uri, 1);
  await s.conn.sendNotification(rpc.DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'yaml', version: 1, text } });
  const diagnostics = await first;
  return { uri, diagnostics, open: now() - t };
}

/**
 * Types a letter at `line`:`character` and deletes it again, `count` edits in all, each timed from
 * the change to its diagnostics. Versions follow on from `version`; returns the times and the last.
 */
async function typeAt(s, uri, version, line, character, count) {
  const times = [];
  for (let i = 0; i < count; i++) {
    version++;
    const end = i % 2 === 0 ? character : character + 1;
    const change = { range: { start: { line, character }, end: { line, character: end } }, text: i % 2 === 0 ? 'x' : '' };
    const p = s.nextDiagnostics(uri, version);
    const t = now();
    await s.conn.sendNotification(rpc.DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [change] });
    await p;
    times.push(now() - t);
  }
  return { times, version };
}

async function measure(server, text, lines) {
  const s = await start(server);
  const { uri, diagnostics: openDiags, open } = await openIn(s, text, lines);
  let t;

  // Edits in a value: one character typed and deleted at the end of a justification in the middle of the file.
  const textLines = text.split('\n');
  const mid = textLines.findIndex((l, i) => i > textLines.length / 2 && l.includes('justification:'));
  const { times: changes, version } = await typeAt(s, uri, 1, mid, textLines[mid].length, EDITS);

  // Edits in a key on the same line: a letter typed into `justification` and deleted again. The
  // value edits above are what typing mostly is; these change the structure, so every server reads
  // the whole text again.
  const keyCol = textLines[mid].indexOf('justification') + 'justification'.length;
  const { times: keyChanges } = await typeAt(s, uri, version, mid, keyCol, KEY_EDITS);

  // Hover on a granularity key, code actions on the first diagnostic (or the same line).
  const gLine = textLines.findIndex((l) => l.includes('granularity:'));
  const hovers = [];
  for (let i = 0; i < REQUESTS; i++) {
    t = now();
    const ok = await s.conn.sendRequest(rpc.HoverRequest.type, { textDocument: { uri }, position: { line: gLine, character: 10 } }).then(() => true, () => false);
    hovers.push(ok ? now() - t : NaN);
  }
  const diag = openDiags.diagnostics[0];
  const range = diag?.range ?? { start: { line: gLine, character: 0 }, end: { line: gLine, character: 20 } };
  const actions = [];
  for (let i = 0; i < REQUESTS; i++) {
    t = now();
    const ok = await s.conn.sendRequest(rpc.CodeActionRequest.type, { textDocument: { uri }, range, context: { diagnostics: diag ? [diag] : [] } }).then(() => true, () => false);
    actions.push(ok ? now() - t : NaN);
  }
  const rss = await stop(s);
  return {
    startup: s.startup,
    open,
    changeP50: pct(changes, 50),
    changeP95: pct(changes, 95),
    keyChangeP50: pct(keyChanges, 50),
    hover: pct(hovers, 50),
    codeAction: pct(actions, 50),
    rss,
    diagnostics: openDiags.diagnostics.length,
  };
}

/** One start and one open, nothing else: a further sample of start-up and of open -> diagnostics. */
async function startAndOpen(server, text, lines) {
  const s = await start(server);
  const { open } = await openIn(s, text, lines);
  await stop(s);
  return { startup: s.startup, open };
}

function floor(text) {
  const { parseDocument } = require('yaml');
  const Ajv = require('ajv');
  const ajv = new Ajv({ allErrors: true, strict: false });
  const validate = ajv.compile(JSON.parse(readFileSync(schemaPath, 'utf8')));
  const times = [];
  for (let i = 0; i < 30; i++) {
    const t = now();
    const doc = parseDocument(text);
    validate(doc.toJS());
    times.push(now() - t);
  }
  return pct(times, 50);
}

const f = (n) => (Number.isNaN(n) ? 'n/a' : n < 10 ? n.toFixed(2) : n.toFixed(0));
const ratio = (a, b) => (b > 0 ? `${(a / b).toFixed(2)}x` : 'n/a');

for (const server of servers) await sanity(server);

const rows = [];
for (const lines of SIZES) {
  const text = generateDescriptor(lines);
  const results = {};
  for (const server of servers) results[server.name] = await measure(server, text, lines);
  // More starts, the two servers taking turns, so that a moment's load on the machine does not
  // decide either median.
  const samples = Object.fromEntries(servers.map((sv) => [sv.name, { startup: [results[sv.name].startup], open: [results[sv.name].open] }]));
  for (let i = 1; i < STARTS; i++) {
    for (const server of servers) {
      const r = await startAndOpen(server, text, lines);
      samples[server.name].startup.push(r.startup);
      samples[server.name].open.push(r.open);
    }
  }
  for (const server of servers) {
    results[server.name].startup = pct(samples[server.name].startup, 50);
    results[server.name].open = pct(samples[server.name].open, 50);
  }
  const fl = floor(text);
  rows.push({ lines, ours: results.ours, yls: results['yaml-language-server'], floor: fl });
  console.error(`${lines} lines done`);
}

// Code actions where fix-all is offered: the 2,000-line descriptor with every `month` misspelt
// (74 findings with a safe fix), our server only, with a client that resolves code actions as VS Code
// does. The code action itself, the resolve of "Fix all schema problems" (74 rounds of re-checks), and
// a resolve cancelled at once.
async function fixAllActions() {
  const text = generateDescriptor(2000).replace(/granularity: month\n/g, 'granularity: monthh\n');
  const s = await start(servers[0], { codeAction: { resolveSupport: { properties: ['edit'] }, dataSupport: true } });
  const uri = pathToFileURL(join(s.dir, 'fixable.descriptor.yaml')).href;
  const first = s.nextDiagnostics(uri, 1);
  await s.conn.sendNotification(rpc.DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'project-descriptor', version: 1, text } });
  const diag = (await first).diagnostics.find((d) => d.code === 'schema');
  const request = () => s.conn.sendRequest(rpc.CodeActionRequest.type, { textDocument: { uri }, range: diag.range, context: { diagnostics: [diag] } });
  const actions = [];
  let list = [];
  for (let i = 0; i < REQUESTS; i++) {
    const t = now();
    list = await request();
    actions.push(now() - t);
  }
  const all = list.find((a) => a.title === 'Fix all schema problems');
  let t = now();
  await s.conn.sendRequest(rpc.CodeActionResolveRequest.type, all);
  const resolve = now() - t;
  const cancelled = [];
  for (let i = 0; i < 5; i++) {
    const source = new rpc.CancellationTokenSource();
    t = now();
    const p = s.conn.sendRequest(rpc.CodeActionResolveRequest.type, all, source.token).catch(() => undefined);
    source.cancel();
    await p;
    cancelled.push(now() - t);
  }
  await stop(s);
  return { fixable: text.split('\n').filter((l) => l.includes('monthh')).length, codeAction: pct(actions, 50), resolve, cancelled: pct(cancelled, 50) };
}
const fixable = await fixAllActions();
console.error('fix-all code actions done');

// The application package: the largest example, and the largest generated descriptor, exported in
// this process with the same bundle the CLI and the server load (dist/export.js).
const exporter = require(join(root, 'dist', 'export.js'));
async function exportTime(file, text, runs) {
  const times = [];
  let pkg;
  for (let i = 0; i < runs; i++) {
    const t = now();
    pkg = await exporter.buildPackage(exporter.analyzeFile(file, text, 'en'));
    times.push(now() - t);
  }
  return { first: times[0], p50: pct(times, 50), files: pkg.files.length, kib: pkg.files.reduce((n, f) => n + f.data.length, 0) / 1024, png: pkg.files.some((f) => f.name === 'linkage.png') };
}
const exportRows = [];
{
  const file = join(root, 'examples', 'compliant-research.descriptor.yaml');
  const text = readFileSync(file, 'utf8');
  exportRows.push({ name: 'examples/compliant-research.descriptor.yaml', lines: text.split('\n').length, ...(await exportTime(file, text, 5)) });
  const largest = Math.max(...SIZES);
  const gen = generateDescriptor(largest);
  exportRows.push({ name: `generated, ${largest} lines`, lines: gen.split('\n').length, ...(await exportTime(join(mkdtempSync(join(tmpdir(), 'bench-export-')), 'generated.descriptor.yaml'), gen, 3)) });
  console.error('export done');
}

// The portfolio of 1,000 descriptors, end to end through the CLI, beside the single-file check.
const portfolio = portfolioBench();
console.error('portfolio done');

const date = new Date().toISOString().slice(0, 10);
const machine = `${cpus().length} x ${cpus()[0]?.model ?? 'cpu'}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}`;
const out = [];
out.push(`# Benchmark ${date}`, '', `Machine: ${machine}. Start-up and open: median of ${STARTS} starts. Edits per size: ${EDITS} in a value, ${KEY_EDITS} in a key; hover and code action: median of ${REQUESTS}.`, '');
out.push('Times in milliseconds. "ratio" is ours / yaml-language-server. "change" is a letter typed into and deleted from a value (our server then reads that value again, not the file); "change in a key" changes the structure, so the whole text is read again; "vs floor" is our change in a key p50 / (`yaml` parse + ajv validate alone).', '');
out.push('| lines | metric | ours | yaml-language-server | ratio |', '| ---: | --- | ---: | ---: | ---: |');
for (const r of rows) {
  const m = (name, key) => out.push(`| ${r.lines} | ${name} | ${f(r.ours[key])} | ${f(r.yls[key])} | ${ratio(r.ours[key], r.yls[key])} |`);
  m('startup', 'startup');
  m('open -> diagnostics', 'open');
  m('change -> diagnostics p50', 'changeP50');
  m('change -> diagnostics p95', 'changeP95');
  m('change in a key -> diagnostics p50', 'keyChangeP50');
  m('hover p50', 'hover');
  m('code action p50', 'codeAction');
  m('peak RSS (MiB)', 'rss');
  out.push(`| ${r.lines} | floor: parse + ajv p50 | ${f(r.floor)} | | vs floor ${ratio(r.ours.keyChangeP50, r.floor)} |`);
  out.push(`| ${r.lines} | diagnostics on open | ${r.ours.diagnostics} | ${r.yls.diagnostics} | |`);
}
// The targets, as ratios within this run.
const at = (n) => rows.find((r) => r.lines === n) ?? rows[Math.min(rows.length - 1, 1)];
const targets = [];
const target = (what, value, limit) => targets.push(`| ${what} | ${value.toFixed(2)} | ${limit} | ${value <= limit ? 'met' : '**not met**'} |`);
for (const [n, limit] of [[200, 0.1], [2000, 1 / 3], [20000, 0.8]]) {
  const r = rows.find((x) => x.lines === n);
  if (r) target(`change -> diagnostics p50 at ${n} lines, ours / yaml-language-server`, r.ours.changeP50 / r.yls.changeP50, Number(limit.toFixed(2)));
}
for (const r of rows) target(`our change in a key -> diagnostics p50 / floor at ${r.lines} lines`, r.ours.keyChangeP50 / r.floor, 1.5);
for (const r of rows) target(`startup at ${r.lines} lines, ours / yaml-language-server`, r.ours.startup / r.yls.startup, 0.33);
for (const r of rows) target(`open -> diagnostics at ${r.lines} lines, ours / yaml-language-server`, r.ours.open / r.yls.open, 1);
for (const r of rows) target(`peak RSS at ${r.lines} lines, ours / yaml-language-server`, r.ours.rss / r.yls.rss, r.lines === 2000 ? 0.6 : 1);
target(`hover p50 at ${at(2000).lines} lines (ms)`, at(2000).ours.hover, 5);
target(`code action p50 at ${at(2000).lines} lines (ms)`, at(2000).ours.codeAction, 5);
target('code action offering fix-all p50 at 2000 lines (ms)', fixable.codeAction, 5);
target('fix-all resolve cancelled at once, answered p50 (ms)', fixable.cancelled, 500);
target(`portfolio of ${portfolio.descriptors} descriptors written, median wall time (s)`, portfolio.p50 / 1000, 10);
out.push('', '## Targets', '', '| target | measured | limit | |', '| --- | ---: | ---: | --- |', ...targets);
out.push('', '## Code actions with fix-all', '', `Our server on the 2,000-line descriptor with ${fixable.fixable} misspelt granularities (each with a safe fix), from a client that resolves code actions (as VS Code): fix-all is offered as data and computed when chosen.`, '');
out.push('| metric | ms |', '| --- | ---: |', `| code action on a fixable finding, p50 of ${REQUESTS} | ${f(fixable.codeAction)} |`, `| resolve "Fix all schema problems" (${fixable.fixable} rounds of re-checks) | ${f(fixable.resolve)} |`, `| the same resolve cancelled at once, answered (p50 of 5) | ${f(fixable.cancelled)} |`);
out.push('', '## Application package export', '', 'Analysis plus every file of the package, in memory (writing to disk not included). "first" includes loading the Word and spreadsheet writers.', '');
out.push('| descriptor | lines | files | size (KiB) | first (ms) | p50 (ms) | PNG |', '| --- | ---: | ---: | ---: | ---: | ---: | --- |');
for (const x of exportRows) out.push(`| ${x.name} | ${x.lines} | ${x.files} | ${x.kib.toFixed(0)} | ${f(x.first)} | ${f(x.p50)} | ${x.png ? 'yes' : 'no (resvg not installed)'} |`);
out.push('', '## Portfolio', '', `\`descriptor-check portfolio\` over ${portfolio.descriptors} descriptors (the examples and generated ones of 80 to 400 lines at every stage), as a user runs it: start-up, one analysis per descriptor, the four files written. Beside it, the single-file check of one example.`, '');
out.push(...portfolioTable(portfolio));
out.push('', 'Before timing, each server must flag a schema error in a broken descriptor (so yaml-language-server is known to validate against our schema). The generated descriptors are schema-valid; their variable names are not in the catalogue, so our server also reports one `variable-unknown` information per variable: a worst case for publishing diagnostics.');
const table = out.join('\n') + '\n';
mkdirSync(join(root, 'bench', 'results'), { recursive: true });
const file = join(root, 'bench', 'results', `${date}.md`);
writeFileSync(file, table);
console.log(table);
console.log(`written to ${file}`);
