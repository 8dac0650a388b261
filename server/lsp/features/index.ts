/**
 * Editor features beyond diagnostics: hover, code actions, completion, outline, folding,
 * navigation, rename, links and the requirements preview. Each reads the service's analysis of
 * the document (the same parse and check as the diagnostics); this module wires them to the connection.
 */
import { CodeActionKind, type Connection, type ServerCapabilities, type TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { NewDescriptorRequest, RequirementsRequest, WizardSourcesRequest } from '../protocol';
import { sourceList } from '../../../rules/domain/catalogue';
import { skeleton } from './skeleton';
import type { DescriptorService } from '../service';
import { codeActions, FIX_ALL_KIND } from './code-actions';
import { complete } from './completion';
import { hover } from './hover';
import { requirementsModel } from '../../report/requirements-model';
import { definition, documentLinks, documentSymbols, foldingRanges, prepareRename, references, rename } from './structure';

export const featureCapabilities: ServerCapabilities = {
  hoverProvider: true,
  codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND] },
  completionProvider: { triggerCharacters: [':', ' ', '-', '/', '['] },
  documentSymbolProvider: true,
  foldingRangeProvider: true,
  definitionProvider: true,
  referencesProvider: true,
  renameProvider: { prepareProvider: true },
  documentLinkProvider: { resolveProvider: false },
};

export function registerFeatures(connection: Connection, documents: TextDocuments<TextDocument>, service: DescriptorService): void {
  const withDoc = <T>(uri: string, empty: T, f: (doc: TextDocument) => T): T => {
    const doc = documents.get(uri);
    return doc ? f(doc) : empty;
  };
  const analyzed = <T>(uri: string, empty: T, f: (doc: TextDocument, a: ReturnType<DescriptorService['analyze']>) => T): T =>
    withDoc(uri, empty, (doc) => f(doc, service.analyze(doc)));

  connection.onHover((p) => analyzed(p.textDocument.uri, null, (doc, a) => hover(a, doc.offsetAt(p.position))));
  connection.onCodeAction((p) => withDoc(p.textDocument.uri, [], (doc) => codeActions(doc, service, p)));
  connection.onCompletion((p) => analyzed(p.textDocument.uri, [], (doc, a) => complete(a, doc.offsetAt(p.position))));
  connection.onDocumentSymbol((p) => analyzed(p.textDocument.uri, [], (doc, a) => documentSymbols(doc, a)));
  connection.onFoldingRanges((p) => analyzed(p.textDocument.uri, [], (doc, a) => foldingRanges(doc, a)));
  connection.onDefinition((p) => analyzed(p.textDocument.uri, [], (doc, a) => definition(doc, a, doc.offsetAt(p.position))));
  connection.onReferences((p) => analyzed(p.textDocument.uri, [], (doc, a) => references(doc, a, doc.offsetAt(p.position), p.context.includeDeclaration)));
  connection.onPrepareRename((p) => analyzed(p.textDocument.uri, null, (doc, a) => prepareRename(doc, a, doc.offsetAt(p.position))));
  connection.onRenameRequest((p) => analyzed(p.textDocument.uri, null, (doc, a) => rename(doc, a, doc.offsetAt(p.position), p.newName)));
  connection.onDocumentLinks((p) => analyzed(p.textDocument.uri, [], (doc, a) => documentLinks(doc, a)));
  connection.onRequest(RequirementsRequest, ({ uri }) => analyzed(uri, null, (_doc, a) => requirementsModel(a)));
  // The new-descriptor wizard asks here, so the client carries neither the catalogue nor the routing.
  connection.onRequest(WizardSourcesRequest, ({ lang }) =>
    sourceList.map((s) => ({
      id: s.id,
      name: s.name[lang],
      abbreviation: s.abbreviation,
      custodian: s.custodian.now,
      keywords: [s.name[lang === 'en' ? 'nb' : 'en'], ...s.aliases, ...s.keywords],
    })),
  );
  connection.onRequest(NewDescriptorRequest, (answers) => skeleton(answers));
}
