/** What the client's parts share: the language id, which documents are descriptors, and the typed requests to the server. */
import type * as vscode from 'vscode';
import { RequestType } from 'vscode-languageclient/node';
import { EXPORT_PACKAGE_METHOD, REQUIREMENTS_METHOD, type ExportPackageParams, type ExportPackageResult, type RequirementsParams, type RequirementsResult } from '../server/lsp/protocol';

export const LANGUAGE_ID = 'project-descriptor';

export const RequirementsRequest = new RequestType<RequirementsParams, RequirementsResult, void>(REQUIREMENTS_METHOD);

export const ExportPackageRequest = new RequestType<ExportPackageParams, ExportPackageResult, void>(EXPORT_PACKAGE_METHOD);

export const isDescriptor = (doc: vscode.TextDocument | undefined): doc is vscode.TextDocument => doc?.languageId === LANGUAGE_ID;
