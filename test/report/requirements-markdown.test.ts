/**
 * requirements.md (the export's file, and the preview's "Export as Markdown") shows descriptor text
 * as text. It is rendered here as a Markdown viewer with HTML enabled would render it (markdown-it,
 * `html: true`): no element, attribute or link may come from the descriptor, and the text still
 * reads as the user wrote it. The review's package ran 8 `alert()`s this way, from a backtick that
 * closed a code span and an attachment kind written raw.
 */
import { strict as assert } from 'node:assert';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import MarkdownIt from 'markdown-it';
import { codeMd, fenceFor } from '../../server/report/escape';
import { requirementsModel } from '../../server/report/requirements-model';
import { renderMarkdown } from '../../server/report/requirements-render';
import { analyzeFile } from '../helpers/analysis';
import { SEPSIS } from '../helpers/descriptors';

const markdown = new MarkdownIt({ html: true, linkify: true });
const scratch = mkdtempSync(join(tmpdir(), 'descriptor-md-'));

/** The Markdown file and what a viewer with HTML enabled makes of it. */
function rendered(text: string): { md: string; html: string } {
  const md = renderMarkdown(requirementsModel(analyzeFile(join(scratch, 'x.descriptor.yaml'), text)));
  return { md, html: markdown.render(md) };
}

/** Markup that only the descriptor could have put there: tags, handlers, script links. */
function assertInert(html: string): void {
  for (const live of [/<img/i, /<script/i, /<svg/i, /<iframe/i, /<a [^>]*href="(?:javascript|data|vbscript):/i, /<[a-z][^>]*\son\w+=/i, /<style/i, /<form/i]) {
    const m = live.exec(html);
    assert.equal(m, null, m ? `live markup ${m[0]} in: ${html.slice(Math.max(0, m.index - 200), m.index + 200)}` : '');
  }
}

describe('requirements.md shows descriptor text as text', () => {
  it('the review\'s reproduction: no live tag, handler or script link, and the text is still there', () => {
    const text = readFileSync(join(process.cwd(), 'test', 'fixtures', 'hostile', 'requirements-md-raw-html.descriptor.yaml'), 'utf8');
    const { md, html } = rendered(text);
    assertInert(html);
    assert.doesNotMatch(html, /javascript:/i);
    // What the user wrote is shown, escaped: the purpose (not one of the purposes, so its backticks
    // are quoted and nothing is concluded from it), the attachment kind as text.
    assert.ok(html.includes("health-research' &lt;img src=https://tracker.example/p.png onerror=alert(1)&gt; '"), md.split('\n').find((l) => l.includes('health-research')));
    assert.ok(html.includes('&lt;img src=https://tracker.example/a.png onerror=alert(2)&gt;'), md.split('\n').find((l) => l.includes('alert(2)')));
  });

  it('every field that reaches the file, with backtick runs, fences, pipes, links and line breaks', () => {
    const payloads = [
      '` <img src=x onerror=alert(1)> `',
      '``` <script>alert(2)</script> ```',
      '<svg onload=alert(3)>',
      '[click](javascript:alert(4))',
      '| <img src=y onerror=alert(5)> |',
      'x\n~~~~\n<img src=z onerror=alert(6)>',
    ];
    const p = (i: number) => JSON.stringify(payloads[i % payloads.length]);
    const text = SEPSIS.replace('category: health-research', `category: ${p(0)}\n  secondary: [${p(1)}, ${p(3)}]\n  product: ${p(2)}`)
      .replace(/title: .*/, `title: ${p(5)}`)
      .replace('- id: npr', `- id: ${p(4)}`)
      .replace('- [epj-unn, npr]', `- [epj-unn, ${p(4)}]`)
      .replace(/- name: municipality/, `- name: ${p(3)}`)
      .replace(/granularity: code/, `granularity: ${p(1)}`)
      .replace(/attachments:\n/, `baseline: ${p(0)}\nattachments:\n  - { kind: ${p(2)}, file: ${p(5)} }\n  - { kind: ${p(4)}, file: ${p(0)} }\n`);
    const { md, html } = rendered(text);
    assertInert(html);
    assert.doesNotMatch(html, /href="javascript:/i);
    // Each table row holds: a `|` from the descriptor does not open a cell.
    for (const line of md.split('\n').filter((l) => l.startsWith('| '))) {
      const cells = line.replace(/\\\|/g, '').split('|').length;
      assert.ok(cells >= 4 && cells <= 6, `row split by the descriptor: ${line}`);
    }
  });

  it('a code span holds any text, and a fence is longer than any backtick run inside', () => {
    const cases = ['`', '``a``', 'a ` b', ' x ', '<b>x</b>', 'a|b', 'line\nbreak', '`'.repeat(20)];
    for (const c of cases) {
      const html = markdown.render(`x ${codeMd(c)} y`);
      assert.match(html, /<code>/, `${JSON.stringify(c)}: ${html}`);
      assert.doesNotMatch(html, /<b>/);
      const shown = /<code>(.*)<\/code>/s.exec(html)![1].replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&').replace(/&quot;/g, '"');
      assert.equal(shown, c.replace(/\n/g, ' '), html);
    }
    const table = markdown.render(`| a | b |\n| --- | --- |\n| ${codeMd('x|y', true)} | z |\n`);
    assert.match(table, /<td><code>x\|y<\/code><\/td>\s*<td>z<\/td>/, table);
    assert.equal(codeMd(''), '');
    assert.equal(fenceFor('~~~~\n``````'), '```````');
    assert.equal(fenceFor('plain'), '```');
    // A megabyte of backticks is one long run, counted without a spread of every run.
    assert.equal(codeMd('`'.repeat(1 << 20)).length, (1 << 20) + 2 * ((1 << 20) + 1) + 2);
  });
});
