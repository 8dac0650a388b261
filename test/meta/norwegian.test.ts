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
import { APPROVAL_NAME, ATTACHMENT_NAME, coarsenTitle, CONSENT_CONDITION_TEXT, GRANULARITY_TEXT, PURPOSE_INFO } from '../../rules/domain/vocabulary';
import { STRINGS } from '../../client/strings';
import { baselineOptions, findBaseline } from '../../server/host/baseline';
import { check } from '../../server/engine/engine';
import { parse } from '../../server/engine/parse';
import { renderMarkdown } from '../../server/report/requirements-render';
import { WORDS } from '../../server/report/words';
import { GENERIC_CUSTODIAN, LINKER_WORDS } from '../../server/report/requirements-model';
import { norwegianTexts, ROLE } from '../../server/report/words';
import { formatText, summaryLine } from '../../server/cli/format/text';
import { GRANULARITY_FAMILIES, PURPOSES } from '../../rules/domain/vocabulary';
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

/**
 * Words a Norwegian caseworker would not write (the review of 2026-12-05, task 5): each with the word to use.
 * Applied to the prose of every Norwegian text: code in backticks, URLs and link targets are left out.
 */
export const CASEWORKER_TERMS: { re: RegExp; say: string; raw?: boolean }[] = [
  { re: /\bbedt om\b/i, say: 'data are «etterspurt», not «bedt om»' },
  { re: /(?<![a-zæøå-])beskrivelsen(s)?\b/i, say: '«prosjektbeskrivelsen», not «beskrivelsen»' },
  { re: /(?<!EU-)\bUS\b/, say: '«USA», not «US» (the EU-US Data Privacy Framework keeps its name)' },
  { re: /endringssøknad|endringsmelding(en)? til REK|REK en endringsmelding/i, say: 'REK\'s change application is «søknad om endring» (helseforskningsloven § 11)' },
  { re: /(^|[.:;]\s+)List\b/, say: '«Beskriv» (or «List opp»), not «List»' },
  { re: /dataforvalter/i, say: '«datahåndterer» for the data-manager role' },
  { re: /`data-processor-agreement`-godkjenning|databehandleravtale\S*-godkjenning|godkjenningen? (om|for) databehandleravtale/i, say: 'a databehandleravtale is an agreement, not a «godkjenning»', raw: true },
  { re: /på engelsk/i, say: 'the Norwegian text is its own, not a pointer to English' },
];

/** Purpose and granularity ids that a Norwegian message names by their Norwegian words instead. */
const IDS = [...PURPOSES, ...new Set(GRANULARITY_FAMILIES.flat())];
const ID_IN_CODE = new RegExp('`(' + IDS.join('|') + ')`');
const PURPOSE_IN_CODE = new RegExp('`(' + PURPOSES.join('|') + ')`');

function offTerms(texts: { where: string; nb: string }[]): string[] {
  const out: string[] = [];
  for (const t of texts) for (const term of CASEWORKER_TERMS) if (term.re.test(term.raw ? t.nb : prose(t.nb))) out.push(`${t.where}: «${t.nb.slice(0, 160)}» (${term.say})`);
  return out;
}

describe('Norwegian as a caseworker writes it', () => {
  it('notices the words the review named', () => {
    assert.equal(offTerms([{ where: 'x', nb: '`date_of_birth` er bedt om som eksakt dato.' }]).length, 1);
    assert.equal(offTerms([{ where: 'x', nb: 'Beskrivelsen sier ikke hvor lenge.' }]).length, 1);
    assert.equal(offTerms([{ where: 'x', nb: 'Prosjektbeskrivelsen sier ikke hvor lenge; sekundærbeskrivelsen er god.' }]).length, 0);
    assert.equal(offTerms([{ where: 'x', nb: 'US ligger utenfor EU/EØS.' }]).length, 1);
    assert.equal(offTerms([{ where: 'x', nb: 'Send REK en endringssøknad.' }]).length, 1);
    assert.equal(offTerms([{ where: 'x', nb: 'List sikkerhetstiltakene.' }]).length, 1);
    assert.equal(offTerms([{ where: 'x', nb: 'Rolle: Dataforvalter' }]).length, 1);
    assert.equal(offTerms([{ where: 'x', nb: 'Legg til en `data-processor-agreement`-godkjenning.' }]).length, 1);
  });

  it('a quick fix that coarsens a level says what becomes coarser: «Gjør datoen grovere: måned», not «Gjør grovere: måned»', () => {
    assert.deepEqual(coarsenTitle('date', 'month'), { en: 'Coarsen to `month`', nb: 'Gjør datoen grovere: måned' });
    assert.equal(coarsenTitle('age-exact', 'age-band').nb, 'Gjør alderen grovere: aldersgruppe');
    assert.equal(coarsenTitle('municipality', 'county').nb, 'Gjør bostedet grovere: fylkesnivå');
    assert.equal(coarsenTitle('hospital', 'health-region').nb, 'Gjør behandlingsstedet grovere: helseregionnivå');
    const titles = (rule: string) => {
      const text = readFileSync(join(process.cwd(), 'test', 'fixtures', 'rules', rule, 'invalid', rule === 'variable-exact-date' ? 'exact.yaml' : 'fine.yaml'), 'utf8');
      return check(text, { lang: 'nb', today: '2026-12-02' }).results.filter((r) => r.rule === rule).flatMap((r) => r.fixes.filter((f) => f.id.startsWith('coarsen-')).map((f) => f.title.nb));
    };
    assert.deepEqual([...new Set(titles('variable-exact-date'))], ['Gjør datoen grovere: måned', 'Gjør datoen grovere: år']);
    assert.ok(titles('variable-fine-geography').length > 0 && titles('variable-fine-geography').every((t) => /^Gjør (bostedet|behandlingsstedet) grovere: \S+nivå$/.test(t)), titles('variable-fine-geography').join(', '));
  });

  it('the command line says severities and its summary in Norwegian, and the problem matcher still gets error, warning and info', () => {
    const r = { rule: 'schema', severity: 'warning', message: 'm', range: { start: { line: 0, character: 0 }, end: { line: 0, character: 1 } }, fixes: [] } as unknown as Parameters<typeof formatText>[1];
    assert.equal(formatText('a.yaml', r, 'nb'), 'a.yaml:1:1  advarsel  schema  m\n');
    assert.equal(formatText('a.yaml', { ...r, severity: 'error' }, 'nb'), 'a.yaml:1:1  feil  schema  m\n');
    assert.equal(formatText('a.yaml', { ...r, severity: 'information' }, 'nb'), 'a.yaml:1:1  informasjon  schema  m\n');
    assert.equal(summaryLine(1, { errors: 0, warnings: 0, infos: 0 }, 0, 'nb'), '1 fil kontrollert: 0 feil, 0 advarsler, 0 informasjon\n');
    assert.equal(summaryLine(2, { errors: 1, warnings: 1, infos: 2 }, 0, 'nb'), '2 filer kontrollert: 1 feil, 1 advarsel, 2 informasjon\n');
  });

  it('in every Norwegian text the product ships: rule texts and fix titles, routing, vocabulary, the package\'s words, the editor\'s words', () => {
    const nls = JSON.parse(readFileSync(join(process.cwd(), 'package.nls.nb.json'), 'utf8')) as Record<string, string>;
    const texts = [
      ...ruleMetas.flatMap((m) => [
        { where: `${m.id} description`, nb: m.description.nb },
        { where: `${m.id} remediation`, nb: m.remediation.nb },
        ...Object.entries(m.messages).map(([k, v]) => ({ where: `${m.id} message ${k}`, nb: (v as { nb: string }).nb })),
      ]),
      ...[...REQUIREMENT_ROWS, ...ATTACHMENT_ROWS].map((r) => ({ where: `row ${r.kind}`, nb: r.why.nb })),
      ...Object.entries(STRINGS).map(([k, v]) => ({ where: `client ${k}`, nb: v.nb })),
      ...Object.entries(nls).map(([k, v]) => ({ where: `package.nls.nb.json ${k}`, nb: v })),
      ...norwegianTexts().map((t) => ({ where: `application package ${t.where}`, nb: t.nb })),
      ...portfolioNorwegianTexts().map((t) => ({ where: `portfolio ${t.where}`, nb: t.nb })),
    ];
    assert.deepEqual(offTerms(texts), []);
    // Messages name purposes and granularities by their Norwegian words.
    const ids = ruleMetas.flatMap((m) => Object.entries(m.messages).map(([k, v]) => ({ where: `${m.id} message ${k}`, nb: (v as { nb: string }).nb }))).filter((t) => ID_IN_CODE.test(t.nb));
    assert.deepEqual(ids.map((t) => t.where), []);
  });

  it('the package says what the law calls the roles: dataansvarlig and forskningsansvarlig, datahåndterer, and a working draft, not «Søknad om helsedata»', () => {
    const d = WORDS.document;
    assert.match(d.institution.nb, /^Dataansvarlig virksomhet$/);
    assert.match(d.researchResponsible.nb, /^Forskningsansvarlig virksomhet/);
    assert.equal(ROLE['data-manager'].nb, 'Datahåndterer');
    assert.match(d.titleApplication.nb, /^Prosjektbeskrivelse og arbeidsutkast/);
    assert.equal(d.titleDescription.nb, 'Prosjektbeskrivelse');
    assert.ok(!norwegianTexts().some((t) => /Søknad om helsedata/i.test(t.nb)), 'no document calls itself «Søknad om helsedata»');
  });

  it('on every Norwegian rule page: the rationale in Norwegian, the Norwegian original of a seed where one exists', () => {
    const problems: string[] = [];
    for (const m of ruleMetas) {
      const page = readFileSync(join(process.cwd(), 'docs', 'rules', 'nb', `${m.id}.md`), 'utf8');
      problems.push(...offTerms([{ where: `docs/rules/nb/${m.id}.md`, nb: page.replace(/```[\s\S]*?```/g, '') }]));
      if (!/## Hvorfor\n\n\S/.test(page)) problems.push(`${m.id}: no Norwegian rationale`);
      if (m.seedNb && !page.includes(`«${m.seedNb.quote}»`)) problems.push(`${m.id}: the Norwegian original is not quoted`);
      if (m.seedNb && !/^https:\/\/helsedata\.no\//.test(m.seedNb.url)) problems.push(`${m.id}: the Norwegian original has no helsedata.no address`);
    }
    // Where helsedata.no's English page is the seed, the Norwegian pages we have read are quoted.
    for (const id of ['attachment-missing', 'confidentiality-exemption-missing', 'consent-conditions-incomplete', 'dispensation-grounds-missing', 'direct-identifier-special-grounds', 'institution-approval-missing', 'legal-basis-missing', 'variable-exact-date']) {
      if (!ruleMetas.find((m) => m.id === id)?.seedNb) problems.push(`${id}: no Norwegian original`);
    }
    assert.deepEqual(problems, []);
  });
});

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
      // What a caseworker would not write, and ids where Norwegian has a word, in messages and fix titles.
      const said = results.flatMap((r) => [{ where: `${f.slice(process.cwd().length + 1)} ${r.rule}`, nb: r.message }, ...r.fixes.map((x) => ({ where: `${f.slice(process.cwd().length + 1)} ${r.rule} fix ${x.id}`, nb: x.title.nb }))]);
      found.push(...offTerms(said));
      // Purposes by their words; a granularity id may also be a variable's own name (`municipality`), so fix titles only.
      found.push(...said.filter((s) => PURPOSE_IN_CODE.test(s.nb) || (/ fix /.test(s.where) && ID_IN_CODE.test(s.nb))).map((s) => `${s.where}: «${s.nb}» (a purpose or granularity id where Norwegian has a word)`));
      const md = renderMarkdown(requirementsModel(service.analyze(TextDocument.create(pathToFileURL(f).href, 'project-descriptor', 1, text))));
      // Only the export's own words: drop table cells that quote the descriptor (names, titles) and code.
      const own = md.split('\n').filter((l) => !l.startsWith('| ') && !l.startsWith('# ') && !l.startsWith('- '));
      found.push(...leftovers(own.map((l) => ({ where: `${f.slice(process.cwd().length + 1)} export`, nb: l }))));
    }
    assert.ok(files.length > 40, `only ${files.length} files read`);
    assert.deepEqual([...new Set(found)].slice(0, 40), []);
  });
});
