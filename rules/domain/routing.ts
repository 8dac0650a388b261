/**
 * Routing: for this purpose, these sources and this consent, which approvals are required and
 * which authority grants the exemption from the duty of confidentiality. Rules use it; the
 * requirements preview renders it. Built from avklare-formal.nb.txt (purpose table), the
 * helsedata.no guide (attachments, deadlines) and the change of 2023-03-15 that gave
 * Helsedataservice the exemption decision for its 11 registries (legal-facts.md, section 0.1).
 */
import { findSource, type Source } from './catalogue';
import type { Model } from './model';
import type { Localized } from './types';
import { RESEARCH_PURPOSES } from './vocabulary';


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
  /** Sources are linked (two or more in `linkage.links`). */
  linked?: boolean;
  transferAbroad?: boolean;
}

export interface Requirement {
  kind:
    | 'rek-preapproval'
    | ExemptionKind
    | 'rek-preassessment'
    | 'management-decision'
    | 'dpo-assessment'
    | 'dpia'
    | 'tax-administration-permit'
    | 'medical-products-notification'
    | 'data-processor-agreement';
  /** `required`, or `assess`: the project must consider it (even `status: planned` records that it did). */
  level: 'required' | 'assess';
  why: Localized;
  provisions: string[];
}

export interface AttachmentRequirement {
  kind: string;
  why: Localized;
  provisions: string[];
}

export interface Route {
  purpose?: string;
  family: Family;
  /** Sources holding identifiable health data (not de-identified, not self-collected). */
  identifiableSources: Source[];
  /** Sources where Helsedataservice decides access and exemption. */
  hdsSources: Source[];
  /** An exemption from the duty of confidentiality is needed (no consent, identifiable health data, a purpose that needs one). */
  exemptionNeeded: boolean;
  /** The exemption kind the purpose and sources call for; set whenever an exemption would be the route, even with consent. */
  exemptionKind?: ExemptionKind;
  exemptionWhy?: Localized;
  exemptionProvisions: string[];
  requirements: Requirement[];
  attachments: AttachmentRequirement[];
  /** Working days from a complete application to data access. */
  deadlineWorkingDays: 30 | 60;
  notes: Localized[];
}


/** Sources that hold health data someone can be identified from, which needs consent or an exemption. */
export function isIdentifiableHealthSource(s: Source): boolean {
  return s.health_data && s.identifiability !== 'de-identified' && s.kind !== 'self-collected';
}

export function routeInputFromModel(model: Model): RouteInput {
  const linkedIds = new Set(model.linkage.links.flatMap((l) => l.ids));
  return {
    category: model.purpose.category,
    secondary: model.purpose.secondary,
    product: model.purpose.product,
    clinicalTesting: model.purpose.clinicalTesting,
    consent: model.legalBasis.consent,
    sources: model.dataSources.map((d) => d.source).filter((s): s is string => s !== undefined),
    controlGroupSource: controlGroupCatalogueId(model),
    linked: linkedIds.size >= 2 || model.dataSources.length >= 2 && model.linkage.present && model.linkage.model !== 'none',
    transferAbroad: model.dataManagement.transferAbroad !== undefined,
  };
}

/** The control group's source as a catalogue id: a local data source id is resolved to its catalogue id. */
export function controlGroupCatalogueId(model: Model): string | undefined {
  const s = model.population.controlGroup?.source;
  if (!s) return undefined;
  const local = model.dataSources.find((d) => d.id === s);
  return local?.source ?? s;
}

export function routeFor(model: Model): Route {
  return route(routeInputFromModel(model));
}

export function route(input: RouteInput): Route {
  const purposes = [...(input.category ? [input.category] : []), ...(input.secondary ?? [])];
  const family = familyOf(input.category);
  const sources = unique(input.sources.map((id) => findSource(id)).filter((s): s is Source => s !== undefined));
  const identifiableSources = sources.filter(isIdentifiableHealthSource);
  const hdsSources = identifiableSources.filter((s) => s.hds_decides);
  const requirements: Requirement[] = [];
  const notes: Localized[] = [];

  // Which exemption the purpose and sources call for.
  let exemptionKind: ExemptionKind | undefined;
  let exemptionWhy: Localized | undefined;
  let exemptionProvisions: string[] = [];
  const purposeNeedsExemption = family !== 'internal-qa' && family !== 'quality-register' && family !== 'unknown';
  if (purposeNeedsExemption && identifiableSources.length > 0) {
    if (hdsSources.length > 0) {
      exemptionKind = 'helsedataservice-exemption';
      exemptionWhy = { en: `Helsedataservice decides access and the exemption for ${names(hdsSources, 'en')}, whatever the purpose, and for the other sources linked with them (since 2023-03-15).`, nb: `Helsedataservice avgjør tilgang og dispensasjon for ${names(hdsSources, 'nb')}, uansett formål, og for de andre kildene som kobles med dem (fra 15.03.2023).` };
      exemptionProvisions = ['hds-forskrift-7', 'hregl-19e'];
    } else if (family === 'research' || (family === 'product' && purposes.includes('health-research'))) {
      exemptionKind = 'rek-exemption';
      exemptionWhy = { en: 'For research, REK grants the exemption from the duty of confidentiality for patient records and for health registries outside Helsedataservice.', nb: 'For forskning gir REK dispensasjon fra taushetsplikten for pasientjournaler og for helseregistre utenfor Helsedataservice.' };
      exemptionProvisions = ['hpl-29', 'hforsknl-35'];
    } else {
      exemptionKind = 'helsedir-exemption';
      exemptionWhy =
        family === 'product'
          ? { en: 'For developing a product outside a research project, Helsedirektoratet grants the exemption for patient records and registries outside Helsedataservice.', nb: 'For produktutvikling utenfor et forskningsprosjekt gir Helsedirektoratet dispensasjon for pasientjournaler og registre utenfor Helsedataservice.' }
          : { en: 'For quality improvement, statistics, health analyses, planning, management and preparedness, Helsedirektoratet grants the exemption for patient records and registries outside Helsedataservice.', nb: 'For kvalitetsforbedring, statistikk, helseanalyser, planlegging, styring og beredskap gir Helsedirektoratet dispensasjon for pasientjournaler og registre utenfor Helsedataservice.' };
      exemptionProvisions = ['hpl-29', 'hpl-29b'];
    }
  }
  const exemptionNeeded = exemptionKind !== undefined && input.consent !== true;

  // REK pre-approval.
  if (purposes.includes('health-research')) {
    requirements.push({
      kind: 'rek-preapproval',
      level: 'required',
      why: { en: 'Health research needs REK\'s prior approval before it starts.', nb: 'Helseforskning må ha forhåndsgodkjenning fra REK før den kan starte.' },
      provisions: ['hforsknl-9'],
    });
  } else if (input.product === 'clinical-decision-support' && input.clinicalTesting === true) {
    requirements.push({
      kind: 'rek-preapproval',
      level: 'required',
      why: { en: 'Clinical testing of a decision-support tool must be approved by REK beforehand.', nb: 'Klinisk utprøving av et beslutningsstøtteverktøy må forhåndsgodkjennes av REK.' },
      provisions: ['hforsknl-9'],
    });
  }
  if (purposes.includes('other-research') && !purposes.includes('health-research')) {
    requirements.push({
      kind: 'rek-preassessment',
      level: 'assess',
      why: { en: 'Research outside health and disease needs no REK approval; when in doubt, ask REK to assess whether the project must be submitted.', nb: 'Forskning som ikke gjelder helse og sykdom trenger ikke REK-godkjenning; ved tvil, be REK vurdere fremleggelsesplikt.' },
      provisions: [],
    });
  }

  if (exemptionNeeded && exemptionKind) {
    requirements.push({ kind: exemptionKind, level: 'required', why: exemptionWhy ?? { en: '', nb: '' }, provisions: exemptionProvisions });
  }

  if (family === 'internal-qa') {
    requirements.push({
      kind: 'management-decision',
      level: 'required',
      why: { en: 'Internal quality assurance rests on a decision by the institution\'s management; no consent or exemption is needed.', nb: 'Intern kvalitetssikring bygger på en beslutning i virksomhetens ledelse; samtykke eller dispensasjon trengs ikke.' },
      provisions: ['hpl-26'],
    });
  }

  requirements.push({
    kind: 'dpo-assessment',
    level: 'required',
    why: { en: 'The data protection officer must assess the processing of health data.', nb: 'Personvernombudet skal vurdere behandlingen av helseopplysninger.' },
    provisions: ['gdpr-6-1', 'gdpr-9-2'],
  });

  if (purposes.some((p) => RESEARCH_PURPOSES.has(p)) && identifiableSources.length > 0) {
    requirements.push({
      kind: 'dpia',
      level: 'required',
      why: { en: 'Most medical and health research on identifiable data needs a data protection impact assessment.', nb: 'De fleste medisinske og helsefaglige forskningsprosjekter på identifiserbare data trenger en personvernkonsekvensvurdering (DPIA).' },
      provisions: ['gdpr-35'],
    });
  }

  const folkeregisteret = input.controlGroupSource === 'folkeregisteret' || input.sources.includes('folkeregisteret');
  if (folkeregisteret) {
    requirements.push({
      kind: 'tax-administration-permit',
      level: 'required',
      why: { en: 'Using the population register, or drawing a sample or control group from it, needs a permit from the Norwegian Tax Administration.', nb: 'Bruk av Folkeregisteret, eller uttrekk av utvalg eller kontrollgruppe derfra, krever tillatelse fra Skatteetaten.' },
      provisions: [],
    });
  }

  if (input.transferAbroad) {
    requirements.push({
      kind: 'data-processor-agreement',
      level: 'required',
      why: { en: 'Data sent to institutions abroad needs a data processor agreement between the institutions.', nb: 'Data som sendes til institusjoner i utlandet krever en databehandleravtale mellom institusjonene.' },
      provisions: ['gdpr-28', 'gdpr-44'],
    });
  }

  if (input.product === 'clinical-decision-support') {
    requirements.push({
      kind: 'medical-products-notification',
      level: 'assess',
      why: { en: 'Assess whether clinical testing of the tool must be approved by or notified to the medical products agency, and whether the tool will be commercialised.', nb: 'Vurder om klinisk utprøving av verktøyet skal godkjennes av eller meldes til legemiddelmyndigheten, og om verktøyet skal kommersialiseres.' },
      provisions: [],
    });
  } else if (input.product === 'administrative-decision-support') {
    notes.push({ en: 'The rules for developing administrative decision support are unclear; consider applying for an exemption under the planning and management rules.', nb: 'Reglene for utvikling av administrativ beslutningsstøtte er uklare; vurder å søke dispensasjon etter reglene for planlegging og styring.' });
  } else if (input.product === 'process-automation') {
    notes.push({ en: 'The rules for process automation are unclear; consider applying for an exemption under the quality-improvement rules.', nb: 'Reglene for prosessautomatisering er uklare; vurder å søke dispensasjon etter reglene for kvalitetsforbedring.' });
  }
  if (family === 'quality-register' && input.consent !== true) {
    notes.push({ en: 'A quality register rests on consent; without it, all four exception conditions must hold (representativeness, right to object, DPO consulted, eligible controller).', nb: 'Et kvalitetsregister bygger på samtykke; uten samtykke må alle fire unntaksvilkårene være oppfylt (representativitet, reservasjonsrett, personvernombud rådført, kvalifisert dataansvarlig).' });
  }

  return {
    purpose: input.category,
    family,
    identifiableSources,
    hdsSources,
    exemptionNeeded,
    exemptionKind,
    exemptionWhy,
    exemptionProvisions,
    requirements,
    attachments: attachmentsFor(purposes, family, exemptionNeeded, input.consent === true),
    deadlineWorkingDays: input.linked ? 60 : 30,
    notes,
  };
}

/**
 * Attachments an application to the custodians needs, after the helsedata.no attachments table
 * (research column vs other purposes). Internal quality assurance and establishing a quality register
 * send no such application, so nothing is listed for them.
 */
export function attachmentsFor(purposes: string[], family: Family, exemptionNeeded: boolean, consent: boolean): AttachmentRequirement[] {
  if (family === 'internal-qa' || family === 'quality-register' || family === 'unknown') return [];
  const research = family === 'research' || purposes.includes('health-research');
  const out: AttachmentRequirement[] = [];
  const add = (kind: string, en: string, nb: string, provisions: string[] = []) => out.push({ kind, why: { en, nb }, provisions });
  if (research) {
    add('research-protocol', 'A research purpose needs the research protocol attached.', 'Et forskningsformål krever at forskningsprotokollen legges ved.', ['hforsknl-6']);
  }
  if (purposes.includes('health-research')) {
    add('rek-application', 'Attach a copy of the application sent to REK.', 'Legg ved kopi av søknaden til REK.');
    add('rek-approval', 'Attach REK\'s ethical assessment or pre-approval.', 'Legg ved REKs forskningsetiske vurdering eller forhåndsgodkjenning.', ['hforsknl-9']);
  }
  if (!research) {
    add('helsedir-application', 'For purposes other than research, attach the application sent to Helsedirektoratet.', 'For andre formål enn forskning, legg ved søknaden til Helsedirektoratet.');
  }
  if (exemptionNeeded) {
    add(
      'confidentiality-exemption',
      'Attach the exemption from the duty of confidentiality.',
      'Legg ved dispensasjonen fra taushetsplikten.',
      research ? ['hforsknl-35', 'hpl-29'] : ['hpl-29', 'hpl-29b'],
    );
  }
  add('dpo-assessment', 'Attach the data protection officer\'s assessment documenting the legal basis.', 'Legg ved personvernombudets vurdering som dokumenterer behandlingsgrunnlaget.', ['gdpr-6-1', 'gdpr-9-2']);
  if (consent) {
    add('information-letter', 'A consent-based project attaches its information letter.', 'Et samtykkebasert prosjekt legger ved informasjonsskrivet.', ['gdpr-7']);
    add('consent-form', 'A consent-based project attaches its consent form template.', 'Et samtykkebasert prosjekt legger ved samtykkeskjemaet.', ['gdpr-7']);
  }
  return out;
}

function unique<T>(xs: T[]): T[] {
  return [...new Set(xs)];
}

function names(sources: Source[], lang: 'en' | 'nb'): string {
  const n = sources.map((s) => s.abbreviation ?? s.name[lang]);
  if (n.length <= 1) return n.join('');
  return `${n.slice(0, -1).join(', ')}${lang === 'en' ? ' and ' : ' og '}${n[n.length - 1]}`;
}
