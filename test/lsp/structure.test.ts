/** Folding over stdio: each block collection folds from its key's line to its last line. */
import { strict as assert } from 'node:assert';
import { FoldingRangeRequest } from 'vscode-languageserver-protocol/node';
import { TestClient } from '../helpers/lsp-client';

describe('folding over stdio', () => {
  let client: TestClient | undefined;
  afterEach(async () => client?.stop());

  it('folds block maps and sequences from their key, and flow collections that span lines', async () => {
    const text = [
      'descriptor: 1', //                0
      'project:', //                     1
      '  title: T', //                   2
      '  staff:', //                     3
      '    - { name: A, role: x }', //   4
      '    - name: B', //                5
      '      role: y', //                6
      'purpose: { category: x }', //     7
      'data_sources: [', //              8
      '  { id: a, source: npr },', //    9
      ']', //                            10
      '',
    ].join('\n');
    client = await TestClient.start();
    const uri = 'untitled:fold.descriptor.yaml';
    await client.open(uri, text);
    const ranges = (await client.connection.sendRequest(FoldingRangeRequest.type, { textDocument: { uri } })) ?? [];
    const pairs = ranges.map((r) => [r.startLine, r.endLine]).sort((a, b) => a[0] - b[0] || a[1] - b[1]);
    assert.deepEqual(pairs, [
      [1, 6], // project:
      [3, 6], // staff:
      [5, 6], // the second staff member
      [8, 10], // the flow sequence of data sources
    ]);
  });
});
