/** The application package's own words, in English and Norwegian bokmål. */
import type { Lang, Localized } from '../../rules/domain/types';
import { APPROVAL_NAME, ATTACHMENT_NAME } from '../../rules/domain/vocabulary';

/** Approval and attachment kinds by name: the same names the preview shows. */
export { APPROVAL_NAME, ATTACHMENT_NAME };

const document = {
  documentTitle: { en: 'Application for health data', nb: 'Søknad om helsedata' },
  generated: { en: 'Written from {0} by descriptor-check {1} on {2}. Law current to {3}.', nb: 'Skrevet fra {0} av descriptor-check {1} {2}. Lov per {3}.' },
  contents: { en: 'Contents', nb: 'Innhold' },
  errorsTitle: { en: 'Errors to correct before sending', nb: 'Feil som må rettes før innsending' },
  errorsIntro: { en: 'The descriptor has {0}. The sections below are written from it as it stands.', nb: 'Beskrivelsen har {0}. Delene nedenfor er skrevet fra den slik den er nå.' },
  line: { en: 'Line {0}', nb: 'Linje {0}' },

  s1: { en: 'Project and responsibilities', nb: 'Prosjekt og ansvarsforhold' },
  s2: { en: 'Purpose and legal basis', nb: 'Formål og rettslig grunnlag' },
  s3: { en: 'Research questions and study design', nb: 'Forskningsspørsmål og studiedesign' },
  s4: { en: 'Target population, study population and control group', nb: 'Målpopulasjon, studiepopulasjon og kontrollgruppe' },
  s5: { en: 'Data sources and variables', nb: 'Datakilder og variabler' },
  s6: { en: 'Linkage', nb: 'Kobling av data' },
  s7: { en: 'Consent or exemption from the duty of confidentiality', nb: 'Samtykke eller dispensasjon fra taushetsplikten' },
  s8: { en: 'Data management: storage, deletion, security and transfer', nb: 'Datahåndtering: lagring, sletting, sikkerhet og overføring' },
  s9: { en: 'Approvals', nb: 'Godkjenninger' },
  s10: { en: 'Attachments', nb: 'Vedlegg' },

  title: { en: 'Project title', nb: 'Prosjekttittel' },
  summary: { en: 'Summary', nb: 'Sammendrag' },
  institution: { en: 'Responsible institution (data controller)', nb: 'Ansvarlig institusjon (behandlingsansvarlig)' },
  lead: { en: 'Project lead', nb: 'Prosjektleder' },
  period: { en: 'Project period', nb: 'Prosjektperiode' },
  funding: { en: 'Funding', nb: 'Finansiering' },
  statutoryTask: { en: 'Public body using the data for its statutory tasks', nb: 'Offentlig organ som bruker dataene til lovpålagte oppgaver' },
  staff: { en: 'Project staff with access to the data', nb: 'Prosjektmedarbeidere med tilgang til dataene' },
  name: { en: 'Name', nb: 'Navn' },
  role: { en: 'Role', nb: 'Rolle' },
  noStaff: { en: 'No staff are listed.', nb: 'Ingen medarbeidere er oppført.' },

  purpose: { en: 'Purpose', nb: 'Formål' },
  secondary: { en: 'Further purposes', nb: 'Sekundærformål' },
  product: { en: 'Product', nb: 'Produkt' },
  clinicalTesting: { en: 'Clinical testing', nb: 'Klinisk utprøving' },
  purposeDescription: { en: 'The purpose in words', nb: 'Formålet med egne ord' },
  legalBasis: { en: 'Legal basis', nb: 'Rettslig grunnlag' },
  consentBasis: { en: 'Consent from every participant', nb: 'Samtykke fra alle deltakere' },
  article6: { en: 'GDPR art. 6(1)', nb: 'Personvernforordningen art. 6 nr. 1' },
  article9: { en: 'GDPR art. 9(2)', nb: 'Personvernforordningen art. 9 nr. 2' },
  supplementary: { en: 'Supplementary national legal basis', nb: 'Supplerende rettsgrunnlag' },

  questions: { en: 'Research questions', nb: 'Forskningsspørsmål' },
  design: { en: 'Study design', nb: 'Studiedesign' },
  notResearch: { en: 'The purpose is not research, so no research questions or study design are required.', nb: 'Formålet er ikke forskning, så forskningsspørsmål og studiedesign kreves ikke.' },

  target: { en: 'Target population', nb: 'Målpopulasjon' },
  study: { en: 'Study population', nb: 'Studiepopulasjon' },
  size: { en: 'Expected number of persons', nb: 'Forventet antall personer' },
  inclusion: { en: 'Inclusion criteria', nb: 'Inklusjonskriterier' },
  exclusion: { en: 'Exclusion criteria', nb: 'Eksklusjonskriterier' },
  controlGroup: { en: 'Control group', nb: 'Kontrollgruppe' },
  controlSource: { en: 'Selected from', nb: 'Trekkes fra' },
  controlDescription: { en: 'How it is selected', nb: 'Slik trekkes den' },
  controlSize: { en: 'Number of controls', nb: 'Antall kontroller' },
  noControlGroup: { en: 'The project has no control group.', nb: 'Prosjektet har ingen kontrollgruppe.' },

  sourceName: { en: 'Source', nb: 'Kilde' },
  custodian: { en: 'Custodian', nb: 'Registerforvalter' },
  holder: { en: 'Held by', nb: 'Holdes av' },
  sourceDescription: { en: 'What the project takes from it', nb: 'Dette henter prosjektet derfra' },
  identifiability: { en: 'Identifiability', nb: 'Identifiserbarhet' },
  notInCatalogue: { en: 'not in the catalogue', nb: 'ikke i katalogen' },
  noSources: { en: 'No data sources are listed.', nb: 'Ingen datakilder er oppført.' },
  noVariables: { en: 'No variables are listed for this source.', nb: 'Ingen variabler er oppført for denne kilden.' },
  variable: { en: "Variable (custodian's name)", nb: 'Variabel (registerforvalterens navn)' },
  description: { en: 'Description', nb: 'Beskrivelse' },
  granularity: { en: 'Requested granularity', nb: 'Omsøkt detaljnivå' },
  justification: { en: 'Justification', nb: 'Begrunnelse' },
  variablesFile: { en: 'The same list as a spreadsheet: {0}.', nb: 'Samme liste som regneark: {0}.' },

  linkageModel: { en: 'Linkage model', nb: 'Koblingsmodell' },
  linkedBy: { en: 'Linked by', nb: 'Kobles av' },
  links: { en: 'Links', nb: 'Koblinger' },
  linkageSteps: { en: 'The linkage step by step', nb: 'Koblingen trinn for trinn' },
  diagram: { en: 'Diagram of the data linkage', nb: 'Diagram over datakoblingen' },
  diagramFile: { en: 'The diagram is also in linkage.svg.', nb: 'Diagrammet ligger også i linkage.svg.' },
  diagramNoImage: { en: 'The diagram is in linkage.svg (no PNG could be made here, so it is not embedded).', nb: 'Diagrammet ligger i linkage.svg (her kunne det ikke lages PNG, så det er ikke satt inn).' },
  noSourcesLinked: { en: 'No sources are linked.', nb: 'Ingen kilder kobles.' },

  consentTitle: { en: 'Consent', nb: 'Samtykke' },
  consentIntro: { en: 'The participants consent. Consent is valid only when it is:', nb: 'Deltakerne samtykker. Samtykket er gyldig bare når det er:' },
  condition: { en: 'Condition', nb: 'Vilkår' },
  met: { en: 'Met', nb: 'Oppfylt' },
  exemptionTitle: { en: 'Exemption from the duty of confidentiality', nb: 'Dispensasjon fra taushetsplikten' },
  exemptionKind: { en: 'Exemption', nb: 'Dispensasjon' },
  decidedBy: { en: 'Decided by', nb: 'Avgjøres av' },
  why: { en: 'Why', nb: 'Hvorfor' },
  law: { en: 'Law', nb: 'Lov' },
  saksstatus: { en: 'Status', nb: 'Saksstatus' },
  noExemption: { en: 'No consent and no exemption are needed for this purpose and these sources.', nb: 'Verken samtykke eller dispensasjon trengs for dette formålet og disse kildene.' },

  storage: { en: 'Storage', nb: 'Lagring' },
  retention: { en: 'Kept until', nb: 'Lagres til' },
  deletion: { en: 'Deletion', nb: 'Sletting' },
  security: { en: 'Security measures', nb: 'Sikkerhetstiltak' },
  transfer: { en: 'Transfer abroad', nb: 'Overføring til utlandet' },
  countries: { en: 'Countries', nb: 'Land' },
  recipient: { en: 'Recipient', nb: 'Mottaker' },
  transferBasis: { en: 'Basis for the transfer', nb: 'Overføringsgrunnlag' },
  noTransfer: { en: 'No data is sent abroad.', nb: 'Ingen data sendes til utlandet.' },

  approval: { en: 'Approval', nb: 'Godkjenning' },
  reference: { en: 'Case number', nb: 'Saksnummer' },
  date: { en: 'Date', nb: 'Dato' },
  assess: { en: 'to be assessed', nb: 'skal vurderes' },
  notForRoute: { en: 'listed in the descriptor', nb: 'oppført i beskrivelsen' },
  noApprovals: { en: 'No approvals apply and none are listed.', nb: 'Ingen godkjenninger gjelder, og ingen er oppført.' },

  attachment: { en: 'Attachment', nb: 'Vedlegg' },
  file: { en: 'File', nb: 'Fil' },
  requiredHere: { en: 'Required here', nb: 'Kreves her' },
  fileNotFound: { en: '(file not found)', nb: '(filen finnes ikke)' },
  noAttachments: { en: 'No attachments are asked for and none are listed.', nb: 'Ingen vedlegg kreves, og ingen er oppført.' },

  yes: { en: 'yes', nb: 'ja' },
  no: { en: 'no', nb: 'nei' },
  notApplicable: { en: '—', nb: '—' },

  noPng: { en: 'linkage.png was not written: this installation lacks its PNG renderer, so the Word document refers to linkage.svg instead.', nb: 'linkage.png ble ikke skrevet: denne installasjonen mangler PNG-rendreren, så Word-dokumentet viser til linkage.svg i stedet.' },
  pngFailed: { en: 'linkage.png was not written: the diagram could not be turned into PNG ({0}).', nb: 'linkage.png ble ikke skrevet: diagrammet kunne ikke gjøres om til PNG ({0}).' },
  noDiagram: { en: 'linkage.svg and linkage.png were not written: the descriptor lists no data sources.', nb: 'linkage.svg og linkage.png ble ikke skrevet: beskrivelsen har ingen datakilder.' },

  // The report's own words.
  reportTitle: { en: 'Check report', nb: 'Kontrollrapport' },
  requirements: { en: 'Requirements', nb: 'Krav' },
  findings: { en: 'Findings by section', nb: 'Funn per del' },
  noFindings: { en: 'No findings.', nb: 'Ingen funn.' },
  severity: { en: 'Severity', nb: 'Alvorlighet' },
  rule: { en: 'Rule', nb: 'Regel' },
  message: { en: 'Message', nb: 'Melding' },
  provisions: { en: 'Provisions', nb: 'Bestemmelser' },
  variables: { en: 'Variables', nb: 'Variabler' },
  otherSection: { en: 'Elsewhere in the file', nb: 'Andre steder i filen' },
  unverified: { en: 'unverified', nb: 'ikke bekreftet' },
  sevError: { en: 'error', nb: 'feil' },
  sevWarning: { en: 'warning', nb: 'advarsel' },
  sevInformation: { en: 'information', nb: 'informasjon' },
  routeTitle: { en: 'Application route', nb: 'Søknadsvei' },
  timeline: { en: 'Timeline', nb: 'Tidslinje' },
} as const satisfies Record<string, Localized>;

/** The requirements preview and its Markdown export. */
const preview = {
  title: { en: 'Requirements', nb: 'Krav' },
  route: { en: 'Application route', nb: 'Søknadsvei' },
  purpose: { en: 'Purpose', nb: 'Formål' },
  consent: { en: 'Consent', nb: 'Samtykke' },
  yes: { en: 'yes', nb: 'ja' },
  no: { en: 'no', nb: 'nei' },
  notStated: { en: 'not stated', nb: 'ikke oppgitt' },
  exemption: { en: 'Exemption from the duty of confidentiality', nb: 'Dispensasjon fra taushetsplikten' },
  exemptionNone: { en: 'No exemption needed for this purpose, these sources and this consent.', nb: 'Ingen dispensasjon trengs for dette formålet, disse kildene og dette samtykket.' },
  decidedBy: { en: 'decided by', nb: 'avgjøres av' },
  approvals: { en: 'Approvals', nb: 'Godkjenninger' },
  kind: { en: 'Approval', nb: 'Godkjenning' },
  status: { en: 'Status', nb: 'Tilstand' },
  why: { en: 'Why', nb: 'Hvorfor' },
  law: { en: 'Law', nb: 'Lov' },
  assess: { en: 'assess', nb: 'vurder' },
  attachments: { en: 'Attachments', nb: 'Vedlegg' },
  attachment: { en: 'Attachment', nb: 'Vedlegg' },
  listedColumn: { en: 'Listed', nb: 'Oppført' },
  file: { en: 'File', nb: 'Fil' },
  exists: { en: 'exists', nb: 'finnes' },
  missingFile: { en: 'missing', nb: 'mangler' },
  noAttachments: { en: 'No application to the data custodians, so the attachments table does not apply.', nb: 'Ingen søknad til registerforvalterne, så vedleggstabellen gjelder ikke.' },
  timeline: { en: 'Timeline', nb: 'Tidslinje' },
  noTimeline: { en: 'No custodian delivers data to this project, so no custodian deadline applies.', nb: 'Ingen registerforvalter leverer data til prosjektet, så ingen frist hos registerforvalter gjelder.' },
  linkage: { en: 'Linkage', nb: 'Kobling' },
  variables: { en: 'Variables', nb: 'Variabler' },
  source: { en: 'Source', nb: 'Kilde' },
  name: { en: 'Name', nb: 'Navn' },
  granularity: { en: 'Granularity', nb: 'Detaljnivå' },
  findings: { en: 'Findings', nb: 'Funn' },
  unverified: { en: 'unverified', nb: 'ikke bekreftet' },
  lawCurrent: { en: 'Law current to', nb: 'Lov per' },
  catalogueCurrent: { en: 'data source catalogue current to', nb: 'datakildekatalogen per' },
  noLinks: { en: 'No links.', nb: 'Ingen koblinger.' },
  export: { en: 'Export as Markdown', nb: 'Eksporter som Markdown' },
  exportPackage: { en: 'Export application package', nb: 'Eksporter søknadspakken' },
  plan: { en: 'Next steps', nb: 'Neste steg' },
  to: { en: 'to', nb: 'til' },
  sends: { en: 'sends', nb: 'sender' },
  done: { en: 'done', nb: 'ferdig' },
  doneOn: { en: 'done {0}', nb: 'ferdig {0}' },
  waiting: { en: 'sent, awaiting decision', nb: 'sendt, venter på vedtak' },
  waitingSince: { en: 'sent {0}, awaiting decision', nb: 'sendt {0}, venter på vedtak' },
  open: { en: 'to do', nb: 'gjenstår' },
  blocked: { en: 'rejected: see the approvals', nb: 'avslått: se godkjenningene' },
  changeStep: { en: 'change since approval', nb: 'endring siden godkjenningen' },
  undecided: { en: 'Nothing is concluded about the route, the approvals, the attachments or the deadline:', nb: 'Ingenting er konkludert om søknadsvei, godkjenninger, vedlegg eller frist:' },
  parseProblem: { en: 'The file could not be read as a descriptor, so nothing is concluded about it:', nb: 'Filen kunne ikke leses som en prosjektbeskrivelse, så ingenting er konkludert om den:' },
  changes: { en: 'Changes since approval', nb: 'Endringer siden godkjenningen' },
  comparedWith: { en: 'Compared with the approved version', nb: 'Sammenlignet med den godkjente versjonen' },
  unreadable: { en: 'The approved version could not be read', nb: 'Den godkjente versjonen kunne ikke leses' },
  noChanges: { en: 'No change since the approved version needs an application or a report.', nb: 'Ingen endring siden den godkjente versjonen må søkes om eller meldes.' },
  change: { en: 'Change', nb: 'Endring' },
  approvedValue: { en: 'Approved value', nb: 'Godkjent verdi' },
  needs: { en: 'What it needs, from whom', nb: 'Hva den trenger, og fra hvem' },
  draftTo: { en: 'Draft change request to', nb: 'Utkast til endringsmelding til' },
  draftHint: { en: 'Copy the text, say why in place of the brackets, and send it.', nb: 'Kopier teksten, skriv begrunnelsen der klammene står, og send den.' },
} as const satisfies Record<string, Localized>;

/** The linkage diagram. */
const diagram = {
  aria: { en: 'Data linkage diagram', nb: 'Diagram over datakoblingen' },
  project: { en: 'The project', nb: 'Prosjektet' },
  linkedBy: { en: 'Linked by {0}', nb: 'Kobles av {0}' },
  linksItself: { en: 'links the files itself (distributed linkage)', nb: 'kobler filene selv (distribuert kobling)' },
  replaces: { en: 'replaces national identity numbers with project-specific serial numbers', nb: 'erstatter fødselsnummer med prosjektspesifikke løpenumre' },
  receives: { en: 'receives the data with project-specific serial numbers, without identities', nb: 'mottar dataene med prosjektspesifikke løpenumre, uten identiteter' },
  receivesUnlinked: { en: 'receives the data of each source separately, without linkage', nb: 'mottar dataene fra hver kilde for seg, uten kobling' },
  definesSample: { en: 'defines the sample', nb: 'definerer utvalget' },
  controlGroup: { en: 'control group', nb: 'kontrollgruppe' },
  identifying: { en: 'directly identifying', nb: 'direkte identifiserende' },
  pseudonymous: { en: 'pseudonymous', nb: 'pseudonym' },
  deidentified: { en: 'de-identified: not linked', nb: 'avidentifisert: kobles ikke' },
  unknown: { en: 'not in the catalogue', nb: 'ikke i katalogen' },
  missingModel: { en: '[Missing: linkage model]', nb: '[Mangler: koblingsmodell]' },
  stepSample: { en: '{0} defines the sample: the persons the project is about.', nb: '{0} definerer utvalget: personene prosjektet gjelder.' },
  stepSend: { en: 'The sources send national identity numbers and the requested data to {0}.', nb: 'Kildene sender fødselsnummer og de omsøkte dataene til {0}.' },
  stepLink: { en: '{0} links {1} and replaces the national identity numbers with project-specific serial numbers.', nb: '{0} kobler {1} og erstatter fødselsnumrene med prosjektspesifikke løpenumre.' },
  stepDistributed: { en: 'Each custodian replaces the national identity numbers with the same project-specific serial numbers before delivery.', nb: 'Hver registerforvalter erstatter fødselsnumrene med de samme prosjektspesifikke løpenumrene før utlevering.' },
  stepLinkItself: { en: '{0} links {1} on the serial numbers.', nb: '{0} kobler {1} på løpenumrene.' },
  stepReceive: { en: 'The project receives the linked data with serial numbers only; it never sees the identities.', nb: 'Prosjektet mottar de koblede dataene bare med løpenumre; det ser aldri identitetene.' },
  stepNoLinkage: { en: 'No sources are linked: each source delivers its data on its own.', nb: 'Ingen kilder kobles: hver kilde leverer sine data for seg.' },
  stepDeidentified: { en: '{0}: de-identified, delivered without linkage (dashed).', nb: '{0}: avidentifisert, leveres uten kobling (stiplet).' },
  stepDeidentifiedLinked: { en: '{0}: de-identified, so it cannot be linked as the descriptor asks.', nb: '{0}: avidentifisert, så kilden kan ikke kobles slik beskrivelsen ber om.' },
  stepUnknownLink: { en: 'Link to a source the descriptor does not list: {0}.', nb: 'Kobling til en kilde beskrivelsen ikke har: {0}.' },
  stepModelMissing: { en: '[Missing: linkage model]. The diagram shows a central linkage by {0}, as the catalogue suggests.', nb: '[Mangler: koblingsmodell]. Diagrammet viser sentral kobling hos {0}, slik katalogen tilsier.' },
  stepKey: { en: 'Linked on: {0}.', nb: 'Koblingsnøkkel: {0}.' },
  stepReferenceDates: { en: 'Real dates are recoded against agreed reference dates.', nb: 'Ekte datoer omkodes mot avtalte referansedatoer.' },
} as const satisfies Record<string, Localized>;

/** Nouns that are counted, singular and plural ("1 advarsel", "2 advarsler"). */
export const COUNT_NOUNS = {
  errors: { en: ['error', 'errors'], nb: ['feil', 'feil'] },
  warnings: { en: ['warning', 'warnings'], nb: ['advarsel', 'advarsler'] },
  information: { en: ['information', 'information'], nb: ['informasjon', 'informasjon'] },
  files: { en: ['file', 'files'], nb: ['fil', 'filer'] },
} as const satisfies Record<string, Record<'en' | 'nb', readonly [string, string]>>;

/**
 * Every word the report layer writes, by where it is read: the preview, the diagram, the
 * application document and report. Said with `say()` from rules/domain/text.ts.
 */
export const WORDS = { preview, diagram, document } as const;

/** What a field is called in a placeholder: «[Mangler: forskningsspørsmål]», "[Missing: research questions]". */
export const MISSING_FIELD = {
  title: { en: 'project title', nb: 'prosjekttittel' },
  institution: { en: 'responsible institution', nb: 'ansvarlig institusjon' },
  lead: { en: 'project lead', nb: 'prosjektleder' },
  purpose: { en: 'purpose', nb: 'formål' },
  purposeDescription: { en: 'description of the purpose', nb: 'formålsbeskrivelse' },
  article6: { en: 'legal basis under GDPR art. 6', nb: 'behandlingsgrunnlag etter art. 6' },
  article9: { en: 'exception under GDPR art. 9', nb: 'unntak etter art. 9' },
  questions: { en: 'research questions', nb: 'forskningsspørsmål' },
  design: { en: 'study design', nb: 'studiedesign' },
  target: { en: 'target population', nb: 'målpopulasjon' },
  study: { en: 'study population', nb: 'studiepopulasjon' },
  controlSource: { en: 'source of the control group', nb: 'kilde for kontrollgruppen' },
  justification: { en: 'justification', nb: 'begrunnelse' },
  linkageModel: { en: 'linkage model', nb: 'koblingsmodell' },
  condition: { en: 'stated in the descriptor', nb: 'angitt i beskrivelsen' },
  exemption: { en: 'exemption from the duty of confidentiality', nb: 'dispensasjon fra taushetsplikten' },
  storage: { en: 'storage', nb: 'lagring' },
  retention: { en: 'retention period', nb: 'lagringstid' },
  deletion: { en: 'deletion routine', nb: 'sletterutine' },
  security: { en: 'security measures', nb: 'sikkerhetstiltak' },
  transferBasis: { en: 'basis for the transfer', nb: 'overføringsgrunnlag' },
  reference: { en: 'case number', nb: 'saksnummer' },
  approvalEntry: { en: 'entry', nb: 'oppføring' },
  attachmentEntry: { en: 'attachment', nb: 'vedlegg' },
  variables: { en: 'variables', nb: 'variabler' },
} as const satisfies Record<string, Localized>;

export function missing(field: keyof typeof MISSING_FIELD, lang: Lang): string {
  return lang === 'nb' ? `[Mangler: ${MISSING_FIELD[field].nb}]` : `[Missing: ${MISSING_FIELD[field].en}]`;
}


/** Who decides each approval kind, in words (an `authority` written in the descriptor wins). */
export const APPROVAL_AUTHORITY: Readonly<Record<string, Localized>> = {
  'rek-preapproval': { en: 'REK', nb: 'REK' },
  'rek-exemption': { en: 'REK', nb: 'REK' },
  'rek-preassessment': { en: 'REK', nb: 'REK' },
  'helsedir-exemption': { en: 'Helsedirektoratet', nb: 'Helsedirektoratet' },
  'helsedataservice-exemption': { en: 'Helsedataservice', nb: 'Helsedataservice' },
  'management-decision': { en: "the institution's management", nb: 'virksomhetens ledelse' },
  'dpo-assessment': { en: 'the data protection officer', nb: 'personvernombudet' },
  dpia: { en: 'the data controller', nb: 'den behandlingsansvarlige' },
  'tax-administration-permit': { en: 'Skatteetaten', nb: 'Skatteetaten' },
  'medical-products-notification': { en: 'Direktoratet for medisinske produkter', nb: 'Direktoratet for medisinske produkter' },
  'data-processor-agreement': { en: 'the controller and the processor', nb: 'behandlingsansvarlig og databehandler' },
  'data-application': { en: 'the custodian', nb: 'registerforvalteren' },
};

/** Approvals decided outside the institution, which carry a case number once applied for. */
export const EXTERNAL_DECISIONS: ReadonlySet<string> = new Set(['rek-preapproval', 'rek-exemption', 'rek-preassessment', 'helsedir-exemption', 'helsedataservice-exemption', 'tax-administration-permit', 'data-application']);


export const STUDY_DESIGN: Readonly<Record<string, Localized>> = {
  cohort: { en: 'Cohort study', nb: 'Kohortstudie' },
  'case-control': { en: 'Case-control study', nb: 'Kasus-kontroll-studie' },
  'natural-experiment': { en: 'Natural experiment', nb: 'Naturlig eksperiment' },
  'registry-follow-up': { en: 'Registry follow-up', nb: 'Registeroppfølging' },
  'cross-sectional': { en: 'Cross-sectional study', nb: 'Tverrsnittsstudie' },
  'clinical-trial': { en: 'Clinical trial', nb: 'Klinisk studie' },
  other: { en: 'Other design', nb: 'Annet design' },
};

export const ROLE: Readonly<Record<string, Localized>> = {
  'project-lead': { en: 'Project lead', nb: 'Prosjektleder' },
  researcher: { en: 'Researcher', nb: 'Forsker' },
  'data-manager': { en: 'Data manager', nb: 'Dataforvalter' },
  statistician: { en: 'Statistician', nb: 'Statistiker' },
  student: { en: 'Student', nb: 'Student' },
  other: { en: 'Other', nb: 'Annen rolle' },
};

export const PRODUCT_NAME: Readonly<Record<string, Localized>> = {
  'clinical-decision-support': { en: 'Clinical decision support', nb: 'Klinisk beslutningsstøtte' },
  'administrative-decision-support': { en: 'Administrative decision support', nb: 'Administrativ beslutningsstøtte' },
  'process-automation': { en: 'Process automation', nb: 'Prosessautomatisering' },
};

/** The letters of GDPR art. 6(1) in words. */
export const ARTICLE_6: Readonly<Record<string, Localized>> = {
  a: { en: 'consent', nb: 'samtykke' },
  b: { en: 'performance of a contract', nb: 'oppfyllelse av en avtale' },
  c: { en: 'a legal obligation', nb: 'en rettslig forpliktelse' },
  d: { en: 'vital interests', nb: 'vitale interesser' },
  e: { en: 'a task in the public interest or in the exercise of official authority', nb: 'en oppgave i allmennhetens interesse eller utøvelse av offentlig myndighet' },
  f: { en: 'legitimate interests', nb: 'berettigede interesser' },
};

/** The letters of GDPR art. 9(2) in words. */
export const ARTICLE_9: Readonly<Record<string, Localized>> = {
  a: { en: 'explicit consent', nb: 'uttrykkelig samtykke' },
  b: { en: 'employment and social security law', nb: 'arbeidsrett, trygderett og sosialrett' },
  c: { en: 'vital interests', nb: 'vitale interesser' },
  d: { en: 'a not-for-profit body', nb: 'en ideell organisasjon' },
  e: { en: 'data made public by the person', nb: 'opplysninger den registrerte har offentliggjort' },
  f: { en: 'legal claims', nb: 'rettskrav' },
  g: { en: 'substantial public interest', nb: 'viktige allmenne interesser' },
  h: { en: 'preventive or occupational medicine, health care', nb: 'forebyggende medisin, arbeidsmedisin, helsehjelp' },
  i: { en: 'public health', nb: 'folkehelse' },
  j: { en: 'archiving, scientific or historical research, or statistics', nb: 'arkivformål, vitenskapelig eller historisk forskning eller statistikk' },
};

export const TRANSFER_BASIS: Readonly<Record<string, Localized>> = {
  adequacy: { en: 'an adequacy decision (GDPR art. 45)', nb: 'beslutning om tilstrekkelig beskyttelsesnivå (art. 45)' },
  safeguards: { en: 'appropriate safeguards (GDPR art. 46)', nb: 'nødvendige garantier (art. 46)' },
  derogation: { en: 'a derogation for a specific situation (GDPR art. 49)', nb: 'unntak for særlige situasjoner (art. 49)' },
};

export const LINKAGE_MODEL: Readonly<Record<string, Localized>> = {
  none: { en: 'No linkage', nb: 'Ingen kobling' },
  distributed: { en: 'Distributed: the project links the files from each source on project-specific serial numbers', nb: 'Distribuert: prosjektet kobler filene fra hver kilde på prosjektspesifikke løpenumre' },
  centralized: { en: 'Central: one custodian links the sources and delivers the linked data', nb: 'Sentral: én registerforvalter kobler kildene og leverer de koblede dataene' },
};

export const IDENTIFIABILITY: Readonly<Record<string, Localized>> = {
  'directly-identifying': { en: 'directly identifying', nb: 'direkte identifiserende' },
  pseudonymous: { en: 'pseudonymous', nb: 'pseudonym' },
  'de-identified': { en: 'de-identified', nb: 'avidentifisert' },
};

/** The top-level keys of a descriptor, as the report's sections. */
export const SECTION_OF_KEY: Readonly<Record<string, Localized>> = {
  project: document.s1,
  purpose: document.s2,
  legal_basis: document.s2,
  population: document.s4,
  data_sources: document.s5,
  linkage: document.s6,
  consent: document.s7,
  quality_register: document.s7,
  data_management: document.s8,
  approvals: document.s9,
  attachments: document.s10,
};

/** Every Norwegian text the package writes of its own, for the language test. */
export function norwegianTexts(): { where: string; nb: string }[] {
  const tables: Record<string, Readonly<Record<string, Localized>>> = {
    preview: WORDS.preview, diagram: WORDS.diagram, document: WORDS.document, MISSING_FIELD, APPROVAL_NAME, APPROVAL_AUTHORITY, ATTACHMENT_NAME, STUDY_DESIGN, ROLE, PRODUCT_NAME, ARTICLE_6, ARTICLE_9, TRANSFER_BASIS, LINKAGE_MODEL, IDENTIFIABILITY,
  };
  return Object.entries(tables).flatMap(([table, t]) => Object.entries(t).map(([k, v]) => ({ where: `${table}.${k}`, nb: v.nb })));
}

