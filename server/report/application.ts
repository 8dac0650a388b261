/**
 * The application document as neutral blocks, in the order of the helsedata.no application for
 * identifiable data. Word (docx.ts) and Markdown (markdown.ts) are both written from these blocks,
 * so the two say the same. Text comes from the descriptor; a field the route needs but the
 * descriptor lacks is a visible placeholder, never invented text.
 */
import { findSource, type CatalogueVariable, type Source, findVariable } from '../../rules/domain/catalogue';
import type { Model, Raw } from '../../rules/domain/model';
import { countryName, listOf, pick, say } from '../../rules/domain/text';
import { isDirectIdentifier } from '../../rules/domain/identifiers';
import { deliveredByCustodian } from '../../rules/domain/routing';
import { finalReportSent } from '../../rules/common';
import type { Lang, Localized } from '../../rules/domain/types';
import { CONSENT_CONDITIONS, CONSENT_CONDITION_TEXT, CONSENT_EXCEPTION_CONDITIONS, CONSENT_EXCEPTION_TEXT, EU_EEA, GRANULARITY_TEXT, PURPOSE_INFO, type Purpose } from '../../rules/domain/vocabulary';
import { linkageSteps } from './linkage-diagram';
import { statusText } from './requirements-render';
import { GENERIC_CUSTODIAN } from './requirements-model';
import type { RequirementsModel } from './model';
import type { Analysis } from '../engine/analysis';
import {
  APPROVAL_AUTHORITY, APPROVAL_NAME, ARTICLE_6, ARTICLE_9, ATTACHMENT_NAME, EXTERNAL_DECISIONS, IDENTIFIABILITY, LINKAGE_MODEL, missing, PRODUCT_NAME, RECIPIENT_ROLE, ROLE, STUDY_DESIGN, TRANSFER_BASIS, WORDS,
} from './words';

const W = WORDS.document;

/** A piece of text: from the descriptor, our own words, or a placeholder for what is missing. */
export interface Run {
  text: string;
  placeholder?: boolean;
  bold?: boolean;
  /** A problem the reader should see (an error, a file not found). */
  warn?: boolean;
}
export type Cell = Run[];

export type Block =
  | { kind: 'title'; text: string }
  | { kind: 'h1' | 'h2'; text: string; anchor?: string }
  | { kind: 'p'; runs: Run[] }
  | { kind: 'fields'; rows: { label: string; value: Cell }[] }
  | { kind: 'list'; items: Cell[] }
  | { kind: 'table'; head: string[]; rows: Cell[][]; widths?: number[] }
  | { kind: 'contents'; items: { text: string; anchor: string }[] }
  | { kind: 'diagram'; alt: string };

const r = (text: string | undefined): Run[] => (text === undefined ? [] : [{ text }]);
const ph = (text: string): Run[] => [{ text, placeholder: true }];
const capital = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const has = (s: string | undefined): s is string => typeof s === 'string' && s.trim() !== '';
const isObj = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);
/** A string, or a number written where prose is allowed. */
const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined);
const strings = (v: unknown): string[] => (Array.isArray(v) ? v.map(text).filter(has) : has(text(v)) ? [text(v)!] : []);
const words = (table: Readonly<Record<string, Localized>>, key: string | undefined, l: Lang): string | undefined => (key === undefined ? undefined : table[key] ? pick(table[key], l) : key);

/** The catalogue entry of a variable: by its name, the custodian's spelling or another name. */
export function catalogueVariable(s: Source | undefined, name: string | undefined): CatalogueVariable | undefined {
  return s && name ? findVariable(s, name) : undefined;
}

/** One row of a source's variable list, as the custodian reads it. */
export interface VariableRow {
  /** The variable's name as the descriptor writes it. */
  name: string;
  /**
   * The name in the custodian's own variable list, only when the catalogue has it from that list
   * (`custodian_name`); undefined when it is still to be checked with the custodian.
   */
  custodianName?: string;
  description?: string;
  granularity?: string;
  justification?: string;
  /** For a direct identifier: the special grounds stated, or '' when none are. */
  specialGrounds?: string;
}

export function variableRows(m: Model, sourceIndex: number, l: Lang): VariableRow[] {
  const d = m.dataSources[sourceIndex];
  const s = findSource(d.source);
  const raw = Array.isArray(m.raw.data_sources) ? (m.raw.data_sources as unknown[])[sourceIndex] : undefined;
  const rawVars = isObj(raw) && Array.isArray(raw.variables) ? raw.variables : [];
  return d.variables.map((v) => {
    const c = catalogueVariable(s, v.name);
    const own = isObj(rawVars[v.index]) ? text((rawVars[v.index] as Raw).description) : undefined;
    const direct = isDirectIdentifier(v.name, v.granularity) || c?.direct_identifier === true;
    return {
      name: (v.name ?? '').trim(),
      custodianName: has(c?.custodian_name ?? undefined) ? c!.custodian_name!.trim() : undefined,
      description: c ? pick(c.description, l) : has(own) ? own : undefined,
      granularity: v.granularity ? (GRANULARITY_TEXT[v.granularity] ? pick(GRANULARITY_TEXT[v.granularity], l) : v.granularity) : undefined,
      justification: has(v.justification) ? v.justification : undefined,
      specialGrounds: direct ? (has(v.specialGrounds) ? v.specialGrounds.trim() : '') : undefined,
    };
  });
}

/**
 * What the document is, in its title: a working draft of the application for data where one goes to
 * Helsedataservice, a custodian or another holder of records (helsedata.no takes those only through its
 * web form), else a project description; never an application title where no application is sent.
 */
export function documentTitle(a: Analysis, l: Lang): string {
  const title = a.model?.project.title?.trim() || missing('title', l);
  return `${say(a.route?.facts.dataApplication ? W.titleApplication : W.titleDescription, l)}: ${title}`;
}

/** What the document is for, in a sentence under the title. */
function documentNote(a: Analysis, rm: RequirementsModel, l: Lang): string | undefined {
  const route = a.route;
  if (!route) return undefined;
  if (route.family === 'internal-qa') return say(W.noteInternalQa, l);
  if (route.family === 'quality-register') return say(W.noteQualityRegister, l);
  if (route.facts.dataApplication) return say(route.decider === 'helsedataservice' ? W.noteHds : W.noteCustodian, l);
  const to = rm.approvals.filter((x) => ['rek-preapproval', 'rek-exemption', 'rek-protocol-notice', 'helsedir-exemption'].includes(x.kind)).map((x) => (x.kind === 'helsedir-exemption' ? 'Helsedirektoratet' : 'REK'));
  return to.length ? say(W.noteOwnRecords, l, listOf([...new Set(to)], l)) : say(W.noteNoApplication, l);
}

export interface DocumentOptions {
  /** The descriptor's file name (no folder). */
  descriptorName: string;
  today: string;
  version: string;
  /** File names of each data source's variable spreadsheet, by index in `data_sources`. */
  variableFiles: string[];
  /** A PNG of the diagram goes into the document. */
  diagramImage: boolean;
}

export function applicationBlocks(a: Analysis, rm: RequirementsModel, o: DocumentOptions): Block[] {
  const l = a.lang;
  const m = a.model;
  const out: Block[] = [];
  out.push({ kind: 'title', text: documentTitle(a, l) });
  const note = documentNote(a, rm, l);
  if (note) out.push({ kind: 'p', runs: [{ text: note, bold: true }] });
  out.push({ kind: 'p', runs: r(say(W.generated, l, o.descriptorName, o.version, o.today, rm.lawCurrentTo)) });

  // A quality register has no exemption to ask for: its section 7 is about consent or registration without it.
  const s7 = a.route?.family === 'quality-register' ? 's7QualityRegister' : 's7';
  const sections = (['s1', 's2', 's3', 's4', 's5', 's6', s7, 's8', 's9', 's10'] as const).map((k, i) => ({ text: `${i + 1} ${say(W[k], l)}`, anchor: k === s7 ? 's7' : k }));
  const errors = a.results.filter((x) => x.severity === 'error');
  const contents = [...(errors.length ? [{ text: say(W.errorsTitle, l), anchor: 'errors' }] : []), ...sections];
  out.push({ kind: 'p', runs: [{ text: say(W.contents, l), bold: true }] });
  out.push({ kind: 'contents', items: contents });

  if (errors.length) {
    out.push({ kind: 'h1', text: say(W.errorsTitle, l), anchor: 'errors' });
    out.push({ kind: 'p', runs: [{ text: say(W.errorsIntro, l, `${errors.length} ${l === 'nb' ? 'feil' : errors.length === 1 ? 'error' : 'errors'}`), warn: true }] });
    // The messages' `code` marks are for editors; here the words stand as plain text.
    out.push({ kind: 'list', items: errors.map((e) => [{ text: `${say(W.line, l, e.range.start.line + 1)}: `, bold: true }, { text: e.message.replace(/`([^`]*)`/g, '$1') }, { text: ` (${e.rule})` }]) });
  }
  const h1 = (i: number) => out.push({ kind: 'h1', text: sections[i].text, anchor: sections[i].anchor });

  if (!m) {
    // Not a descriptor at all: the sections stay, each says what is missing.
    for (let i = 0; i < sections.length; i++) {
      h1(i);
      out.push({ kind: 'p', runs: ph(missing('purpose', l)) });
    }
    return out;
  }
  const route = a.route!;
  const research = route.facts.research;
  const projectRaw = isObj(m.raw.project) ? m.raw.project : {};
  const lead = isObj(projectRaw.project_lead) ? projectRaw.project_lead : undefined;

  // 1 Project and responsibilities.
  h1(0);
  const f1: { label: string; value: Cell }[] = [
    { label: say(W.title, l), value: has(m.project.title) ? r(m.project.title) : ph(missing('title', l)) },
  ];
  if (has(text(projectRaw.summary))) f1.push({ label: say(W.summary, l), value: r(text(projectRaw.summary)!.trim()) });
  // Both roles the law names: the data controller (dataansvarlig) and, for research, the research-responsible institution (hforsknl § 4 e).
  f1.push({ label: say(W.institution, l), value: has(m.project.institution) ? r(m.project.institution) : ph(missing('institution', l)) });
  if (has(m.project.researchResponsible)) f1.push({ label: say(W.researchResponsible, l), value: r(m.project.researchResponsible) });
  else if (research && has(m.project.institution)) f1.push({ label: say(W.researchResponsible, l), value: r(say(W.sameAsController, l, m.project.institution)) });
  const leadText = [m.project.lead?.name, text(lead?.email)].filter(has).join(', ');
  f1.push({ label: say(W.lead, l), value: leadText ? r(leadText) : ph(missing('lead', l)) });
  if (m.project.start || m.project.end) f1.push({ label: say(W.period, l), value: r(`${m.project.start ?? '?'} – ${m.project.end ?? '?'}`) });
  // The research protocol states the funding (hforsknl § 6).
  if (has(text(projectRaw.funding))) f1.push({ label: say(W.funding, l), value: r(text(projectRaw.funding)) });
  else if (research) f1.push({ label: say(W.funding, l), value: ph(missing('funding', l)) });
  // The applicant's own institution approves the project before an application for data (helsedata.no).
  const institutionApproval = m.approvals.find((x) => x.kind === 'institution-approval');
  if (institutionApproval || route.facts.dataApplication) {
    f1.push({ label: say(W.institutionApproval, l), value: institutionApproval ? [...approvalState(institutionApproval, l), ...r([institutionApproval.reference, institutionApproval.date].filter(has).map((x) => `, ${x}`).join(''))] : ph(missing('institutionApproval', l)) });
  }
  if (m.project.statutoryTask !== undefined) f1.push({ label: say(W.statutoryTask, l), value: r(say(W[m.project.statutoryTask ? 'yes' : 'no'], l)) });
  out.push({ kind: 'fields', rows: f1 });
  out.push({ kind: 'h2', text: say(W.staff, l) });
  if (m.project.staff.length) out.push({ kind: 'table', head: [say(W.name, l), say(W.role, l)], rows: m.project.staff.map((p) => [r(p.name ?? ''), r(words(ROLE, p.role, l) ?? '')]), widths: [55, 45] });
  else out.push({ kind: 'p', runs: r(say(W.noStaff, l)) });

  // 2 Purpose and legal basis.
  h1(1);
  const cat = m.purpose.category;
  const purposeName = (p: string) => (PURPOSE_INFO[p as Purpose] ? pick(PURPOSE_INFO[p as Purpose].name, l) : p);
  const purposeRaw = isObj(m.raw.purpose) ? m.raw.purpose : {};
  const f2: { label: string; value: Cell }[] = [
    { label: say(W.purpose, l), value: cat ? r(PURPOSE_INFO[cat as Purpose] ? `${purposeName(cat)} – ${pick(PURPOSE_INFO[cat as Purpose].explanation, l)}` : cat) : ph(missing('purpose', l)) },
  ];
  if (m.purpose.secondary.length) f2.push({ label: say(W.secondary, l), value: r(m.purpose.secondary.map(purposeName).join(', ')) });
  if (m.purpose.product) f2.push({ label: say(W.product, l), value: r(words(PRODUCT_NAME, m.purpose.product, l)) });
  if (m.purpose.clinicalTesting !== undefined) f2.push({ label: say(W.clinicalTesting, l), value: r(say(W[m.purpose.clinicalTesting ? 'yes' : 'no'], l)) });
  const description = text(purposeRaw.description);
  f2.push({ label: say(W.purposeDescription, l), value: has(description) ? r(description.trim()) : ph(missing('purposeDescription', l)) });
  out.push({ kind: 'fields', rows: f2 });
  out.push({ kind: 'h2', text: say(W.legalBasis, l) });
  const lb = m.legalBasis;
  const needsBasis = route.facts.identifiable.length > 0;
  const legalRaw = isObj(m.raw.legal_basis) ? m.raw.legal_basis : {};
  const letter = (table: Readonly<Record<string, Localized>>, x: string | undefined, need: boolean, field: 'article6' | 'article9'): Cell =>
    x ? r(`(${x}) ${words(table, x, l)}`) : need ? ph(missing(field, l)) : r(say(W.notApplicable, l));
  const f2b: { label: string; value: Cell }[] = [
    { label: say(W.consentBasis, l), value: r(lb.consent === undefined ? say(W.notApplicable, l) : say(W[lb.consent ? 'yes' : 'no'], l)) },
    { label: say(W.article6, l), value: letter(ARTICLE_6, lb.article6, needsBasis, 'article6') },
    { label: say(W.article9, l), value: letter(ARTICLE_9, lb.article9, needsBasis, 'article9') },
  ];
  // Art. 6(1)(c) and (e), and art. 9(2)(g) to (j), need a basis in national law (art. 6(3), 9(2)); the form asks for it.
  const needsSupplementary = needsBasis && (['c', 'e'].includes(lb.article6 ?? '') || ['g', 'h', 'i', 'j'].includes(lb.article9 ?? ''));
  if (has(text(legalRaw.supplementary))) f2b.push({ label: say(W.supplementary, l), value: r(text(legalRaw.supplementary)) });
  else if (needsSupplementary) f2b.push({ label: say(W.supplementary, l), value: ph(missing('supplementary', l)) });
  out.push({ kind: 'fields', rows: f2b });

  // 3 Research questions and study design.
  h1(2);
  const questions = strings(m.purpose.researchQuestions);
  if (!research && !questions.length && !m.purpose.studyDesign) out.push({ kind: 'p', runs: r(say(W.notResearch, l)) });
  else {
    out.push({ kind: 'h2', text: say(W.questions, l) });
    if (questions.length) out.push({ kind: 'list', items: questions.map((q) => r(q)) });
    else out.push({ kind: 'p', runs: ph(missing('questions', l)) });
    out.push({ kind: 'fields', rows: [{ label: say(W.design, l), value: m.purpose.studyDesign ? r(words(STUDY_DESIGN, m.purpose.studyDesign, l)) : ph(missing('design', l)) }] });
  }

  // 4 Population and control group.
  h1(3);
  const popRaw = isObj(m.raw.population) ? m.raw.population : {};
  const f4: { label: string; value: Cell }[] = [
    { label: say(W.target, l), value: has(m.population.target) ? r(m.population.target) : research ? ph(missing('target', l)) : r(say(W.notApplicable, l)) },
    { label: say(W.study, l), value: has(m.population.study) ? r(m.population.study) : research ? ph(missing('study', l)) : r(say(W.notApplicable, l)) },
  ];
  if (typeof popRaw.size === 'number') f4.push({ label: say(W.size, l), value: r(popRaw.size.toLocaleString(l === 'nb' ? 'nb-NO' : 'en-GB')) });
  out.push({ kind: 'fields', rows: f4 });
  for (const [key, label] of [['inclusion', 'inclusion'], ['exclusion', 'exclusion']] as const) {
    const items = strings(popRaw[key]);
    if (items.length) {
      out.push({ kind: 'p', runs: [{ text: say(W[label], l), bold: true }] });
      out.push({ kind: 'list', items: items.map((x) => r(x)) });
    }
  }
  out.push({ kind: 'h2', text: say(W.controlGroup, l) });
  const cg = isObj(popRaw.control_group) ? popRaw.control_group : undefined;
  if (m.population.controlGroup?.present) {
    const src = m.population.controlGroup.source;
    const local = m.dataSources.find((d) => d.id === src);
    const cat = findSource(local?.source ?? src);
    const rows: { label: string; value: Cell }[] = [
      { label: say(W.controlSource, l), value: src ? r(cat ? `${pick(cat.name, l)} (${src})` : src) : ph(missing('controlSource', l)) },
    ];
    if (has(text(cg?.description))) rows.push({ label: say(W.controlDescription, l), value: r(text(cg!.description)) });
    if (typeof cg?.size === 'number') rows.push({ label: say(W.controlSize, l), value: r(cg.size.toLocaleString(l === 'nb' ? 'nb-NO' : 'en-GB')) });
    out.push({ kind: 'fields', rows });
  } else out.push({ kind: 'p', runs: r(say(W.noControlGroup, l)) });

  // 5 Data sources and variables.
  h1(4);
  if (!m.dataSources.length) out.push({ kind: 'p', runs: ph(missing('variables', l)) });
  m.dataSources.forEach((d, i) => {
    const s = findSource(d.source);
    out.push({ kind: 'h2', text: `${s ? (s.abbreviation ?? pick(s.name, l)) : (d.source ?? '?')} (${d.id ?? d.source ?? i + 1})` });
    const raw = Array.isArray(m.raw.data_sources) ? (m.raw.data_sources as unknown[])[i] : undefined;
    const rows: { label: string; value: Cell }[] = [{ label: say(W.sourceName, l), value: s ? r(pick(s.name, l)) : [{ text: `${d.source ?? '?'} (${say(W.notInCatalogue, l)})`, warn: true }] }];
    if (s) rows.push({ label: say(W.custodian, l), value: r(GENERIC_CUSTODIAN[s.kind] ? capital(pick(GENERIC_CUSTODIAN[s.kind], l)) : s.custodian.now) });
    if (has(d.holder)) rows.push({ label: say(W.holder, l), value: r(d.holder) });
    if (s) rows.push({ label: say(W.identifiability, l), value: r(words(IDENTIFIABILITY, s.identifiability, l)) });
    if (isObj(raw) && has(text(raw.description))) rows.push({ label: say(W.sourceDescription, l), value: r(text(raw.description)) });
    // The caseworker asks which years are wanted from each source and how the persons are found in it.
    const asked = route.facts.research || route.facts.dataApplication;
    const delivered = s !== undefined && deliveredByCustodian(s);
    const period = d.period && (has(d.period.from) || has(d.period.to)) ? `${d.period.from ?? '?'} – ${d.period.to ?? '?'}` : undefined;
    if (period) rows.push({ label: say(W.dataPeriod, l), value: r(period) });
    else if (asked && delivered) rows.push({ label: say(W.dataPeriod, l), value: ph(missing('dataPeriod', l)) });
    if (has(d.selection)) rows.push({ label: say(W.selection, l), value: r(d.selection) });
    else if (asked && delivered) rows.push({ label: say(W.selection, l), value: ph(missing('selection', l)) });
    out.push({ kind: 'fields', rows });
    const vars = variableRows(m, i, l);
    if (!vars.length) out.push({ kind: 'p', runs: r(say(W.noVariables, l)) });
    else {
      // The custodian's name only where the catalogue has it from the custodian's own list; otherwise it is still to be checked.
      const toCheck: Cell = [{ text: say(W.toCheck, l), placeholder: true }];
      out.push({
        kind: 'table',
        head: [say(W.variable, l), say(W.custodianName, l), say(W.description, l), say(W.granularity, l), say(W.justification, l)],
        rows: vars.map((v) => [r(v.name), v.custodianName ? r(v.custodianName) : toCheck, r(v.description ?? say(W.notApplicable, l)), r(v.granularity ?? say(W.notApplicable, l)), v.justification ? r(v.justification) : ph(missing('justification', l))]),
        widths: [17, 22, 19, 15, 27],
      });
      const direct = vars.filter((v) => v.specialGrounds !== undefined);
      if (direct.length) {
        out.push({ kind: 'p', runs: [{ text: say(W.specialGrounds, l), bold: true }] });
        out.push({ kind: 'list', items: direct.map((v) => [{ text: `${v.name}: `, bold: true }, ...(v.specialGrounds ? r(v.specialGrounds) : ph(missing('specialGrounds', l)))]) });
      }
      out.push({ kind: 'p', runs: r(say(W.variablesFile, l, `${o.variableFiles[i]}.xlsx`)) });
    }
  });

  // 6 Linkage: words, then the diagram.
  h1(5);
  const lk = rm.linkage;
  const linked = lk.links.length > 0 || (m.dataSources.length >= 2 && lk.model !== undefined && lk.model !== 'none');
  const f6: { label: string; value: Cell }[] = [
    { label: say(W.linkageModel, l), value: lk.model ? r(words(LINKAGE_MODEL, lk.model, l)) : linked ? ph(missing('linkageModel', l)) : r(say(W.noSourcesLinked, l)) },
  ];
  if (lk.linker) f6.push({ label: say(W.linkedBy, l), value: r(lk.linker.name) });
  // Who holds the key between national identity numbers and serial numbers: the one who links centrally, else each custodian.
  if (lk.linker) f6.push({ label: say(W.keyHeldBy, l), value: r(lk.linker.kind === 'project' ? say(W.eachCustodian, l) : lk.linker.name) });
  if (lk.links.length) f6.push({ label: say(W.links, l), value: r(lk.links.map((x) => `${x.a} ↔ ${x.b}`).join(', ')) });
  out.push({ kind: 'fields', rows: f6 });
  if (m.dataSources.length) {
    out.push({ kind: 'h2', text: say(W.linkageSteps, l) });
    out.push({ kind: 'list', items: linkageSteps(rm).map((s) => [{ text: s.text, warn: s.bad }]) });
    out.push({ kind: 'h2', text: say(W.diagram, l) });
    if (o.diagramImage) {
      out.push({ kind: 'diagram', alt: say(W.diagram, l) });
      out.push({ kind: 'p', runs: r(say(W.diagramFile, l)) });
    } else out.push({ kind: 'p', runs: r(say(W.diagramNoImage, l)) });
  }

  // 7 Consent or exemption.
  h1(6);
  const qr = route.family === 'quality-register';
  if (lb.consent && !qr && route.facts.ownConsent) {
    out.push({ kind: 'h2', text: say(W.consentTitle, l) });
    out.push({ kind: 'p', runs: r(say(W.consentIntro, l)) });
    const c = m.consent ?? {};
    out.push({
      kind: 'table',
      head: [say(W.condition, l), say(W.met, l)],
      rows: CONSENT_CONDITIONS.map((k) => [r(pick(CONSENT_CONDITION_TEXT[k], l)), typeof c[k] === 'boolean' ? [{ text: say(W[c[k] ? 'yes' : 'no'], l), warn: !c[k] }] : ph(missing('condition', l))]),
      widths: [70, 30],
    });
  }
  if (rm.route.exemptionNeeded && rm.route.exemptionKind) {
    out.push({ kind: 'h2', text: say(W.exemptionTitle, l) });
    const kind = rm.route.exemptionKind;
    const entry = m.approvals.find((x) => x.kind === kind);
    const rows: { label: string; value: Cell }[] = [
      { label: say(W.exemptionKind, l), value: r(words(APPROVAL_NAME, kind, l)) },
      { label: say(W.decidedBy, l), value: r(rm.route.authority) },
    ];
    if (rm.route.why) rows.push({ label: say(W.why, l), value: r(rm.route.why) });
    if (rm.route.provisions.length) rows.push({ label: say(W.law, l), value: r(rm.route.provisions.map((p) => (p.status ? `${p.label} (${p.status})` : p.label)).join(', ')) });
    rows.push({ label: say(W.saksstatus, l), value: entry ? approvalState(entry, l) : ph(missing('exemption', l)) });
    // The conditions the decision-maker weighs (hpl § 29, hregl § 19 e): why not consent, and the interest to society.
    const wc = m.legalBasis.withoutConsent;
    rows.push({ label: say(W.whyNoConsent, l), value: has(wc?.reason) ? r(wc.reason.trim()) : ph(missing('whyNoConsent', l)) });
    rows.push({ label: say(W.societalInterest, l), value: has(wc?.societalInterest) ? r(wc.societalInterest.trim()) : ph(missing('societalInterest', l)) });
    out.push({ kind: 'fields', rows });
    out.push({ kind: 'p', runs: r(say(W.conditionsNote, l)) });
  } else if (qr) {
    // A quality register: the four conditions without consent, or consent, and never "no consent and no exemption needed".
    if (lb.consent) out.push({ kind: 'p', runs: r(say(W.qrConsent, l)) });
    else {
      out.push({ kind: 'h2', text: say(W.qrWithoutConsent, l) });
      out.push({ kind: 'p', runs: r(say(W.qrIntro, l)) });
      const ce = isObj(m.qualityRegister?.consent_exception) ? (m.qualityRegister!.consent_exception as Raw) : {};
      out.push({
        kind: 'table',
        head: [say(W.condition, l), say(W.met, l)],
        rows: CONSENT_EXCEPTION_CONDITIONS.map((k) => [r(capital(pick(CONSENT_EXCEPTION_TEXT[k], l))), typeof ce[k] === 'boolean' ? [{ text: say(W[ce[k] ? 'yes' : 'no'], l), warn: !ce[k] }] : ph(missing('condition', l))]),
        widths: [70, 30],
      });
      out.push({ kind: 'p', runs: r(say(W.qrObject, l)) });
    }
  } else if (route.family === 'internal-qa') out.push({ kind: 'p', runs: r(say(W.internalQa, l)) });
  else if (!lb.consent) out.push({ kind: 'p', runs: r(say(W.noExemption, l)) });
  // What the route means here (a cohort's consent, § 19 b, a quality register's conditions, pure registry research).
  if (rm.route.notes.length) {
    out.push({ kind: 'h2', text: say(W.routeNotes, l) });
    out.push({ kind: 'list', items: rm.route.notes.map((x) => r(x)) });
  }
  // How the registered learn of the project: without the project's own consent the information duty stands on its own.
  if (route.facts.identifiable.length > 0 || qr) {
    out.push({ kind: 'h2', text: say(qr ? W.informationQr : W.information, l) });
    const info = m.legalBasis.participantInformation;
    if (has(info)) out.push({ kind: 'p', runs: r(info.trim()) });
    else if (route.facts.ownConsent && !qr) out.push({ kind: 'p', runs: r(say(W.informationConsent, l)) });
    else out.push({ kind: 'p', runs: ph(missing('information', l)) });
  }

  // 8 Data management.
  h1(7);
  const dm = m.dataManagement;
  const security = strings(dm.securityMeasures);
  out.push({
    kind: 'fields',
    rows: [
      { label: say(W.storage, l), value: has(dm.storage) ? r(dm.storage) : ph(missing('storage', l)) },
      { label: say(W.retention, l), value: has(dm.retentionUntil) ? r(dm.retentionUntil) : ph(missing('retention', l)) },
      // Kept past the project's end: the reason goes with the date (GDPR art. 5(1)(e); hforsknl § 38).
      ...(has(dm.retentionReason)
        ? [{ label: say(W.retentionReason, l), value: r(dm.retentionReason.trim()) }]
        : has(dm.retentionUntil) && has(m.project.end) && dm.retentionUntil > m.project.end
          ? [{ label: say(W.retentionReason, l), value: ph(missing('retentionReason', l)) }]
          : []),
      { label: say(W.deletion, l), value: has(dm.deletion) ? r(dm.deletion) : ph(missing('deletion', l)) },
      // REK-approved research ends with a final report (hforsknl § 12).
      ...(rm.approvals.some((x) => x.kind === 'rek-preapproval' || x.kind === 'rek-protocol-notice')
        ? [{ label: say(W.finalReport, l), value: finalReportCell(m, l) }]
        : []),
    ],
  });
  out.push({ kind: 'h2', text: say(W.security, l) });
  if (security.length) out.push({ kind: 'list', items: security.map((x) => r(x)) });
  else out.push({ kind: 'p', runs: ph(missing('security', l)) });
  out.push({ kind: 'h2', text: say(W.transfer, l) });
  if (dm.transferAbroad) {
    const outside = dm.transferCountries.some((c) => !EU_EEA.has(c));
    const rows: { label: string; value: Cell }[] = [{ label: say(W.countries, l), value: r(listOf(dm.transferCountries.map((c) => countryName(c, l)), l) || say(W.notApplicable, l)) }];
    if (has(text(dm.transferAbroad.recipient))) rows.push({ label: say(W.recipient, l), value: r(text(dm.transferAbroad.recipient)) });
    if (dm.transferRecipientRole) rows.push({ label: say(W.recipientRole, l), value: r(words(RECIPIENT_ROLE, dm.transferRecipientRole, l)) });
    rows.push({ label: say(W.transferBasis, l), value: dm.transferBasis ? r(words(TRANSFER_BASIS, dm.transferBasis, l)) : outside ? ph(missing('transferBasis', l)) : r(say(W.notApplicable, l)) });
    out.push({ kind: 'fields', rows });
  } else out.push({ kind: 'p', runs: r(say(W.noTransfer, l)) });

  // 9 Approvals: what the route asks for, then what else the descriptor lists.
  h1(8);
  const approvalRows: Cell[][] = [];
  const rawApprovals = Array.isArray(m.raw.approvals) ? (m.raw.approvals as unknown[]) : [];
  const authorityOf = (kind: string, index?: number): string => {
    const raw = index === undefined ? undefined : rawApprovals[index];
    const own = isObj(raw) ? text(raw.authority) : undefined;
    if (has(own)) return own;
    if (kind === 'data-application' && route.decider === 'helsedataservice') return 'Helsedataservice';
    return words(APPROVAL_AUTHORITY, kind, l) ?? '';
  };
  // The model lists the route's approvals first, then every other one the descriptor lists.
  for (const req of rm.approvals) {
    const entry = m.approvals.find((x) => x.kind === req.kind);
    const name = `${words(APPROVAL_NAME, req.kind, l)}${req.level === 'assess' ? ` (${say(W.assess, l)})` : req.level === 'listed' ? ` (${say(W.notForRoute, l)})` : ''}`;
    approvalRows.push([r(name), r(authorityOf(req.kind, entry?.index)), entry ? approvalState(entry, l) : ph(missing('approvalEntry', l)), referenceCell(entry, req.kind, l), r(entry?.date ?? '')]);
  }
  if (approvalRows.length) out.push({ kind: 'table', head: [say(W.approval, l), say(W.decidedBy, l), say(W.saksstatus, l), say(W.reference, l), say(W.date, l)], rows: approvalRows, widths: [29, 19, 19, 18, 15] });
  else out.push({ kind: 'p', runs: r(say(W.noApprovals, l)) });
  // The application carries the relevant dialogue with REK: correspondence, interim decisions and feedback.
  if (rm.approvals.some((x) => x.kind === 'rek-preapproval' || x.kind === 'rek-exemption' || x.kind === 'rek-protocol-notice')) {
    out.push({ kind: 'h2', text: say(W.rekDialogue, l) });
    const dialogue = m.attachments.filter((x) => x.kind === 'rek-dialogue').map((x) => x.file ?? words(ATTACHMENT_NAME, 'rek-dialogue', l) ?? '');
    out.push({ kind: 'p', runs: r(dialogue.length ? say(W.rekDialogueListed, l, listOf(dialogue, l)) : say(W.rekDialogueNone, l).replace(/`([^`]*)`/g, '$1')) });
  }

  // 10 Attachments.
  h1(9);
  const rawAttachments = Array.isArray(m.raw.attachments) ? (m.raw.attachments as unknown[]) : [];
  const attachmentRows: Cell[][] = rm.attachments.map((att) => {
    const entry = m.attachments.find((x) => x.kind === att.kind);
    const raw = entry ? rawAttachments[entry.index] : undefined;
    const file: Cell = att.file ? [{ text: att.file }, ...(att.fileExists === false ? [{ text: ` ${say(W.fileNotFound, l)}`, warn: true }] : [])] : att.listed ? r('') : ph(missing('attachmentEntry', l));
    return [r(words(ATTACHMENT_NAME, att.kind, l)), file, r((isObj(raw) ? text(raw.description) : undefined) ?? ''), r(att.why ? say(W.yes, l) : say(W.notApplicable, l))];
  });
  if (attachmentRows.length) out.push({ kind: 'table', head: [say(W.attachment, l), say(W.file, l), say(W.description, l), say(W.requiredHere, l)], rows: attachmentRows, widths: [30, 30, 25, 15] });
  else out.push({ kind: 'p', runs: r(say(W.noAttachments, l)) });
  return out;
}

/** The final report to REK: sent (with its date), or due at the project's end. */
function finalReportCell(m: Model, l: Lang): Cell {
  const sent = finalReportSent(m);
  if (sent === true) return r(say(W.finalReportSentUndated, l));
  if (sent) return r(say(W.finalReportSent, l, sent));
  return has(m.project.end) ? r(say(W.finalReportDue, l, m.project.end)) : ph(missing('finalReport', l));
}

function approvalState(entry: Model['approvals'][number], l: Lang): Cell {
  const s = entry.status as 'planned' | 'applied' | 'granted' | 'rejected' | undefined;
  if (!s || !['planned', 'applied', 'granted', 'rejected'].includes(s)) return r(statusText('planned', l));
  return [{ text: statusText(s, l), warn: s === 'rejected' }];
}

function referenceCell(entry: Model['approvals'][number] | undefined, kind: string, l: Lang): Cell {
  if (entry?.reference?.trim()) return r(entry.reference.trim());
  // A decision by an outside authority always has a case number.
  if (entry && (entry.status === 'granted' || entry.status === 'rejected') && EXTERNAL_DECISIONS.has(kind)) return ph(missing('reference', l));
  return r('');
}
