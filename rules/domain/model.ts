/**
 * A typed, indexed view of a descriptor, built once per parse and shared by every rule.
 * Only well-typed values make it in: a value of the wrong type is left out (the schema reports
 * it), so a rule sees `undefined`, never a number where the format says string. Rules still
 * handle missing values; `model.raw` is the untyped document for the rare rule that needs it.
 */
import type { Path } from './types';

export type Raw = Record<string, unknown>;

export interface Person {
  index: number;
  path: Path;
  name?: string;
  role?: string;
  email?: string;
}

interface Variable {
  /** Index in `data_sources`. */
  sourceIndex: number;
  index: number;
  path: Path;
  name?: string;
  granularity?: string;
  justification?: string;
  /** `special_grounds`: for a direct identifier, the special reasons that make it necessary. */
  specialGrounds?: string;
  /** The data source entry this variable belongs to. */
  source: DataSource;
}

export interface DataSource {
  index: number;
  path: Path;
  id?: string;
  /** Catalogue id as written. */
  source?: string;
  holder?: string;
  /** `period`: the data period wanted from this source, YYYY-MM-DD. */
  period?: { from?: string; to?: string };
  /** `selection`: how the project's persons are found in this source. */
  selection?: string;
  variables: Variable[];
}

interface Link {
  index: number;
  path: Path;
  ids: string[];
}

export interface Approval {
  index: number;
  path: Path;
  kind?: string;
  status?: string;
  reference?: string;
  /** `case_number`: the case number the deciding body gave the application; a change request names it. */
  caseNumber?: string;
  date?: string;
  purpose?: string;
  staff?: string[];
}

interface Attachment {
  index: number;
  path: Path;
  kind?: string;
  file?: string;
}

export interface Model {
  raw: Raw;
  version: unknown;
  project: {
    present: boolean;
    title?: string;
    institution?: string;
    /** `project.research_responsible`: the research-responsible institution, when not `institution`. */
    researchResponsible?: string;
    /** `project.project_lead`, when given. */
    lead?: Person;
    /** `project.data_protection_officer`: the institution's data protection officer, when given. */
    dpo?: Person;
    staff: Person[];
    staffPresent: boolean;
    /** `project.period.start` and `.end`, YYYY-MM-DD. */
    start?: string;
    end?: string;
    /** `project.final_report_sent`: the date the final report went to REK, YYYY-MM-DD. */
    finalReportSent?: string;
    /** A public body using the data for its statutory tasks. */
    statutoryTask?: boolean;
  };
  purpose: {
    present: boolean;
    category?: string;
    secondary: string[];
    /** Main and secondary purposes together. */
    all: string[];
    product?: string;
    clinicalTesting?: boolean;
    researchQuestions?: unknown;
    studyDesign?: string;
  };
  population: {
    present: boolean;
    target?: string;
    study?: string;
    controlGroup?: { present: boolean; source?: string };
  };
  legalBasis: {
    present: boolean;
    consent?: boolean;
    article6?: string;
    article9?: string;
    /** `legal_basis.without_consent`: why no consent is sought and why society has a substantial interest. */
    withoutConsent?: { reason?: string; societalInterest?: string };
    /** `legal_basis.participant_information`: how the registered are informed. */
    participantInformation?: string;
  };
  consent?: Raw;
  /**
   * `consent.collected_by`: who collected the consent the project relies on, `project` (the default)
   * or the ids of data sources whose participants consented (a cohort such as MoBa or HUNT).
   */
  consentCollectedBy: string[];
  qualityRegister?: Raw;
  dataSources: DataSource[];
  variables: Variable[];
  linkage: {
    present: boolean;
    model?: string;
    links: Link[];
    referenceDates?: boolean;
  };
  approvals: Approval[];
  approvalsPresent: boolean;
  attachments: Attachment[];
  attachmentsPresent: boolean;
  dataManagement: {
    present: boolean;
    storage?: string;
    retentionUntil?: string;
    /** `retention_reason`: why data are kept after the project ends. */
    retentionReason?: string;
    deletion?: string;
    securityMeasures?: unknown;
    transferAbroad?: Raw;
    /** `transfer_abroad.countries`, upper-case two-letter codes. */
    transferCountries: string[];
    /** `transfer_abroad.basis`: adequacy, safeguards or derogation. */
    transferBasis?: string;
    /** `transfer_abroad.recipient`: who receives the data abroad. */
    transferRecipient?: string;
    /** `transfer_abroad.recipient_role`: processor, controller or joint-controller. */
    transferRecipientRole?: string;
    /** `transfer_abroad.dpf_certified`: a US recipient certified under the EU-US Data Privacy Framework. */
    transferDpfCertified?: boolean;
  };
}

const isObj = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);
/** A string, or a number written where prose is allowed (a title like `2025`), as text. */
const text = (v: unknown): string | undefined => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined);
/** Only a string. */
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const bool = (v: unknown): boolean | undefined => (typeof v === 'boolean' ? v : undefined);
const obj = (v: unknown): Raw | undefined => (isObj(v) ? v : undefined);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** `consent.collected_by` as a list: one id, or several; anything else is left out (the schema reports it). */
function collectedBy(v: unknown): string[] {
  if (typeof v === 'string') return [v.trim()].filter(Boolean);
  return arr(v).filter((x): x is string => typeof x === 'string').map((x) => x.trim()).filter(Boolean);
}

export function buildModel(value: unknown): Model | undefined {
  if (!isObj(value)) return undefined;
  const raw = value;
  const project = obj(raw.project);
  const purpose = obj(raw.purpose);
  const population = obj(raw.population);
  const legal = obj(raw.legal_basis);
  const linkage = obj(raw.linkage);
  const dm = obj(raw.data_management);

  const staff: Person[] = arr(project?.staff).map((p, index) => {
    const o = obj(p);
    return { index, path: ['project', 'staff', index], name: str(o?.name)?.trim(), role: str(o?.role), email: str(o?.email)?.trim() };
  });

  const category = str(purpose?.category);
  const secondary = arr(purpose?.secondary).filter((s): s is string => typeof s === 'string');
  const all = [...(category ? [category] : []), ...secondary.filter((s) => s !== category)];

  const variables: Variable[] = [];
  const dataSources: DataSource[] = arr(raw.data_sources).map((d, index) => {
    const o = obj(d);
    const ds: DataSource = {
      index,
      path: ['data_sources', index],
      id: str(o?.id),
      source: str(o?.source),
      holder: str(o?.holder),
      period: obj(o?.period) ? { from: str(obj(o?.period)!.from), to: str(obj(o?.period)!.to) } : undefined,
      selection: text(o?.selection),
      variables: [],
    };
    arr(o?.variables).forEach((v, vi) => {
      const vo = obj(v);
      const variable: Variable = {
        sourceIndex: index,
        index: vi,
        path: ['data_sources', index, 'variables', vi],
        name: str(vo?.name),
        granularity: str(vo?.granularity),
        justification: text(vo?.justification),
        specialGrounds: text(vo?.special_grounds),
        source: ds,
      };
      ds.variables.push(variable);
      variables.push(variable);
    });
    return ds;
  });

  const links: Link[] = arr(linkage?.links).map((l, index) => ({
    index,
    path: ['linkage', 'links', index],
    ids: arr(l).filter((x): x is string => typeof x === 'string'),
  }));

  const approvals: Approval[] = arr(raw.approvals).map((a, index) => {
    const o = obj(a);
    return {
      index,
      path: ['approvals', index],
      kind: str(o?.kind),
      status: str(o?.status),
      reference: text(o?.reference),
      caseNumber: text(o?.case_number),
      date: str(o?.date),
      purpose: str(o?.purpose),
      staff: Array.isArray(o?.staff) ? (o!.staff as unknown[]).filter((s): s is string => typeof s === 'string').map((s) => s.trim()) : undefined,
    };
  });

  const attachments: Attachment[] = arr(raw.attachments).map((a, index) => {
    const o = obj(a);
    return { index, path: ['attachments', index], kind: str(o?.kind), file: str(o?.file) };
  });

  const cg = obj(population?.control_group);
  const lead = obj(project?.project_lead);
  const dpo = obj(project?.data_protection_officer);
  const period = obj(project?.period);
  const transfer = obj(dm?.transfer_abroad);

  return {
    raw,
    version: raw.descriptor,
    project: {
      present: project !== undefined,
      title: text(project?.title),
      institution: text(project?.institution),
      researchResponsible: text(project?.research_responsible),
      lead: lead ? { index: -1, path: ['project', 'project_lead'], name: str(lead.name)?.trim(), role: 'project-lead', email: str(lead.email)?.trim() } : undefined,
      dpo: dpo ? { index: -1, path: ['project', 'data_protection_officer'], name: str(dpo.name)?.trim(), email: str(dpo.email)?.trim() } : undefined,
      staff,
      staffPresent: Array.isArray(project?.staff),
      start: str(period?.start),
      end: str(period?.end),
      finalReportSent: str(project?.final_report_sent),
      statutoryTask: bool(project?.statutory_task),
    },
    purpose: {
      present: purpose !== undefined,
      category,
      secondary,
      all,
      product: str(purpose?.product),
      clinicalTesting: bool(purpose?.clinical_testing),
      researchQuestions: purpose?.research_questions,
      studyDesign: str(purpose?.study_design),
    },
    population: {
      present: population !== undefined,
      target: text(population?.target),
      study: text(population?.study),
      controlGroup: population && 'control_group' in population ? { present: true, source: str(cg?.source) } : undefined,
    },
    legalBasis: {
      present: legal !== undefined,
      consent: bool(legal?.consent),
      article6: str(legal?.gdpr_article_6),
      article9: str(legal?.gdpr_article_9),
      withoutConsent: obj(legal?.without_consent) ? { reason: text(obj(legal?.without_consent)!.reason), societalInterest: text(obj(legal?.without_consent)!.societal_interest) } : undefined,
      participantInformation: text(legal?.participant_information),
    },
    consent: obj(raw.consent),
    consentCollectedBy: collectedBy(obj(raw.consent)?.collected_by),
    qualityRegister: obj(raw.quality_register),
    dataSources,
    variables,
    linkage: {
      present: linkage !== undefined,
      model: str(linkage?.model),
      links,
      referenceDates: bool(linkage?.reference_dates),
    },
    approvals,
    approvalsPresent: Array.isArray(raw.approvals),
    attachments,
    attachmentsPresent: Array.isArray(raw.attachments),
    dataManagement: {
      present: dm !== undefined,
      storage: text(dm?.storage),
      retentionUntil: text(dm?.retention_until),
      retentionReason: text(dm?.retention_reason),
      deletion: text(dm?.deletion),
      securityMeasures: dm?.security_measures,
      transferAbroad: transfer,
      transferCountries: arr(transfer?.countries).filter((c): c is string => typeof c === 'string').map((c) => c.toUpperCase()),
      transferBasis: str(transfer?.basis),
      transferRecipient: text(transfer?.recipient),
      transferRecipientRole: str(transfer?.recipient_role),
      transferDpfCertified: bool(transfer?.dpf_certified),
    },
  };
}
