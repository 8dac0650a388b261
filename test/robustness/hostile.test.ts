/**
 * Hostile input through the language server: alias bombs, 20,000-line and 5 MB files, deeply
 * nested flow collections, and YAML tags. The server states its limits as diagnostics, never
 * executes anything, and keeps serving other documents.
 */
import { strict as assert } from 'node:assert';
import { check } from '../../server/engine/engine';
import { LIMITS } from '../../server/engine/parse';
import { TestClient } from '../helpers/lsp-client';
import { generateDescriptor } from '../../bench/generate.mjs';

const ok = `descriptor: 1
project: { title: T, institution: T HF }
purpose: { category: helth-research }
data_sources: []
`;

function aliasBomb(levels = 12): string {
  const lines = ['a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]'];
  for (let i = 1; i < levels; i++) lines.push(`a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(', ')}]`);
  return lines.join('\n') + '\n';
}

describe('hostile input', () => {
  let client: TestClient;
  before(async () => {
    client = await TestClient.start();
  });
  after(async () => {
    await client.stop();
    assert.equal(client.process.exitCode, 0, client.stderr);
  });

  it('states the limit for a billion-laughs alias bomb and serves the next document', async () => {
    await client.open('file:///h/bomb.descriptor.yaml', aliasBomb());
    const d = await client.diagnosticsFor('file:///h/bomb.descriptor.yaml', 1);
    assert.deepEqual(d.map((x) => x.code), ['input-limit']);
    await client.open('file:///h/ok1.descriptor.yaml', ok);
    assert.ok((await client.diagnosticsFor('file:///h/ok1.descriptor.yaml', 1)).some((x) => x.code === 'schema'));
  });

  it('states the size limit for a 5 MB file', async () => {
    const big = ok + `# ${'x'.repeat(5 * 1024 * 1024)}\n`;
    assert.ok(big.length > LIMITS.maxBytes);
    await client.open('file:///h/big.descriptor.yaml', big);
    const d = await client.diagnosticsFor('file:///h/big.descriptor.yaml', 1);
    assert.deepEqual(d.map((x) => x.code), ['input-limit']);
    assert.match(String(d[0].message), /MB/);
  });

  it('checks a 20,000-line descriptor', async () => {
    const text = generateDescriptor(20000);
    await client.open('file:///h/long.descriptor.yaml', text);
    const d = await client.diagnosticsFor('file:///h/long.descriptor.yaml', 1);
    // Checked, not refused: the one `input-limit` there may be says how many findings past the cap were left out.
    const capped = (x: (typeof d)[number]) => x.code === 'input-limit' && typeof (x.data as { extra?: { omitted?: number } })?.extra?.omitted === 'number';
    assert.ok(!d.some((x) => (x.code === 'input-limit' && !capped(x)) || x.code === 'yaml-syntax'), JSON.stringify(d.slice(0, 3)));
    assert.ok(d.length <= LIMITS.maxFindings, `${d.length} diagnostics`);
  });

  it('states the depth limit for deeply nested flow collections', async () => {
    const deep = `descriptor: 1\nproject: ${'{a: '.repeat(5000)}b${'}'.repeat(5000)}\n`;
    await client.open('file:///h/deep.descriptor.yaml', deep);
    const d = await client.diagnosticsFor('file:///h/deep.descriptor.yaml', 1);
    assert.deepEqual(d.map((x) => x.code), ['input-limit']);
    await client.open('file:///h/ok2.descriptor.yaml', ok);
    assert.ok((await client.diagnosticsFor('file:///h/ok2.descriptor.yaml', 1)).length > 0);
  });

  // A guard against a parser swap: the `yaml` package has no executable tags, so this fails only if another parser with them comes in.
  it('never executes YAML tags (guard against a parser with executable tags)', () => {
    (globalThis as Record<string, unknown>).__pwned = false;
    const text = `descriptor: 1\nproject: !!js/function "function () { globalThis.__pwned = true }"\npurpose: !<tag:yaml.org,2002:js/undefined> ''\ndata_sources: !!python/object:os.system [echo]\n`;
    const { results } = check(text, { lang: 'en' });
    assert.equal((globalThis as Record<string, unknown>).__pwned, false);
    assert.ok(results.length > 0);
  });
});
