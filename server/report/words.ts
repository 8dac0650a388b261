/** The application package's own words, in English and Norwegian bokmål. */
import type { Lang, Localized } from '../../rules/domain/types';
import { APPROVAL_NAME, ATTACHMENT_NAME } from '../../rules/domain/vocabulary';

/** Approval and attachment kinds by name: the same names the preview shows. */
export { APPROVAL_NAME, ATTACHMENT_NAME };

const document = {
  // What the document is: helsedata.no takes applications for identifiable data only through its web form, so the package is a working draft and project description.
  titleApplication: { en: 'Project description and working draft of the application for data', nb: 'Prosjektbeskrivelse og arbeidsutkast til søknad om data' },
  titleDescription: { en: 'Project description', nb: 'Prosjektbeskrivelse' },
  noteHds: {
    en: 'Helsedataservice takes applications for identifiable data only through the application form on helsedata.no, after logging in. This document is the working draft and the project description: copy from it into the form, and attach it where the form asks for a description of the project. It is not an application by itself.',
    nb: 'Helsedataservice tar imot søknader om personidentifiserbare opplysninger bare gjennom søknadsskjemaet på helsedata.no, etter innlogging. Dette dokumentet er arbeidsutkastet og prosjektbeskrivelsen: kopier fra det inn i skjemaet, og legg det ved der skjemaet ber om en beskrivelse av prosjektet. Det er ikke en søknad i seg selv.',
  },
  noteCustodian: {
    en: 'The custodian takes the application for data through its own application form (for many sources the one on helsedata.no). This document is the working draft and the project description to copy from and attach; it is not an application by itself.',
    nb: 'Registerforvalteren tar imot søknaden om data gjennom sitt eget søknadsskjema (for mange kilder skjemaet på helsedata.no). Dette dokumentet er arbeidsutkastet og prosjektbeskrivelsen å kopiere fra og legge ved; det er ikke en søknad i seg selv.',
  },
  noteOwnRecords: {
    en: 'No application for data goes to a custodian: the project uses its own institution\'s records. This project description goes with the applications to {0}, which take them through their own forms.',
    nb: 'Ingen søknad om data går til en registerforvalter: prosjektet bruker egen virksomhets journaler. Denne prosjektbeskrivelsen følger søknadene til {0}, som tar imot dem gjennom sine egne skjemaer.',
  },
  noteNoApplication: {
    en: 'No application for data goes to a custodian. This is the project description.',
    nb: 'Ingen søknad om data går til en registerforvalter. Dette er prosjektbeskrivelsen.',
  },
  noteInternalQa: {
    en: 'Internal quality assurance: no application for data is sent. This project description documents the use the institution\'s management decides on (helsepersonelloven § 26).',
    nb: 'Intern kvalitetssikring: ingen søknad om data sendes. Denne prosjektbeskrivelsen dokumenterer bruken virksomhetens ledelse beslutter (helsepersonelloven § 26).',
  },
  noteQualityRegister: {
    en: 'Establishing a medical quality register: no application for data is sent, and no approval from outside the institution is needed. This description documents the register before it starts (kvalitetsregisterforskriften § 3-4).',
    nb: 'Etablering av et medisinsk kvalitetsregister: ingen søknad om data sendes, og ingen godkjenning utenfor virksomheten trengs. Denne prosjektbeskrivelsen dokumenterer registeret før det starter (kvalitetsregisterforskriften § 3-4).',
  },
  generated: { en: 'Written from {0} by descriptor-check {1} on {2}. Law current to {3}.', nb: 'Skrevet fra {0} av descriptor-check {1} {2}. Lov per {3}.' },
  contents: { en: 'Contents', nb: 'Innhold' },
  errorsTitle: { en: 'Errors to correct', nb: 'Feil som må rettes' },
  errorsIntro: { en: 'The descriptor has {0}. The sections below are written from it as it stands.', nb: 'Prosjektbeskrivelsen har {0}. Delene nedenfor er skrevet fra den slik den er nå.' },
  line: { en: 'Line {0}', nb: 'Linje {0}' },

  s1: { en: 'Project and responsibilities', nb: 'Prosjekt og ansvarsforhold' },
  s2: { en: 'Purpose and legal basis', nb: 'Formål og rettslig grunnlag' },
  s3: { en: 'Research questions and study design', nb: 'Forskningsspørsmål og studiedesign' },
  s4: { en: 'Target population, study population and control group', nb: 'Målpopulasjon, studiepopulasjon og kontrollgruppe' },
  s5: { en: 'Data sources and variables', nb: 'Datakilder og variabler' },
  s6: { en: 'Linkage', nb: 'Kobling av data' },
  s7: { en: 'Consent or exemption from the duty of confidentiality', nb: 'Samtykke eller dispensasjon fra taushetsplikten' },
  s7QualityRegister: { en: 'Consent or registration without consent', nb: 'Samtykke eller registrering uten samtykke' },
  s8: { en: 'Data management: storage, deletion, security and transfer', nb: 'Datahåndtering: lagring, sletting, sikkerhet og overføring' },
  s9: { en: 'Approvals', nb: 'Godkjenninger' },
  s10: { en: 'Attachments', nb: 'Vedlegg' },

  title: { en: 'Project title', nb: 'Prosjekttittel' },
  summary: { en: 'Summary', nb: 'Sammendrag' },
  institution: { en: 'Data controller (dataansvarlig)', nb: 'Dataansvarlig virksomhet' },
  researchResponsible: { en: 'Research-responsible institution (forskningsansvarlig, helseforskningsloven § 4 e)', nb: 'Forskningsansvarlig virksomhet (helseforskningsloven § 4 bokstav e)' },
  sameAsController: { en: '{0} (the data controller; no other institution is named)', nb: '{0} (den dataansvarlige; ingen annen virksomhet er oppgitt)' },
  institutionApproval: { en: 'Approved by its own institution', nb: 'Godkjent av egen virksomhet' },
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
  supplementary: { en: 'Supplementary national legal basis (GDPR art. 6(3) and 9(2))', nb: 'Supplerende rettsgrunnlag (personvernforordningen art. 6 nr. 3 og art. 9 nr. 2)' },

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
  dataPeriod: { en: 'Data period', nb: 'Dataperiode' },
  selection: { en: 'How the persons are found in this source', nb: 'Slik finnes personene i kilden' },
  specialGrounds: { en: 'Direct identifiers and the special grounds for them', nb: 'Direkte kjennetegn og de særlige grunnene for dem' },
  notInCatalogue: { en: 'not in the catalogue', nb: 'ikke i katalogen' },
  noSources: { en: 'No data sources are listed.', nb: 'Ingen datakilder er oppført.' },
  noVariables: { en: 'No variables are listed for this source.', nb: 'Ingen variabler er oppført for denne kilden.' },
  variable: { en: 'Variable (as written)', nb: 'Variabel (slik den står)' },
  custodianName: { en: "Custodian's name", nb: 'Registerforvalterens navn' },
  toCheck: { en: "to be checked against the custodian's list", nb: 'sjekkes mot registerforvalterens liste' },
  specialGroundsColumn: { en: 'Special grounds (direct identifiers)', nb: 'Særlige grunner (direkte kjennetegn)' },
  description: { en: 'Description', nb: 'Beskrivelse' },
  granularity: { en: 'Requested granularity', nb: 'Omsøkt detaljnivå' },
  justification: { en: 'Justification', nb: 'Begrunnelse' },
  variablesFile: { en: 'The same list as a spreadsheet: {0}.', nb: 'Samme liste som regneark: {0}.' },

  linkageModel: { en: 'Linkage model', nb: 'Koblingsmodell' },
  linkedBy: { en: 'Linked by', nb: 'Kobles av' },
  keyHeldBy: { en: 'Key between national identity numbers and serial numbers held by', nb: 'Nøkkelen mellom fødselsnumre og løpenumre holdes av' },
  eachCustodian: { en: 'each custodian, for its own source', nb: 'hver registerforvalter, for sin egen kilde' },
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
  whyNoConsent: { en: 'Why consent is not sought', nb: 'Hvorfor samtykke ikke innhentes' },
  societalInterest: { en: 'Substantial interest to society', nb: 'Vesentlig interesse for samfunnet' },
  conditionsNote: {
    en: 'The decision also weighs that the purpose is stated, the security measures are described, no more data than needed are made available, and direct identifiers only with special grounds (helsepersonelloven § 29, helseregisterloven § 19 e). Once LOV-2025-06-20-71 is in force, consent must also be impossible or disproportionately hard to obtain.',
    nb: 'Vedtaket vurderer også at formålet er oppgitt, at sikkerhetstiltakene er beskrevet, at det ikke gis flere opplysninger enn nødvendig, og at direkte kjennetegn bare gis med særlige grunner (helsepersonelloven § 29, helseregisterloven § 19 e). Når LOV-2025-06-20-71 trer i kraft, må det også være umulig eller uforholdsmessig vanskelig å innhente samtykke.',
  },
  qrWithoutConsent: { en: 'Registration without consent (kvalitetsregisterforskriften § 3-2)', nb: 'Registrering uten samtykke (kvalitetsregisterforskriften § 3-2)' },
  qrIntro: { en: 'The register may collect data without consent only when all four conditions hold:', nb: 'Registeret kan samle inn opplysninger uten samtykke bare når alle fire vilkår er oppfylt:' },
  qrObject: { en: 'The registered may object to being registered (reservasjonsrett); the information to the registered below must say how.', nb: 'De registrerte kan reservere seg mot registreringen; informasjonen til de registrerte nedenfor må si hvordan.' },
  qrConsent: { en: 'The register rests on the consent of each patient, given after the information below (kvalitetsregisterforskriften § 3-5).', nb: 'Registeret bygger på samtykke fra hver pasient, gitt etter informasjonen nedenfor (kvalitetsregisterforskriften § 3-5).' },
  internalQa: {
    en: 'Internal quality assurance rests on a decision by the institution\'s management (helsepersonelloven § 26): the institution\'s own records are used without consent or an exemption from the duty of confidentiality, as far as possible without identifying characteristics.',
    nb: 'Intern kvalitetssikring bygger på en beslutning i virksomhetens ledelse (helsepersonelloven § 26): virksomhetens egne journaler brukes uten samtykke eller dispensasjon fra taushetsplikten, så langt mulig uten identifiserende kjennetegn.',
  },
  routeNotes: { en: 'On this route', nb: 'Om søknadsveien' },
  information: { en: 'Information to the registered (GDPR art. 14, helseforskningsloven § 39)', nb: 'Informasjon til de registrerte (personvernforordningen art. 14, helseforskningsloven § 39)' },
  informationQr: { en: 'Information to the registered (kvalitetsregisterforskriften § 3-5)', nb: 'Informasjon til de registrerte (kvalitetsregisterforskriften § 3-5)' },
  informationConsent: { en: 'The information letter goes with the consent form (see the attachments).', nb: 'Informasjonsskrivet følger samtykkeskjemaet (se vedleggene).' },
  noExemption: { en: 'No consent and no exemption are needed for this purpose and these sources.', nb: 'Verken samtykke eller dispensasjon trengs for dette formålet og disse kildene.' },

  storage: { en: 'Storage', nb: 'Lagring' },
  retention: { en: 'Kept until', nb: 'Lagres til' },
  retentionReason: { en: 'Why kept until then', nb: 'Hvorfor så lenge' },
  finalReport: { en: 'Final report to REK (helseforskningsloven § 12)', nb: 'Sluttmelding til REK (helseforskningsloven § 12)' },
  finalReportDue: { en: 'due when the project ends, {0}', nb: 'sendes når prosjektet avsluttes, {0}' },
  finalReportSent: { en: 'sent {0}', nb: 'sendt {0}' },
  finalReportSentUndated: { en: 'sent', nb: 'sendt' },
  deletion: { en: 'Deletion', nb: 'Sletting' },
  security: { en: 'Security measures', nb: 'Sikkerhetstiltak' },
  transfer: { en: 'Transfer abroad', nb: 'Overføring til utlandet' },
  countries: { en: 'Countries', nb: 'Land' },
  recipient: { en: 'Recipient', nb: 'Mottaker' },
  recipientRole: { en: 'Role of the recipient', nb: 'Mottakerens rolle' },
  transferBasis: { en: 'Basis for the transfer', nb: 'Overføringsgrunnlag' },
  noTransfer: { en: 'No data is sent abroad.', nb: 'Ingen data sendes til utlandet.' },

  approval: { en: 'Approval', nb: 'Godkjenning' },
  reference: { en: 'Case number', nb: 'Saksnummer' },
  date: { en: 'Date', nb: 'Dato' },
  assess: { en: 'to be assessed', nb: 'skal vurderes' },
  notForRoute: { en: 'listed in the descriptor', nb: 'oppført i prosjektbeskrivelsen' },
  noApprovals: { en: 'No approvals apply and none are listed.', nb: 'Ingen godkjenninger gjelder, og ingen er oppført.' },
  rekDialogue: { en: 'Dialogue with REK', nb: 'Dialog med REK' },
  rekDialogueListed: { en: 'Correspondence, interim decisions and feedback from REK, attached: {0}.', nb: 'Korrespondanse, foreløpige vedtak og tilbakemeldinger fra REK, lagt ved: {0}.' },
  rekDialogueNone: { en: 'No correspondence with REK is listed; attach it as `rek-dialogue` when there is any.', nb: 'Ingen korrespondanse med REK er oppført; legg den ved som `rek-dialogue` når det finnes noe.' },

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
  noDiagram: { en: 'linkage.svg and linkage.png were not written: the descriptor lists no data sources.', nb: 'linkage.svg og linkage.png ble ikke skrevet: prosjektbeskrivelsen har ingen datakilder.' },

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
  /** REK's change application has its own name (helseforskningsloven § 11), the same everywhere. */
  draftToRek: { en: 'Draft change application to', nb: 'Utkast til søknad om endring til' },
  draftHint: { en: 'Copy the text, say why in place of the brackets, and send it.', nb: 'Kopier teksten, skriv begrunnelsen der klammene står, og send den.' },
  dates: { en: 'Key dates', nb: 'Viktige datoer' },
  stateIs: { en: 'State', nb: 'Tilstand' },
  date: { en: 'Date', nb: 'Dato' },
  what: { en: 'What', nb: 'Hva' },
  overdue: { en: 'overdue', nb: 'forfalt' },
  passed: { en: 'passed', nb: 'passert' },
  sent: { en: 'sent', nb: 'sendt' },
  nextDate: { en: 'next', nb: 'neste' },
  noDates: { en: 'The descriptor gives no dates that matter yet (project period, retention).', nb: 'Prosjektbeskrivelsen har ennå ingen viktige datoer (prosjektperiode, lagringstid).' },
} as const satisfies Record<string, Localized>;

/** The linkage diagram. */
const diagram = {
  aria: { en: 'Data linkage diagram', nb: 'Diagram over datakoblingen' },
  project: { en: 'The project', nb: 'Prosjektet' },
  linkedBy: { en: 'Linked by {0}', nb: 'Kobles av {0}' },
  linksItself: { en: 'links the files itself (distributed linkage)', nb: 'kobler filene selv (distribuert kobling)' },
  replaces: { en: 'replaces national identity numbers with project-specific serial numbers', nb: 'erstatter fødselsnummer med prosjektspesifikke løpenumre' },
  receives: { en: 'receives the data with serial numbers in place of national identity numbers', nb: 'mottar dataene med løpenumre i stedet for fødselsnumre' },
  keepsKey: { en: 'keeps the key between national identity numbers and serial numbers', nb: 'beholder nøkkelen mellom fødselsnumre og løpenumre' },
  indirectBox: { en: 'still indirectly identifiable: {0}', nb: 'fortsatt indirekte identifiserbare: {0}' },
  directBox: { en: 'also asks for direct identifiers: {0}', nb: 'etterspør også direkte kjennetegn: {0}' },
  ownBox: { en: 'its own records: the identities are known inside the institution', nb: 'egne journaler: identitetene er kjent i virksomheten' },
  ownTag: { en: 'the project\'s own institution', nb: 'prosjektets egen virksomhet' },
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
  stepReceive: { en: 'The project receives the linked data with serial numbers in place of national identity numbers.', nb: 'Prosjektet mottar de koblede dataene med løpenumre i stedet for fødselsnumre.' },
  stepKeyCentral: { en: '{0} keeps the key between national identity numbers and serial numbers; the project does not receive it.', nb: '{0} beholder nøkkelen mellom fødselsnumre og løpenumre; prosjektet får den ikke.' },
  stepKeyDistributed: { en: 'Each custodian keeps its key between national identity numbers and serial numbers; the project does not receive them.', nb: 'Hver registerforvalter beholder sin nøkkel mellom fødselsnumre og løpenumre; prosjektet får dem ikke.' },
  stepOwn: { en: '{0} is the project\'s own institution and holds {1} with the persons\' identities: the identities are known inside the institution.', nb: '{0} er prosjektets egen virksomhet og har {1} med personenes identitet: identitetene er kjent i virksomheten.' },
  stepDirect: { en: 'The project also asks for {0}, which identify persons directly.', nb: 'Prosjektet etterspør også {0}, som identifiserer personer direkte.' },
  stepIndirect: { en: 'The data the project receives stay indirectly identifiable: {0} can point to a person, alone or together.', nb: 'Dataene prosjektet mottar, er fortsatt indirekte identifiserbare: {0} kan peke ut en person, alene eller sammen.' },
  stepNoLinkage: { en: 'No sources are linked: each source delivers its data on its own.', nb: 'Ingen kilder kobles: hver kilde leverer sine data for seg.' },
  stepDeidentified: { en: '{0}: de-identified, delivered without linkage (dashed).', nb: '{0}: avidentifisert, leveres uten kobling (stiplet).' },
  stepDeidentifiedLinked: { en: '{0}: de-identified, so it cannot be linked as the descriptor asks.', nb: '{0}: avidentifisert, så kilden kan ikke kobles slik prosjektbeskrivelsen legger opp til.' },
  stepUnknownLink: { en: 'Link to a source the descriptor does not list: {0}.', nb: 'Kobling til en kilde prosjektbeskrivelsen ikke har: {0}.' },
  stepModelMissing: { en: '[Missing: linkage model]. The diagram shows a central linkage by {0}, as the catalogue suggests.', nb: '[Mangler: koblingsmodell]. Diagrammet viser sentral kobling hos {0}, slik katalogen tilsier.' },
  stepKey: { en: 'Linked on: {0}.', nb: 'Koblingsnøkkel: {0}.' },
  stepReferenceDates: { en: 'Real dates are recoded against agreed reference dates.', nb: 'Ekte datoer omkodes mot avtalte referansedatoer.' },
  moreSources: { en: 'Data sources not drawn here: {0}', nb: 'Datakilder som ikke er tegnet her: {0}' },
  moreLinks: { en: 'Links not listed here: {0}', nb: 'Koblinger som ikke er listet her: {0}' },
  moreSteps: { en: 'Steps not shown here: {0}', nb: 'Steg som ikke er vist her: {0}' },
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
  institution: { en: 'data controller', nb: 'dataansvarlig virksomhet' },
  funding: { en: 'funding', nb: 'finansiering' },
  institutionApproval: { en: "the institution's approval", nb: 'virksomhetens godkjenning' },
  supplementary: { en: 'supplementary national legal basis', nb: 'supplerende rettsgrunnlag' },
  dataPeriod: { en: 'data period', nb: 'dataperiode' },
  selection: { en: 'how the persons are found in this source', nb: 'hvordan personene finnes i kilden' },
  specialGrounds: { en: 'special grounds', nb: 'særlige grunner' },
  whyNoConsent: { en: 'why consent is not sought', nb: 'hvorfor samtykke ikke innhentes' },
  societalInterest: { en: 'the interest to society', nb: 'samfunnsinteressen' },
  information: { en: 'information to the registered', nb: 'informasjon til de registrerte' },
  retentionReason: { en: 'why the data are kept after the project', nb: 'hvorfor opplysningene lagres etter prosjektslutt' },
  finalReport: { en: 'final report', nb: 'sluttmelding' },
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
  condition: { en: 'stated in the descriptor', nb: 'angitt i prosjektbeskrivelsen' },
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
  'rek-protocol-notice': { en: 'REK', nb: 'REK' },
  'holder-decision': { en: 'the organisation that holds the records', nb: 'virksomheten som har journalene' },
  'data-sharing-agreement': { en: 'the controllers', nb: 'de behandlingsansvarlige' },
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
  'institution-approval': { en: "the project's own institution", nb: 'egen virksomhet' },
  'final-report': { en: 'REK (receives it)', nb: 'REK (mottar den)' },
};

/** Approvals decided outside the institution, which carry a case number once applied for. */
export const EXTERNAL_DECISIONS: ReadonlySet<string> = new Set(['rek-preapproval', 'rek-protocol-notice', 'holder-decision', 'rek-exemption', 'rek-preassessment', 'helsedir-exemption', 'helsedataservice-exemption', 'tax-administration-permit', 'data-application']);


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
  'data-manager': { en: 'Data manager', nb: 'Datahåndterer' },
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

export const RECIPIENT_ROLE: Readonly<Record<string, Localized>> = {
  processor: { en: 'processor (processes the data on the project\'s behalf)', nb: 'databehandler (behandler opplysningene på prosjektets vegne)' },
  controller: { en: 'controller (decides its own use of the data)', nb: 'behandlingsansvarlig (bestemmer selv over bruken)' },
  'joint-controller': { en: 'joint controller with the project', nb: 'felles behandlingsansvarlig med prosjektet' },
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
    preview: WORDS.preview, diagram: WORDS.diagram, document: WORDS.document, MISSING_FIELD, RECIPIENT_ROLE, APPROVAL_NAME, APPROVAL_AUTHORITY, ATTACHMENT_NAME, STUDY_DESIGN, ROLE, PRODUCT_NAME, ARTICLE_6, ARTICLE_9, TRANSFER_BASIS, LINKAGE_MODEL, IDENTIFIABILITY,
  };
  return Object.entries(tables).flatMap(([table, t]) => Object.entries(t).map(([k, v]) => ({ where: `${table}.${k}`, nb: v.nb })));
}

