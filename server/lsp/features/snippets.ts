/**
 * Snippets, offered by completion only where their block fits: a whole descriptor in an empty file,
 * a data source in `data_sources`, a variable in `variables`, an approval in `approvals`, an
 * attachment in `attachments`. Their placeholders are the product's own (rules/domain/placeholders.ts),
 * in the user's language, so `placeholder-left` finds what was not filled in.
 */
import type { CompletionItem } from 'vscode-languageserver';
import { CompletionItemKind, InsertTextFormat } from 'vscode-languageserver-types';
import { sourceList, type Source } from '../../../rules/domain/catalogue';
import { isDirectIdentifier } from '../../../rules/domain/identifiers';
import { PLACEHOLDER } from '../../../rules/domain/placeholders';
import { pick, say } from '../../../rules/domain/text';
import type { Lang } from '../../../rules/domain/types';
import { APPROVAL_NAME, ATTACHMENT_NAME, PRODUCTS, PURPOSE_INFO, PURPOSES, RESEARCH_PURPOSES } from '../../../rules/domain/vocabulary';

/** Text inside a snippet placeholder: `$`, `}` and `\` are escaped. */
const esc = (s: string) => s.replace(/[$}\\]/g, (c) => `\\${c}`);
const choice = (values: readonly string[]) => `|${values.map((v) => v.replace(/[,|$}\\]/g, (c) => `\\${c}`)).join(',')}|`;

const STUDY_DESIGNS = ['cohort', 'case-control', 'natural-experiment', 'registry-follow-up', 'cross-sectional', 'clinical-trial', 'other'];
const COARSE_GRANULARITIES = ['year', 'month', 'code', 'category', 'county', 'health-region', 'value'];

/** Ranks snippets after the catalogue, the keys and the values in every list they join. */
const SNIPPET_RANK = '9';

const WORDS = {
  descriptor: { en: 'New descriptor: {0}', nb: 'Ny prosjektbeskrivelse: {0}' },
  descriptorDetail: { en: 'A whole descriptor for this purpose, with placeholders to replace', nb: 'En hel prosjektbeskrivelse for dette formålet, med plassholdere å erstatte' },
  source: { en: 'Data source block: {0}', nb: 'Datakildeblokk: {0}' },
  variable: { en: 'Variable block', nb: 'Variabelblokk' },
  variableDetail: { en: 'name, granularity and justification', nb: 'navn, detaljnivå og begrunnelse' },
  approval: { en: 'Approval block', nb: 'Godkjenningsblokk' },
  attachment: { en: 'Attachment block', nb: 'Vedleggsblokk' },
} as const;

const snippet = (label: string, detail: string, body: string[], sortKey: string, filterText?: string): CompletionItem => ({
  label,
  kind: CompletionItemKind.Snippet,
  detail,
  insertTextFormat: InsertTextFormat.Snippet,
  insertText: body.join('\n'),
  sortText: `${SNIPPET_RANK}${sortKey}`,
  ...(filterText ? { filterText } : {}),
});

/** A whole descriptor per purpose, for an empty file. */
export function fileSnippets(lang: Lang): CompletionItem[] {
  const p = (k: keyof typeof PLACEHOLDER) => esc(pick(PLACEHOLDER[k], lang));
  return PURPOSES.map((purpose, i) => {
    const body = [
      'descriptor: 1',
      '',
      'project:',
      `  title: \${1:${p('title')}}`,
      `  institution: \${2:${p('institution')}}`,
      '  staff:',
      `    - { name: \${3:${p('lead')}}, role: project-lead }`,
      '',
      'purpose:',
      `  category: ${purpose}`,
      ...(purpose === 'product-development' ? [`  product: \${4${choice(PRODUCTS)}}`] : []),
      `  description: \${5:${p('description')}}`,
      ...(RESEARCH_PURPOSES.has(purpose) ? ['  research_questions:', `    - \${6:${p('question')}}`, `  study_design: \${7${choice(STUDY_DESIGNS)}}`, '', 'population:', `  target: \${8:${p('target')}}`, `  study: \${9:${p('study')}}`] : []),
      '',
      'legal_basis:',
      `  consent: \${10${choice(['false', 'true'])}}`,
      `  gdpr_article_6: \${11${choice(['e', 'a', 'b', 'c', 'd', 'f'])}}`,
      `  gdpr_article_9: \${12${choice(['j', 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i'])}}`,
      '',
      'data_sources:',
      ...sourceBody(undefined, lang, 13),
      '',
      'approvals:',
      '  - { kind: dpo-assessment, status: planned }',
      '',
      'data_management:',
      `  storage: \${20:${p('storage')}}`,
      '  retention_until: ${21:2030-12-31}',
      `  deletion: \${22:${p('deletion')}}`,
      '  security_measures: [${23:access control}]',
      '$0',
    ];
    return snippet(say(WORDS.descriptor, lang, PURPOSE_INFO[purpose].name[lang]), say(WORDS.descriptorDetail, lang), body, String(i).padStart(2, '0'), `descriptor ${purpose} ${PURPOSE_INFO[purpose].name.en} ${PURPOSE_INFO[purpose].name.nb}`);
  });
}

/** A data source entry, `- id: ...` at two spaces, numbered from `first`; the catalogue's own variables where it knows them. */
function sourceBody(s: Source | undefined, lang: Lang, first: number): string[] {
  const why = esc(pick(PLACEHOLDER.justification, lang));
  // Two variables to start from, never one that identifies a person directly.
  const vars = (s?.variables ?? []).filter((v) => !v.direct_identifier && !isDirectIdentifier(v.name, v.granularity)).slice(0, 2);
  const lines = vars.length
    ? vars.map((v, i) => `      - { name: ${v.name}, granularity: ${v.coarser ?? v.granularity}, justification: \${${first + 2 + i}:${why}} }`)
    : [`      - { name: \${${first + 2}:${esc(pick(PLACEHOLDER.variable, lang))}}, granularity: \${${first + 3}${choice(COARSE_GRANULARITIES)}}, justification: \${${first + 4}:${why}} }`];
  return [`  - id: \${${first}:${s?.id ?? 'npr'}}`, `    source: ${s ? s.id : `\${${first + 1}:npr}`}`, '    variables:', ...lines];
}

/** One data source block per catalogue source; `dash` when the line has no `- ` yet. */
export function sourceSnippets(lang: Lang, dash: boolean): CompletionItem[] {
  return sourceList.map((s) => {
    const body = sourceBody(s, lang, 1).map((l) => l.slice(2));
    if (!dash) body[0] = body[0].slice(2);
    body.push('$0');
    return snippet(say(WORDS.source, lang, s.name[lang]), `${s.id}${s.abbreviation ? ` · ${s.abbreviation}` : ''} · ${s.custodian.now}`, body, s.id, [s.id, s.abbreviation ?? '', s.name.en, s.name.nb, ...s.aliases].join(' '));
  });
}

export function variableSnippet(lang: Lang, dash: boolean): CompletionItem {
  const body = [`${dash ? '- ' : ''}name: \${1:${esc(pick(PLACEHOLDER.variable, lang))}}`, `  granularity: \${2${choice(['year', 'month', 'date', 'age-band', 'county', 'health-region', 'code', 'category', 'value', 'boolean'])}}`, `  justification: \${3:${esc(pick(PLACEHOLDER.justification, lang))}}`, '$0'];
  return snippet(say(WORDS.variable, lang), say(WORDS.variableDetail, lang), body, 'variable');
}

export function approvalSnippet(lang: Lang, dash: boolean): CompletionItem {
  const body = [`${dash ? '- ' : ''}kind: \${1${choice(Object.keys(APPROVAL_NAME))}}`, '  status: ${2|planned,applied,granted,rejected|}', '$0'];
  return snippet(say(WORDS.approval, lang), 'kind, status', body, 'approval');
}

export function attachmentSnippet(lang: Lang, dash: boolean): CompletionItem {
  const body = [`${dash ? '- ' : ''}kind: \${1${choice([...Object.keys(ATTACHMENT_NAME)])}}`, `  file: \${2:${esc(pick(PLACEHOLDER.file, lang))}}`, '$0'];
  return snippet(say(WORDS.attachment, lang), 'kind, file', body, 'attachment');
}
