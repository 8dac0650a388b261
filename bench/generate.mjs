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
