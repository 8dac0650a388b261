// Generates schema-valid descriptors of a given size (about `lines` lines) for the benchmark.
const SOURCES = ['npr', 'kpr', 'cancer-registry', 'cause-of-death-registry', 'medical-birth-registry', 'prescription-registry', 'msis', 'sysvak'];
const GRAN = ['month', 'year', 'code', 'category', 'county', 'health-region', 'value', 'boolean'];

export function generateDescriptor(lines) {
  const head = `descriptor: 1
project:
  title: Generated benchmark project
  summary: A generated descriptor used to measure the language server.
  institution: University Hospital of North Norway (UNN HF)
  project_lead: { name: Kari Nordmann, email: kari.nordmann@example.no }
  staff:
    - { name: Kari Nordmann, role: project-lead }
    - { name: Ola Nordmann, role: researcher }
  period: { start: 2025-01-01, end: 2028-12-31 }
purpose:
  category: health-research
  description: New knowledge about disease trajectories.
  research_questions:
    - Which factors predict readmission?
  study_design: cohort
population:
  target: Adults in Norway
  study: Adults registered 2015-2024
legal_basis:
  consent: false
  gdpr_article_6: e
  gdpr_article_9: j
data_sources:
`;
  const out = [head];
  let count = head.split('\n').length;
  let s = 0;
  const tail = `linkage:
  model: centralized
  links:
    - [src-0, src-1]
  reference_dates: true
approvals:
  - { kind: rek-preapproval, status: granted, purpose: health-research, staff: [Kari Nordmann, Ola Nordmann] }
  - { kind: helsedataservice-exemption, status: applied }
  - { kind: dpo-assessment, status: granted }
  - { kind: dpia, status: granted }
data_management:
  storage: Secure research server
  retention_until: 2033-12-31
  deletion: Deleted and logged at project end.
  security_measures: [two-factor login, access log]
attachments:
  - { kind: research-protocol, file: docs/protocol.pdf }
`;
  const tailLines = tail.split('\n').length;
  while (count < lines - tailLines) {
    out.push(`  - id: src-${s}\n    source: ${SOURCES[s % SOURCES.length]}\n    variables:\n`);
    count += 3;
    for (let v = 0; v < 10 && count < lines - tailLines; v++) {
      out.push(`      - name: variable_${s}_${v}\n        granularity: ${GRAN[(s + v) % GRAN.length]}\n        justification: Needed for analysis ${v}.\n`);
      count += 3;
    }
    s++;
  }
  out.push(tail);
  return out.join('');
}

/**
 * `count` descriptors for a portfolio, as varied as an institution's: about 80 to 400 lines each,
 * periods from 2022 to 2033, REK and Helsedataservice at every stage (planned, applied, granted),
 * some final reports sent and some retention dates passed. Returns [file name, text] pairs.
 */
export function generatePortfolio(count) {
  const rek = ['granted', 'granted', 'applied', 'planned', 'granted'];
  const hds = ['applied', 'granted', 'planned', 'granted', 'granted', 'applied', 'granted'];
  const out = [];
  for (let i = 0; i < count; i++) {
    const start = 2022 + (i % 9);
    const end = start + 1 + (i % 4);
    const retention = end + (i % 3 === 0 ? 0 : 2 + (i % 5));
    let text = generateDescriptor(80 + ((i * 37) % 320))
      .replace('title: Generated benchmark project', `title: Generated project ${i + 1}`)
      .replace('period: { start: 2025-01-01, end: 2028-12-31 }', `period: { start: ${start}-0${1 + (i % 9)}-01, end: ${end}-12-31 }${i % 4 === 1 ? `\n  final_report_sent: ${end + 1}-03-01` : ''}`)
      .replace('{ kind: rek-preapproval, status: granted,', `{ kind: rek-preapproval, status: ${rek[i % rek.length]},`)
      .replace('{ kind: helsedataservice-exemption, status: applied }', `{ kind: helsedataservice-exemption, status: ${hds[i % hds.length]}, date: ${start - 1}-11-0${1 + (i % 9)} }`)
      .replace('retention_until: 2033-12-31', `retention_until: ${retention}-12-31`);
    out.push([`project-${String(i + 1).padStart(4, '0')}.descriptor.yaml`, text]);
  }
  return out;
}
