import { addApprovalFix, approvalsAnchor, approvalState, hasAttachment } from './common';
import { defineRule } from './rule';

export default defineRule({
  id: 'dpia-missing',
  severity: 'warning',
  description: {
    en: 'Research on identifiable health data, or large-scale processing of health data for any purpose, lists no data protection impact assessment (DPIA).',
    nb: 'Forskning på identifiserbare helseopplysninger, eller behandling av helseopplysninger i stort omfang uansett formål, har ingen personvernkonsekvensvurdering (DPIA).',
  },
  remediation: {
    en: 'Ask the research institution whether a DPIA is required (most health research needs one) and list it under `approvals` or `attachments` as `dpia`.',
    nb: 'Spør forskningsinstitusjonen om DPIA kreves (det kreves for de fleste helseforskningsprosjekter) og før den opp under `approvals` eller `attachments` som `dpia`.',
  },
  provisions: ['gdpr-35'],
  seed: { file: 'helsedata-pii-application.en.txt', quote: 'Most medical and health research projects will require a DPIA' },
  fixes: ['add-dpia'],
  messages: {
    'large-scale': {
      en: 'No data protection impact assessment (`dpia`) is listed, and the project processes health data on a large scale. Processing on that scale ({why}) needs a data protection impact assessment (GDPR art. 35): list the `dpia` under `approvals` once the institution has made it.',
      nb: 'Ingen personvernkonsekvensvurdering (`dpia`) er oppført, og prosjektet behandler helseopplysninger i stort omfang. Behandling i slikt omfang ({why}) krever en personvernkonsekvensvurdering (personvernforordningen art. 35): før opp `dpia` under `approvals` når institusjonen har gjort den.',
    },
    missing: {
      en: 'No data protection impact assessment (`dpia`) is listed for this research on identifiable health data. Research on identifiable health data, and processing of health data on a large scale (registries, health surveys, quality registers, new technology), needs one: list the `dpia` under `approvals` once the institution has made it.',
      nb: 'Ingen personvernkonsekvensvurdering (`dpia`) er oppført for denne forskningen på identifiserbare helseopplysninger. Forskning på identifiserbare helseopplysninger, og behandling av helseopplysninger i stort omfang (registre, helseundersøkelser, kvalitetsregistre, ny teknologi), krever en slik vurdering: før opp `dpia` under `approvals` når institusjonen har gjort den.',
    },
  },
  check({ model, route, report }) {
    if (!route.requirements.some((r) => r.kind === 'dpia')) return;
    // Establishing a quality register: quality-register-duties asks for the DPIA with the register's other duties.
    if (route.family === 'quality-register') return;
    if (approvalState(model, 'dpia') !== 'absent' || hasAttachment(model, 'dpia')) return;
    const research = route.facts.research && route.facts.identifiable.length > 0;
    const big = route.facts.identifiable.filter((s) => s.kind !== 'patient-records' && s.kind !== 'self-collected');
    const why = big.length
      ? { en: big.map((s) => s.abbreviation ?? s.name.en).join(', '), nb: big.map((s) => s.abbreviation ?? s.name.nb).join(', ') }
      : { en: 'a new technology built on patient data', nb: 'ny teknologi bygget på pasientdata' };
    report({ ...approvalsAnchor(model, ['purpose', 'category']), message: research ? 'missing' : 'large-scale', args: { why }, fixes: [addApprovalFix('add-dpia', 'dpia')] });
  },
});
