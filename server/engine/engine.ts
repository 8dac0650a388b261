/**
 * The engine: text in, placed findings out. Parse once, validate structure with the schema,
 * build the typed model once, run every enabled rule on it, map paths to ranges, apply
 * severities and suppression comments. The language server and the CLI both call `check`.
 */
import { rules, type RuleId } from '../../rules';
import type { Rule, RuleOptions } from '../../rules/rule';
import { builtinMeta, INPUT_LIMIT, YAML_SYNTAX, INTERNAL_ERROR } from '../../rules/builtin';
import { buildModel, type Model } from '../../rules/domain/model';
import { parse, type Parsed } from './parse';
import { position, rangeFor } from './yaml-paths';
import { SCHEMA_RULE, validateSchema } from './schema';
import { format, pick } from '../../rules/domain/text';
import type { Fix, Lang, Localized, Path, Result, Severity, SeveritySetting, Target } from '../../rules/domain/types';

export interface CheckOptions {
  lang: Lang;
  /** Per-rule severity overrides (rule id -> severity or `off`). */
  severities?: Readonly<Record<string, SeveritySetting>>;
  variablesManyThreshold?: number;
  fileExists?: RuleOptions['fileExists'];
  /** Skip domain rules (structure only); used when only the schema matters. */
  schemaOnly?: boolean;
}

export interface CheckOutput {
  parsed: Parsed;
  model?: Model;
  results: Result[];
}

export const DEFAULT_VARIABLES_MANY_THRESHOLD = 40;

export function effectiveSeverity(rule: string, defaultSeverity: Severity, severities?: Readonly<Record<string, SeveritySetting>>): SeveritySetting {
  return severities?.[rule] ?? defaultSeverity;
}

export function check(textOrParsed: string | Parsed, options: CheckOptions): CheckOutput {
  const parsed = typeof textOrParsed === 'string' ? parse(textOrParsed) : textOrParsed;
  const results: Result[] = [];
  const lang = options.lang;

  const place = (
    rule: string,
    severity: Severity,
    message: string,
    at: { path: Path; target?: Target } | { start: number; end: number },
    fixes: Fix[] = [],
    data?: Record<string, unknown>,
  ) => {
    const [start, end] = 'path' in at ? rangeFor(parsed, at.path, at.target) : [at.start, at.end];
    const s = Math.max(0, Math.min(start, parsed.text.length));
    const e = Math.max(s, Math.min(end, parsed.text.length));
    results.push({
      rule,
      severity,
      message,
      start: s,
      end: e,
      range: { start: position(parsed.lineCounter, s), end: position(parsed.lineCounter, e) },
      fixes,
      data,
    });
  };

  for (const p of parsed.problems) {
    place(p.kind === 'yaml' ? YAML_SYNTAX : INPUT_LIMIT, 'error', pick(p.message, lang), { start: p.start, end: p.end });
  }
  if (parsed.problems.some((p) => p.kind === 'limit') || parsed.value === undefined && parsed.problems.length > 0) {
    return { parsed, results: applySuppressions(parsed, results) };
  }

  const schemaSeverity = effectiveSeverity(SCHEMA_RULE, 'error', options.severities);
  const issues = validateSchema(parsed.value);
  const versionProblem = issues.length === 1 && issues[0].path.length === 1 && issues[0].path[0] === 'descriptor' && issues[0].data && 'version' in issues[0].data;
  const hasSyntaxErrors = parsed.problems.length > 0;
  if (schemaSeverity !== 'off' || versionProblem) {
    for (const issue of issues) {
      // With a syntax error, keys that seem missing are usually swallowed by it: report the syntax error only.
      if (hasSyntaxErrors && issue.data && 'missing' in issue.data) continue;
      place(SCHEMA_RULE, versionProblem ? 'error' : (schemaSeverity as Severity), pick(issue.message, lang), issue, issue.fixes, issue.data);
    }
  }
  if (versionProblem) return { parsed, results };

  const model = buildModel(parsed.value);
  if (model && !hasSyntaxErrors && !options.schemaOnly) {
    const ruleOptions: RuleOptions = {
      variablesManyThreshold: options.variablesManyThreshold ?? DEFAULT_VARIABLES_MANY_THRESHOLD,
      fileExists: options.fileExists,
    };
    for (const rule of rules as readonly Rule[]) {
      const severity = effectiveSeverity(rule.id, rule.severity, options.severities);
      if (severity === 'off') continue;
      let findings;
      try {
        findings = rule.check({ model, options: ruleOptions });
      } catch (err) {
        place(INTERNAL_ERROR, 'error', pick(internalMessage(rule.id, err), lang), { path: [], target: 'key' });
        continue;
      }
      for (const f of findings) {
        const template = rule.messages[f.message];
        const text = template ? format(pick(template, lang), f.args, lang) : pick(rule.description, lang);
        place(rule.id, severity, text, f, f.fixes ?? [], f.data);
      }
    }
  }
  results.sort((a, b) => a.start - b.start || a.end - b.end);
  return { parsed, model, results: applySuppressions(parsed, results) };
}

function internalMessage(id: string, err: unknown): Localized {
  const m = err instanceof Error ? err.message : String(err);
  return {
    en: `Internal error in rule ${id}: ${m}. The other rules ran; please report this.`,
    nb: `Intern feil i regelen ${id}: ${m}. De andre reglene ble kjørt; meld gjerne fra om dette.`,
  };
}

const SUPPRESS = /#\s*descriptor-disable-(next-line|line)\b([^\n#]*)/g;

/**
 * `# descriptor-disable-next-line <id> [<id>...]` silences findings on the next line;
 * `# descriptor-disable-line <id>` at the end of a line silences that line. No ids: every rule.
 */
function applySuppressions(parsed: Parsed, results: Result[]): Result[] {
  const text = parsed.text;
  if (!text.includes('descriptor-disable')) return results;
  const byLine = new Map<number, Set<string> | 'all'>();
  for (const m of text.matchAll(SUPPRESS)) {
    const line = position(parsed.lineCounter, m.index ?? 0).line + (m[1] === 'next-line' ? 1 : 0);
    const ids = m[2].split(/[\s,]+/).filter(Boolean);
    const prev = byLine.get(line);
    if (ids.length === 0 || prev === 'all') byLine.set(line, 'all');
    else byLine.set(line, new Set([...(prev ?? []), ...ids]));
  }
  if (byLine.size === 0) return results;
  return results.filter((r) => {
    const s = byLine.get(r.range.start.line);
    return !(s === 'all' || s?.has(r.rule));
  });
}

/** Every rule id the engine can report, domain rules first. */
export function allRuleMetas() {
  return [...(rules as readonly Rule[]), ...builtinMeta];
}

export type { RuleId };
