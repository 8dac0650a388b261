/**
 * The client's own words, in both languages, chosen by the `descriptor.language` setting: `en` or
 * `nb`, or `auto`, which picks Norwegian when VS Code's display language is Norwegian (nb, no, nn)
 * and English otherwise. Strings about one descriptor (status bar, preview) follow the language the
 * server chose for it, which also honours the descriptor's own `language:` and the workspace file.
 * Command and setting titles are VS Code's: they follow the display language (package.nls.*.json).
 */
import * as vscode from 'vscode';
import { langFromLocale } from '../rules/domain/text';
import type { Lang } from '../rules/domain/types';
import { STRINGS } from './strings';

export { say } from '../rules/domain/text';
export { STRINGS };

export type StringKey = keyof typeof STRINGS;

/** The language the setting asks for. */
export function uiLang(): Lang {
  const set = vscode.workspace.getConfiguration('descriptor').get<string>('language', 'auto');
  if (set === 'en' || set === 'nb') return set;
  return langFromLocale(vscode.env.language);
}
