import { addApprovalFix, approvalState } from './common';
import { defineRule } from './rule';

export default defineRule({
  id: 'population-register-permit-missing',
  severity: 'error',
  description: {
    en: 'The Population Register is used as a data source, or to draw a sample, without a permit from the Tax Administration.',
    nb: 'Folkeregisteret brukes som datakilde, eller til å trekke et utvalg, uten tillatelse fra Skatteetaten.',
  },
  remediation: {
    en: 'Apply to the Norwegian Tax Administration (Skatteetaten) for a permit to use Population Register data and list it as `tax-administration-permit` under `approvals`.',
    nb: 'Søk Skatteetaten om tillatelse til å bruke opplysninger fra Folkeregisteret, og før den opp som `tax-administration-permit` under `approvals`.',
  },
  provisions: ['folkeregl-10-3', 'folkeregl-1-3'],
  seed: {
    file: 'helsedata-pii-application.en.txt',
    quote: 'If you plan to use the Norwegian Population Register to extract a control group, you must apply for permission from the Norwegian Tax Administration.',
  },
  fixes: ['add-tax-permit'],
  messages: {
    missing: {
      en: 'Using data from the Population Register needs a permit from the Tax Administration; list it as `tax-administration-permit` under `approvals`.',
      nb: 'Bruk av opplysninger fra Folkeregisteret krever tillatelse fra Skatteetaten; før den opp som `tax-administration-permit` under `approvals`.',
    },
  },
  check({ model, report }) {
    const d = model.dataSources.find((x) => x.source === 'folkeregisteret');
    if (!d || approvalState(model, 'tax-administration-permit') !== 'absent') return;
    report({ path: [...d.path, 'source'], message: 'missing', fixes: [addApprovalFix('add-tax-permit', 'tax-administration-permit')] });
  },
});
