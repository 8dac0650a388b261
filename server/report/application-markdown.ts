/** The application document in Markdown, from the same blocks as the Word document. Descriptor text is escaped. */
import { escapeMd } from './escape';
import type { Block, Cell } from './application';

const inline = (cell: Cell) =>
  cell
    .map((x) => {
      const t = escapeMd(x.text).replace(/\r?\n/g, ' ');
      if (!t.trim() || !(x.placeholder || x.bold || x.warn)) return t;
      // Emphasis markers must touch the text: keep the spaces outside them.
      const [, lead, core, trail] = /^(\s*)(.*?)(\s*)$/s.exec(t)!;
      return x.placeholder || x.bold ? `${lead}**${core}**${trail}` : `${lead}*${core}*${trail}`;
    })
    .join('');
/** A cell of a Markdown table: no line breaks, and `|` is escaped by escapeMd already. */
const cellText = (cell: Cell) => inline(cell) || ' ';

export function toMarkdown(blocks: Block[]): string {
  const out: string[] = [];
  for (const b of blocks) {
    switch (b.kind) {
      case 'title':
        out.push(`# ${escapeMd(b.text)}`, '');
        break;
      case 'h1':
        out.push(`## ${escapeMd(b.text)}`, '');
        break;
      case 'h2':
        out.push(`### ${escapeMd(b.text)}`, '');
        break;
      case 'p':
        out.push(inline(b.runs), '');
        break;
      case 'fields':
        for (const f of b.rows) out.push(`- **${escapeMd(f.label)}:** ${inline(f.value)}`);
        out.push('');
        break;
      case 'list':
        for (const item of b.items) out.push(`- ${inline(item)}`);
        out.push('');
        break;
      case 'table':
        out.push(`| ${b.head.map(escapeMd).join(' | ')} |`, `| ${b.head.map(() => '---').join(' | ')} |`);
        for (const row of b.rows) out.push(`| ${row.map(cellText).join(' | ')} |`);
        out.push('');
        break;
      case 'contents':
        for (const item of b.items) out.push(`- ${escapeMd(item.text)}`);
        out.push('');
        break;
      case 'diagram':
        out.push(`![${escapeMd(b.alt)}](linkage.svg)`, '');
        break;
    }
  }
  return out.join('\n');
}
