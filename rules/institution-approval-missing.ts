import { addApprovalFix, approvalState, hasAttachment } from './common';
import type { Path, Target } from './domain/types';
import { defineRule } from './rule';

export default defineRule({
  id: 'institution-approval-missing',
  severity: 'warning',
  description: {
    en: 'An application for data goes to Helsedataservice or a custodian, and the approval of the project by the applicant\'s own institution is not listed.',
    nb: 'En søknad om data går til Helsedataservice eller en registerforvalter, og godkjenningen av prosjektet fra søkerens egen virksomhet er ikke oppført.',
  },
  remediation: {
    en: 'Have the project approved by your own institution (the data controller, and for research the research-responsible institution) before the application for data is sent, and list it under `approvals` as `institution-approval`.',
    nb: 'Få prosjektet godkjent av egen virksomhet (den dataansvarlige, og for forskning den forskningsansvarlige virksomheten) før søknaden om data sendes, og før godkjenningen opp under `approvals` som `institution-approval`.',
  },
  provisions: ['hforsknl-4e', 'hforsknl-6'],
  seed: { file: 'helsedataservice.nb.txt', quote: 'Tydelig på ansvarsforhold og forankring i virksomhet (databehandleransvar, forskningsansvar og prosjektledelse)' },
  seedNb: {
    page: 'helsedata.no, «Søknadsveiledning: personidentifiserbare opplysninger»',
    url: 'https://helsedata.no/no/soknadsveiledning/personidentifiserbare-opplysninger/',
    quote: 'Vær oppmerksom på at før du søker om personidentifiserbare opplysninger, må prosjektet ditt være godkjent av din dataansvarlige virksomhet.',
  },
  fixes: ['add-institution-approval'],
  messages: {
    missing: {
      en: 'No `institution-approval` is listed: your own institution must approve the project before the application for data is sent to {to}. Your own institution is {role}: list its approval as `institution-approval` under `approvals`.',
      nb: 'Ingen `institution-approval` er oppført: egen virksomhet må godkjenne prosjektet før søknaden om data sendes til {to}. Egen virksomhet er {role}: før opp godkjenningen som `institution-approval` under `approvals`.',
    },
  },
  check({ model, route, report }) {
    if (!route.requirements.some((r) => r.kind === 'institution-approval')) return;
    if (approvalState(model, 'institution-approval') !== 'absent' || hasAttachment(model, 'institution-approval')) return;
    const institution = model.project.institution?.trim();
    const anchor: { path: Path; target: Target } = model.approvalsPresent
      ? { path: ['approvals'], target: 'key' }
      : institution
        ? { path: ['project', 'institution'], target: 'value' }
        : { path: ['project'], target: 'key' };
    const to = route.decider === 'helsedataservice' ? { en: 'Helsedataservice', nb: 'Helsedataservice' } : { en: 'the custodian', nb: 'registerforvalteren' };
    report({
      ...anchor,
      message: 'missing',
      args: {
        to,
        role: route.facts.research ? { en: 'the data controller and the research-responsible institution', nb: 'den dataansvarlige og den forskningsansvarlige virksomheten' } : { en: 'the data controller', nb: 'den dataansvarlige' },
      },
      fixes: [addApprovalFix('add-institution-approval', 'institution-approval')],
    });
  },
});
