/**
 * Configuration shared by the CLI and the language server: the workspace file
 * `.descriptor-check.yaml` (found next to the descriptor or in a parent folder) and editor settings.
 * Precedence, lowest first: rule defaults, the workspace file, editor settings.
 */
import { dirname, join, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { isRuleId, type RuleId } from '../../rules';
import type { Lang, SeveritySetting } from '../../rules/domain/types';
import type { CheckOptions } from '../engine/engine';
import { isRegularFile, readRegularFile } from './files';

export const CONFIG_FILES = ['.descriptor-check.yaml', '.descriptor-check.yml'];
const SEVERITIES: readonly SeveritySetting[] = ['off', 'information', 'warning', 'error'];

export interface Config {
  language?: Lang;
  rules: Partial<Record<RuleId, SeveritySetting>>;
  variablesManyThreshold?: number;
  /** Where it came from, for messages. */
  file?: string;
  /** Problems in the file itself (never fatal): the CLI prints them as warnings, the language server shows each once as a message. */
  problems: string[];
}

const emptyConfig = (): Config => ({ rules: {}, problems: [] });

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
  let raw: unknown;
  try {
    const read = readRegularFile(file);
    if ('problem' in read) throw new Error(read.problem.en);
    raw = parseYaml(read.text, { maxAliasCount: 10 });
  } catch (e) {
    config.problems.push(`${file}: cannot be read (${e instanceof Error ? e.message.split('\n')[0] : String(e)}); using defaults`);
    return config;
  }
  return interpretConfig(raw, config);
}

/** Reads a configuration object (from the workspace file or editor settings). */
export function interpretConfig(raw: unknown, into: Config = emptyConfig()): Config {
  if (raw === null || raw === undefined) return into;
  const where = into.file ?? 'settings';
  if (typeof raw !== 'object' || Array.isArray(raw)) {
    into.problems.push(`${where}: expected a mapping with \`rules\`, \`language\` or \`variables_many\``);
    return into;
  }
  const o = raw as Record<string, unknown>;
  if (o.language === 'en' || o.language === 'nb') into.language = o.language;
  else if (o.language !== undefined && o.language !== 'auto') into.problems.push(`${where}: language must be en, nb or auto`);
  const rules = o.rules;
  if (rules && typeof rules === 'object' && !Array.isArray(rules)) {
    for (const [id, sev] of Object.entries(rules as Record<string, unknown>)) {
      if (!isRuleId(id)) {
        into.problems.push(`${where}: unknown rule id \`${id}\` in rules`);
        continue;
      }
      const s = sev === 'info' ? 'information' : sev;
      if (typeof s === 'string' && (SEVERITIES as readonly string[]).includes(s)) into.rules[id] = s as SeveritySetting;
      else into.problems.push(`${where}: rule \`${id}\` must be off, information, warning or error`);
    }
  }
  const vm = o.variables_many ?? o.variablesMany;
  const threshold = typeof vm === 'number' ? vm : vm && typeof vm === 'object' ? (vm as Record<string, unknown>).threshold : undefined;
  if (typeof threshold === 'number' && Number.isInteger(threshold) && threshold > 0) into.variablesManyThreshold = threshold;
  else if (threshold !== undefined) into.problems.push(`${where}: variables_many.threshold must be a positive whole number`);
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
 * its fix-all and the CLI all use it, so a rule set to `off` is off everywhere.
 */
export function checkOptions(config: Config, lang: Lang, dir?: string): CheckOptions {
  return {
    lang,
    severities: config.rules,
    variablesManyThreshold: config.variablesManyThreshold,
    fileExists: dir ? (rel) => isRegularFile(resolve(dir, rel)) : undefined,
  };
}
