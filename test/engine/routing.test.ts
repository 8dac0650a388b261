/**
 * The routing table: every row of the purpose table in descriptor-format.md, and the
 * Helsedataservice registries, against rules/routing.ts.
 */
import { strict as assert } from 'node:assert';
import { sourceList } from '../../rules/domain/catalogue';
import { ATTACHMENT_ROWS, REQUIREMENT_ROWS, route, type RouteInput } from '../../rules/domain/routing';
import { withInForce } from '../helpers/law';

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
    // A custodian outside Helsedataservice (a quality register at a health trust): REK grants the exemption for research, Helsedirektoratet for other purposes.
    assert.deepEqual(att({ category: 'health-research', sources: ['norwegian-hip-fracture-register'] }), ['research-protocol', 'rek-application', 'rek-approval', 'confidentiality-exemption', 'dpo-assessment']);
    assert.deepEqual(att({ category: 'quality-improvement', sources: ['norwegian-hip-fracture-register'] }), ['helsedir-application', 'confidentiality-exemption', 'dpo-assessment']);
    // A consent-based cohort (HUNT): its participants' consent, never an exemption.
    assert.deepEqual(att({ category: 'health-research', sources: ['hunt'] }), ['research-protocol', 'rek-application', 'rek-approval', 'dpo-assessment']);
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

  it('needs no exemption for self-collected data, but does for the de-identified registers: their data are indirectly identifiable (C8)', () => {
    assert.equal(route(base({ category: 'health-research', sources: ['self-collected'] })).exemptionNeeded, false);
    for (const s of ['nois', 'norm', 'ravn', 'abortion-registry']) {
      const r = route(base({ category: 'health-research', sources: [s] }));
      assert.equal(r.exemptionKind, 'rek-exemption', s);
      assert.deepEqual([...r.exemptionProvisions], ['hregl-19e'], s);
      assert.ok(r.requirements.some((q) => q.kind === 'dpia'), `${s}: research on indirectly identifiable data needs a DPIA`);
      assert.equal(route(base({ category: 'statistics', sources: [s] })).exemptionKind, 'helsedir-exemption', s);
    }
  });

  it('needs no exemption for indirectly identifiable data from a § 11 register outside Helsedataservice (helseregisterloven § 19 b), and says why', () => {
    const r = route(base({ category: 'health-research', sources: ['armed-forces-health-register'] }));
    assert.equal(r.exemptionKind, undefined);
    assert.ok(r.notes.some((n) => /§ 19 b/.test(n.en) && /§ 19 b/.test(n.nb)), r.notes.map((n) => n.en).join('\n'));
    // A direct identifier asked from it needs the exemption after all (§ 19 e).
    const direct = route(base({ category: 'health-research', sources: ['armed-forces-health-register'], directIdentifiersFrom: ['armed-forces-health-register'] }));
    assert.equal(direct.exemptionKind, 'rek-exemption');
    // Helsedataservice's registries are § 11 registers too, but Helsedataservice still decides access and exemption.
    assert.equal(route(base({ category: 'health-research', sources: ['npr'] })).exemptionKind, 'helsedataservice-exemption');
  });

  it('a consent-based cohort is used on its participants\' consent, never an exemption; with consent.collected_by it is said so', () => {
    const r = route(base({ category: 'health-research', sources: ['moba'] }));
    assert.equal(r.exemptionKind, undefined);
    assert.deepEqual(r.facts.cohorts.map((s) => s.id), ['moba']);
    const stated = route(base({ category: 'health-research', sources: ['moba', 'npr'], cohortConsent: ['moba'], consentNotOwn: true }));
    assert.equal(stated.exemptionKind, 'helsedataservice-exemption', 'NPR still needs Helsedataservice');
    assert.ok(stated.notes.some((n) => /withdrawn/.test(n.en)));
    assert.ok(!stated.attachments.some((a) => a.kind === 'consent-form'), 'the cohort\'s consent is not the project\'s own consent form');
  });

  it('another organisation\'s patient records need its decision (pasientjournalloven § 20), an agreement and the attachments; no statutory deadline', () => {
    const r = route(base({ category: 'health-research', otherHolders: ['Helse Bergen HF'] }));
    const hd = r.requirements.find((q) => q.kind === 'holder-decision');
    assert.ok(hd);
    assert.deepEqual([...hd.provisions], ['pjl-20']);
    assert.equal(r.decider, 'custodian');
    assert.deepEqual(r.attachments.map((a) => a.kind).filter((k) => k === 'holder-decision' || k === 'data-sharing-agreement'), ['holder-decision', 'data-sharing-agreement']);
    assert.equal(r.deadline, undefined);
    assert.ok(!route(base({ category: 'internal-quality-assurance', otherHolders: ['Helse Bergen HF'] })).requirements.some((q) => q.kind === 'holder-decision'), 'internal QA: internal-qa-external-source says it');
  });

  it('the agreement for a transfer abroad follows the recipient\'s role', () => {
    const kindsFor = (role?: string) => kinds(base({ category: 'health-research', transferAbroad: true, recipientRole: role })).filter((k) => k.endsWith('agreement'));
    assert.deepEqual(kindsFor(undefined), ['data-processor-agreement']);
    assert.deepEqual(kindsFor('processor'), ['data-processor-agreement']);
    assert.deepEqual(kindsFor('controller'), ['data-sharing-agreement']);
    assert.deepEqual(kindsFor('joint-controller'), ['data-sharing-agreement']);
  });

  it('pure registry research switches from pre-approval to sending the protocol to REK on the recorded in-force date, not before', () => {
    const input = base({ category: 'health-research', sources: ['npr', 'cause-of-death-registry'], today: '2026-12-02' });
    assert.ok(kinds(input).includes('rek-preapproval'));
    assert.ok(route(input).notes.some((n) => /LOV-2025-06-20-71/.test(n.en)), 'says what will change');
    withInForce({ 'hforsknl-9-2': '2026-07-01' }, () => {
      assert.ok(!kinds(input).includes('rek-preapproval'));
      assert.ok(kinds(input).includes('rek-protocol-notice'));
      assert.ok(kinds({ ...input, today: '2026-06-30' }).includes('rek-preapproval'), 'the day before it is in force');
      assert.ok(kinds({ ...input, sources: ['npr', 'patient-records'] }).includes('rek-preapproval'), 'patient records are not registry data');
    });
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
