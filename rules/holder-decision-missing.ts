import { addApprovalFix, approvalState } from './common';
import { otherHolderSources } from './domain/routing';
import { defineRule } from './rule';

export default defineRule({
  id: 'holder-decision-missing',
  severity: 'error',
  description: {
    en: 'Patient records held by another organisation than the project\'s institution are used, and that organisation\'s decision to disclose them is not listed.',
    nb: 'Pasientjournaler som en annen virksomhet enn prosjektets har, brukes, og den virksomhetens beslutning om å utlevere dem er ikke oppført.',
  },
  remediation: {
    en: 'Ask the organisation that holds the records (its data controller) to decide on the disclosure, agree with it on who is responsible for what, and list the decision as `holder-decision` under `approvals`. The decision comes in addition to consent or the exemption from the duty of confidentiality.',
    nb: 'Be virksomheten som har journalene (den dataansvarlige), om å beslutte utleveringen, avtal med den hvem som har ansvar for hva, og før opp beslutningen som `holder-decision` under `approvals`. Beslutningen kommer i tillegg til samtykke eller dispensasjon fra taushetsplikten.',
  },
  provisions: ['pjl-20'],
  seed: { file: 'rules.md', quote: 'patient records held by another organisation than the project\'s institution (organisations compared by name without units, brackets and case)' },
  fixes: ['add-holder-decision'],
  messages: {
    missing: {
      en: 'No `holder-decision` is listed for the patient records held by {holder}. The records are held by {holder}, not by {institution}, so {holder} decides whether to disclose them: list its decision as `holder-decision` under `approvals`.',
      nb: 'Ingen `holder-decision` er oppført for pasientjournalene fra {holder}. Det er {holder} som har journalene, ikke {institution}, så {holder} avgjør om de utleveres: før opp beslutningen som `holder-decision` under `approvals`.',
    },
  },
  check({ model, route, report }) {
    if (!route.requirements.some((r) => r.kind === 'holder-decision') || approvalState(model, 'holder-decision') !== 'absent') return;
    for (const h of otherHolderSources(model)) {
      report({
        path: ['data_sources', h.index, 'holder'],
        message: 'missing',
        args: { holder: h.holder, institution: model.project.institution ?? '' },
        fixes: [addApprovalFix('add-holder-decision', 'holder-decision')],
      });
    }
  },
});
