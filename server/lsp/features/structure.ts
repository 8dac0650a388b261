/** Outline, folding, navigation and rename for data source ids, and links to attachment files. */
import { pathToFileURL } from 'node:url';
import { resolve } from 'node:path';
import { isMap, isPair, isScalar, isSeq, visit, type Pair, type YAMLMap, type YAMLSeq } from 'yaml';
import type { DocumentLink, DocumentSymbol, FoldingRange, Location, Range, WorkspaceEdit } from 'vscode-languageserver';
import { SymbolKind } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis } from '../../engine/analysis';
import { childAt, rangeOf, scalarText, sourceIdOccurrences, valueAt } from '../../engine/yaml-paths';

const toRange = (doc: TextDocument, s: number, e: number): Range => ({ start: doc.positionAt(s), end: doc.positionAt(e) });

const KIND: Record<string, SymbolKind> = {
  descriptor: SymbolKind.Number, project: SymbolKind.Module, purpose: SymbolKind.Event, population: SymbolKind.Class,
  legal_basis: SymbolKind.Key, consent: SymbolKind.Key, quality_register: SymbolKind.Key, data_sources: SymbolKind.Package,
  linkage: SymbolKind.Interface, approvals: SymbolKind.Array, data_management: SymbolKind.Struct, attachments: SymbolKind.File,
};

export function documentSymbols(doc: TextDocument, analysis: Analysis): DocumentSymbol[] {
  const root = analysis.parsed.doc?.contents;
  if (!isMap(root)) return [];
  const out: DocumentSymbol[] = [];
  for (const p of root.items as Pair<unknown, unknown>[]) {
    const kr = rangeOf(p.key);
    if (!kr || !isScalar(p.key)) continue;
    const name = String(p.key.value);
    const end = rangeOf(p.value)?.[1] ?? kr[1];
    const sym: DocumentSymbol = { name, kind: KIND[name] ?? SymbolKind.Field, range: toRange(doc, kr[0], end), selectionRange: toRange(doc, kr[0], kr[1]), children: [] };
    if (name === 'project') sym.detail = scalarText(p.value, 'title');
    if (name === 'purpose') sym.detail = scalarText(p.value, 'category');
    if (isSeq(p.value)) {
      for (const item of p.value.items) {
        const ir = rangeOf(item);
        if (!ir) continue;
        let label = name === 'data_sources' ? scalarText(item, 'id') ?? scalarText(item, 'source') : scalarText(item, 'kind');
        if (name === 'linkage') label = undefined;
        const child: DocumentSymbol = { name: label ?? '(item)', detail: name === 'data_sources' ? scalarText(item, 'source') : scalarText(item, 'status'), kind: name === 'data_sources' ? SymbolKind.Package : SymbolKind.Object, range: toRange(doc, ir[0], ir[1]), selectionRange: toRange(doc, ir[0], ir[0] + 1), children: [] };
        if (name === 'data_sources' && isMap(item)) {
          const vars = valueAt(item, 'variables');
          if (isSeq(vars)) for (const v of vars.items) {
            const vr = rangeOf(v);
            if (vr) child.children!.push({ name: scalarText(v, 'name') ?? '(variable)', detail: scalarText(v, 'granularity'), kind: SymbolKind.Field, range: toRange(doc, vr[0], vr[1]), selectionRange: toRange(doc, vr[0], vr[0] + 1) });
          }
        }
        sym.children!.push(child);
      }
    }
    if (name === 'linkage' && isMap(p.value)) {
      const links = valueAt(p.value, 'links');
      if (isSeq(links)) for (const l of links.items) {
        const lr = rangeOf(l);
        if (lr && isSeq(l)) sym.children!.push({ name: l.items.map((x) => (isScalar(x) ? String(x.value) : '?')).join(' ↔ '), kind: SymbolKind.Event, range: toRange(doc, lr[0], lr[1]), selectionRange: toRange(doc, lr[0], lr[1]) });
      }
    }
    out.push(sym);
  }
  return out;
}

export function foldingRanges(doc: TextDocument, analysis: Analysis): FoldingRange[] {
  const out: FoldingRange[] = [];
  const parsed = analysis.parsed.doc;
  if (!parsed) return out;
  const fold = (_: unknown, n: YAMLMap | YAMLSeq, path: readonly unknown[]) => {
    const r = rangeOf(n);
    // The document's own top-level map is the whole file: nothing to fold.
    if (!r || path.length <= 1) return;
    // A collection that is a key's value folds from the key's line; an item of a list, from its own.
    const parent = path[path.length - 1];
    const keyStart = isPair(parent) ? rangeOf(parent.key)?.[0] : undefined;
    const s = doc.positionAt(keyStart ?? r[0]).line;
    const e = doc.positionAt(Math.max(r[0], r[1] - 1)).line;
    if (e > s) out.push({ startLine: s, endLine: e });
  };
  visit(parsed, { Map: fold, Seq: fold });
  const seen = new Set<string>();
  return out.filter((f) => f.endLine > f.startLine && !seen.has(`${f.startLine}`) && seen.add(`${f.startLine}`));
}

function idAt(analysis: Analysis, offset: number) {
  const occ = sourceIdOccurrences(analysis.parsed);
  const hit = occ.find((o) => offset >= o.range[0] && offset <= o.range[1]);
  return hit ? { hit, all: occ.filter((o) => o.id === hit.id) } : undefined;
}

export function definition(doc: TextDocument, analysis: Analysis, offset: number): Location[] {
  const x = idAt(analysis, offset);
  if (!x) return [];
  return x.all.filter((o) => o.kind === 'definition').map((o) => ({ uri: doc.uri, range: toRange(doc, o.range[0], o.range[1]) }));
}

export function references(doc: TextDocument, analysis: Analysis, offset: number, includeDeclaration: boolean): Location[] {
  const x = idAt(analysis, offset);
  if (!x) return [];
  return x.all.filter((o) => includeDeclaration || o.kind === 'reference').map((o) => ({ uri: doc.uri, range: toRange(doc, o.range[0], o.range[1]) }));
}

export function prepareRename(doc: TextDocument, analysis: Analysis, offset: number): { range: Range; placeholder: string } | null {
  const x = idAt(analysis, offset);
  if (!x || !x.all.some((o) => o.kind === 'definition')) return null;
  return { range: toRange(doc, x.hit.range[0], x.hit.range[1]), placeholder: x.hit.id };
}

export function rename(doc: TextDocument, analysis: Analysis, offset: number, newName: string): WorkspaceEdit | null {
  const x = idAt(analysis, offset);
  if (!x || !/^[a-z0-9]+(-[a-z0-9]+)*$/.test(newName)) return null;
  return { changes: { [doc.uri]: x.all.map((o) => ({ range: toRange(doc, o.range[0], o.range[1]), newText: newName })) } };
}

export function documentLinks(doc: TextDocument, analysis: Analysis): DocumentLink[] {
  const out: DocumentLink[] = [];
  const root = analysis.parsed.doc?.contents;
  if (!isMap(root) || !analysis.dir) return out;
  const att = valueAt(root, 'attachments');
  if (!isSeq(att)) return out;
  for (const item of att.items) {
    if (!isMap(item)) continue;
    const f = childAt(item, 'file')?.value;
    const r = rangeOf(f);
    // No link to a file outside the descriptor's folder and the workspace, or on a network or device path: following it would open it.
    if (isScalar(f) && typeof f.value === 'string' && r && !analysis.options.pathRefused?.(f.value)) out.push({ range: toRange(doc, r[0], r[1]), target: pathToFileURL(resolve(analysis.dir, f.value)).href });
  }
  return out;
}
