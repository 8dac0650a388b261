/**
 * Recognising direct identifiers by name, in both languages: `fødselsnummer`, `personnummer`,
 * `personal_identity_number`, `pasientnavn`, `patient_name`, `telefonnummer`, `mobilnummer`,
 * `e-post`, `home_address`... The families are data (rules/identifiers.yaml); this module only
 * normalises names and matches them.
 */
import identifiersFile from '../identifiers.yaml';
import type { Localized } from './types';

export interface IdentifierFamily {
  id: string;
  name: Localized;
  stems: string[];
  words: string[];
}

const identifierFamilies: readonly IdentifierFamily[] = (identifiersFile as { families: IdentifierFamily[] }).families;

/** Lower case, Norwegian letters written out (æ -> ae, ø -> o, å -> aa), other accents dropped, only a-z and 0-9 kept. */
function normaliseWord(word: string): string {
  return word
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/[øö]/g, 'o')
    .replace(/å/g, 'aa')
    .normalize('NFKD')
    .replace(/[^a-z0-9]/g, '');
}

/** A name's words: split at separators and camelCase, each normalised; empty words dropped. */
function wordsOf(name: string): string[] {
  return name
    .replace(/([a-zæøå0-9])([A-ZÆØÅ])/g, '$1 $2')
    .split(/[\s_\-./]+/)
    .map(normaliseWord)
    .filter(Boolean);
}

/** The family of direct identifiers a variable name belongs to, if any. */
export function identifierFamily(name: string | undefined): IdentifierFamily | undefined {
  if (!name) return undefined;
  const words = wordsOf(name);
  if (words.length === 0) return undefined;
  const joined = words.join('');
  for (const f of identifierFamilies) {
    if (f.stems.some((s) => joined.includes(s))) return f;
    if (words.length === 1 && f.words.includes(words[0])) return f;
    // A short form with a qualifier still identifies: `patient_fnr`, `mor_fnr`, `kontakt_tlf`.
    if (f.id === 'identity-number' && words.some((w) => f.words.includes(w))) return f;
  }
  return undefined;
}

/** Whether a variable identifies a person directly: by its name, or by `granularity: address`. */
export function isDirectIdentifier(name: string | undefined, granularity?: string): boolean {
  return granularity === 'address' || identifierFamily(name) !== undefined;
}
