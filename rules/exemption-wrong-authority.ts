import { AUTHORITY_OF, AUTHORITY_SHORT, EXEMPTION_KINDS, withAuthorityNote, type ExemptionKind } from './domain/routing';
import { defineRule } from './rule';

export default defineRule({
  id: 'exemption-wrong-authority',
  severity: 'error',
  description: {
    en: 'An exemption from the duty of confidentiality is listed from an authority that does not decide for this purpose and these sources.',
    nb: 'En dispensasjon fra taushetsplikten er oppført fra en myndighet som ikke avgjør for dette formålet og disse kildene.',
  },
  remediation: {
    en: 'Apply to the authority that decides: REK for research, Helsedirektoratet for quality improvement, statistics, planning and similar purposes, and Helsedataservice whenever its registries are involved.',
    nb: 'Søk myndigheten som avgjør: REK for forskning, Helsedirektoratet for kvalitetsforbedring, statistikk, planlegging og lignende, og Helsedataservice når registrene deres er med.',
  },
  provisions: ['hpl-29', 'hregl-19e', 'hds-forskrift-7', 'hds-forskrift-10'],
  seed: { file: 'avklare-formal.nb.txt', quote: 'Det må søkes dispensasjon fra Helsedataservice, når det ikke er innhentet samtykke fra den enkelte.' },
  fixes: ['change-exemption-kind'],
  messages: {
    wrong: {
      en: '`{kind}` is from {wrong}, but {right} decides it for this purpose and these sources: use `{right_kind}`. {why}',
      nb: '`{kind}` er fra {wrong}, men {right} avgjør den for dette formålet og disse kildene: bruk `{right_kind}`. {why}',
    },
    kpr: {
      en: 'KPR data is decided by {right} (`{right_kind}`), unless a public body uses the data for its statutory tasks. Then the application may go to {wrong}: if that is the case, state `project.statutory_task: true`; otherwise use `{right_kind}`. {why}',
      nb: 'For data fra KPR avgjør {right} (`{right_kind}`), med mindre en offentlig virksomhet bruker dataene til lovpålagte oppgaver. Da kan søknaden gå til {wrong}: gjelder det prosjektet, oppgi `project.statutory_task: true`; ellers bruk `{right_kind}`. {why}',
    },
  },
  check({ model, route, report }) {
    const right = route.exemptionKind;
    if (!right || model.legalBasis.consent === true) return;
    const standing = model.approvals.filter((a) => a.kind !== undefined && a.status !== 'rejected' && (EXEMPTION_KINDS as readonly string[]).includes(a.kind));
    if (standing.length === 0 || standing.some((a) => route.acceptedExemptions.includes(a.kind as ExemptionKind))) return;
    // KPR for a public body's statutory tasks may go to Helsedirektoratet: say so, as a warning, when the descriptor does not state it.
    const kprOnly = route.hdsSources.length > 0 && route.hdsSources.every((s) => s.id === 'kpr') && route.family !== 'research';
    for (const a of standing) {
      const kpr = kprOnly && a.kind === 'helsedir-exemption';
      report({
        path: [...a.path, 'kind'],
        message: kpr ? 'kpr' : 'wrong',
        severity: kpr ? 'warning' : undefined,
        args: {
          kind: a.kind!,
          // The authorities by their short names in the first sentence; who they are at the end.
          wrong: AUTHORITY_SHORT[AUTHORITY_OF[a.kind as ExemptionKind]],
          right: AUTHORITY_SHORT[AUTHORITY_OF[right]],
          right_kind: right,
          why: withAuthorityNote(kpr ? { en: '', nb: '' } : (route.exemptionWhy ?? { en: '', nb: '' }), AUTHORITY_OF[a.kind as ExemptionKind], AUTHORITY_OF[right]),
        },
        // Only a planned exemption can be redirected here; one applied for or granted is a decision by that authority.
        fixes:
          a.status === undefined || a.status === 'planned'
            ? [
                {
                  id: 'change-exemption-kind',
                  title: { en: `Apply to the right authority instead: \`${right}\``, nb: `Søk riktig myndighet i stedet: \`${right}\`` },
                  preferred: !kpr,
                  edits: [{ op: 'set', path: [...a.path, 'kind'], value: right }],
                },
              ]
            : [],
      });
    }
  },
});
