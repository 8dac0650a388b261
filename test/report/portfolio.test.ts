/**
 * The data protection officer's view as pure functions: each project's key dates and state (in the
 * requirements model, so the preview says the same), the portfolio's rows, order and summary, the
 * record of processing's fields, and the page, escaped, with and without a webview.
 */
import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Lang } from '../../rules/domain/types';
import { Host } from '../../server/host/analyze';
import { renderPortfolioHtml } from '../../server/report/portfolio/html';
import { buildPortfolio, compareRows, portfolioRow, unreadableRow, type PortfolioRow } from '../../server/report/portfolio/portfolio';
import { REPORT_CSP } from '../../server/report/report-html';
import { requirementsModel } from '../../server/report/requirements-model';
import { renderHtml, renderMarkdown } from '../../server/report/requirements-render';

const examples = join(process.cwd(), 'examples');
const COMPLIANT = readFileSync(join(examples, 'compliant-research.descriptor.yaml'), 'utf8');

/** The analysis and model of `text` as if checked on `today` (noon in Oslo). */
function at(today: string, text: string, lang: Lang = 'en', name = 'p.descriptor.yaml') {
  const host = new Host({ clock: () => new Date(`${today}T11:00:00Z`) });
  const a = host.analyze({ uri: pathToFileURL(resolve(examples, name)).href, text, lang });
  return { a, rm: requirementsModel(a) };
}
const row = (today: string, text: string, file = 'p.descriptor.yaml', lang: Lang = 'en') => {
  const { a, rm } = at(today, text, lang, file);
  return portfolioRow(a, rm, file);
};

const granted = COMPLIANT.replace('  - kind: helsedataservice-exemption\n    status: applied', '  - kind: helsedataservice-exemption\n    status: granted');
const rekPlanned = COMPLIANT.replace(/  - kind: rek-preapproval\n    status: granted\n    reference: "REK 2024\/654321"\n    date: 2024-10-15\n/, '  - kind: rek-preapproval\n    status: planned\n');

describe('key dates and state, in the requirements model', () => {
  it('waits for Helsedataservice while the exemption is applied for; the next date is the project end', () => {
    const { rm } = at('2026-12-06', COMPLIANT);
    assert.equal(rm.state, 'waiting');
    assert.deepEqual(rm.reasons, []);
    assert.deepEqual(rm.dates.map((d) => [d.kind, d.date, d.passed]), [
      ['earliest-access', '2025-01-29', true],
      ['project-end', '2028-02-29', false],
      ['final-report', '2028-02-29', false],
      ['retention-end', '2033-02-28', false],
    ]);
    assert.equal(rm.next?.kind, 'project-end');
    assert.equal(rm.today, '2026-12-06');
    assert.equal(rm.dates.find((d) => d.kind === 'final-report')?.provisions[0].id, 'hforsknl-12');
  });

  it('is approved when every required approval is granted', () => {
    assert.equal(at('2026-12-06', granted).rm.state, 'approved');
  });

  it('needs action when REK is only planned and the project has started, with the start as an overdue date first', () => {
    const { rm } = at('2026-12-06', rekPlanned);
    assert.equal(rm.state, 'needs-action');
    assert.deepEqual(rm.reasons, ['REK pre-approval: not applied for', "started 2025-03-01 without REK's pre-approval"]);
    assert.equal(rm.next?.kind, 'start-without-approval');
    assert.ok(rm.next?.overdue);
    // Before the start date, the same project only has the start ahead as a date that matters.
    const early = at('2025-01-10', rekPlanned).rm;
    assert.equal(early.next?.kind, 'start-without-approval');
    assert.equal(early.next?.overdue, false);
    assert.deepEqual(early.reasons, ['REK pre-approval: not applied for']);
  });

  it('needs action once a research project ends without a final report recorded, and has ended once it is sent', () => {
    const late = at('2028-06-01', granted).rm;
    assert.equal(late.state, 'needs-action');
    assert.deepEqual(late.reasons, ['ended 2028-02-29 without a final report to REK recorded']);
    const sent = at('2028-06-01', granted.replace('  period: { start: 2025-03-01, end: 2028-02-29 }', '  period: { start: 2025-03-01, end: 2028-02-29 }\n  final_report_sent: 2028-04-02')).rm;
    assert.equal(sent.state, 'ended');
    assert.ok(sent.dates.find((d) => d.kind === 'final-report')?.done);
    assert.equal(sent.next?.kind, 'retention-end');
  });

  it('needs action when data is kept past its retention date, even after the project ended', () => {
    const { rm } = at('2034-01-02', granted.replace('  period: { start: 2025-03-01, end: 2028-02-29 }', '  period: { start: 2025-03-01, end: 2028-02-29 }\n  final_report_sent: 2028-04-02'));
    assert.equal(rm.state, 'needs-action');
    assert.deepEqual(rm.reasons, ['data kept past its retention date 2033-02-28']);
    assert.equal(rm.next?.kind, 'retention-end');
    // The last day of retention still counts as kept in time.
    assert.equal(at('2033-02-28', granted.replace('end: 2028-02-29 }', 'end: 2028-02-29 }\n  final_report_sent: 2028-04-02')).rm.state, 'ended');
  });

  it('needs action with errors, and with a file that is not a descriptor (no dates, no conclusions)', () => {
    const errors = at('2026-12-06', granted.replace('category: health-research', 'category: helth-research')).rm;
    assert.equal(errors.state, 'needs-action');
    assert.ok(errors.reasons.some((r) => /errors? to correct/.test(r)), errors.reasons.join('; '));
    const broken = at('2026-12-06', 'descriptor: 1\nproject: [unclosed\n').rm;
    assert.equal(broken.state, 'needs-action');
    assert.deepEqual(broken.dates, []);
    assert.ok(broken.problem);
  });

  it('speaks Norwegian', () => {
    const { rm } = at('2026-12-06', rekPlanned, 'nb');
    assert.deepEqual(rm.reasons, ['Forhåndsgodkjenning fra REK: ikke søkt', 'startet 2025-03-01 uten forhåndsgodkjenning fra REK']);
    assert.equal(rm.dates[0].what, 'Prosjektstart uten forhåndsgodkjenning fra REK');
  });

  it('the preview and its Markdown show the state and the key dates', () => {
    const { rm } = at('2026-12-06', rekPlanned);
    const html = renderHtml(rm, { nonce: 'n', cspSource: 'c' });
    assert.match(html, /<section id="dates"><h2>Key dates<\/h2><p class="standing">State: Needs action: REK pre-approval: not applied for; started 2025-03-01 without REK&#39;s pre-approval\.<\/p>/);
    assert.match(html, /<tr class="overdue"><td>2025-03-01<\/td><td>Project start without REK&#39;s pre-approval<\/td><td>✗ overdue<\/td>/);
    const md = renderMarkdown(rm);
    assert.match(md, /## Key dates\n\nState: Needs action: /);
    assert.match(md, /\| 2028-02-29 \| Project end \| {2}\|/);
  });
});

describe('portfolio rows, order and summary', () => {
  const today = '2026-12-06';
  const rows: PortfolioRow[] = [
    row(today, granted, 'approved.descriptor.yaml'),
    row(today, COMPLIANT, 'waiting.descriptor.yaml'),
    row(today, rekPlanned, 'started.descriptor.yaml'),
    row(today, granted.replace('category: health-research', 'category: helth-research'), 'typo.descriptor.yaml'),
    row('2028-06-01', granted.replace('end: 2028-02-29 }', 'end: 2028-02-29 }\n  final_report_sent: 2028-04-02'), 'ended.descriptor.yaml'),
    unreadableRow('gone.descriptor.yaml', 'file:///gone.descriptor.yaml', 'no such file', 'en'),
  ];
  const p = buildPortfolio(rows, { lang: 'en', today, version: '0.1.0' });

  it('takes each row from its requirements model', () => {
    const r = p.projects.find((x) => x.file === 'waiting.descriptor.yaml')!;
    assert.equal(r.title, 'Heart failure readmissions after hospital discharge');
    assert.equal(r.institution, 'University Hospital of North Norway (UNN HF)');
    assert.equal(r.lead, 'Kari Nordmann');
    assert.equal(r.purposeName, 'Health research');
    // Every approval the route requires is a step of the plan: the DPIA and the institution's approval too.
    assert.deepEqual(r.route, ['REK', 'the data protection officer', 'your institution, the data controller', "the project's own institution", 'Helsedataservice']);
    assert.deepEqual(r.approvals.map((x) => `${x.kind}:${x.status}`), ['rek-preapproval:granted', 'helsedataservice-exemption:applied', 'institution-approval:granted', 'dpo-assessment:granted', 'dpia:granted']);
    assert.equal(r.next?.kind, 'project-end');
    assert.equal(r.state, 'waiting');
  });

  it('sorts what needs action first: an overdue date, then more errors, then the unreadable', () => {
    assert.deepEqual(p.projects.map((x) => x.file), ['started.descriptor.yaml', 'typo.descriptor.yaml', 'gone.descriptor.yaml', 'waiting.descriptor.yaml', 'approved.descriptor.yaml', 'ended.descriptor.yaml']);
    for (let i = 1; i < p.projects.length; i++) assert.ok(compareRows(p.projects[i - 1], p.projects[i]) <= 0);
  });

  it('sums up by state, approvals waiting, starts without approval and unreadable files', () => {
    assert.deepEqual(p.summary.byState, { 'needs-action': 3, waiting: 1, approved: 1, ended: 1 });
    assert.equal(p.summary.projects, 6);
    assert.equal(p.summary.approvalsWaiting, 2, 'Helsedataservice in two projects');
    assert.equal(p.summary.startedWithoutApproval, 1);
    assert.equal(p.summary.unreadable, 1);
    assert.equal(p.summary.reportsDue, 0);
    assert.equal(p.summary.pastRetention, 0);
  });

  it('the record of processing: what the descriptor says, and nothing it does not', () => {
    const r = p.projects.find((x) => x.file === 'approved.descriptor.yaml')!.record;
    assert.equal(r.controller, 'University Hospital of North Norway (UNN HF)');
    assert.equal(r.contact, 'Kari Nordmann <kari.nordmann@example.no>');
    assert.equal(r.dpo, undefined, 'no data protection officer is named');
    assert.equal(r.recipients, undefined, 'no recipient is named');
    assert.equal(r.transfers, 'No data is sent abroad.');
    assert.match(r.purposes!, /^Health research\. New knowledge about which patients/);
    assert.match(r.legalBasis!, /^art\. 6\(1\)\(e\) a task in the public interest.*; art\. 9\(2\)\(j\)/);
    assert.match(r.dataSubjects!, /^Target population: Adults in Norway discharged from hospital with heart failure\. Study population: /);
    assert.equal(r.personalData, 'Health data (GDPR art. 9) from: Patient records (treatment-oriented health register): fodselsnummer, discharge_date, lab_results; Norwegian Patient Registry (NPR): birth_year, sex, main_diagnosis, admission_date; Norwegian Cause of Death Registry (DÅR): month_of_death, underlying_cause_of_death');
    assert.equal(r.retention, 'Kept until 2033-02-28. The data file is deleted five years after the project ends, and the deletion logged.');
    assert.equal(r.security, 'two-factor login; access log; encrypted disk; Stored: UNN research server, secure zone');
    assert.deepEqual(p.projects.find((x) => x.file === 'gone.descriptor.yaml')!.record, {});
  });

  it('the record: a transfer outside the EU/EEA without a basis is left open, one with its basis is stated', () => {
    const abroad = (basis: string) =>
      row(today, granted.replace('  security_measures:', `  transfer_abroad: { countries: [US], recipient: Example University${basis} }\n  security_measures:`).replace('  project_lead:', '  data_protection_officer: { name: Per Vern, email: pvo@example.no }\n  project_lead:')).record;
    assert.equal(abroad('').transfers, undefined);
    assert.equal(abroad('').recipients, 'Example University (abroad)');
    assert.equal(abroad(', basis: safeguards').transfers, 'US; Example University; appropriate safeguards (GDPR art. 46)');
    assert.equal(abroad('').dpo, 'Per Vern <pvo@example.no>');
  });

  it('the page: a summary, one section per state, no script, the report\'s policy, and descriptor text escaped', () => {
    const evil = '<script>alert(1)</script>"><img src=x onerror=alert(2)>';
    const hostile = buildPortfolio([row(today, granted.replace('title: Heart failure readmissions after hospital discharge', `title: ${JSON.stringify(evil)}`), `x${evil}.descriptor.yaml`)], { lang: 'en', today, version: '0.1.0' });
    const html = renderPortfolioHtml(hostile);
    assert.ok(html.includes(`content="${REPORT_CSP}"`));
    assert.ok(!/<script|<img|onerror=alert/i.test(html.replace(/&lt;[^&]*&gt;/g, '')), 'no markup from the descriptor');
    assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img src=x onerror=alert(2)&gt;'));
    for (const id of ['summary', 'state-needs-action', 'state-waiting', 'state-approved', 'state-ended']) assert.ok(html.includes(`id="${id}"`), id);
    assert.doesNotMatch(html, /data-open/);
  });

  it('the page in a webview: the preview\'s policy with a nonce, and rows that ask to be opened by number', () => {
    const html = renderPortfolioHtml(p, { webview: { nonce: 'abc123', cspSource: 'vscode-resource:' } });
    assert.match(html, /content="default-src 'none'; style-src vscode-resource: 'nonce-abc123'; script-src 'nonce-abc123';/);
    assert.equal((html.match(/<script nonce="abc123">/g) ?? []).length, 1);
    assert.equal((html.match(/<script/g) ?? []).length, 1);
    assert.ok(html.includes('<style nonce="abc123">'));
    assert.equal((html.match(/data-open="\d+"/g) ?? []).length, p.projects.length);
  });

  it('in Norwegian', () => {
    const nb = buildPortfolio([row(today, rekPlanned, 'a.descriptor.yaml', 'nb')], { lang: 'nb', today, version: '0.1.0' });
    const html = renderPortfolioHtml(nb);
    assert.match(html, /<h2>Må følges opp \(1\)<\/h2>/);
    assert.match(html, /forfalt/);
    assert.equal(nb.projects[0].approvals[0].name, 'Forhåndsgodkjenning fra REK');
  });
});
