/** Small pieces several rules share: looking up approvals and attachments, and the fixes that add them. */
import type { Model } from './domain/model';
import type { Fix, Path, Target } from './domain/types';
import { RESEARCH_PURPOSES } from './domain/vocabulary';

export const hasApproval = (m: Model, kind: string): boolean => m.approvals.some((a) => a.kind === kind);
export const hasAttachment = (m: Model, kind: string): boolean => m.attachments.some((a) => a.kind === kind);
export const isResearch = (m: Model): boolean => m.purpose.all.some((p) => RESEARCH_PURPOSES.has(p));

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

export function addApprovalFix<F extends string>(id: F, kind: string, preferred = true): Fix<F> {
  return {
    id,
    title: { en: `Add approval \`${kind}\` (status: planned)`, nb: `Legg til godkjenning \`${kind}\` (status: planned)` },
    preferred,
    edits: [{ op: 'append', path: ['approvals'], item: { kind, status: 'planned' } }],
  };
}

export function addAttachmentFix<F extends string>(id: F, kind: string, preferred = true): Fix<F> {
  return {
    id,
    title: { en: `Add attachment \`${kind}\``, nb: `Legg til vedlegg \`${kind}\`` },
    preferred,
    edits: [{ op: 'append', path: ['attachments'], item: { kind } }],
  };
}
