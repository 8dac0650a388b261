/** Editing help on sources the catalogue gained from helsedata.no, through a real client over stdio. */
import { strict as assert } from 'node:assert';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeAction, CompletionItem, CompletionList, Diagnostic, Hover, MarkupContent } from 'vscode-languageserver-protocol';
import { positionOf, TestClient } from '../helpers/lsp-client';

const TEXT = `descriptor: 1
project:
  title: Stroke after myocardial infarction
  institution: St. Olavs hospital HF
  staff:
    - { name: Kari Nordmann, role: project-lead }
purpose:
  category: health-research
  research_questions: [Who has a stroke within a year of a myocardial infarction?]
  study_design: registry-follow-up
population: { target: Adults in Norway, study: Adults with a first myocardial infarction 2015-2023 }
legal_basis: { consent: false, gdpr_article_6: e, gdpr_article_9: j }
data_sources:
  - id: infarct
    source: norwegian-myocardial-infarction-register
  - id: stroke
    source: hjerneslag
  - id: diabetes
    source: norw
linkage:
  model: centralized
  links:
    - [infarct, stroke]
`;

const uri = pathToFileURL(join(mkdtempSync(join(tmpdir(), 'descriptor-sources-')), 'stroke.descriptor.yaml')).href;
const mdText = (h: Hover | null) => (h ? (h.contents as MarkupContent).value : '');
const text = (m: string | MarkupContent) => (typeof m === 'string' ? m : m.value);

describe('editing help on catalogue sources over stdio', () => {
  let client: TestClient;
  let diags: Diagnostic[];
  before(async () => {
    client = await TestClient.start();
    await client.open(uri, TEXT);
    diags = await client.diagnosticsFor(uri, 1);
  });
  after(async () => client.stop());
  const req = <T>(method: string, params: object) => client.connection.sendRequest(method, { textDocument: { uri }, ...params }) as Promise<T>;

  it('source-unknown on `hjerneslag` suggests the stroke register, and the quick fix (a guess, not preferred) writes its id', async () => {
    const d = diags.find((x) => x.code === 'source-unknown' && x.range.start.line === positionOf(TEXT, 'source: hjerneslag').line);
    assert.ok(d, diags.map((x) => `${x.code}: ${text(x.message)}`).join('\n'));
    // The suggestion is the rest of the message: in the hover, the Problems panel has the first sentence.
    const hover = await req<{ contents: { value: string } } | null>('textDocument/hover', { position: d.range.start });
    assert.match(`${text(d.message)} ${hover?.contents.value ?? ''}`, /Did you mean `norwegian-stroke-register` \(Norwegian Stroke Register\)\?/);
    const actions = await req<CodeAction[]>('textDocument/codeAction', { range: d.range, context: { diagnostics: [d] } });
    const fix = actions.find((a) => a.title === 'Change to `norwegian-stroke-register`');
    assert.ok(fix, actions.map((a) => a.title).join('; '));
    assert.equal(fix.isPreferred, false);
  });

  it('completion lists a quality register with its name, custodian and how to apply', async () => {
    const p = positionOf(TEXT, 'source: norw');
    const items = await req<CompletionItem[] | CompletionList>('textDocument/completion', { position: { line: p.line, character: p.character + 'source: norw'.length } });
    const list = Array.isArray(items) ? items : items.items;
    const ndv = list.find((i) => i.label === 'norwegian-diabetes-register-adults');
    assert.ok(ndv, list.map((i) => i.label).join(','));
    assert.match(ndv.detail ?? '', /Norwegian Diabetes Register for Adults.*Helse Bergen HF/);
    assert.equal(ndv.labelDetails?.description, 'Helse Bergen HF');
    const doc = (ndv.documentation as MarkupContent).value;
    assert.match(doc, /Custodian: Helse Bergen HF/);
    assert.match(doc, /the custodian \(Helse Bergen HF\) decides access; apply with the custodian's own form or process/);
    // Found by its abbreviation and by a search word, not only by its id.
    assert.match(ndv.filterText ?? '', /\bNDV\b/);
    assert.ok(list.find((i) => i.label === 'norwegian-stroke-register')?.filterText?.includes('hjerneslag'));
  });

  it('hover on a source shows its card: what it holds, custodian, who decides, how to apply, the page and the catalogue date', async () => {
    const p = positionOf(TEXT, 'norwegian-myocardial-infarction-register');
    const card = mdText(await req<Hover>('textDocument/hover', { position: { line: p.line, character: p.character + 3 } }));
    assert.match(card, /\*\*Norwegian Myocardial Infarction Register\*\* \(NHIR\) — Norsk hjerteinfarktregister/);
    assert.match(card, /patients admitted to Norwegian hospitals with acute myocardial infarction/);
    assert.match(card, /- Custodian: Folkehelseinstituttet \(FHI\)/);
    assert.match(card, /- Part of: Norwegian Cardiovascular Disease Registry \(HKR\)/);
    assert.match(card, /- Who decides: Helsedataservice decides access and the exemption from confidentiality/);
    assert.match(card, /- How to apply: Apply with the form on helsedata\.no/);
    assert.match(card, /- Page: \[helsedata\.no\]\(https:\/\/helsedata\.no\/no\/forvaltere\/folkehelseinstituttet\/norsk-hjerteinfarktregister\/\)\n/);
    // What is uncertain, in plain words; how it was verified stays on the maintainers' page.
    assert.match(card, /Some facts in this entry could not be confirmed on the custodian's page; check them with Folkehelseinstituttet \(FHI\) before you apply\./);
    assert.doesNotMatch(card, /inferred|read 20\d\d|⚠/);
    assert.match(card, /\*Data source catalogue current to 2026-12-06\.\*/);
  });
});
