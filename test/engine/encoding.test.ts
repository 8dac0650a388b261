/**
 * A descriptor's bytes are UTF-8, or the reader says where they stop being: a Windows-1252 file is
 * never read with U+FFFD in place of æ, ø and å (and so never written back that way).
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { decodeUtf8 } from '../../server/engine/encoding';

const LATIN1 = join(process.cwd(), 'test', 'fixtures', 'hostile', 'fix-latin1-corrupts.descriptor.yaml');
const bytes = (...xs: number[]) => Uint8Array.from(xs);

describe('decodeUtf8', () => {
  it('reads UTF-8 as Node does, keeping a byte order mark', () => {
    const text = '\uFEFFdescriptor: 1\nproject: { title: Søvn og helse i Tromsø 😴 }\n';
    assert.deepEqual(decodeUtf8(Buffer.from(text, 'utf8')), { text });
    assert.deepEqual(decodeUtf8(new Uint8Array()), { text: '' });
  });

  it('says where a Windows-1252 file stops being UTF-8, and why that may be', () => {
    const d = decodeUtf8(readFileSync(LATIN1));
    assert.ok('problem' in d, 'read as text');
    // Line 1 is `# Prosjekt ved UNN Troms\xF8: ...`: the ø is byte 0xF8, the 25th character.
    assert.deepEqual([d.offset, d.line, d.column], [24, 1, 25]);
    assert.equal(d.problem.en, 'This file is not UTF-8 text: byte 0xF8 on line 1, column 25 is not valid UTF-8. It may be saved as Windows-1252 or Latin-1, where æ, ø and å are single bytes. Save it as UTF-8; it was not read.');
    assert.match(d.problem.nb, /^Filen er ikke UTF-8-tekst: byte 0xF8 på linje 1, kolonne 25 /);
  });

  it('finds the first bad byte after valid multi-byte text on a later line', () => {
    const d = decodeUtf8(Buffer.concat([Buffer.from('a: æøå\nb: "😴', 'utf8'), bytes(0xe6), Buffer.from('"\n')]));
    assert.ok('problem' in d);
    assert.deepEqual([d.line, d.column], [2, 7]);
  });

  it('refuses overlong forms, surrogates, code points past U+10FFFF and a sequence cut short', () => {
    for (const bad of [bytes(0xc0, 0xaf), bytes(0xe0, 0x80, 0xaf), bytes(0xed, 0xa0, 0x80), bytes(0xf4, 0x90, 0x80, 0x80), bytes(0xff), bytes(0x61, 0xe2, 0x82)]) {
      const d = decodeUtf8(bad);
      assert.ok('problem' in d, `read ${Buffer.from(bad).toString('hex')}`);
      assert.equal(d.offset, bad[0] === 0x61 ? 1 : 0, Buffer.from(bad).toString('hex'));
    }
  });

  it('agrees with the WHATWG decoder on any bytes, and the text before the bad byte is valid', () => {
    const strict = new TextDecoder('utf-8', { fatal: true });
    const valid = (b: Uint8Array) => {
      try {
        strict.decode(b);
        return true;
      } catch {
        return false;
      }
    };
    // Mostly text, with bytes of every kind mixed in.
    const chunk = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 6 }).map((s) => Buffer.from(s.replace(/\0/g, ''), 'utf8')), fc.uint8Array({ minLength: 1, maxLength: 4 }));
    fc.assert(
      fc.property(fc.array(chunk, { maxLength: 12 }), (parts) => {
        const b = Buffer.concat(parts.map((p) => Buffer.from(p)));
        const d = decodeUtf8(b);
        if (valid(b)) return 'text' in d || /UTF-16/.test(d.problem.en);
        if (!('problem' in d) || d.offset >= b.length || !valid(b.subarray(0, d.offset))) return false;
        // No character starts at the offset: no 1 to 4 bytes from there are valid UTF-8.
        return [1, 2, 3, 4].every((k) => d.offset + k > b.length || !valid(b.subarray(d.offset, d.offset + k)));
      }),
      { numRuns: 2000 },
    );
  });

  it('names UTF-16, with or without a byte order mark', () => {
    const text = 'descriptor: 1\nproject: { title: T }\n';
    for (const b of [Buffer.concat([bytes(0xff, 0xfe), Buffer.from(text, 'utf16le')]), Buffer.from(text, 'utf16le')]) {
      const d = decodeUtf8(b);
      assert.ok('problem' in d);
      assert.match(d.problem.en, /^This file is UTF-16 text/);
    }
  });

  it('reads a UTF-8 file with a few NUL bytes as text (the checker reports them, it does not refuse the file)', () => {
    const text = 'descriptor: 1\nproject: { title: "a\u0000b" }\n'.repeat(4);
    assert.deepEqual(decodeUtf8(Buffer.from(text, 'utf8')), { text });
  });
});
