/**
 * The one custom request between the VS Code client and the server: the requirements preview's
 * model for a document. Declared once, imported by both sides.
 */
export interface ProvisionRef {
  id: string;
  label: string;
  url: string;
  heading: string | null;
  /** False when the content or the link form is not confirmed. */
  verified: boolean;
  note: string | null;
}

export type Identifiability = 'directly-identifying' | 'pseudonymous' | 'de-identified';

export interface LinkageNode {
  /** The local id (`data_sources[].id`). */
  id: string;
  /** The catalogue id as written. */
  source?: string;
  /** Short name: the catalogue abbreviation, else its name, else the id as written. */
  label: string;
  /** The catalogue name in the model's language. */
  name?: string;
  deidentified: boolean;
  known: boolean;
  identifiability?: Identifiability;
  /** Who holds the data: the descriptor's `holder`, else the catalogue custodian. */
  custodian?: string;
  /** The source selects the persons: first in a link and second in none (or first of all links in a cycle). */
  definesSample?: boolean;
  /** `population.control_group.source` names this source. */
  controlGroup?: boolean;
}

/**
 * Who links: a custodian of a linked registry, the custodian of a pseudonymous registry, Statistics
 * Norway, or the project itself (distributed linkage, with project-specific serial numbers).
 */
export interface Linker {
  kind: 'custodian' | 'pseudonymous-registry' | 'statistics-norway' | 'project';
  /** The one who links, in words (an institution's own name, or the model language's generic words). */
  name: string;
  /** The local id of the source whose custodian links, for custodian kinds. */
  source?: string;
  /** `linkage.model` is not stated: the kind is what the catalogue suggests for a central linkage. */
  modelMissing: boolean;
}

export type ApprovalState = 'planned' | 'applied' | 'granted' | 'rejected' | 'missing';

export interface RequirementsModel {
  uri: string;
  version: number;
  lang: 'en' | 'nb';
  title?: string;
  /** `project.institution`: the responsible institution. */
  institution?: string;
  purpose?: string;
  secondary: string[];
  product?: string;
  consent?: boolean;
  route: {
    exemptionNeeded: boolean;
    exemptionKind?: string;
    authority?: string;
    why?: string;
    provisions: ProvisionRef[];
    notes: string[];
  };
  approvals: { kind: string; level: 'required' | 'assess'; why: string; provisions: ProvisionRef[]; status: ApprovalState; line?: number }[];
  attachments: { kind: string; why: string; listed: boolean; file?: string; fileExists?: boolean; line?: number }[];
  /** The custodian's deadline; absent where no custodian delivers data (own records, internal quality assurance, establishing a quality register). */
  timeline?: {
    workingDays: 30 | 60;
    linked: boolean;
    /** Linkage with a pseudonymous registry, which usually takes longer. */
    pseudonymousLinkage: boolean;
    /** Who decides the data application, in the model's language. */
    decidedBy: string;
    /** Required approvals not yet granted: the application is complete only with them. */
    waitingFor: string[];
    /** The date a complete application was sent to the one who decides. */
    applicationDate?: string;
    /** Earliest expected access: the application date plus the deadline in Norwegian working days. */
    earliestAccess?: string;
    /** The date the one who decides granted the application. */
    decidedOn?: string;
  };
  linkage: {
    model?: string;
    /** `linkage.key`: what the sources are linked on, in words. */
    key?: string;
    referenceDates?: boolean;
    nodes: LinkageNode[];
    links: { a: string; b: string; valid: boolean }[];
    /** Who links the sources, from the linkage model and the catalogue; absent when nothing is linked. */
    linker?: Linker;
  };
  variables: { source: string; name: string; granularity?: string; line: number; findings: { rule: string; severity: string; message: string }[] }[];
  counts: { errors: number; warnings: number; information: number };
  lawCurrentTo: string;
  /** Set when the file could not be read as a descriptor. */
  problem?: string;
}

/** `descriptor/requirements`: { uri } -> RequirementsModel | null. Each side builds its RequestType from this. */
export const REQUIREMENTS_METHOD = 'descriptor/requirements';
export interface RequirementsParams {
  uri: string;
}
export type RequirementsResult = RequirementsModel | null;

/**
 * `descriptor/exportPackage`: { uri } -> the application package of an open descriptor, built by
 * the server from the same analysis as its diagnostics. The client writes the files where the user
 * chose (through VS Code's file system), so the server writes nothing.
 */
export const EXPORT_PACKAGE_METHOD = 'descriptor/exportPackage';
export interface ExportPackageParams {
  uri: string;
}
export interface ExportPackageFile {
  /** A plain file name (letters, digits, '.', '-', '_'). */
  name: string;
  /** The content, base64. */
  data: string;
}
export type ExportPackageResult = {
  files: ExportPackageFile[];
  /** What the user should know (a part that could not be made), in the analysis' language. */
  notes: string[];
  /** How many errors the descriptor has; they are listed first in the Word document and the report. */
  errors: number;
} | null;
