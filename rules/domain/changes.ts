/**
 * Changes since approval: the semantic difference between the approved version of a descriptor
 * (the baseline) and the current one. Entries are matched by what they are (a data source by its
 * id, else its catalogue id; a variable by its name; a person by name), so reordering, comments
 * and formatting are never changes, and only changes that widen what was approved are listed:
 * a source or variable added, a variable made finer (down the granularity ladder), a purpose
 * changed or added, consent dropped, someone given access, the project lead changed, the period
 * or the retention extended, linkage added or its model changed, a transfer abroad added or sent
 * to another country. Removing a source or a variable is listed too: the custodian must know what
 * not to deliver. Prose (summary, description, justifications) is not compared.
 *
 * Which approvals each change touches is decided in `change-requests.ts`.
 */
import type { DataSource, Model, Raw } from './model';
import { COARSER, GRANULARITY_FAMILIES, GRANULARITY_TEXT, purposeWords } from './vocabulary';
import { normalText } from './text';
import type { FixEdit, Localized, Path, Target } from './types';

export type ChangeKind =
  | 'source-added'
  | 'source-removed'
  | 'variable-added'
  | 'variable-removed'
  | 'variable-finer'
  | 'purpose-changed'
  | 'secondary-added'
  | 'consent-dropped'
  | 'staff-added'
  | 'lead-changed'
  | 'start-earlier'
  | 'end-later'
  | 'link-added'
  | 'linkage-model-changed'
  | 'transfer-added'
  | 'transfer-country-added'
  | 'retention-extended';

export interface Change {
  kind: ChangeKind;
  /** Where the change is in the current descriptor; for a removal, the collection it was removed from. */
  path: Path;
  target?: Target;
  /** The approved value as a reader sees it; undefined when the approved version did not have it. */
  before?: string;
  /** The value now; undefined when it was removed. */
  after?: string;
  /** What changed, in words (code in backticks). */
  what: Localized;
  /** Edits that restore the approved version of this one change. */
  revert: FixEdit[];
  /** The catalogue id of the data source a source or variable change is about. */
  source?: string;
  /** The granularity a variable is requested at now (variable changes). */
  granularity?: string;
}

const isObj = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);
const norm = normalText;
const ISO = /^\d{4}-\d{2}-\d{2}$/;
const gran = (g: string | undefined): Localized => (g && GRANULARITY_TEXT[g]) || { en: g ?? '', nb: g ?? '' };
/** The raw value at a path of a plain value, for re-inserting what was removed. */
function rawAt(raw: unknown, path: Path): unknown {
  let cur = raw;
  for (const seg of path) cur = isObj(cur) ? cur[seg as string] : Array.isArray(cur) ? cur[seg as number] : undefined;
  return cur;
}

/**
 * True when `after` is further down the granularity ladder than `before` (month -> date, county ->
 * municipality): `before` is reached from `after` by `COARSER` steps, or comes after it in one of
 * the format's ordered families.
 */
export function isFiner(after: string, before: string): boolean {
  if (GRANULARITY_FAMILIES.some((f) => f.includes(after) && f.includes(before) && f.indexOf(after) < f.indexOf(before))) return true;
  const seen = new Set<string>();
  for (let g = COARSER[after]; g !== undefined && !seen.has(g); g = COARSER[g]) {
    if (g === before) return true;
    seen.add(g);
  }
  return false;
}

/** Each current data source with its approved counterpart: by local id, then by catalogue id among the rest. */
function matchSources(before: Model, after: Model): Map<DataSource, DataSource> {
  const pairs = new Map<DataSource, DataSource>();
  const used = new Set<DataSource>();
  for (const a of after.dataSources) {
    const b = a.id !== undefined ? before.dataSources.find((x) => x.id === a.id && !used.has(x)) : undefined;
    if (b) {
      pairs.set(a, b);
      used.add(b);
    }
  }
  for (const a of after.dataSources) {
    if (pairs.has(a) || a.source === undefined) continue;
    const b = before.dataSources.find((x) => !used.has(x) && x.source === a.source && (x.id === undefined || !after.dataSources.some((y) => y.id === x.id)));
    if (b) {
      pairs.set(a, b);
      used.add(b);
    }
  }
  return pairs;
}

const label = (d: DataSource) => d.id ?? d.source ?? `data_sources[${d.index}]`;

function sourceChanges(before: Model, after: Model, out: Change[]): void {
  const pairs = matchSources(before, after);
  const matched = new Set(pairs.values());
  for (const a of after.dataSources) {
    const b = pairs.get(a);
    if (!b) {
      const id = label(a);
      const src = a.source ? ` (\`${a.source}\`)` : '';
      out.push({
        kind: 'source-added',
        path: a.id !== undefined ? [...a.path, 'id'] : a.path,
        after: id,
        what: { en: `data source \`${id}\`${src} added`, nb: `datakilden \`${id}\`${src} er lagt til` },
        // Links to the source go with it (from the last, so the earlier indexes still hold).
        revert: [
          ...after.linkage.links.filter((l) => a.id !== undefined && l.ids.includes(a.id)).reverse().map((l): FixEdit => ({ op: 'delete', path: l.path })),
          { op: 'delete', path: a.path },
        ],
        source: a.source,
      });
      continue;
    }
    const src = label(a);
    for (const v of a.variables) {
      if (v.name === undefined) continue;
      const old = b.variables.find((x) => x.name !== undefined && norm(x.name) === norm(v.name!));
      if (!old) {
        const g = gran(v.granularity);
        out.push({
          kind: 'variable-added',
          path: [...v.path, 'name'],
          after: v.name,
          what: v.granularity
            ? { en: `variable \`${v.name}\` added to \`${src}\` (${g.en})`, nb: `variabelen \`${v.name}\` er lagt til i \`${src}\` (${g.nb})` }
            : { en: `variable \`${v.name}\` added to \`${src}\``, nb: `variabelen \`${v.name}\` er lagt til i \`${src}\`` },
          revert: [{ op: 'delete', path: v.path }],
          source: a.source,
          granularity: v.granularity,
        });
      } else if (v.granularity && old.granularity && isFiner(v.granularity, old.granularity)) {
        const [gb, ga] = [gran(old.granularity), gran(v.granularity)];
        out.push({
          kind: 'variable-finer',
          path: [...v.path, 'granularity'],
          before: old.granularity,
          after: v.granularity,
          what: { en: `\`${v.name}\` made finer: ${gb.en} → ${ga.en}`, nb: `\`${v.name}\` er gjort mer detaljert: ${gb.nb} → ${ga.nb}` },
          revert: [{ op: 'set', path: [...v.path, 'granularity'], value: old.granularity }],
          source: a.source,
          granularity: v.granularity,
        });
      }
    }
    for (const old of b.variables) {
      if (old.name === undefined || a.variables.some((v) => v.name !== undefined && norm(v.name) === norm(old.name!))) continue;
      out.push({
        kind: 'variable-removed',
        path: [...a.path, 'variables'],
        target: 'key',
        before: old.granularity ? `${old.name} (${old.granularity})` : old.name,
        what: { en: `variable \`${old.name}\` removed from \`${src}\``, nb: `variabelen \`${old.name}\` er fjernet fra \`${src}\`` },
        revert: [{ op: 'append', path: [...a.path, 'variables'], item: rawAt(before.raw, old.path) }],
        source: a.source,
      });
    }
  }
  for (const b of before.dataSources) {
    if (matched.has(b)) continue;
    const id = label(b);
    out.push({
      kind: 'source-removed',
      path: ['data_sources'],
      target: 'key',
      before: b.source && b.source !== id ? `${id} (${b.source})` : id,
      what: { en: `data source \`${id}\` removed`, nb: `datakilden \`${id}\` er fjernet` },
      revert: [{ op: 'append', path: ['data_sources'], item: rawAt(before.raw, b.path) }],
      source: b.source,
    });
  }
}

function purposeChanges(before: Model, after: Model, out: Change[]): void {
  const [b, a] = [before.purpose.category, after.purpose.category];
  if (b !== undefined && a !== undefined && a !== b) {
    out.push({
      kind: 'purpose-changed',
      path: ['purpose', 'category'],
      before: b,
      after: a,
      what: { en: `main purpose changed: \`${b}\` → \`${a}\``, nb: `hovedformålet er endret: ${purposeWords(b).nb} → ${purposeWords(a).nb}` },
      revert: [{ op: 'set', path: ['purpose', 'category'], value: b }],
    });
  }
  const approved = new Set(before.purpose.all);
  arr(rawAt(after.raw, ['purpose', 'secondary'])).forEach((p, i) => {
    if (typeof p !== 'string' || approved.has(p) || p === a) return;
    out.push({
      kind: 'secondary-added',
      path: ['purpose', 'secondary', i],
      after: p,
      what: { en: `secondary purpose \`${p}\` added`, nb: `sekundærformålet ${purposeWords(p).nb} er lagt til` },
      revert: [
        { op: 'delete', path: ['purpose', 'secondary', i] },
        // What only product development uses goes with it, unless the approved version had it too.
        ...(p === 'product-development' ? (['product', 'clinical_testing'] as const).filter((k) => rawAt(before.raw, ['purpose', k]) === undefined).map((k): FixEdit => ({ op: 'delete', path: ['purpose', k] })) : []),
      ],
    });
  });
}

function consentChanges(before: Model, after: Model, out: Change[]): void {
  if (before.legalBasis.consent !== true || after.legalBasis.consent === true) return;
  const present = isObj(after.raw.legal_basis) && 'consent' in after.raw.legal_basis;
  out.push({
    kind: 'consent-dropped',
    path: present ? ['legal_basis', 'consent'] : ['legal_basis'],
    target: present ? 'value' : 'key',
    before: 'true',
    after: after.legalBasis.consent === undefined ? undefined : String(after.legalBasis.consent),
    what: { en: 'consent is no longer the legal basis (`legal_basis.consent` was `true`)', nb: 'samtykke er ikke lenger behandlingsgrunnlaget (`legal_basis.consent` var `true`)' },
    // The conditions of valid consent come back with it when the approved version stated them.
    revert: [
      { op: 'set', path: ['legal_basis', 'consent'], value: true },
      ...(before.consent !== undefined && after.consent === undefined ? [{ op: 'insert' as const, path: [], key: 'consent', value: before.consent }] : []),
    ],
  });
}

/** The project lead's and the staff's names, as compared (normalText). */
export function peopleNames(m: Model): Set<string> {
  return new Set([...(m.project.lead?.name ? [m.project.lead.name] : []), ...m.project.staff.flatMap((p) => (p.name ? [p.name] : []))].map(normalText));
}

function peopleChanges(before: Model, after: Model, out: Change[]): void {
  const approved = peopleNames(before);
  const seen = new Set<string>();
  for (const p of after.project.staff) {
    if (!p.name || approved.has(norm(p.name)) || seen.has(norm(p.name))) continue;
    seen.add(norm(p.name));
    out.push({
      kind: 'staff-added',
      path: [...p.path, 'name'],
      after: p.name,
      what: { en: `${p.name} added to the staff with access to the data`, nb: `${p.name} er lagt til blant prosjektmedarbeiderne med tilgang til dataene` },
      revert: [{ op: 'delete', path: p.path }],
    });
  }
  const [b, a] = [before.project.lead?.name, after.project.lead?.name];
  if (a && (b === undefined || norm(a) !== norm(b))) {
    const was = b ?? '—';
    out.push({
      kind: 'lead-changed',
      path: ['project', 'project_lead', 'name'],
      before: b,
      after: a,
      what: { en: `project lead changed: ${was} → ${a}`, nb: `prosjektleder er endret: ${was} → ${a}` },
      revert: b !== undefined ? [{ op: 'set', path: ['project', 'project_lead', 'name'], value: b }] : [{ op: 'delete', path: ['project', 'project_lead'] }],
    });
  }
}

/** A date moved the widening way (`later`: end or retention later, or removed), as a change; undefined otherwise. */
function widened(before: string | undefined, after: string | undefined, later: boolean): boolean {
  if (before === undefined || !ISO.test(before)) return false;
  if (after === undefined) return later;
  return ISO.test(after) && (later ? after > before : after < before);
}

function dateChanges(before: Model, after: Model, out: Change[]): void {
  const { start: bs, end: be } = before.project;
  const { start: as, end: ae } = after.project;
  if (widened(bs, as, false)) {
    out.push({
      kind: 'start-earlier',
      path: ['project', 'period', 'start'],
      before: bs,
      after: as,
      what: { en: `the project period starts earlier: ${bs} → ${as}`, nb: `prosjektperioden starter tidligere: ${bs} → ${as}` },
      revert: [{ op: 'set', path: ['project', 'period', 'start'], value: bs! }],
    });
  }
  if (widened(be, ae, true)) {
    out.push({
      kind: 'end-later',
      path: ae !== undefined ? ['project', 'period', 'end'] : ['project', 'period'],
      target: ae !== undefined ? 'value' : 'key',
      before: be,
      after: ae,
      what: ae !== undefined
        ? { en: `the project period is extended: it ends ${ae} instead of ${be}`, nb: `prosjektperioden er forlenget: den slutter ${ae} i stedet for ${be}` }
        : { en: `the project period no longer has an end date (it ended ${be})`, nb: `prosjektperioden har ikke lenger noen sluttdato (den sluttet ${be})` },
      revert: [{ op: 'set', path: ['project', 'period', 'end'], value: be! }],
    });
  }
  const [br, ar] = [before.dataManagement.retentionUntil, after.dataManagement.retentionUntil];
  if (widened(br, ar, true)) {
    out.push({
      kind: 'retention-extended',
      path: ar !== undefined ? ['data_management', 'retention_until'] : ['data_management'],
      target: ar !== undefined ? 'value' : 'key',
      before: br,
      after: ar,
      what: ar !== undefined
        ? { en: `data are kept longer: until ${ar} instead of ${br}`, nb: `dataene lagres lenger: til ${ar} i stedet for ${br}` }
        : { en: `the retention no longer has an end date (it was ${br})`, nb: `lagringstiden har ikke lenger noen sluttdato (den var ${br})` },
      revert: [{ op: 'set', path: ['data_management', 'retention_until'], value: br! }],
    });
  }
}

const pairKey = (ids: string[]) => [...ids].sort().join('\u0000');

function linkageChanges(before: Model, after: Model, out: Change[]): void {
  const approved = new Set(before.linkage.links.map((l) => pairKey(l.ids)));
  for (const l of after.linkage.links) {
    if (l.ids.length < 2 || approved.has(pairKey(l.ids))) continue;
    const [x, y] = l.ids;
    out.push({
      kind: 'link-added',
      path: l.path,
      after: l.ids.join(', '),
      what: { en: `linkage of \`${x}\` with \`${y}\` added`, nb: `kobling av \`${x}\` med \`${y}\` er lagt til` },
      revert: [{ op: 'delete', path: l.path }],
    });
  }
  const [b, a] = [before.linkage.model, after.linkage.model];
  if (a !== undefined && a !== 'none' && a !== b) {
    const was = b ?? '—';
    out.push({
      kind: 'linkage-model-changed',
      path: ['linkage', 'model'],
      before: b,
      after: a,
      what: { en: `linkage model changed: \`${was}\` → \`${a}\``, nb: `koblingsmodellen er endret: \`${was}\` → \`${a}\`` },
      revert: b !== undefined ? [{ op: 'set', path: ['linkage', 'model'], value: b }] : [{ op: 'delete', path: ['linkage', 'model'] }],
    });
  }
}

function transferChanges(before: Model, after: Model, out: Change[]): void {
  if (after.dataManagement.transferAbroad === undefined) return;
  const countries = after.dataManagement.transferCountries;
  if (before.dataManagement.transferAbroad === undefined) {
    const where = countries.length ? ` (${countries.map((c) => `\`${c}\``).join(', ')})` : '';
    out.push({
      kind: 'transfer-added',
      path: ['data_management', 'transfer_abroad'],
      target: 'key',
      after: countries.join(', ') || undefined,
      what: { en: `a transfer abroad is added${where}`, nb: `overføring til utlandet er lagt til${where}` },
      revert: [{ op: 'delete', path: ['data_management', 'transfer_abroad'] }],
    });
    return;
  }
  const approved = new Set(before.dataManagement.transferCountries);
  arr(rawAt(after.raw, ['data_management', 'transfer_abroad', 'countries'])).forEach((c, i) => {
    if (typeof c !== 'string' || approved.has(c.toUpperCase())) return;
    const path = ['data_management', 'transfer_abroad', 'countries', i];
    out.push({
      kind: 'transfer-country-added',
      path,
      before: [...approved].join(', ') || undefined,
      after: c.toUpperCase(),
      what: { en: `data go abroad to another country: \`${c.toUpperCase()}\``, nb: `dataene overføres til et nytt land: \`${c.toUpperCase()}\`` },
      revert: [{ op: 'delete', path }],
    });
  });
}

/** Every change from the approved version `before` to `after` that widens what was approved, in the order of the descriptor's sections. */
export function diffModels(before: Model, after: Model): Change[] {
  const out: Change[] = [];
  peopleChanges(before, after, out);
  dateChanges(before, after, out);
  purposeChanges(before, after, out);
  consentChanges(before, after, out);
  sourceChanges(before, after, out);
  linkageChanges(before, after, out);
  transferChanges(before, after, out);
  return out;
}
