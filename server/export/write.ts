/**
 * Writes a built package into one folder and nowhere else: an existing non-empty folder is refused
 * unless forced; each file name is checked to stay inside the folder; a symbolic link (or anything
 * that is not a plain file) already standing at a file's name is removed first, never written through.
 */
import { existsSync, lstatSync, mkdirSync, readdirSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { PackageFile } from './package';

export class ExportRefused extends Error {}

const SAFE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** Why a folder cannot be made, in words. */
const WHY_NOT: Readonly<Record<string, string>> = {
  EACCES: 'permission denied',
  EPERM: 'permission denied',
  ENOENT: 'this file system does not allow a folder there',
  ENOTDIR: 'a part of the path is a file',
  EROFS: 'the file system is read-only',
  ENOSPC: 'the disk is full',
};

/** Refuses (throws ExportRefused) when `dir` is a file, or a non-empty folder and `force` is not set. */
export function checkTarget(dir: string, force: boolean): void {
  if (!existsSync(dir)) return;
  if (!statSync(dir).isDirectory()) throw new ExportRefused(`${dir} exists and is not a folder`);
  if (!force && readdirSync(dir).length > 0) throw new ExportRefused(`${dir} is not empty; use --force to write into it (files of the package are replaced, other files are left alone)`);
}

/**
 * Creates `root` and its missing parents one level at a time; a level that cannot be made refuses
 * the export with the reason. (Node's recursive mkdir retries for ever where a folder can never be
 * made, as under /proc.)
 */
function makeFolder(root: string): void {
  const missing: string[] = [];
  for (let p = root; !existsSync(p); p = dirname(p)) {
    missing.push(p);
    if (dirname(p) === p) break;
  }
  for (const p of missing.reverse()) {
    try {
      mkdirSync(p);
    } catch (e) {
      const code = (e as NodeJS.ErrnoException).code;
      // Made meanwhile by someone else: fine, if it is a folder.
      if (code === 'EEXIST' && statSync(p).isDirectory()) continue;
      throw new ExportRefused(`cannot create the folder ${p} (${WHY_NOT[code ?? ''] ?? code ?? 'error'})`);
    }
  }
  if (!statSync(root).isDirectory()) throw new ExportRefused(`${root} exists and is not a folder`);
}

/** Writes the files into `dir` (created if needed) and returns the paths written. */
export function writePackage(dir: string, files: PackageFile[], force: boolean): string[] {
  checkTarget(dir, force);
  const root = resolve(dir);
  makeFolder(root);
  const written: string[] = [];
  for (const f of files) {
    const target = resolve(root, f.name);
    if (!SAFE_NAME.test(f.name) || dirname(target) !== root) throw new ExportRefused(`refusing to write ${JSON.stringify(f.name)}: not a plain file name`);
    let st: ReturnType<typeof lstatSync> | undefined;
    try {
      st = lstatSync(target);
    } catch {
      st = undefined;
    }
    if (st?.isDirectory()) throw new ExportRefused(`${join(dir, f.name)} is a folder`);
    if (st) unlinkSync(target);
    writeFileSync(target, f.data, { flag: 'wx' });
    written.push(join(dir, f.name));
  }
  return written;
}
