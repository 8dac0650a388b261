import { addAttachmentFix, attachmentsAnchor, hasAttachment, purposeAnchor } from './common';
import { defineRule } from './rule';

export default defineRule({
  id: 'research-protocol-missing',
  severity: 'error',
  description: {
    en: 'A research project has no research protocol among its attachments.',
    nb: 'Et forskningsprosjekt har ingen forskningsprotokoll blant vedleggene.',
  },
  remediation: {
    en: 'Attach the research protocol and keep the application consistent with it.',
    nb: 'Legg ved forskningsprotokollen og hold søknaden i samsvar med den.',
  },
  provisions: ['hforsknl-6'],
  seed: { file: 'helsedata-pii-application.en.txt', quote: 'If the purpose of the project is research, you are required to submit a research protocol with the application.' },
  seedNb: { page: 'helsedata.no, «Nødvendige godkjenninger»', url: 'https://helsedata.no/no/soknadshjelp-personidentifiserbare/nodvendige-godkjenninger/', quote: 'For eksempel trenger du ikke å legge ved forskningsprotokoll, dersom formålet med behandling av opplysningene ikke er forskning.' },
  fixes: ['add-research-protocol'],
  messages: {
    missing: {
      en: 'A research purpose needs the research protocol attached; add a `research-protocol` attachment.',
      nb: 'Et forskningsformål krever at forskningsprotokollen legges ved; legg til et `research-protocol`-vedlegg.',
    },
  },
  check({ model, route, report }) {
    if (!route.facts.research || hasAttachment(model, 'research-protocol')) return;
    const anchor = model.attachmentsPresent ? attachmentsAnchor(model, []) : purposeAnchor(model);
    return report({ ...anchor, message: 'missing', fixes: [addAttachmentFix('add-research-protocol', 'research-protocol')] });
  },
});
