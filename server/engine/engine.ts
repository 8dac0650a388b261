/**
 * The engine: text in, placed findings out. Parse once, validate structure with the schema,
 * build the typed model once, run every enabled rule on it, map paths to ranges, apply
 * severities and suppression comments. The language server and the CLI both call `check`.
 */
import { rules, RULES_WITHOUT_PURPOSE, type RuleId } from '../../rules';
import type { Rule, RuleOptions } from '../../rules/rule';
import { INPUT_LIMIT, INTERNAL_ERROR, SCHEMA, YAML_SYNTAX } from '../../rules/builtin';
import { buildModel, type Model } from '../../rules/domain/model';
import { routeFor, undecidedRoute, type Route } from '../../rules/domain/routing';
import { format, pick } from '../../rules/domain/text';
import { osloDate } from '../../rules/domain/working-days';
import type { Finding, Fix, Lang, Localized, Path, Severity, SeveritySetting, Target } from '../../rules/domain/types';
import { COMPLEX_KEY, LIMITS, parse, type Parsed } from './parse';
import { validateSchema } from './schema';
import { position, rangeFor } from './yaml-paths';

type Severities = Readonly<Partial<Record<RuleId, SeveritySetting>>>;

export interface CheckOptions {
  lang: Lang;
  /** Per-rule severity overrides (rule id -> severity or `off`). */
  severities?: Severities;
  variablesManyThreshold?: number;
  fileExists?: RuleOptions['fileExists'];
  pathRefused?: RuleOptions['pathRefused'];
  /** Today's date, YYYY-MM-DD (the system date when not given). */
  today?: string;
  /** The rules to run; the registry's when not given. */
  rules?: readonly Rule<RuleId>[];
  /**
   * The text of the approved version of this descriptor (see `baseline.ts`), parsed with the same
   * parser; the rules then see it as `baseline` and report what changed since.
   */
  baseline?: string;
  /** Where the approved version came from, for messages (`git:v1.0`, a file name). */
  baselineLabel?: string;
  /** Why the approved version could not be read; reported as a finding of `change-needs-application`. */
  baselineProblem?: Localized;
}

/** A finding placed in the document, in the user's language. */
export interface Placed {
  rule: RuleId;
  severity: Severity;
  message: string;
  /** Offsets into the text, end exclusive. */
  start: number;
  end: number;
  /** 0-based line and UTF-16 column, as LSP wants them. */
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  fixes: Fix[];
  data?: Record<string, unknown>;
}

export interface CheckOutput {
  parsed: Parsed;
  model?: Model;
  /** The route the rules saw: approvals, authority and attachments for this purpose and these sources. */
  route?: Route;
  /**
   * Why no route is decided (the purpose is missing or not a purpose): the rules that depend on the
   * route did not run, and the preview and the status bar conclude nothing about it.
   */
  undecided?: Localized;
  /** The approved version the rules compared with, when one was given and could be read. */
  baseline?: Model;
  /** Why the approved version that was asked for could not be read. */
  baselineProblem?: Localized;
  results: Placed[];
}

const DEFAULT_VARIABLES_MANY_THRESHOLD = 40;

const RANK: Record<Severity, number> = { information: 0, warning: 1, error: 2 };

function effectiveSeverity(rule: RuleId, defaultSeverity: Severity, severities?: Severities): SeveritySetting {
  return severities?.[rule] ?? defaultSeverity;
}

export function check(textOrParsed: string | Parsed, options: CheckOptions): CheckOutput {
  const parsed = typeof textOrParsed === 'string' ? parse(textOrParsed) : textOrParsed;
  const results: Placed[] = [];
  const lang = options.lang;

  const place = (
    rule: RuleId,
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

  const schemaSeverity = effectiveSeverity(SCHEMA, 'error', options.severities);
  for (const p of parsed.problems) {
    // A mapping or list as a key is valid YAML the format does not allow: a schema finding.
    if (p.kind === 'structure') {
      if (schemaSeverity !== 'off') place(SCHEMA, schemaSeverity, pick(p.message, lang), { start: p.start, end: p.end });
    } else place(p.kind === 'yaml' ? YAML_SYNTAX : INPUT_LIMIT, 'error', pick(p.message, lang), { start: p.start, end: p.end });
  }
  // Exit 1: a stated limit was hit, or nothing could be read at all; only those problems are reported.
  if (parsed.problems.some((p) => p.kind === 'limit') || (parsed.value === undefined && parsed.problems.length > 0)) {
    return { parsed, results: capFindings(parsed, applySuppressions(parsed, results), lang) };
  }

  const issues = validateSchema(parsed.value);
  // A descriptor of another format version fails only on `descriptor`: say that, and nothing else.
  const versionProblem = issues.length === 1 && issues[0].path.length === 1 && issues[0].path[0] === 'descriptor' && issues[0].data && 'version' in issues[0].data;
  const hasSyntaxErrors = parsed.problems.some((p) => p.kind !== 'structure');
  if (schemaSeverity !== 'off' || versionProblem) {
    for (const issue of issues) {
      // With a syntax error, keys that seem missing are usually swallowed by it: report the syntax error only.
      if (hasSyntaxErrors && issue.data && 'missing' in issue.data) continue;
      // A mapping used as a key was reported where it is; its stand-in key is not "unknown" besides.
      if (issue.path.includes(COMPLEX_KEY)) continue;
      place(SCHEMA, versionProblem ? 'error' : (schemaSeverity as Severity), pick(issue.message, lang), issue, issue.fixes, issue.data);
    }
  }
  // Exit 2: another format version; the rules of this version do not apply to it.
  if (versionProblem) return { parsed, results: capFindings(parsed, results, lang) };

  // Exit 3: the rules run on the typed model, with the route computed once for all of them.
  const model = buildModel(parsed.value);
  const today = options.today ?? osloDate(new Date());
  const route = model ? routeFor(model, today) : undefined;
  const undecided = model ? undecidedRoute(model) : undefined;
  const approved = options.baseline !== undefined ? baselineModel(options.baseline) : undefined;
  const baseline = approved && 'model' in approved ? approved.model : undefined;
  const baselineProblem = options.baselineProblem ?? (approved && 'problem' in approved ? approved.problem : undefined);
  if (model && route && !hasSyntaxErrors) {
    const ruleOptions: RuleOptions = {
      variablesManyThreshold: options.variablesManyThreshold ?? DEFAULT_VARIABLES_MANY_THRESHOLD,
      fileExists: options.fileExists,
      pathRefused: options.pathRefused,
      today,
      baselineLabel: options.baselineLabel,
      baselineProblem,
    };
    for (const rule of options.rules ?? (rules as readonly Rule<RuleId>[])) {
      // No purpose, no route: only what does not depend on it is checked, so a typo gets no follow-on findings.
      if (undecided && !RULES_WITHOUT_PURPOSE.has(rule.id)) continue;
      const severity = effectiveSeverity(rule.id, rule.severity, options.severities);
      if (severity === 'off') continue;
      const userSet = options.severities?.[rule.id] !== undefined;
      const report = (f: Finding) => {
        const template = rule.messages[f.message];
        const text = template ? format(pick(template, lang), f.args, lang) : pick(rule.description, lang);
        const own = f.severity && !userSet && RANK[f.severity] < RANK[severity] ? f.severity : severity;
        place(rule.id, own, text, f, f.fixes ?? [], f.data);
      };
      try {
        rule.check({ model, route, baseline, options: ruleOptions, report });
      } catch (err) {
        place(INTERNAL_ERROR, 'error', pick(internalMessage(rule.id, err), lang), { path: [], target: 'key' });
      }
    }
  }
  results.sort((a, b) => a.start - b.start || a.end - b.end);
  return { parsed, model, route, undecided, baseline, baselineProblem, results: capFindings(parsed, applySuppressions(parsed, results), lang) };
}

/**
 * At most `LIMITS.maxFindings` findings per file: the most severe are kept (errors decide the exit
 * status), and one more finding, at the top of the file and as severe as the most severe one left
 * out, says how many were left out. No file makes hundreds of thousands of diagnostics.
 */
function capFindings(parsed: Parsed, results: Placed[], lang: Lang): Placed[] {
  const max = LIMITS.maxFindings;
  if (results.length <= max) return results;
  const order = results.map((_, i) => i).sort((a, b) => RANK[results[b].severity] - RANK[results[a].severity] || a - b);
  const keep = new Set(order.slice(0, max - 1));
  const shown = results.filter((_, i) => keep.has(i));
  const omitted = results.filter((_, i) => !keep.has(i));
  const count = (s: Severity) => omitted.filter((r) => r.severity === s).length;
  const severity = omitted.reduce<Severity>((worst, r) => (RANK[r.severity] > RANK[worst] ? r.severity : worst), 'information');
  const n = (x: number, l: Lang) => x.toLocaleString(l === 'nb' ? 'nb-NO' : 'en-US');
  const parts = (l: Lang) => {
    const names: Record<Severity, Localized> = { error: { en: 'errors', nb: 'feil' }, warning: { en: 'warnings', nb: 'advarsler' }, information: { en: 'information', nb: 'informasjon' } };
    return (['error', 'warning', 'information'] as const).filter((s) => count(s) > 0).map((s) => `${n(count(s), l)} ${names[s][l]}`).join(', ');
  };
  const message: Localized = {
    en: `${n(omitted.length, 'en')} more findings are not shown (${parts('en')}): the checker reports at most ${n(max, 'en')} per file, the most severe first. Fix the ones shown and check again.`,
    nb: `${n(omitted.length, 'nb')} funn til vises ikke (${parts('nb')}): kontrollen viser høyst ${n(max, 'nb')} per fil, de alvorligste først. Rett dem som vises, og kontroller på nytt.`,
  };
  const nl = parsed.text.indexOf('\n');
  const end = Math.max(0, Math.min(nl === -1 ? parsed.text.length : nl, 200));
  const summary: Placed = {
    rule: INPUT_LIMIT,
    severity,
    message: pick(message, lang),
    start: 0,
    end,
    range: { start: position(parsed.lineCounter, 0), end: position(parsed.lineCounter, end) },
    fixes: [],
    data: { omitted: omitted.length },
  };
  return [summary, ...shown];
}

/**
 * The approved version's model, or why there is none. Fix-all and the editor check the same
 * baseline text many times, so the last one is kept: a pure function's memo, not state.
 */
let lastBaseline: { text: string; result: { model: Model } | { problem: Localized } } | undefined;
function baselineModel(text: string): { model: Model } | { problem: Localized } {
  if (lastBaseline?.text === text) return lastBaseline.result;
  const parsed = parse(text);
  const model = parsed.problems.length === 0 ? buildModel(parsed.value) : undefined;
  const first = parsed.problems[0];
  const line = first ? position(parsed.lineCounter, first.start).line + 1 : 0;
  const why: Localized = !first
    ? { en: '', nb: '' }
    : first.kind === 'yaml'
      ? { en: ` (a YAML error on line ${line})`, nb: ` (YAML-feil på linje ${line})` }
      : { en: ` (${first.message.en})`, nb: ` (${first.message.nb})` };
  const result = model ? { model } : { problem: { en: `it is not a readable descriptor${why.en}`, nb: `den er ikke en lesbar prosjektbeskrivelse${why.nb}` } };
  lastBaseline = { text, result };
  return result;
}

function internalMessage(id: string, err: unknown): Localized {
  const m = err instanceof Error ? err.message : String(err);
  return {
    en: `Internal error in rule ${id}: ${m}. The other rules ran; please report this.`,
    nb: `Intern feil i regelen ${id}: ${m}. De andre reglene ble kjørt; meld gjerne fra om dette.`,
  };
}

const SUPPRESS = /#\s*descriptor-disable(?:-(next-line|line)|(?![-\w]))([^\n#]*)/g;

/**
 * `# descriptor-disable-next-line <id> [<id>...]` silences findings on the next line;
 * `# descriptor-disable-line <id>` at the end of a line silences that line;
 * `# descriptor-disable <id>` on a line of its own silences the rule in the whole file. No ids: every rule.
 */
function applySuppressions(parsed: Parsed, results: Placed[]): Placed[] {
  const text = parsed.text;
  if (!text.includes('descriptor-disable')) return results;
  const byLine = new Map<number, Set<string> | 'all'>();
  let wholeFile: Set<string> | 'all' | undefined;
  const add = (prev: Set<string> | 'all' | undefined, ids: string[]) => (ids.length === 0 || prev === 'all' ? 'all' : new Set([...(prev ?? []), ...ids]));
  for (const m of text.matchAll(SUPPRESS)) {
    const ids = m[2].split(/[\s,]+/).filter(Boolean);
    if (m[1] === undefined) {
      // The file-wide form counts only on a comment line of its own, not after a value.
      const start = text.lastIndexOf('\n', (m.index ?? 0) - 1) + 1;
      if (text.slice(start, m.index).trim() === '') wholeFile = add(wholeFile, ids);
      continue;
    }
    const line = position(parsed.lineCounter, m.index ?? 0).line + (m[1] === 'next-line' ? 1 : 0);
    byLine.set(line, add(byLine.get(line), ids));
  }
  if (wholeFile === 'all') return [];
  if (wholeFile) {
    const off = wholeFile;
    results = results.filter((r) => !off.has(r.rule));
  }
  if (byLine.size === 0) return results;
  return results.filter((r) => {
    const s = byLine.get(r.range.start.line);
    return !(s === 'all' || s?.has(r.rule));
  });
}
