import { strict as assert } from 'node:assert';
import { parse } from '../../server/engine/parse';
import { rangeFor } from '../../server/engine/yaml-paths';

const text = `descriptor: 1
project:
  title: Sepsis
  staff:
    - { name: Kari, role: project-lead }
purpose:
  category: health-research
  summary: >
    Folded text
    over two lines
data_sources:
  - id: epj
    source: patient-records
    variables:
      - name: date_of_birth
        granularity: date
`;

const slice = (path: (string | number)[], target?: 'key' | 'value') => {
  const [s, e] = rangeFor(parse(text), path, target);
  return text.slice(s, e);
};

describe('path to range', () => {
  it('points at a scalar value', () => {
    assert.equal(slice(['purpose', 'category']), 'health-research');
    assert.equal(slice(['data_sources', 0, 'variables', 0, 'granularity']), 'date');
  });

  it('points at the key when asked', () => {
    assert.equal(slice(['purpose', 'category'], 'key'), 'category');
    assert.equal(slice(['data_sources'], 'key'), 'data_sources');
  });

  it('points at the key of a multi-line collection, not the whole block', () => {
    assert.equal(slice(['purpose']), 'purpose');
    assert.equal(slice(['data_sources', 0, 'variables']), 'variables');
  });

  it('points at a one-line flow collection as a whole', () => {
    assert.equal(slice(['project', 'staff', 0]), '{ name: Kari, role: project-lead }');
    assert.equal(slice(['project', 'staff', 0, 'role']), 'project-lead');
  });

  it('points at the first line of a block scalar', () => {
    assert.equal(slice(['purpose', 'summary']), '>');
  });

  it('falls back to the closest existing ancestor key for missing paths', () => {
    assert.equal(slice(['purpose', 'product']), 'purpose');
    assert.equal(slice(['project', 'period', 'start']), 'project');
  });

  it('points at the first line of a block-map sequence item when its key is missing', () => {
    assert.equal(slice(['data_sources', 0, 'variables', 0, 'justification']), 'name: date_of_birth');
  });

  it('never returns the whole file for a missing top-level key', () => {
    const s = slice(['approvals']);
    assert.ok(s.length > 0 && !s.includes('\n'), `got ${JSON.stringify(s)}`);
  });
});
