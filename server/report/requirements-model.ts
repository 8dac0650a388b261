/** The requirements preview's model, from one analysis (the same parse as the diagnostics). Whether attachment files exist is the analysis' own `options.fileExists` (the host's look at the disk). */
import { catalogueCurrentTo, findSource, findVariable, lawCurrentTo, provisionLabel, provisions, provisionStatusShort, type Source } from '../../rules/domain/catalogue';
import { addWorkingDays, osloDate } from '../../rules/domain/working-days';
import { APPROVAL_NAME, GRANULARITY_TEXT } from '../../rules/domain/vocabulary';
import { isDirectIdentifier } from '../../rules/domain/identifiers';
import { sameOrganisation } from '../../rules/domain/organisations';
import type { ApprovalState, KeyDate, KeyDateKind, LinkageNode, Linker, PlanStep, ProjectState, ProvisionRef, RequirementsModel } from './model';
import type { Analysis } from '../engine/analysis';
import { countOf, pick, say } from '../../rules/domain/text';
import { COUNT_NOUNS } from './words';
import { lineOf as lineAt, rangeOf, walk } from '../engine/yaml-paths';
import type { Lang, Localized, Path } from '../../rules/domain/types';
import { AUTHORITY_NAME, AUTHORITY_OF, routeFor, type Route } from '../../rules/domain/routing';
import { actionsFor, changeFacts, changeRequests, draftRequest } from '../../rules/domain/change-requests';
import { diffModels } from '../../rules/domain/changes';
import type { Model } from '../../rules/domain/model';
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

  const approvals = route.requirements.map((req) => {
    const found = m.approvals.find((x) => x.kind === req.kind);
    const status: ApprovalState = (found?.status as ApprovalState | undefined) ?? (found ? 'planned' : 'missing');
    return { kind: req.kind, level: req.level, why: pick(req.why, lang), provisions: provisionRefs(req.provisions, lang, a.options.today), status, line: found ? lineOf(found.path) : undefined };
  });

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
      ownIdentities: ownIdentities(d, s, m.project.institution),
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

  const standing = standingOf(m, approvals, timeline, counts, today, lang);
  return {
    ...base,
    ...standing,
    title: m.project.title,
    institution: m.project.institution,
    lead: m.project.lead ? { name: m.project.lead.name, email: m.project.lead.email } : undefined,
    period: { start: m.project.start, end: m.project.end },
    purpose: m.purpose.category,
    secondary: m.purpose.secondary,
    product: m.purpose.product,
    consent: m.legalBasis.consent,
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
    plan: planOf(m, route, timeline, lang),
    linkage: {
      model: m.linkage.model,
      key: typeof m.raw.linkage === 'object' && m.raw.linkage !== null ? textOf((m.raw.linkage as Record<string, unknown>).key) : undefined,
      referenceDates: m.linkage.referenceDates,
      nodes,
      links,
      linker,
      ...identifiabilityOf(m, lang),
    },
    variables,
    changes: changesOf(a, m, route, lang),
  };
}

/** The changes since approval, computed as the rule computes them (rules/domain/changes.ts), with the draft change requests. */
function changesOf(a: Analysis, m: Model, route: Route, lang: Lang): RequirementsModel['changes'] {
  const out: RequirementsModel['changes'] = { baseline: a.options.baselineLabel, problem: a.baselineProblem ? pick(a.baselineProblem, lang) : undefined, items: [], requests: [] };
  if (!a.baseline) return out;
  const facts = changeFacts(m, a.baseline, route, routeFor(a.baseline, a.options.today ?? osloDate(new Date())));
  const items = diffModels(a.baseline, m)
    .map((change) => ({ change, actions: actionsFor(change, facts) }))
    .filter((i) => i.actions.length > 0);
  out.items = items.map(({ change, actions }) => ({
    kind: change.kind,
    what: pick(change.what, lang),
    approved: change.before,
    line: lineAt(a.parsed, change.path),
    needs: actions.map((x) => ({ kind: x.kind, to: pick(x.to, lang), text: pick(x.text, lang), caseNumber: x.caseNumber, provisions: provisionRefs(x.provisions, lang, a.options.today) })),
  }));
  out.requests = changeRequests(items).map((r) => ({ to: pick(r.to, lang), caseNumber: r.caseNumber, draft: draftRequest(r, m, lang) }));
  return out;
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


/** The steps of the application, in order, from the route; each with its state from the approvals listed. */
function planOf(m: Model, route: Route, timeline: RequirementsModel['timeline'], lang: Lang): PlanStep[] {
  const needs = (kind: string) => route.requirements.some((r) => r.kind === kind);
  const stateOf = (kinds: string[]): PlanStep['state'] => {
    const entries = kinds.map((k) => m.approvals.filter((a) => a.kind === k));
    if (entries.some((e) => e.length > 0 && e.every((a) => a.status === 'rejected'))) return 'blocked';
    return entries.every((e) => e.some((a) => a.status === 'granted')) ? 'done' : 'open';
  };
  const steps: PlanStep[] = [];
  const add = (what: string, to: string, approvals: string[], attachments: string[] = [], note?: string) =>
    steps.push({ what, to, approvals, attachments, state: stateOf(approvals), note });

  if (needs('management-decision')) add(say({ en: 'Get the management\'s decision on the internal use of the records', nb: 'Få virksomhetens ledelse til å beslutte den interne bruken av journalene' }, lang), say({ en: 'the institution\'s management', nb: 'virksomhetens ledelse' }, lang), ['management-decision']);
  if (needs('rek-preapproval') || needs('rek-exemption')) {
    const kinds = ['rek-preapproval', 'rek-exemption'].filter(needs);
    add(
      kinds.length === 2 ? say({ en: 'Apply to REK for pre-approval and for the exemption from the duty of confidentiality', nb: 'Søk REK om forhåndsgodkjenning og dispensasjon fra taushetsplikten' }, lang) : needs('rek-preapproval') ? say({ en: 'Apply to REK for pre-approval', nb: 'Søk REK om forhåndsgodkjenning' }, lang) : say({ en: 'Apply to REK for the exemption from the duty of confidentiality', nb: 'Søk REK om dispensasjon fra taushetsplikten' }, lang),
      'REK',
      kinds,
      route.facts.research ? ['research-protocol'] : [],
      say({ en: 'REK decides before the data application is complete; its processing time comes before the custodian\'s deadline.', nb: 'REK avgjør før søknaden om data er komplett; saksbehandlingstiden hos REK kommer før fristen hos registerforvalteren.' }, lang),
    );
  }
  if (needs('rek-protocol-notice')) add(say({ en: 'Send the research protocol to REK before the processing starts', nb: 'Send forskningsprotokollen til REK før behandlingen starter' }, lang), 'REK', ['rek-protocol-notice'], ['research-protocol']);
  if (needs('holder-decision')) add(say({ en: 'Ask the organisation that holds the patient records to decide on disclosure, and agree on it', nb: 'Be virksomheten som har pasientjournalene, om å beslutte utlevering, og inngå avtale om den' }, lang), say({ en: 'the holder of the records', nb: 'den som har journalene' }, lang), ['holder-decision'], ['holder-decision', 'data-sharing-agreement']);
  if (needs('rek-preassessment')) add(say({ en: 'If in doubt, ask REK whether the project must be submitted', nb: 'Ved tvil, be REK vurdere om prosjektet er fremleggelsespliktig' }, lang), 'REK', ['rek-preassessment']);
  if (needs('helsedir-exemption')) add(say({ en: 'Apply to Helsedirektoratet for the exemption from the duty of confidentiality', nb: 'Søk Helsedirektoratet om dispensasjon fra taushetsplikten' }, lang), 'Helsedirektoratet', ['helsedir-exemption'], ['helsedir-application']);
  const assessments = ['dpo-assessment', 'dpia'].filter(needs);
  if (assessments.length) add(say({ en: 'Have the data protection officer assess the processing', nb: 'La personvernombudet vurdere behandlingen' }, lang), say({ en: 'the data protection officer', nb: 'personvernombudet' }, lang), assessments);
  if (needs('tax-administration-permit')) add(say({ en: 'Apply to the Tax Administration for Population Register data', nb: 'Søk Skatteetaten om opplysninger fra Folkeregisteret' }, lang), 'Skatteetaten', ['tax-administration-permit']);
  if (needs('data-processor-agreement')) add(say({ en: 'Sign a data processor agreement with the institution abroad', nb: 'Inngå databehandleravtale med institusjonen i utlandet' }, lang), say({ en: 'the institution abroad', nb: 'institusjonen i utlandet' }, lang), ['data-processor-agreement']);
  if (needs('data-sharing-agreement')) add(say({ en: 'Sign a data-sharing agreement with the partner abroad', nb: 'Inngå avtale om deling av data med partneren i utlandet' }, lang), say({ en: 'the partner abroad', nb: 'partneren i utlandet' }, lang), ['data-sharing-agreement']);
  if (needs('medical-products-notification')) add(say({ en: 'Assess whether the testing must be approved by or notified to DMP', nb: 'Vurder om utprøvingen skal godkjennes av eller meldes til DMP' }, lang), 'Direktoratet for medisinske produkter (DMP)', ['medical-products-notification']);
  if (route.decider !== 'own-records' && route.attachments.length) {
    const hds = route.decider === 'helsedataservice';
    add(
      hds ? say({ en: 'Apply for the data through helsedata.no (Helsedataservice decides access and the exemption)', nb: 'Søk om dataene via helsedata.no (Helsedataservice avgjør tilgang og dispensasjon)' }, lang) : say({ en: 'Apply for the data to the custodian', nb: 'Søk registerforvalteren om dataene' }, lang),
      hds ? 'Helsedataservice' : say({ en: 'the custodian', nb: 'registerforvalteren' }, lang),
      hds ? ['helsedataservice-exemption'] : ['data-application'],
      route.attachments.map((a) => a.kind),
    );
  }
  if (timeline) {
    const start = m.project.start;
    const late = timeline.earliestAccess && start && timeline.earliestAccess > start;
    steps.push({
      what: timeline.earliestAccess ? say({ en: `Data available from ${timeline.earliestAccess} at the earliest`, nb: `Data tilgjengelig tidligst ${timeline.earliestAccess}` }, lang) : say({ en: `The data is made available within ${timeline.workingDays} working days of a complete application`, nb: `Dataene tilgjengeliggjøres innen ${timeline.workingDays} virkedager etter komplett søknad` }, lang),
      to: timeline.decidedBy,
      approvals: [],
      attachments: [],
      state: timeline.decidedOn ? 'done' : 'open',
      note: late ? say({ en: `The project starts ${start}, before the earliest expected access.`, nb: `Prosjektet starter ${start}, før tidligst forventet tilgang.` }, lang) : undefined,
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
