import { addApprovalFix, approvalState } from './common';
import { defineRule } from './rule';
import { controlGroupCatalogueId } from './domain/routing';

export default defineRule({
  id: 'control-group-permit-missing',
  severity: 'error',
  description: {
    en: 'A control group is drawn from the population register without a permit from the Tax Administration.',
    nb: 'En kontrollgruppe trekkes fra Folkeregisteret uten tillatelse fra Skatteetaten.',
  },
  remediation: {
    en: 'Apply to the Norwegian Tax Administration (Skatteetaten) for a permit and list it as `tax-administration-permit` under `approvals`.',
    nb: 'Søk Skatteetaten om tillatelse og før den opp som `tax-administration-permit` under `approvals`.',
  },
  provisions: ['folkeregl-10-3'],
  seed: {
    file: 'helsedata-pii-application.en.txt',
    quote: 'If you plan to use the Norwegian Population Register to extract a control group, you must apply for permission from the Norwegian Tax Administration.',
  },
  fixes: ['add-tax-permit'],
  messages: {
    missing: {
      en: 'Drawing a control group from the Population Register needs a permit from the Tax Administration; list it as `tax-administration-permit` under `approvals`.',
      nb: 'Å trekke en kontrollgruppe fra Folkeregisteret krever tillatelse fra Skatteetaten; før tillatelsen opp som `tax-administration-permit` under `approvals`.',
    },
  },
  check({ model, report }) {
    // Reported at the control group also when the register is a data source too (population-register-permit-missing reports that use).
    if (controlGroupCatalogueId(model) !== 'folkeregisteret') return;
    if (approvalState(model, 'tax-administration-permit') !== 'absent') return;
    return report({ path: ['population', 'control_group', 'source'], message: 'missing', fixes: [addApprovalFix('add-tax-permit', 'tax-administration-permit')] });
  },
});
