/**
 * The placeholder texts the product writes into a draft: the new-descriptor wizard's skeleton, the
 * snippets, and quick fixes that insert a value for the user to replace. `placeholder-left` finds
 * them, in either language, so a draft does not pass as finished. One list, used by all of them.
 */
import { normalText } from './text';
import type { Localized } from './types';

export const PLACEHOLDER = {
  title: { en: 'Project title', nb: 'Prosjekttittel' },
  institution: { en: 'Responsible institution (data controller)', nb: 'Ansvarlig institusjon (behandlingsansvarlig)' },
  lead: { en: 'Name of the project lead', nb: 'Navn på prosjektlederen' },
  person: { en: 'Name', nb: 'Navn' },
  description: { en: 'Why the project needs health data', nb: 'Hvorfor prosjektet trenger helseopplysninger' },
  question: { en: 'The first research question', nb: 'Det første forskningsspørsmålet' },
  target: { en: 'Whom the research questions concern', nb: 'Hvem forskningsspørsmålene gjelder' },
  study: { en: 'Whom the project selects, with inclusion and exclusion criteria', nb: 'Hvem prosjektet velger ut, med inklusjons- og eksklusjonskriterier' },
  storage: { en: 'Where the data is stored', nb: 'Hvor dataene lagres' },
  deletion: { en: 'How and when the data is deleted', nb: 'Hvordan og når dataene slettes' },
  justification: { en: 'Why it is needed', nb: 'Hvorfor den trengs' },
  variable: { en: 'variable-name', nb: 'variabelnavn' },
  file: { en: 'docs/file.pdf', nb: 'docs/fil.pdf' },
} as const satisfies Record<string, Localized>;

/** Texts earlier versions and quick fixes insert, which are placeholders too. */
const OTHER: readonly string[] = [
  'Responsible institution',
  'Research question',
  'Target population',
  'Study population',
  'Deletion routine',
  'Deletion routine to be described',
  'Research question to be written',
  'Target population to be described',
  'Study population to be described',
  'To be written: why the project needs this variable',
  'Why the project needs it',
  'variable',
  'source-id',
];

const ALL: ReadonlySet<string> = new Set([...Object.values(PLACEHOLDER).flatMap((p) => [p.en, p.nb]), ...OTHER].map(normalText));

/** Whether a value is still a placeholder text (either language, any case and spacing). */
export const isPlaceholder = (value: string): boolean => ALL.has(normalText(value));
