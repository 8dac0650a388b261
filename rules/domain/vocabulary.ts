/**
 * The descriptor's fixed vocabulary, defined once: purposes (with names and a one-line
 * explanation), product kinds, the conditions of valid consent, the quality-register exception
 * conditions, and the granularity ladder. The rules, routing, hover, the wizard and the snippets
 * import these; the JSON Schema lists the same values (a test keeps them equal).
 */
import type { Localized } from './types';

export const PURPOSES = [
  'health-research',
  'other-research',
  'internal-quality-assurance',
  'quality-improvement',
  'quality-register',
  'statistics',
  'health-analysis',
  'planning-management',
  'preparedness',
  'product-development',
] as const;
export type Purpose = (typeof PURPOSES)[number];

export const RESEARCH_PURPOSES: ReadonlySet<string> = new Set<Purpose>(['health-research', 'other-research']);

/** Each purpose's name and what it covers, in the words of the purpose table. */
export const PURPOSE_INFO: Record<Purpose, { name: Localized; explanation: Localized }> = {
  'health-research': {
    name: { en: 'Health research', nb: 'Helseforskning' },
    explanation: { en: 'Medical and health research: new knowledge about health and disease.', nb: 'Medisinsk og helsefaglig forskning: ny kunnskap om helse og sykdom.' },
  },
  'other-research': {
    name: { en: 'Other research', nb: 'Annen forskning' },
    explanation: { en: 'Research on health data that is not about health and disease.', nb: 'Forskning på helseopplysninger som ikke gjelder helse og sykdom.' },
  },
  'internal-quality-assurance': {
    name: { en: 'Internal quality assurance', nb: 'Intern kvalitetssikring' },
    explanation: { en: 'Checking the institution\'s own services with its own patient data.', nb: 'Kontroll av egen virksomhets tjenester med egne pasientopplysninger.' },
  },
  'quality-improvement': {
    name: { en: 'Quality improvement', nb: 'Kvalitetsforbedring' },
    explanation: { en: 'Improving health services with data from outside the institution\'s own records.', nb: 'Forbedring av helsetjenester med data fra andre enn egen virksomhet.' },
  },
  'quality-register': {
    name: { en: 'Establishing a quality register', nb: 'Etablering av kvalitetsregister' },
    explanation: { en: 'Setting up a medical quality register; research is its usual secondary purpose.', nb: 'Oppretting av et medisinsk kvalitetsregister; forskning er det vanlige sekundærformålet.' },
  },
  statistics: {
    name: { en: 'Statistics', nb: 'Statistikk' },
    explanation: { en: 'Producing statistics on health and health services.', nb: 'Produksjon av statistikk om helse og helsetjenester.' },
  },
  'health-analysis': {
    name: { en: 'Health analyses', nb: 'Helseanalyser' },
    explanation: { en: 'Analyses of health, disease and services for the public sector.', nb: 'Analyser av helse, sykdom og tjenester for offentlig sektor.' },
  },
  'planning-management': {
    name: { en: 'Planning and management', nb: 'Planlegging og styring' },
    explanation: { en: 'Planning, managing and evaluating health services.', nb: 'Planlegging, styring og evaluering av helsetjenester.' },
  },
  preparedness: {
    name: { en: 'Preparedness', nb: 'Beredskap' },
    explanation: { en: 'Emergency preparedness in the health sector.', nb: 'Beredskap i helsesektoren.' },
  },
  'product-development': {
    name: { en: 'Product development', nb: 'Produktutvikling' },
    explanation: { en: 'Developing and testing a product such as decision support or process automation.', nb: 'Utvikling og utprøving av et produkt, som beslutningsstøtte eller prosessautomatisering.' },
  },
};

/** A purpose as a message says it: its `id` in English, its name in Norwegian (the ids are for the descriptor); an unknown value as written. */
export function purposeWords(p: string): Localized {
  const info = PURPOSE_INFO[p as Purpose];
  return info ? { en: `\`${p}\``, nb: info.name.nb.toLowerCase() } : { en: `\`${p}\``, nb: `\`${p}\`` };
}

export const PRODUCTS = ['clinical-decision-support', 'administrative-decision-support', 'process-automation'] as const;

/** The conditions of valid consent, as `consent` keys. */
export const CONSENT_CONDITIONS = ['voluntary', 'specific', 'informed', 'unambiguous', 'documented', 'plain_language', 'separable'] as const;

/** Each consent condition in words: "consent is not valid unless it is ...". */
export const CONSENT_CONDITION_TEXT: Record<(typeof CONSENT_CONDITIONS)[number], Localized> = {
  voluntary: { en: 'voluntary', nb: 'frivillig' },
  specific: { en: 'specific', nb: 'spesifikt' },
  informed: { en: 'informed', nb: 'informert' },
  unambiguous: { en: 'unambiguous', nb: 'utvetydig' },
  documented: { en: 'documented', nb: 'dokumenterbart' },
  plain_language: { en: 'written in clear and plain language', nb: 'skrevet på et klart og enkelt språk' },
  separable: { en: 'separable from other matters', nb: 'atskilt fra andre forhold' },
};

/** The four conditions under which a quality register may register without consent, as keys of `quality_register.consent_exception`. */
export const CONSENT_EXCEPTION_CONDITIONS = ['representativeness', 'right_to_object', 'dpo_consulted', 'controller_eligible'] as const;

/** Each of the four conditions in words: "... that {condition}". */
export const CONSENT_EXCEPTION_TEXT: Record<(typeof CONSENT_EXCEPTION_CONDITIONS)[number], Localized> = {
  representativeness: { en: 'consent would leave the patient group under-represented', nb: 'samtykke gir for dårlig representativitet' },
  right_to_object: { en: 'the registered person may object', nb: 'den registrerte har reservasjonsrett' },
  dpo_consulted: { en: 'the controller has consulted the data protection officer', nb: 'den dataansvarlige har rådført seg med personvernombudet' },
  controller_eligible: {
    en: 'the controller is an eligible body (a health trust, regional health authority, municipality, county, or a private non-profit body with an operating agreement with a regional health authority)',
    nb: 'den dataansvarlige er kvalifisert (helseforetak, regionalt helseforetak, kommune, fylkeskommune eller privat ideell virksomhet med driftsavtale med et regionalt helseforetak)',
  },
};

/** Place of residence finer than county. */
export const FINE_RESIDENCE: ReadonlySet<string> = new Set(['address', 'postcode', 'municipality']);
/** Place of treatment finer than health region. */
export const FINE_TREATMENT: ReadonlySet<string> = new Set(['department', 'hospital', 'health-trust']);

/** Each granularity as a level in words: "place of residence by ...", "bosted på ...". */
export const GRANULARITY_TEXT: Readonly<Record<string, Localized>> = {
  date: { en: 'exact date', nb: 'eksakt dato' },
  month: { en: 'month', nb: 'måned' },
  year: { en: 'year', nb: 'år' },
  'age-exact': { en: 'exact age', nb: 'eksakt alder' },
  'age-band': { en: 'age band', nb: 'aldersgruppe' },
  address: { en: 'address', nb: 'adressenivå' },
  postcode: { en: 'postcode', nb: 'postnummernivå' },
  municipality: { en: 'municipality', nb: 'kommunenivå' },
  county: { en: 'county', nb: 'fylkesnivå' },
  'health-region': { en: 'health region', nb: 'helseregionnivå' },
  country: { en: 'country', nb: 'landnivå' },
  department: { en: 'department', nb: 'avdelingsnivå' },
  hospital: { en: 'hospital', nb: 'sykehusnivå' },
  'health-trust': { en: 'health trust', nb: 'helseforetaksnivå' },
  code: { en: 'code', nb: 'kode' },
  category: { en: 'category', nb: 'kategori' },
  value: { en: 'value', nb: 'verdi' },
  'free-text': { en: 'free text', nb: 'fritekst' },
  boolean: { en: 'yes/no', nb: 'ja/nei' },
};

/** The granularity ladder: for each level, the next coarser one a caseworker would accept first. */
export const COARSER: Readonly<Record<string, string>> = {
  date: 'month',
  month: 'year',
  'age-exact': 'age-band',
  address: 'county',
  postcode: 'county',
  municipality: 'county',
  county: 'health-region',
  department: 'health-region',
  hospital: 'health-region',
  'health-trust': 'health-region',
  'free-text': 'category',
};

/**
 * The ordered granularity families of the format (descriptor-format.md, "Granularity"), finest
 * first. `COARSER` gives the one step a caseworker suggests; these give the whole order, so
 * `municipality` -> `postcode` is finer too.
 */
export const GRANULARITY_FAMILIES: readonly (readonly string[])[] = [
  ['date', 'month', 'year'],
  ['age-exact', 'age-band'],
  ['address', 'postcode', 'municipality', 'county', 'health-region', 'country'],
  ['department', 'hospital', 'health-trust', 'health-region'],
];

/** What a coarser level makes coarser, in Norwegian, by the family of the level it replaces (same order as the families). */
const COARSENED_NB = ['datoen', 'alderen', 'bostedet', 'behandlingsstedet'];

/**
 * The title of a quick fix that sets a coarser level: "Coarsen to `month`", «Gjør datoen grovere: måned»
 * (Norwegian names the level in words and says what becomes coarser).
 */
export function coarsenTitle(from: string | undefined, to: string): Localized {
  const family = GRANULARITY_FAMILIES.findIndex((f) => f.includes(from ?? to));
  const level = GRANULARITY_TEXT[to]?.nb ?? to;
  return { en: `Coarsen to \`${to}\``, nb: family >= 0 ? `Gjør ${COARSENED_NB[family]} grovere: ${level}` : `Bruk et grovere nivå: ${level}` };
}

/**
 * The EU and EEA states (ISO 3166 codes): the 27 EU member states and Iceland, Liechtenstein
 * and Norway. Data may move between them under the GDPR alone; a transfer anywhere else needs a
 * basis under GDPR chapter V (art. 44).
 */
export const EU_EEA: ReadonlySet<string> = new Set([
  'AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE', 'IT', 'LV', 'LT', 'LU', 'MT', 'NL', 'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE',
  'IS', 'LI', 'NO',
]);

/** Approval kinds by name, for people: the preview shows these, the descriptor the ids. */
export const APPROVAL_NAME: Readonly<Record<string, Localized>> = {
  'rek-preapproval': { en: 'REK pre-approval', nb: 'Forhåndsgodkjenning fra REK' },
  'rek-protocol-notice': { en: 'Research protocol sent to REK', nb: 'Forskningsprotokoll sendt til REK' },
  'holder-decision': { en: 'Decision to disclose by the holder of the records', nb: 'Beslutning om utlevering fra den som har journalene' },
  'data-sharing-agreement': { en: 'Data-sharing agreement between controllers', nb: 'Avtale om deling av data mellom behandlingsansvarlige' },
  'rek-exemption': { en: 'Exemption from the duty of confidentiality (REK)', nb: 'Dispensasjon fra taushetsplikten (REK)' },
  'rek-preassessment': { en: 'REK\'s assessment of whether to submit', nb: 'Fremleggelsesvurdering fra REK' },
  'helsedir-exemption': { en: 'Exemption from the duty of confidentiality (Helsedirektoratet)', nb: 'Dispensasjon fra taushetsplikten (Helsedirektoratet)' },
  'helsedataservice-exemption': { en: 'Application to Helsedataservice (access and exemption)', nb: 'Søknad til Helsedataservice (tilgang og dispensasjon)' },
  'management-decision': { en: 'Decision by the institution\'s management', nb: 'Beslutning i virksomhetens ledelse' },
  'dpo-assessment': { en: 'Data protection officer\'s assessment', nb: 'Vurdering fra personvernombudet' },
  dpia: { en: 'Data protection impact assessment (DPIA)', nb: 'Personvernkonsekvensvurdering (DPIA)' },
  'tax-administration-permit': { en: 'Permit from the Tax Administration (Population Register)', nb: 'Tillatelse fra Skatteetaten (Folkeregisteret)' },
  'medical-products-notification': { en: 'Assessment for Direktoratet for medisinske produkter', nb: 'Vurdering opp mot Direktoratet for medisinske produkter' },
  'data-processor-agreement': { en: 'Data processor agreement', nb: 'Databehandleravtale' },
  'data-application': { en: 'Application for data', nb: 'Søknad om data' },
  'institution-approval': { en: 'Approval by the project\'s own institution', nb: 'Godkjenning fra egen virksomhet' },
  'final-report': { en: 'Final report to REK', nb: 'Sluttmelding til REK' },
};

/** Attachment kinds by name, for people. */
export const ATTACHMENT_NAME: Readonly<Record<string, Localized>> = {
  'research-protocol': { en: 'Research protocol', nb: 'Forskningsprotokoll' },
  'rek-application': { en: 'Copy of the REK application', nb: 'Kopi av søknaden til REK' },
  'rek-approval': { en: 'REK\'s decision', nb: 'Vedtaket fra REK' },
  'rek-dialogue': { en: 'Correspondence with REK', nb: 'Korrespondanse med REK' },
  'helsedir-application': { en: 'Application to Helsedirektoratet', nb: 'Søknaden til Helsedirektoratet' },
  'confidentiality-exemption': { en: 'Decision on the exemption from the duty of confidentiality', nb: 'Vedtak om dispensasjon fra taushetsplikten' },
  'dpo-assessment': { en: 'Data protection officer\'s assessment', nb: 'Vurdering fra personvernombudet' },
  'consent-form': { en: 'Consent form', nb: 'Samtykkeskjema' },
  'information-letter': { en: 'Information letter', nb: 'Informasjonsskriv' },
  dpia: { en: 'Data protection impact assessment (DPIA)', nb: 'Personvernkonsekvensvurdering (DPIA)' },
  'data-management-plan': { en: 'Data management plan', nb: 'Datahåndteringsplan' },
  'previous-licence': { en: 'Earlier licence', nb: 'Tidligere tillatelse' },
  'data-processor-agreement': { en: 'Data processor agreement', nb: 'Databehandleravtale' },
  'holder-decision': { en: 'Decision to disclose by the holder of the records', nb: 'Beslutning om utlevering fra den som har journalene' },
  'data-sharing-agreement': { en: 'Data-sharing agreement', nb: 'Avtale om deling av data' },
  'institution-approval': { en: 'Approval by the project\'s own institution', nb: 'Godkjenning fra egen virksomhet' },
  other: { en: 'Other', nb: 'Annet' },
};
