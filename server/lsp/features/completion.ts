/**
 * Completion that works on half-typed YAML: the path comes from indentation (lines above with less
 * indentation), not from a complete parse. Keys from the schema (not those already written), enum
 * values with their names (granularity coarse to fine), catalogue source ids, variable names of the
 * chosen source, local data source ids, file paths; block snippets only where their block fits,
 * ranked after all of these.
 */
import { readdirSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import type { CompletionItem } from 'vscode-languageserver';
import { CompletionItemKind, InsertTextFormat } from 'vscode-languageserver-types';
import { findSource, sourceList } from '../../../rules/domain/catalogue';
import type { Model } from '../../../rules/domain/model';
import { applyText, decidesText } from '../../../rules/domain/source-text';
import { pick, say } from '../../../rules/domain/text';
import type { Lang, Localized } from '../../../rules/domain/types';
import { APPROVAL_NAME, ATTACHMENT_NAME, GRANULARITY_FAMILIES, GRANULARITY_TEXT, PURPOSE_INFO } from '../../../rules/domain/vocabulary';
import type { Analysis } from '../../engine/analysis';
import { schemaAt, schemaFor } from '../../engine/schema';
import { lineOf } from '../../engine/yaml-paths';
import { APPROVAL_AUTHORITY, ARTICLE_6, ARTICLE_9, PRODUCT_NAME, ROLE, STUDY_DESIGN, TRANSFER_BASIS } from '../../report/words';
import { approvalSnippet, attachmentSnippet, fileSnippets, sourceSnippets, variableSnippet } from './snippets';


interface Ctx {
  /** Keys (and `-` for sequence items) from the root to the line's parent. */
  path: (string | number)[];
  key?: string;
  /** Text typed so far for the value or key. */
  prefix: string;
  mode: 'key' | 'value';
  /** Inside a flow sequence `[a, |]` on a `links` line. */
  inFlow: boolean;
  /** The column the line's key starts at, and how many `- ` markers come before it. */
  col: number;
  items: number;
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
  // A flow mapping item, `- { name: x, granularity: |`: the last key before the cursor, in the item.
  const flow = body.startsWith('{') ? /([A-Za-z_][\w-]*)\s*:\s*([^,{}]*)$/.exec(body) : null;
  if (flow) return { path, key: flow[1], prefix: flow[2].replace(/^["']/, ''), mode: 'value', inFlow: false, col: c.col, items: c.items };
  const kv = /^([A-Za-z_][\w-]*)\s*:\s*(.*)$/.exec(body);
  if (kv) {
    const after = kv[2];
    const inFlow = after.startsWith('[') || after.startsWith('{');
    const prefix = inFlow ? (/[\w./-]*$/.exec(after)?.[0] ?? '') : after.replace(/^["']/, '');
    return { path, key: kv[1], prefix, mode: 'value', inFlow, col: c.col, items: c.items };
  }
  if (body.startsWith('[')) return { path, prefix: /[\w-]*$/.exec(body)?.[0] ?? '', mode: 'value', inFlow: true, col: c.col, items: c.items };
  return { path, prefix: /^[\w-]*$/.test(body) ? body : '', mode: 'key', inFlow: false, col: c.col, items: c.items };
}

/** Where a block snippet fits: the list it adds an entry to. */
const LIST_SNIPPETS: Readonly<Record<string, (lang: Lang, dash: boolean) => CompletionItem[]>> = {
  data_sources: sourceSnippets,
  variables: (lang, dash) => [variableSnippet(lang, dash)],
  approvals: (lang, dash) => [approvalSnippet(lang, dash)],
  attachments: (lang, dash) => [attachmentSnippet(lang, dash)],
};

/**
 * The keys already written in the mapping the cursor's line belongs to: the lines above and below at
 * the same column, up to the lines that open or close the mapping (less indented, or a new `- ` item).
 */
function presentKeys(text: string, offset: number, col: number): Set<string> {
  const lines = text.split('\n');
  const here = text.slice(0, offset).split('\n').length - 1;
  const keys = new Set<string>();
  const keyAt = (l: string, d: ReturnType<typeof shape>) => /^([A-Za-z_][\w-]*)\s*:/.exec(l.slice(d.col))?.[1];
  for (let i = here - 1; i >= 0; i--) {
    const l = lines[i];
    if (!l.trim() || l.trimStart().startsWith('#')) continue;
    const d = shape(l);
    if (d.col < col) break;
    if (d.col > col) continue;
    const k = keyAt(l, d);
    if (k) keys.add(k);
    if (d.items > 0) break; // the first key of this item
  }
  for (let i = here + 1; i < lines.length; i++) {
    const l = lines[i];
    if (!l.trim() || l.trimStart().startsWith('#')) continue;
    const d = shape(l);
    if (d.col < col || (d.col === col && d.items > 0)) break;
    if (d.col > col) continue;
    const k = keyAt(l, d);
    if (k) keys.add(k);
  }
  return keys;
}

/** Whether the document holds nothing yet but the line being typed (and comments). */
function emptyBut(text: string, offset: number): boolean {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const end = text.indexOf('\n', offset);
  const rest = text.slice(0, start) + text.slice(end === -1 ? text.length : end);
  return rest.split('\n').every((l) => !l.trim() || l.trimStart().startsWith('#'));
}

/** Sorts before snippets, in the order given. */
const rank = (i: number) => `0${String(i).padStart(3, '0')}`;

export function complete(analysis: Analysis, offset: number): CompletionItem[] {
  const text = analysis.parsed.text;
  const lang: Lang = analysis.lang;
  const ctx = context(text, offset);
  const items: CompletionItem[] = [];
  const model = analysis.model;
  const localized = schemaFor(lang);

  if (ctx.mode === 'key') {
    const s = schemaAt(localized, ctx.path);
    const props = (s?.properties ?? {}) as Record<string, Record<string, unknown>>;
    const present = presentKeys(text, offset, ctx.col);
    Object.keys(props).forEach((name, i) => {
      if (present.has(name) && name !== ctx.prefix) return;
      const p = schemaAt(localized, [...ctx.path, name]) ?? props[name];
      const obj = p.type === 'object';
      const arr = p.type === 'array';
      const required = ((p.required as string[] | undefined) ?? []).map((r, j) => `\n  ${r}: \${${j + 1}}`).join('');
      items.push({
        label: name,
        kind: CompletionItemKind.Property,
        detail: String(p.title ?? ''),
        documentation: { kind: 'markdown', value: String(p.markdownDescription ?? '') },
        insertTextFormat: InsertTextFormat.Snippet,
        insertText: obj ? `${name}:${required || '\n  $0'}` : arr ? `${name}:\n  - $0` : `${name}: $0`,
        sortText: rank(i),
      });
    });
    // A whole descriptor only in an empty file; a block only where its list is.
    if (ctx.path.length === 0 && emptyBut(text, offset)) items.push(...fileSnippets(lang));
    const last = ctx.path[ctx.path.length - 1];
    const list = typeof last === 'string' ? last : last === 0 && present.size === 0 && ctx.items > 0 ? ctx.path[ctx.path.length - 2] : undefined;
    const block = typeof list === 'string' ? LIST_SNIPPETS[list] : undefined;
    if (block) items.push(...block(lang, typeof last === 'string'));
    return items;
  }

  // Values: the catalogue, the local ids, the files, the enum values, never a snippet.
  const key = ctx.key;
  const top = ctx.path[0];
  const valuePath = key ? [...ctx.path, key] : ctx.path;
  if (key === 'source' && top === 'data_sources') {
    // Each source with its name, custodian and access route; found by its id, abbreviation, names, other names and search words.
    sourceList.forEach((s, i) => {
      const route = `${decidesText(s, lang)}; ${applyText(s, lang)}`;
      items.push({
        label: s.id,
        kind: CompletionItemKind.Value,
        labelDetails: { description: s.custodian.now },
        detail: `${s.name[lang]}${s.abbreviation ? ` (${s.abbreviation})` : ''} — ${s.custodian.now}`,
        documentation: { kind: 'markdown', value: [`**${s.name[lang]}** — ${lang === 'nb' ? s.name.en : s.name.nb}`, pick(s.summary, lang), `${pick({ en: 'Custodian', nb: 'Registerforvalter' }, lang)}: ${s.custodian.now}`, `${pick({ en: 'Access', nb: 'Tilgang' }, lang)}: ${route}.`].join('\n\n') },
        filterText: [s.id, ...(s.abbreviation ? [s.abbreviation] : []), s.name.nb, s.name.en, ...s.aliases, ...s.keywords].join(' '),
        sortText: rank(i),
      });
    });
    return items;
  }
  if (key === 'name' && top === 'data_sources' && ctx.path.includes('variables') && model) {
    const src = findSource(sourceAbove(analysis, offset)?.source);
    src?.variables.forEach((v, i) => {
      const also = [...(v.custodian_name && v.custodian_name !== v.name ? [v.custodian_name] : []), ...(v.aliases ?? [])];
      const doc = [v.description[lang], ...(also.length ? [`${pick({ en: 'Also', nb: 'Også' }, lang)}: ${also.join(', ')}`] : [])];
      items.push({
        label: v.name,
        kind: CompletionItemKind.Field,
        labelDetails: { description: v.description[lang].length > 48 ? `${v.description[lang].slice(0, 47)}…` : v.description[lang] },
        detail: `${v.granularity}${v.coarser ? ` (→ ${v.coarser})` : ''}`,
        documentation: doc.join('\n\n'),
        filterText: [v.name, ...also, v.description.en, v.description.nb].join(' '),
        insertText: v.name,
        sortText: rank(i),
      });
    });
    // A source the catalogue has no variables for: say so, instead of leaving the list to word completion.
    if (!src?.variables.length) {
      const name = src ? src.name[lang] : sourceAbove(analysis, offset)?.source ?? '';
      items.push({
        label: ctx.prefix || '…',
        kind: CompletionItemKind.Text,
        labelDetails: { description: say(NO_VARIABLES, lang, name) },
        documentation: say(NO_VARIABLES_DOC, lang),
        filterText: ctx.prefix || '…',
        insertText: ctx.prefix,
        sortText: rank(0),
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
  const s = schemaAt(localized, valuePath) ?? schemaAt(localized, [...valuePath, 0]);
  const target = s?.enum ? s : (s?.items as Record<string, unknown> | undefined)?.enum ? (s!.items as Record<string, unknown>) : undefined;
  if (target?.enum) {
    const values = (target.enum as unknown[]).map(String);
    const docs = (target.markdownEnumDescriptions as string[] | undefined) ?? [];
    const order = key === 'granularity' ? granularityOrder(analysis, offset, values) : values;
    for (const v of values) {
      const name = valueName(key, ctx.path, v, lang);
      items.push({
        label: v,
        kind: CompletionItemKind.EnumMember,
        ...(name ? { labelDetails: { description: name } } : {}),
        documentation: { kind: 'markdown', value: docs[values.indexOf(v)] ?? '' },
        insertText: v,
        sortText: rank(order.indexOf(v)),
      });
    }
  }
  return items;
}

const NO_VARIABLES = { en: 'no variables of {0} are in the catalogue', nb: 'katalogen har ingen variabler for {0}' } as const;
const NO_VARIABLES_DOC = {
  en: "The catalogue knows no variable names for this source: write the custodian's own name for each variable (see the source's variable list on its page).",
  nb: 'Katalogen kjenner ingen variabelnavn for denne kilden: skriv registerforvalterens eget navn på hver variabel (se variabellisten på kildens side).',
} as const;

/** The data source whose entry starts last above the cursor. */
function sourceAbove(analysis: Analysis, offset: number): Model['dataSources'][number] | undefined {
  const line = analysis.parsed.lineCounter.linePos(offset).line - 1;
  return [...(analysis.model?.dataSources ?? [])].reverse().find((d) => (lineOf(analysis.parsed, d.path) ?? Infinity) <= line);
}

/** Coarse to fine within each family, the families a caseworker sees most first; the codes and values after. */
const COARSE_TO_FINE = [...GRANULARITY_FAMILIES.flatMap((f) => [...f].reverse()), 'category', 'code', 'value', 'boolean', 'free-text'];

/**
 * The granularities, coarse to fine; the family of the variable being written first (from the
 * catalogue's granularity for its name, else its name: a date, an age, a place), so a date offers
 * year, month, date before the rest, and nothing fine is preselected.
 */
function granularityOrder(analysis: Analysis, offset: number, values: readonly string[]): string[] {
  const text = analysis.parsed.text;
  const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
  const around = text.slice(Math.max(0, lineStart - 400), text.indexOf('\n', offset) === -1 ? text.length : text.indexOf('\n', offset));
  const name = [...around.matchAll(/name:\s*["']?([\w.-]+)/g)].pop()?.[1] ?? '';
  const known = findSource(sourceAbove(analysis, offset)?.source)?.variables.find((v) => v.name === name || v.custodian_name === name)?.granularity;
  const guess = known ?? (/date|dato|time|tid|birth|født|death|død/i.test(name) ? 'date' : /age|alder/i.test(name) ? 'age-exact' : /municip|kommune|address|adresse|post|residen|bosted|county|fylke/i.test(name) ? 'municipality' : /hospital|sykehus|department|avdeling|trust|foretak/i.test(name) ? 'hospital' : undefined);
  const family = GRANULARITY_FAMILIES.find((f) => guess !== undefined && f.includes(guess));
  const first = family ? [...family].reverse() : [];
  const rest = COARSE_TO_FINE.filter((g) => !first.includes(g));
  return [...first, ...rest, ...values.filter((v) => !first.includes(v) && !rest.includes(v))];
}

/** What an enum value means, in words, beside it in the list: a purpose's name, an approval with who decides, a letter of the GDPR. */
function valueName(key: string | undefined, path: readonly (string | number)[], v: string, lang: Lang): string | undefined {
  const top = path[0];
  const table: Readonly<Record<string, Localized>> | undefined =
    key === 'category' || key === 'purpose' || (top === 'purpose' && path.includes('secondary'))
      ? Object.fromEntries(Object.entries(PURPOSE_INFO).map(([k, x]) => [k, x.name]))
      : key === 'kind' && top === 'approvals'
        ? APPROVAL_NAME
        : key === 'kind' && top === 'attachments'
          ? ATTACHMENT_NAME
          : key === 'granularity'
            ? GRANULARITY_TEXT
            : key === 'role'
              ? ROLE
              : key === 'study_design'
                ? STUDY_DESIGN
                : key === 'product'
                  ? PRODUCT_NAME
                  : key === 'gdpr_article_6'
                    ? ARTICLE_6
                    : key === 'gdpr_article_9'
                      ? ARTICLE_9
                      : key === 'basis'
                        ? TRANSFER_BASIS
                        : key === 'status'
                          ? STATUS_NAME
                          : key === 'model' && top === 'linkage'
                            ? LINKAGE_SHORT
                            : key === 'language'
                              ? LANGUAGE_NAME
                              : undefined;
  const name = table?.[v] ? pick(table[v], lang) : undefined;
  if (!name) return undefined;
  const who = key === 'kind' && top === 'approvals' ? APPROVAL_AUTHORITY[v] : undefined;
  return who && !name.includes(pick(who, lang)) ? `${name} · ${pick(who, lang)}` : name;
}

const STATUS_NAME: Readonly<Record<string, Localized>> = {
  planned: { en: 'planned', nb: 'planlagt' },
  applied: { en: 'applied for, awaiting decision', nb: 'søkt, venter på vedtak' },
  granted: { en: 'granted', nb: 'innvilget' },
  rejected: { en: 'rejected', nb: 'avslått' },
};
const LINKAGE_SHORT: Readonly<Record<string, Localized>> = {
  none: { en: 'no linkage', nb: 'ingen kobling' },
  distributed: { en: 'the project links on serial numbers', nb: 'prosjektet kobler på løpenumre' },
  centralized: { en: 'one custodian links', nb: 'én registerforvalter kobler' },
};
const LANGUAGE_NAME: Readonly<Record<string, Localized>> = { en: { en: 'English', nb: 'engelsk' }, nb: { en: 'Norwegian bokmål', nb: 'norsk bokmål' } };
