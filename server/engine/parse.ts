/**
 * Parsing: YAML text to a `yaml` Document with node ranges, its plain value, and the
 * problems found on the way (syntax errors, a second document, limits hit).
 * Never throws: hostile input becomes a problem with a range.
 */
import { Composer, Document, Lexer, LineCounter, Parser, Scalar, visit, isAlias, isCollection, isDocument, isMap, isNode, isPair, isScalar, type CST, type Node, type ParsedNode } from 'yaml';
import type { Localized } from '../../rules/domain/types';

/** Limits the checker states and reports when hit. */
export const LIMITS = {
  /** Larger files are not parsed at all. */
  maxBytes: 4 * 1024 * 1024,
  /** Aliases expanded when building the plain value ("billion laughs" protection). */
  maxAliasCount: 100,
  /**
   * Values (mappings, lists and scalars) that aliases may add when expanded: a few aliases of a
   * long list cost as much as the list written out that many times, so what they expand to is
   * limited, not only how many there are.
   */
  maxAliasExpansion: 10_000,
  /** Nesting depth of collections: block and flow mappings and lists, and explicit `?` keys. */
  maxDepth: 64,
  /** Findings reported per file, counting the one that says how many more there were. */
  maxFindings: 1000,
};

/**
 * The key a mapping or list used as a key gets in the plain value and in paths: the format only
 * has text keys, so such a key is reported and never turned into text (that costs time exponential
 * in its nesting). The NUL characters keep it apart from any key a person writes.
 */
export const COMPLEX_KEY = '\u0000complex key\u0000';

interface Problem {
  start: number;
  end: number;
  message: Localized;
  /** `yaml` for syntax, `limit` for a stated limit, `structure` for YAML the format does not allow (a mapping as a key). */
  kind: 'yaml' | 'limit' | 'structure';
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

  // The concrete syntax tree first (linear, no recursion): its nesting is checked before the
  // composer, which recurses once per level, builds the document from it.
  const tokens = parseTokens(text, lineCounter);
  if ('tooDeep' in tokens) {
    const lc = new LineCounter();
    countLines(text, lc);
    problems.push(tokens.tooDeep);
    return { text, doc: undefined, lineCounter: lc, value: undefined, problems };
  }

  let docs: Document.Parsed<ParsedNode>[] = [];
  try {
    // Duplicate keys are found by `inspectTree` in linear time; `yaml`'s own check is quadratic in a mapping's size.
    const composer = new Composer<ParsedNode, true>({ prettyErrors: false, uniqueKeys: false, logLevel: 'error' });
    for (const d of composer.compose(tokens.tokens, true, text.length)) {
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
  const tree = doc ? inspectTree(doc) : undefined;
  for (const p of tree?.problems ?? []) problems.push(p);
  if (doc && tree && !tree.problems.some((p) => p.kind === 'limit')) {
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

/** The message for nesting past the limit, at `[start, end)`. */
function depthProblem(text: string, start: number, end: number): Problem {
  const s = Math.max(0, Math.min(start, text.length));
  return {
    kind: 'limit',
    start: s,
    end: Math.max(Math.min(end, text.length), Math.min(s + 1, text.length)),
    message: {
      en: `Collections are nested more than ${LIMITS.maxDepth} levels deep here; the checker stops at that depth and did not check this file.`,
      nb: `Samlinger er nøstet mer enn ${LIMITS.maxDepth} nivåer dypt her; kontrollen stopper ved den dybden og har ikke sjekket filen.`,
    },
  };
}

const COLLECTION_TOKENS = new Set(['block-map', 'block-seq', 'flow-collection']);

/**
 * Lexes and parses the text into its concrete syntax tree, watching the parser's stack: each block
 * or flow mapping, list and explicit key (`?`) that is open is one level on it. The lexer knows
 * quotes, comments and block scalars, so a `[` in free text is text and a quote in a plain scalar
 * hides nothing. Stops at the first place nested deeper than the limit. Linear in the text.
 */
function parseTokens(text: string, lineCounter: LineCounter): { tokens: CST.Token[] } | { tooDeep: Problem } {
  const parser = new Parser(lineCounter.addNewLine);
  const tokens: CST.Token[] = [];
  lineCounter.addNewLine(0);
  const levels = () => {
    let n = 0;
    for (const t of parser.stack) if (COLLECTION_TOKENS.has(t.type)) n++;
    return n;
  };
  for (const lexeme of new Lexer().lex(text)) {
    for (const t of parser.next(lexeme)) tokens.push(t);
    // The stack holds the document, the open collections and at most a scalar or two besides.
    if (parser.stack.length > LIMITS.maxDepth && levels() > LIMITS.maxDepth) {
      return { tooDeep: depthProblem(text, parser.offset - lexeme.length, parser.offset) };
    }
  }
  for (const t of parser.end()) tokens.push(t);
  return { tokens };
}

/**
 * One walk over the composed document, before its plain value is built: mappings and lists used as
 * keys are reported and replaced by `COMPLEX_KEY` (the node keeps its range), a key that is in its
 * mapping twice is reported (as `yaml` would with `uniqueKeys`), and the size aliases expand to is
 * added up, each anchored node's size computed once. Linear in the document.
 */
function inspectTree(doc: Document.Parsed<ParsedNode>): { problems: Problem[] } {
  const problems: Problem[] = [];
  const anchors = new Map<string, Node>();
  /** Expanded sizes of finished anchored nodes; a node still being walked is not in it (an alias to it is a cycle, not an expansion). */
  const sizes = new Map<Node, number>();
  let expansion = 0;
  let over: Node | undefined;

  const sizeOf = (node: unknown): number => {
    if (!isNode(node)) return node === null || node === undefined ? 0 : 1;
    if (node.anchor) anchors.set(node.anchor, node);
    if (isAlias(node)) {
      const target = anchors.get(node.source);
      // An alias to a node it sits in becomes a reference to it, not a copy.
      const n = target ? sizes.get(target) ?? 1 : 1;
      expansion += n;
      if (expansion > LIMITS.maxAliasExpansion && !over) over = node;
      return n;
    }
    let n = 1;
    if (isCollection(node)) {
      const keys = new Set<unknown>();
      for (const item of node.items) {
        if (over) break;
        if (isPair(item)) {
          const keyNode = isAlias(item.key) ? anchors.get(item.key.source) : item.key;
          if (isCollection(keyNode)) {
            const range = (item.key as ParsedNode).range;
            problems.push(complexKeyProblem(range[0], range[1], isMap(keyNode)));
            const key = new Scalar(COMPLEX_KEY) as Scalar & { range: [number, number, number] };
            key.range = range;
            item.key = key;
          } else {
            n += sizeOf(item.key);
            // Scalar keys are the same when their values are (`yaml` compares them with ===, so NaN never is).
            if (isScalar(item.key) && item.key.value === item.key.value) {
              if (keys.has(item.key.value)) problems.push(duplicateKeyProblem((item.key as ParsedNode).range[0]));
              else keys.add(item.key.value);
            }
          }
          n += sizeOf(item.value);
        } else n += sizeOf(item);
      }
    }
    // Only an anchored node can be what an alias stands for.
    if (node.anchor) sizes.set(node, n);
    return n;
  };
  sizeOf(doc.contents);
  if (over) {
    const r = (over as ParsedNode).range;
    problems.push({
      kind: 'limit',
      start: r[0],
      end: Math.max(r[1], r[0] + 1),
      message: {
        en: `The aliases in this file (*name) expand to more than ${LIMITS.maxAliasExpansion.toLocaleString('en-US')} values, which looks like an alias bomb; it was not checked. Write the values out instead of aliasing them.`,
        nb: `Aliasene i filen (*navn) utvides til mer enn ${LIMITS.maxAliasExpansion.toLocaleString('nb-NO')} verdier, noe som ligner en aliasbombe; den ble ikke sjekket. Skriv verdiene ut i stedet for å bruke aliaser.`,
      },
    });
  }
  return { problems };
}

function duplicateKeyProblem(start: number): Problem {
  return {
    kind: 'yaml',
    start,
    end: start + 1,
    message: { en: 'YAML syntax: Map keys must be unique', nb: `YAML-syntaks: ${YAML_ERROR_NB.DUPLICATE_KEY}` },
  };
}

function complexKeyProblem(start: number, end: number, mapping: boolean): Problem {
  const what = mapping ? { en: 'a mapping', nb: 'en tilordning' } : { en: 'a list', nb: 'en liste' };
  return {
    kind: 'structure',
    start,
    end: Math.max(end, start + 1),
    message: {
      en: `This key is ${what.en} (written with \`?\` or \`{ }\`/\`[ ]\` before \`:\`); keys in a descriptor are plain text. Write the key as text, or move the ${mapping ? 'mapping' : 'list'} into the value.`,
      nb: `Denne nøkkelen er ${what.nb} (skrevet med \`?\` eller \`{ }\`/\`[ ]\` foran \`:\`); nøkler i en prosjektbeskrivelse er tekst. Skriv nøkkelen som tekst, eller flytt ${mapping ? 'tilordningen' : 'listen'} inn i verdien.`,
    },
  };
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
