/**
 * The law and the data sources, as data (rules/provisions.yaml, rules/sources.yaml).
 * The build turns the YAML into JSON inside the bundle; tests validate both files against
 * their schemas in schemas/.
 */
import provisionsFile from '../provisions.yaml';
import sourcesFile from '../sources.yaml';
import { pick, say } from './text';
import type { Lang, Localized } from './types';

type Confidence = 'confirmed' | 'unconfirmed' | 'inference';

/**
 * Where a provision stands: `confirmed` (the wording in force was read), `unverified` (it could not
 * be proven), `not-in-force` (enacted, not in force), `repealed` (kept as data, never cited).
 */
type ProvisionStatus = 'confirmed' | 'unverified' | 'not-in-force' | 'repealed';

export interface Provision {
  id: string;
  law: string;
  law_title: Localized;
  law_id: string | null;
  /** The section; empty for a pointer to a whole act. */
  section: string;
  heading_nb: string | null;
  /** Our paraphrase, shown to users. */
  summary: Localized;
  url: string;
  status: ProvisionStatus;
  /** When this wording took or takes effect. */
  in_force_from: string | null;
  /** The act that repealed it. */
  repealed_by: string | null;
  /** The provision that now holds the rule. */
  superseded_by: string | null;
  /** What changes, in plain words for users. */
  note: Localized | null;
  /** What was read, for maintainers: the consolidated text, or the first text and the amending acts checked. */
  text_version: { kind: 'consolidated' | 'first-text-plus-amendments' | 'not-read'; read_url: string | null; read_on: string; amending_acts: string[] };
  /** How it was verified, for maintainers (docs/provenance/provisions.md); never shown to users. */
  provenance: { sources: string | null; notes: string };
}

/** A law and the amending acts identified for it (maintainers' record). */
export interface LawRecord {
  law: string;
  law_id: string | null;
  first_text: string | null;
  amending_acts: { id: string; title: string; sections: string; in_force: string; read: boolean }[];
  gaps: string | null;
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

type Identifiability = 'directly-identifying' | 'pseudonymous' | 'de-identified';

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
type AccessRoute = 'helsedataservice' | 'helsedata-form' | 'own-route';

interface LegalBasis {
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
  /** The last re-verification against the custodian's or helsedata.no's page (maintainers only). */
  verification: { checked_on: string; verdict: 'correct' | 'corrected' | 'unverifiable'; checked_url: string | null; read: boolean; corrected: string[]; notes: string };
}

interface ProvisionsFile {
  current_to: string;
  laws: LawRecord[];
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


/** "helsepersonelloven § 29": the provision as a caseworker cites it. */
export function provisionLabel(p: Provision): string {
  return p.section ? `${p.law} ${p.section}` : p.law;
}

/**
 * Whether the provision is law on `today` (YYYY-MM-DD): a repealed one never is; one not yet in
 * force is from its recorded `in_force_from`; the others are unless their wording takes effect later.
 */
function provisionInForce(p: Provision, today: string): boolean {
  if (p.status === 'repealed') return false;
  if (p.status === 'not-in-force') return p.in_force_from !== null && p.in_force_from <= today;
  return p.in_force_from === null || p.in_force_from <= today;
}

/** The same, by id; an unknown id is not law. */
export function inForce(id: string, today: string): boolean {
  const p = provisions.get(id);
  return p !== undefined && provisionInForce(p, today);
}

/**
 * The provision's status in plain words for users, or undefined when there is nothing to say (the
 * wording in force was read). With `today`, a provision whose in-force date has come is law.
 */
function provisionStatusText(p: Provision, lang: Lang, today?: string): string | undefined {
  const t = (en: string, nb: string) => say({ en, nb }, lang);
  switch (p.status) {
    case 'repealed':
      return t(`Repealed${p.repealed_by ? ` by ${p.repealed_by}` : ''}.`, `Opphevet${p.repealed_by ? ` ved ${p.repealed_by}` : ''}.`);
    case 'not-in-force':
      if (p.in_force_from === null) return t('Adopted, not yet in force.', 'Vedtatt, ikke i kraft ennå.');
      if (today !== undefined && p.in_force_from <= today) return undefined;
      return t(`In force from ${p.in_force_from}.`, `I kraft fra ${p.in_force_from}.`);
    case 'unverified':
      return t('We could not verify the wording in force; read the text behind the link.', 'Vi har ikke kunnet bekrefte ordlyden som gjelder nå; les teksten bak lenken.');
    default:
      return undefined;
  }
}

/** The status in a few words, for a parenthesis after a link ("not yet in force"); undefined when there is nothing to say. */
export function provisionStatusShort(p: Provision, lang: Lang, today?: string): string | undefined {
  const t = (en: string, nb: string) => say({ en, nb }, lang);
  switch (p.status) {
    case 'repealed':
      return t('repealed', 'opphevet');
    case 'not-in-force':
      if (p.in_force_from === null) return t('not yet in force', 'ikke i kraft ennå');
      if (today !== undefined && p.in_force_from <= today) return undefined;
      return t(`in force from ${p.in_force_from}`, `i kraft fra ${p.in_force_from}`);
    case 'unverified':
      return t('we could not verify the wording', 'ordlyden er ikke bekreftet');
    default:
      return undefined;
  }
}

/**
 * The law behind a rule or a source as Markdown list items, in one form for hover, the rule
 * documentation pages and SARIF help: the section with its lovdata link, the official heading,
 * our summary, its status in plain words, and what changes. Never how it was verified.
 */
export function provisionMarkdown(ids: readonly string[], lang: Lang, today?: string): string[] {
  const out: string[] = [];
  for (const id of ids) {
    const p = provisions.get(id);
    if (!p) continue;
    const heading = p.heading_nb ? ` «${p.heading_nb}»` : '';
    out.push(`- **[${provisionLabel(p)}](${encodeURI(p.url)})**${heading}: ${pick(p.summary, lang)}`);
    const status = provisionStatusText(p, lang, today);
    if (status) out.push(`  - ${status}`);
    if (p.note) out.push(`  - ${pick(p.note, lang)}`);
  }
  return out;
}

/** Raw files, for tests and documentation. */
export const catalogueFiles = { provisions: pf, sources: sf };
/** The laws and the amending acts identified for each (maintainers' record). */
export const lawRecords: readonly LawRecord[] = pf.laws;
