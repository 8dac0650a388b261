/**
 * Paths a descriptor names (an attachment's `file`, its own `baseline:`) are looked at only inside
 * the descriptor's folder or a workspace folder (the editor's workspace folders; for the CLI, the
 * folder it runs in), also through symbolic links, and never when they are network or device paths:
 * on Windows, merely looking at `\\host\share\x` opens a connection to `host` and sends it the
 * user's credentials. A path that is refused is not touched at all; the caller reports why.
 */
import { realpathSync } from 'node:fs';
import { basename, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { PathRefusal } from '../../rules/rule';
import { isRegularFile, isRemoteOrDevicePath } from './files';

/** Whether `path` is `root` or inside it (both absolute and resolved). */
function within(path: string, root: string): boolean {
  const rel = relative(root, path);
  return rel === '' || (rel !== '..' && !rel.startsWith(`..${sep}`) && !isAbsolute(rel));
}

/** The real path of `p`: of the nearest part that exists, with the rest of `p` after it. */
function realPath(p: string): string {
  try {
    return realpathSync(p);
  } catch {
    const up = dirname(p);
    return up === p ? p : join(realPath(up), basename(p));
  }
}

/**
 * Where a path named in the descriptor at `dir` leads, or why it is not looked at: `remote` for a
 * network or device path, `outside` when it (or a symbolic link on the way) leaves `dir` and every
 * folder of `roots`. Relative paths are relative to `dir`.
 */
export function resolveNamedPath(dir: string | undefined, named: string, roots: readonly string[]): { path: string } | { refused: PathRefusal } {
  if (isRemoteOrDevicePath(named)) return { refused: 'remote' };
  // Without a folder of its own (an unsaved descriptor) only an absolute path inside a workspace folder can be allowed.
  if (!dir && !isAbsolute(named)) return { refused: 'outside' };
  const path = resolve(dir ?? '', named);
  const allowed = [...(dir ? [dir] : []), ...roots].map((r) => resolve(r));
  if (!allowed.some((r) => within(path, r))) return { refused: 'outside' };
  // No filesystem call is made for a remote path above; the real path is looked up only for one inside.
  const real = realPath(path);
  if (real !== path && !allowed.map(realPath).some((r) => within(real, r))) return { refused: 'outside' };
  return { path };
}

/** The file checks the rules get for a descriptor in `dir`: whether a named file exists, and why one is not looked at. */
export function namedFileChecks(dir: string, roots: readonly string[]): { fileExists: (relative: string) => boolean; pathRefused: (relative: string) => PathRefusal | undefined } {
  return {
    fileExists: (rel) => {
      const r = resolveNamedPath(dir, rel, roots);
      return 'path' in r && isRegularFile(r.path);
    },
    pathRefused: (rel) => {
      const r = resolveNamedPath(dir, rel, roots);
      return 'refused' in r ? r.refused : undefined;
    },
  };
}
