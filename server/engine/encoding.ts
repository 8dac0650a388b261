/**
 * Bytes to text. A descriptor is UTF-8 (with or without a byte order mark). A file in another
 * encoding is reported with where it stops being UTF-8, never decoded with replacement characters:
 * text read that way and written back (by `--fix`) would lose every æ, ø and å in it.
 */
import type { Localized } from '../../rules/domain/types';

export type Decoded =
  | { text: string }
  | {
      /** Why the bytes are not read as a descriptor, in both languages. */
      problem: Localized;
      /** The byte offset where the file stops being UTF-8 (0 for a UTF-16 file). */
      offset: number;
      /** 1-based line and column (in characters) of that byte. */
      line: number;
      column: number;
    };

// `ignoreBOM` keeps a leading U+FEFF in the text, as Node's own UTF-8 decoding does; the parser skips it.
const strict = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
const lenient = new TextDecoder('utf-8', { ignoreBOM: true });

/** The text of a descriptor's bytes, or why they are not UTF-8 text. */
export function decodeUtf8(bytes: Uint8Array): Decoded {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return utf16(0);
  let text: string;
  try {
    text = strict.decode(bytes);
  } catch {
    const offset = Math.min(firstInvalid(bytes), bytes.length - 1);
    const lineStart = bytes.lastIndexOf(0x0a, offset - 1) + 1;
    let line = 1;
    for (let i = bytes.indexOf(0x0a); i !== -1 && i < offset; i = bytes.indexOf(0x0a, i + 1)) line++;
    // Everything before `offset` is valid UTF-8, so the column counts characters.
    const column = lenient.decode(bytes.subarray(lineStart, offset)).length + 1;
    const byte = `0x${bytes[offset].toString(16).toUpperCase().padStart(2, '0')}`;
    return {
      offset,
      line,
      column,
      problem: {
        en: `This file is not UTF-8 text: byte ${byte} on line ${line}, column ${column} is not valid UTF-8. It may be saved as Windows-1252 or Latin-1, where æ, ø and å are single bytes. Save it as UTF-8; it was not read.`,
        nb: `Filen er ikke UTF-8-tekst: byte ${byte} på linje ${line}, kolonne ${column} er ikke gyldig UTF-8. Den kan være lagret som Windows-1252 eller Latin-1, der æ, ø og å er én byte hver. Lagre den som UTF-8; den ble ikke lest.`,
      },
    };
  }
  // UTF-16 without a byte order mark decodes as UTF-8 too, with a NUL byte beside every ASCII character.
  const head = bytes.subarray(0, 512);
  let nul = 0;
  for (const b of head) if (b === 0) nul++;
  if (head.length >= 8 && nul * 4 >= head.length) return utf16(head.indexOf(0));
  return { text };
}

function utf16(offset: number): Decoded {
  return {
    offset,
    line: 1,
    column: 1,
    problem: {
      en: 'This file is UTF-16 text; descriptors are read as UTF-8. Save it as UTF-8; it was not read.',
      nb: 'Filen er UTF-16-tekst; prosjektbeskrivelser leses som UTF-8. Lagre den som UTF-8; den ble ikke lest.',
    },
  };
}

/** The offset of the first byte that does not start or continue a well-formed UTF-8 sequence. */
function firstInvalid(b: Uint8Array): number {
  let i = 0;
  while (i < b.length) {
    const c = b[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    // The lead byte fixes the length and the range of the second byte (no overlong forms, no surrogates, nothing past U+10FFFF).
    let n: number;
    let lo = 0x80;
    let hi = 0xbf;
    if (c >= 0xc2 && c <= 0xdf) n = 1;
    else if (c >= 0xe0 && c <= 0xef) {
      n = 2;
      if (c === 0xe0) lo = 0xa0;
      if (c === 0xed) hi = 0x9f;
    } else if (c >= 0xf0 && c <= 0xf4) {
      n = 3;
      if (c === 0xf0) lo = 0x90;
      if (c === 0xf4) hi = 0x8f;
    } else return i;
    for (let k = 1; k <= n; k++) {
      const x = b[i + k];
      if (x === undefined) return i;
      if (k === 1 ? x < lo || x > hi : x < 0x80 || x > 0xbf) return i;
    }
    i += n + 1;
  }
  return b.length;
}
