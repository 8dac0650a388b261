// The portfolio benchmark: `descriptor-check portfolio` over a folder of 1,000 descriptors (the
// examples and generated ones), end to end as a user runs it (start-up, every analysis, the four
// files written), beside the single-file check of one example. Used by bench/run.mjs; run alone
// (`node bench/portfolio.mjs` after a build) it prints its table and writes no results file.
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generatePortfolio } from './generate.mjs';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const now = () => Number(process.hrtime.bigint()) / 1e6;
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Descriptors under a folder, as the CLI finds them. */
function count(dir) {
  return readdirSync(dir, { withFileTypes: true }).reduce((n, e) => n + (e.isDirectory() ? count(join(dir, e.name)) : /\.descriptor\.ya?ml$/.test(e.name) ? 1 : 0), 0);
}

function cli(args, cwd) {
  const t = now();
  const r = spawnSync(process.execPath, [join(root, 'dist', 'cli.js'), ...args], { cwd, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (r.status !== 0 && r.status !== 1) throw new Error(`descriptor-check ${args.join(' ')}: exit ${r.status}\n${r.stderr}`);
  return { ms: now() - t, out: r.stdout };
}

export function portfolioBench({ total = Number(process.env.BENCH_PORTFOLIO ?? 1000), runs = 3 } = {}) {
  const work = mkdtempSync(join(tmpdir(), 'bench-portfolio-'));
  const projects = join(work, 'projects');
  cpSync(join(root, 'examples'), projects, { recursive: true });
  const generated = join(projects, 'generated');
  mkdirSync(generated);
  for (const [name, text] of generatePortfolio(total - count(projects))) writeFileSync(join(generated, name), text);
  const descriptors = count(projects);

  const single = [];
  for (let i = 0; i < 5; i++) single.push(cli([join('projects', 'compliant-research.descriptor.yaml')], work).ms);
  const times = [];
  let summary = '';
  for (let i = 0; i < runs; i++) {
    const r = cli(['portfolio', 'projects', '--out', 'out', '--force'], work);
    times.push(r.ms);
    summary = /^\d+ projects?: .*$/m.exec(r.out)?.[0] ?? '';
  }
  const sizes = readdirSync(join(work, 'out')).sort();
  return { descriptors, single: median(single), first: times[0], p50: median(times), summary, files: sizes };
}

/** The Markdown table of a result, and its target line. */
export function portfolioTable(r) {
  const f = (ms) => (ms / 1000).toFixed(2);
  return [
    '| run | descriptors | wall time (s) |',
    '| --- | ---: | ---: |',
    `| \`descriptor-check <one example>\`: the single-file check, median of 5 | 1 | ${f(r.single)} |`,
    `| \`descriptor-check portfolio <folder> --out <folder>\`: first run | ${r.descriptors} | ${f(r.first)} |`,
    `| the same, median of the runs | ${r.descriptors} | ${f(r.p50)} |`,
    '',
    `The portfolio run: ${r.summary.replace(/; .*$/, '')}; files written: ${r.files.join(', ')}.`,
  ];
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = portfolioBench();
  console.log(portfolioTable(r).join('\n'));
}
