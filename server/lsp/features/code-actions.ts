/** Code actions: each finding's quick fixes, fix-all, disable-for-line and show-documentation. */
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic, type TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { applyFix, diff } from '../../engine/fixes';
import { fixAll } from '../../engine/fix-all';
import { ruleDocUrl } from '../../engine/product';
import { DIAGNOSTIC_SOURCE, type Analysis } from '../service';
import type { DiagnosticData, Fix, Lang } from '../../../rules/domain/types';

export const FIX_ALL_KIND = `${CodeActionKind.SourceFixAll}.descriptor`;
export const SHOW_DOCS_COMMAND = 'descriptor.showRuleDocumentation';

const T = (l: Lang, en: string, nb: string) => (l === 'nb' ? nb : en);

function edit(doc: TextDocument, before: string, after: string): TextEdit[] {
  const d = diff(before, after);
  return [{ range: { start: doc.positionAt(d.start), end: doc.positionAt(d.end) }, newText: d.text }];
}

export function codeActions(doc: TextDocument, analysis: Analysis, params: CodeActionParams): CodeAction[] {
  const lang = analysis.lang;
  const text = doc.getText();
  const only = params.context.only;
  const wants = (kind: string) => !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
  const actions: CodeAction[] = [];

  if (wants(CodeActionKind.QuickFix)) {
    for (const d of params.context.diagnostics) {
      if (d.source !== DIAGNOSTIC_SOURCE) continue;
      const data = d.data as DiagnosticData | undefined;
      const rule = typeof d.code === 'string' ? d.code : data?.rule;
      if (!rule) continue;
      for (const f of data?.fixes ?? []) {
        const out = applyFix(text, f as Fix);
        if (out === text) continue;
        actions.push({ title: f.title[lang] || f.title.en, kind: CodeActionKind.QuickFix, diagnostics: [d], isPreferred: f.preferred === true, edit: { changes: { [doc.uri]: edit(doc, text, out) } } });
      }
      actions.push(disableAction(doc, d, rule, lang));
      actions.push({
        title: T(lang, `Show documentation for ${rule}`, `Vis dokumentasjon for ${rule}`),
        kind: CodeActionKind.QuickFix,
        diagnostics: [d],
        command: { title: T(lang, `Show documentation for ${rule}`, `Vis dokumentasjon for ${rule}`), command: SHOW_DOCS_COMMAND, arguments: [rule, ruleDocUrl(rule)] },
      });
    }
  }
  if (only && (only.includes(CodeActionKind.SourceFixAll) || only.includes(FIX_ALL_KIND) || only.includes(CodeActionKind.Source))) {
    const { text: out, fixed } = fixAll(text, { lang, severities: undefined, fileExists: undefined });
    if (fixed.length) actions.push({ title: T(lang, 'Fix all auto-fixable problems', 'Rett alle problemer som kan rettes automatisk'), kind: FIX_ALL_KIND, edit: { changes: { [doc.uri]: edit(doc, text, out) } } });
  }
  return actions;
}

function disableAction(doc: TextDocument, d: Diagnostic, rule: string, lang: Lang): CodeAction {
  const line = d.range.start.line;
  const lineText = doc.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } });
  const indent = /^\s*/.exec(lineText)?.[0].replace(/\n/g, '') ?? '';
  // A finding on a `- item` line: align with the dash.
  return {
    title: T(lang, `Disable ${rule} for this line`, `Slå av ${rule} for denne linjen`),
    kind: CodeActionKind.QuickFix,
    diagnostics: [d],
    edit: { changes: { [doc.uri]: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `${indent}# descriptor-disable-next-line ${rule}\n` }] } },
  };
}
