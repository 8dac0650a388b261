/**
 * descriptor-check: the same engine as the language server, for the terminal and CI.
 *   descriptor-check [--format text|json|sarif] [--lang en|nb] [--config FILE] [--baseline FILE|REV] <files or globs...>
 *   descriptor-check export <descriptor> --out <folder> [--lang en|nb] [--force]   (see export.ts)
 * Exit 0 when no errors, 1 when errors were found, 2 on usage or I/O errors (a --baseline that
 * cannot be read is one).
 */
import { existsSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import fg from 'fast-glob';
import { ruleMetas } from '../../rules';
import type { Lang } from '../../rules/domain/types';
import { baselineOptions, findBaseline, GitReader } from '../engine/baseline';
import { checkOptions, findConfigFile, mergeConfigs, readConfigFile, type Config } from '../engine/config';
import { check } from '../engine/engine';
import { fixAll } from '../engine/fix-all';
import { parse } from '../engine/parse';
import { TOOL_NAME, TOOL_VERSION } from '../engine/product';
import { exportCommand } from './export';
import { toJson } from './format/json';
import { toSarif } from './format/sarif';
import { formatText, summaryLine, type FileResults } from './format/text';

const USAGE = `Usage: ${TOOL_NAME} [options] <files or globs...>
       ${TOOL_NAME} export <descriptor> --out <folder> [--lang en|nb] [--force]

Checks project descriptors (YAML) for Norwegian health-data projects. \`export\` writes the
application package (Word, spreadsheets, diagram, report) for one descriptor; see \`export --help\`.

Options:
  --format text|json|sarif   output format (default: text)
  --lang en|nb               message language (default: the workspace file's, else en)
  --config FILE              use this .descriptor-check.yaml instead of searching for one
  --fix                      apply the safe (preferred) quick fixes to the given files, then report
  --baseline FILE|REV        compare with the approved version: a file, or a git revision (a tag,
                             a branch such as origin/main, a commit; git:REV is always a revision),
                             read as git show REV:<path>; a descriptor's own baseline: entry wins
  -h, --help                 show this help
  -v, --version              show the version

Exit status: 0 no errors, 1 errors found, 2 usage or I/O error.
`;

interface Args {
  format: 'text' | 'json' | 'sarif';
  lang?: Lang;
  config?: string;
  baseline?: string;
  fix: boolean;
  patterns: string[];
}

class UsageError extends Error {}

function parseArgs(argv: string[]): Args | 'help' | 'version' {
  const args: Args = { format: 'text', fix: false, patterns: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = (name: string) => {
      const eq = a.indexOf('=');
      if (eq !== -1) return a.slice(eq + 1);
      const v = argv[++i];
      if (v === undefined) throw new UsageError(`${name} needs a value`);
      return v;
    };
    if (a === '-h' || a === '--help') return 'help';
    if (a === '-v' || a === '--version') return 'version';
    if (a === '--format' || a.startsWith('--format=')) {
      const f = value('--format');
      if (f !== 'text' && f !== 'json' && f !== 'sarif') throw new UsageError(`unknown format "${f}" (text, json or sarif)`);
      args.format = f;
    } else if (a === '--lang' || a.startsWith('--lang=')) {
      const l = value('--lang');
      if (l !== 'en' && l !== 'nb') throw new UsageError(`unknown language "${l}" (en or nb)`);
      args.lang = l;
    } else if (a === '--fix') {
      args.fix = true;
    } else if (a === '--config' || a.startsWith('--config=')) {
      args.config = value('--config');
    } else if (a === '--baseline' || a.startsWith('--baseline=')) {
      args.baseline = value('--baseline');
      if (!args.baseline.trim()) throw new UsageError('--baseline needs a file or a git revision');
    } else if (a.startsWith('-') && a !== '-') {
      throw new UsageError(`unknown option ${a}`);
    } else args.patterns.push(a);
  }
  if (args.patterns.length === 0) throw new UsageError('no files given');
  return args;
}

function expand(patterns: string[], errors: string[]): string[] {
  const out: string[] = [];
  const seen = new Set<string>();
  const add = (f: string) => {
    const abs = resolve(f);
    if (!seen.has(abs)) {
      seen.add(abs);
      out.push(f);
    }
  };
  for (const p of patterns) {
    if (existsSync(p)) {
      if (statSync(p).isDirectory()) {
        const found = fg.sync(['**/*.descriptor.{yaml,yml}', '**/project-descriptor.{yaml,yml}'], { cwd: p, ignore: ['**/node_modules/**'], dot: false });
        found.sort().forEach((f) => add(join(p, f)));
      } else add(p);
    } else if (fg.isDynamicPattern(p)) {
      const found = fg.sync(p, { dot: false, ignore: ['**/node_modules/**'] });
      if (found.length === 0) errors.push(`${p}: no files match`);
      found.sort().forEach(add);
    } else errors.push(`${p}: no such file`);
  }
  return out;
}

export function main(argv: string[], io = { out: (s: string) => process.stdout.write(s), err: (s: string) => process.stderr.write(s) }): number {
  let args: Args | 'help' | 'version';
  try {
    args = parseArgs(argv);
  } catch (e) {
    if (e instanceof UsageError) {
      io.err(`${TOOL_NAME}: ${e.message}\n\n${USAGE}`);
      return 2;
    }
    throw e;
  }
  if (args === 'help') {
    io.out(USAGE);
    return 0;
  }
  if (args === 'version') {
    io.out(`${TOOL_VERSION}\n`);
    return 0;
  }

  const ioErrors: string[] = [];
  const files = expand(args.patterns, ioErrors);
  let explicitConfig: Config | undefined;
  if (args.config) {
    if (!existsSync(args.config)) {
      io.err(`${TOOL_NAME}: ${args.config}: no such file\n`);
      return 2;
    }
    explicitConfig = readConfigFile(args.config);
  }
  const configCache = new Map<string, Config | undefined>();
  const reported = new Set<string>();
  const git = new GitReader();

  const all: FileResults[] = [];
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const file of files) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch (e) {
      ioErrors.push(`${file}: ${(e as NodeJS.ErrnoException).code === 'EISDIR' ? 'is a directory' : (e as Error).message}`);
      continue;
    }
    const dir = dirname(resolve(file));
    let config = explicitConfig;
    if (!config) {
      const cf = findConfigFile(dir);
      if (cf && !configCache.has(cf)) configCache.set(cf, readConfigFile(cf));
      config = cf ? configCache.get(cf) : undefined;
    }
    const merged = mergeConfigs(config);
    for (const p of merged.problems) {
      if (!reported.has(p)) {
        reported.add(p);
        io.err(`${TOOL_NAME}: warning: ${p}\n`);
      }
    }
    const lang: Lang = args.lang ?? merged.language ?? 'en';
    const parsed = parse(text);
    const baseline = findBaseline({ file: resolve(file), value: parsed.value, cli: args.baseline, cwd: process.cwd() }, git);
    if (baseline.note) io.err(`${TOOL_NAME}: note: ${file}: ${baseline.note.en}; it is not compared with an approved version\n`);
    // A --baseline that cannot be read is the command's error (exit 2); one the descriptor names is a finding in it.
    const fromFlag = baseline.origin === 'cli' && baseline.problem !== undefined;
    if (fromFlag) ioErrors.push(`${file}: --baseline ${args.baseline}: ${baseline.problem!.en}`);
    const options = { ...checkOptions(merged, lang, dir), ...baselineOptions(fromFlag ? { ...baseline, problem: undefined } : baseline) };
    if (args.fix) {
      // Only the files given on the command line are written, and only when something changed.
      const { text: fixed, fixed: rules } = fixAll(text, options);
      if (fixed !== text) {
        try {
          writeFileSync(file, fixed);
          text = fixed;
          io.err(`${file}: fixed ${rules.length} finding${rules.length === 1 ? '' : 's'} (${[...new Set(rules)].join(', ')})\n`);
        } catch (e) {
          ioErrors.push(`${file}: cannot write (${(e as Error).message})`);
        }
      }
    }
    const { results } = check(text === parsed.text ? parsed : text, options);
    for (const r of results) {
      if (r.severity === 'error') errors++;
      else if (r.severity === 'warning') warnings++;
      else infos++;
    }
    all.push({ file, results });
  }

  const lang: Lang = args.lang ?? 'en';
  if (args.format === 'text') {
    for (const { file, results } of all) for (const r of results) io.out(formatText(file, r));
    io.out(summaryLine(all.length, { errors, warnings, infos }, ioErrors.length));
  } else if (args.format === 'json') {
    io.out(JSON.stringify(toJson(all, lang), null, 2) + '\n');
  } else {
    io.out(JSON.stringify(toSarif(all, ruleMetas, lang, process.cwd()), null, 2) + '\n');
  }
  for (const e of ioErrors) io.err(`${TOOL_NAME}: ${e}\n`);
  if (ioErrors.length) return 2;
  return errors > 0 ? 1 : 0;
}

if (require.main === module) {
  // A closed pipe (`descriptor-check ... | head`) ends the output quietly.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  const argv = process.argv.slice(2);
  if (argv[0] === 'export') {
    exportCommand(argv.slice(1), { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) }).then(
      (code) => (process.exitCode = code),
      (e: unknown) => {
        process.stderr.write(`${TOOL_NAME} export: ${e instanceof Error ? e.message : String(e)}\n`);
        process.exitCode = 2;
      },
    );
  } else process.exitCode = main(argv);
}
