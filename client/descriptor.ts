/** What the client's parts share: the language id, which documents are descriptors, and the typed requests to the server (declared in the protocol). */
import type * as vscode from 'vscode';
export { CheckFilesRequest, ExportPackageRequest, LinkageDiagramRequest, NewDescriptorRequest, PortfolioFilesRequest, PortfolioRequest, RequirementsRequest, ShowDocumentationRequest, WizardSourcesRequest, WorkspaceTrustedNotification } from '../server/lsp/protocol';

export const LANGUAGE_ID = 'project-descriptor';

export const isDescriptor = (doc: vscode.TextDocument | undefined): doc is vscode.TextDocument => doc?.languageId === LANGUAGE_ID;
