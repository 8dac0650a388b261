/**
 * Editor features beyond diagnostics. Each feature is a pure function from (analysis, position,
 * settings) to LSP types; the register functions wire them to the connection.
 */
import type { ServerCapabilities } from 'vscode-languageserver';
import { editingCapabilities, registerEditing } from './editing';
import { registerRequirements } from './requirements';
import type { FeatureContext } from './context';

export type { FeatureContext };

export const featureCapabilities: ServerCapabilities = { ...editingCapabilities };

export function registerFeatures(ctx: FeatureContext): void {
  registerEditing(ctx);
  registerRequirements(ctx);
}
