/**
 * The routing table: every row of the purpose table in descriptor-format.md, and the
 * Helsedataservice registries, against rules/routing.ts.
 */
import { strict as assert } from 'node:assert';
import { sourceList } from '../../rules/domain/catalogue';
import { ATTACHMENT_ROWS, REQUIREMENT_ROWS, route, type RouteInput } from '../../rules/domain/routing';

const kinds = (input: RouteInput) => route(input).requirements.map((r) => r.kind);
const base = (over: Partial<RouteInput>): RouteInput => ({ consent: false, sources: ['patient-records'], ...over });

interface Row {
  purpose: string;
  product?: string;
  clinicalTesting?: boolean;
  secondary?: string[];
  exemption: string | undefined;
  rek: boolean;
  also?: string[];
}

// With patient records only (no Helsedataservice registry involved), no consent.
const table: Row[] = [
  { purpose: 'health-research', exemption: 'rek-exemption', rek: true, also: ['dpo-assessment', 'dpia'] },
  { purpose: 'other-research', exemption: 'rek-exemption', rek: false, also: ['rek-preassessment', 'dpo-assessment', 'dpia'] },
  { purpose: 'internal-quality-assurance', exemption: undefined, rek: false, also: ['management-decision', 'dpo-assessment'] },
  { purpose: 'quality-improvement', exemption: 'helsedir-exemption', rek: false, also: ['dpo-assessment'] },
  { purpose: 'quality-register', exemption: undefined, rek: false, also: ['dpo-assessment'] },
  { purpose: 'statistics', exemption: 'helsedir-exemption', rek: false },
  { purpose: 'health-analysis', exemption: 'helsedir-exemption', rek: false },
  { purpose: 'planning-management', exemption: 'helsedir-exemption', rek: false },
  { purpose: 'preparedness', exemption: 'helsedir-exemption', rek: false },
  { purpose: 'product-development', product: 'clinical-decision-support', clinicalTesting: true, exemption: 'helsedir-exemption', rek: true, also: ['medical-products-notification'] },
  { purpose: 'product-development', product: 'clinical-decision-support', clinicalTesting: false, exemption: 'helsedir-exemption', rek: false, also: ['medical-products-notification'] },
  { purpose: 'health-research', secondary: ['product-development'], product: 'clinical-decision-support', exemption: 'rek-exemption', rek: true },
  { purpose: 'product-development', product: 'administrative-decision-support', exemption: 'helsedir-exemption', rek: false },
  { purpose: 'product-development', product: 'process-automation', exemption: 'helsedir-exemption', rek: false },
];

describe('routing: the purpose table', () => {
  for (const row of table) {
    const label = [row.purpose, ...(row.secondary ?? []), row.product, row.clinicalTesting ? 'clinical testing' : ''].filter(Boolean).join(' + ');
    it(`${label}: ${row.exemption ?? 'no exemption'}, ${row.rek ? 'REK pre-approval' : 'no REK pre-approval'}`, () => {
      const input = base({ category: row.purpose, secondary: row.secondary, product: row.product, clinicalTesting: row.clinicalTesting });
      const r = route(input);
      assert.equal(r.exemptionNeeded ? r.exemptionKind : undefined, row.exemption);
      const k = kinds(input);
      assert.equal(k.includes('rek-preapproval'), row.rek);
      for (const a of row.also ?? []) assert.ok(k.includes(a as never), `${a} in ${k.join(', ')}`);
    });
  }

  it('needs no exemption with consent', () => {
    const r = route(base({ category: 'health-research', consent: true, sources: ['patient-records', 'hunt'] }));
    assert.equal(r.exemptionNeeded, false);
    assert.equal(r.exemptionKind, 'rek-exemption');
    assert.ok(r.attachments.some((a) => a.kind === 'consent-form'));
  });

  it('explains unclear product rules', () => {
    assert.equal(route(base({ category: 'product-development', product: 'process-automation' })).notes.length, 1);
    assert.equal(route(base({ category: 'product-development', product: 'administrative-decision-support' })).notes.length, 1);
  });

  it('lists the attachments by route: REK and Helsedirektoratet routes attach the exemption, Helsedataservice decides it itself', () => {
    const att = (over: Partial<RouteInput>) => route(base(over)).attachments.map((a) => a.kind);
    // A custodian outside Helsedataservice (HUNT): REK grants the exemption for research, Helsedirektoratet for other purposes.
    assert.deepEqual(att({ category: 'health-research', sources: ['hunt'] }), ['research-protocol', 'rek-application', 'rek-approval', 'confidentiality-exemption', 'dpo-assessment']);
    assert.deepEqual(att({ category: 'quality-improvement', sources: ['hunt'] }), ['helsedir-application', 'confidentiality-exemption', 'dpo-assessment']);
    // Helsedataservice: one application on helsedata.no, access and dispensation in one decision.
    assert.deepEqual(att({ category: 'health-research', sources: ['patient-records', 'npr'] }), ['research-protocol', 'rek-application', 'rek-approval', 'dpo-assessment']);
    assert.deepEqual(att({ category: 'statistics', sources: ['npr'] }), ['dpo-assessment']);
    assert.deepEqual(att({ category: 'health-research', sources: ['npr'], consent: true }), ['research-protocol', 'rek-application', 'rek-approval', 'dpo-assessment', 'information-letter', 'consent-form']);
    // Own records only, internal quality assurance, a quality register being established: no application, no table.
    assert.deepEqual(att({ category: 'health-research', sources: ['patient-records'] }), []);
    assert.deepEqual(att({ category: 'internal-quality-assurance' }), []);
    assert.deepEqual(att({ category: 'quality-register', sources: ['quality-register'] }), []);
  });

  it('gives 30 working days for one source and 60 when sources are linked; none where no custodian delivers', () => {
    assert.equal(route(base({ category: 'health-research', sources: ['npr'] })).deadline?.workingDays, 30);
    assert.equal(route(base({ category: 'health-research', sources: ['npr', 'cancer-registry'], linked: true })).deadline?.workingDays, 60);
    assert.equal(route(base({ category: 'health-research' })).deadline, undefined);
    assert.equal(route(base({ category: 'internal-quality-assurance' })).deadline, undefined);
    assert.equal(route(base({ category: 'quality-register', sources: ['quality-register'] })).deadline, undefined);
  });

  it('a quality register with research as secondary purpose needs no REK pre-approval to be established', () => {
    const r = route(base({ category: 'quality-register', secondary: ['health-research'], sources: ['quality-register'] }));
    assert.ok(!r.requirements.some((q) => q.kind === 'rek-preapproval'));
    assert.ok(r.notes.some((n) => /each research project/.test(n.en)));
  });

  it('lets a public body use KPR for its statutory tasks through Helsedirektoratet', () => {
    const r = route(base({ category: 'planning-management', sources: ['kpr'], statutoryTask: true }));
    assert.equal(r.exemptionKind, 'helsedataservice-exemption');
    assert.deepEqual(r.acceptedExemptions, ['helsedataservice-exemption', 'helsedir-exemption']);
    assert.deepEqual(route(base({ category: 'planning-management', sources: ['kpr'] })).acceptedExemptions, ['helsedataservice-exemption']);
  });

  it('asks for a DPIA for large-scale processing whatever the purpose', () => {
    assert.ok(kinds(base({ category: 'statistics', sources: ['npr'] })).includes('dpia'));
    assert.ok(kinds(base({ category: 'product-development', product: 'clinical-decision-support' })).includes('dpia'));
    assert.ok(!kinds(base({ category: 'internal-quality-assurance' })).includes('dpia'));
    assert.ok(kinds(base({ category: 'health-research', sources: ['self-collected'], consent: true })).includes('dpia'));
  });

  it('every row names where it comes from', () => {
    for (const row of [...REQUIREMENT_ROWS, ...ATTACHMENT_ROWS]) assert.ok(row.source.length > 10, row.kind);
  });

  it('needs a Tax Administration permit for the population register, and a processor agreement abroad', () => {
    assert.ok(kinds(base({ category: 'health-research', controlGroupSource: 'folkeregisteret' })).includes('tax-administration-permit'));
    assert.ok(kinds(base({ category: 'health-research', transferAbroad: true })).includes('data-processor-agreement'));
  });

  it('needs no exemption for de-identified or self-collected sources', () => {
    for (const s of ['nois', 'norm', 'ravn', 'abortion-registry', 'self-collected']) {
      assert.equal(route(base({ category: 'health-research', sources: [s] })).exemptionNeeded, false, s);
    }
  });
});

describe('routing: the Helsedataservice registries', () => {
  const hds = sourceList.filter((s) => s.hds_decides);
  it('has all 11 registries where Helsedataservice decides', () => {
    assert.equal(hds.filter((s) => s.parent === null).length, 11);
  });
  it('a register inside one of them is decided by Helsedataservice only as a stated inference', () => {
    for (const s of hds.filter((x) => x.parent !== null)) {
      assert.ok(sourceList.find((p) => p.id === s.parent)?.hds_decides, `${s.id}: its parent ${s.parent} is not a Helsedataservice registry`);
      assert.notEqual(s.confidence.status, 'confirmed', s.id);
      const note = s.confidence.note;
      assert.match(typeof note === 'string' ? note : note?.en ?? '', /infer/, `${s.id}: the note must say the decision is inferred`);
    }
  });
  for (const s of hds) {
    for (const purpose of ['health-research', 'quality-improvement', 'statistics', 'planning-management', 'preparedness']) {
      it(`${s.id} for ${purpose}, alone or linked with patient records: Helsedataservice decides`, () => {
        assert.equal(route(base({ category: purpose, sources: [s.id] })).exemptionKind, 'helsedataservice-exemption');
        assert.equal(route(base({ category: purpose, sources: ['patient-records', s.id] })).exemptionKind, 'helsedataservice-exemption');
      });
    }
  }
  it('other registries outside Helsedataservice go by purpose', () => {
    assert.equal(route(base({ category: 'health-research', sources: ['iplos'] })).exemptionKind, 'rek-exemption');
    assert.equal(route(base({ category: 'statistics', sources: ['iplos'] })).exemptionKind, 'helsedir-exemption');
  });
});
