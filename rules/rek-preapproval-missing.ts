import type { Finding, Path } from './domain/types';
import { addApprovalFix, approvalsAnchor, approvalState } from './common';
import { defineRule } from './rule';

export default defineRule({
  id: 'rek-preapproval-missing',
  severity: 'error',
  description: {
    en: 'Health research, or clinical testing of a decision-support tool, needs REK pre-approval, and none is listed.',
    nb: 'Helseforskning, eller klinisk utprøving av et beslutningsstøtteverktøy, krever forhåndsgodkjenning fra REK, og ingen er oppført.',
  },
  remediation: {
    en: 'Apply to REK before the project starts and list the approval under `approvals` (kind `rek-preapproval`) with its status.',
    nb: 'Søk REK før prosjektet starter, og før opp godkjenningen under `approvals` (`kind: rek-preapproval`) med `status`.',
  },
  provisions: ['hforsknl-9', 'hforsknl-33'],
  seed: { file: 'avklare-formal.nb.txt', quote: 'Må ha etisk forhåndsgodkjenning fra REK før prosjektet kan iverksettes (helseforskningsloven § 9)' },
  fixes: ['add-rek-preapproval'],
  messages: {
    research: {
      en: 'Health research needs REK pre-approval before it starts; add a `rek-preapproval` approval.',
      nb: 'Helseforskning må forhåndsgodkjennes av REK før oppstart; legg til en `rek-preapproval`-godkjenning.',
    },
    testing: {
      en: 'Clinical testing of the decision-support tool needs REK pre-approval; add a `rek-preapproval` approval.',
      nb: 'Klinisk utprøving av beslutningsstøtteverktøyet må forhåndsgodkjennes av REK; legg til en `rek-preapproval`-godkjenning.',
    },
  },
  check({ model, route, report }) {
    if (!route.requirements.some((r) => r.kind === 'rek-preapproval') || approvalState(model, 'rek-preapproval') !== 'absent') return;
    const research = model.purpose.all.includes('health-research');
    let fallback: Path = ['purpose', 'category'];
    if (research && model.purpose.category !== 'health-research') fallback = ['purpose', 'secondary', model.purpose.secondary.indexOf('health-research')];
    if (!research) fallback = ['purpose', 'clinical_testing'];
    report({ ...approvalsAnchor(model, fallback), message: research ? 'research' : 'testing', fixes: [addApprovalFix('add-rek-preapproval', 'rek-preapproval')] });
  },
});
