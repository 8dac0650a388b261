/** `npm run new-rule` registers everything a new rule needs, in a scratch copy of the files it touches. */
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

describe('new-rule scaffolding', () => {
  it('writes the rule, fixtures and docs page, and registers the id and its setting', () => {
    const root = mkdtempSync(join(tmpdir(), 'descriptor-new-rule-'));
    mkdirSync(join(root, 'rules'));
    copyFileSync(join(process.cwd(), 'rules', 'index.ts'), join(root, 'rules', 'index.ts'));
    copyFileSync(join(process.cwd(), 'package.json'), join(root, 'package.json'));
    const out = execFileSync(process.execPath, [join(process.cwd(), 'scripts', 'new-rule.mjs'), 'probe-rule', 'error'], { env: { ...process.env, DESCRIPTOR_ROOT: root }, encoding: 'utf8' });
    for (const f of ['rules/probe-rule.ts', 'test/fixtures/rules/probe-rule/valid/basic.yaml', 'test/fixtures/rules/probe-rule/invalid/basic.yaml', 'docs/rules/probe-rule.md']) {
      assert.ok(existsSync(join(root, f)), `${f} not written: ${out}`);
    }
    const registry = readFileSync(join(root, 'rules', 'index.ts'), 'utf8');
    assert.match(registry, /import probeRule from '\.\/probe-rule';/);
    assert.match(registry, /^ {2}probeRule,$/m);
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    assert.deepEqual(pkg.contributes.configuration.properties['descriptor.rules'].properties['probe-rule'].enum, ['off', 'information', 'warning', 'error']);
    assert.match(readFileSync(join(root, 'rules', 'probe-rule.ts'), 'utf8'), /severity: 'error'/);
  });
});
