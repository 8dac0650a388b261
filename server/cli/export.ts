/**
 * descriptor-check export <descriptor> --out <dir> [--lang en|nb] [--force]
 * Writes the application package into one folder. Exit 0 when written, 1 when written but the
 * descriptor has errors (they are listed at the top of application.docx and report.html), 2 on
 * usage or I/O errors and when the folder is refused.
 */
import { readFileSync } from 'node:fs';
import type { Lang } from '../../rules/domain/types';
import { TOOL_NAME } from '../engine/product';
import { loadExport } from '../export/load';

export const EXPORT_USAGE = `Usage: ${TOOL_NAME} export <descriptor> --out <folder> [--lang en|nb] [--force]

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

interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

export async function exportCommand(argv: string[], io: Io): Promise<number> {
  let out: string | undefined;
  let lang: Lang | undefined;
  let force = false;
  const files: string[] = [];
  const usage = (msg: string) => {
    io.err(`${TOOL_NAME} export: ${msg}\n\n${EXPORT_USAGE}`);
    return 2;
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = () => {
      const eq = a.indexOf('=');
      return eq !== -1 ? a.slice(eq + 1) : argv[++i];
    };
    if (a === '-h' || a === '--help') {
      io.out(EXPORT_USAGE);
      return 0;
    } else if (a === '--out' || a.startsWith('--out=')) {
      out = value();
      if (!out) return usage('--out needs a folder');
    } else if (a === '--lang' || a.startsWith('--lang=')) {
      const l = value();
      if (l !== 'en' && l !== 'nb') return usage(`unknown language "${l ?? ''}" (en or nb)`);
      lang = l;
    } else if (a === '--force') force = true;
    else if (a.startsWith('-') && a !== '-') return usage(`unknown option ${a}`);
    else files.push(a);
  }
  if (files.length !== 1) return usage(files.length ? 'give one descriptor' : 'no descriptor given');
  if (!out) return usage('--out is required');
  const file = files[0];
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    io.err(`${TOOL_NAME} export: ${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message}\n`);
    return 2;
  }
  const { analyzeFile, buildPackage, checkTarget, ExportRefused, writePackage } = loadExport();
  try {
    // Refuse before the work, so a refused folder costs nothing.
    checkTarget(out, force);
    const started = Date.now();
    const pkg = await buildPackage(analyzeFile(file, text, lang));
    const written = writePackage(out, pkg.files, force);
    for (const [i, p] of written.entries()) io.out(`${p}  ${formatSize(pkg.files[i].data.length)}\n`);
    for (const n of pkg.notes) io.err(`${TOOL_NAME} export: ${n}\n`);
    const l = pkg.model.lang;
    const errors = pkg.errors;
    io.out(
      l === 'nb'
        ? `${written.length} filer skrevet på ${Date.now() - started} ms${errors ? `; beskrivelsen har ${errors} feil, oppført øverst i application.docx og report.html` : ''}.\n`
        : `${written.length} files written in ${Date.now() - started} ms${errors ? `; the descriptor has ${errors} error${errors === 1 ? '' : 's'}, listed at the top of application.docx and report.html` : ''}.\n`,
    );
    return errors ? 1 : 0;
  } catch (e) {
    if (e instanceof ExportRefused) {
      io.err(`${TOOL_NAME} export: ${e.message}\n`);
      return 2;
    }
    const err = e as NodeJS.ErrnoException;
    if (err.code) {
      io.err(`${TOOL_NAME} export: cannot write to ${out}: ${err.message}\n`);
      return 2;
    }
    throw e;
  }
}

function formatSize(n: number): string {
  return n < 1024 ? `${n} B` : `${(n / 1024).toFixed(1)} KiB`;
}
