import { addApprovalFix, approvalState } from './common';
import { defineRule } from './rule';

export default defineRule({
  id: 'transfer-abroad-agreement-missing',
  severity: 'error',
  description: {
    en: 'Data goes to an institution abroad and the agreement its role calls for is not listed: a data processor agreement for a processor, a data-sharing agreement for a controller or joint controller.',
    nb: 'Data sendes til en institusjon i utlandet, og avtalen rollen krever er ikke oppført: databehandleravtale for en databehandler, avtale om deling av data for en behandlingsansvarlig eller felles behandlingsansvarlig.',
  },
  remediation: {
    en: 'State the recipient\'s role (`transfer_abroad.recipient_role`). A processor, which processes the data on the project\'s behalf, needs a data processor agreement (`data-processor-agreement`); a research partner that decides its own use is a controller or joint controller and needs a data-sharing agreement (`data-sharing-agreement`). Put it in place with the DPO\'s help and list it under `approvals`.',
    nb: 'Oppgi mottakerens rolle (`transfer_abroad.recipient_role`). En databehandler, som behandler dataene på prosjektets vegne, trenger databehandleravtale (`data-processor-agreement`); en forskningspartner som selv bestemmer over bruken, er behandlingsansvarlig eller felles behandlingsansvarlig og trenger en avtale om deling av data (`data-sharing-agreement`). Inngå avtalen med hjelp fra personvernombudet, og før den opp under `approvals`.',
  },
  provisions: ['gdpr-28', 'gdpr-26', 'gdpr-44', 'gdpr-46'],
  seed: {
    file: 'helsedata-pii-application.en.txt',
    quote: 'If the data sets is to be sent to research institutions abroad, it is important that there is a data processor agreement',
  },
  fixes: ['add-processor-agreement', 'add-data-sharing-agreement'],
  messages: {
    missing: {
      en: 'Data sent abroad needs an agreement between the institutions, and none is listed under `approvals`. It is a data processor agreement when the recipient processes the data on the project\'s behalf; state `recipient_role` if it is a research partner (a controller needs a data-sharing agreement instead).',
      nb: 'Data som sendes til utlandet, krever en avtale mellom institusjonene, og ingen er oppført under `approvals`. Det er en databehandleravtale når mottakeren behandler dataene på prosjektets vegne; oppgi `recipient_role` hvis den er en forskningspartner (en behandlingsansvarlig trenger i stedet en avtale om deling av data).',
    },
    processor: {
      en: 'The recipient abroad processes the data on the project\'s behalf: list the data processor agreement as `data-processor-agreement` under `approvals`.',
      nb: 'Mottakeren i utlandet behandler dataene på prosjektets vegne: før opp databehandleravtalen som `data-processor-agreement` under `approvals`.',
    },
    controller: {
      en: 'No `data-sharing-agreement` is listed, and the recipient abroad is a {role}, not a processor. It decides its own use of the data, so the institutions need a data-sharing agreement: list it as `data-sharing-agreement` under `approvals`.',
      nb: 'Ingen `data-sharing-agreement` er oppført, og mottakeren i utlandet er {role}, ikke databehandler. Den bestemmer selv over bruken av dataene, så institusjonene trenger en avtale om deling av data: før den opp som `data-sharing-agreement` under `approvals`.',
    },
  },
  check({ model, route, report }) {
    if (!model.dataManagement.transferAbroad) return;
    const kind = route.requirements.find((r) => r.kind === 'data-processor-agreement' || r.kind === 'data-sharing-agreement')?.kind;
    if (!kind || approvalState(model, kind) !== 'absent') return;
    const role = route.facts.recipientRole;
    const roleText = role === 'joint-controller' ? { en: 'joint controller', nb: 'felles behandlingsansvarlig' } : { en: 'controller', nb: 'behandlingsansvarlig' };
    return report({
      path: role ? ['data_management', 'transfer_abroad', 'recipient_role'] : ['data_management', 'transfer_abroad'],
      target: role ? 'value' : 'key',
      message: kind === 'data-sharing-agreement' ? 'controller' : role === 'processor' ? 'processor' : 'missing',
      args: { role: roleText },
      fixes: [kind === 'data-sharing-agreement' ? addApprovalFix('add-data-sharing-agreement', 'data-sharing-agreement') : addApprovalFix('add-processor-agreement', 'data-processor-agreement')],
    });
  },
});
