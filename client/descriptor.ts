/** What the client's parts share: the language id, which documents are descriptors, and the typed requirements request. */
import type * as vscode from 'vscode';
import { RequestType } from 'vscode-languageclient/node';
import { REQUIREMENTS_METHOD, type RequirementsParams, type RequirementsResult } from '../server/lsp/protocol';

export const LANGUAGE_ID = 'project-descriptor';

export const RequirementsRequest = new RequestType<RequirementsParams, RequirementsResult, void>(REQUIREMENTS_METHOD);

export const isDescriptor = (doc: vscode.TextDocument | undefined): doc is vscode.TextDocument => doc?.languageId === LANGUAGE_ID;
