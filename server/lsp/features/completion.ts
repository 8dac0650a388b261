/**
 * Completion that works on half-typed YAML: the path comes from indentation (lines above with less
 * indentation), not from a complete parse. Keys from the schema, enum values with descriptions,
 * catalogue source ids, variable names of the chosen source, local data source ids, file paths.
 */
import { readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { CompletionItemKind, InsertTextFormat, type CompletionItem } from 'vscode-languageserver';
import { findSource, sourceList } from '../../../rules/domain/catalogue';
import { schema, schemaAt } from '../../engine/schema';
import { lineOf } from '../../engine/yaml-paths';
import type { Analysis } from '../../engine/analysis';
import type { Lang } from '../../../rules/domain/types';
import { pick } from '../../../rules/domain/text';
import { applyText, decidesText } from '../../../rules/domain/source-text';


interface Ctx {
  /** Keys (and `-` for sequence items) from the root to the line's parent. */
  path: (string | number)[];
  key?: string;
  /** Text typed so far for the value or key. */
  prefix: string;
  mode: 'key' | 'value';
  /** Inside a flow sequence `[a, |]` on a `links` line. */
  inFlow: boolean;
}

/** Column where a line's content starts after its `- ` item markers, how many markers, and its indentation. */
function shape(l: string): { col: number; items: number; raw: number } {
  const raw = l.length - l.trimStart().length;
  let i = raw;
  let items = 0;
  while (l.startsWith('- ', i) || (l[i] === '-' && i === l.length - 1)) {
    items++;
    i += 2;
    while (l[i] === ' ') i++;
  }
  return { col: Math.min(i, l.length), items, raw };
}

function context(text: string, offset: number): Ctx {
  const lines = text.slice(0, offset).split('\n');
  const cur = lines.pop() ?? '';
  const c = shape(cur);
  const path: (string | number)[] = [];
  let need = c.col;
  if (c.items > 0) {
    for (let k = 0; k < c.items; k++) path.unshift(0);
    need = c.raw;
  }
  for (let i = lines.length - 1; i >= 0 && need > 0; i--) {
    const l = lines[i];
    if (!l.trim() || l.trimStart().startsWith('#')) continue;
    const d = shape(l);
    const key = /^([A-Za-z_][\w-]*)\s*:/.exec(l.slice(d.col))?.[1];
    if (key && d.col < need) {
      path.unshift(key);
      need = d.col;
      if (d.items) {
        for (let k = 0; k < d.items; k++) path.unshift(0);
        need = d.raw;
      }
    } else if (d.items && d.raw < need) {
      for (let k = 0; k < d.items; k++) path.unshift(0);
      need = d.raw;
    }
  }
  const body = cur.slice(c.col);
  const kv = /^([A-Za-z_][\w-]*)\s*:\s*(.*)$/.exec(body);
  if (kv) {
    const after = kv[2];
    const inFlow = after.startsWith('[') || after.startsWith('{');
    const prefix = inFlow ? (/[\w./-]*$/.exec(after)?.[0] ?? '') : after.replace(/^["']/, '');
    return { path, key: kv[1], prefix, mode: 'value', inFlow };
  }
  if (body.startsWith('[')) return { path, prefix: /[\w-]*$/.exec(body)?.[0] ?? '', mode: 'value', inFlow: true };
  return { path, prefix: /^[\w-]*$/.test(body) ? body : '', mode: 'key', inFlow: false };
}

const GRAN_DEFAULT = 'code';

export function complete(analysis: Analysis, offset: number): CompletionItem[] {
  const text = analysis.parsed.text;
  const lang: Lang = analysis.lang;
  const ctx = context(text, offset);
  const items: CompletionItem[] = [];
  const model = analysis.model;

  if (ctx.mode === 'key') {
    const s = schemaAt(schema, ctx.path);
    const props = (s?.properties ?? {}) as Record<string, Record<string, unknown>>;
    for (const [name, p0] of Object.entries(props)) {
      const p = schemaAt(schema, [...ctx.path, name]) ?? p0;
      const obj = p.type === 'object';
      const arr = p.type === 'array';
      const required = ((p.required as string[] | undefined) ?? []).map((r, i) => `\n  ${r}: \${${i + 1}}`).join('');
      items.push({
        label: name,
        kind: CompletionItemKind.Property,
        detail: String(p.title ?? ''),
        documentation: { kind: 'markdown', value: String(p.markdownDescription ?? '') },
        insertTextFormat: InsertTextFormat.Snippet,
        insertText: obj ? `${name}:${required || '\n  $0'}` : arr ? `${name}:\n  - $0` : `${name}: $0`,
      });
    }
    return items;
  }

  // Values.
  const key = ctx.key;
  const top = ctx.path[0];
  const valuePath = key ? [...ctx.path, key] : ctx.path;
  if (key === 'source' && top === 'data_sources') {
    // Each source with its name, custodian and access route; found by its id, abbreviation, names, other names and search words.
    for (const s of sourceList) {
      const route = `${decidesText(s, lang)}; ${applyText(s, lang)}`;
      items.push({
        label: s.id,
        kind: CompletionItemKind.Value,
        labelDetails: { description: s.custodian.now },
        detail: `${s.name[lang]}${s.abbreviation ? ` (${s.abbreviation})` : ''} — ${s.custodian.now}`,
        documentation: { kind: 'markdown', value: [`**${s.name[lang]}** — ${lang === 'nb' ? s.name.en : s.name.nb}`, pick(s.summary, lang), `${pick({ en: 'Custodian', nb: 'Registerforvalter' }, lang)}: ${s.custodian.now}`, `${pick({ en: 'Access', nb: 'Tilgang' }, lang)}: ${route}.`].join('\n\n') },
        filterText: [s.id, ...(s.abbreviation ? [s.abbreviation] : []), s.name.nb, s.name.en, ...s.aliases, ...s.keywords].join(' '),
      });
    }
    return items;
  }
  if (key === 'name' && top === 'data_sources' && model) {
    // The enclosing data source: the last one that starts above the cursor.
    const line = analysis.parsed.lineCounter.linePos(offset).line - 1;
    const ds = [...model.dataSources].reverse().find((d) => (lineOf(analysis.parsed, d.path) ?? Infinity) <= line);
    const src = findSource(ds?.source);
    for (const v of src?.variables ?? []) {
      const also = [...(v.custodian_name && v.custodian_name !== v.name ? [v.custodian_name] : []), ...(v.aliases ?? [])];
      const doc = [v.description[lang], ...(also.length ? [`${pick({ en: 'Also', nb: 'Også' }, lang)}: ${also.join(', ')}`] : [])];
      items.push({
        label: v.name,
        kind: CompletionItemKind.Field,
        detail: `${v.granularity}${v.coarser ? ` (→ ${v.coarser})` : ''}`,
        documentation: doc.join('\n\n'),
        filterText: [v.name, ...also].join(' '),
        insertText: v.name,
      });
    }
    return items;
  }
  if ((top === 'linkage' && (key === 'links' || ctx.inFlow)) || (key === 'source' && ctx.path.includes('control_group'))) {
    for (const d of model?.dataSources ?? []) if (d.id) items.push({ label: d.id, kind: CompletionItemKind.Reference, detail: findSource(d.source)?.name[lang] ?? d.source });
    if (key === 'source') items.push({ label: 'folkeregisteret', kind: CompletionItemKind.Value, detail: findSource('folkeregisteret')?.name[lang] });
    return items;
  }
  // Files beside the descriptor and in the workspace; a folder outside them, or on a network or device path, is not listed.
  if (key === 'file' && top === 'attachments' && analysis.dir && !analysis.options.pathRefused?.(dirname(ctx.prefix + 'x'))) {
    const typed = ctx.prefix;
    const base = resolve(analysis.dir, dirname(typed + 'x'));
    try {
      for (const name of readdirSync(base)) {
        if (name.startsWith('.')) continue;
        const full = join(base, name);
        const dir = statSync(full).isDirectory();
        const rel = join(dirname(typed + 'x') === '.' ? '' : dirname(typed + 'x'), name);
        items.push({ label: rel + (dir ? '/' : ''), kind: dir ? CompletionItemKind.Folder : CompletionItemKind.File, insertText: rel + (dir ? '/' : '') });
      }
    } catch {
      // No such folder yet.
    }
    return items;
  }
  const s = schemaAt(schema, valuePath) ?? schemaAt(schema, [...valuePath, 0]);
  const target = s?.enum ? s : (s?.items as Record<string, unknown> | undefined)?.enum ? (s!.items as Record<string, unknown>) : undefined;
  if (target?.enum) {
    const values = (target.enum as unknown[]).map(String);
    const docs = (target.markdownEnumDescriptions as string[] | undefined) ?? [];
    values.forEach((v, i) => items.push({ label: v, kind: CompletionItemKind.EnumMember, documentation: { kind: 'markdown', value: docs[i] ?? '' }, insertText: v }));
  }
  if (key === 'variables' || (key === undefined && top === 'data_sources' && ctx.path.includes('variables'))) {
    items.push({ label: 'variable', kind: CompletionItemKind.Snippet, insertTextFormat: InsertTextFormat.Snippet, insertText: `name: \${1}\n  granularity: \${2:${GRAN_DEFAULT}}\n  justification: \${3}` });
  }
  return items;
}
