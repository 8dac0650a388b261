import { addApprovalFix, approvalState, approvalsAnchor } from './common';
import { defineRule } from './rule';

export default defineRule({
  id: 'management-decision-missing',
  severity: 'warning',
  description: {
    en: 'Internal quality assurance lists no decision by the institution\'s management.',
    nb: 'Intern kvalitetssikring har ingen beslutning fra virksomhetens ledelse.',
  },
  remediation: {
    en: 'Have the institution\'s management decide the internal use of its own patient records, and list the decision as `management-decision` under `approvals`.',
    nb: 'La virksomhetens ledelse beslutte den interne bruken av egne pasientopplysninger, og før beslutningen opp som `management-decision` under `approvals`.',
  },
  provisions: ['hpl-26'],
  seed: { file: 'avklare-formal.nb.txt', quote: 'Virksomhetens ledelse kan beslutte at helseopplysninger fra behandlingsrettet helseregister (pasientjournal m.m.) i virksomheten skal benyttes til intern kvalitetssikring' },
  fixes: ['add-management-decision'],
  messages: {
    missing: {
      en: 'Internal quality assurance rests on a decision by the institution\'s management; list it as `management-decision` under `approvals`.',
      nb: 'Intern kvalitetssikring bygger på en beslutning i virksomhetens ledelse; før den opp som `management-decision` under `approvals`.',
    },
  },
  check({ model, route, report }) {
    if (!route.requirements.some((r) => r.kind === 'management-decision') || approvalState(model, 'management-decision') !== 'absent') return;
    report({ ...approvalsAnchor(model, ['purpose', 'category']), message: 'missing', fixes: [addApprovalFix('add-management-decision', 'management-decision')] });
  },
});
