/**
 * The code-action vocabulary through a real client over stdio: fix-all under the user's settings,
 * disable for this line (merging into a directive that is there), disable for the whole file, and
 * "fix all <id> problems".
 */
import { strict as assert } from 'node:assert';
import type { CodeAction, Diagnostic, TextEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { BASE } from '../helpers/descriptors';
import { TestClient } from '../helpers/lsp-client';

const uri = 'file:///tmp/actions.descriptor.yaml';

function apply(text: string, edits: TextEdit[] | undefined): string {
  return TextDocument.applyEdits(TextDocument.create(uri, 'yaml', 1, text), edits ?? []);
}
const editsOf = (a: CodeAction | undefined) => a?.edit?.changes?.[uri];
const codes = (ds: Diagnostic[]) => ds.map((d) => String(d.code));

describe('code actions over stdio', () => {
  let client: TestClient;
  afterEach(async () => client?.stop());

  const actionsFor = (d: Diagnostic) => client.connection.sendRequest('textDocument/codeAction', { textDocument: { uri }, range: d.range, context: { diagnostics: [d] } }) as Promise<CodeAction[]>;
  const fixAll = () =>
    client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics: [], only: ['source.fixAll'] },
    }) as Promise<CodeAction[]>;

  // A planned exemption from the wrong authority: fix-all redirects it, unless the rule is off.
  const WRONG = `${BASE}approvals:\n  - { kind: rek-exemption, status: planned }\n`;

  it('fix-all leaves a rule alone that the settings turn off', async () => {
    client = await TestClient.start({ initializationOptions: { settings: { rules: { 'exemption-wrong-authority': 'off' } } } });
    await client.open(uri, WRONG);
    const diags = await client.diagnosticsFor(uri, 1);
    assert.ok(!codes(diags).includes('exemption-wrong-authority'), 'the setting turns the rule off');
    const actions = await fixAll();
    const out = apply(WRONG, editsOf(actions[0]));
    assert.match(out, /kind: rek-exemption/, 'fix-all must not change what the user turned off');
  });

  it('fix-all still fixes the rule when it is on', async () => {
    client = await TestClient.start();
    await client.open(uri, WRONG);
    await client.diagnosticsFor(uri, 1);
    const out = apply(WRONG, editsOf((await fixAll())[0]));
    assert.match(out, /kind: helsedataservice-exemption, status: planned/);
  });

  it('a second "disable for this line" merges into the directive above, which keeps working', async () => {
    const text = BASE.replace('        granularity: date\n', '        # descriptor-disable-next-line variable-exact-date\n        granularity: dato\n');
    client = await TestClient.start();
    await client.open(uri, text);
    const diags = await client.diagnosticsFor(uri, 1);
    const schema = diags.find((d) => d.code === 'schema' && d.range.start.line === 12);
    assert.ok(schema, `a schema finding on the granularity line: ${JSON.stringify(diags.map((d) => [d.code, d.range.start.line]))}`);
    const disable = (await actionsFor(schema)).find((a) => a.title === 'Disable schema for this line');
    assert.ok(disable, 'offers disable for this line');
    const out = apply(text, editsOf(disable));
    assert.equal(out.split('\n').length, text.split('\n').length, 'no second comment line');
    assert.match(out, /# descriptor-disable-next-line variable-exact-date schema\n {8}granularity: dato/);
    const v = await client.change(uri, [{ text: out }]);
    assert.ok(!(await client.diagnosticsFor(uri, v)).some((d) => d.code === 'schema' && d.range.start.line === 12));
  });

  it('"disable for the whole file" adds one directive at the top and merges the next id into it', async () => {
    const text = `${BASE}approvals:\n  - { kind: rek-preapproval, status: planned }\n`;
    client = await TestClient.start();
    await client.open(uri, text);
    const diags = await client.diagnosticsFor(uri, 1);
    const exact = diags.find((d) => d.code === 'variable-exact-date')!;
    const action = (await actionsFor(exact)).find((a) => a.title === 'Disable variable-exact-date for the whole file');
    assert.ok(action);
    const once = apply(text, editsOf(action));
    assert.ok(once.startsWith('# descriptor-disable variable-exact-date\ndescriptor: 1'), once.slice(0, 80));
    const v = await client.change(uri, [{ text: once }]);
    const after = await client.diagnosticsFor(uri, v);
    assert.ok(!codes(after).includes('variable-exact-date'));
    const other = after.find((d) => d.code !== 'variable-exact-date' && d.code !== 'schema');
    assert.ok(other, `another finding to disable: ${codes(after).join(', ')}`);
    const second = (await actionsFor(other)).find((a) => a.title === `Disable ${other.code} for the whole file`);
    const twice = apply(once, editsOf(second));
    assert.ok(twice.startsWith(`# descriptor-disable variable-exact-date ${other.code}\ndescriptor: 1`), twice.slice(0, 120));
  });

  it('"fix all <id> problems" fixes every finding of that rule and no other', async () => {
    // Two people with access who are not in the REK application still being decided.
    const text = BASE.replace('  institution: Test HF\n', '  institution: Test HF\n  staff:\n    - { name: Kari Nordmann, role: project-lead }\n    - { name: Ola Nordmann, role: researcher }\n    - { name: Per Hansen, role: statistician }\n')
      + 'approvals:\n  - { kind: rek-preapproval, status: applied, staff: [Kari Nordmann] }\n';
    client = await TestClient.start();
    await client.open(uri, text);
    const diags = await client.diagnosticsFor(uri, 1);
    const staff = diags.filter((d) => d.code === 'staff-exemption-mismatch');
    assert.equal(staff.length, 2);
    const action = (await actionsFor(staff[0])).find((a) => a.title === 'Fix all staff-exemption-mismatch problems');
    assert.ok(action, 'offered when the rule has more than one fixable finding');
    const out = apply(text, editsOf(action));
    assert.match(out, /staff: \[Kari Nordmann, Ola Nordmann, Per Hansen\]/);
    assert.match(out, /granularity: date/, 'nothing else changes');
  });
});
