/**
 * Norwegian that reads as Norwegian: no English word left inside a Norwegian string. Checks every
 * Norwegian text the product ships (rule metadata, routing rows, vocabulary, preview labels) and
 * every Norwegian message the checker writes for the fixtures, the scenarios and the examples.
 * Code in backticks, URLs and names of laws and bodies are not prose and are skipped.
 */
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ruleMetas } from '../../rules';
import { ATTACHMENT_ROWS, AUTHORITY_NAME, REQUIREMENT_ROWS } from '../../rules/domain/routing';
import { APPROVAL_NAME, ATTACHMENT_NAME, CONSENT_CONDITION_TEXT, GRANULARITY_TEXT, PURPOSE_INFO } from '../../rules/domain/vocabulary';
import { STRINGS } from '../../client/strings';
import { baselineOptions, findBaseline } from '../../server/host/baseline';
import { check } from '../../server/engine/engine';
import { parse } from '../../server/engine/parse';
import { renderMarkdown } from '../../server/report/requirements-render';
import { WORDS } from '../../server/report/words';
import { GENERIC_CUSTODIAN, LINKER_WORDS } from '../../server/report/requirements-model';
import { norwegianTexts } from '../../server/report/words';
import { portfolioNorwegianTexts } from '../../server/report/portfolio/words';
import { DMP_WORDS } from '../../server/report/dmp';
import { STANDING_TEXT } from '../../server/report/requirements-model';
import { requirementsModel } from '../../server/report/requirements-model';
import { DescriptorService } from '../../server/lsp/service';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { pathToFileURL } from 'node:url';

/** English words that do not belong in Norwegian prose (all lower case). */
export const ENGLISH_LEFTOVERS = [
  'the', 'and', 'of', 'is', 'are', 'with', 'without', 'must', 'should', 'needs', 'missing', 'granted', 'applied', 'planned',
  'rejected', 'approval', 'approvals', 'exemption', 'required', 'consent', 'research', 'health', 'staff', 'postcode', 'municipality',
  'department', 'hospital', 'level', 'plain', 'language', 'separable', 'false', 'true', 'none', 'route', 'status', 'attachment',
];
const LEFTOVER = new RegExp(`\\b(${ENGLISH_LEFTOVERS.join('|')})\\b`, 'i');

/** The prose of a string: without code spans, placeholders, URLs and Markdown link targets. */
export const prose = (s: string) => s.replace(/`[^`]*`/g, ' ').replace(/\{\w+\}/g, ' ').replace(/\]\([^)]*\)/g, ']').replace(/https?:\/\/\S+/g, ' ');

function leftovers(texts: { where: string; nb: string }[]): string[] {
  return texts.filter((t) => LEFTOVER.test(prose(t.nb))).map((t) => `${t.where}: «${t.nb}» (${LEFTOVER.exec(prose(t.nb))![1]})`);
}

function yamlFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? yamlFiles(p) : n.endsWith('.yaml') ? [p] : [];
  });
}

describe('Norwegian without English leftovers', () => {
  it('notices an English word in a Norwegian sentence', () => {
    assert.equal(leftovers([{ where: 'x', nb: 'Samtykket er ikke plain language' }]).length, 1);
    assert.equal(leftovers([{ where: 'x', nb: 'Før opp `dpo-assessment` under `approvals`.' }]).length, 0);
  });

  it('in rule descriptions, remedies, messages and fix titles', () => {
    const texts = ruleMetas.flatMap((m) => [
      { where: `${m.id} description`, nb: m.description.nb },
      { where: `${m.id} remediation`, nb: m.remediation.nb },
      ...Object.entries(m.messages).map(([k, v]) => ({ where: `${m.id} message ${k}`, nb: (v as { nb: string }).nb })),
    ]);
    assert.deepEqual(leftovers(texts), []);
  });

  it('in the routing tables, the vocabulary, the linkage diagram and the application package', () => {
    const texts = [
      ...[...REQUIREMENT_ROWS, ...ATTACHMENT_ROWS].map((r) => ({ where: `row ${r.kind}`, nb: r.why.nb })),
      ...Object.entries(AUTHORITY_NAME).map(([k, v]) => ({ where: `authority ${k}`, nb: v.nb })),
      ...Object.entries(PURPOSE_INFO).flatMap(([k, v]) => [{ where: `purpose ${k}`, nb: v.name.nb }, { where: `purpose ${k}`, nb: v.explanation.nb }]),
      ...Object.entries(CONSENT_CONDITION_TEXT).map(([k, v]) => ({ where: `consent ${k}`, nb: v.nb })),
      ...Object.entries(GRANULARITY_TEXT).map(([k, v]) => ({ where: `granularity ${k}`, nb: v.nb })),
      ...Object.entries(STRINGS).map(([k, v]) => ({ where: `client ${k}`, nb: v.nb })),
      ...Object.entries(APPROVAL_NAME).map(([k, v]) => ({ where: `approval ${k}`, nb: v.nb })),
      ...Object.entries(ATTACHMENT_NAME).map(([k, v]) => ({ where: `attachment ${k}`, nb: v.nb })),
      ...Object.entries(WORDS.diagram).map(([k, v]) => ({ where: `linkage diagram ${k}`, nb: v.nb })),
      ...Object.entries({ ...GENERIC_CUSTODIAN, ...LINKER_WORDS }).map(([k, v]) => ({ where: `linkage ${k}`, nb: v.nb })),
      ...norwegianTexts().map((t) => ({ where: `application package ${t.where}`, nb: t.nb })),
      ...portfolioNorwegianTexts().map((t) => ({ where: `portfolio ${t.where}`, nb: t.nb })),
      ...Object.entries(DMP_WORDS).map(([k, v]) => ({ where: `dmp.json ${k}`, nb: v.nb })),
      ...Object.entries(STANDING_TEXT).map(([k, v]) => ({ where: `key date ${k}`, nb: v.nb })),
    ];
    assert.deepEqual(leftovers(texts), []);
  });

  const files = [...yamlFiles(join(process.cwd(), 'test', 'fixtures', 'rules')), ...yamlFiles(join(process.cwd(), 'test', 'fixtures', 'scenarios')), ...yamlFiles(join(process.cwd(), 'examples'))];

  it('in every message the checker writes in Norwegian, and in the exported requirements', () => {
    const found: string[] = [];
    const service = new DescriptorService();
    service.configure('nb', { language: 'nb' });
    for (const f of files) {
      const text = readFileSync(f, 'utf8');
      // A fixture with an approved version is checked against it, so the change messages are read too.
      const baseline = baselineOptions(findBaseline({ file: f, value: parse(text).value }));
      const results = check(text, { lang: 'nb', today: '2026-12-02', ...baseline }).results.filter((r) => r.rule !== 'schema' && r.rule !== 'yaml-syntax');
      found.push(...leftovers(results.map((r) => ({ where: `${f.slice(process.cwd().length + 1)} ${r.rule}`, nb: r.message }))));
      const md = renderMarkdown(requirementsModel(service.analyze(TextDocument.create(pathToFileURL(f).href, 'project-descriptor', 1, text))));
      // Only the export's own words: drop table cells that quote the descriptor (names, titles) and code.
      const own = md.split('\n').filter((l) => !l.startsWith('| ') && !l.startsWith('# ') && !l.startsWith('- '));
      found.push(...leftovers(own.map((l) => ({ where: `${f.slice(process.cwd().length + 1)} export`, nb: l }))));
    }
    assert.ok(files.length > 40, `only ${files.length} files read`);
    assert.deepEqual([...new Set(found)].slice(0, 40), []);
  });
});
