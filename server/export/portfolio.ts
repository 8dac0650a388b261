/**
 * The portfolio's files, built in memory from the portfolio (server/report/portfolio/):
 * portfolio.html, portfolio.xlsx (one row per project, header frozen, filters on), portfolio.json
 * (schemas/portfolio.schema.json) and record-of-processing.xlsx (GDPR art. 30(1), one row per
 * project, every field the descriptor leaves empty marked). The CLI writes them with write.ts, the
 * VS Code client through its file system.
 */
import ExcelJS from 'exceljs';
import { pick, say } from '../../rules/domain/text';
import type { Lang } from '../../rules/domain/types';
import { renderPortfolioHtml } from '../report/portfolio/html';
import type { Portfolio, PortfolioRow } from '../report/portfolio/portfolio';
import { PORTFOLIO_TEXT as P, RECORD_FIELD, RECORD_MISSING, STATE_NAME, STATES, type RecordField } from '../report/portfolio/words';
import { statusText } from '../report/requirements-render';
import type { PackageFile } from './package';
import { columnWidths } from './variables';

/** The files of a portfolio, in the order they are written. */
export const PORTFOLIO_FILES = ['portfolio.html', 'portfolio.xlsx', 'portfolio.json', 'record-of-processing.xlsx'] as const;

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7ECF2' } };
const MISSING_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF3B0' } };

/** A sheet with a bold, frozen header row, filters on it, wrapped text and fitted columns. Every cell is written as text. */
function sheet(wb: ExcelJS.Workbook, name: string, head: string[], body: string[][], filters = true): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1, xSplit: 0, topLeftCell: 'A2', activeCell: 'A2' }] });
  const widths = columnWidths([head, ...body]);
  ws.columns = head.map((h, i) => ({ header: h, key: `c${i}`, width: widths[i] }));
  for (const r of body) ws.addRow(r);
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.fill = HEADER_FILL;
  header.alignment = { vertical: 'top', wrapText: true };
  for (let i = 2; i <= ws.rowCount; i++) ws.getRow(i).alignment = { vertical: 'top', wrapText: true };
  if (filters) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: head.length } };
  return ws;
}

function workbook(): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'descriptor-check';
  return wb;
}

/** The columns of portfolio.xlsx, in order. */
export function portfolioHeader(l: Lang): string[] {
  return [say(P.state, l), say(P.project, l), say(P.file, l), say(P.institution, l), say(P.lead, l), say(P.purpose, l), say(P.route, l), say(P.approvals, l), say(P.errors, l), say(P.warnings, l), say(P.next, l), say(P.nextWhat, l), say(P.overdue, l), say(P.why, l)];
}

function portfolioCells(r: PortfolioRow, l: Lang): string[] {
  return [
    pick(STATE_NAME[r.state], l),
    r.title ?? say(P.untitled, l),
    r.file,
    r.institution ?? '',
    r.lead ?? '',
    r.purposeName ?? '',
    r.route.join(' → '),
    r.approvals.map((a) => `${a.name}: ${statusText(a.status, l)}`).join('\n'),
    String(r.errors),
    String(r.warnings),
    r.next?.date ?? '',
    r.next?.what ?? '',
    r.next?.overdue ? say(P.yes, l) : say(P.no, l),
    [...r.reasons, ...(r.problem ? [r.problem] : [])].join('\n'),
  ];
}

async function portfolioXlsx(p: Portfolio): Promise<Buffer> {
  const l = p.lang;
  const wb = workbook();
  const ws = sheet(wb, say(P.portfolioSheet, l), portfolioHeader(l), p.projects.map((r) => portfolioCells(r, l)));
  // The counts stay numbers, so a spreadsheet can sum and sort them.
  for (let i = 2; i <= ws.rowCount; i++) for (const c of [9, 10]) ws.getCell(i, c).value = Number(ws.getCell(i, c).value);
  const s = p.summary;
  const rows: [string, number][] = [
    [say(P.projects, l), s.projects],
    ...STATES.map((st): [string, number] => [pick(STATE_NAME[st], l), s.byState[st]]),
    [say(P.approvalsWaiting, l), s.approvalsWaiting],
    [say(P.startedWithoutApproval, l), s.startedWithoutApproval],
    [say(P.reportsDue, l), s.reportsDue],
    [say(P.pastRetention, l), s.pastRetention],
    [say(P.unreadable, l), s.unreadable],
    [say(P.errors, l), s.errors],
    [say(P.warnings, l), s.warnings],
  ];
  const sum = sheet(wb, say(P.summarySheet, l), [say(P.summary, l), say(P.count, l)], rows.map(([k, n]) => [k, String(n)]), false);
  for (let i = 2; i <= sum.rowCount; i++) sum.getCell(i, 2).value = Number(sum.getCell(i, 2).value);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const RECORD_FIELDS: readonly RecordField[] = ['controller', 'contact', 'dpo', 'purposes', 'legalBasis', 'dataSubjects', 'personalData', 'recipients', 'transfers', 'retention', 'security'];

/** The columns of record-of-processing.xlsx, in order. */
export function recordHeader(l: Lang): string[] {
  return [say(P.project, l), say(P.file, l), ...RECORD_FIELDS.map((f) => pick(RECORD_FIELD[f], l))];
}

async function recordXlsx(p: Portfolio): Promise<Buffer> {
  const l = p.lang;
  const wb = workbook();
  const body = p.projects.map((r) => [r.title ?? say(P.untitled, l), r.file, ...RECORD_FIELDS.map((f) => r.record[f] ?? pick(RECORD_MISSING[f], l))]);
  const ws = sheet(wb, say(P.recordSheet, l), recordHeader(l), body);
  // What the descriptor does not say is marked, so nobody files the record with a gap unseen.
  p.projects.forEach((r, i) => {
    if (!r.title) ws.getCell(i + 2, 1).fill = MISSING_FILL;
    RECORD_FIELDS.forEach((f, j) => {
      if (r.record[f] === undefined) ws.getCell(i + 2, j + 3).fill = MISSING_FILL;
    });
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** portfolio.json: the portfolio as it is, with the schema it follows named. */
function portfolioJson(p: Portfolio): string {
  return `${JSON.stringify({ $schema: 'https://descriptor-tools.example/schemas/portfolio.schema.json', ...p }, null, 2)}\n`;
}

export async function buildPortfolioFiles(p: Portfolio): Promise<PackageFile[]> {
  return [
    { name: 'portfolio.html', data: Buffer.from(renderPortfolioHtml(p), 'utf8') },
    { name: 'portfolio.xlsx', data: await portfolioXlsx(p) },
    { name: 'portfolio.json', data: Buffer.from(portfolioJson(p), 'utf8') },
    { name: 'record-of-processing.xlsx', data: await recordXlsx(p) },
  ];
}
