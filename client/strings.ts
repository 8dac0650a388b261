/** The client's own words in both languages (no VS Code API here, so tests can read them). */
import type { Localized } from '../rules/domain/types';

export const STRINGS = {
  wizardPurpose: { en: 'New project descriptor ({0}/{1}): purpose', nb: 'Ny prosjektbeskrivelse ({0}/{1}): formål' },
  wizardPurposeHint: { en: 'Why does the project want health data?', nb: 'Hvorfor trenger prosjektet helseopplysninger?' },
  wizardProduct: { en: 'New project descriptor ({0}/{1}): product', nb: 'Ny prosjektbeskrivelse ({0}/{1}): produkt' },
  wizardTesting: { en: 'New project descriptor ({0}/{1}): will the tool be tried out clinically?', nb: 'Ny prosjektbeskrivelse ({0}/{1}): skal verktøyet prøves ut klinisk?' },
  wizardSources: { en: 'New project descriptor ({0}/{1}): data sources', nb: 'Ny prosjektbeskrivelse ({0}/{1}): datakilder' },
  wizardConsent: { en: 'New project descriptor ({0}/{1}): consent', nb: 'Ny prosjektbeskrivelse ({0}/{1}): samtykke' },
  wizardTitle: { en: 'New project descriptor ({0}/{1}): title', nb: 'Ny prosjektbeskrivelse ({0}/{1}): tittel' },
  wizardSave: { en: 'Save the new project descriptor', nb: 'Lagre den nye prosjektbeskrivelsen' },
  wizardExists: { en: '{0} exists already; choose another name.', nb: '{0} finnes allerede; velg et annet navn.' },
  yes: { en: 'Yes', nb: 'Ja' },
  no: { en: 'No', nb: 'Nei' },
  consentNo: { en: 'No: without consent', nb: 'Nei: uten samtykke' },
  consentYes: { en: 'Yes: every participant consents', nb: 'Ja: alle deltakere samtykker' },
  productClinical: { en: 'Clinical decision support', nb: 'Klinisk beslutningsstøtte' },
  productAdministrative: { en: 'Administrative decision support', nb: 'Administrativ beslutningsstøtte' },
  productAutomation: { en: 'Process automation', nb: 'Prosessautomatisering' },
  openFirst: { en: 'Open a project descriptor first.', nb: 'Åpne en prosjektbeskrivelse først.' },
  requirements: { en: 'Requirements', nb: 'Krav' },
  requirementsWritten: { en: 'Requirements written to {0}', nb: 'Kravene er skrevet til {0}' },
  noExemption: { en: 'no exemption', nb: 'ingen dispensasjon' },
  openPreview: { en: 'Open the requirements preview', nb: 'Åpne kravoversikten' },
  checked: { en: 'Checked {0} descriptors: {1} errors, {2} warnings.', nb: 'Sjekket {0} prosjektbeskrivelser: {1} feil, {2} advarsler.' },
  noDescriptors: { en: 'No project descriptors in the workspace.', nb: 'Ingen prosjektbeskrivelser i arbeidsområdet.' },
  taskCheck: { en: 'check all descriptors', nb: 'sjekk alle prosjektbeskrivelser' },
  serverDown: { en: 'The descriptor server is not running; see the output.', nb: 'Tjeneren for prosjektbeskrivelser kjører ikke; se utdata.' },
} satisfies Record<string, Localized>;

