/**
 * The application document in Word: Word's own Title, Heading 1 and Heading 2 styles (with outline
 * levels, so Word's navigation pane lists the sections and References > Table of Contents builds a
 * paged one), a linked contents list that works in every viewer, real tables with a repeated
 * header row, and placeholders highlighted so nobody sends them by mistake.
 */
import {
  AlignmentType, Bookmark, BorderStyle, Document, HeadingLevel, ImageRun, InternalHyperlink, LevelFormat, Packer, Paragraph, ShadingType, Table, TableCell, TableRow, TextRun, WidthType,
  type ParagraphChild,
} from 'docx';
import type { Block, Cell, Run } from '../report/application';

export interface DocxOptions {
  title: string;
  lang: 'en' | 'nb';
  /** The diagram as PNG, with its size in CSS pixels. */
  diagram?: { png: Buffer; width: number; height: number };
}

/** Text width of an A4 page with 2.5 cm margins, in CSS pixels at 96 dpi. */
const TEXT_WIDTH_PX = 600;
/** Text height of that page, less room for the heading above the diagram: the diagram fits on one page. */
const TEXT_HEIGHT_PX = 860;
const FONT = 'Calibri';

/** Text in tables is 10 pt, body text 11 pt (sizes in half-points). */
const TABLE_SIZE = 20;

function runs(cell: Cell, size?: number): TextRun[] {
  return cell.map(
    (x: Run) =>
      new TextRun({
        text: x.text,
        size,
        bold: x.bold || x.placeholder ? true : undefined,
        highlight: x.placeholder ? 'yellow' : undefined,
        color: x.warn ? 'B42318' : undefined,
      }),
  );
}

const border = { style: BorderStyle.SINGLE, size: 4, color: '9AA4AF' };
const borders = { top: border, bottom: border, left: border, right: border, insideHorizontal: border, insideVertical: border };

function table(head: string[] | undefined, rows: Cell[][], widths?: number[]): Table {
  const cols = (head ?? rows[0] ?? []).length;
  const w = widths ?? Array.from({ length: cols }, () => Math.floor(100 / cols));
  const cell = (content: Cell, i: number, header: boolean) =>
    new TableCell({
      width: { size: w[i] ?? 10, type: WidthType.PERCENTAGE },
      shading: header ? { type: ShadingType.CLEAR, color: 'auto', fill: 'E7ECF2' } : undefined,
      margins: { top: 40, bottom: 40, left: 80, right: 80 },
      children: [new Paragraph({ spacing: { after: 0 }, children: header ? [new TextRun({ text: content.map((x) => x.text).join(''), bold: true, size: TABLE_SIZE })] : runs(content, TABLE_SIZE) })],
    });
  const out: TableRow[] = [];
  if (head) out.push(new TableRow({ tableHeader: true, cantSplit: true, children: head.map((h, i) => cell([{ text: h }], i, true)) }));
  for (const row of rows) out.push(new TableRow({ cantSplit: true, children: row.map((c, i) => cell(c, i, false)) }));
  return new Table({ width: { size: 100, type: WidthType.PERCENTAGE }, borders, rows: out });
}

export async function toDocx(blocks: Block[], o: DocxOptions): Promise<Buffer> {
  const children: (Paragraph | Table)[] = [];
  /**
   * After a table: a small empty paragraph, where the next block is a table too (Word would join
   * the two) or at the end (Word ends a document with a paragraph). Headings bring their own space.
   */
  const spacer = (i: number) => {
    const next = blocks[i + 1];
    if (!next || next.kind === 'table' || next.kind === 'fields') children.push(new Paragraph({ spacing: { before: 0, after: 0 }, children: [new TextRun({ text: '', size: 8 })] }));
  };
  for (const [i, b] of blocks.entries()) {
    switch (b.kind) {
      case 'title':
        children.push(new Paragraph({ heading: HeadingLevel.TITLE, children: [new TextRun(b.text)] }));
        break;
      case 'h1':
      case 'h2': {
        const text: ParagraphChild = new TextRun(b.text);
        children.push(new Paragraph({ heading: b.kind === 'h1' ? HeadingLevel.HEADING_1 : HeadingLevel.HEADING_2, children: [b.anchor ? new Bookmark({ id: b.anchor, children: [text] }) : text] }));
        break;
      }
      case 'p': {
        const afterTable = i > 0 && (blocks[i - 1].kind === 'table' || blocks[i - 1].kind === 'fields');
        children.push(new Paragraph({ spacing: afterTable ? { before: 120 } : undefined, children: runs(b.runs) }));
        break;
      }
      case 'fields':
        children.push(table(undefined, b.rows.map((f) => [[{ text: f.label, bold: true }], f.value]), [32, 68]));
        spacer(i);
        break;
      case 'list':
        for (const item of b.items) children.push(new Paragraph({ numbering: { reference: 'bullets', level: 0 }, children: runs(item) }));
        break;
      case 'table':
        children.push(table(b.head, b.rows, b.widths));
        spacer(i);
        break;
      case 'contents':
        for (const item of b.items) children.push(new Paragraph({ children: [new InternalHyperlink({ anchor: item.anchor, children: [new TextRun({ text: item.text, style: 'Hyperlink' })] })] }));
        break;
      case 'diagram': {
        if (!o.diagram) break;
        const scale = Math.min(1, TEXT_WIDTH_PX / o.diagram.width, TEXT_HEIGHT_PX / o.diagram.height);
        children.push(
          new Paragraph({
            alignment: AlignmentType.CENTER,
            children: [
              new ImageRun({
                type: 'png',
                data: o.diagram.png,
                transformation: { width: Math.round(o.diagram.width * scale), height: Math.round(o.diagram.height * scale) },
                altText: { name: 'linkage', title: b.alt, description: b.alt },
              }),
            ],
          }),
        );
        break;
      }
    }
  }
  const doc = new Document({
    creator: 'descriptor-check',
    title: o.title,
    description: o.title,
    styles: {
      default: {
        document: { run: { font: FONT, size: 22, language: { value: o.lang === 'nb' ? 'nb-NO' : 'en-GB' } }, paragraph: { spacing: { after: 80 } } },
        title: { run: { font: FONT, size: 40, bold: true, color: '1F3B57' }, paragraph: { spacing: { after: 160 } } },
        heading1: { run: { font: FONT, size: 30, bold: true, color: '1F3B57' }, paragraph: { spacing: { before: 320, after: 120 }, outlineLevel: 0, keepNext: true } },
        heading2: { run: { font: FONT, size: 25, bold: true, color: '1F3B57' }, paragraph: { spacing: { before: 200, after: 80 }, outlineLevel: 1, keepNext: true } },
        hyperlink: { run: { color: '0B5CAD', underline: {} } },
      },
    },
    numbering: {
      config: [{ reference: 'bullets', levels: [{ level: 0, format: LevelFormat.BULLET, text: '•', alignment: AlignmentType.LEFT, style: { paragraph: { indent: { left: 360, hanging: 260 } } } }] }],
    },
    sections: [{ properties: { page: { margin: { top: 1417, bottom: 1417, left: 1417, right: 1417 } } }, children }],
  });
  const buffer = await Packer.toBuffer(doc);
  return Buffer.from(buffer);
}
