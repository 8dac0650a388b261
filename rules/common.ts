/** Small pieces several rules share: looking up approvals and attachments, and the fixes that add them. */
import type { Model } from './domain/model';
import type { Fix, Localized, Path, Target } from './domain/types';

/**
 * Where an approval stands in the descriptor: `valid` when an entry is planned, applied or granted
 * (a project being planned lists what it will apply for), `rejected` when every entry of that kind
 * was rejected (a rejected approval is not one; `approval-rejected` says what to do next), `absent`
 * when there is none. A "missing" rule fires only on `absent`.
 */
export type ApprovalState = 'valid' | 'rejected' | 'absent';

export function approvalState(m: Model, kind: string): ApprovalState {
  const entries = m.approvals.filter((a) => a.kind === kind);
  if (entries.length === 0) return 'absent';
  return entries.some((a) => a.status !== 'rejected') ? 'valid' : 'rejected';
}

export const hasAttachment = (m: Model, kind: string): boolean => m.attachments.some((a) => a.kind === kind);

/** Where a "missing approval" finding points: the `approvals` key, else `fallback`. */
export function approvalsAnchor(m: Model, fallback: Path): { path: Path; target: Target } {
  return m.approvalsPresent ? { path: ['approvals'], target: 'key' } : { path: fallback, target: 'value' };
}

/** Where a "missing attachment" finding points: the `attachments` key, else `fallback`. */
export function attachmentsAnchor(m: Model, fallback: Path): { path: Path; target: Target } {
  return m.attachmentsPresent ? { path: ['attachments'], target: 'key' } : { path: fallback, target: 'value' };
}

/** Where a finding about the purpose points: its category value, else the `purpose` key. */
export function purposeAnchor(m: Model): { path: Path; target: Target } {
  return m.purpose.category ? { path: ['purpose', 'category'], target: 'value' } : { path: ['purpose'], target: 'key' };
}

/**
 * Lists an approval as planned. A quick fix the user takes one by one, never part of fix-all: it
 * records an intention to apply, which only the user can state.
 */
export function addApprovalFix<F extends string>(id: F, kind: string): Fix<F> {
  return {
    id,
    title: { en: `Add \`${kind}\` to approvals (status: planned)`, nb: `Før opp \`${kind}\` under approvals (status: planned)` },
    edits: [{ op: 'append', path: ['approvals'], item: { kind, status: 'planned' } }],
  };
}

/**
 * Lists an attachment with the file it should be, so the entry is honest: until the file exists,
 * `attachment-file-missing` says so. Never part of fix-all.
 */
export function addAttachmentFix<F extends string>(id: F, kind: string): Fix<F> {
  const file = `docs/${kind}.pdf`;
  return {
    id,
    title: { en: `Add attachment \`${kind}\` with its file (\`${file}\`)`, nb: `Legg til vedlegget \`${kind}\` med filen (\`${file}\`)` },
    edits: [{ op: 'append', path: ['attachments'], item: { kind, file } }],
  };
}

/**
 * The text a quick fix writes as a placeholder, in the descriptor's own language (`language: nb`),
 * else English. It says what is to be written, never a reason of its own.
 */
export function placeholderText(m: Model, text: Localized): string {
  return m.raw.language === 'nb' ? text.nb : text.en;
}

/**
 * Whether the final report to REK (sluttmelding, helseforskningsloven § 12) is recorded as sent: a
 * `final-report` approval applied for (sent) or granted (acknowledged), or `project.final_report_sent`.
 * The date when one is given, else `true`; `undefined` when it is not recorded as sent.
 */
export function finalReportSent(m: Model): string | true | undefined {
  const iso = /^\d{4}-\d{2}-\d{2}$/;
  if (m.project.finalReportSent && iso.test(m.project.finalReportSent)) return m.project.finalReportSent;
  const sent = m.approvals.filter((a) => a.kind === 'final-report' && (a.status === 'applied' || a.status === 'granted'));
  if (!sent.length) return undefined;
  return sent.map((a) => a.date).filter((d): d is string => d !== undefined && iso.test(d)).sort()[0] ?? true;
}
