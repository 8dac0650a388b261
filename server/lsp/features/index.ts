/**
 * Editor features beyond diagnostics: hover, code actions, completion, outline, folding,
 * navigation, rename, links and the requirements preview. Each reads the service's analysis of
 * the document (the same parse and check as the diagnostics); this module wires them to the connection.
 */
import { LSPErrorCodes, ResponseError, type CancellationToken, type Connection, type TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { lazy } from '../../engine/lazy';
import { NewDescriptorRequest, RequirementsRequest, WizardSourcesRequest } from '../protocol';
import type { DescriptorService } from '../service';

export { featureCapabilities } from './capabilities';

// The features load with the analysis, on the first request, so the server answers `initialize` without them.
const runtime = lazy(() => require('../runtime') as typeof import('../runtime'));

/** What the client said it can do, known after `initialize`. */
export interface ClientFeatures {
  /** It resolves a code action's `edit` through `codeAction/resolve`. */
  resolvesCodeActionEdits: boolean;
}

export function registerFeatures(connection: Connection, documents: TextDocuments<TextDocument>, service: () => DescriptorService, client: () => ClientFeatures): void {
  const withDoc = <T>(uri: string, empty: T, f: (doc: TextDocument) => T): T => {
    const doc = documents.get(uri);
    return doc ? f(doc) : empty;
  };
  const analyzed = <T>(uri: string, empty: T, f: (doc: TextDocument, a: ReturnType<DescriptorService['analyze']>) => T): T =>
    withDoc(uri, empty, (doc) => f(doc, service().analyze(doc)));

  connection.onHover((p) => analyzed(p.textDocument.uri, null, (doc, a) => runtime().hover(a, doc.offsetAt(p.position))));
  // A cancelled request is answered with the protocol's cancellation error (made here: the
  // connection knows its error type by identity, and the features live in another bundle).
  const cancellable = <T>(token: CancellationToken, work: Promise<T>): Promise<T> =>
    work.catch((e: unknown) => {
      if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'The request was cancelled.');
      throw e;
    });
  connection.onCodeAction((p, token) =>
    withDoc(p.textDocument.uri, Promise.resolve([]), (doc) => cancellable(token, runtime().codeActions(doc, service(), p, token, { resolveEdits: client().resolvesCodeActionEdits }))),
  );
  connection.onCodeActionResolve((action, token) => cancellable(token, runtime().resolveCodeAction(action, (uri) => documents.get(uri), service(), token)));
  connection.onCompletion((p) => analyzed(p.textDocument.uri, [], (doc, a) => runtime().complete(a, doc.offsetAt(p.position))));
  connection.onDocumentSymbol((p) => analyzed(p.textDocument.uri, [], (doc, a) => runtime().documentSymbols(doc, a)));
  connection.onFoldingRanges((p) => analyzed(p.textDocument.uri, [], (doc, a) => runtime().foldingRanges(doc, a)));
  connection.onDefinition((p) => analyzed(p.textDocument.uri, [], (doc, a) => runtime().definition(doc, a, doc.offsetAt(p.position))));
  connection.onReferences((p) => analyzed(p.textDocument.uri, [], (doc, a) => runtime().references(doc, a, doc.offsetAt(p.position), p.context.includeDeclaration)));
  connection.onPrepareRename((p) => analyzed(p.textDocument.uri, null, (doc, a) => runtime().prepareRename(doc, a, doc.offsetAt(p.position))));
  connection.onRenameRequest((p) => analyzed(p.textDocument.uri, null, (doc, a) => runtime().rename(doc, a, doc.offsetAt(p.position), p.newName)));
  connection.onDocumentLinks((p) => analyzed(p.textDocument.uri, [], (doc, a) => runtime().documentLinks(doc, a)));
  connection.onRequest(RequirementsRequest, ({ uri }) => analyzed(uri, null, (_doc, a) => runtime().requirementsModel(a)));
  // The new-descriptor wizard asks here, so the client carries neither the catalogue nor the routing.
  connection.onRequest(WizardSourcesRequest, ({ lang }) =>
    runtime().sourceList.map((s) => ({
      id: s.id,
      name: s.name[lang],
      abbreviation: s.abbreviation,
      custodian: s.custodian.now,
      names: [s.name[lang === 'en' ? 'nb' : 'en'], ...s.aliases],
      keywords: s.keywords,
    })),
  );
  connection.onRequest(NewDescriptorRequest, (answers) => runtime().skeleton(answers));
}
