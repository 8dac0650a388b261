/**
 * Code actions: each finding's quick fixes, "fix all <id> problems", disable for these lines or for
 * the whole file (merging ids into a directive that is already there, as vscode-eslint does),
 * show documentation, and the source fix-all. Fix-all runs under the same settings as the diagnostics.
 *
 * The menu names each rule once: its fix-all, its disable actions and its documentation appear once
 * per rule id, however many of its findings the request holds. A fix-all re-checks the file after
 * each fix (up to 200 times), so it is computed only when chosen: a client that resolves code actions
 * (`codeAction/resolve` with `edit`) gets the action with its `data` and asks for the edit then;
 * any other client gets the edit at once. Either way the work stops between re-checks when the
 * request is cancelled, and the request is answered with the protocol's cancellation error.
 */
import type { CancellationToken, CodeAction, CodeActionParams, Diagnostic, TextEdit } from 'vscode-languageserver';
import { CodeActionKind } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { isRuleId, type RuleId } from '../../../rules';
import { say } from '../../../rules/domain/text';
import type { Fix, Lang } from '../../../rules/domain/types';
import { isSafeFix, type FixAllResult } from '../../engine/fix-all';
import { applyFix, diff } from '../../engine/fixes';
import { DIAGNOSTIC_SOURCE, OPEN_RULE_DOCUMENTATION_COMMAND } from '../../engine/product';
import type { DescriptorService, DiagnosticData } from '../service';

import { FIX_ALL_KIND } from './capabilities';


/** What a fix-all action carries until it is resolved: the document and the rule (none: every rule). */
interface FixAllData {
  fixAll: { uri: string; rule?: RuleId };
}

const isFixAllData = (d: unknown): d is FixAllData => {
  const f = (d as Partial<FixAllData> | null)?.fixAll;
  return typeof f === 'object' && f !== null && typeof f.uri === 'string' && (f.rule === undefined || isRuleId(f.rule));
};

function edit(doc: TextDocument, before: string, after: string): TextEdit[] {
  const d = diff(before, after);
  return [{ range: { start: doc.positionAt(d.start), end: doc.positionAt(d.end) }, newText: d.text }];
}

/**
 * Thrown when the request was cancelled. The connection (in the server's own bundle) answers it with
 * the protocol's cancellation error: see `registerFeatures`.
 */
class RequestCancelled extends Error {
  constructor() {
    super('The request was cancelled.');
  }
}
const cancelled = () => new RequestCancelled();

/**
 * Runs fix-all's steps, letting the connection read its messages between re-checks, and stops with
 * the cancellation error as soon as the request is cancelled.
 */
async function runFixAll(service: DescriptorService, doc: TextDocument, rule: RuleId | undefined, token: CancellationToken): Promise<FixAllResult> {
  const steps = service.fixAllSteps(doc, rule);
  for (;;) {
    if (token.isCancellationRequested) throw cancelled();
    const step = steps.next();
    if (step.done) return step.value;
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

const fixAllTitle = (rule: RuleId | undefined, lang: Lang) =>
  rule ? say({ en: `Fix all ${rule} problems`, nb: `Rett alle ${rule}-problemer` }, lang) : say({ en: 'Fix all auto-fixable problems', nb: 'Rett alle problemer som kan rettes automatisk' }, lang);

interface CodeActionOptions {
  /** The client resolves an action's `edit` through `codeAction/resolve`: fix-all is then computed on request only. */
  resolveEdits: boolean;
}

export async function codeActions(doc: TextDocument, service: DescriptorService, params: CodeActionParams, token: CancellationToken, opts: CodeActionOptions): Promise<CodeAction[]> {
  if (token.isCancellationRequested) throw cancelled();
  const analysis = service.analyze(doc);
  const lang = analysis.lang;
  const text = doc.getText();
  const only = params.context.only;
  const wants = (kind: string) => !only || only.some((o) => kind === o || kind.startsWith(`${o}.`));
  const actions: CodeAction[] = [];

  /** A fix-all action: its edit now, or only its data when the client resolves it later. */
  const fixAllAction = async (rule: RuleId | undefined, kind: string, diagnostics: Diagnostic[] | undefined, atLeast: number): Promise<CodeAction | undefined> => {
    const base: CodeAction = { title: fixAllTitle(rule, lang), kind, ...(diagnostics ? { diagnostics } : {}) };
    if (opts.resolveEdits) return { ...base, data: { fixAll: { uri: doc.uri, ...(rule ? { rule } : {}) } } satisfies FixAllData };
    const { text: out, fixed } = await runFixAll(service, doc, rule, token);
    return fixed.length >= atLeast ? { ...base, edit: { changes: { [doc.uri]: edit(doc, text, out) } } } : undefined;
  };

  if (wants(CodeActionKind.QuickFix)) {
    // The request's findings of each rule, in order: the menu names each rule once.
    const byRule = new Map<RuleId, Diagnostic[]>();
    for (const d of params.context.diagnostics) {
      if (d.source !== DIAGNOSTIC_SOURCE) continue;
      const data = d.data as DiagnosticData | undefined;
      const rule = typeof d.code === 'string' ? d.code : data?.rule;
      if (!rule || !isRuleId(rule)) continue;
      byRule.set(rule, [...(byRule.get(rule) ?? []), d]);
      for (const f of data?.fixes ?? []) {
        // The analysis' own parse of this text: a quick fix on a large file costs no second parse.
        const out = applyFix(text, f as Fix, analysis.parsed);
        if (out === text) continue;
        actions.push({ title: say(f.title, lang), kind: CodeActionKind.QuickFix, diagnostics: [d], isPreferred: isSafeFix(f as Fix), edit: { changes: { [doc.uri]: edit(doc, text, out) } } });
      }
    }
    // "Fix all <id> problems": when the rule has more than one finding with a safe fix (never a guess).
    const safeCounts = new Map<RuleId, number>();
    for (const r of analysis.results) if (r.fixes.some(isSafeFix)) safeCounts.set(r.rule, (safeCounts.get(r.rule) ?? 0) + 1);
    for (const [rule, ds] of byRule) {
      if ((safeCounts.get(rule) ?? 0) < 2) continue;
      const action = await fixAllAction(rule, CodeActionKind.QuickFix, ds, 2);
      if (action) actions.push(action);
    }
    for (const [rule, ds] of byRule) actions.push(disableForLines(doc, ds, rule, lang));
    for (const rule of byRule.keys()) actions.push(disableForFile(doc, rule, lang));
    for (const [rule, ds] of byRule) {
      const docs = say({ en: `Show documentation for ${rule}`, nb: `Vis dokumentasjon for ${rule}` }, lang);
      actions.push({ title: docs, kind: CodeActionKind.QuickFix, diagnostics: ds, command: { title: docs, command: OPEN_RULE_DOCUMENTATION_COMMAND, arguments: [rule] } });
    }
  }
  if (only && (only.includes(CodeActionKind.SourceFixAll) || only.includes(FIX_ALL_KIND) || only.includes(CodeActionKind.Source))) {
    // Offered when any finding has a safe fix; resolved, it may still change nothing (a fix that would break the file is skipped).
    if (opts.resolveEdits ? analysis.results.some((r) => r.fixes.some(isSafeFix)) : true) {
      const action = await fixAllAction(undefined, FIX_ALL_KIND, undefined, 1);
      if (action) actions.push(action);
    }
  }
  return actions;
}

/** The edit of a fix-all action the client chose (`codeAction/resolve`); other actions come back as they are. */
export async function resolveCodeAction(action: CodeAction, doc: (uri: string) => TextDocument | undefined, service: DescriptorService, token: CancellationToken): Promise<CodeAction> {
  if (!isFixAllData(action.data) || action.edit) return action;
  const d = doc(action.data.fixAll.uri);
  if (!d) return action;
  // The document as it is now: the edit is applied to it.
  const text = d.getText();
  const { text: out } = await runFixAll(service, d, action.data.fixAll.rule, token);
  return { ...action, edit: { changes: { [d.uri]: out === text ? [] : edit(d, text, out) } } };
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

/** "Disable <id> for this line" (or for these lines): one action per rule, a directive above each line of its findings. */
function disableForLines(doc: TextDocument, ds: Diagnostic[], rule: string, lang: Lang): CodeAction {
  const flagged = new Set(ds.map((d) => d.range.start.line));
  const lines = [...flagged].sort((a, b) => a - b);
  const title =
    lines.length === 1
      ? say({ en: `Disable ${rule} for this line`, nb: `Slå av ${rule} for denne linjen` }, lang)
      : say({ en: `Disable ${rule} for these ${lines.length} lines`, nb: `Slå av ${rule} for disse ${lines.length} linjene` }, lang);
  const edits: TextEdit[] = lines.map((line) => {
    const above = line > 0 ? lineText(doc, line - 1) : '';
    // The line above is merged into only when it is not itself one of the lines to disable (edits must not overlap).
    const merged = line > 0 && !flagged.has(line - 1) ? mergeInto(above, NEXT_LINE, rule) : undefined;
    if (merged !== undefined) return { range: { start: { line: line - 1, character: 0 }, end: { line: line - 1, character: above.length } }, newText: merged };
    const indent = /^\s*/.exec(lineText(doc, line))?.[0] ?? '';
    return { range: { start: { line, character: 0 }, end: { line, character: 0 } }, newText: `${indent}# descriptor-disable-next-line ${rule}\n` };
  });
  return { title, kind: CodeActionKind.QuickFix, diagnostics: ds, edit: { changes: { [doc.uri]: edits } } };
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
