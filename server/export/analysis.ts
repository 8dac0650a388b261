/**
 * The analysis an export is built on: the same one the language server makes for an open
 * document (engine check, route, settings from the nearest `.descriptor-check.yaml`), made here
 * for a file on disk.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Lang } from '../../rules/domain/types';
import { DescriptorService, type Analysis } from '../lsp/service';

/** Analyses `text` as the descriptor at `file`; `lang` wins over the workspace file's language (else English). */
export function analyzeFile(file: string, text: string, lang?: Lang): Analysis {
  const service = new DescriptorService();
  service.configure('en', lang ? { language: lang } : {});
  return service.analyze(TextDocument.create(pathToFileURL(resolve(file)).href, 'project-descriptor', 1, text));
}
