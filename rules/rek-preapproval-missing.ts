import { findSource } from './domain/catalogue';
import type { Finding, Path } from './domain/types';
import { addApprovalFix, approvalsAnchor, approvalState } from './common';
import { defineRule } from './rule';

/** Kinds of source that count as registry data for the pre-approval exemption of LOV-2025-06-20-71. */
const REGISTRY_KINDS: ReadonlySet<string> = new Set(['central-health-register', 'medical-quality-register', 'population-register', 'statistics']);

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
      nb: 'Helseforskning må forhåndsgodkjennes av REK før oppstart; før opp `rek-preapproval` under `approvals`.',
    },
    registry: {
      en: 'Health research needs REK pre-approval before it starts; add a `rek-preapproval` approval. This project uses registry data only: the amendment act LOV-2025-06-20-71 exempts such research from pre-approval (the protocol still goes to REK), but its in-force date is not confirmed, so apply until lovdata.no shows it in force.',
      nb: 'Helseforskning må forhåndsgodkjennes av REK før oppstart; før opp `rek-preapproval` under `approvals`. Prosjektet bruker bare registerdata: endringsloven LOV-2025-06-20-71 unntar slik forskning fra forhåndsgodkjenning (protokollen skal likevel til REK), men ikrafttredelsen er ikke bekreftet, så søk inntil lovdata.no viser at den er i kraft.',
    },
    testing: {
      en: 'Clinical testing of the decision-support tool needs REK pre-approval; add a `rek-preapproval` approval.',
      nb: 'Klinisk utprøving av beslutningsstøtteverktøyet må forhåndsgodkjennes av REK; før opp `rek-preapproval` under `approvals`.',
    },
  },
  check({ model, route, report }) {
    if (!route.requirements.some((r) => r.kind === 'rek-preapproval') || approvalState(model, 'rek-preapproval') !== 'absent') return;
    const research = model.purpose.all.includes('health-research');
    let fallback: Path = ['purpose', 'category'];
    if (research && model.purpose.category !== 'health-research') fallback = ['purpose', 'secondary', model.purpose.secondary.indexOf('health-research')];
    if (!research) fallback = ['purpose', 'clinical_testing'];
    // Registry data only (health registries, the Population Register, statistics): the law on pre-approval is changing.
    const registryOnly = route.facts.identifiable.length > 0 && model.dataSources.every((d) => REGISTRY_KINDS.has(findSource(d.source)?.kind ?? ''));
    report({ ...approvalsAnchor(model, fallback), message: research ? (registryOnly ? 'registry' : 'research') : 'testing', fixes: [addApprovalFix('add-rek-preapproval', 'rek-preapproval')] });
  },
});
