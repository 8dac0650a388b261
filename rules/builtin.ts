/**
 * Findings the engine itself reports (not domain rules): structure against the JSON Schema,
 * YAML syntax, stated input limits, and a rule that failed. They have ids, docs and severities
 * like every rule so that CI output, SARIF and documentation treat them the same way.
 */
import type { RuleMeta } from './rule';

export const SCHEMA = 'schema';
export const YAML_SYNTAX = 'yaml-syntax';
export const INPUT_LIMIT = 'input-limit';
export const INTERNAL_ERROR = 'internal-error';
export type BuiltinId = typeof SCHEMA | typeof YAML_SYNTAX | typeof INPUT_LIMIT | typeof INTERNAL_ERROR;

export const builtinMeta: readonly RuleMeta<BuiltinId>[] = [
  {
    id: SCHEMA,
    severity: 'error',
    description: {
      en: 'The descriptor breaks the format: a missing or unknown key, a wrong type, or a value outside the allowed set.',
      nb: 'Prosjektbeskrivelsen bryter formatet: en manglende eller ukjent nøkkel, feil type eller en verdi utenfor de tillatte.',
    },
    remediation: {
      en: 'Correct the key or value the message names; where the format lists the allowed values, the quick fix offers each.',
      nb: 'Rett nøkkelen eller verdien meldingen peker på; der formatet lister tillatte verdier, tilbyr hurtigrettingen hver av dem.',
    },
    provisions: [],
    seed: { file: 'descriptor-format.md', quote: 'The JSON Schema in the project\'s `schemas/` must accept every example here and encode every constraint stated here.' },
    fixes: ['schema-enum', 'schema-rename-key'],
    messages: {},
  },
  {
    id: YAML_SYNTAX,
    severity: 'error',
    description: { en: 'The file is not valid YAML, or holds more than one YAML document.', nb: 'Filen er ikke gyldig YAML, eller har mer enn ett YAML-dokument.' },
    remediation: {
      en: 'Fix the syntax at the marked spot (indentation, a missing colon or quote). Domain rules run again once the file parses.',
      nb: 'Rett syntaksen der det er markert (innrykk, manglende kolon eller anførselstegn). Domenereglene kjøres igjen når filen kan leses.',
    },
    provisions: [],
    seed: { file: 'descriptor-format.md', quote: 'One YAML document per file. A second document (`---`) is an error, not silently ignored.' },
    fixes: [],
    messages: {},
  },
  {
    id: INPUT_LIMIT,
    severity: 'error',
    description: {
      en: 'The file is larger, deeper or uses more aliases than the checker reads, so it was not checked; or it has more findings than the checker reports.',
      nb: 'Filen er større, dypere eller bruker flere aliaser enn kontrollen leser, så den ble ikke sjekket; eller den har flere funn enn kontrollen viser.',
    },
    remediation: {
      en: 'A descriptor is a short, hand-written file: split generated data out, write aliased values out, and flatten deep nesting. With more findings than shown, fix the ones shown and check again.',
      nb: 'En prosjektbeskrivelse er en kort, håndskrevet fil: flytt genererte data ut, skriv ut aliaserte verdier og flat ut dyp nøsting. Med flere funn enn dem som vises: rett dem som vises, og kontroller på nytt.',
    },
    provisions: [],
    seed: { file: 'descriptor-format.md', quote: 'A project descriptor is one YAML file that describes a project which wants to extract and use health data in Norway' },
    fixes: [],
    messages: {},
  },
  {
    id: INTERNAL_ERROR,
    severity: 'error',
    description: { en: 'A rule failed while checking this file; the other rules still ran.', nb: 'En regel feilet under kontrollen av filen; de andre reglene ble kjørt.' },
    remediation: { en: 'Report the message and the descriptor that caused it.', nb: 'Meld fra om meldingen og prosjektbeskrivelsen som utløste den.' },
    provisions: [],
    seed: { file: 'descriptor-format.md', quote: 'A file with another value gets one clear error ("unsupported descriptor format version 2; this version reads 1"), no crash.' },
    fixes: [],
    messages: {},
  },
];
