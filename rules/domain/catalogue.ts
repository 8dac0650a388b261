/**
 * The law and the data sources, as data (rules/provisions.yaml, rules/sources.yaml).
 * The build turns the YAML into JSON inside the bundle; tests validate both files against
 * their schemas in schemas/.
 */
import provisionsFile from '../provisions.yaml';
import sourcesFile from '../sources.yaml';
import { pick } from './text';
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
  granularity: string;
  coarser: string | null;
  description: Localized;
}

export type Identifiability = 'directly-identifying' | 'pseudonymous' | 'de-identified';

export interface Source {
  id: string;
  name: Localized;
  abbreviation: string | null;
  aliases: string[];
  custodian: { now: string; before_2024: string | null };
  kind: string;
  identifiability: Identifiability;
  health_data: boolean;
  treatment_oriented: boolean;
  hds_decides: boolean;
  access_route: 'helsedataservice' | 'helsedata-form' | 'own-route';
  linkable: boolean;
  purposes: string[];
  provisions: string[];
  confidence: { status: Confidence; source: string; note: string | Localized | null };
  variables: CatalogueVariable[];
}

interface ProvisionsFile {
  current_to: string;
  provisions: Provision[];
}
interface SourcesFile {
  direct_identifiers: string[];
  sources: Source[];
}

const pf = provisionsFile as unknown as ProvisionsFile;
const sf = sourcesFile as unknown as SourcesFile;

export const lawCurrentTo: string = pf.current_to;
export const provisions: ReadonlyMap<string, Provision> = new Map(pf.provisions.map((p) => [p.id, p]));
export const sources: ReadonlyMap<string, Source> = new Map(sf.sources.map((s) => [s.id, s]));
export const sourceList: readonly Source[] = sf.sources;

const aliases = new Map<string, Source>();
for (const s of sf.sources) for (const a of s.aliases ?? []) aliases.set(a.toLowerCase(), s);

/** Each source's catalogue variable names, as listed and lower-cased for lookup. */
const variableNameIndex = new Map<string, { list: string[]; lower: ReadonlySet<string> }>(
  sf.sources.map((s) => {
    const list = s.variables.map((v) => v.name);
    return [s.id, { list, lower: new Set(list.map((n) => n.toLowerCase())) }];
  }),
);
export function variableNames(s: Source): { list: readonly string[]; lower: ReadonlySet<string> } {
  return variableNameIndex.get(s.id) ?? { list: [], lower: new Set() };
}

/** The catalogue entry for an id as a user wrote it (exact id or a known alias). */
export function findSource(id: string | undefined): Source | undefined {
  if (!id) return undefined;
  return sources.get(id) ?? aliases.get(id.toLowerCase());
}


/**
 * The law behind a rule or a source as Markdown list items, in one form for hover, the rule
 * documentation pages and SARIF help: the section with its lovdata link, the official heading,
 * our summary, and what is not confirmed, a note, or a newer provision.
 */
export function provisionMarkdown(ids: readonly string[], lang: Lang): string[] {
  const say = (en: string, nb: string) => pick({ en, nb }, lang);
  const out: string[] = [];
  for (const id of ids) {
    const p = provisions.get(id);
    if (!p) continue;
    const heading = p.heading_nb ? ` «${p.heading_nb}»` : '';
    out.push(`- **[${p.law} ${p.section}](${encodeURI(p.url)})**${heading}: ${pick(p.summary, lang)}`);
    const caveats: string[] = [];
    if (p.verified.status === 'inference') caveats.push(say('the content is an inference, not read in the law', 'innholdet er en slutning, ikke lest i loven'));
    else if (p.verified.status !== 'confirmed') caveats.push(say('the content is not confirmed against the law text', 'innholdet er ikke bekreftet mot lovteksten'));
    if (p.verified.link !== 'confirmed') caveats.push(say('the link form is not confirmed', 'lenkeformen er ikke bekreftet'));
    if (caveats.length) out.push(`  - ⚠ ${caveats.join('; ')}${p.verified.reason ? `: ${pick(p.verified.reason, lang)}` : ''}.`);
    else if (p.verified.read_url) out.push(`  - ${say('Checked against', 'Kontrollert mot')} [${say('the text of the law', 'lovteksten')}](${encodeURI(p.verified.read_url)})${p.verified.read_on ? ` (${p.verified.read_on})` : ''}.`);
    if (p.note) out.push(`  - ${say('Note', 'Merk')}: ${pick(p.note, lang)}`);
    if (p.superseded_by) out.push(`  - ${say('Superseded by', 'Erstattet av')} ${p.superseded_by}.`);
  }
  return out;
}

/** Raw files, for tests and documentation. */
export const catalogueFiles = { provisions: pf, sources: sf };
