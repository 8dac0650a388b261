/**
 * Completion and hover as an editor asks for them over stdio: the catalogue and the values first,
 * snippets only where their block fits, nothing already written offered again, granularity coarse
 * to fine, enum values with their names, and the words in the user's language.
 */
import { strict as assert } from 'node:assert';
import { CompletionItemKind, type CompletionItem, type Hover, type MarkupContent } from 'vscode-languageserver-protocol';
import { TestClient, positionOf } from '../helpers/lsp-client';

const DOC = `descriptor: 1
project:
  title: Sepsis
  institution: UNN HF
  
purpose:
  category: health-research
legal_basis: { consent: false, gdpr_article_6: e, gdpr_article_9: j }
data_sources:
  - id: npr
    source: npr
    variables:
      - { name: inntid, granularity: date, justification: Time of admission. }
      - name: admission_date
        granularity: 
  - id: stroke
    source: norwegian-stroke-register
    variables:
      - name: 

approvals:
  - kind: rek-pre
`;

/** The items in the order the editor shows them before filtering: by sortText, then label. */
const ordered = (items: CompletionItem[]) => [...items].sort((a, b) => (a.sortText ?? a.label).localeCompare(b.sortText ?? b.label) || a.label.localeCompare(b.label));

describe('completion and hover over stdio', () => {
  let client: TestClient;
  let nb: TestClient;
  const uri = 'file:///tmp/completion.descriptor.yaml';
  const complete = (c: TestClient, u: string, position: { line: number; character: number }) =>
    c.connection.sendRequest('textDocument/completion', { textDocument: { uri: u }, position }) as Promise<CompletionItem[]>;
  const hover = async (c: TestClient, u: string, position: { line: number; character: number }) =>
    ((await c.connection.sendRequest('textDocument/hover', { textDocument: { uri: u }, position })) as Hover | null)?.contents as MarkupContent | undefined;
  const endOf = (text: string, needle: string) => {
    const i = text.indexOf(needle);
    assert.ok(i >= 0, needle);
    const before = text.slice(0, i + needle.length);
    return { line: before.split('\n').length - 1, character: before.length - before.lastIndexOf('\n') - 1 };
  };

  before(async () => {
    client = await TestClient.start();
    await client.open(uri, DOC);
    await client.diagnosticsFor(uri, 1);
    nb = await TestClient.start({ initializationOptions: { settings: { language: 'nb' } } });
    await nb.open(uri, DOC);
    await nb.diagnosticsFor(uri, 1);
  });
  after(async () => {
    await client?.stop();
    await nb?.stop();
  });

  it('after `kind: rek-pre`: the approval kinds with their names and who decides, and no snippet', async () => {
    const items = await complete(client, uri, endOf(DOC, 'kind: rek-pre'));
    assert.ok(items.length > 0);
    assert.ok(items.every((i) => i.kind === CompletionItemKind.EnumMember), items.filter((i) => i.kind !== CompletionItemKind.EnumMember).map((i) => i.label).join(', '));
    assert.equal(items.find((i) => i.label === 'rek-preapproval')?.labelDetails?.description, 'REK pre-approval');
    assert.equal(items.find((i) => i.label === 'dpia')?.labelDetails?.description, 'Data protection impact assessment (DPIA) · the data controller');
  });

  it('granularity coarse to fine, the variable\'s own family first, nothing preselected', async () => {
    const items = ordered(await complete(client, uri, endOf(DOC, 'granularity: ')));
    assert.deepEqual(items.slice(0, 3).map((i) => i.label), ['year', 'month', 'date'], items.map((i) => i.label).join(' '));
    assert.ok(items.map((i) => i.label).indexOf('address') > items.map((i) => i.label).indexOf('county'));
    assert.ok(!items.some((i) => i.preselect));
    assert.equal(items[0].labelDetails?.description, 'year');
  });

  it('the keys of a mapping that are not written yet, and no snippet in a mapping', async () => {
    const items = await complete(client, uri, { line: positionOf(DOC, '  institution').line + 1, character: 2 });
    const labels = items.map((i) => i.label);
    assert.ok(!labels.includes('title') && !labels.includes('institution'), labels.join(' '));
    assert.ok(labels.includes('staff') && labels.includes('period'));
    assert.ok(!items.some((i) => i.kind === CompletionItemKind.Snippet));
  });

  it('a data source block only on a new entry of `data_sources`, ranked after the keys', async () => {
    const text = DOC.replace('  - id: stroke', '  \n  - id: stroke');
    const u = 'file:///tmp/completion-2.descriptor.yaml';
    await client.open(u, text);
    const at = { line: positionOf(text, '  - id: stroke').line - 1, character: 2 };
    const items = await complete(client, u, at);
    const npr = items.find((i) => i.kind === CompletionItemKind.Snippet && /Norwegian Patient Registry/.test(i.label));
    assert.ok(npr, items.map((i) => i.label).slice(0, 5).join(' | '));
    assert.match(String(npr.insertText), /^- id: \$\{1:npr\}\n {2}source: npr\n {2}variables:/);
    assert.ok(!items.some((i) => /New descriptor/.test(i.label)), 'no whole-file snippet inside a file');
    const values = await complete(client, uri, endOf(DOC, 'source: npr'));
    assert.ok(!values.some((i) => i.kind === CompletionItemKind.Snippet), 'no snippet in a value');
  });

  it('an empty file: the top-level keys and a whole descriptor per purpose', async () => {
    const u = 'file:///tmp/completion-empty.descriptor.yaml';
    await client.open(u, '');
    const items = await complete(client, u, { line: 0, character: 0 });
    assert.ok(items.some((i) => i.label === 'descriptor'));
    const whole = items.filter((i) => i.kind === CompletionItemKind.Snippet);
    assert.equal(whole.length, 10);
    assert.ok(whole.every((i) => /^New descriptor: /.test(i.label)));
    assert.ok(!items.some((i) => /Data source block/.test(i.label)));
  });

  it('a source the catalogue has no variables for says so, instead of leaving the list to word completion', async () => {
    const items = await complete(client, uri, endOf(DOC, 'variables:\n      - name: '));
    assert.equal(items.length, 1);
    assert.match(items[0].labelDetails?.description ?? '', /no variables of Norwegian Stroke Register are in the catalogue/i);
  });

  it('in Norwegian: enum values with Norwegian names and descriptions', async () => {
    const items = await complete(nb, uri, endOf(DOC, 'granularity: '));
    const month = items.find((i) => i.label === 'month');
    assert.equal(month?.labelDetails?.description, 'måned');
    assert.equal((month?.documentation as MarkupContent).value, 'Måned.');
    const purpose = await complete(nb, uri, endOf(DOC, 'category: '));
    assert.equal(purpose.find((i) => i.label === 'health-research')?.labelDetails?.description, 'Helseforskning');
    assert.match((purpose.find((i) => i.label === 'health-research')?.documentation as MarkupContent).value, /^Helseforskning: forskning for å skaffe ny kunnskap/);
  });

  it('hovers `gdpr_article_9` and its letter with the letters in words and the provision', async () => {
    const key = await hover(client, uri, positionOf(DOC, 'gdpr_article_9'));
    assert.match(key?.value ?? '', /- j\) archiving, scientific or historical research, or statistics/);
    assert.match(key?.value ?? '', /lovdata\.no/);
    const letter = await hover(nb, uri, endOf(DOC, 'gdpr_article_9: '));
    assert.match(letter?.value ?? '', /\*\*j\) arkivformål, vitenskapelig eller historisk forskning eller statistikk\*\*/);
  });

  it('hovers a variable name with its catalogue entry, and an enum value in the user\'s language', async () => {
    const v = await hover(client, uri, positionOf(DOC, 'inntid'));
    assert.match(v?.value ?? '', /\*\*inntid\*\* — /);
    assert.match(v?.value ?? '', /The custodian's name.*`innTid`/);
    assert.match(v?.value ?? '', /coarser.*`month`/);
    const g = await hover(nb, uri, endOf(DOC, 'granularity: d'));
    assert.match(g?.value ?? '', /\*\*date\*\* — Eksakt dato: særlig identifiserende/);
    assert.match(g?.value ?? '', /Grovere alternativ: `month` \(måned\)/);
  });
});
