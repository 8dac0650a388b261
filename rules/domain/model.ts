/**
 * A typed, indexed view of a descriptor, built once per parse and shared by every rule.
 * Only well-typed values make it in: a rule never sees a number where the format says string
 * (the schema reports that), so rules need no defensive checks and never crash on bad input.
 */
import type { Path } from './types';

export type Raw = Record<string, unknown>;

export interface Person {
  index: number;
  path: Path;
  name?: string;
  role?: string;
}

export interface Variable {
  /** Index in `data_sources`. */
  sourceIndex: number;
  index: number;
  path: Path;
  name?: string;
  granularity?: string;
  justification?: string;
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
  variables: Variable[];
}

export interface Link {
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
  date?: string;
  purpose?: string;
  staff?: string[];
}

export interface Attachment {
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
    staff: Person[];
    staffPresent: boolean;
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
  };
  consent?: Raw;
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
    deletion?: string;
    securityMeasures?: unknown;
    transferAbroad?: Raw;
  };
}

const isObj = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : undefined);
const strict = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const bool = (v: unknown): boolean | undefined => (typeof v === 'boolean' ? v : undefined);
const obj = (v: unknown): Raw | undefined => (isObj(v) ? v : undefined);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

/** Reads a nested value from the raw descriptor. */
export function get(raw: unknown, path: Path): unknown {
  let cur: unknown = raw;
  for (const seg of path) {
    if (Array.isArray(cur) && typeof seg === 'number') cur = cur[seg];
    else if (isObj(cur) && typeof seg === 'string') cur = cur[seg];
    else return undefined;
  }
  return cur;
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
    return { index, path: ['project', 'staff', index], name: strict(o?.name)?.trim(), role: strict(o?.role) };
  });

  const category = strict(purpose?.category);
  const secondary = arr(purpose?.secondary).filter((s): s is string => typeof s === 'string');
  const all = [...(category ? [category] : []), ...secondary.filter((s) => s !== category)];

  const variables: Variable[] = [];
  const dataSources: DataSource[] = arr(raw.data_sources).map((d, index) => {
    const o = obj(d);
    const ds: DataSource = {
      index,
      path: ['data_sources', index],
      id: strict(o?.id),
      source: strict(o?.source),
      holder: strict(o?.holder),
      variables: [],
    };
    arr(o?.variables).forEach((v, vi) => {
      const vo = obj(v);
      const variable: Variable = {
        sourceIndex: index,
        index: vi,
        path: ['data_sources', index, 'variables', vi],
        name: strict(vo?.name),
        granularity: strict(vo?.granularity),
        justification: str(vo?.justification),
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
      kind: strict(o?.kind),
      status: strict(o?.status),
      reference: str(o?.reference),
      date: strict(o?.date),
      purpose: strict(o?.purpose),
      staff: Array.isArray(o?.staff) ? (o!.staff as unknown[]).filter((s): s is string => typeof s === 'string').map((s) => s.trim()) : undefined,
    };
  });

  const attachments: Attachment[] = arr(raw.attachments).map((a, index) => {
    const o = obj(a);
    return { index, path: ['attachments', index], kind: strict(o?.kind), file: strict(o?.file) };
  });

  const cg = obj(population?.control_group);

  return {
    raw,
    version: raw.descriptor,
    project: {
      present: project !== undefined,
      title: str(project?.title),
      institution: str(project?.institution),
      staff,
      staffPresent: Array.isArray(project?.staff),
    },
    purpose: {
      present: purpose !== undefined,
      category,
      secondary,
      all,
      product: strict(purpose?.product),
      clinicalTesting: bool(purpose?.clinical_testing),
      researchQuestions: purpose?.research_questions,
      studyDesign: strict(purpose?.study_design),
    },
    population: {
      present: population !== undefined,
      target: str(population?.target),
      study: str(population?.study),
      controlGroup: population && 'control_group' in population ? { present: true, source: strict(cg?.source) } : undefined,
    },
    legalBasis: {
      present: legal !== undefined,
      consent: bool(legal?.consent),
      article6: strict(legal?.gdpr_article_6),
      article9: strict(legal?.gdpr_article_9),
    },
    consent: obj(raw.consent),
    qualityRegister: obj(raw.quality_register),
    dataSources,
    variables,
    linkage: {
      present: linkage !== undefined,
      model: strict(linkage?.model),
      links,
      referenceDates: bool(linkage?.reference_dates),
    },
    approvals,
    approvalsPresent: Array.isArray(raw.approvals),
    attachments,
    attachmentsPresent: Array.isArray(raw.attachments),
    dataManagement: {
      present: dm !== undefined,
      storage: str(dm?.storage),
      retentionUntil: str(dm?.retention_until),
      deletion: str(dm?.deletion),
      securityMeasures: dm?.security_measures,
      transferAbroad: obj(dm?.transfer_abroad),
    },
  };
}
