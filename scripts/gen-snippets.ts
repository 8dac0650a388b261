// Writes snippets/project-descriptor.json: a skeleton per purpose category, a data source entry per
// catalogue source (from rules/sources.yaml), a variable, an approval, an attachment.
// `npm run snippets`; a test fails when the committed file is out of date.
import { mkdirSync, writeFileSync } from 'node:fs';
import { sourceList as sources } from '../rules/domain/catalogue';
import { isDirectIdentifier } from '../rules/domain/identifiers';
import { PRODUCTS, PURPOSE_INFO, PURPOSES, RESEARCH_PURPOSES } from '../rules/domain/vocabulary';

const out: Record<string, { prefix: string; description: string; body: string[] }> = {};
for (const p of PURPOSES) {
  const label = `${PURPOSE_INFO[p].name.en} (${PURPOSE_INFO[p].name.nb.toLowerCase()})`;
  const body = [
    'descriptor: 1',
    '',
    'project:',
    '  title: ${1:Project title}',
    '  institution: ${2:Responsible institution}',
    '  staff:',
    '    - { name: ${3:Name}, role: project-lead }',
    '',
    'purpose:',
    `  category: ${p}`,
    ...(p === 'product-development' ? [`  product: \${4|${PRODUCTS.join(',')}|}`] : []),
    '  description: ${5:Why the project needs health data}',
    ...(RESEARCH_PURPOSES.has(p) ? ['  research_questions:', '    - ${6:Research question}', '  study_design: ${7|cohort,case-control,natural-experiment,registry-follow-up,cross-sectional,clinical-trial,other|}', '', 'population:', '  target: ${8:Target population}', '  study: ${9:Study population}'] : []),
    '',
    'legal_basis:',
    '  consent: ${10|false,true|}',
    '  gdpr_article_6: ${11|e,a,b,c,d,f|}',
    '  gdpr_article_9: ${12|j,a,b,c,d,e,f,g,h,i|}',
    '',
    'data_sources:',
    '  - id: ${13:source-id}',
    '    source: ${14:npr}',
    '    variables:',
    '      - { name: ${15:variable}, granularity: ${16|year,month,code,category,county,health-region,value|}, justification: ${17:Why it is needed} }',
    '',
    'approvals:',
    '  - { kind: dpo-assessment, status: planned }',
    '',
    'data_management:',
    '  storage: ${18:Where the data is stored}',
    '  retention_until: ${19:2030-12-31}',
    '  deletion: ${20:Deletion routine}',
    '  security_measures: [${21:access control}]',
    '$0',
  ];
  out[`Descriptor: ${label}`] = { prefix: `descriptor-${p}`, description: `A full project descriptor for ${label}.`, body };
}
for (const s of sources) {
  // Two variables to start from, never one that identifies a person directly.
  const vars = s.variables.filter((v) => !v.direct_identifier && !isDirectIdentifier(v.name, v.granularity)).slice(0, 2);
  out[`Data source: ${s.name.en}`] = {
    prefix: `source-${s.id}`,
    description: `${s.name.en} (${s.name.nb}); custodian: ${s.custodian.now}`,
    body: [`- id: \${1:${s.id}}`, `  source: ${s.id}`, '  variables:', ...(vars.length ? vars.map((v, i) => `    - { name: ${v.name}, granularity: ${v.coarser ?? v.granularity}, justification: \${${i + 2}:Why it is needed} }`) : ['    - { name: ${2:variable}, granularity: ${3:category}, justification: ${4:Why it is needed} }']), '$0'],
  };
}
out.Variable = { prefix: 'variable', description: 'A variable with its granularity and justification.', body: ['- name: ${1:name}', '  granularity: ${2|year,month,date,age-band,county,health-region,code,category,value,boolean|}', '  justification: ${3:Why the project needs it}', '$0'] };
out.Approval = { prefix: 'approval', description: 'An approval with its status.', body: ['- kind: ${1|rek-preapproval,rek-exemption,helsedir-exemption,helsedataservice-exemption,management-decision,dpo-assessment,dpia,tax-administration-permit,medical-products-notification,data-processor-agreement,data-sharing-agreement,holder-decision,rek-preassessment,rek-protocol-notice|}', '  status: ${2|planned,applied,granted,rejected|}', '$0'] };
out.Attachment = { prefix: 'attachment', description: 'An attachment and its file.', body: ['- kind: ${1|research-protocol,rek-application,rek-approval,rek-dialogue,helsedir-application,confidentiality-exemption,dpo-assessment,consent-form,information-letter,dpia,data-management-plan,previous-licence,data-processor-agreement,holder-decision,data-sharing-agreement,other|}', '  file: ${2:docs/file.pdf}', '$0'] };
mkdirSync('snippets', { recursive: true });
writeFileSync('snippets/project-descriptor.json', JSON.stringify(out, null, 2) + '\n');
console.log(`wrote ${Object.keys(out).length} snippets`);
