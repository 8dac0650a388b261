/**
 * The law and the data sources, as data (rules/provisions.yaml, rules/sources.yaml).
 * The build turns the YAML into JSON inside the bundle; tests validate both files against
 * their schemas in schemas/.
 */
import provisionsFile from '../provisions.yaml';
import sourcesFile from '../sources.yaml';
import { pick, say } from './text';
import type { Lang, Localized } from './types';

export type Confidence = 'confirmed' | 'unconfirmed' | 'inference';

export interface Provision {
  id: string;
  law: string;
  law_title: Localized;
  law_id: string | null;
  section: string;
  heading_nb: string | null;
  summary: Localized;
  url: string;
  verified: {
    status: Confidence;
    source: string;
    link: 'confirmed' | 'unconfirmed';
    /** The text of the law that was read to confirm it, and when. */
    read_url?: string;
    read_on?: string;
    /** Our paraphrase of the sentence that carries the rule. */
    evidence?: Localized;
    /** Why it is not confirmed. */
    reason?: Localized;
  };
  in_force_from: string | null;
  superseded_by: string | null;
  note: Localized | null;
}

export interface CatalogueVariable {
  name: string;
  /** The name exactly as the custodian writes it; null when the name is not the custodian's. */
  custodian_name?: string | null;
  /** Other names a user may write for the variable. */
  aliases?: string[];
  granularity: string;
  coarser: string | null;
  /** The variable identifies a person directly. */
  direct_identifier?: boolean;
  description: Localized;
}

export type Identifiability = 'directly-identifying' | 'pseudonymous' | 'de-identified';

/** The kinds of source the catalogue holds. */
export const SOURCE_KINDS = [
  'central-health-register',
  'medical-quality-register',
  'patient-records',
  'health-survey',
  'biobank',
  'population-register',
  'statistics',
  'self-collected',
  'other',
] as const;
export type SourceKind = (typeof SOURCE_KINDS)[number];
/** Who decides on access to a source. */
export const DECIDERS = ['helsedataservice', 'custodian'] as const;
/** The catalogue's own placeholders for sources it cannot name: no custodian page to read. */
export const GENERIC_SOURCES: ReadonlySet<string> = new Set(['patient-records', 'quality-register', 'self-collected']);
export type AccessRoute = 'helsedataservice' | 'helsedata-form' | 'own-route';

export interface LegalBasis {
  law: string;
  /** LOV-/FOR- id on lovdata, where known. */
  id: string | null;
  url: string | null;
}

export interface Source {
  id: string;
  name: Localized;
  abbreviation: string | null;
  /** Other names of the source, accepted in place of the id. */
  aliases: string[];
  /** Search words, for suggestions and completion only. */
  keywords: string[];
  custodian: { now: string; before_2024: string | null };
  controller: string | null;
  processor: string | null;
  kind: SourceKind;
  /** The central register the source sits under. */
  parent: string | null;
  identifiability: Identifiability;
  consent_required: boolean | null;
  health_data: boolean;
  treatment_oriented: boolean;
  hds_decides: boolean;
  access_route: AccessRoute;
  access: {
    decider: (typeof DECIDERS)[number];
    apply_via: 'helsedata-form' | 'custodian-form';
    dispensation: 'helsedataservice' | 'rek' | 'helsedirektoratet' | null;
    note: Localized | null;
  };
  legal_basis: LegalBasis[];
  linkable: boolean;
  linkage: Localized | null;
  purposes: string[];
  provisions: string[];
  summary: Localized;
  page: { url: string | null; read: string | null };
  confidence: { status: Confidence; source: string; note: string | Localized | null };
  variables_source: { urls: string[]; read: string; note: Localized } | null;
  variables: CatalogueVariable[];
}

interface ProvisionsFile {
  current_to: string;
  provisions: Provision[];
}
interface SourcesFile {
  current_to: string;
  sources: Source[];
}

const pf = provisionsFile as unknown as ProvisionsFile;
const sf = sourcesFile as unknown as SourcesFile;

export const lawCurrentTo: string = pf.current_to;
/** The date the data source catalogue is current to. */
export const catalogueCurrentTo: string = sf.current_to;
export const provisions: ReadonlyMap<string, Provision> = new Map(pf.provisions.map((p) => [p.id, p]));
export const sources: ReadonlyMap<string, Source> = new Map(sf.sources.map((s) => [s.id, s]));
export const sourceList: readonly Source[] = sf.sources;

/**
 * A name folded for lookup: lower case, æ/ø/å and accents folded (so `dødsårsak`, `dodsaarsak` and
 * `dodsarsak` meet), and every run of other characters as one separator.
 */
export function foldName(name: string, sep = '-'): string {
  return name
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/å/g, 'a')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/aa/g, 'a')
    .replace(/oe/g, 'o')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .replace(/ /g, sep);
}

/** The names a source answers to in `data_sources[].source`: its id, abbreviation, names and aliases. */
export function sourceNames(s: Source): string[] {
  return [s.id, ...(s.abbreviation ? [s.abbreviation] : []), s.name.nb, s.name.en, ...s.aliases];
}

/** Folded name -> source; the first source in catalogue order wins (a test keeps the names apart). */
const byName = new Map<string, Source>();
for (const s of sf.sources) for (const n of sourceNames(s)) if (!byName.has(foldName(n))) byName.set(foldName(n), s);

/** The catalogue entry for a source as a user wrote it: its id, abbreviation, name or an alias, in any case and spelling of æøå. */
export function findSource(id: string | undefined): Source | undefined {
  if (!id) return undefined;
  return sources.get(id) ?? byName.get(foldName(id));
}

/** Each source's variables by folded name, alias and custodian's spelling, and the names to suggest. */
const variableIndex = new Map<string, { byName: ReadonlyMap<string, CatalogueVariable>; list: string[] }>(
  sf.sources.map((s) => {
    const byVar = new Map<string, CatalogueVariable>();
    const list: string[] = [];
    const add = (n: string | null | undefined, v: CatalogueVariable) => {
      if (!n) return;
      const k = foldName(n, '_');
      if (!byVar.has(k)) byVar.set(k, v);
    };
    for (const v of s.variables) {
      add(v.name, v);
      list.push(v.name);
    }
    for (const v of s.variables) {
      for (const a of v.aliases ?? []) {
        add(a, v);
        list.push(a);
      }
      add(v.custodian_name, v);
    }
    return [s.id, { byName: byVar, list: [...new Set(list)] }];
  }),
);

/** The catalogue variable a user's name stands for: its name, an alias or the custodian's spelling, folded. */
export function findVariable(s: Source, name: string | undefined): CatalogueVariable | undefined {
  if (!name) return undefined;
  return variableIndex.get(s.id)?.byName.get(foldName(name, '_'));
}

/** The variable names to suggest for a source: its names first, then their aliases. */
export function variableNames(s: Source): readonly string[] {
  return variableIndex.get(s.id)?.list ?? [];
}


/**
 * The law behind a rule or a source as Markdown list items, in one form for hover, the rule
 * documentation pages and SARIF help: the section with its lovdata link, the official heading,
 * our summary, and what is not confirmed, a note, or a newer provision.
 */
export function provisionMarkdown(ids: readonly string[], lang: Lang): string[] {
  const out: string[] = [];
  for (const id of ids) {
    const p = provisions.get(id);
    if (!p) continue;
    const heading = p.heading_nb ? ` «${p.heading_nb}»` : '';
    out.push(`- **[${p.law} ${p.section}](${encodeURI(p.url)})**${heading}: ${pick(p.summary, lang)}`);
    const caveats: string[] = [];
    if (p.verified.status === 'inference') caveats.push(say({ en: 'the content is an inference, not read in the law', nb: 'innholdet er en slutning, ikke lest i loven' }, lang));
    else if (p.verified.status !== 'confirmed') caveats.push(say({ en: 'the content is not confirmed against the law text', nb: 'innholdet er ikke bekreftet mot lovteksten' }, lang));
    if (p.verified.link !== 'confirmed') caveats.push(say({ en: 'the link form is not confirmed', nb: 'lenkeformen er ikke bekreftet' }, lang));
    if (caveats.length) out.push(`  - ⚠ ${caveats.join('; ')}${p.verified.reason ? `: ${pick(p.verified.reason, lang)}` : ''}.`);
    else if (p.verified.read_url) out.push(`  - ${say({ en: 'Checked against', nb: 'Kontrollert mot' }, lang)} [${say({ en: 'the text of the law', nb: 'lovteksten' }, lang)}](${encodeURI(p.verified.read_url)})${p.verified.read_on ? ` (${p.verified.read_on})` : ''}.`);
    if (p.note) out.push(`  - ${say({ en: 'Note', nb: 'Merk' }, lang)}: ${pick(p.note, lang)}`);
    if (p.superseded_by) out.push(`  - ${say({ en: 'Superseded by', nb: 'Erstattet av' }, lang)} ${p.superseded_by}.`);
  }
  return out;
}

/** Raw files, for tests and documentation. */
export const catalogueFiles = { provisions: pf, sources: sf };
