/** The requirements preview's model, from one analysis (the same parse as the diagnostics). Reads the disk only to see whether attachment files exist (`fileExists`). */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { findSource, lawCurrentTo, provisions, type Source } from '../../../rules/domain/catalogue';
import { addWorkingDays } from '../../../rules/domain/working-days';
import type { ApprovalState, LinkageNode, Linker, ProvisionRef, RequirementsModel } from '../protocol';
import type { Analysis } from '../service';
import { pick } from '../../../rules/domain/text';
import { lineOf as lineAt, rangeOf, walk } from '../../engine/yaml-paths';
import type { Lang, Localized, Path } from '../../../rules/domain/types';
import { AUTHORITY_NAME, AUTHORITY_OF } from '../../../rules/domain/routing';


function refs(ids: readonly string[], lang: Lang): ProvisionRef[] {
  return ids.flatMap((id) => {
    const p = provisions.get(id);
    if (!p) return [];
    return [{ id, label: `${p.law} ${p.section}`, url: p.url, heading: p.heading_nb, verified: p.verified.status === 'confirmed' && p.verified.link === 'confirmed', note: p.note ? pick(p.note, lang) : null }];
  });
}

export function requirementsModel(a: Analysis, fileExists: (abs: string) => boolean = existsSync): RequirementsModel {
  const lang = a.lang;
  const counts = { errors: 0, warnings: 0, information: 0 };
  for (const r of a.results) counts[r.severity === 'error' ? 'errors' : r.severity === 'warning' ? 'warnings' : 'information']++;
  const base: RequirementsModel = {
    uri: a.uri,
    version: a.version,
    lang,
    secondary: [],
    route: { exemptionNeeded: false, provisions: [], notes: [] },
    approvals: [],
    attachments: [],
    linkage: { nodes: [], links: [] },
    variables: [],
    counts,
    lawCurrentTo,
  };
  const m = a.model;
  const route = a.route;
  if (!m || !route) return { ...base, problem: a.results[0]?.message ?? 'not a descriptor' };
  const lineOf = (path: Path) => lineAt(a.parsed, path);

  const approvals = route.requirements.map((req) => {
    const found = m.approvals.find((x) => x.kind === req.kind);
    const status: ApprovalState = (found?.status as ApprovalState | undefined) ?? (found ? 'planned' : 'missing');
    return { kind: req.kind, level: req.level, why: pick(req.why, lang), provisions: refs(req.provisions, lang), status, line: found ? lineOf(found.path) : undefined };
  });

  const attachments = route.attachments.map((att) => {
    const found = m.attachments.find((x) => x.kind === att.kind);
    const file = found?.file;
    return {
      kind: att.kind,
      why: pick(att.why, lang),
      listed: found !== undefined,
      file,
      fileExists: file && a.dir ? fileExists(resolve(a.dir, file)) : undefined,
      line: found ? lineOf(found.path) : undefined,
    };
  });
  // Attachments the descriptor lists beyond the table.
  for (const x of m.attachments) {
    if (!x.kind || attachments.some((y) => y.kind === x.kind)) continue;
    attachments.push({ kind: x.kind, why: '', listed: true, file: x.file, fileExists: x.file && a.dir ? fileExists(resolve(a.dir, x.file)) : undefined, line: lineOf(x.path) });
  }

  const timeline = timelineOf(m, route, lang);

  const byId = new Map(m.dataSources.filter((d) => d.id).map((d) => [d.id!, d]));
  const links = m.linkage.links.filter((l) => l.ids.length === 2).map((l) => ({ a: l.ids[0], b: l.ids[1], valid: byId.has(l.ids[0]) && byId.has(l.ids[1]) }));
  const sample = sampleIds(links.filter((l) => l.valid));
  const controlGroup = m.population.controlGroup?.source;
  const nodes: LinkageNode[] = m.dataSources.map((d) => {
    const s = findSource(d.source);
    const id = d.id ?? d.source ?? '?';
    return {
      id,
      source: d.source,
      label: s ? (s.abbreviation ?? s.name[lang]) : (d.source ?? '?'),
      name: s ? s.name[lang] : undefined,
      deidentified: s?.identifiability === 'de-identified',
      known: s !== undefined,
      identifiability: s?.identifiability,
      custodian: custodianOf(d.holder, s, lang),
      definesSample: sample.has(id),
      controlGroup: controlGroup !== undefined && controlGroup === d.id,
    };
  });
  const linker = linkerOf(m.linkage.model, nodes, links, m.project.institution, lang);

  const variables = m.variables.map((v) => {
    const start = lineOf(v.path) ?? 0;
    const [s, e] = rangeOf(walk(a.parsed, v.path).node) ?? [-1, -1];
    return {
      source: v.source.id ?? v.source.source ?? '?',
      name: v.name ?? '?',
      granularity: v.granularity,
      line: start,
      findings: a.results.filter((r) => r.start >= s && r.end <= e).map((r) => ({ rule: r.rule, severity: r.severity, message: r.message })),
    };
  });

  return {
    ...base,
    title: m.project.title,
    institution: m.project.institution,
    purpose: m.purpose.category,
    secondary: m.purpose.secondary,
    product: m.purpose.product,
    consent: m.legalBasis.consent,
    route: {
      exemptionNeeded: route.exemptionNeeded,
      exemptionKind: route.exemptionKind,
      authority: route.exemptionKind ? pick(AUTHORITY_NAME[AUTHORITY_OF[route.exemptionKind]], lang) : undefined,
      why: route.exemptionWhy ? pick(route.exemptionWhy, lang) : undefined,
      provisions: refs(route.exemptionProvisions, lang),
      notes: route.notes.map((n) => pick(n, lang)),
    },
    approvals,
    attachments,
    timeline,
    linkage: { model: m.linkage.model, key: typeof m.raw.linkage === 'object' && m.raw.linkage !== null ? textOf((m.raw.linkage as Record<string, unknown>).key) : undefined, referenceDates: m.linkage.referenceDates, nodes, links, linker },
    variables,
  };
}

/** Approvals decided before the data application, which it must carry to be complete. */
const PREREQUISITES: readonly string[] = ['rek-preapproval', 'rek-exemption', 'helsedir-exemption'];
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The custodian's deadline, counted only from a dated, complete application to the one who decides:
 * Helsedataservice (its application on helsedata.no, recorded as `helsedataservice-exemption` or
 * `data-application`) or the custodian (`data-application`). No timeline where no custodian delivers.
 */
function timelineOf(m: NonNullable<Analysis['model']>, route: NonNullable<Analysis['route']>, lang: Lang): RequirementsModel['timeline'] {
  const d = route.deadline;
  if (!d) return undefined;
  const hds = route.decider === 'helsedataservice';
  const decidedBy = hds ? pick(AUTHORITY_NAME.helsedataservice, lang) : pick({ en: 'the custodian', nb: 'registerforvalteren' }, lang);
  const waitingFor = route.requirements
    .filter((r) => r.level === 'required' && PREREQUISITES.includes(r.kind) && r.kind !== 'helsedataservice-exemption')
    .filter((r) => !m.approvals.some((a) => a.kind === r.kind && a.status === 'granted'))
    .map((r) => r.kind);
  const applicationKinds = hds ? ['data-application', 'helsedataservice-exemption'] : ['data-application'];
  const entries = m.approvals.filter((a) => a.kind && applicationKinds.includes(a.kind) && a.date && ISO_DATE.test(a.date));
  const applied = entries.filter((a) => a.status === 'applied').map((a) => a.date!).sort().pop();
  const decidedOn = entries.filter((a) => a.status === 'granted').map((a) => a.date!).sort().pop();
  const applicationDate = waitingFor.length === 0 ? applied : undefined;
  return {
    workingDays: d.workingDays,
    linked: d.linked,
    pseudonymousLinkage: d.pseudonymousLinkage,
    decidedBy,
    waitingFor,
    applicationDate,
    earliestAccess: applicationDate ? addWorkingDays(applicationDate, d.workingDays) : undefined,
    decidedOn,
  };
}

const textOf = (v: unknown): string | undefined => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined);

/** Who holds a source whose catalogue entry names no single institution, in words. */
export const GENERIC_CUSTODIAN: Readonly<Record<string, Localized>> = {
  'patient-records': { en: 'the treating institution', nb: 'behandlende virksomhet' },
  'self-collected': { en: "the project's own institution", nb: 'prosjektets egen virksomhet' },
  'medical-quality-register': { en: "the register's data controller", nb: 'registerets dataansvarlige' },
};

/** The words for who links, where no institution's own name applies. */
export const LINKER_WORDS = {
  project: { en: 'the project', nb: 'prosjektet' },
  statisticsNorway: { en: 'Statistics Norway (SSB)', nb: 'Statistisk sentralbyrå (SSB)' },
} as const satisfies Record<string, Localized>;

function custodianOf(holder: string | undefined, s: Source | undefined, lang: Lang): string | undefined {
  if (holder?.trim()) return holder.trim();
  if (!s) return undefined;
  const generic = GENERIC_CUSTODIAN[s.kind];
  return generic ? pick(generic, lang) : s.custodian.now;
}

/**
 * The sources that select the persons: first in a link and second in none, in the order written.
 * When every source is second somewhere (a cycle), the first source of the first link.
 */
function sampleIds(links: readonly { a: string; b: string }[]): Set<string> {
  const second = new Set(links.map((l) => l.b));
  const out = new Set(links.map((l) => l.a).filter((a) => !second.has(a)));
  if (!out.size && links.length) out.add(links[0].a);
  return out;
}

/**
 * Who links. Distributed: the project, with files keyed by project-specific serial numbers. Central
 * (or not stated, with links): Statistics Norway when one of the linked sources is SSB's, else the
 * custodian of a linked pseudonymous registry, else the custodian of the first linked registry
 * (a source the project does not hold itself), else the holder of the first linked source.
 */
function linkerOf(model: string | undefined, nodes: readonly LinkageNode[], links: readonly { a: string; b: string; valid: boolean }[], institution: string | undefined, lang: Lang): Linker | undefined {
  if (model === 'none') return undefined;
  const linkedIds = new Set(links.filter((l) => l.valid).flatMap((l) => [l.a, l.b]));
  const linked = nodes.filter((n) => linkedIds.has(n.id));
  if (linked.length < 2) return undefined;
  const modelMissing = model === undefined;
  if (model === 'distributed') return { kind: 'project', name: institution?.trim() || pick(LINKER_WORDS.project, lang), modelMissing };
  const ssb = linked.find((n) => findSource(n.source)?.kind === 'statistics');
  if (ssb) return { kind: 'statistics-norway', name: pick(LINKER_WORDS.statisticsNorway, lang), source: ssb.id, modelMissing };
  const pseudonymous = linked.find((n) => n.identifiability === 'pseudonymous');
  if (pseudonymous) return { kind: 'pseudonymous-registry', name: pseudonymous.custodian ?? pseudonymous.label, source: pseudonymous.id, modelMissing };
  const registry = linked.find((n) => {
    const kind = findSource(n.source)?.kind;
    return kind !== undefined && kind !== 'patient-records' && kind !== 'self-collected';
  }) ?? linked[0];
  return { kind: 'custodian', name: registry.custodian ?? registry.label, source: registry.id, modelMissing };
}
