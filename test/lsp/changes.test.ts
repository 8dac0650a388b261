/**
 * Changes since approval through a real client over stdio: the server finds the `.approved.yaml`
 * twin on disk (or the `descriptor.baseline` setting), flags each change, hovers the approved
 * value, and offers "Revert to the approved value", which fix-all never applies.
 */
import { firstSentence } from '../../rules/domain/text';
import { strict as assert } from 'node:assert';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { RequestType, type CodeAction, type Diagnostic, type Hover, type TextEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { SEPSIS, sepsisChanged } from '../helpers/descriptors';
import { DIST, positionOf, TestClient } from '../helpers/lsp-client';
import { REQUIREMENTS_METHOD, type RequirementsParams, type RequirementsResult } from '../../server/lsp/protocol';

const CHANGE = 'change-needs-application';

function scratch(files: Record<string, string>): string {
  const dir = mkdtempSync(join(tmpdir(), 'descriptor-lsp-changes-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}
const mdText = (h: Hover | null) => (h && typeof h.contents === 'object' && 'value' in h.contents ? h.contents.value : '');
const apply = (uri: string, text: string, edits: TextEdit[] | undefined) => TextDocument.applyEdits(TextDocument.create(uri, 'yaml', 1, text), edits ?? []);

const CLI = join(DIST, 'cli.js');
const RequirementsRequest = new RequestType<RequirementsParams, RequirementsResult, void>(REQUIREMENTS_METHOD);

describe('changes since approval over stdio', () => {
  let client: TestClient;
  afterEach(async () => client?.stop());

  /** Writes `files` to a temp folder, starts the server and opens the first file; returns its uri and dir. */
  const openIn = async (files: Record<string, string>, opts: Parameters<typeof TestClient.start>[0] = {}) => {
    const dir = scratch(files);
    const [name, text] = Object.entries(files)[0];
    const uri = pathToFileURL(join(dir, name)).href;
    client = await TestClient.start(opts);
    await client.open(uri, text);
    return { uri, dir };
  };
  const changes = async (uri: string, version = 1) => (await client.diagnosticsFor(uri, version)).filter((d) => d.code === CHANGE);
  const hover = (uri: string, text: string, needle: string, offset = 0) =>
    client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: ((p) => ({ line: p.line, character: p.character + offset }))(positionOf(text, needle)) }) as Promise<Hover | null>;
  /** A finding's whole message: the first sentence in the Problems panel, the rest in the hover. */
  const whole = async (uri: string, d: Diagnostic) => {
    const h = (await client.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position: d.range.start })) as Hover | null;
    return `${String(d.message)} ${h ? (h.contents as { value: string }).value.replace(/\s+/g, ' ') : ''}`;
  };
  const actions = (uri: string, d: Diagnostic, only?: string[]) =>
    client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: only ? [] : [d], ...(only ? { only } : {}) } }) as Promise<CodeAction[]>;

  it('finds the sibling .approved.yaml on disk and flags the new variable and the new staff member, with whom to apply to', async () => {
    const text = sepsisChanged();
    const { uri } = await openIn({ 'sepsis.descriptor.yaml': text, 'sepsis.descriptor.approved.yaml': SEPSIS });
    const found = await changes(uri);
    assert.deepEqual(found.map((d) => d.range.start.line), [positionOf(text, 'Lise Berg').line, positionOf(text, 'admission_time').line]);
    assert.match(await whole(uri, found[0]), /Lise Berg added to the staff with access to the data\..*Helsedataservice.*staff list to REK \(case REK 2024\/123456\)/);
    assert.match(await whole(uri, found[1]), /variable `admission_time` added to `npr` \(exact date\)\..*change application \(søknad om endring\) to REK.*Helsedataservice.*DPIA/);
    assert.equal(found[0].severity, 2, 'a warning');
  });

  it('hovering a changed node shows the approved value', async () => {
    const text = SEPSIS.replace('granularity: municipality', 'granularity: postcode');
    const { uri } = await openIn({ 'x.descriptor.yaml': text, 'x.approved.yaml': SEPSIS });
    assert.equal((await changes(uri)).length, 1);
    const h = mdText(await hover(uri, text, 'granularity: postcode', 15));
    assert.match(h, /\*\*change-needs-application\*\*/);
    assert.match(h, /\*\*Approved value\*\* \(`x\.approved\.yaml`\): `municipality`/);
    const added = sepsisChanged();
    await client.change(uri, [{ text: added }]);
    assert.match(mdText(await hover(uri, added, 'admission_time', 2)), /\*\*Approved value\*\* \(`x\.approved\.yaml`\): not in the approved version/);
  });

  it('"Revert to the approved value" restores it and is not preferred; fix-all leaves the change alone', async () => {
    const text = sepsisChanged();
    const { uri } = await openIn({ 'sepsis.descriptor.yaml': text, 'sepsis.descriptor.approved.yaml': SEPSIS });
    const [staff] = await changes(uri);
    const revert = (await actions(uri, staff)).find((a) => a.title === 'Revert to the approved value');
    assert.ok(revert, 'offered');
    assert.equal(revert.isPreferred, false);
    const out = apply(uri, text, revert.edit?.changes?.[uri]);
    assert.doesNotMatch(out, /Lise Berg/);
    assert.equal(out, text.replace('    - { name: Lise Berg, role: researcher }\n', ''), 'only that entry goes');
    const fixAll = (await actions(uri, staff, ['source.fixAll']))[0];
    const fixed = apply(uri, text, fixAll?.edit?.changes?.[uri]);
    assert.match(fixed, /Lise Berg/, 'fix-all keeps the new staff member');
    assert.match(fixed, /justification: Time from admission to sepsis/, 'and the new variable');
    const v = await client.change(uri, [{ text: out }]);
    assert.deepEqual((await changes(uri, v)).map((d) => String(d.message)).filter((m) => m.includes('Lise Berg')), []);
  });

  it('done: the sepsis example with an approved twin, a new exact-date variable and a new staff member, in the editor, the preview and the CLI', async () => {
    const text = sepsisChanged();
    const { uri, dir } = await openIn({ 'sepsis.descriptor.yaml': text, 'sepsis.descriptor.approved.yaml': SEPSIS });
    // The editor: both flagged, with what to apply for and to whom.
    const found = await changes(uri);
    assert.equal(found.length, 2);
    assert.match(await whole(uri, found[0]), /Lise Berg .*a change request to Helsedataservice.*an updated staff list to REK/);
    assert.match(await whole(uri, found[1]), /`admission_time` .*\(exact date\).*a change application \(søknad om endring\) to REK for case REK 2024\/123456.*a change request to Helsedataservice.*DPIA/);
    // The preview model, through the server's own request: both changes, and a draft per body.
    const model = await client.connection.sendRequest(RequirementsRequest, { uri });
    assert.ok(model);
    assert.deepEqual(model.changes.items.map((i) => i.line), found.map((d) => d.range.start.line));
    assert.deepEqual(model.changes.requests.map((r) => r.to).sort(), ['Helsedataservice', 'REK']);
    for (const r of model.changes.requests) {
      assert.match(r.draft, /- Lise Berg added to the staff with access to the data\n- variable admission_time added to npr \(exact date\)/);
      assert.match(r.draft, /Why: \[describe why/);
    }
    // The CLI, with --baseline naming the same file: the same findings, word for word (the editor's message is the first sentence).
    const cli = spawnSync(process.execPath, [CLI, '--baseline', 'sepsis.descriptor.approved.yaml', 'sepsis.descriptor.yaml'], { cwd: dir, encoding: 'utf8' });
    const rows = cli.stdout.split('\n').filter((l) => l.includes(`  ${CHANGE}  `)).map((l) => /^sepsis\.descriptor\.yaml:(\d+):\d+ {2}warning {2}change-needs-application {2}(.*)$/.exec(l));
    assert.deepEqual(rows.map((m) => [Number(m?.[1]) - 1, firstSentence(m?.[2] ?? '')[0]]), found.map((d) => [d.range.start.line, d.message]), cli.stdout + cli.stderr);
  });

  it('uses the setting descriptor.baseline when there is no twin, and says so when it cannot be read', async () => {
    const text = sepsisChanged();
    const { uri } = await openIn({ 'sepsis.descriptor.yaml': text, 'approved-copy.yaml': SEPSIS }, { initializationOptions: { settings: { baseline: 'approved-copy.yaml' } } });
    assert.equal((await changes(uri)).length, 2);
    await client.stop();
    client = await TestClient.start({ initializationOptions: { settings: { baseline: 'missing.yaml' }, locale: 'nb' } });
    await client.open(uri, text);
    const [problem] = await changes(uri);
    assert.equal(problem.range.start.line, positionOf(text, 'descriptor: 1').line);
    assert.match(String(problem.message), /Den godkjente versjonen \(`git:missing\.yaml`\) kunne ikke leses: `missing\.yaml` er ikke en fil, og/);
  });
});
