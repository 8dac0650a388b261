/**
 * How the language server's V8 heap grows. The server lives as long as the editor and keeps little:
 * about 12 MB after checking a 2,000-line descriptor, 25 MB at 20,000 lines. But every check
 * allocates, and V8's defaults size the heap for a batch job's throughput: the young generation
 * doubles up to 16 MB per semi-space as soon as objects survive, and the old generation is let
 * grow to up to four times what is live before it is collected. An editor's server idling beside
 * a 2,000-line descriptor then held 155 MB.
 *
 * So the young generation keeps the size it starts with and the old generation is collected when
 * it has grown by 60%: peak memory at 2,000 lines falls to about 88 MB. A very large descriptor is
 * the exception: reading one whole builds a syntax tree of hundreds of megabytes, and with a small
 * young generation much of the time would go to copying it, so while one is analysed V8 sizes the
 * heap as it would by default (a change to the structure of a 20,000-line descriptor is then
 * checked in about 360 ms instead of 500; it peaks below 300 MB, where yaml-language-server
 * takes about 400). `npm run bench` measures both sizes. No heap limit is set, so the largest
 * descriptor the checker reads still fits.
 *
 * Both are V8 settings read each time the collector decides, so setting them once the client has
 * been answered, before anything large is read, has the same effect as passing them on the command
 * line, and every editor that starts `dist/server.js` gets them without its own launch options.
 * Node warns that V8 flags changed at run time may behave unpredictably; these two only set sizes
 * and are measured.
 */

/** A text this long (about 8,000 lines) is a very large descriptor. */
const VERY_LARGE = 256 * 1024;

// Loaded when first used: `node:v8` is not needed to answer `initialize`.
let v8: typeof import('node:v8') | undefined;
const setFlags = (...flags: string[]): void => {
  v8 ??= require('node:v8') as typeof import('node:v8');
  for (const flag of flags) v8.setFlagsFromString(flag);
};

/** The server's heap policy: a small young generation, the old one collected at +60%. */
export function keepHeapSmall(): void {
  setFlags('--semi-space-growth-factor=1', '--heap-growing-percent=60');
}

/** Runs `analyse` (of `text`) with the heap sized as V8 would size it when the text is very large. */
export function withHeapFor<T>(text: string, analyse: () => T): T {
  if (text.length < VERY_LARGE) return analyse();
  setFlags('--semi-space-growth-factor=2', '--heap-growing-percent=0');
  try {
    return analyse();
  } finally {
    keepHeapSmall();
  }
}
