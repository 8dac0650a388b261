import { addApprovalFix, approvalState } from './common';
import { defineRule } from './rule';

export default defineRule({
  id: 'transfer-abroad-agreement-missing',
  severity: 'error',
  description: {
    en: 'Data goes to an institution abroad and no data processor agreement is listed.',
    nb: 'Data sendes til en institusjon i utlandet, og ingen databehandleravtale er oppført.',
  },
  remediation: {
    en: 'Put a data processor agreement in place between the institutions, with the DPO\'s help, and list it as `data-processor-agreement` under `approvals`.',
    nb: 'Inngå en databehandleravtale mellom institusjonene, med hjelp fra personvernombudet, og før den opp som `data-processor-agreement` under `approvals`.',
  },
  provisions: ['gdpr-28', 'gdpr-44', 'gdpr-46'],
  seed: {
    file: 'helsedata-pii-application.en.txt',
    quote: 'If the data sets is to be sent to research institutions abroad, it is important that there is a data processor agreement',
  },
  fixes: ['add-processor-agreement'],
  messages: {
    missing: {
      en: 'Data sent to institutions abroad needs a data processor agreement between the institutions; add a `data-processor-agreement` approval.',
      nb: 'Data som sendes til institusjoner i utlandet krever en databehandleravtale mellom institusjonene; legg til en `data-processor-agreement`-godkjenning.',
    },
  },
  check({ model, report }) {
    if (!model.dataManagement.transferAbroad || approvalState(model, 'data-processor-agreement') !== 'absent') return;
    return report(
      {
        path: ['data_management', 'transfer_abroad'],
        target: 'key',
        message: 'missing',
        fixes: [addApprovalFix('add-processor-agreement', 'data-processor-agreement')],
      }
    );
  },
});
