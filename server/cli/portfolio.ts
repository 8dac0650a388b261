/**
 * descriptor-check portfolio <files, folders or globs...> --out <folder> [--lang en|nb] [--config FILE] [--force]
 * One analysis per descriptor through the host's one pipeline (as `descriptor-check` checks it),
 * then the portfolio for the institution's data protection officer: portfolio.html, portfolio.xlsx,
 * portfolio.json and record-of-processing.xlsx. Exit 0 written, 1 written but a descriptor has
 * errors, 2 on usage or I/O errors (a file that cannot be read is still listed) or a folder refused.
 */
import { readdirSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import type { Lang, Localized } from '../../rules/domain/types';
import { TOOL_NAME, TOOL_VERSION } from '../engine/product';
import { loadExport } from '../export/load';
import { listWritten, writeFailed, type Io } from './written';
import { Host } from '../host/analyze';
import { today } from '../host/clock';
import { problemLine, readConfigFile, type Config } from '../host/config';
import { buildPortfolio, portfolioRow, unreadableRow, type Portfolio, type PortfolioRow } from '../report/portfolio/portfolio';
import { requirementsModel } from '../report/requirements-model';
import { expand } from './files';

const PORTFOLIO_USAGE = `Usage: ${TOOL_NAME} portfolio <files, folders or globs...> --out <folder> [--lang en|nb] [--config FILE] [--force]

Writes the overview of every project for the institution's data protection officer into <folder>:
portfolio.html (one page: the projects by state, each with its approvals, findings and next date,
what needs action first), portfolio.xlsx and portfolio.json (the same rows), and
record-of-processing.xlsx (GDPR art. 30(1), one row per project). Each descriptor is checked as
${TOOL_NAME} checks it.

Options:
  --out FOLDER   where to write (created if missing; a folder holding anything but an earlier
                 portfolio is refused unless --force)
  --lang en|nb   language (default: the descriptors' own language when they all agree, else en)
  --config FILE  use this .descriptor-check.yaml instead of searching for one
  --force        write into a folder that holds other files (the portfolio's files are replaced,
                 other files are left alone)
  -h, --help     show this help

Exit status: 0 written, 1 written but a descriptor has errors, 2 usage or I/O error (a file that
cannot be read is listed in the portfolio and named on stderr), or the folder refused.
`;

interface PortfolioRun {
  portfolio: Portfolio;
  /** Files or arguments that could not be read, each with its reason. */
  problems: string[];
}

/** Analyses every descriptor the patterns name and builds the portfolio, in one language. */
function collectPortfolio(patterns: readonly string[], o: { lang?: Lang; config?: Config } = {}): PortfolioRun {
  const { files, problems } = expand(patterns);
  // As for a check: the folder the CLI runs in is the workspace where a descriptor's files may be looked at.
  const host = new Host({ oneRun: true, roots: [process.cwd()] });
  type Read = { file: string; row: PortfolioRow; lang: Lang } | { file: string; problem: Localized };
  const read = (file: string, lang: Lang | undefined): Read => {
    const a = host.analyzeFile(file, { lang, config: o.config });
    return 'problem' in a ? { file, problem: a.problem } : { file, row: portfolioRow(a, requirementsModel(a), file), lang: a.lang };
  };
  const done = files.map((f) => read(f, o.lang));
  const langs = new Set(done.flatMap((d) => ('lang' in d ? [d.lang] : [])));
  const lang: Lang = o.lang ?? (langs.size === 1 ? [...langs][0] : 'en');
  // Descriptors that speak another language than the page are read again in the page's, so every row reads alike.
  const rows = done.map((d) => {
    const r = 'lang' in d && d.lang !== lang ? read(d.file, lang) : d;
    if ('row' in r) return r.row;
    problems.push(`${r.file}: ${r.problem.en}`);
    return unreadableRow(r.file, pathToFileURL(resolve(r.file)).href, r.problem[lang], lang);
  });
  return { portfolio: buildPortfolio(rows, { lang, today: today(), version: TOOL_VERSION }), problems };
}

export async function portfolioCommand(argv: string[], io: Io): Promise<number> {
  const usage = (msg: string) => {
    io.err(`${TOOL_NAME} portfolio: ${msg}\n\n${PORTFOLIO_USAGE}`);
    return 2;
  };
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: { out: { type: 'string' }, lang: { type: 'string' }, config: { type: 'string' }, force: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (e) {
    return usage((e as Error).message.split('\n')[0].replace(/^Unknown option '(.*?)'.*$/, 'unknown option $1'));
  }
  const { out, lang, config: configFile, force = false, help } = parsed.values;
  if (help) {
    io.out(PORTFOLIO_USAGE);
    return 0;
  }
  if (lang !== undefined && lang !== 'en' && lang !== 'nb') return usage(`unknown language "${lang}" (en or nb)`);
  if (!parsed.positionals.length) return usage('no files given');
  if (!out) return usage('--out is required');
  let config: Config | undefined;
  if (configFile) {
    config = readConfigFile(configFile);
    if (config.unreadable) {
      io.err(`${TOOL_NAME} portfolio: ${problemLine(config, config.problems[0], (lang as Lang | undefined) ?? 'en')}\n`);
      return 2;
    }
  }
  const { buildPortfolioFiles, checkTarget, ExportRefused, PORTFOLIO_FILES, writePackage } = loadExport();
  // A folder that holds only an earlier portfolio is written again; anything else needs --force.
  const own = (() => {
    try {
      return readdirSync(out).every((n) => (PORTFOLIO_FILES as readonly string[]).includes(n));
    } catch {
      return false;
    }
  })();
  const started = Date.now();
  try {
    checkTarget(out, force || own);
    const { portfolio, problems } = collectPortfolio(parsed.positionals, { lang: lang as Lang | undefined, config });
    const files = await buildPortfolioFiles(portfolio);
    const written = writePackage(out, files, force || own);
    listWritten(io, written, files);
    for (const p of problems) io.err(`${TOOL_NAME} portfolio: ${p}\n`);
    io.out(`${summaryLine(portfolio)}; ${written.length} ${portfolio.lang === 'nb' ? `filer skrevet på ${Date.now() - started} ms` : `files written in ${Date.now() - started} ms`}.\n`);
    if (problems.length) return 2;
    return portfolio.summary.errors > 0 ? 1 : 0;
  } catch (e) {
    return writeFailed(e, 'portfolio', out, io, ExportRefused);
  }
}

/** "7 projects: 3 need action, 2 wait for a decision, 1 approved, 1 ended". */
function summaryLine(p: Portfolio): string {
  const s = p.summary.byState;
  const n = p.summary.projects;
  return p.lang === 'nb'
    ? `${n} prosjekter: ${s['needs-action']} må følges opp, ${s.waiting} venter på vedtak, ${s.approved} godkjent, ${s.ended} avsluttet`
    : `${n} project${n === 1 ? '' : 's'}: ${s['needs-action']} need${s['needs-action'] === 1 ? 's' : ''} action, ${s.waiting} wait${s.waiting === 1 ? 's' : ''} for a decision, ${s.approved} approved, ${s.ended} ended`;
}
