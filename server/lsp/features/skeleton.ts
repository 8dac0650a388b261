/**
 * The new-descriptor wizard's output, made by the server: a valid skeleton with the required
 * approvals listed as planned, and the product's placeholders (in the wizard's language) where only
 * the project can say what goes, so `placeholder-left` flags each until it is written. Pure.
 */
import { renderFlow } from '../../engine/fixes';
import { PLACEHOLDER } from '../../../rules/domain/placeholders';
import { pick } from '../../../rules/domain/text';
import { route } from '../../../rules/domain/routing';
import { CONSENT_CONDITIONS, CONSENT_EXCEPTION_CONDITIONS, RESEARCH_PURPOSES } from '../../../rules/domain/vocabulary';

import type { WizardAnswers } from '../protocol';

export function skeleton(a: WizardAnswers): string {
  const lang = a.lang ?? 'en';
  const p = (k: keyof typeof PLACEHOLDER) => renderFlow(pick(PLACEHOLDER[k], lang));
  const nb = lang === 'nb';
  const ids = a.sources.map((s, i) => (a.sources.indexOf(s) === i ? s : `${s}-${i + 1}`));
  const r = route({ category: a.purpose, product: a.product, clinicalTesting: a.clinicalTesting, consent: a.consent, sources: a.sources, linked: a.sources.length > 1 });
  const lines: string[] = ['descriptor: 1', '', 'project:', `  title: ${a.title ? renderFlow(a.title) : p('title')}`, `  institution: ${p('institution')}`, '  staff:', `    - { name: ${p('lead')}, role: project-lead }`, '', 'purpose:', `  category: ${a.purpose}`];
  if (a.product) lines.push(`  product: ${a.product}`);
  if (a.product === 'clinical-decision-support') lines.push(`  clinical_testing: ${a.clinicalTesting === true}`);
  lines.push(`  description: ${p('description')}`);
  if (RESEARCH_PURPOSES.has(a.purpose)) lines.push('  research_questions:', `    - ${p('question')}`, '  study_design: cohort', '', 'population:', `  target: ${p('target')}`, `  study: ${p('study')}`);
  lines.push('', 'legal_basis:', `  consent: ${a.consent}`, `  gdpr_article_6: ${a.consent ? 'a' : 'e'}`, `  gdpr_article_9: ${a.consent ? 'a' : 'j'}`);
  if (a.consent) lines.push('', 'consent:', ...CONSENT_CONDITIONS.map((k) => `  ${k}: false`));
  if (a.purpose === 'quality-register' && !a.consent) {
    lines.push('', 'quality_register:', '  consent_exception:', ...CONSENT_EXCEPTION_CONDITIONS.map((k) => `    ${k}: false`));
  }
  lines.push('', 'data_sources:');
  if (!ids.length) lines.push('  []');
  ids.forEach((id, i) => lines.push(`  - id: ${id}`, `    source: ${a.sources[i]}`, '    variables: []'));
  if (ids.length > 1) {
    lines.push('', 'linkage:', '  model: centralized', '  links:');
    for (let i = 1; i < ids.length; i++) lines.push(`    - [${ids[i - 1]}, ${ids[i]}]`);
  }
  lines.push('', 'approvals:');
  const reqs = r.requirements;
  if (!reqs.length) lines.push('  []');
  for (const q of reqs) lines.push(`  - { kind: ${q.kind}, status: planned }`);
  // What only the project can say is left out, so its finding stays until it is filled in.
  const comments = nb
    ? ['  # retention_until: ÅÅÅÅ-MM-DD (hvor lenge dataene lagres)', '  # deletion: hvordan og når dataene slettes', '  # security_measures: [tiltakene som beskytter dataene]']
    : ['  # retention_until: YYYY-MM-DD (how long the data is kept)', '  # deletion: how and when the data is deleted', '  # security_measures: [the measures that protect the data]'];
  lines.push('', 'data_management:', `  storage: ${p('storage')}`, ...comments);
  lines.push('', nb ? '# Hvert vedlegg med sin fil, slik funnene ber om dem.' : '# Each attachment with its file, as the findings ask for them.', 'attachments: []');
  return lines.join('\n') + '\n';
}
