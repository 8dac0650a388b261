/**
 * The portfolio's shape, as the language server sends it and portfolio.json holds it
 * (schemas/portfolio.schema.json). Types only, so the client can render it without the analysis.
 */
import type { Lang } from '../../../rules/domain/types';
import type { ApprovalState, KeyDateKind, ProjectState } from '../model';
import type { RecordField } from './words';

/** One project's entry in the record of processing (GDPR art. 30(1)); a field the descriptor does not fill is absent. */
export type RecordEntry = Partial<Record<RecordField, string>>;

/** A key date as the portfolio lists it (the provisions stay with the preview). */
export interface PortfolioDate {
  kind: KeyDateKind;
  date: string;
  what: string;
  passed: boolean;
  overdue: boolean;
  done: boolean;
}

export interface PortfolioRow {
  /** The descriptor as the reader knows it: its path relative to where the portfolio was made, or its workspace path. */
  file: string;
  uri: string;
  title?: string;
  institution?: string;
  lead?: string;
  /** `purpose.category`, and its name in words. */
  purpose?: string;
  purposeName?: string;
  /** Who decides, in the order of the plan (REK, then the one who decides on the data, ...). */
  route: string[];
  /** Each required approval and where it stands. */
  approvals: { kind: string; name: string; status: ApprovalState }[];
  errors: number;
  warnings: number;
  state: ProjectState;
  /** Why it needs action; empty in the other states. */
  reasons: string[];
  next?: PortfolioDate;
  dates: PortfolioDate[];
  /** Set when the file could not be read, or not as a descriptor. */
  problem?: string;
  /** The project's entry in the record of processing (GDPR art. 30(1)); absent fields are not stated in the descriptor. */
  record: RecordEntry;
}

export interface PortfolioSummary {
  projects: number;
  byState: Record<ProjectState, number>;
  /** Required approvals applied for and not yet decided, over all projects that have not ended. */
  approvalsWaiting: number;
  /** Projects that started before REK's pre-approval was granted. */
  startedWithoutApproval: number;
  /** Research projects that ended without a final report to REK recorded. */
  reportsDue: number;
  /** Projects whose data is kept past its retention date. */
  pastRetention: number;
  /** Files that could not be read, or not as descriptors. */
  unreadable: number;
  errors: number;
  warnings: number;
}

export interface Portfolio {
  /** The version of this shape (schemas/portfolio.schema.json). */
  format: 1;
  lang: Lang;
  /** The day the states and dates are counted from. */
  today: string;
  tool: { name: string; version: string };
  lawCurrentTo: string;
  summary: PortfolioSummary;
  projects: PortfolioRow[];
}
