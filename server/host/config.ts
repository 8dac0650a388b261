/**
 * Configuration shared by the CLI and the language server: the workspace file
 * `.descriptor-check.yaml` (found next to the descriptor or in a parent folder) and editor settings.
 * Precedence, lowest first: rule defaults, the workspace file, editor settings.
 * The file's JSON schema (schemas/descriptor-check.schema.json) is generated from the rule
 * registry by `configSchema()`; its problems are placed at the key they are about, in both languages.
 */
import { dirname, join } from 'node:path';
import { isRuleId, ruleMetas, type RuleId } from '../../rules';
import type { Lang, Localized, Path, SeveritySetting } from '../../rules/domain/types';
import { say } from '../../rules/domain/text';
import type { CheckOptions } from '../engine/engine';
import { parse } from '../engine/parse';
import { isRegularFile, readRegularFile } from './files';
import { namedFileChecks } from './paths';

const CONFIG_FILES = ['.descriptor-check.yaml', '.descriptor-check.yml'];
const SEVERITIES: readonly SeveritySetting[] = ['off', 'information', 'warning', 'error'];

/** A problem in the configuration: what is wrong, and the key it is about (empty: the whole file). */
export interface ConfigProblem {
  path: Path;
  message: Localized;
}

export interface Config {
  language?: Lang;
  rules: Partial<Record<RuleId, SeveritySetting>>;
  variablesManyThreshold?: number;
  /** Where it came from, for messages. */
  file?: string;
  /** Problems in the file itself (never fatal): the CLI prints them as warnings, the language server shows them on the file. */
  problems: ConfigProblem[];
  /** The file could not be read at all (the CLI's `--config` then fails). */
  unreadable?: boolean;
}

const emptyConfig = (): Config => ({ rules: {}, problems: [] });

/** A problem as one line: `<file>: <message>` in `lang`. */
export function problemLine(config: Pick<Config, 'file'>, p: ConfigProblem, lang: Lang): string {
  return `${config.file ?? say({ en: 'settings', nb: 'innstillingene' }, lang)}: ${say(p.message, lang)}`;
}

/** The nearest `.descriptor-check.yaml` at or above `dir`. */
export function findConfigFile(dir: string): string | undefined {
  let cur = dir;
  for (;;) {
    for (const name of CONFIG_FILES) {
      const p = join(cur, name);
      if (isRegularFile(p)) return p;
    }
    const up = dirname(cur);
    if (up === cur) return undefined;
    cur = up;
  }
}

export function readConfigFile(file: string): Config {
  const config: Config = { rules: {}, problems: [], file };
  const read = readRegularFile(file);
  if ('problem' in read) {
    config.unreadable = true;
    config.problems.push({ path: [], message: { en: `${read.problem.en}; using the defaults`, nb: `${read.problem.nb}; standardinnstillingene brukes` } });
    return config;
  }
  const parsed = parse(read.text);
  const broken = parsed.problems[0];
  if (broken) {
    config.problems.push({ path: [], message: { en: `${broken.message.en} Using the defaults.`, nb: `${broken.message.nb} Standardinnstillingene brukes.` } });
    return config;
  }
  return interpretConfig(parsed.value, config);
}

/** Reads a configuration object (from the workspace file or editor settings). */
export function interpretConfig(raw: unknown, into: Config = emptyConfig()): Config {
  if (raw === null || raw === undefined) return into;
  const problem = (path: Path, en: string, nb: string) => into.problems.push({ path, message: { en, nb } });
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    problem([], 'expected a mapping with `rules`, `language` or `variables_many`', 'forventet en tilordning med `rules`, `language` eller `variables_many`');
    return into;
  }
  const o = raw as Record<string, unknown>;
  if (o.language === 'en' || o.language === 'nb') into.language = o.language;
  else if (o.language !== undefined && o.language !== 'auto') problem(['language'], '`language` must be en, nb or auto', '`language` må være en, nb eller auto');
  const rules = o.rules;
  if (rules && typeof rules === 'object' && !Array.isArray(rules)) {
    for (const [id, sev] of Object.entries(rules as Record<string, unknown>)) {
      if (!isRuleId(id)) {
        problem(['rules', id], `unknown rule id \`${id}\` in rules`, `ukjent regel-id \`${id}\` under rules`);
        continue;
      }
      const s = sev === 'info' ? 'information' : sev;
      if (typeof s === 'string' && (SEVERITIES as readonly string[]).includes(s)) into.rules[id] = s as SeveritySetting;
      else problem(['rules', id], `rule \`${id}\` must be off, information, warning or error`, `regelen \`${id}\` må være off, information, warning eller error`);
    }
  } else if (rules !== undefined && rules !== null) problem(['rules'], '`rules` must be a mapping from rule ids to severities', '`rules` må være en tilordning fra regel-id-er til alvorlighetsgrader');
  const key = o.variables_many !== undefined ? 'variables_many' : 'variablesMany';
  const vm = o[key];
  const threshold = typeof vm === 'number' ? vm : vm && typeof vm === 'object' ? (vm as Record<string, unknown>).threshold : undefined;
  if (typeof threshold === 'number' && Number.isInteger(threshold) && threshold > 0) into.variablesManyThreshold = threshold;
  else if (threshold !== undefined) problem(typeof vm === 'number' ? [key] : [key, 'threshold'], '`variables_many.threshold` must be a positive whole number', '`variables_many.threshold` må være et positivt heltall');
  return into;
}

/** Later configs override earlier ones. */
export function mergeConfigs(...configs: (Config | undefined)[]): Config {
  const out = emptyConfig();
  for (const c of configs) {
    if (!c) continue;
    if (c.language) out.language = c.language;
    Object.assign(out.rules, c.rules);
    if (c.variablesManyThreshold !== undefined) out.variablesManyThreshold = c.variablesManyThreshold;
    out.problems.push(...c.problems);
    out.file = c.file ?? out.file;
  }
  return out;
}

/**
 * The one place check options are built from a configuration: the language server's diagnostics,
 * its fix-all and the CLI all use it, so a rule set to `off` is off everywhere. Files the descriptor
 * names are looked for inside its folder `dir` and the workspace folders `roots` only.
 */
export function checkOptions(config: Config, lang: Lang, dir?: string, roots: readonly string[] = []): CheckOptions {
  return {
    lang,
    severities: config.rules,
    variablesManyThreshold: config.variablesManyThreshold,
    ...(dir ? namedFileChecks(dir, roots) : {}),
  };
}

/** The JSON schema of `.descriptor-check.yaml`, from the rule registry (written to schemas/ by `npm run docs`). */
export function configSchema(): object {
  const severity = { type: 'string', enum: [...SEVERITIES, 'info'] };
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: 'https://github.com/descriptor-tools/health-data-descriptor/schemas/descriptor-check.schema.json',
    title: '.descriptor-check.yaml',
    description: 'Settings for the project descriptor checker in this folder and the folders below it.',
    type: 'object',
    additionalProperties: false,
    properties: {
      language: { type: 'string', enum: ['en', 'nb', 'auto'], description: 'The language to speak about descriptors here (the CLI\'s --lang and the editor setting win over this).' },
      rules: {
        type: 'object',
        description: 'Severity per rule id: off, information, warning or error.',
        additionalProperties: false,
        properties: Object.fromEntries(ruleMetas.map((m) => [m.id, { ...severity, description: `${m.description.en} (default: ${m.severity})` }])),
      },
      variables_many: {
        type: 'object',
        additionalProperties: false,
        properties: { threshold: { type: 'integer', minimum: 1, description: 'How many variables from one source are many (variables-many).' } },
      },
    },
  };
}
