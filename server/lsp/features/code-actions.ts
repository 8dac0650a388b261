/**
 * Code actions: each finding's quick fixes, "fix all <id> problems", disable for this line or for
 * the whole file (merging ids into a directive that is already there, as vscode-eslint does),
 * show documentation, and the source fix-all. Fix-all runs under the same settings as the diagnostics.
 */
import { CodeActionKind, type CodeAction, type CodeActionParams, type Diagnostic, type TextEdit } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { isRuleId, type RuleId } from '../../../rules';
import { pick, say } from '../../../rules/domain/text';
import type { Fix, Lang, Localized } from '../../../rules/domain/types';
import { applyFix, diff } from '../../engine/fixes';
import { OPEN_RULE_DOCUMENTATION_COMMAND } from '../protocol';
import { DIAGNOSTIC_SOURCE, type DescriptorService, type DiagnosticData } from '../service';

import { FIX_ALL_KIND } from './capabilities';

export { FIX_ALL_KIND };

function edit(doc: TextDocument, before: string, after: string): TextEdit[] {
  const d = diff(before, after);
  return [{ range: { start: doc.positionAt(d.start), end: doc.positionAt(d.end) }, newText: d.text }];
}

export function codeActions(doc: TextDocument, service: DescriptorService, params: CodeActionParams): CodeAction[] {
  const analysis = service.analyze(doc);
  const lang = analysis.lang;
  const text = doc.getText();
  const only = params.context.only;
  const wants = (kind: string) => !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
  const actions: CodeAction[] = [];

  if (wants(CodeActionKind.QuickFix)) {
    const offeredFixAll = new Set<RuleId>();
    for (const d of params.context.diagnostics) {
      if (d.source !== DIAGNOSTIC_SOURCE) continue;
      const data = d.data as DiagnosticData | undefined;
      const rule = typeof d.code === 'string' ? d.code : data?.rule;
      if (!rule || !isRuleId(rule)) continue;
      for (const f of data?.fixes ?? []) {
        const out = applyFix(text, f as Fix);
        if (out === text) continue;
        actions.push({ title: say(f.title, lang), kind: CodeActionKind.QuickFix, diagnostics: [d], isPreferred: f.preferred === true, edit: { changes: { [doc.uri]: edit(doc, text, out) } } });
      }
      // "Fix all <id> problems": when the rule has more than one finding with a safe fix.
      if (!offeredFixAll.has(rule) && analysis.results.filter((r) => r.rule === rule && r.fixes.some((f) => f.preferred)).length > 1) {
        offeredFixAll.add(rule);
        const { text: out, fixed } = service.fixAll(doc, rule);
        if (fixed.length > 1) {
          actions.push({
            title: say({ en: `Fix all ${rule} problems`, nb: `Rett alle ${rule}-problemer` }, lang),
            kind: CodeActionKind.QuickFix,
            diagnostics: [d],
            edit: { changes: { [doc.uri]: edit(doc, text, out) } },
          });
        }
      }
      actions.push(disableForLine(doc, d, rule, lang), disableForFile(doc, rule, lang));
      const docs = say({ en: `Show documentation for ${rule}`, nb: `Vis dokumentasjon for ${rule}` }, lang);
      actions.push({ title: docs, kind: CodeActionKind.QuickFix, diagnostics: [d], command: { title: docs, command: OPEN_RULE_DOCUMENTATION_COMMAND, arguments: [rule] } });
    }
  }
  if (only && (only.includes(CodeActionKind.SourceFixAll) || only.includes(FIX_ALL_KIND) || only.includes(CodeActionKind.Source))) {
    const { text: out, fixed } = service.fixAll(doc);
    if (fixed.length) {
      actions.push({
        title: say({ en: 'Fix all auto-fixable problems', nb: 'Rett alle problemer som kan rettes automatisk' }, lang),
        kind: FIX_ALL_KIND,
        edit: { changes: { [doc.uri]: edit(doc, text, out) } },
      });
    }
  }
  return actions;
}

const lineText = (doc: TextDocument, line: number) => doc.getText({ start: { line, character: 0 }, end: { line: line + 1, character: 0 } }).replace(/\r?\n$/, '');

/** Adds `rule` to a directive line's id list, or undefined when the line is not such a directive. */
function mergeInto(line: string, directive: RegExp, rule: string): string | undefined {
  const m = directive.exec(line);
  if (!m) return undefined;
  const ids = m[2].trim().split(/[\s,]+/).filter(Boolean);
  // A directive without ids already silences every rule.
  if (ids.length === 0 || ids.includes(rule)) return line;
  return `${m[1]} ${[...ids, rule].join(' ')}${m[3] ?? ''}`;
}

const NEXT_LINE = /^(\s*#\s*descriptor-disable-next-line)\b([^#]*?)(\s*#.*)?$/;
const FILE = /^(\s*#\s*descriptor-disable)(?![-\w])([^#]*?)(\s*#.*)?$/;

function disableForLine(doc: TextDocument, d: Diagnostic, rule: string, lang: Lang): CodeAction {
  const line = d.range.start.line;
  const title = say({ en: `Disable ${rule} for this line`, nb: `Slå av ${rule} for denne linjen` }, lang);
  const above = line > 0 ? lineText(doc, line - 1) : '';
  const merged = line > 0 ? mergeInto(above, NEXT_LINE, rule) : undefined;
  if (merged !== undefined) {
    return {
      title,
      kind: CodeActionKind.QuickFix,
      diagnostics: [d],
      edit: { changes: { [doc.uri]: [{ range: { start: { line: line - 1, character: 0 }, end: { line: line - 1, character: above.length } }, newText: merged }] } },
    };
  }
  const indent = /^\s*/.exec(lineText(doc, line))?.[0] ?? '';
  return {
    title,
    kind: CodeActionKind.QuickFix,
    diagnostics: [d],
    edit: { changes: { [doc.uri]: [{ range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `${indent}# descriptor-disable-next-line ${rule}\n` }] } },
  };
}

/** `# descriptor-disable <id>` among the comment lines at the top of the file. */
function disableForFile(doc: TextDocument, rule: string, lang: Lang): CodeAction {
  const title = say({ en: `Disable ${rule} for the whole file`, nb: `Slå av ${rule} for hele filen` }, lang);
  for (let line = 0; line < doc.lineCount; line++) {
    const t = lineText(doc, line);
    if (t.trim() !== '' && !t.trimStart().startsWith('#')) break;
    const merged = mergeInto(t, FILE, rule);
    if (merged !== undefined) {
      return { title, kind: CodeActionKind.QuickFix, edit: { changes: { [doc.uri]: [{ range: { start: { line, character: 0 }, end: { line, character: t.length } }, newText: merged }] } } };
    }
  }
  return { title, kind: CodeActionKind.QuickFix, edit: { changes: { [doc.uri]: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: `# descriptor-disable ${rule}\n` }] } } };
}
