/** What the editor features offer, declared without loading them: `initialize` answers with this. */
import type { ServerCapabilities } from 'vscode-languageserver';
import { CodeActionKind } from 'vscode-languageserver-types';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.descriptor`;

export const featureCapabilities: ServerCapabilities = {
  hoverProvider: true,
  // Fix-all is computed when chosen (`codeAction/resolve`), not for every request.
  codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND], resolveProvider: true },
  completionProvider: { triggerCharacters: [':', ' ', '-', '/', '['] },
  documentSymbolProvider: true,
  foldingRangeProvider: true,
  definitionProvider: true,
  referencesProvider: true,
  renameProvider: { prepareProvider: true },
  documentLinkProvider: { resolveProvider: false },
};
