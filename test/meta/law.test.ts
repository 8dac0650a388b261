/**
 * The law in force: no rule, route row, requirement, attachment, source, change request, hover,
 * document or export cites a repealed provision; every `confirmed` provision names the amending acts
 * it was checked against; users read law, not how it was verified; and no output of the checker on
 * any example, fixture or scenario names a repealed provision as the basis of a dispensation.
 */
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import Ajv from 'ajv';
import { ruleMetas } from '../../rules';
import { catalogueFiles, lawRecords, provisionMarkdown, provisions, sourceList, type Provision } from '../../rules/domain/catalogue';
import { adequacyDecisions, adequacyGap } from '../../rules/domain/adequacy';
import { ACTION_ROWS } from '../../rules/domain/change-requests';
import { ATTACHMENT_ROWS, REQUIREMENT_ROWS, route, type RouteInput } from '../../rules/domain/routing';
import { PURPOSES } from '../../rules/domain/vocabulary';
import { generatedSection, norwegianPage } from '../../rules/doc-page';
import { toSarif } from '../../server/cli/format/sarif';
import { sourceCard } from '../../server/lsp/features/hover';
import { requirementsModel } from '../../server/report/requirements-model';
import { renderMarkdown } from '../../server/report/requirements-render';
import { applicationBlocks } from '../../server/report/application';
import { toMarkdown } from '../../server/report/application-markdown';
import { renderReport } from '../../server/report/report-html';
import { linkageDiagram } from '../../server/report/linkage-diagram';
import { analyzeFile } from '../helpers/analysis';
import { withInForce } from '../helpers/law';

const repealed = catalogueFiles.provisions.provisions.filter((p) => p.status === 'repealed');
const repealedIds = new Set(repealed.map((p) => p.id));

/** The strings that must never name the basis of a dispensation in anything a user reads. */
const FORBIDDEN = [/helseforskningsloven § 35/, /helseregisterloven § 7(?![0-9])/, /§ 29 b/, /hforsknl-35/, /hpl-29b/, /hregl-7\b/];

/** Words that belong to how the law was verified, never to what users read. */
const RESEARCH_WORDS = /corpus|mirror|github|in_force_from|read_url|text_version|lovtidend data|stored cop|not read\b|was read|we read|read in the|vote[sd]?\b|lovvedtak|searched|first published|catalogue (?:summary|entry|note)|confidence|inference/i;

/** What is wrong with the record of how each provision was read, one line each; empty when every confirmed one names its amending acts. */
function textVersionProblems(ps: readonly Provision[]): string[] {
  const known = new Set(lawRecords.flatMap((l) => l.amending_acts.map((a) => a.id)));
  const out: string[] = [];
  for (const p of ps) {
    const tv = p.text_version;
    for (const act of tv.amending_acts) if (!known.has(act)) out.push(`${p.id}: amending act ${act} is not listed under any law`);
    if (p.status !== 'confirmed') continue;
    if (!(tv.kind === 'consolidated' || (tv.kind === 'first-text-plus-amendments' && tv.amending_acts.length > 0))) out.push(`${p.id} is confirmed but names no amending act it was checked against (${tv.kind})`);
    if (!tv.read_url) out.push(`${p.id}: no text read`);
  }
  return out;
}

/** Route inputs that reach every row: each purpose with each kind of source, with and without consent, transfers and other holders. */
function routeInputs(): RouteInput[] {
  const kinds = ['npr', 'kpr', 'patient-records', 'nois', 'armed-forces-health-register', 'moba', 'hunt', 'norwegian-hip-fracture-register', 'folkeregisteret', 'iplos', 'self-collected', 'quality-register'];
  const out: RouteInput[] = [];
  for (const category of PURPOSES) {
    for (const s of kinds) {
      for (const consent of [false, true]) {
        out.push({ category, consent, sources: [s], today: '2026-12-02' });
        out.push({ category, consent, sources: [s, 'patient-records'], linked: true, transferAbroad: true, recipientRole: 'controller', otherHolders: ['Helse Bergen HF'], controlGroupSource: 'folkeregisteret', statutoryTask: true, product: 'clinical-decision-support', clinicalTesting: true, today: '2026-12-02' });
        out.push({ category, consent, sources: [s], directIdentifiersFrom: [s], cohortConsent: [s], transferAbroad: true, recipientRole: 'processor', today: '2026-12-02' });
      }
    }
  }
  return out;
}

describe('the law in force', () => {
  it('the catalogue records which provisions are repealed, by which act, and what holds the rule now', () => {
    for (const id of ['hforsknl-35', 'hpl-29b', 'hregl-7', 'hregl-20-former']) assert.ok(repealedIds.has(id), `${id} is not recorded as repealed`);
    for (const p of repealed) {
      assert.match(p.repealed_by ?? '', /^LOV-/, `${p.id}: repealed_by`);
      assert.ok(!p.superseded_by || provisions.has(p.superseded_by), `${p.id}: superseded_by ${p.superseded_by}`);
      assert.ok(!p.superseded_by || !repealedIds.has(p.superseded_by), `${p.id} is superseded by a repealed provision`);
    }
    // Where the rules went: REK's and Helsedirektoratet's exemption (hpl § 29, hregl § 19 e), the old § 20 (now § 19 b), the national solution (§ 20).
    for (const id of ['hpl-29', 'hregl-19e', 'hregl-19b', 'hregl-20', 'pjl-20', 'kvalitetsregisterforskriften']) assert.ok(provisions.has(id) && !repealedIds.has(id), id);
    assert.match(provisions.get('hregl-20')!.heading_nb ?? '', /Nasjonal løsning/);
  });

  it('every confirmed provision was read in the consolidated text or checked against its amending acts, each known by id', () => {
    assert.deepEqual(textVersionProblems(catalogueFiles.provisions.provisions), []);
  });

  it('the check bites: a confirmed provision without the amending acts it was checked against, or with an unknown act, is reported', () => {
    const copy = structuredClone(catalogueFiles.provisions.provisions) as Provision[];
    copy.find((p) => p.id === 'hpl-29')!.text_version.amending_acts = [];
    copy.find((p) => p.id === 'hregl-19e')!.text_version.amending_acts.push('LOV-1999-01-01-1');
    const problems = textVersionProblems(copy);
    assert.ok(problems.some((x) => /^hpl-29 is confirmed but names no amending act/.test(x)), problems.join('\n'));
    assert.ok(problems.some((x) => /^hregl-19e: amending act LOV-1999-01-01-1/.test(x)), problems.join('\n'));
  });

  it('no rule cites a repealed provision', () => {
    for (const m of ruleMetas) for (const id of m.provisions) assert.ok(!repealedIds.has(id), `${m.id} cites ${id}`);
  });

  it('no route row, requirement, attachment or exemption cites a repealed provision, for any purpose and source', () => {
    for (const row of REQUIREMENT_ROWS) for (const id of row.provisions) assert.ok(!repealedIds.has(id), `requirement ${row.kind} cites ${id}`);
    for (const row of ATTACHMENT_ROWS) if (typeof row.provisions !== 'function') for (const id of row.provisions) assert.ok(!repealedIds.has(id), `attachment ${row.kind} cites ${id}`);
    for (const input of routeInputs()) {
      const r = route(input);
      const cited = [...r.exemptionProvisions, ...r.requirements.flatMap((x) => x.provisions), ...r.attachments.flatMap((x) => x.provisions)];
      for (const id of cited) {
        assert.ok(provisions.has(id), `${JSON.stringify(input)}: unknown provision ${id}`);
        assert.ok(!repealedIds.has(id), `${JSON.stringify(input)} cites ${id}`);
      }
    }
  });

  it('the registry sources on the REK and Helsedirektoratet routes rest on helseregisterloven § 19 e, patient records on helsepersonelloven § 29', () => {
    const research = route({ category: 'health-research', consent: false, sources: ['norwegian-hip-fracture-register'] });
    assert.equal(research.exemptionKind, 'rek-exemption');
    assert.deepEqual([...research.exemptionProvisions], ['hregl-19e']);
    const qi = route({ category: 'quality-improvement', consent: false, sources: ['patient-records', 'iplos'] });
    assert.equal(qi.exemptionKind, 'helsedir-exemption');
    assert.deepEqual([...qi.exemptionProvisions], ['hpl-29', 'hregl-19e']);
  });

  it('no data source cites a repealed provision or the repealed licence section as its legal basis', () => {
    const urls = new Set(repealed.map((p) => p.url));
    for (const s of sourceList) {
      for (const id of s.provisions) assert.ok(!repealedIds.has(id), `${s.id} cites ${id}`);
      for (const b of s.legal_basis) {
        assert.ok(!b.url || !urls.has(b.url), `${s.id}: legal basis ${b.law} links a repealed provision`);
        for (const f of FORBIDDEN) assert.ok(!f.test(b.law), `${s.id}: legal basis ${b.law}`);
      }
    }
  });

  it('the change requests cite no repealed provision', () => {
    const change = { kind: 'staff-added', path: ['project', 'staff', 0], what: { en: 'x', nb: 'x' }, revert: [] } as never;
    const facts = { rek: { caseNumber: 'REK 1' }, application: { decider: 'custodian', caseNumber: 'X' }, custodians: [sourceList[1]], staffLists: [{ authority: 'rek' }, { authority: 'helsedirektoratet' }, { authority: 'helsedataservice' }], dpia: true } as never;
    for (const row of ACTION_ROWS) for (const a of row.build(facts, change)) for (const id of a.provisions) assert.ok(!repealedIds.has(id), `${row.action} cites ${id}`);
  });

  it('users read law, not research: provision and source texts shown to users hold no verification notes', () => {
    for (const p of catalogueFiles.provisions.provisions) {
      for (const t of [p.summary.en, p.summary.nb, p.note?.en ?? '', p.note?.nb ?? '']) assert.ok(!RESEARCH_WORDS.test(t), `${p.id}: "${t.match(RESEARCH_WORDS)?.[0]}" in ${t}`);
    }
    for (const lang of ['en', 'nb'] as const) {
      for (const s of sourceList) {
        const card = sourceCard(s, lang);
        assert.ok(!RESEARCH_WORDS.test(card), `${s.id} (${lang}) hover: "${card.match(RESEARCH_WORDS)?.[0]}"`);
        for (const f of FORBIDDEN) assert.ok(!f.test(card), `${s.id} hover cites ${f}`);
      }
      for (const m of ruleMetas) {
        const law = provisionMarkdown(m.provisions, lang).join('\n');
        assert.ok(!RESEARCH_WORDS.test(law), `${m.id} (${lang}) law: "${law.match(RESEARCH_WORDS)?.[0]}"`);
      }
    }
    for (const m of ruleMetas) {
      for (const page of [generatedSection(m), norwegianPage(m)]) {
        assert.ok(!RESEARCH_WORDS.test(page), `${m.id} page: "${page.match(RESEARCH_WORDS)?.[0]}"`);
        for (const f of FORBIDDEN) assert.ok(!f.test(page), `${m.id} page cites ${f}`);
      }
    }
  });

  it('the status of a provision reads in plain words: not yet in force, or that the wording could not be verified', () => {
    const law = provisionMarkdown(['hforsknl-9-2', 'hds-forskrift-7'], 'en').join('\n');
    assert.match(law, /Adopted, not yet in force\./);
    assert.match(law, /We could not verify the wording in force/);
    assert.match(provisionMarkdown(['hforsknl-9-2'], 'nb').join('\n'), /Vedtatt, ikke i kraft ennå\./);
    // A recorded in-force date that has come makes it law: nothing more to say.
    withInForce({ 'hforsknl-9-2': '2026-07-01' }, () => {
      assert.doesNotMatch(provisionMarkdown(['hforsknl-9-2'], 'en', '2026-12-02').join('\n'), /not yet in force|In force from/);
      assert.match(provisionMarkdown(['hforsknl-9-2'], 'en', '2026-01-02').join('\n'), /In force from 2026-07-01\./);
    });
  });
});

describe('the adequacy list', () => {
  it('matches its schema and is dated', () => {
    const raw = parseYaml(readFileSync(join(process.cwd(), 'rules', 'adequacy.yaml'), 'utf8')) as { as_of: string };
    const v = new Ajv({ allErrors: true, strict: false }).compile(JSON.parse(readFileSync(join(process.cwd(), 'schemas', 'adequacy.schema.json'), 'utf8')));
    assert.ok(v(raw), JSON.stringify(v.errors));
    assert.match(raw.as_of, /^\d{4}-\d{2}-\d{2}$/);
  });

  it('knows the Commission decisions: Japan and Switzerland yes, China no, the United States only when certified, Brazil not yet in the EEA', () => {
    assert.equal(adequacyGap('JP', '2026-12-02', undefined), undefined);
    assert.equal(adequacyGap('CH', '2026-12-02', undefined), undefined);
    assert.equal(adequacyGap('CN', '2026-12-02', undefined), 'none');
    assert.equal(adequacyGap('US', '2026-12-02', undefined), 'not-certified');
    assert.equal(adequacyGap('US', '2026-12-02', true), undefined);
    assert.equal(adequacyGap('BR', '2026-12-02', undefined), 'pending');
    assert.equal(adequacyGap('US', '2022-01-01', true), 'none', 'no decision before it was adopted');
    assert.equal(adequacyGap('GB', '2032-01-01', undefined), 'ended');
    assert.ok(adequacyDecisions.size >= 15);
  });
});

/** Every descriptor the project ships or tests: the examples, the rule fixtures and the scenarios. */
function descriptors(): string[] {
  const walk = (d: string): string[] =>
    readdirSync(d).flatMap((f) => {
      const p = join(d, f);
      return statSync(p).isDirectory() ? walk(p) : /\.ya?ml$/.test(f) && !/\.approved\.ya?ml$/.test(f) ? [p] : [];
    });
  const root = process.cwd();
  return [join(root, 'examples'), join(root, 'test', 'fixtures', 'rules'), join(root, 'test', 'fixtures', 'scenarios')].filter(existsSync).flatMap(walk);
}

describe('no output names a repealed provision as the basis for a dispensation', () => {
  const files = descriptors();
  it(`covers the examples, fixtures and scenarios (${files.length} files)`, () => assert.ok(files.length > 150, String(files.length)));

  it('text, SARIF help and the exported documents, in both languages', () => {
    const hits: string[] = [];
    const look = (where: string, text: string) => {
      for (const f of FORBIDDEN) if (f.test(text)) hits.push(`${where}: ${text.match(f)![0]}`);
    };
    for (const lang of ['en', 'nb'] as const) {
      look(`SARIF help (${lang})`, JSON.stringify(toSarif([], ruleMetas, lang, process.cwd())));
      for (const file of files) {
        const a = analyzeFile(file, readFileSync(file, 'utf8'), lang);
        const where = `${file.slice(process.cwd().length + 1)} (${lang})`;
        look(`${where} findings`, a.results.map((r) => r.message).join('\n'));
        const rm = requirementsModel(a);
        look(`${where} requirements`, renderMarkdown(rm));
        look(`${where} application`, toMarkdown(applicationBlocks(a, rm, { today: '2026-12-02', version: '0', descriptorName: 'x.descriptor.yaml', variableFiles: [], diagramImage: false })));
        look(`${where} report`, renderReport(a, rm, { svg: linkageDiagram(rm), descriptorName: 'x.descriptor.yaml', today: '2026-12-02', version: '0' }));
      }
    }
    assert.deepEqual(hits, []);
  });
});
