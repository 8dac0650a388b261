/** The requirements preview's model, from one analysis (the same parse as the diagnostics). Whether attachment files exist is the analysis' own `options.fileExists` (the host's look at the disk). */
import { catalogueCurrentTo, findSource, findVariable, lawCurrentTo, provisionLabel, provisions, provisionStatusShort, type Source } from '../../rules/domain/catalogue';
import { addWorkingDays, osloDate } from '../../rules/domain/working-days';
import { APPROVAL_NAME, GRANULARITY_TEXT } from '../../rules/domain/vocabulary';
import { isDirectIdentifier } from '../../rules/domain/identifiers';
import { sameOrganisation } from '../../rules/domain/organisations';
import type { ApprovalState, KeyDate, KeyDateKind, LinkageNode, Linker, PlanStep, ProjectState, ProvisionRef, RequirementsModel } from './model';
import type { Analysis } from '../engine/analysis';
import { countOf, dateText, pick, say } from '../../rules/domain/text';
import { COUNT_NOUNS } from './words';
import { lineOf as lineAt, rangeOf, walk } from '../engine/yaml-paths';
import type { Lang, Localized, Path } from '../../rules/domain/types';
import { AUTHORITY_NAME, AUTHORITY_OF, EXEMPTION_KINDS, routeFor, type Route } from '../../rules/domain/routing';
import { actionsFor, changeFacts, changeRequests, draftRequest } from '../../rules/domain/change-requests';
import { diffModels, type Change } from '../../rules/domain/changes';
import { APPROVAL_AUTHORITY } from './words';
import type { Approval, Model } from '../../rules/domain/model';
import { finalReportSent } from '../../rules/common';


/** The provisions as users see them: name, link, heading, status in plain words and what changes. */
export function provisionRefs(ids: readonly string[], lang: Lang, today?: string): ProvisionRef[] {
  return ids.flatMap((id) => {
    const p = provisions.get(id);
    if (!p) return [];
    return [{ id, label: provisionLabel(p), url: p.url, heading: p.heading_nb, status: provisionStatusShort(p, lang, today) ?? null, note: p.note ? pick(p.note, lang) : null }];
  });
}

export function requirementsModel(a: Analysis): RequirementsModel {
  // Unknown (not shown) for a path that is not looked at: the attachment-file-missing finding says why.
  const fileExists = (file: string | undefined) => (file && a.options.fileExists && !a.options.pathRefused?.(file) ? a.options.fileExists(file) : undefined);
  const lang = a.lang;
  const counts = { errors: 0, warnings: 0, information: 0 };
  for (const r of a.results) counts[r.severity === 'error' ? 'errors' : r.severity === 'warning' ? 'warnings' : 'information']++;
  const today = a.options.today ?? osloDate(new Date());
  const base: RequirementsModel = {
    uri: a.uri,
    version: a.version,
    lang,
    period: {},
    today,
    dates: [],
    state: 'needs-action',
    reasons: [],
    secondary: [],
    route: { exemptionNeeded: false, provisions: [], notes: [] },
    approvals: [],
    plan: [],
    attachments: [],
    linkage: { nodes: [], links: [], directIdentifiers: [], indirect: [] },
    variables: [],
    changes: { items: [], requests: [] },
    counts,
    lawCurrentTo,
    catalogueCurrentTo,
  };
  const m = a.model;
  const route = a.route;
  // A file that does not parse gets no conclusions: what it seems to say may be cut off by the error.
  const unread = a.results.find((r) => r.rule === 'yaml-syntax' || r.rule === 'input-limit' || (r.rule === 'schema' && /format version/.test(r.message)));
  if (!m || !route || unread) {
    const problem = unread?.message ?? a.results[0]?.message ?? pick({ en: 'not a descriptor', nb: 'ikke en prosjektbeskrivelse' }, lang);
    return { ...base, problem, reasons: [say(REASON.notRead, lang)] };
  }
  const lineOf = (path: Path) => lineAt(a.parsed, path);
  const variables = variablesOf(a, m);
  const linkage = linkageOf(m, lang);
  const described = { title: m.project.title, institution: m.project.institution, purpose: m.purpose.category, secondary: m.purpose.secondary, product: m.purpose.product, consent: m.legalBasis.consent, linkage, variables };
  // Without a purpose, no route: the standing counts only what does not depend on it (the findings, the period).
  if (a.undecided) {
    // What the descriptor lists is shown as written; nothing is said about what the route would ask for.
    const approvals: RequirementsModel['approvals'] = m.approvals.filter((x) => x.kind).map((x) => ({ kind: x.kind!, level: 'listed', why: '', provisions: [], status: (['planned', 'applied', 'granted', 'rejected'].includes(x.status ?? '') ? x.status : 'planned') as ApprovalState, date: x.date, line: lineOf(x.path) }));
    const attachments = m.attachments.filter((x) => x.kind).map((x) => ({ kind: x.kind!, why: '', listed: true, file: x.file, fileExists: fileExists(x.file), line: lineOf(x.path) }));
    return { ...base, ...standingOf(m, [], undefined, counts, today, lang), ...described, approvals, attachments, undecided: pick(a.undecided, lang) };
  }

  const timeline = timelineOf(m, route, lang);
  const approvals: RequirementsModel['approvals'] = route.requirements.map((req) => {
    const found = bestEntry(m.approvals.filter((x) => x.kind === req.kind));
    const status: ApprovalState = (found?.status as ApprovalState | undefined) ?? (found ? 'planned' : 'missing');
    return { kind: req.kind, level: req.level, why: pick(req.why, lang), provisions: provisionRefs(req.provisions, lang, a.options.today), status, date: found?.date, line: found ? lineOf(found.path) : undefined };
  });
  // Every other approval the descriptor lists stays in the table, saying why this route does not ask for it.
  for (const x of m.approvals) {
    if (!x.kind || approvals.some((y) => y.kind === x.kind)) continue;
    const status = (['planned', 'applied', 'granted', 'rejected'].includes(x.status ?? '') ? x.status : 'planned') as ApprovalState;
    approvals.push({ kind: x.kind, level: 'listed', why: say(listedWhy(x.kind, route, timeline), lang), provisions: [], status, date: x.date, line: lineOf(x.path) });
  }

  const attachments = route.attachments.map((att) => {
    const found = m.attachments.find((x) => x.kind === att.kind);
    const file = found?.file;
    return {
      kind: att.kind,
      why: pick(att.why, lang),
      listed: found !== undefined,
      file,
      fileExists: fileExists(file),
      line: found ? lineOf(found.path) : undefined,
    };
  });
  // Attachments the descriptor lists beyond the table.
  for (const x of m.attachments) {
    if (!x.kind || attachments.some((y) => y.kind === x.kind)) continue;
    attachments.push({ kind: x.kind, why: '', listed: true, file: x.file, fileExists: fileExists(x.file), line: lineOf(x.path) });
  }

  const changes = changesOf(a, m, route, lang);
  const standing = standingOf(m, approvals, timeline, counts, today, lang);

  return {
    ...base,
    ...standing,
    ...described,
    lead: m.project.lead ? { name: m.project.lead.name, email: m.project.lead.email } : undefined,
    period: { start: m.project.start, end: m.project.end },
    route: {
      exemptionNeeded: route.exemptionNeeded,
      exemptionKind: route.exemptionKind,
      authority: route.exemptionKind ? pick(AUTHORITY_NAME[AUTHORITY_OF[route.exemptionKind]], lang) : undefined,
      why: route.exemptionWhy ? pick(route.exemptionWhy, lang) : undefined,
      provisions: provisionRefs(route.exemptionProvisions, lang, a.options.today),
      notes: route.notes.map((n) => pick(n, lang)),
    },
    approvals,
    attachments,
    timeline,
    plan: [...planOf(m, route, timeline, lang, a.options.today), ...changes.steps],
    changes: changes.section,
  };
}

/**
 * The changes since approval, computed as the rule computes them (rules/domain/changes.ts), with the
 * draft change requests; and the plan's steps for them: one per change request to a body outside
 * the institution, one per document the institution must update.
 */
function changesOf(a: Analysis, m: Model, route: Route, lang: Lang): { section: RequirementsModel['changes']; steps: PlanStep[] } {
  const section: RequirementsModel['changes'] = { baseline: a.options.baselineLabel, problem: a.baselineProblem ? pick(a.baselineProblem, lang) : undefined, items: [], requests: [] };
  if (!a.baseline) return { section, steps: [] };
  const facts = changeFacts(m, a.baseline, route, routeFor(a.baseline, a.options.today ?? osloDate(new Date())));
  const items = diffModels(a.baseline, m)
    .map((change) => ({ change, actions: actionsFor(change, facts) }))
    .filter((i) => i.actions.length > 0);
  section.items = items.map(({ change, actions }) => ({
    kind: change.kind,
    what: pick(change.what, lang),
    approved: change.before,
    line: lineAt(a.parsed, change.path),
    needs: actions.map((x) => ({ kind: x.kind, to: pick(x.to, lang), text: pick(x.text, lang), caseNumber: x.caseNumber, provisions: provisionRefs(x.provisions, lang, a.options.today) })),
  }));
  const requests = changeRequests(items);
  section.requests = requests.map((r) => ({ to: pick(r.to, lang), caseNumber: r.caseNumber, draft: draftRequest(r, m, lang) }));
  const changed = (cs: readonly Change[]) => say(CHANGE_STEP.changed, lang, cs.map((c) => pick(c.what, lang)).join('; '));
  // REK first: it approves before the change takes effect; then the application for data, then the staff lists.
  const order = (r: (typeof requests)[number]) => (r.kinds.includes('rek-change') ? 0 : r.kinds.includes('data-application-change') ? 1 : 2);
  const steps: PlanStep[] = [...requests].sort((x, y) => order(x) - order(y)).map((r) => {
    const to = pick(r.to, lang);
    const c = r.caseNumber;
    const text = r.kinds.includes('rek-change') ? (c ? CHANGE_STEP.rekCase : CHANGE_STEP.rek) : r.kinds.includes('data-application-change') ? (c ? CHANGE_STEP.applicationCase : CHANGE_STEP.application) : c ? CHANGE_STEP.staffCase : CHANGE_STEP.staff;
    return { what: say(text, lang, to, c ?? ''), to, approvals: [], attachments: [], state: 'open', kind: 'change', note: changed(r.changes) };
  });
  // What the institution updates itself: the DPIA, the data protection officer's assessment.
  for (const [kind, text, to] of [['dpia-update', CHANGE_STEP.dpia, APPROVAL_AUTHORITY.dpia], ['dpo-update', CHANGE_STEP.dpo, APPROVAL_AUTHORITY['dpo-assessment']]] as const) {
    const cs = items.filter((i) => i.actions.some((x) => x.kind === kind)).map((i) => i.change);
    if (cs.length) steps.push({ what: say(text, lang), to: say(to, lang), approvals: [], attachments: [], state: 'open', kind: 'change', note: changed(cs) });
  }
  return { section, steps };
}

/** The plan's words for the steps a change since approval needs. `{0}` is who receives it, `{1}` the case number. */
const CHANGE_STEP = {
  rek: { en: 'Send {0} a change application and wait for approval before the change takes effect', nb: 'Send {0} en endringssøknad og vent på godkjenning før endringen tas i bruk' },
  rekCase: { en: 'Send {0} a change application (case {1}) and wait for approval before the change takes effect', nb: 'Send {0} en endringssøknad (sak {1}) og vent på godkjenning før endringen tas i bruk' },
  application: { en: 'Send {0} a change request naming the current case number', nb: 'Send {0} en endringsmelding med gjeldende saksnummer' },
  applicationCase: { en: 'Send {0} a change request (case {1})', nb: 'Send {0} en endringsmelding (sak {1})' },
  staff: { en: 'Send {0} the updated staff list', nb: 'Send {0} den oppdaterte listen over prosjektmedarbeidere' },
  staffCase: { en: 'Send {0} the updated staff list (case {1})', nb: 'Send {0} den oppdaterte listen over prosjektmedarbeidere (sak {1})' },
  dpia: { en: 'Update the data protection impact assessment (DPIA) for the changes', nb: 'Oppdater personvernkonsekvensvurderingen (DPIA) for endringene' },
  dpo: { en: 'Have the data protection officer assess the changes', nb: 'La personvernombudet vurdere endringene' },
  changed: { en: 'Changed since approval: {0}.', nb: 'Endret siden godkjenningen: {0}.' },
} as const satisfies Record<string, Localized>;

/** The linkage as the diagram draws it: the sources, the links, who selects the persons and who links. */
function linkageOf(m: Model, lang: Lang): RequirementsModel['linkage'] {
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
      ownIdentities: ownIdentities(d, s, m.project.institution),
    };
  });
  const linker = linkerOf(m.linkage.model, nodes, links, m.project.institution, lang);
  return { model: m.linkage.model, key: typeof m.raw.linkage === 'object' && m.raw.linkage !== null ? textOf((m.raw.linkage as Record<string, unknown>).key) : undefined, referenceDates: m.linkage.referenceDates, nodes, links, linker, ...identifiabilityOf(m, lang) };
}

/** Each variable with its line and the findings on it. */
function variablesOf(a: Analysis, m: Model): RequirementsModel['variables'] {
  return m.variables.map((v) => {
    const start = lineAt(a.parsed, v.path) ?? 0;
    const [s, e] = rangeOf(walk(a.parsed, v.path).node) ?? [-1, -1];
    return {
      source: v.source.id ?? v.source.source ?? '?',
      name: v.name ?? '?',
      granularity: v.granularity,
      line: start,
      findings: a.results.filter((r) => r.start >= s && r.end <= e).map((r) => ({ rule: r.rule, severity: r.severity, message: r.message })),
    };
  });
}

const DATE_WHAT: Record<KeyDateKind, Localized> = {
  'start-without-approval': { en: "Project start without REK's pre-approval", nb: 'Prosjektstart uten forhåndsgodkjenning fra REK' },
  'earliest-access': { en: 'Earliest expected access to the data', nb: 'Tidligst forventet tilgang til dataene' },
  'project-end': { en: 'Project end', nb: 'Prosjektslutt' },
  'final-report': { en: 'Final report to REK', nb: 'Sluttmelding til REK' },
  'retention-end': { en: 'End of retention: the data is to be deleted', nb: 'Lagringstiden er ute: dataene skal slettes' },
};

/** Why a project needs action. */
const REASON = {
  errors: { en: '{0} to correct', nb: '{0} å rette' },
  missing: { en: '{0}: missing', nb: '{0}: mangler' },
  planned: { en: '{0}: not applied for', nb: '{0}: ikke søkt' },
  rejected: { en: '{0}: rejected', nb: '{0}: avslått' },
  started: { en: "started {0} without REK's pre-approval", nb: 'startet {0} uten forhåndsgodkjenning fra REK' },
  noFinalReport: { en: 'ended {0} without a final report to REK recorded', nb: 'avsluttet {0} uten at sluttmelding til REK er ført opp' },
  pastRetention: { en: 'data kept past its retention date {0}', nb: 'dataene er lagret forbi lagringstiden {0}' },
  notRead: { en: 'the file could not be read as a descriptor', nb: 'filen kunne ikke leses som en prosjektbeskrivelse' },
} as const satisfies Record<string, Localized>;

/** The words the key dates and the reasons use, for the language test. */
export const STANDING_TEXT: Readonly<Record<string, Localized>> = { ...DATE_WHAT, ...REASON };

/**
 * The dates that matter and where the project stands, from the approvals, the timeline and the
 * period as this model reads them (so the preview and an overview of many projects agree).
 */
function standingOf(
  m: Model,
  approvals: RequirementsModel['approvals'],
  timeline: RequirementsModel['timeline'],
  counts: RequirementsModel['counts'],
  today: string,
  lang: Lang,
): Pick<RequirementsModel, 'dates' | 'next' | 'state' | 'reasons'> {
  const valid = (d: string | undefined): d is string => d !== undefined && ISO_DATE.test(d);
  const required = approvals.filter((x) => x.level === 'required');
  const notGranted = required.filter((x) => x.status !== 'granted');
  const dates: KeyDate[] = [];
  const add = (kind: KeyDateKind, date: string, o: { passed: boolean; overdue?: boolean; done?: boolean; provisions?: string[] }) =>
    dates.push({ kind, date, passed: o.passed, overdue: o.overdue ?? false, done: o.done ?? false, what: say(DATE_WHAT[kind], lang), provisions: provisionRefs(o.provisions ?? [], lang, today) });

  const { start, end } = m.project;
  const ended = valid(end) && end < today;
  // Only REK's pre-approval must come before the project starts (hforsknl § 9, as the rule approval-after-start reads it); the others before the data comes.
  const rekPending = notGranted.find((x) => x.kind === 'rek-preapproval');
  if (valid(start) && rekPending) add('start-without-approval', start, { passed: start <= today, overdue: start <= today && !ended, provisions: rekPending.provisions.map((p) => p.id) });
  if (timeline?.earliestAccess && !timeline.decidedOn) add('earliest-access', timeline.earliestAccess, { passed: timeline.earliestAccess <= today });
  if (valid(end)) add('project-end', end, { passed: ended });
  const rek = required.some((x) => x.kind === 'rek-preapproval');
  // Sent: the date in project.final_report_sent, or a final-report entry applied for or granted.
  const reportSent = finalReportSent(m);
  if (rek && valid(end)) add('final-report', end, { passed: ended, overdue: ended && !reportSent, done: reportSent !== undefined, provisions: ['hforsknl-12'] });
  const retention = m.dataManagement.retentionUntil;
  if (valid(retention)) add('retention-end', retention, { passed: retention < today, overdue: retention < today, provisions: ['gdpr-5-1-e'] });
  dates.sort((x, y) => x.date.localeCompare(y.date));
  const next = dates.find((d) => d.overdue) ?? dates.find((d) => !d.passed && !d.done);

  const reasons: string[] = [];
  const overdue = (kind: KeyDateKind) => dates.find((d) => d.kind === kind && d.overdue);
  const name = (kind: string) => APPROVAL_NAME[kind]?.[lang] ?? kind;
  if (!ended) {
    if (counts.errors) reasons.push(say(REASON.errors, lang, countOf(counts.errors, COUNT_NOUNS.errors, lang)));
    for (const x of notGranted) {
      if (x.status === 'missing' || x.status === 'planned' || x.status === 'rejected') reasons.push(say(REASON[x.status], lang, name(x.kind)));
    }
    if (overdue('start-without-approval')) reasons.push(say(REASON.started, lang, start!));
  }
  if (overdue('final-report')) reasons.push(say(REASON.noFinalReport, lang, end!));
  if (overdue('retention-end')) reasons.push(say(REASON.pastRetention, lang, retention!));

  let state: ProjectState;
  if (reasons.length) state = 'needs-action';
  else if (ended) state = 'ended';
  else if (notGranted.length || (timeline?.applicationDate && !timeline.decidedOn)) state = 'waiting';
  else state = 'approved';
  return { dates, next, state, reasons };
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


const STATUS_RANK: Readonly<Record<string, number>> = { granted: 3, applied: 2, planned: 1 };

/** The entry that says most about where an approval stands: granted before applied before planned; a rejected one only when every entry was rejected. */
function bestEntry(entries: readonly Approval[]): Approval | undefined {
  let best: Approval | undefined;
  for (const e of entries) {
    const r = STATUS_RANK[e.status ?? 'planned'] ?? (e.status === 'rejected' ? 0 : 1);
    const b = best ? (STATUS_RANK[best.status ?? 'planned'] ?? (best.status === 'rejected' ? 0 : 1)) : -1;
    if (r > b || (r === b && (e.date ?? '') > (best?.date ?? ''))) best = e;
  }
  return best;
}

/** Why an approval the descriptor lists is not one this route asks for. */
function listedWhy(kind: string, route: Route, timeline: RequirementsModel['timeline']): Localized {
  if ((EXEMPTION_KINDS as readonly string[]).includes(kind)) {
    if (!route.exemptionNeeded || !route.exemptionKind) return { en: 'This route needs no exemption from the duty of confidentiality.', nb: 'Denne søknadsveien trenger ingen dispensasjon fra taushetsplikten.' };
    const who = AUTHORITY_NAME[AUTHORITY_OF[route.exemptionKind]];
    return { en: `Not on this route: the exemption is decided by ${who.en.split(' (')[0]}, as \`${route.exemptionKind}\`.`, nb: `Ikke på denne søknadsveien: dispensasjonen avgjøres av ${who.nb.split(' (')[0]}, som \`${route.exemptionKind}\`.` };
  }
  if (kind === 'data-application' && timeline) return { en: `The application for data to ${timeline.decidedBy}.`, nb: `Søknaden om data til ${timeline.decidedBy}.` };
  return { en: 'Listed in the descriptor; this route does not ask for it.', nb: 'Oppført i beskrivelsen; denne søknadsveien krever den ikke.' };
}

/**
 * Where a step stands, from its approvals: each group is one approval, any of whose kinds counts (the
 * application to Helsedataservice may be recorded as `helsedataservice-exemption` or `data-application`).
 * Granted is done, applied is waiting for a decision, rejected blocks; the date is the latest of the deciding entries.
 */
function stepState(m: Model, groups: readonly (readonly string[])[]): { state: PlanStep['state']; date?: string } {
  const best = groups.map((kinds) => bestEntry(m.approvals.filter((a) => a.kind !== undefined && kinds.includes(a.kind))));
  const status = best.map((e) => e?.status ?? (e ? 'planned' : 'missing'));
  const dates = best.map((e) => e?.date).filter((d): d is string => d !== undefined && ISO_DATE.test(d)).sort();
  const date = dates[dates.length - 1];
  if (status.includes('rejected')) return { state: 'blocked', date: best.find((e) => e?.status === 'rejected')?.date };
  if (status.every((x) => x === 'granted')) return { state: 'done', date };
  if (status.every((x) => x === 'granted' || x === 'applied')) return { state: 'waiting', date };
  return { state: 'open' };
}

/** The words of the plan's own steps. */
const STEP = {
  management: { en: "Get the management's decision on the internal use of the records", nb: 'Få virksomhetens ledelse til å beslutte den interne bruken av journalene' },
  management_to: { en: "the institution's management", nb: 'virksomhetens ledelse' },
  rekBoth: { en: 'Apply to REK for pre-approval and for the exemption from the duty of confidentiality', nb: 'Søk REK om forhåndsgodkjenning og dispensasjon fra taushetsplikten' },
  rekPre: { en: 'Apply to REK for pre-approval', nb: 'Søk REK om forhåndsgodkjenning' },
  rekExemption: { en: 'Apply to REK for the exemption from the duty of confidentiality', nb: 'Søk REK om dispensasjon fra taushetsplikten' },
  rekNote: { en: "REK decides before the data application is complete; its processing time comes before the custodian's deadline.", nb: 'REK avgjør før søknaden om data er komplett; saksbehandlingstiden hos REK kommer før fristen hos registerforvalteren.' },
  protocolNotice: { en: 'Send the research protocol to REK before the processing starts', nb: 'Send forskningsprotokollen til REK før behandlingen starter' },
  holder: { en: 'Ask the organisation that holds the patient records to decide on disclosure, and agree on it', nb: 'Be virksomheten som har pasientjournalene, om å beslutte utlevering, og inngå avtale om den' },
  holder_to: { en: 'the holder of the records', nb: 'den som har journalene' },
  sharing: { en: 'Sign a data-sharing agreement with the partner abroad', nb: 'Inngå avtale om deling av data med partneren i utlandet' },
  sharing_to: { en: 'the partner abroad', nb: 'partneren i utlandet' },
  preassess: { en: 'If in doubt, ask REK whether the project must be submitted', nb: 'Ved tvil, be REK vurdere om prosjektet er fremleggelsespliktig' },
  helsedir: { en: 'Apply to Helsedirektoratet for the exemption from the duty of confidentiality', nb: 'Søk Helsedirektoratet om dispensasjon fra taushetsplikten' },
  dpo: { en: 'Have the data protection officer assess the processing', nb: 'La personvernombudet vurdere behandlingen' },
  dpia: { en: "Carry out a data protection impact assessment (DPIA), with the data protection officer's advice", nb: 'Gjennomfør en personvernkonsekvensvurdering (DPIA), med råd fra personvernombudet' },
  dpia_to: { en: 'your institution, the data controller', nb: 'virksomheten, den behandlingsansvarlige' },
  tax: { en: 'Apply to the Tax Administration for Population Register data', nb: 'Søk Skatteetaten om opplysninger fra Folkeregisteret' },
  processor: { en: 'Sign a data processor agreement with the institution abroad', nb: 'Inngå databehandleravtale med institusjonen i utlandet' },
  processor_to: { en: 'the institution abroad', nb: 'institusjonen i utlandet' },
  dmp: { en: 'Assess whether the testing must be approved by or notified to DMP', nb: 'Vurder om utprøvingen skal godkjennes av eller meldes til DMP' },
  hds: { en: 'Apply for the data through helsedata.no (Helsedataservice decides access and the exemption)', nb: 'Søk om dataene via helsedata.no (Helsedataservice avgjør tilgang og dispensasjon)' },
  custodian: { en: 'Apply for the data to the custodian', nb: 'Søk registerforvalteren om dataene' },
  custodian_to: { en: 'the custodian', nb: 'registerforvalteren' },
  wrongKind: { en: '`{0}` is listed, but on this route {1} decides the exemption.', nb: '`{0}` er oppført, men på denne søknadsveien avgjør {1} dispensasjonen.' },
  available: { en: 'Data available from {0} at the earliest', nb: 'Data tilgjengelig tidligst {0}' },
  within: { en: 'The data is made available within {0} working days of a complete application', nb: 'Dataene tilgjengeliggjøres innen {0} virkedager etter komplett søknad' },
  late: { en: 'The project starts {0}, before the earliest expected access.', nb: 'Prosjektet starter {0}, før tidligst forventet tilgang.' },
  overdue: { en: '{0} has passed and no decision is recorded: ask {1} about the case, or record the decision (`status: granted` with its `date`).', nb: '{0} er passert uten at noe vedtak er ført opp: spør {1} om saken, eller før opp vedtaket (`status: granted` med `date`).' },
} as const satisfies Record<string, Localized>;

/**
 * The steps of the application, in order, from the route: one per approval the route requires (a
 * DPIA is its own step, not part of the data protection officer's), then the application to the
 * one who decides on the data, then the delivery. Each step's state follows its approvals' status and dates.
 */
function planOf(m: Model, route: Route, timeline: RequirementsModel['timeline'], lang: Lang, today: string | undefined): PlanStep[] {
  const needs = (kind: string) => route.requirements.some((r) => r.kind === kind);
  const steps: PlanStep[] = [];
  const add = (what: Localized, to: string, groups: (readonly string[])[], attachments: string[] = [], note?: string) =>
    steps.push({ what: say(what, lang), to, approvals: groups.flat(), attachments, ...stepState(m, groups), kind: 'requirement', note });
  // An exemption listed for another authority than the route's: said at the step that gets the right one.
  const wrong = route.exemptionNeeded && route.exemptionKind ? m.approvals.find((a) => a.kind && a.kind !== route.exemptionKind && (EXEMPTION_KINDS as readonly string[]).includes(a.kind)) : undefined;
  const wrongNote = (kind: string) => (wrong && route.exemptionKind === kind ? say(STEP.wrongKind, lang, wrong.kind!, pick(AUTHORITY_NAME[AUTHORITY_OF[route.exemptionKind]], lang).split(' (')[0]) : undefined);

  if (needs('management-decision')) add(STEP.management, say(STEP.management_to, lang), [['management-decision']]);
  if (needs('rek-preapproval') || needs('rek-exemption')) {
    const kinds = ['rek-preapproval', 'rek-exemption'].filter(needs);
    const what = kinds.length === 2 ? STEP.rekBoth : kinds[0] === 'rek-preapproval' ? STEP.rekPre : STEP.rekExemption;
    const notes = [say(STEP.rekNote, lang), ...(kinds.includes('rek-exemption') ? [wrongNote('rek-exemption')] : [])].filter(Boolean);
    add(what, 'REK', kinds.map((k) => [k]), route.facts.research ? ['research-protocol'] : [], notes.join(' '));
  }
  if (needs('rek-protocol-notice')) add(STEP.protocolNotice, 'REK', [['rek-protocol-notice']], ['research-protocol']);
  if (needs('holder-decision')) add(STEP.holder, say(STEP.holder_to, lang), [['holder-decision']], ['holder-decision', 'data-sharing-agreement']);
  if (needs('rek-preassessment')) add(STEP.preassess, 'REK', [['rek-preassessment']]);
  if (needs('helsedir-exemption')) add(STEP.helsedir, 'Helsedirektoratet', [['helsedir-exemption']], ['helsedir-application'], wrongNote('helsedir-exemption'));
  if (needs('dpo-assessment')) add(STEP.dpo, say(APPROVAL_AUTHORITY['dpo-assessment'], lang), [['dpo-assessment']]);
  if (needs('dpia')) {
    add(STEP.dpia, say(STEP.dpia_to, lang), [['dpia']]);
    // A DPIA attached as a document counts as made.
    const last = steps[steps.length - 1];
    if (last.state === 'open' && m.attachments.some((x) => x.kind === 'dpia')) last.state = 'done';
  }
  if (needs('tax-administration-permit')) add(STEP.tax, 'Skatteetaten', [['tax-administration-permit']]);
  if (needs('data-processor-agreement')) add(STEP.processor, say(STEP.processor_to, lang), [['data-processor-agreement']]);
  if (needs('data-sharing-agreement')) add(STEP.sharing, say(STEP.sharing_to, lang), [['data-sharing-agreement']]);
  if (needs('medical-products-notification')) add(STEP.dmp, 'Direktoratet for medisinske produkter (DMP)', [['medical-products-notification']]);
  // Every other approval the route requires is a step of its own too, named as the approvals table names it.
  const covered = new Set(steps.flatMap((x) => x.approvals));
  for (const r of route.requirements) {
    if (r.level !== 'required' || covered.has(r.kind) || EXEMPTION_KINDS.includes(r.kind as (typeof EXEMPTION_KINDS)[number])) continue;
    const name = APPROVAL_NAME[r.kind] ?? { en: r.kind, nb: r.kind };
    add({ en: `Get the ${name.en.charAt(0).toLowerCase()}${name.en.slice(1)}`, nb: `Få ${name.nb.charAt(0).toLowerCase()}${name.nb.slice(1)}` }, say(APPROVAL_AUTHORITY[r.kind] ?? { en: 'the institution', nb: 'virksomheten' }, lang), [[r.kind]]);
  }
  if (route.decider !== 'own-records' && route.attachments.length) {
    const hds = route.decider === 'helsedataservice';
    add(
      hds ? STEP.hds : STEP.custodian,
      hds ? 'Helsedataservice' : say(STEP.custodian_to, lang),
      [hds ? ['helsedataservice-exemption', 'data-application'] : ['data-application']],
      route.attachments.map((a) => a.kind),
      hds ? wrongNote('helsedataservice-exemption') : undefined,
    );
  }
  if (timeline) {
    const start = m.project.start;
    const notes: string[] = [];
    if (timeline.earliestAccess && start && timeline.earliestAccess > start) notes.push(say(STEP.late, lang, dateText(start, lang)));
    if (timeline.earliestAccess && !timeline.decidedOn && today && timeline.earliestAccess < today) notes.push(say(STEP.overdue, lang, dateText(timeline.earliestAccess, lang), timeline.decidedBy));
    steps.push({
      what: timeline.earliestAccess ? say(STEP.available, lang, dateText(timeline.earliestAccess, lang)) : say(STEP.within, lang, timeline.workingDays),
      to: timeline.decidedBy.split(' (')[0],
      approvals: [],
      attachments: [],
      state: timeline.decidedOn ? 'done' : timeline.applicationDate ? 'waiting' : 'open',
      date: timeline.decidedOn ?? timeline.applicationDate,
      kind: 'delivery',
      note: notes.length ? notes.join(' ') : undefined,
    });
  }
  return steps;
}

const textOf = (v: unknown): string | undefined => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined);

/** Granularities that leave a person indirectly identifiable in the data the project receives. */
const FINE: ReadonlySet<string> = new Set(['date', 'age-exact', 'address', 'postcode', 'municipality', 'department', 'hospital', 'health-trust', 'free-text']);

/** Whether the project's own institution holds this source with the persons' identities (its own records, or data it collects). */
function ownIdentities(d: Model['dataSources'][number], s: Source | undefined, institution: string | undefined): boolean {
  if (!s) return false;
  if (s.kind === 'self-collected') return true;
  if (s.id !== 'patient-records') return false;
  return !d.holder?.trim() || (institution !== undefined && sameOrganisation(d.holder, institution));
}

/** The direct identifiers the project asks for, and the variables that keep its data indirectly identifiable. */
function identifiabilityOf(m: Model, lang: Lang): { directIdentifiers: string[]; indirect: { name: string; level: string }[] } {
  const directIdentifiers: string[] = [];
  const indirect: { name: string; level: string }[] = [];
  for (const v of m.variables) {
    if (!v.name) continue;
    const s = findSource(v.source.source);
    if (isDirectIdentifier(v.name, v.granularity) || (s && findVariable(s, v.name)?.direct_identifier === true)) directIdentifiers.push(v.name);
    else if (v.granularity && FINE.has(v.granularity) && !(v.granularity === 'date' && m.linkage.referenceDates === true)) {
      indirect.push({ name: v.name, level: GRANULARITY_TEXT[v.granularity] ? pick(GRANULARITY_TEXT[v.granularity], lang) : v.granularity });
    }
  }
  return { directIdentifiers: [...new Set(directIdentifiers)], indirect };
}

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
