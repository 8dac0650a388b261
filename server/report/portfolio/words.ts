/** The portfolio's and the record of processing's own words, in English and Norwegian bokmål. */
import type { Localized } from '../../../rules/domain/types';
import type { ProjectState } from '../model';

export const PORTFOLIO_TEXT = {
  title: { en: 'Projects', nb: 'Prosjekter' },
  generated: { en: 'Written by descriptor-check {0} on {1} from {2} descriptors. Law current to {3}.', nb: 'Skrevet av descriptor-check {0} {1} fra {2} prosjektbeskrivelser. Lov per {3}.' },
  summary: { en: 'Summary', nb: 'Sammendrag' },
  projects: { en: 'Projects', nb: 'Prosjekter' },
  approvalsWaiting: { en: 'Approvals waiting for a decision', nb: 'Godkjenninger som venter på vedtak' },
  startedWithoutApproval: { en: "Started without REK's pre-approval", nb: 'Startet uten forhåndsgodkjenning fra REK' },
  reportsDue: { en: 'Ended without a final report to REK', nb: 'Avsluttet uten sluttmelding til REK' },
  pastRetention: { en: 'Data kept past its retention date', nb: 'Data lagret forbi lagringstiden' },
  unreadable: { en: 'Descriptors that could not be read', nb: 'Beskrivelser som ikke kunne leses' },
  findings: { en: 'Open findings', nb: 'Åpne funn' },
  project: { en: 'Project', nb: 'Prosjekt' },
  file: { en: 'File', nb: 'Fil' },
  institution: { en: 'Institution', nb: 'Institusjon' },
  lead: { en: 'Project lead', nb: 'Prosjektleder' },
  purpose: { en: 'Purpose', nb: 'Formål' },
  route: { en: 'Who decides', nb: 'Hvem avgjør' },
  approvals: { en: 'Required approvals', nb: 'Påkrevde godkjenninger' },
  errors: { en: 'Errors', nb: 'Feil' },
  warnings: { en: 'Warnings', nb: 'Advarsler' },
  next: { en: 'Next date', nb: 'Neste dato' },
  nextWhat: { en: 'What the date is', nb: 'Hva datoen gjelder' },
  overdue: { en: 'overdue', nb: 'forfalt' },
  state: { en: 'State', nb: 'Tilstand' },
  why: { en: 'What needs doing', nb: 'Hva som må gjøres' },
  none: { en: 'None.', nb: 'Ingen.' },
  noProjects: { en: 'No projects in this state.', nb: 'Ingen prosjekter med denne statusen.' },
  noDate: { en: 'no date ahead', nb: 'ingen dato fremover' },
  untitled: { en: '[Missing: project title]', nb: '[Mangler: prosjekttittel]' },
  recordTitle: { en: 'Record of processing activities (GDPR art. 30(1))', nb: 'Protokoll over behandlingsaktiviteter (personvernforordningen art. 30 nr. 1)' },
  recordSheet: { en: 'Record of processing', nb: 'Behandlingsprotokoll' },
  portfolioSheet: { en: 'Projects', nb: 'Prosjekter' },
  summarySheet: { en: 'Summary', nb: 'Sammendrag' },
  count: { en: 'Number', nb: 'Antall' },
  yes: { en: 'yes', nb: 'ja' },
  no: { en: 'no', nb: 'nei' },
  open: { en: 'Open the descriptor', nb: 'Åpne prosjektbeskrivelsen' },
} as const satisfies Record<string, Localized>;


/** The four states, in the order that needs action first. */
export const STATES: readonly ProjectState[] = ['needs-action', 'waiting', 'approved', 'ended'];

export const STATE_NAME: Readonly<Record<ProjectState, Localized>> = {
  'needs-action': { en: 'Needs action', nb: 'Må følges opp' },
  waiting: { en: 'Waiting for a decision', nb: 'Venter på vedtak' },
  approved: { en: 'Approved', nb: 'Godkjent' },
  ended: { en: 'Ended', nb: 'Avsluttet' },
};

/** The columns of the record of processing: what GDPR art. 30(1) asks for, letter by letter. */
export const RECORD_FIELD = {
  controller: { en: 'Controller (art. 30(1)(a))', nb: 'Behandlingsansvarlig (art. 30 nr. 1 a)' },
  contact: { en: 'Contact: the project lead (a)', nb: 'Kontaktperson: prosjektleder (a)' },
  dpo: { en: 'Data protection officer (a)', nb: 'Personvernombud (a)' },
  purposes: { en: 'Purposes (b)', nb: 'Formål (b)' },
  legalBasis: { en: 'Legal basis (GDPR art. 6 and 9)', nb: 'Behandlingsgrunnlag (art. 6 og 9)' },
  dataSubjects: { en: 'Categories of data subjects (c)', nb: 'Kategorier av registrerte (c)' },
  personalData: { en: 'Categories of personal data (c)', nb: 'Kategorier av personopplysninger (c)' },
  recipients: { en: 'Recipients (d)', nb: 'Mottakere (d)' },
  transfers: { en: 'Transfers to other countries and their basis (e)', nb: 'Overføringer til andre land og grunnlaget (e)' },
  retention: { en: 'Time limits for erasure (f)', nb: 'Frister for sletting (f)' },
  security: { en: 'Technical and organisational security measures (g)', nb: 'Tekniske og organisatoriske sikkerhetstiltak (g)' },
} as const satisfies Record<string, Localized>;

export type RecordField = keyof typeof RECORD_FIELD;

/** The placeholder for a field the descriptor does not fill: marked, never guessed. */
export const RECORD_MISSING: Readonly<Record<RecordField, Localized>> = {
  controller: { en: '[Not stated: responsible institution]', nb: '[Ikke oppgitt: ansvarlig institusjon]' },
  contact: { en: '[Not stated: project lead]', nb: '[Ikke oppgitt: prosjektleder]' },
  dpo: { en: '[Not stated: data protection officer]', nb: '[Ikke oppgitt: personvernombud]' },
  purposes: { en: '[Not stated: purpose]', nb: '[Ikke oppgitt: formål]' },
  legalBasis: { en: '[Not stated: legal basis]', nb: '[Ikke oppgitt: behandlingsgrunnlag]' },
  dataSubjects: { en: '[Not stated: population]', nb: '[Ikke oppgitt: populasjon]' },
  personalData: { en: '[Not stated: data sources]', nb: '[Ikke oppgitt: datakilder]' },
  recipients: { en: '[Not stated: recipients]', nb: '[Ikke oppgitt: mottakere]' },
  transfers: { en: '[Not stated: basis for the transfer]', nb: '[Ikke oppgitt: overføringsgrunnlag]' },
  retention: { en: '[Not stated: retention period]', nb: '[Ikke oppgitt: lagringstid]' },
  security: { en: '[Not stated: security measures]', nb: '[Ikke oppgitt: sikkerhetstiltak]' },
};

/** The record's own phrases around what the descriptor says. */
export const RECORD_TEXT = {
  healthData: { en: 'Health data (GDPR art. 9)', nb: 'Helseopplysninger (art. 9)' },
  from: { en: 'from', nb: 'fra' },
  controlGroup: { en: 'control group from {0}', nb: 'kontrollgruppe fra {0}' },
  target: { en: 'Target population: {0}', nb: 'Målpopulasjon: {0}' },
  study: { en: 'Study population: {0}', nb: 'Studiepopulasjon: {0}' },
  noTransfer: { en: 'No data is sent abroad.', nb: 'Ingen data sendes til utlandet.' },
  recipientAbroad: { en: '{0} (abroad)', nb: '{0} (i utlandet)' },
  keptUntil: { en: 'Kept until {0}', nb: 'Lagres til {0}' },
  storage: { en: 'Stored: {0}', nb: 'Lagring: {0}' },
  consent: { en: 'consent', nb: 'samtykke' },
  unknownSource: { en: 'not in the catalogue', nb: 'ikke i katalogen' },
  variables: { en: 'variables', nb: 'variabler' },
} as const satisfies Record<string, Localized>;

/** Every Norwegian text of the portfolio and the record, for the language test. */
export function portfolioNorwegianTexts(): { where: string; nb: string }[] {
  const tables: Record<string, Readonly<Record<string, Localized>>> = { PORTFOLIO_TEXT, STATE_NAME, RECORD_FIELD, RECORD_MISSING, RECORD_TEXT };
  return Object.entries(tables).flatMap(([table, t]) => Object.entries(t).map(([k, v]) => ({ where: `${table}.${k}`, nb: v.nb })));
}
