/** The requirements preview's model, from one analysis (the same parse as the diagnostics). Reads the disk only to see whether attachment files exist (`fileExists`). */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { findSource, lawCurrentTo, provisions } from '../../../rules/domain/catalogue';
import { addWorkingDays } from '../../../rules/domain/working-days';
import type { ApprovalState, ProvisionRef, RequirementsModel } from '../protocol';
import type { Analysis } from '../service';
import { pick } from '../../../rules/domain/text';
import { lineOf as lineAt, rangeOf, walk } from '../../engine/yaml-paths';
import type { Lang, Localized, Path } from '../../../rules/domain/types';
import { AUTHORITY_NAME, AUTHORITY_OF, routeFor, type Route } from '../../../rules/domain/routing';
import { actionsFor, changeFacts, changeRequests, draftRequest } from '../../../rules/domain/change-requests';
import { diffModels } from '../../../rules/domain/changes';
import type { Model } from '../../../rules/domain/model';


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
    changes: { items: [], requests: [] },
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
  const nodes = m.dataSources.map((d) => {
    const s = findSource(d.source);
    return { id: d.id ?? d.source ?? '?', source: d.source, label: s ? (s.abbreviation ?? s.name[lang]) : (d.source ?? '?'), deidentified: s?.identifiability === 'de-identified', known: s !== undefined };
  });
  const links = m.linkage.links.filter((l) => l.ids.length === 2).map((l) => ({ a: l.ids[0], b: l.ids[1], valid: byId.has(l.ids[0]) && byId.has(l.ids[1]) }));

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
    linkage: { model: m.linkage.model, nodes, links },
    variables,
    changes: changesOf(a, m, route, lang),
  };
}

/** The changes since approval, computed as the rule computes them (rules/domain/changes.ts), with the draft change requests. */
function changesOf(a: Analysis, m: Model, route: Route, lang: Lang): RequirementsModel['changes'] {
  const out: RequirementsModel['changes'] = { baseline: a.options.baselineLabel, problem: a.baselineProblem ? pick(a.baselineProblem, lang) : undefined, items: [], requests: [] };
  if (!a.baseline) return out;
  const facts = changeFacts(m, a.baseline, route, routeFor(a.baseline));
  const items = diffModels(a.baseline, m)
    .map((change) => ({ change, actions: actionsFor(change, facts) }))
    .filter((i) => i.actions.length > 0);
  out.items = items.map(({ change, actions }) => ({
    kind: change.kind,
    what: pick(change.what, lang),
    approved: change.before,
    line: lineAt(a.parsed, change.path),
    needs: actions.map((x) => ({ kind: x.kind, to: pick(x.to, lang), text: pick(x.text, lang), caseNumber: x.caseNumber, provisions: refs(x.provisions, lang) })),
  }));
  out.requests = changeRequests(items).map((r) => ({ to: pick(r.to, lang), caseNumber: r.caseNumber, draft: draftRequest(r, m, lang) }));
  return out;
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
