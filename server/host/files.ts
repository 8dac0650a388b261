/**
 * Reading the files a descriptor or a user names: regular files only, never larger than the
 * checker reads, never a device, a FIFO or a network path. Every read of the disk in the host goes
 * through here, so `/dev/zero`, a FIFO or a UNC path named as a descriptor, a baseline or a
 * configuration file is refused with a reason instead of read without end.
 */
import { closeSync, fstatSync, openSync, readSync, statSync, constants } from 'node:fs';
import type { Localized } from '../../rules/domain/types';
import { decodeUtf8 } from '../engine/encoding';
import { LIMITS } from '../engine/parse';

export type ReadResult = { text: string } | { problem: Localized; code: string };

/** A UNC (`\\host\share`) or Windows device (`\\.\`, `\\?\`) path: opening one could reach the network. */
export function isRemoteOrDevicePath(p: string): boolean {
  return /^[\\/]{2}/.test(p);
}

const problem = (code: string, en: string, nb: string): ReadResult => ({ code, problem: { en, nb } });

/**
 * Reads a regular file as UTF-8, at most `maxBytes` (the checker's input limit by default). The
 * file is opened without blocking and checked with `fstat` before a byte is read, so a FIFO or a
 * device is refused rather than waited on.
 */
export function readRegularFile(path: string, maxBytes: number = LIMITS.maxBytes): ReadResult {
  if (isRemoteOrDevicePath(path)) return problem('EREMOTE', 'network and device paths are not read', 'nettverks- og enhetsstier leses ikke');
  let fd: number | undefined;
  try {
    // O_NONBLOCK: opening a FIFO with no writer would otherwise wait for ever.
    fd = openSync(path, constants.O_RDONLY | (constants.O_NONBLOCK ?? 0));
    const st = fstatSync(fd);
    if (st.isDirectory()) return problem('EISDIR', 'is a folder', 'er en mappe');
    if (!st.isFile()) return problem('ENOTREG', 'is not a regular file', 'er ikke en vanlig fil');
    if (st.size > maxBytes) return problem('EFBIG', `is larger than ${Math.round(maxBytes / (1024 * 1024))} MB`, `er større enn ${Math.round(maxBytes / (1024 * 1024))} MB`);
    const buf = Buffer.alloc(st.size);
    let read = 0;
    while (read < st.size) {
      const n = readSync(fd, buf, read, st.size - read, read);
      if (n === 0) break;
      read += n;
    }
    const decoded = decodeUtf8(buf.subarray(0, read));
    // A file in another encoding is not read at all: its text would have U+FFFD for every æ, ø and å.
    return 'text' in decoded ? { text: decoded.text } : { problem: decoded.problem, code: 'ENOTUTF8' };
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code ?? 'EIO';
    if (code === 'ENOENT') return problem(code, 'does not exist', 'finnes ikke');
    if (code === 'EACCES' || code === 'EPERM') return problem(code, 'cannot be read (permission denied)', 'kan ikke leses (ingen tilgang)');
    return problem(code, `cannot be read (${code})`, `kan ikke leses (${code})`);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Whether a regular file exists at `path` (a folder, a device or a network path does not count). */
export function isRegularFile(path: string): boolean {
  if (isRemoteOrDevicePath(path)) return false;
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}
