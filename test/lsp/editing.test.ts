/** Editor features through a real client over stdio; positions are found by searching the text for a needle. */
import { strict as assert } from 'node:assert';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, CompletionItem, CompletionList, Diagnostic, DocumentLink, DocumentSymbol, Hover, Location, MarkupContent, WorkspaceEdit } from 'vscode-languageserver-protocol';
import { TestClient } from '../helpers/lsp-client';

const SOURCE = `descriptor: 1
project:
  title: Sepsis
  institution: UNN HF
  staff:
    - { name: Kari Nordmann, role: project-lead }
purpose:
  category: health-research
  research_questions: [Who develops sepsis?]
  study_design: cohort
population: { target: Adults, study: Adults at UNN 2015-2024 }
legal_basis: { consent: false, gdpr_article_6: e, gdpr_article_9: j }
data_sources:
  - id: npr
    source: npr
    variables:
      - name: admission_date
        granularity: date
        # kept: the admission time is the exposure
        justification: Time of admission.
  - id: dar
    source: cause-of-death-registry
linkage:
  model: centralized
  links:
    - [npr, dar]
approvals:
  - { kind: rek-preapproval, status: granted, purpose: health-research, staff: [Kari Nordmann] }
  - { kind: helsedataservice-exemption, status: applied }
  - { kind: dpo-assessment, status: granted }
  - { kind: dpia, status: granted }
data_management: { storage: S, retention_until: 2030-01-01, deletion: D, security_measures: [log] }
attachments:
  - { kind: research-protocol, file: docs/protocol.md }
`;

const dir = mkdtempSync(join(tmpdir(), 'descriptor-edit-'));
mkdirSync(join(dir, 'docs'));
writeFileSync(join(dir, 'docs', 'protocol.md'), '# protocol\n');
const uri = pathToFileURL(join(dir, 'sepsis.descriptor.yaml')).href;

function at(text: string, needle: string, delta = 0) {
  const doc = TextDocument.create('x', 'yaml', 1, text);
  const i = text.indexOf(needle);
  assert.ok(i >= 0, needle);
  return doc.positionAt(i + delta);
}
const mdText = (h: Hover | null) => (h ? (h.contents as MarkupContent).value : '');
function applyEdits(text: string, edit: WorkspaceEdit | undefined): string {
  const edits = edit?.changes?.[uri] ?? [];
  return TextDocument.applyEdits(TextDocument.create(uri, 'yaml', 1, text), edits);
}

describe('editing features over stdio', () => {
  let client: TestClient;
  let diags: Diagnostic[];
  before(async () => {
    client = await TestClient.start({ rootDir: dir });
    await client.open(uri, SOURCE);
    diags = await client.diagnosticsFor(uri, 1);
  });
  after(async () => client.stop());

  const req = <T>(method: string, params: object) => client.connection.sendRequest(method, { textDocument: { uri }, ...params }) as Promise<T>;

  it('hovering the finding on `granularity: date` shows the provision with a lovdata link', async () => {
    const h = await req<Hover>('textDocument/hover', { position: at(SOURCE, 'granularity: date', 14) });
    const text = mdText(h);
    assert.match(text, /variable-exact-date/);
    assert.match(text, /\(https:\/\/lovdata\.no\/lov\/2018-06-15-38\/gdpr\/a5\)/);
    assert.match(text, /Data minimisation/);
  });

  it('hovers a key with its meaning and Norwegian term, a purpose with its route, a source with its catalogue card', async () => {
    assert.match(mdText(await req<Hover>('textDocument/hover', { position: at(SOURCE, 'study_design') })), /\*studiedesign\*/);
    const purpose = mdText(await req<Hover>('textDocument/hover', { position: at(SOURCE, 'health-research', 2) }));
    assert.match(purpose, /REK pre-approval before the project starts/);
    const card = mdText(await req<Hover>('textDocument/hover', { position: at(SOURCE, 'source: npr', 9) }));
    assert.match(card, /Custodian: Folkehelseinstituttet \(FHI\) \(before 2024: Helsedirektoratet\)/);
    assert.match(card, /Helsedataservice decides access/);
  });

  it('quick fix coarsens the date, keeps the comment on the next line, and the finding is gone', async () => {
    const d = diags.find((x) => x.code === 'variable-exact-date')!;
    const actions = await req<CodeAction[]>('textDocument/codeAction', { range: d.range, context: { diagnostics: [d] } });
    const fix = actions.find((a) => a.title === 'Coarsen to `month`');
    assert.ok(fix, actions.map((a) => a.title).join('; '));
    assert.ok(!fix.isPreferred, 'coarsening is the study\'s choice, offered one by one, not as the preferred fix');
    const out = applyEdits(SOURCE, fix.edit);
    assert.match(out, /granularity: month\n {8}# kept: the admission time is the exposure\n/);
    assert.ok(actions.some((a) => a.title === 'Disable variable-exact-date for this line'));
    assert.ok(actions.some((a) => a.command?.command === 'descriptor.openRuleDocumentation'));
    const v = await client.change(uri, [{ text: out }]);
    const after = await client.diagnosticsFor(uri, v);
    assert.ok(!after.some((x) => x.code === 'variable-exact-date'));
    assert.ok(!after.some((x) => x.severity === 1));
    const back = await client.change(uri, [{ text: SOURCE }]);
    diags = await client.diagnosticsFor(uri, back);
  });

  it('disable-for-line silences the finding', async () => {
    const d = diags.find((x) => x.code === 'variable-exact-date')!;
    const actions = await req<CodeAction[]>('textDocument/codeAction', { range: d.range, context: { diagnostics: [d] } });
    const out = applyEdits(SOURCE, actions.find((a) => a.title.startsWith('Disable'))!.edit);
    assert.match(out, / {8}# descriptor-disable-next-line variable-exact-date\n {8}granularity: date/);
    const v = await client.change(uri, [{ text: out }]);
    assert.ok(!(await client.diagnosticsFor(uri, v)).some((x) => x.code === 'variable-exact-date'));
    diags = await client.diagnosticsFor(uri, await client.change(uri, [{ text: SOURCE }]));
  });

  it('fix-all corrects what is safe (a misspelt key) and leaves the study\'s choices alone', async () => {
    const typo = SOURCE.replace('  study_design: cohort', '  studydesign: cohort');
    const v = await client.change(uri, [{ text: typo }]);
    await client.diagnosticsFor(uri, v);
    const actions = await req<CodeAction[]>('textDocument/codeAction', { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, context: { diagnostics: [], only: ['source.fixAll'] } });
    const all = actions.find((a) => a.kind === 'source.fixAll.descriptor');
    assert.ok(all, actions.map((a) => a.title).join('; '));
    const out = applyEdits(typo, all.edit);
    assert.match(out, /\n {2}study_design: cohort/);
    assert.match(out, /granularity: date/, 'the exact date stays until the user coarsens it');
    diags = await client.diagnosticsFor(uri, await client.change(uri, [{ text: SOURCE }]));
  });

  it('typing `source: n` offers npr; variable names come from the chosen source', async () => {
    const typed = SOURCE.replace('    source: cause-of-death-registry\n', '    source: n\n');
    const v = await client.change(uri, [{ text: typed }]);
    await client.diagnosticsFor(uri, v);
    const items = await req<CompletionItem[] | CompletionList>('textDocument/completion', { position: at(typed, 'source: n\n', 9) });
    const list = Array.isArray(items) ? items : items.items;
    assert.ok(list.some((i) => i.label === 'npr'), list.map((i) => i.label).join(','));
    const names = await req<CompletionItem[]>('textDocument/completion', { position: at(typed, 'name: admission_date', 6) });
    // The custodian's name, found also by the name the project used to write.
    const main = names.find((i) => i.label === 'hovedtilstand');
    assert.ok(main, names.map((i) => i.label).join(','));
    assert.match(main.filterText ?? '', /\bmain_diagnosis\b/);
    const keys = await req<CompletionItem[]>('textDocument/completion', { position: { line: at(typed, '    variables:').line, character: 4 } });
    assert.ok(keys.some((i) => i.label === 'holder'), keys.map((i) => i.label).join(','));
    diags = await client.diagnosticsFor(uri, await client.change(uri, [{ text: SOURCE }]));
  });

  it('completes and hovers the keys a caseworker reads for: who is research-responsible, why no consent, how people are told, the data period, special grounds, why data are kept, and the approvals of the project\'s start and end', async () => {
    const text = `descriptor: 1
project:
  title: Sepsis
  institution: UNN HF
  research_responsible: UiT
purpose: { category: health-research }
legal_basis:
  consent: false
  without_consent:
    reason: Many have died.
  participant_information: A project page.
data_sources:
  - id: npr
    source: npr
    period: { from: 2015-01-01, to: 2024-12-31 }
    variables:
      - name: fodselsnummer
        special_grounds: The biobank is indexed by it.
approvals:
  - kind: institution-approval
    status: planned
data_management:
  retention_until: 2033-12-31
  retention_reason: Verification.
`;
    await client.diagnosticsFor(uri, await client.change(uri, [{ text }]));
    const labels = async (line: string, character: number) => {
      const items = await req<CompletionItem[] | CompletionList>('textDocument/completion', { position: { line: at(text, line).line, character } });
      return (Array.isArray(items) ? items : items.items).map((i) => i.label);
    };
    // A key already written is not offered again; without its line, it is.
    const offered = async (key: string, near: string, character: number) => {
      const without = text.replace(new RegExp(`^ *${key}:.*\\n`, 'm'), '');
      await client.diagnosticsFor(uri, await client.change(uri, [{ text: without }]));
      const items = await req<CompletionItem[] | CompletionList>('textDocument/completion', { position: { line: at(without, near).line, character } });
      return (Array.isArray(items) ? items : items.items).map((i) => i.label).includes(key);
    };
    assert.ok(!(await labels('  title: Sepsis', 2)).includes('research_responsible'), 'written already');
    assert.ok(await offered('research_responsible', '  title: Sepsis', 2));
    assert.ok(await offered('participant_information', '  consent: false', 2));
    assert.ok(await offered('without_consent', '  consent: false', 2));
    assert.ok(await offered('selection', '    period:', 4));
    assert.ok(await offered('period', '    source: npr', 4));
    assert.ok(await offered('special_grounds', '      - name: fodselsnummer', 8));
    assert.ok(await offered('retention_reason', '  retention_until', 2));
    await client.diagnosticsFor(uri, await client.change(uri, [{ text }]));
    const kinds = await req<CompletionItem[]>('textDocument/completion', { position: at(text, 'kind: institution-approval', 6) });
    const kindLabels = (Array.isArray(kinds) ? kinds : (kinds as unknown as CompletionList).items).map((i) => i.label);
    assert.ok(kindLabels.includes('institution-approval') && kindLabels.includes('final-report'), kindLabels.join(','));
    for (const [needle, term] of [['research_responsible', /forskningsansvarlig/], ['without_consent', /uten samtykke/], ['participant_information', /informasjon til de registrerte/], ['special_grounds', /særlige grunner/], ['retention_reason', /begrunnelse for lagringstiden/], ['period:', /dataperiode/]] as const) {
      assert.match(mdText(await req<Hover>('textDocument/hover', { position: at(text, needle, 2) })), term, needle);
    }
    diags = await client.diagnosticsFor(uri, await client.change(uri, [{ text: SOURCE }]));
  });

  it('outlines the descriptor with each data source and its variables', async () => {
    const symbols = await req<DocumentSymbol[]>('textDocument/documentSymbol', {});
    const ds = symbols.find((s) => s.name === 'data_sources')!;
    assert.deepEqual(ds.children!.map((c) => c.name), ['npr', 'dar']);
    assert.deepEqual(ds.children![0].children!.map((c) => c.name), ['admission_date']);
    assert.ok(symbols.some((s) => s.name === 'approvals'));
  });

  it('renames a data source id and its links; goes to its definition', async () => {
    const edit = await req<WorkspaceEdit>('textDocument/rename', { position: at(SOURCE, 'id: npr', 5), newName: 'patients' });
    const out = applyEdits(SOURCE, edit);
    assert.match(out, /- id: patients/);
    assert.match(out, /- \[patients, dar\]/);
    const defs = await req<Location[]>('textDocument/definition', { position: at(SOURCE, '[npr, dar]', 2) });
    assert.equal(defs[0].range.start.line, at(SOURCE, 'id: npr').line);
  });

  it('links attachment files', async () => {
    const links = await req<DocumentLink[]>('textDocument/documentLink', {});
    assert.equal(links[0].target, pathToFileURL(join(dir, 'docs', 'protocol.md')).href);
  });

  it('speaks Norwegian in hovers when the client does', async () => {
    const nb = await TestClient.start({ locale: 'nb' });
    try {
      await nb.open(uri, SOURCE);
      await nb.diagnosticsFor(uri, 1);
      const h = (await nb.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: at(SOURCE, 'granularity: date', 14) })) as Hover;
      assert.match(mdText(h), /Rettsgrunnlag/);
      assert.match(mdText(h), /Dataminimering/);
    } finally {
      await nb.stop();
    }
  });
});
