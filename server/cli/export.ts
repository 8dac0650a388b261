/**
 * descriptor-check export <descriptor> --out <dir> [--lang en|nb] [--force]
 * Writes the application package into one folder. Exit 0 when written, 1 when written but the
 * descriptor has errors (they are listed at the top of application.docx and report.html), 2 on
 * usage or I/O errors and when the folder is refused.
 */
import { parseArgs } from 'node:util';
import type { Lang } from '../../rules/domain/types';
import { TOOL_NAME } from '../engine/product';
import { loadExport } from '../export/load';
import { listWritten, writeFailed, type Io } from './written';
import { Host } from '../host/analyze';

const EXPORT_USAGE = `Usage: ${TOOL_NAME} export <descriptor> --out <folder> [--lang en|nb] [--force]

Writes the application package for one descriptor into <folder>: application.docx and
application.md, variables-<source>.xlsx and .csv for each data source, linkage.svg and
linkage.png, requirements.md and report.html. A descriptor with errors is still exported, with
the errors listed first.

Options:
  --out FOLDER   where to write (created if missing; must be empty unless --force)
  --lang en|nb   language of the package (default: the workspace file's, else en)
  --force        write into a folder that is not empty (the package's files are replaced)
  -h, --help     show this help

Exit status: 0 written, 1 written but the descriptor has errors, 2 usage or I/O error, or the folder refused.
`;

export async function exportCommand(argv: string[], io: Io): Promise<number> {
  const usage = (msg: string) => {
    io.err(`${TOOL_NAME} export: ${msg}\n\n${EXPORT_USAGE}`);
    return 2;
  };
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: { out: { type: 'string' }, lang: { type: 'string' }, force: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
    });
  } catch (e) {
    return usage((e as Error).message.split('\n')[0].replace(/^Unknown option '(.*?)'.*$/, 'unknown option $1'));
  }
  const { out, lang, force = false, help } = parsed.values;
  if (help) {
    io.out(EXPORT_USAGE);
    return 0;
  }
  const files = parsed.positionals;
  if (lang !== undefined && lang !== 'en' && lang !== 'nb') return usage(`unknown language "${lang}" (en or nb)`);
  if (files.length !== 1) return usage(files.length ? 'give one descriptor' : 'no descriptor given');
  if (!out) return usage('--out is required');
  const file = files[0];
  const analysis = new Host({ roots: [process.cwd()] }).analyzeFile(file, { lang: lang as Lang | undefined });
  if ('problem' in analysis) {
    io.err(`${TOOL_NAME} export: ${file}: ${analysis.code === 'ENOENT' ? 'no such file' : analysis.problem.en}\n`);
    return 2;
  }
  const { buildPackage, checkTarget, ExportRefused, writePackage } = loadExport();
  try {
    // Refuse before the work, so a refused folder costs nothing.
    checkTarget(out, force);
    const started = Date.now();
    const pkg = await buildPackage(analysis);
    const written = writePackage(out, pkg.files, force);
    listWritten(io, written, pkg.files);
    for (const n of pkg.notes) io.err(`${TOOL_NAME} export: ${n}\n`);
    const l = pkg.model.lang;
    const errors = pkg.errors;
    io.out(
      l === 'nb'
        ? `${written.length} filer skrevet på ${Date.now() - started} ms${errors ? `; prosjektbeskrivelsen har ${errors} feil, oppført øverst i application.docx og report.html` : ''}.\n`
        : `${written.length} files written in ${Date.now() - started} ms${errors ? `; the descriptor has ${errors} error${errors === 1 ? '' : 's'}, listed at the top of application.docx and report.html` : ''}.\n`,
    );
    return errors ? 1 : 0;
  } catch (e) {
    return writeFailed(e, 'export', out, io, ExportRefused);
  }
}
