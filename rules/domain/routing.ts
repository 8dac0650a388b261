/**
 * Routing: for this purpose, these sources and this consent, who decides the data application,
 * which approvals are required, which authority grants the exemption from the duty of
 * confidentiality, which attachments the application carries and which deadline applies.
 *
 * The requirements and the attachments are tables of rows (`REQUIREMENT_ROWS`,
 * `ATTACHMENT_ROWS`): each row says when it applies, why, on which provisions, and where the
 * rule comes from, so a caseworker can read the table and check it. The facts a row tests are
 * computed once (`RouteFacts`). Sources: the purpose table (avklare-formal.nb.txt), the
 * helsedata.no application guide (helsedata-pii-application.en.txt: attachments, deadlines) and
 * the change of 2023-03-15 that gave Helsedataservice the decision on access and dispensation
 * for its 11 registries (helsedataservice.nb.txt; legal-facts.md section 0.1).
 */
import { listOf } from './text';
import { findSource, findVariable, inForce, provisions, type Source } from './catalogue';
import { isDirectIdentifier } from './identifiers';
import type { Model } from './model';
import { sameOrganisation } from './organisations';
import type { Localized } from './types';

export type ExemptionKind = 'rek-exemption' | 'helsedir-exemption' | 'helsedataservice-exemption';
export const EXEMPTION_KINDS: readonly ExemptionKind[] = ['rek-exemption', 'helsedir-exemption', 'helsedataservice-exemption'];
export type Authority = 'rek' | 'helsedirektoratet' | 'helsedataservice';
export const AUTHORITY_OF: Record<ExemptionKind, Authority> = {
  'rek-exemption': 'rek',
  'helsedir-exemption': 'helsedirektoratet',
  'helsedataservice-exemption': 'helsedataservice',
};
export const AUTHORITY_NAME: Record<Authority, Localized> = {
  rek: { en: 'REK (the regional committee for medical and health research ethics)', nb: 'REK (regional komité for medisinsk og helsefaglig forskningsetikk)' },
  helsedirektoratet: { en: 'Helsedirektoratet (the Norwegian Directorate of Health)', nb: 'Helsedirektoratet' },
  helsedataservice: { en: 'Helsedataservice (at the Norwegian Institute of Public Health)', nb: 'Helsedataservice (i Folkehelseinstituttet)' },
};
/** The authority by the name alone, for a message's first sentence; `withAuthorityNote` says who it is. */
export const AUTHORITY_SHORT: Record<Authority, string> = { rek: 'REK', helsedirektoratet: 'Helsedirektoratet', helsedataservice: 'Helsedataservice' };
const AUTHORITY_NOTE: Record<Authority, Localized> = {
  rek: { en: 'REK is the regional committee for medical and health research ethics.', nb: 'REK er regional komité for medisinsk og helsefaglig forskningsetikk.' },
  helsedirektoratet: { en: 'Helsedirektoratet is the Norwegian Directorate of Health.', nb: '' },
  helsedataservice: { en: 'Helsedataservice is at the Norwegian Institute of Public Health.', nb: 'Helsedataservice ligger i Folkehelseinstituttet.' },
};

/**
 * `text` followed by who the authorities a message names by their short names are (what
 * `AUTHORITY_NAME` says in brackets), as sentences for the end of the message. Norwegian has
 * nothing to add for Helsedirektoratet; a Norwegian text left empty would be read in English, so
 * the note is always added to a text, not given on its own.
 */
export function withAuthorityNote(text: Localized, ...authorities: Authority[]): Localized {
  const note = (lang: 'en' | 'nb') => [...new Set(authorities)].map((a) => AUTHORITY_NOTE[a][lang]).filter((t) => t !== '').join(' ');
  const join = (a: string, b: string) => (a && b ? `${a} ${b}` : a || b);
  return { en: join(text.en, note('en')), nb: join(text.nb, note('nb')) };
}

/** How the main purpose is routed, from the purpose table. */
export type Family = 'research' | 'internal-qa' | 'quality-improvement' | 'quality-register' | 'statistics' | 'product' | 'unknown';

export function familyOf(purpose: string | undefined): Family {
  switch (purpose) {
    case 'health-research':
    case 'other-research':
      return 'research';
    case 'internal-quality-assurance':
      return 'internal-qa';
    case 'quality-improvement':
      return 'quality-improvement';
    case 'quality-register':
      return 'quality-register';
    case 'statistics':
    case 'health-analysis':
    case 'planning-management':
    case 'preparedness':
      return 'statistics';
    case 'product-development':
      return 'product';
    default:
      return 'unknown';
  }
}

/**
 * Who decides the application for data: Helsedataservice (its registries, and sources linked with
 * them), the custodians (quality registers, health surveys, registries outside Helsedataservice),
 * or nobody outside the institution (its own patient records or self-collected data only).
 */
type Decider = 'helsedataservice' | 'custodian' | 'own-records';

export interface RouteInput {
  category?: string;
  secondary?: string[];
  product?: string;
  clinicalTesting?: boolean;
  /** `legal_basis.consent`. */
  consent?: boolean;
  /** Catalogue ids of the data sources (unknown ids are ignored). */
  sources: string[];
  /** Catalogue id of the control group's source, if any. */
  controlGroupSource?: string;
  /** Sources are linked (two or more in `linkage.links`, or a linkage model over several sources). */
  linked?: boolean;
  transferAbroad?: boolean;
  /** A public body using the data for its statutory tasks (`project.statutory_task`). */
  statutoryTask?: boolean;
  /**
   * Catalogue ids of consent-based surveys whose participants' consent the project relies on
   * (`consent.collected_by`): their data are used within that consent, with no exemption.
   */
  cohortConsent?: string[];
  /** `consent.collected_by` names someone other than the project: the consent is not the project's own. */
  consentNotOwn?: boolean;
  /** Catalogue ids of the sources from which a direct identifier (name, national identity number, address) is requested. */
  directIdentifiersFrom?: string[];
  /** The organisations other than the project's institution that hold the patient records it uses. */
  otherHolders?: string[];
  /** `transfer_abroad.recipient_role`: who the recipient abroad is (processor, controller, joint-controller). */
  recipientRole?: string;
  /** Today's date, YYYY-MM-DD: the law in force on that day decides (a provision's recorded in-force date). */
  today?: string;
}

export type RequirementKind =
  | 'rek-preapproval'
  | 'rek-protocol-notice'
  | 'holder-decision'
  | 'data-sharing-agreement'
  | 'institution-approval'
  | ExemptionKind
  | 'rek-preassessment'
  | 'management-decision'
  | 'dpo-assessment'
  | 'dpia'
  | 'tax-administration-permit'
  | 'medical-products-notification'
  | 'data-processor-agreement';

export interface Requirement {
  kind: RequirementKind;
  /** `required`, or `assess`: the project must consider it (even `status: planned` records that it did). */
  level: 'required' | 'assess';
  why: Localized;
  provisions: readonly string[];
}

interface AttachmentRequirement {
  kind: string;
  why: Localized;
  provisions: readonly string[];
}

/** The facts every row is tested against, computed once per route. */
export interface RouteFacts {
  purposes: string[];
  family: Family;
  /** A research purpose (main or secondary), except a quality register's normal secondary research. */
  research: boolean;
  healthResearch: boolean;
  consent: boolean;
  product?: string;
  clinicalTesting?: boolean;
  /** Health data someone can be identified from (self-collected included). */
  identifiable: Source[];
  /** Identifiable health data held under a duty of confidentiality (self-collected excluded). */
  confidential: Source[];
  hds: Source[];
  decider: Decider;
  exemptionKind?: ExemptionKind;
  exemptionNeeded: boolean;
  /** Large-scale processing of health data (GDPR art. 35): registries, surveys, quality registers, or new technology. */
  largeScale: boolean;
  populationRegister: boolean;
  transferAbroad: boolean;
  /** Consent is the basis and the project collected it itself (not a cohort's consent). */
  ownConsent: boolean;
  /** Consent-based surveys used (their participants' consent is the legal route, never an exemption). */
  cohorts: Source[];
  /** Cohorts whose consent the descriptor says it relies on (`consent.collected_by`). */
  cohortConsent: Source[];
  /**
   * Central registers under helseregisterloven § 11 outside Helsedataservice from which only indirectly
   * identifiable data are asked: § 19 b lifts the duty of confidentiality, so no exemption is needed.
   */
  section19b: Source[];
  /** Sources whose data need an exemption from confidentiality when there is no consent. */
  dispensation: Source[];
  /** Organisations other than the institution that hold the patient records used (pasientjournalloven § 20). */
  otherHolders: string[];
  /** Every source is registry data (health registers, the Population Register, statistics). */
  registryOnly: boolean;
  /** Registry-only health research on a day when helseforskningsloven § 9 second paragraph is in force: the protocol goes to REK, no pre-approval. */
  protocolToRek: boolean;
  /** `transfer_abroad.recipient_role`, when stated. */
  recipientRole?: string;
  /** The provisions of the exemption the route calls for (records: hpl § 29, registers: hregl § 19 e). */
  exemptionProvisions: readonly string[];
  /**
   * An application for data goes to Helsedataservice, a custodian or the holder of the records (not for
   * the institution's own records only, internal quality assurance or a quality register being established).
   */
  dataApplication: boolean;
}

export interface Route {
  purpose?: string;
  family: Family;
  facts: RouteFacts;
  /** Sources holding identifiable health data under a duty of confidentiality. */
  identifiableSources: Source[];
  /** Sources where Helsedataservice decides access and exemption. */
  hdsSources: Source[];
  decider: Decider;
  /** An exemption from the duty of confidentiality is needed (no consent, identifiable health data, a purpose that needs one). */
  exemptionNeeded: boolean;
  /** The exemption kind the purpose and sources call for; set whenever an exemption would be the route, even with consent. */
  exemptionKind?: ExemptionKind;
  /** Exemption kinds a caseworker would accept here (the expected one, and an exception such as KPR for a public body). */
  acceptedExemptions: ExemptionKind[];
  exemptionWhy?: Localized;
  exemptionProvisions: readonly string[];
  requirements: Requirement[];
  attachments: AttachmentRequirement[];
  /**
   * The custodian's deadline from a complete application to data access, in working days; undefined
   * when no custodian delivers (internal quality assurance, own records only, a quality register
   * being established).
   */
  deadline?: { workingDays: 30 | 60; linked: boolean; pseudonymousLinkage: boolean };
  notes: Localized[];
}

/**
 * Sources that hold health data someone can be identified from, directly or indirectly (self-collected
 * data included). A de-identified register (no name or national identity number, cannot be linked)
 * still holds indirectly identifiable data, so its release needs consent or an exemption too.
 */
function isIdentifiableHealth(s: Source): boolean {
  return s.health_data;
}

/** Identifiable health data under a duty of confidentiality, which needs consent or an exemption. */
function isIdentifiableHealthSource(s: Source): boolean {
  return isIdentifiableHealth(s) && s.kind !== 'self-collected';
}

/** A consent-based survey or biobank: the participants' consent is the basis on which its data are used (MoBa, HUNT, Tromsø). */
function isConsentCohort(s: Source): boolean {
  return (s.kind === 'health-survey' || s.kind === 'biobank') && s.consent_required === true;
}

/** A central register under helseregisterloven § 11 that Helsedataservice does not decide for (§ 19 b applies to its indirectly identifiable data). */
function isSection11OutsideHds(s: Source): boolean {
  return !s.hds_decides && s.provisions.includes('hregl-11');
}

/** Kinds of source that count as registry data for helseforskningsloven § 9 second paragraph (LOV-2025-06-20-71). */
const REGISTRY_KINDS: ReadonlySet<string> = new Set(['central-health-register', 'medical-quality-register', 'population-register', 'statistics']);

/** Sources the institution holds itself: no application to a custodian. */
const OWN = new Set(['patient-records', 'self-collected']);

/** Whether a custodian delivers this source (false for the institution's own records and self-collected data). */
export const deliveredByCustodian = (s: Source): boolean => !OWN.has(s.id);

/** The catalogue ids `consent.collected_by` names: a local data source id resolves to its catalogue source; `project` names none. */
export function cohortConsentIds(model: Model): string[] {
  const out: string[] = [];
  for (const name of model.consentCollectedBy) {
    if (name === 'project') continue;
    const local = model.dataSources.find((d) => d.id === name);
    const s = findSource(local?.source ?? name);
    if (s) out.push(s.id);
  }
  return out;
}

/** The patient-records sources held by another organisation than the project's institution, with the holder's name. */
export function otherHolderSources(model: Model): { index: number; holder: string }[] {
  const institution = model.project.institution;
  if (!institution) return [];
  return model.dataSources
    .filter((d) => findSource(d.source)?.id === 'patient-records' && d.holder !== undefined && d.holder.trim() !== '' && !sameOrganisation(d.holder, institution))
    .map((d) => ({ index: d.index, holder: d.holder! }));
}

function routeInputFromModel(model: Model, today?: string): RouteInput {
  const linkedIds = new Set(model.linkage.links.flatMap((l) => l.ids));
  const directIdentifiersFrom = model.dataSources.flatMap((d) => {
    const s = findSource(d.source);
    if (!s) return [];
    const direct = d.variables.some((v) => isDirectIdentifier(v.name, v.granularity) || findVariable(s, v.name)?.direct_identifier === true);
    return direct ? [s.id] : [];
  });
  return {
    category: model.purpose.category,
    secondary: model.purpose.secondary,
    product: model.purpose.product,
    clinicalTesting: model.purpose.clinicalTesting,
    consent: model.legalBasis.consent,
    sources: model.dataSources.map((d) => d.source).filter((s): s is string => s !== undefined),
    controlGroupSource: controlGroupCatalogueId(model),
    linked: linkedIds.size >= 2 || (model.dataSources.length >= 2 && model.linkage.present && model.linkage.model !== 'none'),
    transferAbroad: model.dataManagement.transferAbroad !== undefined,
    statutoryTask: model.project.statutoryTask,
    cohortConsent: cohortConsentIds(model),
    consentNotOwn: model.consentCollectedBy.length > 0 && !model.consentCollectedBy.includes('project'),
    directIdentifiersFrom,
    otherHolders: [...new Set(otherHolderSources(model).map((h) => h.holder))],
    recipientRole: model.dataManagement.transferRecipientRole,
    today,
  };
}

/** The control group's source as a catalogue id: a local data source id is resolved to its catalogue id. */
export function controlGroupCatalogueId(model: Model): string | undefined {
  const s = model.population.controlGroup?.source;
  if (!s) return undefined;
  const local = model.dataSources.find((d) => d.id === s);
  return local?.source ?? s;
}

/**
 * Why no route can be decided: the purpose, the key every route starts from, is not stated or is not
 * one of the purposes. Nothing is then concluded about approvals, authority, attachments or deadline.
 */
export function undecidedRoute(model: Model): Localized | undefined {
  const c = model.purpose.category;
  if (c === undefined) return { en: 'The purpose (`purpose.category`) is not stated, so no application route is concluded.', nb: 'Formålet (`purpose.category`) er ikke oppgitt, så ingen søknadsvei er konkludert.' };
  const shown = c.replace(/[`\r\n]/g, "'");
  if (familyOf(c) === 'unknown') return { en: `\`${shown}\` is not one of the purposes, so no application route is concluded until the purpose is corrected.`, nb: `\`${shown}\` er ikke et av formålene, så ingen søknadsvei er konkludert før formålet er rettet.` };
  return undefined;
}

/** The route of a descriptor, under the law in force on `today` (YYYY-MM-DD; without it, new law is not applied). */
export function routeFor(model: Model, today?: string): Route {
  return route(routeInputFromModel(model, today));
}

/** The requirements table: one row per approval a caseworker asks for, with the condition it applies under. */
export const REQUIREMENT_ROWS: readonly {
  kind: RequirementKind | 'exemption';
  level: Requirement['level'];
  when: (f: RouteFacts) => boolean;
  why: Localized;
  provisions: readonly string[];
  source: string;
}[] = [
  {
    kind: 'rek-preapproval',
    level: 'required',
    when: (f) => f.healthResearch && f.family !== 'quality-register' && !f.protocolToRek,
    why: { en: 'Health research needs REK\'s prior approval before it starts.', nb: 'Helseforskning må ha forhåndsgodkjenning fra REK før den kan starte.' },
    provisions: ['hforsknl-9'],
    source: 'avklare-formal.nb.txt: helseforskning, forhåndsgodkjenning fra REK før prosjektet kan iverksettes',
  },
  {
    kind: 'rek-preapproval',
    level: 'required',
    when: (f) => !f.healthResearch && f.product === 'clinical-decision-support' && f.clinicalTesting === true,
    why: { en: 'Clinical testing of a decision-support tool must be approved by REK beforehand.', nb: 'Klinisk utprøving av et beslutningsstøtteverktøy må forhåndsgodkjennes av REK.' },
    provisions: ['hforsknl-9'],
    source: 'avklare-formal.nb.txt: klinisk utprøving må forhåndsgodkjennes av REK',
  },
  {
    kind: 'rek-protocol-notice',
    level: 'required',
    when: (f) => f.protocolToRek,
    why: {
      en: 'Health research on registry data only needs no REK pre-approval, but the research protocol must be sent to REK before the processing starts.',
      nb: 'Helseforskning som bare bruker registeropplysninger, trenger ikke forhåndsgodkjenning fra REK, men forskningsprotokollen må sendes REK før behandlingen starter.',
    },
    provisions: ['hforsknl-9-2'],
    source: 'LOV-2025-06-20-71 (helseforskningsloven § 9 second paragraph), from its recorded in-force date',
  },
  {
    kind: 'rek-preassessment',
    level: 'assess',
    when: (f) => f.purposes.includes('other-research') && !f.healthResearch,
    why: {
      en: 'Research outside health and disease needs no REK approval; when in doubt, ask REK to assess whether the project must be submitted.',
      nb: 'Forskning som ikke gjelder helse og sykdom trenger ikke godkjenning fra REK; ved tvil, be REK vurdere om prosjektet er fremleggelsespliktig.',
    },
    provisions: [],
    source: 'avklare-formal.nb.txt: annen forskning; ved tvil kan REK vurdere fremleggelsesplikt',
  },
  {
    kind: 'exemption',
    level: 'required',
    when: (f) => f.exemptionNeeded,
    why: { en: '', nb: '' },
    provisions: [],
    source: 'the exemption row: kind, reason and provisions come from the exemption decision below',
  },
  {
    kind: 'holder-decision',
    level: 'required',
    when: (f) => f.otherHolders.length > 0 && f.family !== 'internal-qa' && f.family !== 'unknown',
    why: {
      en: 'Patient records held by another organisation are disclosed only when that organisation (their data controller) decides so; its decision comes in addition to consent or the exemption.',
      nb: 'Pasientjournaler som en annen virksomhet har, utleveres bare når den virksomheten (den dataansvarlige) beslutter det; beslutningen kommer i tillegg til samtykke eller dispensasjon.',
    },
    provisions: ['pjl-20'],
    source: 'pasientjournalloven § 20: the data controller decides disclosure for purposes other than care (legal-facts.md C9)',
  },
  {
    kind: 'institution-approval',
    level: 'required',
    when: (f) => f.dataApplication,
    why: {
      en: 'Before the application for data is sent, the project must be approved by the applicant\'s own institution: the data controller, and for research the research-responsible institution.',
      nb: 'Før søknaden om data sendes, må prosjektet være godkjent av søkerens egen virksomhet: den dataansvarlige, og for forskning den forskningsansvarlige virksomheten.',
    },
    provisions: ['hforsknl-4e', 'hforsknl-6'],
    source: 'helsedata.no, søknadsveiledning for personidentifiserbare opplysninger: the project is approved by the data-controlling institution before the application (legal-facts.md C13)',
  },
  {
    kind: 'management-decision',
    level: 'required',
    when: (f) => f.family === 'internal-qa',
    why: {
      en: 'Internal quality assurance rests on a decision by the institution\'s management; no consent or exemption is needed.',
      nb: 'Intern kvalitetssikring bygger på en beslutning i virksomhetens ledelse; verken samtykke eller dispensasjon trengs.',
    },
    provisions: ['hpl-26'],
    source: 'avklare-formal.nb.txt: intern kvalitetssikring, virksomhetens ledelse kan beslutte',
  },
  {
    kind: 'dpo-assessment',
    level: 'required',
    when: () => true,
    why: { en: 'The data protection officer must assess the processing of health data.', nb: 'Personvernombudet skal vurdere behandlingen av helseopplysninger.' },
    provisions: ['gdpr-6-1', 'gdpr-9-2'],
    source: 'avklare-formal.nb.txt: every purpose, skal vurderes av personvernombudet',
  },
  {
    kind: 'dpia',
    level: 'required',
    // A quality register is large-scale processing of health data by its nature (GDPR art. 35(3)(b)), whatever it collects from.
    when: (f) => (f.research && f.identifiable.length > 0) || (f.family !== 'internal-qa' && f.largeScale) || f.family === 'quality-register',
    why: {
      en: 'Processing identifiable health data for research, or on a large scale (registries, health surveys, quality registers, new technology), needs a data protection impact assessment.',
      nb: 'Behandling av identifiserbare helseopplysninger til forskning, eller i stort omfang (registre, helseundersøkelser, kvalitetsregistre, ny teknologi), krever en personvernkonsekvensvurdering (DPIA).',
    },
    provisions: ['gdpr-35'],
    source: 'helsedata-pii-application.en.txt: most medical and health research needs a DPIA; GDPR art. 35(3)(b): large-scale processing of art. 9 data',
  },
  {
    kind: 'tax-administration-permit',
    level: 'required',
    when: (f) => f.populationRegister,
    why: {
      en: 'Using the Population Register, or drawing a sample or control group from it, needs a permit from the Norwegian Tax Administration.',
      nb: 'Bruk av Folkeregisteret, eller uttrekk av utvalg eller kontrollgruppe derfra, krever tillatelse fra Skatteetaten.',
    },
    provisions: ['folkeregl-10-3'],
    source: 'helsedata-pii-application.en.txt: a permit from the Norwegian Tax Administration for the Population Register',
  },
  {
    kind: 'data-processor-agreement',
    level: 'required',
    when: (f) => f.transferAbroad && (f.recipientRole === undefined || f.recipientRole === 'processor'),
    why: {
      en: 'Data sent to an institution abroad that processes them on the project\'s behalf needs a data processor agreement between the institutions.',
      nb: 'Data som sendes til en institusjon i utlandet som behandler dem på prosjektets vegne, krever en databehandleravtale mellom institusjonene.',
    },
    provisions: ['gdpr-28', 'gdpr-44'],
    source: 'helsedata-pii-application.en.txt: data processor agreement for transfers abroad; GDPR art. 28 (processors only, legal-facts.md C10)',
  },
  {
    kind: 'data-sharing-agreement',
    level: 'required',
    when: (f) => f.transferAbroad && (f.recipientRole === 'controller' || f.recipientRole === 'joint-controller'),
    why: {
      en: 'A partner abroad that decides how it uses the data is a controller, not a processor: the institutions need a data-sharing agreement (for joint controllers, the arrangement of GDPR art. 26) that says who is responsible for what.',
      nb: 'En partner i utlandet som selv bestemmer over bruken av dataene, er behandlingsansvarlig, ikke databehandler: institusjonene trenger en avtale om deling av data (for felles behandlingsansvarlige ordningen i personvernforordningen art. 26) som sier hvem som har ansvar for hva.',
    },
    provisions: ['gdpr-26', 'gdpr-44'],
    source: 'GDPR arts. 26 and 44; a research partner is usually a controller or joint controller (legal-facts.md C10)',
  },
  {
    kind: 'medical-products-notification',
    level: 'assess',
    when: (f) => f.product === 'clinical-decision-support',
    why: {
      en: 'Assess whether clinical testing of the tool must be approved by or notified to Direktoratet for medisinske produkter (DMP, formerly Statens legemiddelverk), and whether the tool will be commercialised.',
      nb: 'Vurder om klinisk utprøving av verktøyet skal godkjennes av eller meldes til Direktoratet for medisinske produkter (DMP, tidligere Statens legemiddelverk), og om verktøyet skal kommersialiseres.',
    },
    provisions: ['medutstl'],
    source: 'avklare-formal.nb.txt: meldes til Statens legemiddelverk (now Direktoratet for medisinske produkter)',
  },
];

/**
 * The attachments table for an application to Helsedataservice or a custodian (the helsedata.no
 * attachments table), by route. Internal quality assurance, a quality register being established,
 * and projects on their own records only send no such application, so no row applies to them.
 */
export const ATTACHMENT_ROWS: readonly {
  kind: string;
  when: (f: RouteFacts) => boolean;
  why: Localized;
  /** The provisions, or how they follow from the route (the exemption's rest on the kind of source). */
  provisions: readonly string[] | ((f: RouteFacts) => readonly string[]);
  source: string;
}[] = [
  {
    kind: 'research-protocol',
    when: (f) => f.research,
    why: { en: 'A research purpose needs the research protocol attached.', nb: 'Et forskningsformål krever at forskningsprotokollen legges ved.' },
    provisions: ['hforsknl-6'],
    source: 'helsedata-pii-application.en.txt: attachments, research protocol (research)',
  },
  {
    kind: 'rek-application',
    when: (f) => f.healthResearch,
    why: { en: 'Attach a copy of the application sent to REK.', nb: 'Legg ved kopi av søknaden til REK.' },
    provisions: ['hforsknl-9'],
    source: 'helsedata-pii-application.en.txt: attachments, copy of the REK application',
  },
  {
    kind: 'rek-approval',
    when: (f) => f.healthResearch,
    why: { en: 'Attach REK\'s decision: its ethical assessment or pre-approval.', nb: 'Legg ved vedtaket fra REK: den forskningsetiske vurderingen eller forhåndsgodkjenningen.' },
    provisions: ['hforsknl-9'],
    source: 'helsedata-pii-application.en.txt: attachments, REK\'s approval',
  },
  {
    kind: 'helsedir-application',
    when: (f) => f.exemptionNeeded && f.exemptionKind === 'helsedir-exemption',
    why: { en: 'Attach the application for an exemption sent to Helsedirektoratet.', nb: 'Legg ved søknaden om dispensasjon som er sendt til Helsedirektoratet.' },
    provisions: ['hpl-29'],
    source: 'helsedata-pii-application.en.txt: attachments, application to the Directorate of Health (other purposes than research)',
  },
  {
    kind: 'confidentiality-exemption',
    when: (f) => f.exemptionNeeded && (f.exemptionKind === 'rek-exemption' || f.exemptionKind === 'helsedir-exemption'),
    why: {
      en: 'Attach the decision granting the exemption from the duty of confidentiality (REK or Helsedirektoratet decides it before the data application).',
      nb: 'Legg ved vedtaket om dispensasjon fra taushetsplikten (REK eller Helsedirektoratet avgjør den før søknaden om data).',
    },
    provisions: (f) => f.exemptionProvisions,
    source: 'helsedata-pii-application.en.txt: attachments, exemption from the duty of confidentiality; not when Helsedataservice decides it in the same decision (helsedataservice.nb.txt)',
  },
  {
    kind: 'holder-decision',
    when: (f) => f.otherHolders.length > 0,
    why: {
      en: 'Attach the decision of the organisation that holds the patient records to disclose them to the project.',
      nb: 'Legg ved beslutningen fra virksomheten som har pasientjournalene, om å utlevere dem til prosjektet.',
    },
    provisions: ['pjl-20'],
    source: 'pasientjournalloven § 20 (legal-facts.md C9): the holder decides disclosure',
  },
  {
    kind: 'data-sharing-agreement',
    when: (f) => f.otherHolders.length > 0,
    why: {
      en: 'Attach the agreement with the organisation that holds the patient records on the disclosure and on who is responsible for what.',
      nb: 'Legg ved avtalen med virksomheten som har pasientjournalene, om utleveringen og om hvem som har ansvar for hva.',
    },
    provisions: ['pjl-20'],
    source: 'legal-facts.md C9: expect the holder\'s decision and an agreement',
  },
  {
    kind: 'dpo-assessment',
    when: () => true,
    why: { en: 'Attach the data protection officer\'s assessment documenting the legal basis.', nb: 'Legg ved personvernombudets vurdering som dokumenterer behandlingsgrunnlaget.' },
    provisions: ['gdpr-6-1', 'gdpr-9-2'],
    source: 'helsedata-pii-application.en.txt: attachments, documentation of the legal basis',
  },
  {
    kind: 'information-letter',
    when: (f) => f.ownConsent,
    why: { en: 'A consent-based project attaches its information letter.', nb: 'Et samtykkebasert prosjekt legger ved informasjonsskrivet.' },
    provisions: ['gdpr-7'],
    source: 'helsedata-pii-application.en.txt: attachments, information letter and consent form (consent)',
  },
  {
    kind: 'consent-form',
    when: (f) => f.ownConsent,
    why: { en: 'A consent-based project attaches its consent form template.', nb: 'Et samtykkebasert prosjekt legger ved samtykkeskjemaet.' },
    provisions: ['gdpr-7'],
    source: 'helsedata-pii-application.en.txt: attachments, information letter and consent form (consent)',
  },
];

/** The provisions an exemption rests on: hpl § 29 for patient records and other treatment-oriented registers, hregl § 19 e for health registers. */
function dispensationProvisions(sources: readonly Source[]): string[] {
  const records = sources.some((s) => s.treatment_oriented);
  const registers = sources.some((s) => !s.treatment_oriented);
  return [...(records ? ['hpl-29'] : []), ...(registers ? ['hregl-19e'] : [])];
}

type BaseFacts = Omit<RouteFacts, 'exemptionKind' | 'exemptionNeeded' | 'exemptionProvisions'>;

/** The exemption decision: which authority grants the exemption for this purpose and these sources, and why. */
function exemptionFor(f: BaseFacts, input: RouteInput): {
  kind?: ExemptionKind;
  accepted: ExemptionKind[];
  why?: Localized;
  provisions: readonly string[];
} {
  const needs = f.family !== 'internal-qa' && f.family !== 'quality-register' && f.family !== 'unknown';
  if (!needs || f.dispensation.length === 0) return { accepted: [], provisions: [] };
  const law = dispensationProvisions(f.dispensation);
  if (f.hds.length > 0) {
    // A public body using KPR for its statutory tasks may apply to Helsedirektoratet (the HDS regulation's exception).
    const kprOnly = f.hds.every((s) => s.id === 'kpr');
    const kprException = kprOnly && f.family !== 'research' && input.statutoryTask === true;
    return {
      kind: 'helsedataservice-exemption',
      accepted: kprException ? ['helsedataservice-exemption', 'helsedir-exemption'] : ['helsedataservice-exemption'],
      why: {
        en: `Helsedataservice decides access and the exemption for ${names(f.hds, 'en')}, and for the sources linked with them, in one decision on the application through helsedata.no (since 2023-03-15).${kprException ? ' As a public body using KPR for its statutory tasks, the institution may instead apply to Helsedirektoratet.' : ''}`,
        nb: `Helsedataservice avgjør tilgang og dispensasjon for ${names(f.hds, 'nb')}, og for kildene som kobles med dem, i ett vedtak på søknaden via helsedata.no (fra 15.03.2023).${kprException ? ' Som offentlig virksomhet som bruker KPR til lovpålagte oppgaver, kan virksomheten i stedet søke Helsedirektoratet.' : ''}`,
      },
      provisions: ['hds-forskrift-7', ...law.filter((x) => x !== 'hregl-19e'), 'hregl-19e'],
    };
  }
  if (f.family === 'research' || (f.family === 'product' && f.purposes.includes('health-research'))) {
    return {
      kind: 'rek-exemption',
      accepted: ['rek-exemption'],
      why: {
        en: 'For research, REK grants the exemption from the duty of confidentiality for patient records (helsepersonelloven § 29) and for health registries outside Helsedataservice (helseregisterloven § 19 e).',
        nb: 'For forskning gir REK dispensasjon fra taushetsplikten for pasientjournaler (helsepersonelloven § 29) og for helseregistre utenfor Helsedataservice (helseregisterloven § 19 e).',
      },
      provisions: law,
    };
  }
  return {
    kind: 'helsedir-exemption',
    accepted: ['helsedir-exemption'],
    why:
      f.family === 'product'
        ? {
            en: 'For developing a product outside a research project, Helsedirektoratet grants the exemption for patient records (helsepersonelloven § 29) and registries outside Helsedataservice (helseregisterloven § 19 e).',
            nb: 'For produktutvikling utenfor et forskningsprosjekt gir Helsedirektoratet dispensasjon for pasientjournaler (helsepersonelloven § 29) og registre utenfor Helsedataservice (helseregisterloven § 19 e).',
          }
        : {
            en: 'For quality improvement, statistics, health analyses, planning, management and preparedness, Helsedirektoratet grants the exemption for patient records (helsepersonelloven § 29) and registries outside Helsedataservice (helseregisterloven § 19 e).',
            nb: 'For kvalitetsforbedring, statistikk, helseanalyser, planlegging, styring og beredskap gir Helsedirektoratet dispensasjon for pasientjournaler (helsepersonelloven § 29) og registre utenfor Helsedataservice (helseregisterloven § 19 e).',
          },
    provisions: law,
  };
}

/** Kinds of source whose use is processing on a large scale (GDPR art. 35(3)(b)). */
const LARGE_SCALE_KINDS = new Set(['central-health-register', 'medical-quality-register', 'health-survey', 'biobank']);

export function route(input: RouteInput): Route {
  const purposes = [...(input.category ? [input.category] : []), ...(input.secondary ?? []).filter((p) => p !== input.category)];
  const family = familyOf(input.category);
  const sources = unique(input.sources.map((id) => findSource(id)).filter((s): s is Source => s !== undefined));
  const identifiable = sources.filter(isIdentifiableHealth);
  const confidential = sources.filter(isIdentifiableHealthSource);
  const cohorts = confidential.filter(isConsentCohort);
  const cohortConsent = cohorts.filter((s) => (input.cohortConsent ?? []).includes(s.id));
  const direct = new Set(input.directIdentifiersFrom ?? []);
  const section19b = confidential.filter((s) => isSection11OutsideHds(s) && !direct.has(s.id));
  // A cohort's data rest on its participants' consent (cohort-consent-basis asks which), never on an exemption.
  const dispensation = confidential.filter((s) => !cohorts.includes(s) && !section19b.includes(s));
  const hds = dispensation.filter((s) => s.hds_decides);
  // A quality register's research use is its normal secondary purpose; each later project applies on its own.
  const healthResearch = purposes.includes('health-research') && family !== 'quality-register';
  const research = family === 'research' || healthResearch || (purposes.includes('other-research') && family !== 'quality-register');
  const otherHolders = input.otherHolders ?? [];
  const toCustodian = sources.some(deliveredByCustodian);
  const decider: Decider = hds.length > 0 ? 'helsedataservice' : toCustodian || otherHolders.length > 0 ? 'custodian' : 'own-records';
  const populationRegister = input.controlGroupSource === 'folkeregisteret' || input.sources.includes('folkeregisteret');
  const registryOnly = identifiable.length > 0 && sources.length > 0 && sources.every((s) => REGISTRY_KINDS.has(s.kind));
  const today = input.today;
  const protocolToRek = healthResearch && registryOnly && today !== undefined && inForce('hforsknl-9-2', today);
  const ownConsent = input.consent === true && input.consentNotOwn !== true;
  // An application to Helsedataservice, a custodian or the holder of the records carries attachments; own records and the two purposes without one do not.
  const application = decider !== 'own-records' && family !== 'internal-qa' && family !== 'quality-register' && family !== 'unknown';
  const base: BaseFacts = {
    purposes,
    family,
    research,
    healthResearch,
    consent: input.consent === true,
    ownConsent,
    product: input.product,
    clinicalTesting: input.clinicalTesting,
    identifiable,
    confidential,
    hds,
    decider,
    largeScale: identifiable.some((s) => LARGE_SCALE_KINDS.has(s.kind)) || (family === 'product' && identifiable.length > 0),
    populationRegister,
    transferAbroad: input.transferAbroad === true,
    cohorts,
    cohortConsent,
    section19b,
    dispensation,
    otherHolders,
    registryOnly,
    protocolToRek,
    recipientRole: input.recipientRole,
    dataApplication: application,
  };
  const exemption = exemptionFor(base, input);
  const facts: RouteFacts = {
    ...base,
    exemptionKind: exemption.kind,
    exemptionNeeded: exemption.kind !== undefined && input.consent !== true,
    exemptionProvisions: exemption.provisions,
  };

  const requirements: Requirement[] = [];
  for (const row of REQUIREMENT_ROWS) {
    if (!row.when(facts)) continue;
    if (row.kind === 'exemption') {
      if (facts.exemptionKind) requirements.push({ kind: facts.exemptionKind, level: row.level, why: exemption.why ?? { en: '', nb: '' }, provisions: exemption.provisions });
    } else if (!requirements.some((r) => r.kind === row.kind)) {
      requirements.push({ kind: row.kind, level: row.level, why: row.why, provisions: row.provisions });
    }
  }

  const attachments = application
    ? ATTACHMENT_ROWS.filter((row) => row.when(facts)).map(({ kind, why, provisions }) => ({ kind, why, provisions: typeof provisions === 'function' ? provisions(facts) : provisions }))
    : [];

  const notes: Localized[] = [];
  if (input.product === 'administrative-decision-support') {
    notes.push({
      en: 'The rules for developing administrative decision support are unclear; consider applying for an exemption under the planning and management rules.',
      nb: 'Reglene for utvikling av administrativ beslutningsstøtte er uklare; vurder å søke dispensasjon etter reglene for planlegging og styring.',
    });
  } else if (input.product === 'process-automation') {
    notes.push({
      en: 'The rules for process automation are unclear; consider applying for an exemption under the quality-improvement rules.',
      nb: 'Reglene for prosessautomatisering er uklare; vurder å søke dispensasjon etter reglene for kvalitetsforbedring.',
    });
  }
  if (family === 'quality-register' && input.consent !== true) {
    notes.push({
      en: 'A quality register rests on consent; without it, all four exception conditions must hold (representativeness, right to object, DPO consulted, eligible controller).',
      nb: 'Et kvalitetsregister bygger på samtykke; uten samtykke må alle fire unntaksvilkårene være oppfylt (representativitet, reservasjonsrett, personvernombud rådført, kvalifisert dataansvarlig).',
    });
  }
  if (family === 'quality-register' && purposes.includes('health-research')) {
    notes.push({
      en: 'Research is the register\'s normal secondary purpose: establishing it needs no REK approval, but each research project that later uses its data needs its own.',
      nb: 'Forskning er registerets vanlige sekundærformål: etableringen trenger ikke godkjenning fra REK, men hvert forskningsprosjekt som senere bruker dataene, trenger sin egen.',
    });
  }
  if (section19b.length > 0 && input.consent !== true && family !== 'internal-qa' && family !== 'unknown') {
    notes.push({
      en: `No exemption from confidentiality is needed for the indirectly identifiable data asked from ${names(section19b, 'en')}: helseregisterloven § 19 b lifts the duty of confidentiality for such data from the central registers, and the register decides the release. Asking for a name, national identity number or other direct identifier would need an exemption (helseregisterloven § 19 e).`,
      nb: `Det trengs ingen dispensasjon fra taushetsplikten for de indirekte identifiserbare opplysningene fra ${names(section19b, 'nb')}: helseregisterloven § 19 b opphever taushetsplikten for slike opplysninger fra de sentrale registrene, og registeret avgjør utleveringen. Ber prosjektet om navn, fødselsnummer eller andre direkte kjennetegn, trengs dispensasjon (helseregisterloven § 19 e).`,
    });
  }
  if (cohortConsent.length > 0) {
    notes.push({
      en: `The participants of ${names(cohortConsent, 'en')} consented: the project uses their data within that consent's scope${healthResearch ? ', with REK\'s approval,' : ''} and with no exemption from confidentiality, and leaves out everyone who has withdrawn.`,
      nb: `Deltakerne i ${names(cohortConsent, 'nb')} har samtykket: prosjektet bruker opplysningene innenfor samtykket${healthResearch ? ', med godkjenning fra REK,' : ''} og uten dispensasjon fra taushetsplikten, og holder utenfor alle som har trukket samtykket.`,
    });
  }
  if (healthResearch && registryOnly && !protocolToRek) {
    const p = provisions.get('hforsknl-9');
    if (p?.note) notes.push(p.note);
  }

  const pseudonymousLinkage = input.linked === true && sources.some((s) => s.identifiability === 'pseudonymous');
  if (pseudonymousLinkage) {
    notes.push({
      en: 'Linkage with a pseudonymous registry goes through a separate linkage step and usually takes longer than the deadline suggests.',
      nb: 'Kobling med et pseudonymt register går via et eget koblingstrinn og tar som regel lenger tid enn fristen tilsier.',
    });
  }
  // The statutory deadline (helseregisterloven § 19 f) binds Helsedataservice and the registers' custodians, not the holder of patient records.
  const deadline = application && (hds.length > 0 || toCustodian) ? { workingDays: (input.linked ? 60 : 30) as 30 | 60, linked: input.linked === true, pseudonymousLinkage } : undefined;

  return {
    purpose: input.category,
    family,
    facts,
    identifiableSources: confidential,
    hdsSources: hds,
    decider,
    exemptionNeeded: facts.exemptionNeeded,
    exemptionKind: exemption.kind,
    acceptedExemptions: exemption.accepted,
    exemptionWhy: exemption.why,
    exemptionProvisions: exemption.provisions,
    requirements,
    attachments,
    deadline,
    notes,
  };
}

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}

function names(sources: Source[], lang: 'en' | 'nb'): string {
  return listOf(sources.map((s) => s.abbreviation ?? s.name[lang]), lang);
}
