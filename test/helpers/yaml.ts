import { parseAllDocuments } from 'yaml';

/** The comment-bearing lines of a YAML text, from their `#`, in order: what a fix must keep. */
export const comments = (text: string): string[] =>
  text.split('\n').filter((l) => l.includes('#')).map((l) => l.slice(l.indexOf('#')).trim());

/** The YAML errors of every document in a text; empty when the text is valid YAML. */
export const yamlErrors = (text: string) => parseAllDocuments(text).flatMap((d) => ('errors' in d ? d.errors : [d]));
