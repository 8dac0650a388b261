/**
 * The data source catalogue is complete enough to lean on: every source says where it was read,
 * who holds it, what law it rests on, who decides access and what it may be used for, with known
 * values only, and its names lead to one source. The checks run on the real catalogue and, to show
 * they bite, on copies broken one way each.
 */
import { strict as assert } from 'node:assert';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { DECIDERS, foldName, GENERIC_SOURCES, SOURCE_KINDS, sourceNames, type Source } from '../../rules/domain/catalogue';
import { PURPOSES } from '../../rules/domain/vocabulary';
import { sourcesPage } from '../../rules/sources-page';
import { DIST } from '../helpers/lsp-client';

interface CatalogueFile {
  current_to: string;
  sources: Source[];
}

const catalogue = (): CatalogueFile => parse(readFileSync(join(process.cwd(), 'rules', 'sources.yaml'), 'utf8')) as CatalogueFile;

/** Every way the catalogue falls short, one line each; empty when it is complete. */
export function catalogueProblems(file: CatalogueFile): string[] {
  const out: string[] = [];
  const ids = new Set<string>();
  const byId = new Map(file.sources.map((s) => [s.id, s]));
  const owner = new Map<string, string>();
  for (const s of file.sources) {
    const at = (what: string) => out.push(`${s.id}: ${what}`);
    if (ids.has(s.id)) at('duplicate id');
    ids.add(s.id);
    if (!GENERIC_SOURCES.has(s.id)) {
      if (!s.page?.url || !/^https?:\/\//.test(s.page.url)) at('no page URL');
      if (!s.page?.read) at('no date the page was read');
      else if (s.page.read > file.current_to) at(`page read ${s.page.read}, after the catalogue date ${file.current_to}`);
    }
    if (!s.custodian?.now?.trim()) at('no custodian');
    if ((s.legal_basis ?? []).length === 0 && (s.provisions ?? []).length === 0) at('no legal basis (legal_basis or provisions)');
    if (!s.access?.decider) at('no decider');
    else if (!(DECIDERS as readonly string[]).includes(s.access.decider)) at(`unknown decider ${s.access.decider}`);
    if (!(s.purposes ?? []).length) at('no purposes');
    for (const p of s.purposes ?? []) if (!(PURPOSES as readonly string[]).includes(p)) at(`unknown purpose ${p}`);
    if (!(SOURCE_KINDS as readonly string[]).includes(s.kind)) at(`unknown kind ${s.kind}`);
    if (s.parent !== null && s.parent !== undefined) {
      if (s.parent === s.id) at('is its own parent');
      else if (!byId.has(s.parent)) at(`parent ${s.parent} does not resolve`);
    }
    // Who decides is one fact written three ways; they must agree.
    const hds = s.hds_decides === true;
    if (hds !== (s.access?.decider === 'helsedataservice') || hds !== (s.access_route === 'helsedataservice')) {
      at(`hds_decides ${s.hds_decides}, access_route ${s.access_route} and access.decider ${s.access?.decider} disagree`);
    }
    if (!hds && (s.access_route === 'helsedata-form') !== (s.access?.apply_via === 'helsedata-form')) {
      at(`access_route ${s.access_route} and access.apply_via ${s.access?.apply_via} disagree`);
    }
    for (const a of s.aliases ?? []) if (a !== a.toLowerCase()) at(`alias ${a} is not lower case`);
    // A name leads to one source.
    for (const n of new Set(sourceNames(s).map((x) => foldName(x)))) {
      const other = owner.get(n);
      if (other && other !== s.id) at(`the name ${n} also belongs to ${other}`);
      else owner.set(n, s.id);
    }
    // A variable name or alias leads to one variable of the source.
    const vars = new Map<string, string>();
    for (const v of s.variables ?? []) {
      for (const n of new Set([v.name, ...(v.aliases ?? []), ...(v.custodian_name ? [v.custodian_name] : [])].map((x) => foldName(x, '_')))) {
        const other = vars.get(n);
        if (other && other !== v.name) at(`variable name ${n} is used by ${other} and ${v.name}`);
        else vars.set(n, v.name);
      }
    }
  }
  return out;
}

describe('data source catalogue', () => {
  it('has no gaps: page, custodian, legal basis, decider and purposes for every source, known values, parents that resolve', () => {
    assert.deepEqual(catalogueProblems(catalogue()), []);
  });

  it('holds at least 90 sources', () => {
    assert.ok(catalogue().sources.length >= 90, String(catalogue().sources.length));
  });

  it('reports each kind of gap', () => {
    const broken = (id: string, change: (s: Source) => void): string[] => {
      const file = catalogue();
      change(file.sources.find((s) => s.id === id)!);
      return catalogueProblems(file);
    };
    const stroke = 'norwegian-stroke-register';
    const expect = (problems: string[], pattern: RegExp) => assert.ok(problems.some((p) => pattern.test(p)), problems.join('\n') || 'no problem reported');
    expect(broken(stroke, (s) => (s.page = { url: null, read: null })), /norwegian-stroke-register: no page URL/);
    expect(broken(stroke, (s) => (s.custodian.now = '')), /no custodian/);
    expect(broken(stroke, (s) => ((s.legal_basis = []), (s.provisions = []))), /no legal basis/);
    expect(broken(stroke, (s) => ((s.access as { decider?: string }).decider = undefined)), /no decider/);
    expect(broken(stroke, (s) => ((s.access as { decider: string }).decider = 'rek')), /unknown decider rek/);
    expect(broken(stroke, (s) => (s.purposes = [])), /no purposes/);
    expect(broken(stroke, (s) => (s.purposes = ['marketing'])), /unknown purpose marketing/);
    expect(broken(stroke, (s) => ((s as { kind: string }).kind = 'registry')), /unknown kind registry/);
    expect(broken(stroke, (s) => (s.parent = 'heart-register')), /parent heart-register does not resolve/);
    expect(broken(stroke, (s) => (s.access_route = 'own-route')), /disagree/);
    expect(broken(stroke, (s) => (s.aliases = [...s.aliases, 'npr'])), /the name npr also belongs to npr/);
    expect(broken('npr', (s) => s.variables[1].aliases?.push('fnr')), /variable name fnr is used by fodselsnummer and lopenr/);
  });

  it('docs/sources.md is current and lists every source with who decides, how to apply and its page', () => {
    const page = readFileSync(join(process.cwd(), 'docs', 'sources.md'), 'utf8');
    assert.equal(page, sourcesPage(), 'docs/sources.md is out of date: run npm run docs');
    for (const s of catalogue().sources) assert.ok(page.includes(`| \`${s.id}\` |`), s.id);
    assert.match(page, /\| Norwegian Stroke Register \(\*Norsk hjerneslagregister\*\) \| `norwegian-stroke-register` \| NHR \| medical quality register \| Folkehelseinstituttet \(FHI\) \| Helsedataservice \| helsedata\.no form \| ask the custodian \| \[helsedata\.no\]\(https:\/\/helsedata\.no\//);
    // The generator agrees, and its check mode passes on the committed page.
    execFileSync(process.execPath, [join(DIST, 'tools', 'gen-sources.js'), '--check'], { cwd: process.cwd() });
  });
});
