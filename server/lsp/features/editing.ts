/** Hover, code actions, completion, outline, folding, navigation, rename and links: wired here. */
import { CodeActionKind, type ServerCapabilities } from 'vscode-languageserver';
import { codeActions, FIX_ALL_KIND } from './code-actions';
import { complete } from './completion';
import type { FeatureContext } from './context';
import { hover } from './hover';
import { definition, documentLinks, documentSymbols, foldingRanges, prepareRename, references, rename } from './structure';

export const editingCapabilities: ServerCapabilities = {
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

export function registerEditing(ctx: FeatureContext): void {
  const { connection, documents } = ctx;
  const withDoc = <T>(uri: string, empty: T, f: (doc: NonNullable<ReturnType<typeof documents.get>>) => T): T => {
    const doc = documents.get(uri);
    return doc ? f(doc) : empty;
  };
  connection.onHover((p) => withDoc(p.textDocument.uri, null, (doc) => hover(ctx.service.analyze(doc), doc.offsetAt(p.position))));
  connection.onCodeAction((p) => withDoc(p.textDocument.uri, [], (doc) => codeActions(doc, ctx.service.analyze(doc), p)));
  connection.onCompletion((p) => withDoc(p.textDocument.uri, [], (doc) => complete(ctx.service.analyze(doc), doc.offsetAt(p.position))));
  connection.onDocumentSymbol((p) => withDoc(p.textDocument.uri, [], (doc) => documentSymbols(doc, ctx.service.analyze(doc))));
  connection.onFoldingRanges((p) => withDoc(p.textDocument.uri, [], (doc) => foldingRanges(doc, ctx.service.analyze(doc))));
  connection.onDefinition((p) => withDoc(p.textDocument.uri, [], (doc) => definition(doc, ctx.service.analyze(doc), doc.offsetAt(p.position))));
  connection.onReferences((p) => withDoc(p.textDocument.uri, [], (doc) => references(doc, ctx.service.analyze(doc), doc.offsetAt(p.position), p.context.includeDeclaration)));
  connection.onPrepareRename((p) => withDoc(p.textDocument.uri, null, (doc) => prepareRename(doc, ctx.service.analyze(doc), doc.offsetAt(p.position))));
  connection.onRenameRequest((p) => withDoc(p.textDocument.uri, null, (doc) => rename(doc, ctx.service.analyze(doc), doc.offsetAt(p.position), p.newName)));
  connection.onDocumentLinks((p) => withDoc(p.textDocument.uri, [], (doc) => documentLinks(doc, ctx.service.analyze(doc))));
}
