import { addApprovalFix, approvalsAnchor, hasApproval, hasAttachment } from './common';
import { defineRule } from './rule';

export default defineRule({
  id: 'dpia-missing',
  severity: 'warning',
  description: {
    en: 'A research project on identifiable health data lists no data protection impact assessment (DPIA).',
    nb: 'Et forskningsprosjekt på identifiserbare helseopplysninger har ingen personvernkonsekvensvurdering (DPIA).',
  },
  remediation: {
    en: 'Ask the research institution whether a DPIA is required (most health research needs one) and list it under `approvals` or `attachments` as `dpia`.',
    nb: 'Spør forskningsinstitusjonen om DPIA kreves (det gjør det for det meste av helseforskning) og før den opp under `approvals` eller `attachments` som `dpia`.',
  },
  provisions: ['gdpr-35'],
  seed: { file: 'helsedata-pii-application.en.txt', quote: 'Most medical and health research projects will require a DPIA' },
  fixes: ['add-dpia'],
  messages: {
    missing: {
      en: 'Most research on identifiable health data needs a data protection impact assessment; add a `dpia` approval once the institution has decided.',
      nb: 'Det meste av forskning på identifiserbare helseopplysninger krever en personvernkonsekvensvurdering; legg til en `dpia`-godkjenning når institusjonen har avgjort det.',
    },
  },
  check({ model, route, report }) {
    if (!route.requirements.some((r) => r.kind === 'dpia')) return;
    if (hasApproval(model, 'dpia') || hasAttachment(model, 'dpia')) return;
    return report({ ...approvalsAnchor(model, ['purpose', 'category']), message: 'missing', fixes: [addApprovalFix('add-dpia', 'dpia')] });
  },
});
