import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { parse as parseYaml } from 'yaml';
import { check } from '../../server/engine/engine';
import { SCHEMA_NB, schemaAt, schemaFor } from '../../server/engine/schema';

const EXAMPLES = join(process.cwd(), 'examples');
const INVALID = join(process.cwd(), 'test', 'fixtures', 'rules', 'schema', 'invalid');
const schema = JSON.parse(readFileSync(join(process.cwd(), 'schemas', 'project-descriptor.schema.json'), 'utf8'));
const examples = readdirSync(EXAMPLES).filter((f) => f.endsWith('.descriptor.yaml'));

describe('JSON Schema', () => {
  it('compiles in strict mode with only the two annotation keywords we add', () => {
    const ajv = new Ajv({ allErrors: true, strict: true, strictTypes: false, strictRequired: false });
    ajv.addKeyword('markdownDescription');
    ajv.addKeyword('markdownEnumDescriptions');
    ajv.compile(schema);
  });

  it('describes every property in English with markdownDescription', () => {
    const missing: string[] = [];
    const walk = (node: unknown, path: string) => {
      if (!node || typeof node !== 'object') return;
      const o = node as Record<string, unknown>;
      if (o.properties && typeof o.properties === 'object') {
        for (const [k, v] of Object.entries(o.properties as Record<string, Record<string, unknown>>)) {
          if (!v.markdownDescription && !v.$ref) missing.push(`${path}.${k}`);
        }
      }
      // Conditional branches only restate constraints on properties described above.
      for (const [k, v] of Object.entries(o)) if (typeof v === 'object' && !['allOf', 'anyOf', 'oneOf', 'if', 'then', 'else', 'not'].includes(k)) walk(v, `${path}/${k}`);
    };
    walk(schema, '');
    assert.deepEqual(missing, []);
  });

  it('has every title and description in Norwegian too, keyed by JSON pointer, and nothing else in that table', () => {
    const texts = new Map<string, { title?: string; md?: string; enums?: number }>();
    const walk = (node: unknown, pointer: string) => {
      if (Array.isArray(node)) return node.forEach((x, i) => walk(x, `${pointer}/${i}`));
      if (!node || typeof node !== 'object') return;
      const o = node as Record<string, unknown>;
      // A title that is a kebab-case id names a constraint for tools, not for people.
      const title = typeof o.title === 'string' && !/^[a-z]+(-[a-z]+)+$/.test(o.title) ? o.title : undefined;
      const md = typeof o.markdownDescription === 'string' ? o.markdownDescription : undefined;
      const enums = Array.isArray(o.markdownEnumDescriptions) ? o.markdownEnumDescriptions.length : undefined;
      if (title || md || enums) texts.set(pointer, { title, md, enums });
      for (const [k, v] of Object.entries(o)) walk(v, `${pointer}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`);
    };
    walk(schema, '');
    const problems: string[] = [];
    for (const [pointer, t] of texts) {
      const nb = SCHEMA_NB[pointer];
      if (!nb) problems.push(`${pointer}: no Norwegian words`);
      else {
        if (t.title && !nb.title) problems.push(`${pointer}: no Norwegian title`);
        if (t.md && !nb.markdownDescription) problems.push(`${pointer}: no Norwegian description`);
        if (t.enums !== undefined && nb.markdownEnumDescriptions?.length !== t.enums) problems.push(`${pointer}: ${nb.markdownEnumDescriptions?.length ?? 0} Norwegian enum descriptions for ${t.enums}`);
      }
    }
    for (const pointer of Object.keys(SCHEMA_NB)) if (!texts.has(pointer)) problems.push(`${pointer}: in the Norwegian table, not in the schema`);
    assert.deepEqual(problems, []);
    assert.equal(schemaAt(schemaFor('nb'), ['purpose', 'category'])?.title, 'Formålskategori');
    assert.equal(schemaAt(schemaFor('en'), ['purpose', 'category'])?.title, 'Purpose category');
  });

  for (const f of examples) {
    it(`accepts examples/${f}`, () => {
      const results = check(readFileSync(join(EXAMPLES, f), 'utf8'), { lang: 'en' }).results;
      assert.deepEqual(results.filter((r) => ['schema', 'yaml-syntax', 'input-limit'].includes(r.rule)).map((r) => `${r.range.start.line + 1}: ${r.message}`), []);
    });
  }

  for (const f of readdirSync(INVALID).filter((n) => n.endsWith('.yaml'))) {
    it(`rejects invalid/${f} at the expected path`, () => {
      const text = readFileSync(join(INVALID, f), 'utf8');
      // The first line names the ajv error; `# expect: schema` marks where the engine reports it.
      const m = /^# schema-error: (\S*) (\S+)/.exec(text);
      assert.ok(m, 'first line must be "# schema-error: <instancePath> <keyword>"');
      const [, instancePath, keyword] = m;
      const value = parseYaml(text);
      const ajv = new Ajv({ allErrors: true, strict: false });
      const validate = ajv.compile(schema);
      assert.equal(validate(value), false);
      const hit = validate.errors!.some((e) => e.instancePath === (instancePath === '/' ? '' : instancePath) && e.keyword === keyword);
      assert.ok(hit, JSON.stringify(validate.errors!.map((e) => [e.instancePath, e.keyword])));
      const results = check(text, { lang: 'en' }).results.filter((r) => r.rule === 'schema');
      assert.ok(results.length > 0, 'the engine reports it');
      for (const r of results) assert.ok(r.range.end.line - r.range.start.line <= 1, `range too wide: ${r.message}`);
    });
  }

  it('accepts `baseline` and an approval\'s `case_number`, and rejects a baseline that is not text', () => {
    const base = 'descriptor: 1\nproject: { title: T }\npurpose: { category: health-research }\ndata_sources: []\n';
    const schemaFindings = (text: string) => check(text, { lang: 'en' }).results.filter((r) => r.rule === 'schema').map((r) => r.message);
    assert.deepEqual(schemaFindings(`${base}baseline: git:v1.0\napprovals:\n  - { kind: rek-preapproval, status: granted, case_number: REK 2024/1 }\n`), []);
    assert.deepEqual(schemaFindings(`${base}baseline: approved/project.descriptor.yaml\n`), []);
    assert.equal(schemaFindings(`${base}baseline: [v1]\n`).length, 1);
  });

  it('reports the broken examples the way a user would want', () => {
    const typo = check(readFileSync(join(EXAMPLES, 'broken', 'typo.descriptor.yaml'), 'utf8'), { lang: 'en' }).results;
    assert.ok(typo.some((r) => r.rule === 'schema' && /helth-research/.test(r.message)));
    const half = check(readFileSync(join(EXAMPLES, 'broken', 'half-typed.descriptor.yaml'), 'utf8'), { lang: 'en' }).results;
    assert.ok(half.some((r) => r.rule === 'yaml-syntax'));
    const v2 = check(readFileSync(join(EXAMPLES, 'broken', 'version-2.descriptor.yaml'), 'utf8'), { lang: 'en' }).results;
    assert.deepEqual(v2.map((r) => r.message), ['Unsupported descriptor format version 2; this version reads 1.']);
  });
});

describe('the compliant example', () => {
  it('gets no error and no warning', () => {
    const file = join(EXAMPLES, 'compliant-research.descriptor.yaml');
    const dir = join(EXAMPLES);
    const { existsSync } = require('node:fs') as typeof import('node:fs');
    const results = check(readFileSync(file, 'utf8'), { lang: 'en', fileExists: (rel) => existsSync(join(dir, rel)) }).results;
    assert.deepEqual(results.filter((r) => r.severity !== 'information').map((r) => `${r.range.start.line + 1} ${r.rule}: ${r.message}`), []);
  });
});
