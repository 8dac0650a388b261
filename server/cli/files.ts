/**
 * Which files the CLI checks: each argument is a file, a folder (searched for descriptors) or a
 * glob. Folders are walked without following symbolic links to folders, so a link to the folder
 * itself or to its parent cannot loop; every file is listed once, by its real path; a folder that
 * cannot be read, and anything named as a descriptor that is not a readable file (a FIFO, a
 * device, a broken link), is reported, never a crash, a hang or a silent skip.
 */
import { readdirSync, realpathSync, statSync } from 'node:fs';
import { join } from 'node:path';
import fg from 'fast-glob';

const DESCRIPTOR_NAME = /(\.descriptor\.ya?ml|^project-descriptor\.ya?ml)$/i;
const SKIP_FOLDERS = new Set(['node_modules']);

export interface Expanded {
  files: string[];
  /** Arguments or folders that could not be read, each with its reason. */
  problems: string[];
}

export function expand(patterns: readonly string[]): Expanded {
  const files: string[] = [];
  const problems: string[] = [];
  const seen = new Set<string>();
  const add = (f: string) => {
    let real = f;
    try {
      real = realpathSync(f);
    } catch {
      // Reading it will say what is wrong.
    }
    if (!seen.has(real)) {
      seen.add(real);
      files.push(f);
    }
  };
  for (const p of patterns) {
    let isDir = false;
    let exists = true;
    try {
      isDir = statSync(p).isDirectory();
    } catch (e) {
      exists = (e as NodeJS.ErrnoException).code !== 'ENOENT';
    }
    if (isDir) walk(p, add, problems);
    else if (exists) add(p);
    else if (fg.isDynamicPattern(p)) {
      // Every match that is not a folder (nor a link to one): a FIFO or a device named like a descriptor is read, and refused, like one found in a folder.
      const found = fg.sync(p, { dot: false, ignore: ['**/node_modules/**'], followSymbolicLinks: false, suppressErrors: true, onlyFiles: false, markDirectories: true }).filter((f) => !f.endsWith('/') && !isFolder(f));
      if (found.length === 0) problems.push(`${p}: no files match`);
      found.sort().forEach(add);
    } else problems.push(`${p}: no such file`);
  }
  return { files, problems };
}

const isFolder = (p: string) => {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
};

/** The descriptors under `dir`, in name order; hidden folders and node_modules are skipped. */
function walk(dir: string, add: (f: string) => void, problems: string[]): void {
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    problems.push(`${dir}: cannot read this folder (${code === 'EACCES' || code === 'EPERM' ? 'permission denied' : code ?? 'error'})`);
    return;
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const path = join(dir, e.name);
    if (e.isDirectory()) {
      if (!e.name.startsWith('.') && !SKIP_FOLDERS.has(e.name)) walk(path, add, problems);
    } else if (DESCRIPTOR_NAME.test(e.name)) {
      // A link to a folder is not followed. Anything else named as a descriptor is listed: a file
      // (or a link to one) is checked once; a FIFO, a device or a broken link is reported by the
      // read as unreadable, never waited on and never skipped in silence.
      // (A broken link is no folder: the read says what is wrong with it.)
      if (e.isSymbolicLink() && isFolder(path)) continue;
      add(path);
    }
  }
}
