/**
 * Structure: the JSON Schema in schemas/, compiled once, its errors turned into findings with
 * messages a person understands, in both languages. One rule id, `schema`, for all of them.
 */
import type { ErrorObject, ValidateFunction } from 'ajv';
import schemaJson from '../../schemas/project-descriptor.schema.json';
import schemaNbJson from '../../schemas/project-descriptor.schema.nb.json';
// Compiled by ajv at build time (esbuild.mjs, schemaValidatorPlugin): no schema compilation at start-up.
import compiledValidate from 'virtual:schema-validator';
import { closest, list, listOf } from '../../rules/domain/text';
import type { Fix, Localized, Path, Target } from '../../rules/domain/types';

const FORMAT_VERSION = 1;

export interface SchemaIssue {
  path: Path;
  target: Target;
  message: Localized;
  fixes: Fix[];
  data?: Record<string, unknown>;
}

const validator = (): ValidateFunction => compiledValidate as ValidateFunction;

export const schema = schemaJson as Record<string, unknown>;

/** The Norwegian words of a schema node: its title, description and enum descriptions. */
export interface SchemaText {
  title?: string;
  markdownDescription?: string;
  markdownEnumDescriptions?: string[];
}

/**
 * The schema's words in Norwegian, keyed by the JSON pointer of the node they belong to
 * (`/properties/purpose/properties/category`). The schema itself stays English for every tool that
 * reads it; hover and completion read `schemaFor('nb')`. A test keeps the table complete.
 */
export const SCHEMA_NB = schemaNbJson as Readonly<Record<string, SchemaText>>;

let norwegian: Record<string, unknown> | undefined;

/** The schema with its words in the given language (built once for Norwegian). */
export function schemaFor(lang: 'en' | 'nb'): Record<string, unknown> {
  if (lang === 'en') return schema;
  norwegian ??= withWords(schema, '', SCHEMA_NB) as Record<string, unknown>;
  return norwegian;
}

function withWords(node: unknown, pointer: string, words: Readonly<Record<string, SchemaText>>): unknown {
  if (Array.isArray(node)) return node.map((x, i) => withWords(x, `${pointer}/${i}`, words));
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(node)) out[k] = withWords(v, `${pointer}/${k.replace(/~/g, '~0').replace(/\//g, '~1')}`, words);
  const nb = words[pointer];
  if (nb) {
    if (nb.title !== undefined && typeof out.title === 'string') out.title = nb.title;
    if (nb.markdownDescription !== undefined) out.markdownDescription = out.description = nb.markdownDescription;
    if (nb.markdownEnumDescriptions !== undefined) out.markdownEnumDescriptions = nb.markdownEnumDescriptions;
  }
  return out;
}

/** `a.b[0].c` for messages. */
function dotted(path: Path): string {
  let s = '';
  for (const seg of path) s += typeof seg === 'number' ? `[${seg}]` : s ? `.${seg}` : seg;
  return s || '(top level)';
}

function pointerToPath(pointer: string): Path {
  if (!pointer) return [];
  return pointer
    .slice(1)
    .split('/')
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((p) => (/^\d+$/.test(p) ? Number(p) : p));
}

/** A value as the message quotes it: cut to 40 characters, so the first sentence stays short whatever was written. */
const SHOWN = 40;
const cut = (s: string): string => (s.length > SHOWN ? `${s.slice(0, SHOWN - 1)}…` : s);
const show = (v: unknown): string => {
  if (typeof v === 'string') return cut(v);
  const j = JSON.stringify(v);
  return j === undefined ? String(v) : cut(j);
};

const typeName: Record<string, Localized> = {
  string: { en: 'a text', nb: 'en tekst' },
  number: { en: 'a number', nb: 'et tall' },
  integer: { en: 'a whole number', nb: 'et heltall' },
  boolean: { en: '`true` or `false`', nb: '`true` eller `false`' },
  object: { en: 'a mapping (`key: value` lines)', nb: 'en tilordning (`nøkkel: verdi`-linjer)' },
  array: { en: 'a list (`- item` lines or `[a, b]`)', nb: 'en liste (`- element`-linjer eller `[a, b]`)' },
  null: { en: 'empty', nb: 'tom' },
};

function actualType(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  if (typeof v === 'number') return Number.isInteger(v) ? 'integer' : 'number';
  return typeof v;
}

const knownPatterns: [RegExp, Localized][] = [
  [/\\d\{4\}-\\d\{2\}-\\d\{2\}/, { en: 'an ISO date, YYYY-MM-DD (for example 2025-01-31)', nb: 'en ISO-dato, ÅÅÅÅ-MM-DD (for eksempel 2025-01-31)' }],
  [/\[a-z0-9\]\+\(-\[a-z0-9\]\+\)\*|\[a-z\]\[a-z0-9\]\*\(-/, { en: 'kebab-case: lower-case letters and digits joined by hyphens', nb: 'kebab-case: små bokstaver og sifre skilt med bindestrek' }],
  [/\[A-Z\]\{2\}/, { en: 'a two-letter country code such as SE or DK', nb: 'en landkode på to bokstaver, som SE eller DK' }],
  [/@/, { en: 'an e-mail address', nb: 'en e-postadresse' }],
];

export function validateSchema(value: unknown): SchemaIssue[] {
  if (value === null || value === undefined) {
    return [
      {
        path: [],
        target: 'key',
        message: {
          en: 'The file is empty. A project descriptor starts with `descriptor: 1`.',
          nb: 'Filen er tom. En prosjektbeskrivelse starter med `descriptor: 1`.',
        },
        fixes: [],
      },
    ];
  }
  if (typeof value === 'object' && !Array.isArray(value)) {
    const version = (value as Record<string, unknown>).descriptor;
    if (version !== undefined && version !== FORMAT_VERSION) {
      return [
        {
          path: ['descriptor'],
          target: 'value',
          message: {
            en: `Unsupported descriptor format version ${show(version)}; this version reads ${FORMAT_VERSION}.`,
            nb: `Formatversjon ${show(version)} støttes ikke; denne versjonen leser ${FORMAT_VERSION}.`,
          },
          fixes: [],
          data: { version },
        },
      ];
    }
  }
  const validate = validator();
  if (validate(value)) return [];
  return toIssues(validate.errors ?? []);
}

/**
 * Conditional constraints (if/then in the schema) carry a `title` naming them; their messages and
 * the place to point at live here, in both languages. The errors ajv reports inside a failing
 * `then` are replaced by this one message.
 */
const CONDITIONAL: Record<string, { at: (instance: Path) => Path; target: Target; message: Localized }> = {
  'product-needs-product-development': {
    at: (p) => [...p, 'product'],
    target: 'key',
    message: {
      en: '`purpose.product` is only used when `product-development` is the main or a secondary purpose; add it to `purpose.secondary` or remove `product`.',
      nb: '`purpose.product` brukes bare når `product-development` er hovedformål eller sekundærformål; legg det til i `purpose.secondary` eller fjern `product`.',
    },
  },
  'product-development-needs-product': {
    at: (p) => [...p, 'category'],
    target: 'value',
    message: {
      en: 'With `product-development` as a purpose, say which product in `purpose.product`: clinical-decision-support, administrative-decision-support or process-automation.',
      nb: 'Med `product-development` som formål, oppgi hvilket produkt i `purpose.product`: clinical-decision-support, administrative-decision-support eller process-automation.',
    },
  },
  'clinical-testing-needs-decision-support': {
    at: (p) => [...p, 'clinical_testing'],
    target: 'key',
    message: {
      en: '`purpose.clinical_testing` applies only to `product: clinical-decision-support`.',
      nb: '`purpose.clinical_testing` gjelder bare for `product: clinical-decision-support`.',
    },
  },
  'consent-needs-conditions': {
    at: () => ['legal_basis', 'consent'],
    target: 'value',
    message: {
      en: '`legal_basis.consent` is true, but there is no `consent` section. Add one stating that consent is voluntary, specific, informed, unambiguous, documented, in plain language and separable.',
      nb: '`legal_basis.consent` er true, men `consent`-seksjonen mangler. Legg den til, og si at samtykket er frivillig, spesifikt, informert, utvetydig, dokumenterbart, på klart språk og atskillbart.',
    },
  },
  'quality-register-section-only-for-quality-register': {
    at: () => ['quality_register'],
    target: 'key',
    message: {
      en: 'The `quality_register` section applies only when `purpose.category` is `quality-register`.',
      nb: '`quality_register`-seksjonen gjelder bare når `purpose.category` er `quality-register`.',
    },
  },
};

function toIssues(errors: ErrorObject[]): SchemaIssue[] {
  const issues: SchemaIssue[] = [];
  // The keys of each mapping with unknown keys, built once per mapping rather than once per unknown key.
  const keysOf = new Map<unknown, Set<string>>();
  const present = (data: unknown): Set<string> => {
    let keys = keysOf.get(data);
    if (!keys) keysOf.set(data, (keys = new Set(Object.keys((data as Record<string, unknown>) ?? {}))));
    return keys;
  };
  const seen = new Set<string>();
  const push = (issue: SchemaIssue) => {
    const key = `${issue.path.join('\u0000')}|${issue.target}|${issue.message.en}`;
    if (seen.has(key)) return;
    seen.add(key);
    issues.push(issue);
  };
  // Failing conditional constraints first: they replace the errors of their `then` branch.
  const replaced: string[] = [];
  for (const e of errors) {
    if (e.keyword !== 'if') continue;
    const title = (e.parentSchema as { title?: string } | undefined)?.title;
    const known = title ? CONDITIONAL[title] : undefined;
    if (!known) continue;
    replaced.push(e.schemaPath.replace(/\/if$/, '/then'));
    push({ path: known.at(pointerToPath(e.instancePath)), target: known.target, message: known.message, fixes: [] });
  }
  // One fact, one finding: a value that is not one of the allowed values is not also "not a text";
  // the enum finding names the allowed values, which says both.
  const enumAt = new Set(errors.filter((e) => e.keyword === 'enum').map((e) => e.instancePath));
  for (const e of errors) {
    if (e.keyword === 'if' || e.keyword === 'anyOf' || e.keyword === 'oneOf' || e.keyword === 'allOf') continue;
    if (e.keyword === 'type' && enumAt.has(e.instancePath)) continue;
    if (replaced.some((prefix) => e.schemaPath.startsWith(prefix))) continue;
    const issue = toIssue(e, present);
    if (issue) push(issue);
  }
  return mergeMissingKeys(issues);
}

/** One fact, one finding: the keys missing from one mapping are one finding that names them all. */
function mergeMissingKeys(issues: SchemaIssue[]): SchemaIssue[] {
  const byNode = new Map<string, SchemaIssue[]>();
  for (const issue of issues) {
    if (typeof issue.data?.missing !== 'string') continue;
    const key = issue.path.join('\u0000');
    byNode.set(key, [...(byNode.get(key) ?? []), issue]);
  }
  const out: SchemaIssue[] = [];
  for (const issue of issues) {
    const group = typeof issue.data?.missing === 'string' ? byNode.get(issue.path.join('\u0000')) : undefined;
    if (!group || group.length === 1) out.push(issue);
    else if (group[0] === issue) {
      const keys = group.map((g) => `\`${String(g.data?.missing)}\``);
      const where = dotted(issue.path);
      const [en, nb] = [listOf(keys, 'en'), listOf(keys, 'nb')];
      out.push({
        ...issue,
        message: issue.path.length === 0
          ? { en: `The descriptor is missing the top-level keys ${en}.`, nb: `Prosjektbeskrivelsen mangler toppnivånøklene ${nb}.` }
          : { en: `\`${where}\` is missing the required keys ${en}.`, nb: `\`${where}\` mangler de påkrevde nøklene ${nb}.` },
        fixes: group.flatMap((g) => g.fixes),
        data: { missing: group.map((g) => String(g.data?.missing)) },
      });
    }
  }
  return out;
}

/**
 * Values that say what the project is for and what was applied for or decided: the purpose, the
 * approvals (their kind, status and purpose) and the legal basis. The value nearest to a misspelt
 * one there is a guess (`hds-exemption` is nearest to `rek-exemption`, which names another
 * authority), so it is offered but never preferred. A near value elsewhere (`monthly` for
 * `month`) stays the preferred fix.
 */
const DECISION_SECTIONS = new Set(['purpose', 'approvals', 'legal_basis']);
const statesADecision = (path: Path) => typeof path[0] === 'string' && DECISION_SECTIONS.has(path[0]);

/** What a value is, for "(got …)": its kind, with the value itself when it is a text or a number. */
function gotKind(data: unknown): Localized {
  const kind = actualType(data);
  const shown = kind === 'string' || kind === 'number' || kind === 'integer' ? ` \`${show(data)}\`` : '';
  return { en: `${typeName[kind]?.en ?? kind}${shown}`, nb: `${typeName[kind]?.nb ?? kind}${shown}` };
}

function toIssue(e: ErrorObject, present: (data: unknown) => Set<string>): SchemaIssue | undefined {
  const path = pointerToPath(e.instancePath);
  const where = dotted(path);
  const params = e.params as Record<string, unknown>;
  switch (e.keyword) {
    case 'enum': {
      const allowed = (params.allowedValues as unknown[]).map(String);
      // A text as it was written; anything else by its kind (empty, a number, a list), as the type finding would.
      const got: Localized = typeof e.data === 'string' ? { en: `\`${show(e.data)}\``, nb: `\`${show(e.data)}\`` } : gotKind(e.data);
      const near = typeof e.data === 'string' ? closest(e.data, allowed, 3) : [];
      const offered = near.length ? near : allowed.length <= 12 ? allowed : [];
      const title = (v: string): Localized => ({ en: `Change to \`${v}\``, nb: `Endre til \`${v}\`` });
      const fixes: Fix[] = offered.map((v, i) =>
        statesADecision(path)
          ? { id: 'schema-enum', title: title(v), guess: true, edits: [{ op: 'set', path, value: v }] }
          : { id: 'schema-enum', title: title(v), preferred: near.length === 1 && i === 0, edits: [{ op: 'set', path, value: v }] },
      );
      const hint: Localized = near.length
        ? { en: ` Did you mean ${list(near, 'en')}?`, nb: ` Mente du ${list(near, 'nb')}?` }
        : { en: '', nb: '' };
      return {
        path,
        target: 'value',
        message: {
          // What and where first (the Problems panel shows that sentence); the allowed values after it.
          en: `\`${where}\` is not one of the allowed values (got ${got.en}).${hint.en} Allowed: ${allowed.join(', ')}.`,
          nb: `\`${where}\` er ikke en av de tillatte verdiene (fikk ${got.nb}).${hint.nb} Tillatt: ${allowed.join(', ')}.`,
        },
        fixes,
        data: { allowed },
      };
    }
    case 'const': {
      const allowed = params.allowedValue;
      return {
        path,
        target: 'value',
        message: { en: `\`${where}\` must be \`${show(allowed)}\`.`, nb: `\`${where}\` må være \`${show(allowed)}\`.` },
        fixes: [{ id: 'schema-enum', title: { en: `Change to \`${show(allowed)}\``, nb: `Endre til \`${show(allowed)}\`` }, preferred: true, edits: [{ op: 'set', path, value: allowed as string }] }],
      };
    }
    case 'required': {
      const missing = String(params.missingProperty);
      const isRoot = path.length === 0;
      return {
        path,
        target: 'key',
        message: isRoot
          ? { en: `The descriptor is missing the top-level key \`${missing}\`.`, nb: `Prosjektbeskrivelsen mangler toppnivånøkkelen \`${missing}\`.` }
          : { en: `\`${where}\` is missing the required key \`${missing}\`.`, nb: `\`${where}\` mangler den påkrevde nøkkelen \`${missing}\`.` },
        fixes: [],
        data: { missing },
      };
    }
    case 'additionalProperties': {
      const key = String(params.additionalProperty);
      const props = Object.keys(((e.parentSchema as Record<string, unknown>)?.properties as Record<string, unknown>) ?? {});
      const keys = present(e.data);
      const near = closest(key, props.filter((p) => !keys.has(p)), 2);
      const fixes: Fix[] = near.map((k, i) => ({
        id: 'schema-rename-key',
        title: { en: `Rename to \`${k}\``, nb: `Gi nytt navn: \`${k}\`` },
        preferred: near.length === 1 && i === 0,
        edits: [{ op: 'rename-key', path: [...path, key], key: k }],
      }));
      const parent = path.length ? `\`${where}\`` : '';
      const hint: Localized = near.length ? { en: ` Did you mean ${list(near, 'en')}?`, nb: ` Mente du ${list(near, 'nb')}?` } : { en: '', nb: '' };
      return {
        path: [...path, key],
        target: 'key',
        message: {
          en: `Unknown key \`${cut(key)}\`${parent ? ` in ${parent}` : ''}.${hint.en} Allowed: ${props.join(', ')}.`,
          nb: `Ukjent nøkkel \`${cut(key)}\`${parent ? ` i ${parent}` : ''}.${hint.nb} Tillatt: ${props.join(', ')}.`,
        },
        fixes,
        data: { allowed: props },
      };
    }
    case 'type': {
      const want = String(params.type).split(',');
      const wantText = (lang: 'en' | 'nb') => want.map((t) => typeName[t]?.[lang] ?? t).join(lang === 'en' ? ' or ' : ' eller ');
      const got = gotKind(e.data);
      return {
        path,
        target: 'value',
        message: {
          en: `\`${where}\` must be ${wantText('en')} (got ${got.en}).`,
          nb: `\`${where}\` må være ${wantText('nb')} (fikk ${got.nb}).`,
        },
        fixes: [],
      };
    }
    case 'pattern': {
      const pattern = String(params.pattern);
      const known = knownPatterns.find(([re]) => re.test(pattern))?.[1];
      return {
        path,
        target: 'value',
        message: known
          ? { en: `\`${where}\` must be ${known.en} (got \`${show(e.data)}\`).`, nb: `\`${where}\` må være ${known.nb} (fikk \`${show(e.data)}\`).` }
          : { en: `\`${where}\` must match ${pattern} (got \`${show(e.data)}\`).`, nb: `\`${where}\` må samsvare med ${pattern} (fikk \`${show(e.data)}\`).` },
        fixes: [],
      };
    }
    case 'minItems':
    case 'maxItems': {
      const n = Number(params.limit);
      const more = e.keyword === 'minItems';
      return {
        path,
        target: 'value',
        message: {
          en: `\`${where}\` must have ${more ? 'at least' : 'at most'} ${n} item${n === 1 ? '' : 's'}.`,
          nb: `\`${where}\` må ha ${more ? 'minst' : 'høyst'} ${n} element${n === 1 ? '' : 'er'}.`,
        },
        fixes: [],
      };
    }
    case 'minLength':
      return {
        path,
        target: 'value',
        message: { en: `\`${where}\` must not be empty.`, nb: `\`${where}\` kan ikke være tom.` },
        fixes: [],
      };
    case 'minimum':
    case 'maximum':
    case 'exclusiveMinimum':
    case 'exclusiveMaximum': {
      const op = { minimum: '>=', maximum: '<=', exclusiveMinimum: '>', exclusiveMaximum: '<' }[e.keyword];
      return {
        path,
        target: 'value',
        message: { en: `\`${where}\` must be ${op} ${String(params.limit)}.`, nb: `\`${where}\` må være ${op} ${String(params.limit)}.` },
        fixes: [],
      };
    }
    case 'uniqueItems':
      return {
        path,
        target: 'value',
        message: { en: `\`${where}\` lists the same item twice.`, nb: `\`${where}\` har samme element to ganger.` },
        fixes: [],
      };
    default:
      return {
        path,
        target: 'value',
        message: { en: `\`${where}\` ${e.message ?? 'is not valid'}.`, nb: `\`${where}\` er ikke gyldig (${e.message ?? ''}).` },
        fixes: [],
      };
  }
}

/** The schema node for a path (through properties, items and local $refs). */
export function schemaAt(schema: Record<string, unknown>, path: Path): Record<string, unknown> | undefined {
  const deref = (s: Record<string, unknown> | undefined): Record<string, unknown> | undefined => {
    let cur = s;
    for (let i = 0; i < 10 && cur && typeof cur.$ref === 'string'; i++) {
      const ref = cur.$ref as string;
      const parts = ref.replace(/^#\//, '').split('/');
      let next: unknown = schema;
      for (const p of parts) next = (next as Record<string, unknown>)?.[p];
      cur = { ...(next as Record<string, unknown>), ...Object.fromEntries(Object.entries(cur).filter(([k]) => k !== '$ref')) };
    }
    return cur;
  };
  let cur: Record<string, unknown> | undefined = schema;
  for (const seg of path) {
    cur = deref(cur);
    if (!cur) return undefined;
    if (typeof seg === 'number') cur = cur.items as Record<string, unknown> | undefined;
    else cur = (cur.properties as Record<string, Record<string, unknown>> | undefined)?.[seg];
  }
  return deref(cur);
}
