/**
 * Parsing: YAML text to a `yaml` Document with node ranges, its plain value, and the
 * problems found on the way (syntax errors, a second document, limits hit).
 * Never throws: hostile input becomes a problem with a range.
 */
import { Composer, Document, LineCounter, Parser, isDocument, visit, type ParsedNode, type Scalar } from 'yaml';
import type { Localized } from '../../rules/domain/types';

/** Limits the checker states and reports when hit. */
export const LIMITS = {
  /** Larger files are not parsed at all. */
  maxBytes: 4 * 1024 * 1024,
  /** Aliases expanded when building the plain value ("billion laughs" protection). */
  maxAliasCount: 100,
  /** Nesting depth of collections. */
  maxDepth: 64,
};

export interface Problem {
  start: number;
  end: number;
  message: Localized;
  /** `yaml` for syntax, `limit` for a stated limit. */
  kind: 'yaml' | 'limit';
}

export interface Parsed {
  text: string;
  doc: Document.Parsed<ParsedNode> | undefined;
  lineCounter: LineCounter;
  /** The plain JS value of the first document; undefined when it could not be built. */
  value: unknown;
  problems: Problem[];
}

const MB = (n: number) => `${(n / (1024 * 1024)).toFixed(1)} MB`;

export function parse(text: string): Parsed {
  const lineCounter = new LineCounter();
  const problems: Problem[] = [];
  const bytes = Buffer.byteLength(text, 'utf8');
  if (bytes > LIMITS.maxBytes) {
    countLines(text, lineCounter);
    problems.push({
      kind: 'limit',
      start: 0,
      end: Math.min(text.indexOf('\n') === -1 ? text.length : text.indexOf('\n'), 200),
      message: {
        en: `This file is ${MB(bytes)}; the checker reads descriptors up to ${MB(LIMITS.maxBytes)} and did not check it.`,
        nb: `Filen er ${MB(bytes)}; kontrollen leser beskrivelser på opptil ${MB(LIMITS.maxBytes)} og har ikke sjekket den.`,
      },
    });
    return { text, doc: undefined, lineCounter, value: undefined, problems };
  }

  const depthProblem = checkDepth(text);
  if (depthProblem) {
    countLines(text, lineCounter);
    problems.push(depthProblem);
    return { text, doc: undefined, lineCounter, value: undefined, problems };
  }

  let docs: Document.Parsed<ParsedNode>[] = [];
  try {
    const parser = new Parser(lineCounter.addNewLine);
    const composer = new Composer<ParsedNode, true>({ prettyErrors: false, uniqueKeys: true, logLevel: 'error' });
    for (const d of composer.compose(parser.parse(text), true, text.length)) {
      if (isDocument(d)) docs.push(d as Document.Parsed<ParsedNode>);
    }
  } catch (e) {
    docs = [];
    problems.push(internalProblem(text, e));
  }

  const doc = docs[0];
  for (const d of docs) {
    for (const err of d.errors) {
      const unclosed = err.code === 'MISSING_CHAR' && /quote/.test(err.message) ? unclosedQuote(d, text, err.pos[0]) : undefined;
      if (unclosed) {
        problems.push(unclosed);
        continue;
      }
      const [start, end] = err.pos;
      problems.push({
        kind: 'yaml',
        start,
        end: Math.max(end, start + 1),
        message: { en: `YAML syntax: ${cleanYamlMessage(err.message)}`, nb: `YAML-syntaks: ${YAML_ERROR_NB[err.code] ?? 'feil i oppbygningen her'}` },
      });
    }
  }
  if (docs.length > 1) {
    const second = docs[1];
    const start = second.range[0];
    // Point at the `---` marker (or the first content) of the second document.
    const marker = text.lastIndexOf('---', start + 3);
    const s = marker >= 0 && marker >= (docs[0].range[2] ?? 0) - 3 ? marker : start;
    problems.push({
      kind: 'yaml',
      start: s,
      end: Math.min(text.length, s + 3),
      message: {
        en: 'A descriptor is one YAML document; this second document (after `---`) is not read. Move its content into the first document or into its own file.',
        nb: 'En prosjektbeskrivelse er ett YAML-dokument; dette andre dokumentet (etter `---`) blir ikke lest. Flytt innholdet inn i det første dokumentet eller til en egen fil.',
      },
    });
  }

  let value: unknown;
  if (doc) {
    try {
      value = doc.toJS({ maxAliasCount: LIMITS.maxAliasCount });
    } catch (e) {
      value = undefined;
      const msg = e instanceof Error ? e.message : String(e);
      if (/alias/i.test(msg)) {
        problems.push({
          kind: 'limit',
          start: 0,
          end: Math.max(1, text.indexOf('\n')),
          message: {
            en: `Too many aliases: this file expands YAML aliases (*name) more than ${LIMITS.maxAliasCount} times, which looks like an alias bomb; it was not checked. Write the values out instead of aliasing them.`,
            nb: `For mange aliaser: filen utvider YAML-aliaser (*navn) mer enn ${LIMITS.maxAliasCount} ganger, noe som ligner en aliasbombe; den ble ikke sjekket. Skriv verdiene ut i stedet for å bruke aliaser.`,
          },
        });
      } else {
        problems.push(internalProblem(text, e));
      }
    }
  }
  return { text, doc, lineCounter, value, problems };
}

/**
 * A quoted value that is never closed runs to the end of the file, where the parser notices; the
 * mistake is the opening quote. The problem is placed there: from the quote to the end of its line.
 */
function unclosedQuote(d: Document.Parsed<ParsedNode>, text: string, at: number): Problem | undefined {
  let found: Scalar | undefined;
  visit(d, {
    Scalar(_key, node) {
      if ((node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') && node.range && node.range[0] < at && node.range[1] >= at) found = node;
    },
  });
  if (!found?.range) return undefined;
  const start = found.range[0];
  const nl = text.indexOf('\n', start);
  const q = text[start] === "'" ? "'" : '"';
  return {
    kind: 'yaml',
    start,
    end: nl === -1 ? text.length : nl,
    message: {
      en: `YAML syntax: the quoted text that starts here has no closing ${q}, so everything after it is read as part of it.`,
      nb: `YAML-syntaks: teksten i anførselstegn som begynner her, mangler avsluttende ${q}, så alt etter den leses som en del av den.`,
    },
  };
}

/** Line starts for a text the parser does not read, so the one problem reported about it is placed right. */
function countLines(text: string, lc: LineCounter): void {
  lc.addNewLine(0);
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) lc.addNewLine(i + 1);
}

/** Deep flow or block nesting is rejected before parsing so the parser's recursion stays bounded. */
function checkDepth(text: string): Problem | undefined {
  let depth = 0;
  let inComment = false;
  let quote: string | null = null;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) {
      inComment = false;
      continue;
    }
    if (inComment) continue;
    if (quote) {
      if (text[i] === quote) quote = null;
      continue;
    }
    if (c === 35 /* # */ && (i === 0 || /\s/.test(text[i - 1]))) inComment = true;
    else if (c === 91 || c === 123) {
      if (++depth > LIMITS.maxDepth) {
        return {
          kind: 'limit',
          start: i,
          end: i + 1,
          message: {
            en: `Collections are nested more than ${LIMITS.maxDepth} levels deep here; the checker stops at that depth and did not check this file.`,
            nb: `Samlinger er nøstet mer enn ${LIMITS.maxDepth} nivåer dypt her; kontrollen stopper ved den dybden og har ikke sjekket filen.`,
          },
        };
      }
    } else if (c === 93 || c === 125) depth = Math.max(0, depth - 1);
    else if ((c === 34 || c === 39) && depth > 0) quote = text[i];
  }
  // Block nesting: indentation deeper than two spaces per allowed level.
  const limit = LIMITS.maxDepth * 8;
  let lineStart = 0;
  while (lineStart < text.length) {
    let j = lineStart;
    while (j < text.length && (text.charCodeAt(j) === 32 || text.charCodeAt(j) === 45)) j++;
    if (j - lineStart > limit) {
      return {
        kind: 'limit',
        start: lineStart,
        end: j,
        message: {
          en: `This line is indented more than ${limit} columns; the checker stops at that depth and did not check this file.`,
          nb: `Linjen er rykket inn mer enn ${limit} kolonner; kontrollen stopper ved den dybden og har ikke sjekket filen.`,
        },
      };
    }
    const nl = text.indexOf('\n', lineStart);
    if (nl === -1) break;
    lineStart = nl + 1;
  }
  return undefined;
}

function internalProblem(text: string, e: unknown): Problem {
  const msg = e instanceof Error ? e.message : String(e);
  return {
    kind: 'limit',
    start: 0,
    end: Math.max(1, Math.min(text.length, text.indexOf('\n') === -1 ? text.length : text.indexOf('\n'))),
    message: {
      en: `The file could not be read as YAML (${msg}); it was not checked.`,
      nb: `Filen kunne ikke leses som YAML (${msg}); den ble ikke sjekket.`,
    },
  };
}

/** The `yaml` parser's error codes in Norwegian (its own messages are English). */
const YAML_ERROR_NB: Partial<Record<string, string>> = {
  ALIAS_PROPS: 'et alias kan ikke ha anker eller tagg',
  BAD_ALIAS: 'aliaset viser ikke til noe anker',
  BAD_COLLECTION_TYPE: 'feil type samling her',
  BAD_DIRECTIVE: 'ugyldig direktiv',
  BAD_DQ_ESCAPE: 'ugyldig escape-sekvens i tekst med doble anførselstegn',
  BAD_INDENT: 'feil innrykk',
  BAD_PROP_ORDER: 'anker og tagg står i feil rekkefølge',
  BAD_SCALAR_START: 'en verdi kan ikke begynne med dette tegnet; sett den i anførselstegn',
  BLOCK_AS_IMPLICIT_KEY: 'en blokk kan ikke være nøkkel',
  BLOCK_IN_FLOW: 'en blokk kan ikke stå inne i [ ] eller { }',
  DUPLICATE_KEY: 'nøkkelen står to ganger i samme seksjon',
  IMPOSSIBLE: 'filen kan ikke leses her',
  KEY_OVER_1024_CHARS: 'nøkkelen er lengre enn 1024 tegn',
  MISSING_CHAR: 'et avsluttende tegn mangler (anførselstegn eller parentes)',
  MULTILINE_IMPLICIT_KEY: 'en nøkkel kan ikke gå over flere linjer',
  MULTIPLE_ANCHORS: 'flere ankre på samme verdi',
  MULTIPLE_DOCS: 'mer enn ett dokument',
  MULTIPLE_TAGS: 'flere tagger på samme verdi',
  NON_STRING_KEY: 'nøkkelen må være tekst',
  TAB_AS_INDENT: 'tabulator brukt som innrykk; bruk mellomrom',
  TAG_RESOLVE_FAILED: 'taggen kan ikke tolkes',
  UNEXPECTED_TOKEN: 'uventet tegn; en nøstet tilordning kan ikke stå på samme linje som en annen nøkkel',
};

function cleanYamlMessage(m: string): string {
  // `yaml` appends " at line X, column Y" and a code frame when prettyErrors is on; keep the first line.
  return m.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}
