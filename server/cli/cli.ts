/**
 * descriptor-check: the same engine as the language server, for the terminal and CI.
 *   descriptor-check [--format text|json|sarif] [--lang en|nb] [--config FILE] [--baseline FILE|REV] [--fix] <files, folders or globs...>
 *   descriptor-check export <descriptor> --out <folder> [--lang en|nb] [--force]   (see export.ts)
 * Each file goes through the host's one pipeline (`server/host/analyze.ts`), as in the editor.
 * Exit 0 when no errors, 1 when errors were found, 2 on usage or I/O errors (a --baseline that
 * cannot be read is one).
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ruleMetas } from '../../rules';
import { say } from '../../rules/domain/text';
import type { Lang } from '../../rules/domain/types';
import { fixAll } from '../engine/fix-all';
import { TOOL_NAME, TOOL_VERSION } from '../engine/product';
import { Host, type HostAnalysis } from '../host/analyze';
import { problemLine, readConfigFile, type Config } from '../host/config';
import { exportCommand } from './export';
import { portfolioCommand } from './portfolio';
import { expand } from './files';
import { toJson } from './format/json';
import { toSarif } from './format/sarif';
import { formatMatcher, formatText, summaryLine, type FileResults } from './format/text';

const USAGE = `Usage: ${TOOL_NAME} [options] <files, folders or globs...>
       ${TOOL_NAME} export <descriptor> --out <folder> [--lang en|nb] [--force]
       ${TOOL_NAME} portfolio <files, folders or globs...> --out <folder> [--lang en|nb] [--force]

Checks project descriptors (YAML) for Norwegian health-data projects. \`export\` writes the
application package (Word, spreadsheets, diagram, report, data management plan) for one
descriptor; \`portfolio\` writes the overview of many projects and the record of processing for
the data protection officer. See \`export --help\` and \`portfolio --help\`.

Options:
  --format text|json|sarif|problem-matcher
                             output format (default: text). text: file:line:col  severity  rule-id
                             message, the severity in the message's language, then a summary;
                             problem-matcher: the same lines with the severity as error, warning
                             or info in every language and no summary, for an editor's problem
                             matcher (the VS Code task uses it)
  --lang en|nb               message language (default: the descriptor's own language:, else
                             the workspace file's, else en)
  --config FILE              use this .descriptor-check.yaml instead of searching for one
  --fix                      apply the safe (preferred) quick fixes to the given files, then report
  --baseline FILE|REV        compare with the approved version: a file, or a git revision (a tag,
                             a branch such as origin/main, a commit; git:REV is always a revision),
                             read as git show REV:<path>; a descriptor's own baseline: entry wins
  -h, --help                 show this help
  -v, --version              show the version

Exit status: 0 no errors, 1 errors found, 2 usage or I/O error.
`;

type Format = 'text' | 'json' | 'sarif' | 'problem-matcher';

interface Args {
  format: Format;
  lang?: Lang;
  config?: string;
  baseline?: string;
  fix: boolean;
  patterns: string[];
}

class UsageError extends Error {}

const oneOf = <T extends string>(value: string | undefined, allowed: readonly T[], what: string): T | undefined => {
  if (value === undefined) return undefined;
  if (!(allowed as readonly string[]).includes(value)) throw new UsageError(`unknown ${what} "${value}" (${allowed.join(', ')})`);
  return value as T;
};

function parseCommandLine(argv: string[]): Args | 'help' | 'version' {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string' },
        lang: { type: 'string' },
        config: { type: 'string' },
        baseline: { type: 'string' },
        fix: { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (e) {
    throw new UsageError((e as Error).message.split('\n')[0].replace(/^Unknown option '(.*?)'.*$/, 'unknown option $1'));
  }
  const v = parsed.values;
  if (v.help) return 'help';
  if (v.version) return 'version';
  const args: Args = {
    format: oneOf(v.format, ['text', 'json', 'sarif', 'problem-matcher'] as const, 'format') ?? 'text',
    lang: oneOf(v.lang, ['en', 'nb'] as const, 'language'),
    config: v.config,
    baseline: v.baseline,
    fix: v.fix === true,
    patterns: parsed.positionals,
  };
  if (args.baseline !== undefined && !args.baseline.trim()) throw new UsageError('--baseline needs a file or a git revision');
  if (args.patterns.length === 0) throw new UsageError('no files given');
  return args;
}

type Io = { out: (s: string) => void; err: (s: string) => void };

export function main(argv: string[], io: Io = { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) }): number {
  let args: Args | 'help' | 'version';
  try {
    args = parseCommandLine(argv);
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

  const { files, problems: ioErrors } = expand(args.patterns);
  let config: Config | undefined;
  if (args.config) {
    config = readConfigFile(args.config);
    if (config.unreadable) {
      io.err(`${TOOL_NAME}: ${problemLine(config, config.problems[0], args.lang ?? 'en')}\n`);
      return 2;
    }
  }
  // The folder the CLI runs in is its workspace: a descriptor may name files there and in its own folder.
  const host = new Host({ oneRun: true, roots: [process.cwd()] });
  const reported = new Set<string>();
  const cwd = process.cwd();
  const analyze = (file: string): HostAnalysis | undefined => {
    const a = host.analyzeFile(file, { lang: args.lang, config, cliBaseline: args.baseline ? { value: args.baseline, cwd } : undefined });
    if ('problem' in a) {
      ioErrors.push(`${file}: ${a.code === 'ENOENT' ? 'no such file' : say(a.problem, args.lang ?? 'en')}`);
      return undefined;
    }
    return a;
  };

  const all: FileResults[] = [];
  const langs = new Set<Lang>();
  const counts = { errors: 0, warnings: 0, infos: 0 };
  for (const file of files) {
    let a = analyze(file);
    if (!a) continue;
    for (const p of a.configProblems) {
      const line = problemLine({ file: a.configFile }, p, a.lang);
      if (!reported.has(line)) {
        reported.add(line);
        io.err(`${TOOL_NAME}: warning: ${line}\n`);
      }
    }
    const b = a.baselineFound;
    if (b.note) io.err(`${TOOL_NAME}: note: ${file}: ${b.note.en}; it is not compared with an approved version\n`);
    if (b.origin === 'cli' && b.problem) ioErrors.push(`${file}: --baseline ${args.baseline}: ${b.problem.en}`);
    if (args.fix) {
      // Only the files given on the command line are written, and only when something changed.
      const text = a.parsed.text;
      const { text: fixed, fixed: rules } = fixAll(a, a.options);
      if (fixed !== text) {
        try {
          writeFileSync(file, fixed);
          io.err(`${file}: fixed ${rules.length} finding${rules.length === 1 ? '' : 's'} (${[...new Set(rules)].join(', ')})\n`);
          a = analyze(file) ?? a;
        } catch (e) {
          ioErrors.push(`${file}: cannot write (${(e as Error).message})`);
        }
      }
    }
    langs.add(a.lang);
    for (const r of a.results) {
      if (r.severity === 'error') counts.errors++;
      else if (r.severity === 'warning') counts.warnings++;
      else counts.infos++;
    }
    all.push({ file, results: a.results, lang: a.lang });
  }

  // The run's own words (summary, SARIF rule texts): as asked, else the files' language when they agree.
  const lang: Lang = args.lang ?? (langs.size === 1 ? [...langs][0] : 'en');
  if (args.format === 'text') {
    for (const { file, results, lang: own } of all) for (const r of results) io.out(formatText(file, r, own ?? lang));
    io.out(summaryLine(all.length, counts, ioErrors.length, lang));
  } else if (args.format === 'problem-matcher') {
    for (const { file, results } of all) for (const r of results) io.out(formatMatcher(file, r));
  } else if (args.format === 'json') {
    io.out(JSON.stringify(toJson(all, lang), null, 2) + '\n');
  } else {
    io.out(JSON.stringify(toSarif(all, ruleMetas, lang, cwd), null, 2) + '\n');
  }
  for (const e of ioErrors) io.err(`${TOOL_NAME}: ${e}\n`);
  if (ioErrors.length) return 2;
  return counts.errors > 0 ? 1 : 0;
}

if (require.main === module) {
  // A closed pipe (`descriptor-check ... | head`) ends the output quietly.
  process.stdout.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
    throw e;
  });
  const argv = process.argv.slice(2);
  const sub = argv[0] === 'export' ? exportCommand : argv[0] === 'portfolio' ? portfolioCommand : undefined;
  if (sub) {
    sub(argv.slice(1), { out: (s) => process.stdout.write(s), err: (s) => process.stderr.write(s) }).then(
      (code) => (process.exitCode = code),
      (e: unknown) => {
        process.stderr.write(`${TOOL_NAME} ${argv[0]}: ${e instanceof Error ? e.message : String(e)}\n`);
        process.exitCode = 2;
      },
    );
  } else process.exitCode = main(argv);
}
