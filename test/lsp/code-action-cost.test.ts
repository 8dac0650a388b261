/**
 * Code actions stay cheap and cancellable over stdio. A fix-all re-checks the file after each fix,
 * so a client that resolves code actions gets it as data and asks for its edit only when the user
 * chooses it (`codeAction/resolve`); a client that cannot resolve gets the edit at once. Either way
 * `$/cancelRequest` stops the work between re-checks. The menu names each rule once.
 *
 * The file is the benchmark's 2,000-line descriptor with 74 misspelt granularities (`monthh`): its
 * fix-all runs 74 rounds of re-checks, 7 to 9 s on a shared 2-core machine (the review measured
 * 10.5 to 13.9 s for one code-action request before fix-all was resolved lazily).
 *
 * Bounds, generous and only there to tell a blocked server from a working one: `ANSWER` for a code
 * action or a cancelled request on that file (the benchmark's target for a code action is 5 ms at
 * the median); a hover sent behind a cancelled fix-all must come back within `ANSWER` too.
 */
import { strict as assert } from 'node:assert';
import { CancellationTokenSource, LSPErrorCodes, ResponseError, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver-protocol';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parseDocument } from 'yaml';
import { generateDescriptor } from '../../bench/generate.mjs';
import { BASE } from '../helpers/descriptors';
import { TestClient } from '../helpers/lsp-client';

const ANSWER = 3000;
const RESOLVING = { textDocument: { codeAction: { resolveSupport: { properties: ['edit'] }, dataSupport: true } } };

const BIG = generateDescriptor(2000).replace(/granularity: month\n/g, 'granularity: monthh\n');
const bigUri = 'file:///tmp/cost/big.descriptor.yaml';

function apply(uri: string, text: string, edits: TextEdit[] | undefined): string {
  return TextDocument.applyEdits(TextDocument.create(uri, 'yaml', 1, text), edits ?? []);
}

/** Sends a request and cancels it at once; resolves with the answer or the error, and how long it took. */
async function cancelledAtOnce(client: TestClient, method: string, params: unknown): Promise<{ result?: unknown; error?: ResponseError<unknown>; ms: number }> {
  const source = new CancellationTokenSource();
  const started = performance.now();
  const answer = client.connection.sendRequest(method, params, source.token);
  source.cancel();
  try {
    const result = await answer;
    return { result, ms: performance.now() - started };
  } catch (e) {
    return { error: e as ResponseError<unknown>, ms: performance.now() - started };
  }
}

/** Cancelled means the protocol's cancellation error, or an answer with nothing in it. */
function assertCancelled(r: { result?: unknown; error?: ResponseError<unknown>; ms: number }): void {
  if (r.error) assert.equal(r.error.code, LSPErrorCodes.RequestCancelled, r.error.message);
  else {
    const empty = r.result === null || (Array.isArray(r.result) && r.result.length === 0) || (typeof r.result === 'object' && !(r.result as CodeAction).edit?.changes);
    assert.ok(empty, `a cancelled request answered in full: ${JSON.stringify(r.result).slice(0, 300)}`);
  }
  assert.ok(r.ms < ANSWER, `the cancelled request took ${r.ms.toFixed(0)} ms`);
}

describe('code actions: lazy fix-all, cancellation, one entry per rule', function () {
  this.timeout(60_000);
  let client: TestClient;
  afterEach(async () => client?.stop());

  const actions = (uri: string, diagnostics: Diagnostic[], only?: string[]) =>
    client.connection.sendRequest('textDocument/codeAction', {
      textDocument: { uri },
      range: diagnostics[0]?.range ?? { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      context: { diagnostics, ...(only ? { only } : {}) },
    }) as Promise<CodeAction[]>;

  it('a client that resolves gets fix-all as data within the bound, and its edit on resolve', async () => {
    client = await TestClient.start({ capabilities: RESOLVING });
    await client.open(bigUri, BIG);
    const diags = await client.diagnosticsFor(bigUri, 1);
    const schema = diags.filter((d) => d.code === 'schema');
    assert.equal(schema.length, 74);
    const started = performance.now();
    const list = await actions(bigUri, [schema[0]]);
    const ms = performance.now() - started;
    assert.ok(ms < ANSWER, `the code action took ${ms.toFixed(0)} ms`);
    const all = list.find((a) => a.title === 'Fix all schema problems');
    assert.ok(all, list.map((a) => a.title).join(' | '));
    assert.equal(all.edit, undefined, 'the edit waits for resolve');
    assert.ok(all.data, 'the action carries what resolve needs');
    const source = await actions(bigUri, [], ['source.fixAll']);
    assert.equal(source.length, 1);
    assert.equal(source[0].edit, undefined);

    // Resolved, it fixes every one of them and nothing else; the file keeps its shape.
    const resolved = (await client.connection.sendRequest('codeAction/resolve', all)) as CodeAction;
    const out = apply(bigUri, BIG, resolved.edit?.changes?.[bigUri]);
    assert.doesNotMatch(out, /monthh/);
    assert.equal(out.split('\n').length, BIG.split('\n').length);
    assert.equal(parseDocument(out).errors.length, 0);
  });

  it('a cancelled resolve stops between re-checks, and a hover behind it is answered', async () => {
    client = await TestClient.start({ capabilities: RESOLVING });
    await client.open(bigUri, BIG);
    const diags = await client.diagnosticsFor(bigUri, 1);
    const list = await actions(bigUri, diags.filter((d) => d.code === 'schema').slice(0, 1));
    const all = list.find((a) => a.title === 'Fix all schema problems')!;
    assertCancelled(await cancelledAtOnce(client, 'codeAction/resolve', all));
    const started = performance.now();
    await client.connection.sendRequest('textDocument/hover', { textDocument: { uri: bigUri }, position: schema0(diags).range.start });
    assert.ok(performance.now() - started < ANSWER, 'the hover waited for the cancelled fix-all');
  });

  it('a client that cannot resolve gets the edit at once, and a cancelled request is cancelled', async () => {
    client = await TestClient.start();
    await client.open(bigUri, BIG);
    const diags = await client.diagnosticsFor(bigUri, 1);
    const schema = schema0(diags);
    assertCancelled(await cancelledAtOnce(client, 'textDocument/codeAction', { textDocument: { uri: bigUri }, range: schema.range, context: { diagnostics: [schema] } }));
    assertCancelled(
      await cancelledAtOnce(client, 'textDocument/codeAction', {
        textDocument: { uri: bigUri },
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
        context: { diagnostics: [], only: ['source.fixAll'] },
      }),
    );
    // Not cancelled, the same client gets the edit in the answer (a small file: the bound is not the point here).
    const uri = 'file:///tmp/cost/small.descriptor.yaml';
    const text = BASE.replace('granularity: date', 'granularity: monthh') + '      - { name: x_year, granularity: yeer, justification: Age. }\n';
    await client.open(uri, text);
    const small = (await client.diagnosticsFor(uri, 1)).filter((d) => d.code === 'schema');
    const all = (await actions(uri, [small[0]])).find((a) => a.title === 'Fix all schema problems');
    assert.ok(all?.edit, 'the edit is in the answer');
    const out = apply(uri, text, all.edit.changes?.[uri]);
    assert.match(out, /granularity: month\n/);
    assert.match(out, /granularity: year, justification/);
  });

  it('names each rule once: one disable for its lines, one for the file, one documentation entry', async () => {
    client = await TestClient.start();
    const uri = 'file:///tmp/cost/menu.descriptor.yaml';
    // Two exact dates on two lines; two missing attachments on one line, which are one finding.
    const text = `# The study's own notes\n${BASE}      - { name: date_of_death, granularity: date, justification: Outcome. }   # kept\napprovals:\n  - { kind: rek-preapproval, status: granted }\n  - { kind: dpo-assessment, status: granted }\n`;
    await client.open(uri, text);
    const diags = await client.diagnosticsFor(uri, 1);
    const dates = diags.filter((d) => d.code === 'variable-exact-date');
    const attachments = diags.filter((d) => d.code === 'attachment-missing');
    assert.equal(dates.length, 2, JSON.stringify(diags.map((d) => d.code)));
    assert.equal(attachments.length, 1, JSON.stringify(diags.map((d) => d.code)));
    const list = await actions(uri, [...dates, ...attachments]);
    const titles = list.map((a) => a.title);
    // Each finding keeps its own quick fixes (two exact dates: "Coarsen to `month`" for each); what
    // is about the rule is there once.
    const perRule = titles.filter((t) => /^(Disable|Show documentation|Fix all)/.test(t));
    assert.equal(new Set(perRule).size, perRule.length, `a title twice: ${titles.join(' | ')}`);
    for (const rule of ['variable-exact-date', 'attachment-missing']) {
      assert.equal(titles.filter((t) => t === `Show documentation for ${rule}`).length, 1);
      assert.equal(titles.filter((t) => t === `Disable ${rule} for the whole file`).length, 1);
    }
    assert.ok(titles.includes('Disable attachment-missing for this line'), titles.join(' | '));
    const both = list.find((a) => a.title === 'Disable variable-exact-date for these 2 lines');
    assert.ok(both, titles.join(' | '));
    // The directive goes above each line, the comments stay, and the findings are gone.
    const out = apply(uri, text, both.edit?.changes?.[uri]);
    assert.equal(out.match(/# descriptor-disable-next-line variable-exact-date\n/g)?.length, 2);
    assert.match(out, /^# The study's own notes\n/);
    assert.match(out, /# kept\n/);
    assert.equal(parseDocument(out).errors.length, 0);
    const v = await client.change(uri, [{ text: out }]);
    assert.ok(!(await client.diagnosticsFor(uri, v)).some((d) => d.code === 'variable-exact-date'));
  });
});

function schema0(diags: Diagnostic[]): Diagnostic {
  const d = diags.find((x) => x.code === 'schema');
  assert.ok(d, 'a schema finding');
  return d;
}
