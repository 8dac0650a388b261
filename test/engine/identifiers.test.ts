/** Direct identifiers recognised by normalised stems and words, family by family, in both languages. */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import { parse as parseYaml } from 'yaml';
import { identifierFamily, isDirectIdentifier } from '../../rules/domain/identifiers';

// The address family comes last: `e_post_adresse` is an e-mail address, not a home address.

const families: Record<string, string[]> = {
  'identity-number': ['fødselsnummer', 'fodselsnummer', 'Fødselsnr', 'fnr', 'patient_fnr', 'personnummer', 'personal_identity_number', 'national_id', 'nationalIdNumber', 'ssn', 'd_nummer', 'mor_fnr'],
  name: ['pasientnavn', 'patient_name', 'name', 'navn', 'full_name', 'fornavn', 'Etternavn', 'first-name', 'lastName', 'surname'],
  address: ['adresse', 'home_address', 'bostedsadresse', 'street address', 'Postadresse'],
  phone: ['telefonnummer', 'telefon', 'tlf', 'mobilnummer', 'mobil', 'phone_number', 'mobilePhone'],
  email: ['e-post', 'epost', 'e_post_adresse', 'email', 'E-mail', 'email_address'],
};
const notIdentifiers = ['drug_name', 'diagnosis_name', 'hospital_name', 'birth_year', 'municipality', 'main_diagnosis', 'admission_date', 'pid', 'sex', 'mobility_score', 'procedure_codes'];

describe('direct identifiers', () => {
  for (const [family, names] of Object.entries(families)) {
    it(`recognises the ${family} family`, () => {
      for (const n of names) assert.equal(identifierFamily(n)?.id, family, n);
    });
  }

  it('leaves ordinary variables alone', () => {
    for (const n of notIdentifiers) assert.equal(identifierFamily(n), undefined, n);
  });

  it('treats granularity address as identifying whatever the name', () => {
    assert.ok(isDirectIdentifier('residence', 'address'));
    assert.ok(!isDirectIdentifier('residence', 'county'));
  });

  it('rules/identifiers.yaml matches its schema', () => {
    const schema = JSON.parse(readFileSync(join(process.cwd(), 'schemas', 'identifiers.schema.json'), 'utf8'));
    const data = parseYaml(readFileSync(join(process.cwd(), 'rules', 'identifiers.yaml'), 'utf8'));
    const validate = new Ajv({ allErrors: true }).compile(schema);
    assert.ok(validate(data), JSON.stringify(validate.errors));
  });
});
