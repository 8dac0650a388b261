/**
 * The linkage diagram: who links follows the linkage model and the catalogue, the SVG is
 * well-formed and escapes the descriptor's text, and in Chromium no label leaves its box,
 * whatever the names.
 */
import { strict as assert } from 'node:assert';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { SaxesParser } from 'saxes';
import { linkageDiagram, textWidth, wrap } from '../../server/report/linkage-diagram';
import { analyzeFile } from '../helpers/analysis';
import { requirementsModel } from '../../server/report/requirements-model';
import type { RequirementsModel } from '../../server/report/model';
import { launchChromium, NO_CHROMIUM } from '../helpers/chromium';

const root = process.cwd();
const HOSTILE = '<script>alert(1)</script>';
const HOSTILE2 = '"><img src=x onerror=alert(2)>';

/** A research descriptor with the given sources and linkage block. */
function descriptor(sources: { id: string; source: string; holder?: string }[], linkage: string, extra = ''): string {
  const ds = sources
    .map((s) => `  - id: ${s.id}\n    source: ${s.source}\n${s.holder ? `    holder: ${JSON.stringify(s.holder)}\n` : ''}    variables:\n      - { name: sex, granularity: category, justification: Needed. }\n`)
    .join('');
  return `descriptor: 1\nproject:\n  title: Linkage test\n  institution: Test HF\npurpose:\n  category: health-research\nlegal_basis: { consent: false, gdpr_article_6: e, gdpr_article_9: j }\ndata_sources:\n${ds}${linkage}${extra}`;
}

const model = (text: string, lang: 'en' | 'nb' = 'en'): RequirementsModel => requirementsModel(analyzeFile(join(root, 'examples', 'test.descriptor.yaml'), text, lang));

const CASES: Record<string, string> = {
  centralized: descriptor([{ id: 'npr', source: 'npr' }, { id: 'dar', source: 'cause-of-death-registry' }], 'linkage:\n  model: centralized\n  links: [[npr, dar]]\n'),
  distributed: descriptor([{ id: 'npr', source: 'npr' }, { id: 'dar', source: 'cause-of-death-registry' }], 'linkage:\n  model: distributed\n  links: [[npr, dar]]\n'),
  ssb: descriptor([{ id: 'npr', source: 'npr' }, { id: 'ssb', source: 'ssb' }], 'linkage:\n  model: centralized\n  links: [[npr, ssb]]\n'),
  pseudonymous: descriptor([{ id: 'iplos', source: 'iplos' }, { id: 'npr', source: 'npr' }], 'linkage:\n  model: centralized\n  links: [[iplos, npr]]\n'),
  unstated: descriptor([{ id: 'npr', source: 'npr' }, { id: 'dar', source: 'cause-of-death-registry' }], 'linkage:\n  links: [[npr, dar]]\n'),
  none: descriptor([{ id: 'npr', source: 'npr' }, { id: 'nois', source: 'nois' }], 'linkage:\n  model: none\n'),
  deidentified: descriptor([{ id: 'npr', source: 'npr' }, { id: 'dar', source: 'cause-of-death-registry' }, { id: 'nois', source: 'nois' }], 'linkage:\n  model: centralized\n  links: [[npr, dar], [dar, nois], [npr, ghost]]\n  key: national identity number\n  reference_dates: true\n'),
  long: descriptor(
    [
      { id: 'records-from-a-hospital-with-a-very-long-name', source: 'patient-records', holder: `Helse Nord-Trøndelag HF, Sykehuset Levanger, Avdeling for indremedisin og ${'W'.repeat(60)}` },
      { id: 'npr', source: 'npr', holder: HOSTILE },
      { id: 'x', source: 'not-in-the-catalogue-at-all-with-a-long-identifier' },
      { id: 'mfr', source: 'medical-birth-registry' },
    ],
    'linkage:\n  model: centralized\n  links: [[records-from-a-hospital-with-a-very-long-name, npr], [npr, mfr], [npr, x]]\n',
  ).replace('institution: Test HF', `institution: ${JSON.stringify(`${HOSTILE2} Universitetssykehuset i Nord-Norge HF, Klinikk for akuttmedisin`)}`),
  // More sources than are drawn, each with a holder far longer than its box: labels end with an ellipsis.
  many: descriptor(
    Array.from({ length: 30 }, (_, i) => ({ id: `source-${i}`, source: i % 3 ? 'npr' : 'patient-records', holder: `Holder ${i} ${'Avdeling for indremedisin '.repeat(40)}` })),
    `linkage:\n  model: centralized\n  links:\n${Array.from({ length: 29 }, (_, i) => `    - [source-${i}, source-${i + 1}]\n`).join('')}  key: ${'national identity number '.repeat(100)}\n`,
  ),
};

function wellFormed(svg: string): void {
  const parser = new SaxesParser({ xmlns: true });
  let root: string | undefined;
  parser.on('opentag', (t) => (root ??= t.local));
  parser.on('error', (e) => {
    throw e;
  });
  parser.write(svg).close();
  assert.equal(root, 'svg');
}

describe('linkage diagram', () => {
  it('says who links: a custodian, the project, Statistics Norway or a pseudonymous registry', () => {
    assert.deepEqual(model(CASES.centralized).linkage.linker, { kind: 'custodian', name: 'Folkehelseinstituttet (FHI)', source: 'npr', modelMissing: false });
    assert.equal(model(CASES.distributed).linkage.linker?.kind, 'project');
    assert.equal(model(CASES.distributed).linkage.linker?.name, 'Test HF');
    assert.equal(model(CASES.ssb).linkage.linker?.kind, 'statistics-norway');
    assert.equal(model(CASES.ssb, 'nb').linkage.linker?.name, 'Statistisk sentralbyrå (SSB)');
    const p = model(CASES.pseudonymous).linkage.linker;
    assert.equal(p?.kind, 'pseudonymous-registry');
    assert.match(p?.name ?? '', /FHI|Folkehelseinstituttet|IPLOS/);
    assert.equal(model(CASES.unstated).linkage.linker?.modelMissing, true);
    assert.equal(model(CASES.none).linkage.linker, undefined);
  });

  it('marks the sources that define the sample and those that are de-identified', () => {
    const m = model(CASES.deidentified);
    const by = Object.fromEntries(m.linkage.nodes.map((n) => [n.id, n]));
    assert.equal(by.npr.definesSample, true);
    assert.equal(by.dar.definesSample, false);
    assert.equal(by.nois.deidentified, true);
    const svg = linkageDiagram(m);
    assert.match(svg, /class="node source deid"[^]*?stroke-dasharray/);
    assert.match(svg, /defines the sample/);
    assert.match(svg, /class="link deid bad"/);
    assert.match(svg, /Link to a source the descriptor does not list: npr ↔ ghost/);
    assert.match(svg, /Linked on: national identity number/);
  });

  it('states a missing linkage model as a visible placeholder', () => {
    assert.match(linkageDiagram(model(CASES.unstated)), /\[Missing: linkage model\]/);
    assert.match(linkageDiagram(model(CASES.unstated, 'nb')), /\[Mangler: koblingsmodell\]/);
  });

  it('is well-formed SVG with every descriptor string escaped', () => {
    for (const [name, text] of Object.entries(CASES)) {
      for (const lang of ['en', 'nb'] as const) {
        const svg = linkageDiagram(model(text, lang));
        assert.ok(svg.startsWith('<svg '), name);
        wellFormed(svg);
        assert.ok(!svg.includes('<script') && !svg.includes('<img'), name);
      }
    }
    const svg = linkageDiagram(model(CASES.long));
    // Wrapped at spaces, so look for the words.
    assert.ok(svg.includes('&lt;script&gt;alert(1)&lt;/script&gt;'), 'the holder, escaped');
    assert.ok(svg.includes('&quot;&gt;&lt;img') && svg.includes('onerror=alert(2)&gt;'), 'the institution, escaped');
  });

  it('wraps long text and breaks words longer than a line', () => {
    const lines = wrap(`short words then ${'W'.repeat(80)}`, 200, 13);
    assert.ok(lines.length >= 3, lines.join('|'));
    for (const l of lines) assert.ok(textWidth(l, 13) <= 200, l);
  });

  describe('in Chromium', function () {
    this.timeout(60_000);
    let browser: Browser | undefined;
    before(async function () {
      browser = await launchChromium();
      if (!browser) {
        console.log(`      skipped: ${NO_CHROMIUM}`);
        this.skip();
      }
    });
    after(async () => browser?.close());
    it('keeps every label inside its box, in both languages, whatever the names', async () => {
      const page = await browser!.newPage();
      const texts = { ...CASES, sepsis: readFileSync(join(root, 'examples', 'sepsis-research.descriptor.yaml'), 'utf8') };
      for (const [name, text] of Object.entries(texts)) {
        for (const lang of ['en', 'nb'] as const) {
          await page.setContent(`<!DOCTYPE html><html><body style="margin:0">${linkageDiagram(model(text, lang))}</body></html>`);
          const bad = await page.evaluate(() => {
            const out: string[] = [];
            const svg = document.querySelector('svg')!;
            const W = svg.viewBox.baseVal.width;
            const H = svg.viewBox.baseVal.height;
            for (const g of Array.from(document.querySelectorAll('g.node'))) {
              const r = (g.querySelector('rect.box') as SVGRectElement).getBBox();
              if (r.x < 0 || r.y < 0 || r.x + r.width > W + 0.5 || r.y + r.height > H + 0.5) out.push(`box outside the drawing: ${g.getAttribute('class')}`);
              for (const t of Array.from(g.querySelectorAll('text'))) {
                const b = (t as SVGTextElement).getBBox();
                if (b.x < r.x + 1 || b.y < r.y || b.x + b.width > r.x + r.width - 1 || b.y + b.height > r.y + r.height) {
                  out.push(`"${t.textContent}" (${b.x.toFixed(0)},${b.y.toFixed(0)} ${b.width.toFixed(0)}x${b.height.toFixed(0)}) outside ${g.getAttribute('class')} (${r.x},${r.y} ${r.width}x${r.height})`);
                }
              }
            }
            return out;
          });
          assert.deepEqual(bad, [], `${name} (${lang})`);
        }
      }
      // What a caseworker sees for the sepsis example, and for the hard case.
      mkdirSync(join(root, 'test-results'), { recursive: true });
      for (const [file, text] of [['export-linkage.png', texts.sepsis], ['export-linkage-long.png', CASES.long]] as const) {
        await page.setContent(`<!DOCTYPE html><html><body style="margin:0;display:inline-block">${linkageDiagram(model(text, 'nb'))}</body></html>`);
        await page.locator('svg').screenshot({ path: join(root, 'test-results', file) });
      }
      await page.close();
    });
  });
});
