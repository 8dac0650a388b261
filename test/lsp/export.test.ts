/** Over stdio: the package of an open descriptor, with the linkage diagram the client drew. */
import { strict as assert } from 'node:assert';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import JSZip from 'jszip';
import { ExportPackageRequest, LinkageDiagramRequest } from '../../server/lsp/protocol';
import { SEPSIS } from '../helpers/descriptors';
import { TestClient } from '../helpers/lsp-client';

describe('the application package over stdio', () => {
  let client: TestClient | undefined;
  afterEach(async () => client?.stop());
  const uri = pathToFileURL(join(tmpdir(), 'descriptor-export', 'sepsis.descriptor.yaml')).href;

  it('gives the linkage diagram as SVG, and puts the PNG the client drew into the package and the Word document', async function () {
    this.timeout(60_000);
    client = await TestClient.start();
    await client.open(uri, SEPSIS);
    const diagram = await client.connection.sendRequest(LinkageDiagramRequest, { uri });
    assert.ok(diagram, 'a descriptor with linked sources has a diagram');
    assert.match(diagram.svg, /^<svg [^>]*width="(\d+)"/);
    // A one-pixel PNG stands for what the webview drew: the server takes it as it is.
    const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64');
    const result = await client.connection.sendRequest(ExportPackageRequest, { uri, diagram: { png: png.toString('base64'), width: 640, height: 480 } });
    assert.ok(result);
    const file = (name: string) => result.files.find((f) => f.name === name);
    assert.deepEqual(Buffer.from(file('linkage.png')!.data, 'base64'), png);
    assert.ok(file('linkage.svg'));
    const docx = await JSZip.loadAsync(Buffer.from(file('application.docx')!.data, 'base64'));
    const media = docx.file(/^word\/media\/.*\.png$/);
    assert.equal(media.length, 1, 'the Word document has the diagram');
    assert.deepEqual(await media[0].async('nodebuffer'), png);
    assert.ok(!result.notes.some((n) => /linkage\.png/.test(n)), result.notes.join('\n'));
  });

  it('has no diagram for a descriptor it has not opened', async () => {
    client = await TestClient.start();
    assert.equal(await client.connection.sendRequest(LinkageDiagramRequest, { uri: pathToFileURL(join(tmpdir(), 'descriptor-export', 'none.descriptor.yaml')).href }), null);
  });
});
