/**
 * dmp.json, the machine-actionable data management plan: every example's plan is valid against the
 * RDA DMP Common Standard's own JSON schema (version 1.1, vendored in schemas/rda-dmp-1.1/), says
 * only what the descriptor says, and is not written without the contact e-mail the standard needs.
 */
import { strict as assert } from 'node:assert';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { buildPackage } from '../../server/export/package';
import type { RdaDmp } from '../../server/report/dmp';
import { analyzeFile } from '../helpers/analysis';

const examples = join(process.cwd(), 'examples');
const schema = JSON.parse(readFileSync(join(process.cwd(), 'schemas', 'rda-dmp-1.1', 'maDMP-schema-1.1.json'), 'utf8'));
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats(ajv);
const validate = ajv.compile(schema);
const NOW = new Date('2026-12-06T10:15:00Z');

async function dmpOf(name: string, text = readFileSync(join(examples, name), 'utf8'), lang: 'en' | 'nb' = 'en') {
  const pkg = await buildPackage(analyzeFile(join(examples, name), text, lang), { today: '2026-12-06', now: NOW, rasterize: null });
  const f = pkg.files.find((x) => x.name === 'dmp.json');
  return { pkg, dmp: f ? (JSON.parse(f.data.toString('utf8')) as RdaDmp) : undefined };
}

describe('dmp.json: the RDA DMP Common Standard 1.1', function () {
  this.timeout(60_000);

  it('the vendored schema is the standard\'s, with its licence', () => {
    assert.equal(schema.$id, 'https://github.com/RDA-DMP-Common/RDA-DMP-Common-Standard/tree/master/examples/JSON/JSON-schema/1.1');
    assert.match(readFileSync(join(process.cwd(), 'schemas', 'rda-dmp-1.1', 'LICENSE.md'), 'utf8'), /released into the public domain/);
    assert.equal(validate({ dmp: {} }), false, 'the schema rejects an empty plan');
  });

  for (const name of readdirSync(examples).filter((n) => n.endsWith('.descriptor.yaml'))) {
    it(`${name}: valid against the standard's schema`, async () => {
      const { dmp } = await dmpOf(name);
      assert.ok(dmp, 'written');
      assert.ok(validate(dmp), ajv.errorsText(validate.errors));
    });
  }

  it('says what the descriptor says: title, contact, period, one dataset per source, retention and security', async () => {
    const { dmp } = await dmpOf('compliant-research.descriptor.yaml');
    const d = dmp!.dmp;
    assert.equal(d.title, 'Heart failure readmissions after hospital discharge');
    assert.equal(d.language, 'eng');
    assert.equal(d.created, '2026-12-06T10:15:00.000Z');
    assert.deepEqual(d.contact, { name: 'Kari Nordmann', mbox: 'kari.nordmann@example.no', contact_id: { identifier: 'kari.nordmann@example.no', type: 'other' } });
    assert.deepEqual(d.dmp_id, { identifier: 'compliant-research.descriptor.yaml', type: 'other' });
    assert.deepEqual(d.project, [{ title: d.title, description: 'New knowledge about which patients with heart failure are readmitted within a year.', start: '2025-03-01', end: '2028-02-29' }]);
    assert.deepEqual(d.dataset.map((x) => x.title), ['Patient records (treatment-oriented health register)', 'Norwegian Patient Registry (NPR)', 'Norwegian Cause of Death Registry (DÅR)']);
    assert.deepEqual(d.dataset[1].dataset_id, { identifier: 'compliant-research.descriptor.yaml#npr', type: 'other' });
    assert.equal(d.dataset[0].personal_data, 'yes');
    assert.equal(d.dataset[0].sensitive_data, 'yes');
    assert.equal(d.dataset[0].preservation_statement, 'Kept until 2033-02-28. The data file is deleted five years after the project ends, and the deletion logged.');
    assert.deepEqual(d.dataset[0].security_and_privacy.map((x) => x.title), ['two-factor login', 'access log', 'encrypted disk']);
    assert.equal(d.ethical_issues_exist, 'yes');
    assert.match(d.ethical_issues_description ?? "", /REK pre-approval: granted; Application to Helsedataservice \(access and exemption\): applied/);
    // Staff without an e-mail have no identifier the standard accepts, so they are not listed.
    assert.deepEqual(d.contributor.map((c) => c.name), ['Kari Nordmann']);
  });

  it('in Norwegian, with the staff and the data protection officer who have an e-mail address as contributors', async () => {
    const text = readFileSync(join(examples, 'compliant-research.descriptor.yaml'), 'utf8')
      .replace('    - { name: Ola Nordmann, role: researcher }', '    - { name: Ola Nordmann, role: researcher, email: ola@example.no }')
      .replace('  project_lead:', '  data_protection_officer: { name: Per Vern, email: pvo@example.no }\n  project_lead:');
    const { dmp } = await dmpOf('compliant-research.descriptor.yaml', text, 'nb');
    assert.ok(validate(dmp), ajv.errorsText(validate.errors));
    assert.equal(dmp!.dmp.language, 'nob');
    assert.deepEqual(dmp!.dmp.contributor.map((c) => `${c.name}: ${c.role.join(', ')}`), ['Kari Nordmann: Prosjektleder', 'Ola Nordmann: Forsker', 'Per Vern: Personvernombud']);
    assert.equal(dmp!.dmp.dataset[1].title, 'Norsk pasientregister (NPR)');
  });

  it('without the project lead\'s e-mail, no plan and a note that says which key to fill', async () => {
    const text = readFileSync(join(examples, 'compliant-research.descriptor.yaml'), 'utf8').replace('  project_lead: { name: Kari Nordmann, email: kari.nordmann@example.no }', '  project_lead: { name: Kari Nordmann }');
    const { pkg, dmp } = await dmpOf('compliant-research.descriptor.yaml', text);
    assert.equal(dmp, undefined);
    assert.ok(pkg.notes.some((n) => n.startsWith('dmp.json was not written') && n.includes('project.project_lead')), pkg.notes.join(' | '));
  });

  it('keeps hostile text as JSON text', async () => {
    const evil = '"}],"x":{"<script>alert(1)</script>';
    const text = readFileSync(join(examples, 'compliant-research.descriptor.yaml'), 'utf8').replace('title: Heart failure readmissions after hospital discharge', `title: ${JSON.stringify(evil)}`);
    const { dmp } = await dmpOf('compliant-research.descriptor.yaml', text);
    assert.equal(dmp!.dmp.title, evil);
    assert.ok(validate(dmp), ajv.errorsText(validate.errors));
  });
});
