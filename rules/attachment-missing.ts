import { addAttachmentFix, attachmentsAnchor, hasAttachment, purposeAnchor } from './common';
import { defineRule } from './rule';

export default defineRule({
  id: 'attachment-missing',
  severity: 'warning',
  description: {
    en: 'An attachment the application needs for this purpose (the helsedata.no attachments table) is not listed.',
    nb: 'Et vedlegg søknaden trenger for dette formålet (vedleggstabellen på helsedata.no) er ikke oppført.',
  },
  remediation: {
    en: 'Add the attachment under `attachments` with a file whose name says what it contains; an application is complete only with all its attachments.',
    nb: 'Legg til vedlegget under `attachments` med en fil som har et forståelig navn; søknaden er komplett først når alle vedlegg er med.',
  },
  provisions: ['hforsknl-6', 'gdpr-6-1', 'gdpr-9-2'],
  seed: {
    file: 'helsedata-pii-application.en.txt',
    quote: 'In order for you to access and process personally identifiable information (PII), your application must contain a number of attachments',
  },
  seedNb: { page: 'helsedata.no, «Nødvendige godkjenninger»', url: 'https://helsedata.no/no/soknadshjelp-personidentifiserbare/nodvendige-godkjenninger/', quote: 'For at du skal få tilgang til personidentifiserbare opplysninger, må søknaden din inneholde en rekke vedlegg' },
  fixes: ['add-attachment'],
  messages: {
    missing: {
      en: '`{kind}` is not listed under `attachments`. {why}',
      nb: '`{kind}` er ikke oppført under `attachments`. {why}',
    },
  },
  check({ model, route, report }) {
    for (const a of route.attachments) {
      if (a.kind === 'research-protocol' || hasAttachment(model, a.kind)) continue;
      const anchor = model.attachmentsPresent ? attachmentsAnchor(model, []) : purposeAnchor(model);
      report({ ...anchor, message: 'missing', args: { kind: a.kind, why: a.why }, fixes: [addAttachmentFix('add-attachment', a.kind)], data: { kind: a.kind } });
    }
  },
});
