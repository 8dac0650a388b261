/**
 * The portfolio: every project of an institution on one page, for its data protection officer. One
 * row per descriptor, taken from that descriptor's requirements model (its state, its key dates,
 * the state of each required approval), so the overview and the preview never disagree; the rows
 * sorted by what needs action first, with a summary on top. Pure: the CLI and the language server
 * analyse the files and hand the analyses in.
 */
import { lawCurrentTo } from '../../../rules/domain/catalogue';
import { pick } from '../../../rules/domain/text';
import type { Lang } from '../../../rules/domain/types';
import { APPROVAL_NAME, PURPOSE_INFO, type Purpose } from '../../../rules/domain/vocabulary';
import type { Analysis } from '../../engine/analysis';
import type { KeyDate, KeyDateKind, ProjectState, RequirementsModel } from '../model';
import { recordEntry } from './record';
import type { Portfolio, PortfolioDate, PortfolioRow, PortfolioSummary } from './types';

export type { Portfolio, PortfolioRow } from './types';
import { STATES } from './words';

const slim = (d: KeyDate): PortfolioDate => ({ kind: d.kind, date: d.date, what: d.what, passed: d.passed, overdue: d.overdue, done: d.done });

/** One project's row, from its analysis and requirements model. */
export function portfolioRow(a: Analysis, rm: RequirementsModel, file: string): PortfolioRow {
  const lang = rm.lang;
  const purpose = rm.purpose;
  // The steps that get an approval name who decides; the delivery step names the same one again in full.
  const route = [...new Set(rm.plan.filter((p) => p.approvals.length > 0).map((p) => p.to))];
  return {
    file,
    uri: rm.uri,
    title: rm.title?.trim() || undefined,
    institution: rm.institution?.trim() || undefined,
    lead: rm.lead?.name?.trim() || undefined,
    purpose,
    purposeName: purpose && PURPOSE_INFO[purpose as Purpose] ? pick(PURPOSE_INFO[purpose as Purpose].name, lang) : purpose,
    route,
    approvals: rm.approvals.filter((x) => x.level === 'required').map((x) => ({ kind: x.kind, name: APPROVAL_NAME[x.kind]?.[lang] ?? x.kind, status: x.status })),
    errors: rm.counts.errors,
    warnings: rm.counts.warnings,
    state: rm.state,
    reasons: rm.reasons,
    next: rm.next ? slim(rm.next) : undefined,
    dates: rm.dates.map(slim),
    problem: rm.problem,
    record: rm.problem ? {} : recordEntry(a.model, lang),
  };
}

/** The row of a file that could not be read at all (missing, a folder, too large, not a regular file). */
export function unreadableRow(file: string, uri: string, problem: string, lang: Lang): PortfolioRow {
  return {
    file,
    uri,
    route: [],
    approvals: [],
    errors: 0,
    warnings: 0,
    state: 'needs-action',
    reasons: [pick({ en: 'the file could not be read', nb: 'filen kunne ikke leses' }, lang)],
    dates: [],
    problem,
    record: {},
  };
}

const RANK: Record<ProjectState, number> = { 'needs-action': 0, waiting: 1, approved: 2, ended: 3 };

/**
 * What needs action first: by state; within a state, an overdue date first, then more errors, then
 * the nearest next date (rows without one last), then by title and file.
 */
export function compareRows(x: PortfolioRow, y: PortfolioRow): number {
  return (
    RANK[x.state] - RANK[y.state] ||
    Number(y.next?.overdue ?? false) - Number(x.next?.overdue ?? false) ||
    y.errors - x.errors ||
    (x.next?.date ?? '9999').localeCompare(y.next?.date ?? '9999') ||
    (x.title ?? '').localeCompare(y.title ?? '') ||
    x.file.localeCompare(y.file)
  );
}

export function buildPortfolio(rows: PortfolioRow[], o: { lang: Lang; today: string; version: string }): Portfolio {
  const projects = [...rows].sort(compareRows);
  const byState = Object.fromEntries(STATES.map((s) => [s, 0])) as Record<ProjectState, number>;
  const summary: PortfolioSummary = { projects: projects.length, byState, approvalsWaiting: 0, startedWithoutApproval: 0, reportsDue: 0, pastRetention: 0, unreadable: 0, errors: 0, warnings: 0 };
  for (const r of projects) {
    byState[r.state]++;
    if (r.state !== 'ended') summary.approvalsWaiting += r.approvals.filter((x) => x.status === 'applied').length;
    const overdue = (kind: KeyDateKind) => r.dates.some((d) => d.kind === kind && d.overdue);
    if (overdue('start-without-approval')) summary.startedWithoutApproval++;
    if (overdue('final-report')) summary.reportsDue++;
    if (overdue('retention-end')) summary.pastRetention++;
    if (r.problem) summary.unreadable++;
    summary.errors += r.errors;
    summary.warnings += r.warnings;
  }
  return { format: 1, lang: o.lang, today: o.today, tool: { name: 'descriptor-check', version: o.version }, lawCurrentTo, summary, projects };
}
