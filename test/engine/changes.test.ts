/**
 * Changes since approval: the semantic diff of two models (rules/domain/changes.ts) and the
 * approvals each change touches (rules/domain/change-requests.ts).
 */
import { strict as assert } from 'node:assert';
import { parse as parseYaml } from 'yaml';
import { actionsFor, changeFacts, changeRequests, draftRequest } from '../../rules/domain/change-requests';
import { diffModels, isFiner, type Change } from '../../rules/domain/changes';
import { buildModel, type Model } from '../../rules/domain/model';
import { routeFor } from '../../rules/domain/routing';
import { applyFix } from '../../server/engine/fixes';

const APPROVED = `descriptor: 1
project:
  title: Sepsisvarsling
  summary: Tidlig varsling.
  institution: Universitetssykehuset Nord-Norge HF
  project_lead: { name: Kari Nordmann }
  staff:
    - { name: Kari Nordmann, role: project-lead }
    - { name: Ola Nordmann, role: researcher }
  period: { start: 2025-01-01, end: 2028-12-31 }
purpose:
  category: health-research
  description: Ny kunnskap.
legal_basis: { consent: false, gdpr_article_6: e, gdpr_article_9: j }
data_sources:
  - id: epj
    source: patient-records
    variables:
      - { name: birth_month, granularity: month, justification: Alder. }
      - { name: municipality, granularity: county, justification: Reisevei. }
  - id: npr
    source: npr
    variables:
      - { name: main_diagnosis, granularity: code, justification: Utfall. }
linkage:
  model: distributed
  links:
    - [epj, npr]
approvals:
  - { kind: rek-preapproval, status: granted, reference: REK 2024/1, case_number: REK 2024/123456, staff: [Kari Nordmann, Ola Nordmann] }
  - { kind: helsedataservice-exemption, status: granted, reference: HDS 24/00001 }
  - { kind: dpia, status: granted }
data_management:
  retention_until: 2030-12-31
`;

const model = (text: string): Model => buildModel(parseYaml(text))!;
const diff = (after: string, before = APPROVED) => diffModels(model(before), model(after));
const kinds = (cs: Change[]) => cs.map((c) => c.kind);

describe('changes since approval: the diff', () => {
  it('finds nothing in the approved version itself', () => {
    assert.deepEqual(diff(APPROVED), []);
  });

  it('finds nothing when entries are reordered, comments added, formatting changed or prose edited', () => {
    const after = APPROVED.replace('    - { name: Kari Nordmann, role: project-lead }\n    - { name: Ola Nordmann, role: researcher }\n', '    - name: Ola Nordmann   # joined in 2024\n      role: researcher\n    - { name: Kari Nordmann, role: project-lead }\n')
      .replace('Tidlig varsling.', 'Tidlig varsling av sepsis.')
      .replace('Ny kunnskap.', 'Ny kunnskap om sepsis.')
      .replace('      - { name: birth_month, granularity: month, justification: Alder. }\n      - { name: municipality, granularity: county, justification: Reisevei. }\n', '      - { name: municipality, granularity: county, justification: Reisevei til sykehus. }\n      - name: birth_month\n        granularity: month\n        justification: Alder.\n');
    // The two data sources swapped as well.
    const swapped = after.replace(/( {2}- id: epj\n[\s\S]*?)( {2}- id: npr\n[\s\S]*?)(linkage:)/, '$2$1$3').replace('[epj, npr]', '[npr, epj]');
    assert.notEqual(swapped, APPROVED);
    assert.deepEqual(diff(swapped), []);
  });

  it('moves down the granularity ladder only when finer', () => {
    assert.ok(isFiner('date', 'month'));
    assert.ok(isFiner('date', 'year'));
    assert.ok(isFiner('municipality', 'county'));
    assert.ok(isFiner('postcode', 'health-region'));
    assert.ok(isFiner('postcode', 'municipality'), 'the format orders place of residence, finest first');
    assert.ok(isFiner('free-text', 'category'));
    assert.ok(!isFiner('municipality', 'postcode'));
    assert.ok(!isFiner('month', 'date'));
    assert.ok(!isFiner('code', 'value'));
    assert.deepEqual(kinds(diff(APPROVED.replace('granularity: month', 'granularity: year'))), [], 'coarser is not a change that needs anything');
  });

  it('finds each kind of change, at the changed node, with the approved value', () => {
    const cases: [string, (t: string) => string, string, string | undefined][] = [
      ['source-added', (t) => t.replace('linkage:', '  - id: dar\n    source: cause-of-death-registry\n    variables: []\nlinkage:'), 'data_sources.2.id', undefined],
      ['source-removed', (t) => t.replace(/ {2}- id: npr\n[\s\S]*?(?=linkage:)/, ''), 'data_sources', 'npr'],
      ['variable-added', (t) => t.replace('      - { name: main_diagnosis', '      - { name: admission_date, granularity: date, justification: Tid. }\n      - { name: main_diagnosis'), 'data_sources.1.variables.0.name', undefined],
      ['variable-removed', (t) => t.replace('      - { name: municipality, granularity: county, justification: Reisevei. }\n', ''), 'data_sources.0.variables', 'municipality (county)'],
      ['variable-finer', (t) => t.replace('granularity: month', 'granularity: date'), 'data_sources.0.variables.0.granularity', 'month'],
      ['purpose-changed', (t) => t.replace('category: health-research', 'category: quality-improvement'), 'purpose.category', 'health-research'],
      ['secondary-added', (t) => t.replace('  description: Ny kunnskap.', '  secondary: [product-development]\n  product: clinical-decision-support\n  description: Ny kunnskap.'), 'purpose.secondary.0', undefined],
      ['consent-dropped', (t) => t.replace('consent: false', 'consent: true'), '', undefined],
      ['staff-added', (t) => t.replace('    - { name: Ola Nordmann, role: researcher }\n', '    - { name: Ola Nordmann, role: researcher }\n    - { name: Lise Berg, role: researcher }\n'), 'project.staff.2.name', undefined],
      ['lead-changed', (t) => t.replace('project_lead: { name: Kari Nordmann }', 'project_lead: { name: Ola Nordmann }'), 'project.project_lead.name', 'Kari Nordmann'],
      ['start-earlier', (t) => t.replace('start: 2025-01-01', 'start: 2024-06-01'), 'project.period.start', '2025-01-01'],
      ['end-later', (t) => t.replace('end: 2028-12-31', 'end: 2029-12-31'), 'project.period.end', '2028-12-31'],
      ['link-added', (t) => t.replace('    - [epj, npr]\n', '    - [epj, npr]\n    - [npr, npr2]\n'), 'linkage.links.1', undefined],
      ['linkage-model-changed', (t) => t.replace('model: distributed', 'model: centralized'), 'linkage.model', 'distributed'],
      ['transfer-added', (t) => t.replace('  retention_until', '  transfer_abroad: { countries: [SE] }\n  retention_until'), 'data_management.transfer_abroad', undefined],
      ['retention-extended', (t) => t.replace('retention_until: 2030-12-31', 'retention_until: 2032-12-31'), 'data_management.retention_until', '2030-12-31'],
    ];
    for (const [kind, edit, path, before] of cases) {
      if (kind === 'consent-dropped') {
        // Consent given in the approved version, dropped now.
        const approved = edit(APPROVED);
        const cs = diff(APPROVED, approved);
        assert.deepEqual(kinds(cs), ['consent-dropped']);
        assert.equal(cs[0].path.join('.'), 'legal_basis.consent');
        assert.equal(cs[0].before, 'true');
        continue;
      }
      const cs = diff(edit(APPROVED));
      assert.deepEqual(kinds(cs), [kind], `${kind}: ${JSON.stringify(cs.map((c) => c.what.en))}`);
      assert.equal(cs[0].path.join('.'), path, kind);
      assert.equal(cs[0].before, before, kind);
      assert.ok(cs[0].what.en && cs[0].what.nb && cs[0].what.en !== cs[0].what.nb, kind);
    }
  });

  it('sees a transfer moved to another country, and not one to fewer countries', () => {
    const withSweden = APPROVED.replace('  retention_until', '  transfer_abroad: { countries: [SE, DK] }\n  retention_until');
    assert.deepEqual(kinds(diff(withSweden.replace('[SE, DK]', '[SE]'), withSweden)), []);
    const moved = diff(withSweden.replace('[SE, DK]', '[SE, us]'), withSweden);
    assert.deepEqual(kinds(moved), ['transfer-country-added']);
    assert.equal(moved[0].after, 'US');
  });

  it('reverting a change restores the approved version', () => {
    const edits: ((t: string) => string)[] = [
      (t) => t.replace('granularity: month', 'granularity: date'),
      (t) => t.replace('    - { name: Ola Nordmann, role: researcher }\n', '    - { name: Ola Nordmann, role: researcher }\n    - { name: Lise Berg, role: researcher }\n'),
      (t) => t.replace('      - { name: municipality, granularity: county, justification: Reisevei. }\n', ''),
      (t) => t.replace('end: 2028-12-31', 'end: 2029-12-31'),
      (t) => t.replace('model: distributed', 'model: centralized'),
    ];
    for (const edit of edits) {
      const text = edit(APPROVED);
      const [change] = diff(text);
      const reverted = applyFix(text, { id: 'revert', title: { en: '', nb: '' }, edits: change.revert });
      assert.notEqual(reverted, text, change.kind);
      assert.deepEqual(diff(reverted), [], `${change.kind}:\n${reverted}`);
    }
  });
});

describe('changes since approval: what each change needs', () => {
  const needs = (after: string) => {
    const [b, a] = [model(APPROVED), model(after)];
    const facts = changeFacts(a, b, routeFor(a), routeFor(b));
    return diffModels(b, a).map((change) => ({ change, actions: actionsFor(change, facts) }));
  };

  it('a variable with an exact date: REK, Helsedataservice with its case number, and the DPIA', () => {
    const [item] = needs(APPROVED.replace('      - { name: main_diagnosis', '      - { name: admission_date, granularity: date, justification: Tid. }\n      - { name: main_diagnosis'));
    assert.deepEqual(item.actions.map((a) => `${a.kind} ${a.body} ${a.caseNumber ?? ''}`.trim()), ['rek-change rek REK 2024/123456', 'data-application-change helsedataservice HDS 24/00001', 'dpia-update institution']);
    assert.match(item.actions[0].text.en, /which REK must approve before the change takes effect \(helseforskningsloven § 11\)/);
    assert.match(item.actions[1].text.nb, /saksnummer HDS 24\/00001/);
  });

  it('a coarse variable does not touch the DPIA', () => {
    const [item] = needs(APPROVED.replace('      - { name: main_diagnosis', '      - { name: sex, granularity: category, justification: Kjønn. }\n      - { name: main_diagnosis'));
    assert.deepEqual(item.actions.map((a) => a.kind), ['rek-change', 'data-application-change']);
  });

  it('a new person with access: the staff list to REK and the change request to Helsedataservice', () => {
    const [item] = needs(APPROVED.replace('    - { name: Ola Nordmann, role: researcher }\n', '    - { name: Ola Nordmann, role: researcher }\n    - { name: Lise Berg, role: researcher }\n'));
    assert.deepEqual(item.actions.map((a) => `${a.kind} ${a.body}`), ['data-application-change helsedataservice', 'staff-list rek']);
    assert.match(item.actions[1].text.en, /must name everyone with access \(helsepersonelloven § 29, helseregisterloven § 19 e\)/);
  });

  it('removing a variable only tells the one who delivers it', () => {
    const [own] = needs(APPROVED.replace('      - { name: municipality, granularity: county, justification: Reisevei. }\n', ''));
    assert.deepEqual(own.actions.map((a) => a.kind), ['data-application-change'], 'Helsedataservice decides for the linked records too');
    const own2 = APPROVED.replace(/ {2}- id: npr\n[\s\S]*?(?=linkage:)/, '').replace('    - [epj, npr]\n', '').replace('  - { kind: helsedataservice-exemption, status: granted, reference: HDS 24/00001 }\n', '');
    const [b, a] = [model(own2), model(own2.replace('      - { name: municipality, granularity: county, justification: Reisevei. }\n', ''))];
    const facts = changeFacts(a, b, routeFor(a), routeFor(b));
    assert.deepEqual(diffModels(b, a).flatMap((c) => actionsFor(c, facts)), [], 'own records, no custodian: nothing to report');
  });

  it('groups the change requests by body and drafts them with the case number and a placeholder for why', () => {
    const items = needs(
      APPROVED.replace('granularity: month', 'granularity: date').replace('    - { name: Ola Nordmann, role: researcher }\n', '    - { name: Ola Nordmann, role: researcher }\n    - { name: Lise Berg, role: researcher }\n'),
    );
    const reqs = changeRequests(items);
    assert.deepEqual(reqs.map((r) => `${r.body}: ${r.changes.length}`), ['helsedataservice: 2', 'rek: 2']);
    const rek = draftRequest(reqs.find((r) => r.body === 'rek')!, model(APPROVED), 'en');
    assert.match(rek, /^To: REK\nSubject: Change application \(søknad om endring\), case REK 2024\/123456\n/);
    assert.match(rek, /\n- birth_month made finer: month → exact date\n/);
    assert.match(rek, /- Lise Berg added to the staff with access to the data/);
    assert.match(rek, /Why: \[describe why the project needs these changes\]/);
    assert.match(rek, /Kari Nordmann, project lead, Universitetssykehuset Nord-Norge HF$/);
    const hds = draftRequest(reqs.find((r) => r.body === 'helsedataservice')!, model(APPROVED), 'nb');
    assert.match(hds, /^Til: Helsedataservice \(service@helsedata\.no\)\nEmne: Endring i søknaden om data, saksnummer HDS 24\/00001/);
    assert.match(hds, /Begrunnelse: \[beskriv hvorfor/);
  });

  it('without a case number, the draft leaves a placeholder', () => {
    const noCase = APPROVED.replace(', reference: REK 2024/1, case_number: REK 2024/123456', '');
    const [b, a] = [model(noCase), model(noCase.replace('end: 2028-12-31', 'end: 2029-12-31'))];
    const facts = changeFacts(a, b, routeFor(a), routeFor(b));
    const items = diffModels(b, a).map((change) => ({ change, actions: actionsFor(change, facts) }));
    const rek = changeRequests(items).find((r) => r.body === 'rek')!;
    assert.match(draftRequest(rek, a, 'en'), /case \[case number\]/);
  });
});
