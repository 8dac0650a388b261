import { addApprovalFix, approvalState } from './common';
import { defineRule } from './rule';

export default defineRule({
  id: 'medical-products-assessment',
  severity: 'information',
  description: {
    en: 'A clinical decision-support tool: whether its testing must be approved by or notified to Direktoratet for medisinske produkter (DMP, formerly Statens legemiddelverk) has not been recorded as assessed.',
    nb: 'Et klinisk beslutningsstøtteverktøy: det er ikke registrert at man har vurdert om utprøvingen skal godkjennes av eller meldes til Direktoratet for medisinske produkter (DMP, tidligere Statens legemiddelverk).',
  },
  remediation: {
    en: 'Assess whether the tool is a medical device whose clinical testing must be approved or notified, and record it as a `medical-products-notification` entry (`status: planned` records that it was assessed). Assess commercialisation too.',
    nb: 'Vurder om verktøyet er medisinsk utstyr der utprøvingen må godkjennes eller meldes, og registrer det som `medical-products-notification` (`status: planned` viser at det er vurdert). Vurder også kommersialisering.',
  },
  provisions: ['medutstl'],
  seed: { file: 'avklare-formal.nb.txt', quote: 'Det må vurderes om klinisk utprøving også skal forhåndsgodkjennes av eller meldes til Statens legemiddelverk' },
  fixes: ['add-medical-products-notification'],
  messages: {
    assess: {
      en: 'Assess whether clinical testing of this decision-support tool must be approved by or notified to Direktoratet for medisinske produkter (DMP). Record the assessment as `medical-products-notification` under `approvals`.',
      nb: 'Vurder om klinisk utprøving av dette beslutningsstøtteverktøyet skal godkjennes av eller meldes til Direktoratet for medisinske produkter (DMP). Før vurderingen opp som `medical-products-notification` under `approvals`.',
    },
  },
  check({ model, report }) {
    if (model.purpose.product !== 'clinical-decision-support' || approvalState(model, 'medical-products-notification') !== 'absent') return;
    return report({ path: ['purpose', 'product'], message: 'assess', fixes: [addApprovalFix('add-medical-products-notification', 'medical-products-notification')] });
  },
});
