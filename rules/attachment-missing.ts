import { addAttachmentFix, attachmentsAnchor, hasAttachment, purposeAnchor } from './common';
import { listOf } from './domain/text';
import type { Lang } from './domain/types';
import { defineRule } from './rule';

/** The kinds as a list that keeps the first sentence short: the first few, then how many more (the fixes name each). */
function kindList(kinds: string[], lang: Lang): string {
  for (let n = kinds.length; n > 1; n--) {
    const shown = n === kinds.length ? kinds : [...kinds.slice(0, n), lang === 'en' ? `${kinds.length - n} more` : `${kinds.length - n} til`];
    const text = listOf(shown, lang);
    if (text.length <= 100) return text;
  }
  return listOf([kinds[0], lang === 'en' ? `${kinds.length - 1} more` : `${kinds.length - 1} til`], lang);
}

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
    // One place, one finding: every attachment that is not listed, each with why it is needed.
    missingMany: {
      en: '{count} attachments are not listed under `attachments`: {kinds}. {why}',
      nb: '{count} vedlegg er ikke oppført under `attachments`: {kinds}. {why}',
    },
  },
  check({ model, route, report }) {
    const missing = route.attachments.filter((a) => a.kind !== 'research-protocol' && !hasAttachment(model, a.kind));
    if (missing.length === 0) return;
    const anchor = model.attachmentsPresent ? attachmentsAnchor(model, []) : purposeAnchor(model);
    const fixes = missing.map((a) => addAttachmentFix('add-attachment', a.kind));
    if (missing.length === 1) {
      report({ ...anchor, message: 'missing', args: { kind: missing[0].kind, why: missing[0].why }, fixes, data: { kinds: [missing[0].kind] } });
      return;
    }
    const kinds = missing.map((a) => `\`${a.kind}\``);
    const why = { en: missing.map((a) => a.why.en).join(' '), nb: missing.map((a) => a.why.nb).join(' ') };
    report({
      ...anchor,
      message: 'missingMany',
      args: { count: missing.length, kinds: { en: kindList(kinds, 'en'), nb: kindList(kinds, 'nb') }, why },
      fixes,
      data: { kinds: missing.map((a) => a.kind) },
    });
  },
});
