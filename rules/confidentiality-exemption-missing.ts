import { EXEMPTION_KINDS, AUTHORITY_OF, AUTHORITY_SHORT, withAuthorityNote } from './domain/routing';
import { addApprovalFix, approvalState, approvalsAnchor } from './common';
import { defineRule } from './rule';

export default defineRule({
  id: 'confidentiality-exemption-missing',
  severity: 'error',
  description: {
    en: 'Identifiable health data is used without consent, and no exemption from the duty of confidentiality is listed.',
    nb: 'Identifiserbare helseopplysninger brukes uten samtykke, og ingen dispensasjon fra taushetsplikten er oppført.',
  },
  remediation: {
    en: 'Apply for the exemption from the authority the purpose and sources call for, and list it under `approvals`; or base the project on consent.',
    nb: 'Søk dispensasjon fra myndigheten formålet og kildene krever, og før den opp under `approvals`; eller bygg prosjektet på samtykke.',
  },
  provisions: ['hpl-29', 'hregl-19e', 'hds-forskrift-7'],
  seed: {
    file: 'helsedata-pii-application.en.txt',
    quote: 'In order to gain access to this information, there must therefore be an exception from the duty of confidentiality.',
  },
  seedNb: { page: 'helsedata.no, «Samtykke og dispensasjon fra taushetsplikten»', url: 'https://helsedata.no/no/soknadsveiledning/personidentifiserbare-opplysninger/godkjenninger/samtykke-og-dispensasjon-fra-taushetsplikten/', quote: 'For å få tilgang til disse opplysningene må det derfor foreligge et unntak fra taushetsplikten.' },
  fixes: ['add-exemption'],
  messages: {
    missing: {
      en: 'Without consent, the project needs an exemption from the duty of confidentiality from {authority}: add `{kind}`. {why}',
      nb: 'Uten samtykke trenger prosjektet dispensasjon fra taushetsplikten fra {authority}: legg til `{kind}`. {why}',
    },
  },
  check({ model, route, report }) {
    if (!route.exemptionNeeded || !route.exemptionKind) return;
    const kind = route.exemptionKind;
    // Any exemption still standing is judged by exemption-wrong-authority; a rejected one by approval-rejected.
    if (EXEMPTION_KINDS.some((k) => approvalState(model, k) === 'valid') || approvalState(model, kind) === 'rejected') return;
    report({
      ...approvalsAnchor(model, ['legal_basis', 'consent']),
      ...(model.approvalsPresent || model.legalBasis.consent !== undefined ? {} : { path: ['purpose', 'category'] }),
      message: 'missing',
      // The authority by its short name in the first sentence; who it is at the end.
      args: { authority: AUTHORITY_SHORT[AUTHORITY_OF[kind]], kind, why: withAuthorityNote(route.exemptionWhy ?? { en: '', nb: '' }, AUTHORITY_OF[kind]) },
      fixes: [addApprovalFix('add-exemption', kind)],
    });
  },
});
