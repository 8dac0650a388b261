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

export interface PlanStep {
  /** What to do, in the model's language. */
  what: string;
  /** Who it goes to. */
  to: string;
  /** The approvals this step gets (kinds), and the attachments it sends (kinds). */
  approvals: string[];
  attachments: string[];
  /** done: every approval of the step granted; blocked: one was rejected; open otherwise. */
  state: 'done' | 'open' | 'blocked';
  /** A note on timing, e.g. that REK's processing comes before the custodian's deadline. */
  note?: string;
}

export type ApprovalState = 'planned' | 'applied' | 'granted' | 'rejected' | 'missing';

export interface RequirementsModel {
  uri: string;
  version: number;
  lang: 'en' | 'nb';
  title?: string;
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
    nodes: { id: string; source?: string; label: string; deidentified: boolean; known: boolean }[];
    links: { a: string; b: string; valid: boolean }[];
  };
  variables: { source: string; name: string; granularity?: string; line: number; findings: { rule: string; severity: string; message: string }[] }[];
  /** Changes since the approved version (the baseline): each with what it needs from whom, and a draft of each change request. */
  changes: {
    /** Where the approved version came from (`git:v1.0`, a file name); absent when there is none. */
    baseline?: string;
    /** Why the approved version that was asked for could not be read. */
    problem?: string;
    items: {
      kind: string;
      /** What changed, in words; code in backticks. */
      what: string;
      /** The approved value; absent when the approved version did not have it. */
      approved?: string;
      line?: number;
      needs: { kind: string; to: string; text: string; caseNumber?: string; provisions: ProvisionRef[] }[];
    }[];
    /** One per body outside the institution (REK, Helsedataservice, a custodian): a text to copy, with `[...]` where the user fills in. */
    requests: { to: string; caseNumber?: string; draft: string }[];
  };
  counts: { errors: number; warnings: number; information: number };
  /**
   * The next steps in the order they must happen: REK first where it decides, the assessments and
   * permits, then the application to the one who decides on the data, then the delivery.
   */
  plan: PlanStep[];
  lawCurrentTo: string;
  /** The date the data source catalogue is current to. */
  catalogueCurrentTo: string;
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
 * `descriptor/checkFiles`: { uris } -> a summary. The server reads each file from disk, checks it
 * and publishes its diagnostics, so the Problems panel lists descriptors that are not open.
 */
export const CHECK_FILES_METHOD = 'descriptor/checkFiles';
export interface CheckFilesParams {
  uris: string[];
}
export interface CheckFilesResult {
  files: number;
  errors: number;
  warnings: number;
  information: number;
  unreadable: string[];
}
