import { addApprovalFix, approvalsAnchor, approvalState } from './common';
import { defineRule } from './rule';

export default defineRule({
  id: 'dpo-assessment-missing',
  severity: 'warning',
  description: {
    en: 'No assessment by the data protection officer is listed.',
    nb: 'Ingen vurdering fra personvernombudet er oppført.',
  },
  remediation: {
    en: 'Ask the institution\'s data protection officer to assess the project and list it as `dpo-assessment` under `approvals`.',
    nb: 'Be virksomhetens personvernombud vurdere prosjektet og før det opp som `dpo-assessment` under `approvals`.',
  },
  provisions: ['gdpr-6-1', 'gdpr-9-2', 'gdpr-35'],
  seed: { file: 'avklare-formal.nb.txt', quote: 'Skal vurderes av personvernombudet' },
  fixes: ['add-dpo-assessment'],
  messages: {
    missing: {
      en: 'Every project that processes health data is assessed by the data protection officer; list the assessment as `dpo-assessment` under `approvals`.',
      nb: 'Alle prosjekter som behandler helseopplysninger skal vurderes av personvernombudet; før opp vurderingen som `dpo-assessment` under `approvals`.',
    },
  },
  check({ model, report }) {
    if (approvalState(model, 'dpo-assessment') !== 'absent') return;
    return report({ ...approvalsAnchor(model, ['purpose', 'category']), message: 'missing', fixes: [addApprovalFix('add-dpo-assessment', 'dpo-assessment')] });
  },
});
