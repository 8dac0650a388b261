/** `.descriptor-check.yaml`: its JSON schema comes from the rule registry, and its problems sit at the key they are about, in both languages. */
import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv';
import { ruleMetas } from '../../rules';
import { configSchema, problemLine, readConfigFile } from '../../server/host/config';

const root = process.cwd();

describe('.descriptor-check.yaml', () => {
  const schema = JSON.parse(readFileSync(join(root, 'schemas', 'descriptor-check.schema.json'), 'utf8'));

  it('has a schema generated from the registry (npm run docs writes it)', () => {
    assert.deepEqual(schema, configSchema(), 'schemas/descriptor-check.schema.json is out of date: run npm run docs');
    assert.deepEqual(Object.keys((schema as { properties: { rules: { properties: object } } }).properties.rules.properties).sort(), ruleMetas.map((m) => m.id).sort());
  });

  it('is contributed to YAML editors through yamlValidation', () => {
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
    const entry = pkg.contributes.yamlValidation.find((v: { url: string }) => v.url === './schemas/descriptor-check.schema.json');
    assert.ok(entry, 'no yamlValidation entry for the configuration file');
    assert.deepEqual(entry.fileMatch.sort(), ['.descriptor-check.yaml', '.descriptor-check.yml']);
  });

  it('accepts a good file and rejects an unknown rule id, a bad severity and an unknown key', () => {
    const validate = new Ajv({ allErrors: true, strict: false }).compile(schema);
    assert.ok(validate({ language: 'nb', rules: { 'variable-exact-date': 'error', 'variable-unknown': 'off' }, variables_many: { threshold: 60 } }), JSON.stringify(validate.errors));
    assert.equal(validate({ rules: { 'no-such-rule': 'off' } }), false);
    assert.equal(validate({ rules: { 'variable-exact-date': 'offf' } }), false);
    assert.equal(validate({ rulez: {} }), false);
  });

  it('names each problem by the key it is about, in English and Norwegian', () => {
    const dir = mkdtempSync(join(tmpdir(), 'descriptor-cfg-'));
    const file = join(dir, '.descriptor-check.yaml');
    writeFileSync(file, 'language: sv\nrules:\n  variable-exact-date: offf\n  no-such-rule: off\nvariables_many: { threshold: -1 }\n');
    const c = readConfigFile(file);
    assert.deepEqual(c.problems.map((p) => p.path), [['language'], ['rules', 'variable-exact-date'], ['rules', 'no-such-rule'], ['variables_many', 'threshold']]);
    assert.match(problemLine(c, c.problems[2], 'nb'), /\.descriptor-check\.yaml: ukjent regel-id `no-such-rule`/);
    assert.match(problemLine(c, c.problems[2], 'en'), /unknown rule id `no-such-rule`/);
  });
});
