import type { Path } from './domain/types';
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
  provisions: ['hforsknl-9', 'hforsknl-33', 'hforsknl-9-2'],
  seed: { file: 'avklare-formal.nb.txt', quote: 'Må ha etisk forhåndsgodkjenning fra REK før prosjektet kan iverksettes (helseforskningsloven § 9)' },
  fixes: ['add-rek-preapproval', 'add-rek-protocol-notice'],
  messages: {
    research: {
      en: 'Health research needs REK pre-approval before it starts; add a `rek-preapproval` approval.',
      nb: 'Helseforskning må forhåndsgodkjennes av REK før oppstart; før opp `rek-preapproval` under `approvals`.',
    },
    registry: {
      en: 'Health research needs REK pre-approval before it starts; add a `rek-preapproval` approval. This project uses registry data only: an amendment adopted in 2025 (LOV-2025-06-20-71), not yet in force, replaces pre-approval for such research with sending the protocol to REK; until it is in force, apply as before.',
      nb: 'Helseforskning må forhåndsgodkjennes av REK før oppstart; før opp `rek-preapproval` under `approvals`. Prosjektet bruker bare registeropplysninger: en lovendring vedtatt i 2025 (LOV-2025-06-20-71), ikke i kraft ennå, erstatter forhåndsgodkjenning for slik forskning med at protokollen sendes REK; til den trer i kraft, søk som før.',
    },
    protocol: {
      en: 'No `rek-protocol-notice` is listed: the research protocol must be sent to REK before the processing starts. Health research on registry data only needs no REK pre-approval, but REK must have the protocol; list it as `rek-protocol-notice` under `approvals`.',
      nb: 'Ingen `rek-protocol-notice` er oppført: forskningsprotokollen må sendes REK før behandlingen starter. Helseforskning som bare bruker registeropplysninger, trenger ikke forhåndsgodkjenning fra REK, men REK må ha protokollen; før den opp som `rek-protocol-notice` under `approvals`.',
    },
    testing: {
      en: 'Clinical testing of the decision-support tool needs REK pre-approval; add a `rek-preapproval` approval.',
      nb: 'Klinisk utprøving av beslutningsstøtteverktøyet må forhåndsgodkjennes av REK; før opp `rek-preapproval` under `approvals`.',
    },
  },
  check({ model, route, report }) {
    const research = model.purpose.all.includes('health-research');
    let fallback: Path = ['purpose', 'category'];
    if (research && model.purpose.category !== 'health-research') fallback = ['purpose', 'secondary', model.purpose.secondary.indexOf('health-research')];
    if (!research) fallback = ['purpose', 'clinical_testing'];
    // Registry data only, on a day when helseforskningsloven § 9 second paragraph is in force (its date is data): the protocol goes to REK.
    if (route.requirements.some((r) => r.kind === 'rek-protocol-notice')) {
      if (approvalState(model, 'rek-protocol-notice') !== 'absent' || approvalState(model, 'rek-preapproval') !== 'absent') return;
      return report({ ...approvalsAnchor(model, fallback), message: 'protocol', fixes: [addApprovalFix('add-rek-protocol-notice', 'rek-protocol-notice')] });
    }
    if (!route.requirements.some((r) => r.kind === 'rek-preapproval') || approvalState(model, 'rek-preapproval') !== 'absent') return;
    // Registry data only (health registries, the Population Register, statistics): the law on pre-approval is changing; say what changes.
    report({ ...approvalsAnchor(model, fallback), message: research ? (route.facts.registryOnly ? 'registry' : 'research') : 'testing', fixes: [addApprovalFix('add-rek-preapproval', 'rek-preapproval')] });
  },
});
