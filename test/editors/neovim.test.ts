/** Neovim (0.7+, headless) as a real LSP client of dist/server.js over stdio. Skipped where nvim is not installed. */
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SERVER } from '../helpers/lsp-client';

const hasNvim = spawnSync('nvim', ['--version'], { encoding: 'utf8' }).status === 0;

describe('Neovim as an LSP client', () => {
  it('shows the diagnostics of a broken example', function () {
    if (!hasNvim) this.skip();
    const out = join(mkdtempSync(join(tmpdir(), 'nvim-')), 'diagnostics.json');
    const file = join(process.cwd(), 'examples', 'broken', 'typo.descriptor.yaml');
    const r = spawnSync('nvim', ['--headless', '-u', 'NONE', '-i', 'NONE', '-n', '-c', `luafile ${join(process.cwd(), 'test', 'editors', 'neovim-diagnostics.lua')}`], {
      env: { ...process.env, SERVER, FILE: file, OUT: out },
      encoding: 'utf8',
      timeout: 60000,
    });
    assert.equal(r.status, 0, r.stderr);
    const result = JSON.parse(readFileSync(out, 'utf8')) as { ok: boolean; diagnostics: { code: string; message: string; lnum: number }[] };
    assert.ok(result.ok, 'no diagnostics arrived');
    const schema = result.diagnostics.find((d) => d.code === 'schema' && /helth-research/.test(d.message));
    assert.ok(schema, JSON.stringify(result.diagnostics));
    const line = readFileSync(file, 'utf8').split('\n').findIndex((l) => l.includes('helth-research'));
    assert.equal(schema.lnum, line);
  });
});
