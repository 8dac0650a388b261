/**
 * The requirements model: what the preview, the exported package and the CLI's report show about one
 * descriptor (its route, approvals, attachments, deadline, linkage, variables, changes and plan).
 * Built by requirements-model.ts from an analysis; rendered by the other modules of this folder.
 */
export interface ProvisionRef {
  id: string;
  label: string;
  url: string;
  heading: string | null;
  /** The provision's status in a few words ("not yet in force"), or null when it is law as read. */
  status: string | null;
  /** What changes, in plain words. */
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
  /**
   * From the status of the step's approvals: done when every one is granted, waiting when each is
   * applied for or granted (sent, awaiting a decision), blocked when one was rejected, open otherwise.
   */
  state: 'done' | 'waiting' | 'open' | 'blocked';
  /** The date of the step's last status (sent or decided), YYYY-MM-DD, when the descriptor gives one. */
  date?: string;
  /** A requirement of the route, a change since approval that needs a request or an update, or the delivery of the data. */
  kind: 'requirement' | 'change' | 'delivery';
  /** A note on timing or on what the step is for, e.g. that REK decides first, or that a date has passed. Code in backticks. */
  note?: string;
}

type Identifiability = 'directly-identifying' | 'pseudonymous' | 'de-identified';

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
  /**
   * The project's own institution holds this source with the persons' identities: its own patient
   * records, or data the project collects itself. Identities are then known inside the institution.
   */
  ownIdentities?: boolean;
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

/** The dates that matter to whoever follows a project: its lead, the institution's data protection officer. */
export type KeyDateKind = 'start-without-approval' | 'earliest-access' | 'project-end' | 'final-report' | 'retention-end';

export interface KeyDate {
  kind: KeyDateKind;
  /** YYYY-MM-DD. */
  date: string;
  /** The date has come: today or before for a start or an access date, before today for an end (the last day counts). */
  passed: boolean;
  /** Passed and still calling for action: started without REK's pre-approval, data kept past its retention date, no final report recorded. */
  overdue: boolean;
  /** Nothing left to do: the final report is recorded as sent. */
  done: boolean;
  /** What the date is, in the model's language. */
  what: string;
  provisions: ProvisionRef[];
}

/**
 * Where a project stands, for an overview of many: it needs action (errors, a required approval not
 * applied for or rejected, started without REK's pre-approval, data past its retention date, ended without
 * a final report), it waits for a decision (an approval or the data application is applied for), it
 * is approved (every required approval granted), or it has ended.
 */
export type ProjectState = 'needs-action' | 'waiting' | 'approved' | 'ended';

export interface RequirementsModel {
  uri: string;
  version: number;
  lang: 'en' | 'nb';
  title?: string;
  /** `project.institution`: the responsible institution. */
  institution?: string;
  /** `project.project_lead`. */
  lead?: { name?: string; email?: string };
  /** `project.period`. */
  period: { start?: string; end?: string };
  /** Today's date in Norway, as the analysis counted it; the dates and the state are relative to it. */
  today: string;
  /** The dates that matter, in date order. */
  dates: KeyDate[];
  /** The next date that matters: the earliest overdue one, else the earliest still to come; absent when none is left. */
  next?: KeyDate;
  state: ProjectState;
  /** Why the project needs action, in the model's language; empty in the other states. */
  reasons: string[];
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
  /**
   * The route's approvals (`required`, or `assess`: to be considered), then every other approval the
   * descriptor lists (`listed`: not one this route asks for, e.g. an exemption from the wrong
   * authority), so nothing the user wrote disappears from the table.
   */
  approvals: { kind: string; level: 'required' | 'assess' | 'listed'; why: string; provisions: ProvisionRef[]; status: ApprovalState; date?: string; line?: number }[];
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
    /** Direct identifiers the project asks for itself (name, national identity number, address), as written. */
    directIdentifiers?: string[];
    /**
     * What keeps the data the project receives indirectly identifiable: each variable asked for at a fine
     * level (an exact date without reference dates, an exact age, residence or place of treatment finer
     * than county or health region, free text), with the level in words.
     */
    indirect?: { name: string; level: string }[];
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
  /**
   * Set when the key the route is decided by (the purpose) is missing or not a purpose: the route,
   * the approvals, the attachments, the deadline, the plan and the changes are then left empty, not guessed.
   */
  undecided?: string;
}
