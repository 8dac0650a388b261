/**
 * Each data source's variable list, as the custodian reads it: a spreadsheet (header row frozen,
 * columns as wide as their text, long text wrapped) and the same rows as CSV.
 */
import { say } from '../../rules/domain/text';
import ExcelJS from 'exceljs';
import type { Lang } from '../../rules/domain/types';
import type { VariableRow } from '../report/application';
import { WORDS } from '../report/words';

const W = WORDS.document;

function variableHeader(l: Lang): string[] {
  return [say(W.variable, l), say(W.custodianName, l), say(W.description, l), say(W.granularity, l), say(W.justification, l), say(W.specialGroundsColumn, l)];
}

/** A row: the custodian's name only where it is confirmed from the custodian's own list, else marked as to be checked. */
const cells = (v: VariableRow, l: Lang) => [v.name, v.custodianName ?? `[${say(W.toCheck, l)}]`, v.description ?? '', v.granularity ?? '', v.justification ?? '', v.specialGrounds ?? ''];

/**
 * Column widths in characters: the longest line of the column, at least 10 and at most 60 (longer
 * text wraps). Counted in loops, so a cell of a megabyte or a list of thousands of rows costs its
 * length and no more.
 */
export function columnWidths(rows: string[][]): number[] {
  const n = rows[0]?.length ?? 0;
  const widths: number[] = [];
  for (let i = 0; i < n; i++) {
    let widest = 0;
    for (const r of rows) {
      for (const line of String(r[i] ?? '').split('\n')) {
        // Code points, not UTF-16 units; past the cap the exact width does not matter.
        let w = 0;
        for (const _ of line) if (++w > 60) break;
        if (w > widest) widest = w;
      }
    }
    widths.push(Math.min(60, Math.max(10, widest + 2)));
  }
  return widths;
}

export async function variablesXlsx(rows: VariableRow[], sheetName: string, l: Lang): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'descriptor-check';
  const ws = wb.addWorksheet(safeSheetName(sheetName), { views: [{ state: 'frozen', ySplit: 1, xSplit: 0, topLeftCell: 'A2', activeCell: 'A2' }] });
  const head = variableHeader(l);
  const body = rows.map((v) => cells(v, l));
  const widths = columnWidths([head, ...body]);
  ws.columns = head.map((h, i) => ({ header: h, key: `c${i}`, width: widths[i] }));
  // Plain strings are written as text cells: a name that starts with "=" stays text, never a formula.
  for (const r of body) ws.addRow(r);
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7ECF2' } };
  header.alignment = { vertical: 'top', wrapText: true };
  for (let i = 2; i <= ws.rowCount; i++) ws.getRow(i).alignment = { vertical: 'top', wrapText: true };
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: head.length } };
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/**
 * A sheet name Excel accepts, from any data source id: at most 31 characters (never half of a
 * surrogate pair), none of : \ / ? * [ ] or control characters, no apostrophe first or last, not
 * blank, and not `History`, which Excel keeps for itself (in any case).
 */
export function safeSheetName(s: string): string {
  let name = '';
  for (const c of s.replace(/[:\\/?*[\]\u0000-\u001f\u007f-\u009f\ufffe\uffff]/g, '-')) {
    // A lone surrogate is not text: it would make the workbook's XML invalid.
    const cp = c.codePointAt(0)!;
    const ch = cp >= 0xd800 && cp <= 0xdfff ? '-' : c;
    if (name.length + ch.length > 31) break;
    name += ch;
  }
  name = name.replace(/^'+|'+$/g, '');
  if (!name.trim()) return 'variables';
  return /^history$/i.test(name) ? `${name}-variables` : name;
}

/**
 * RFC 4180 CSV with a byte-order mark (so spreadsheet programs read æ, ø, å), CRLF line ends, and
 * every cell that a spreadsheet would read as a formula (starting with =, +, -, @, tab or CR)
 * prefixed with an apostrophe.
 */
export function variablesCsv(rows: VariableRow[], l: Lang): string {
  const quote = (s: string) => {
    const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
    return /[",\r\n;]/.test(safe) || safe !== safe.trim() ? `"${safe.replace(/"/g, '""')}"` : safe;
  };
  const lines = [variableHeader(l), ...rows.map((v) => cells(v, l))].map((r) => r.map(quote).join(','));
  return `\ufeff${lines.join('\r\n')}\r\n`;
}
