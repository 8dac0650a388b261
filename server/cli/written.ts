/** What the CLI's `export` and `portfolio` say about the files they write, and about a write that failed. */
import { TOOL_NAME } from '../engine/product';

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

/** One line per written file: its path and size. */
export function listWritten(io: Io, paths: readonly string[], files: readonly { data: Buffer }[]): void {
  for (const [i, p] of paths.entries()) io.out(`${p}  ${formatSize(files[i].data.length)}\n`);
}

function formatSize(n: number): string {
  return n < 1024 ? `${n} B` : `${(n / 1024).toFixed(1)} KiB`;
}

/**
 * Exit status 2 with the reason for a folder refused (`refused`, the export bundle's ExportRefused)
 * or a write the system refused; anything else is a bug and is thrown on.
 */
export function writeFailed(e: unknown, command: string, out: string, io: Io, refused: new (...args: never[]) => Error): number {
  if (e instanceof refused) {
    io.err(`${TOOL_NAME} ${command}: ${e.message}\n`);
    return 2;
  }
  const err = e as NodeJS.ErrnoException;
  if (err.code) {
    io.err(`${TOOL_NAME} ${command}: cannot write to ${out}: ${err.message}\n`);
    return 2;
  }
  throw e;
}
