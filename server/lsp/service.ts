/**
 * The language service: one parse and one check per (document, version, settings), shared by
 * diagnostics and every editor feature. Built once by the server and configured on `initialize`;
 * all state lives in this instance.
 */
import { dirname } from 'node:path';
import { readFileSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver';
import { DiagnosticSeverity } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { RuleId } from '../../rules';
import { langFromLocale } from '../../rules/domain/text';
import type { Fix, Lang } from '../../rules/domain/types';
import { baselineOptions, findBaseline, GitReader } from '../engine/baseline';
import { checkOptions, findConfigFile, interpretConfig, mergeConfigs, readConfigFile, type Config } from '../engine/config';
import { check, type CheckOptions, type CheckOutput, type Placed } from '../engine/engine';
import { fixAll } from '../engine/fix-all';
import { parse } from '../engine/parse';
import { ruleDocUrl } from '../engine/product';

export const DIAGNOSTIC_SOURCE = 'project-descriptor';

/** Editor settings under `descriptor.*`. */
export interface EditorSettings {
  language?: 'auto' | Lang;
  rules?: Record<string, unknown>;
  variablesMany?: { threshold?: number };
  /** The approved version when the descriptor names none and has no `.approved.yaml` twin: a file relative to it, or `git:<rev>` (a bare revision works too). */
  baseline?: string;
}

/** Diagnostic `data` sent to the client: what code actions need, nothing else. */
export interface DiagnosticData {
  rule: RuleId;
  fixes: Fix[];
  extra?: Record<string, unknown>;
}

export interface Analysis extends CheckOutput {
  uri: string;
  version: number;
  lang: Lang;
  /** The folder of the descriptor on disk, when it has one. */
  dir?: string;
  /** The options the check ran with; fix-all re-checks with the same ones. */
  options: CheckOptions;
  /** The workspace configuration file that applied, if any. */
  configFile?: string;
}

interface Entry {
  version: number;
  epoch: number;
  analysis: Analysis;
}

export function uriToPath(uri: string): string | undefined {
  if (!uri.startsWith('file:')) return undefined;
  try {
    return fileURLToPath(uri);
  } catch {
    return undefined;
  }
}

export class DescriptorService {
  private readonly cache = new Map<string, Entry>();
  private readonly workspaceConfigs = new Map<string, Config | undefined>();
  /** Language for `auto`: the client's display language. */
  private displayLang: Lang = 'en';
  private editorSettings: EditorSettings = {};
  /** Bumped whenever settings change, so cached analyses are recomputed. */
  private epoch = 0;
  /** Reads baselines at git revisions; what a branch points at is looked up again after a few seconds. */
  private git = new GitReader({ revisionTtlMs: 5000 });

  /** Called once on `initialize` with the client's locale and the settings it sent. */
  configure(locale: string | undefined, settings: EditorSettings | undefined): void {
    this.displayLang = langFromLocale(locale);
    this.setEditorSettings(settings);
  }

  setEditorSettings(settings: EditorSettings | undefined): void {
    this.editorSettings = settings ?? {};
    this.epoch++;
  }

  /** Call when a `.descriptor-check.yaml` changed. */
  invalidateWorkspaceConfig(): void {
    this.workspaceConfigs.clear();
    this.epoch++;
  }

  /** Call when an approved version changed on disk (an `.approved.yaml` twin, or the repository's history). */
  invalidateBaselines(): void {
    this.git = new GitReader({ revisionTtlMs: 5000 });
    this.epoch++;
  }

  get settingsEpoch(): number {
    return this.epoch;
  }

  /** The workspace file for a document (cached until it changes), merged under the editor settings. */
  configFor(uri: string): Config {
    const path = uriToPath(uri);
    let ws: Config | undefined;
    if (path) {
      const file = findConfigFile(dirname(path));
      if (file) {
        if (!this.workspaceConfigs.has(file)) this.workspaceConfigs.set(file, readConfigFile(file));
        ws = this.workspaceConfigs.get(file);
      }
    }
    const s = this.editorSettings;
    const editor = interpretConfig({
      rules: s.rules ?? {},
      language: s.language,
      variables_many: s.variablesMany?.threshold !== undefined ? { threshold: s.variablesMany.threshold } : undefined,
    });
    return mergeConfigs(ws, editor);
  }

  analyze(doc: TextDocument): Analysis {
    const hit = this.cache.get(doc.uri);
    if (hit && hit.version === doc.version && hit.epoch === this.epoch) return hit.analysis;
    // Let the stale analysis go before building the new one: a large document's parse tree is
    // then held once, not twice, at the peak.
    if (hit) this.cache.delete(doc.uri);
    const config = this.configFor(doc.uri);
    const text = doc.getText();
    const lang = this.langOf(config, text);
    const path = uriToPath(doc.uri);
    const dir = path ? dirname(path) : undefined;
    // One parse: its value names the baseline, and the check reuses it.
    const parsed = parse(text);
    const baseline = findBaseline({ file: path, value: parsed.value, setting: this.editorSettings.baseline }, this.git);
    const options = { ...checkOptions(config, lang, dir), ...baselineOptions(baseline) };
    const analysis: Analysis = { ...check(parsed, options), uri: doc.uri, version: doc.version, lang, dir, options, configFile: config.file };
    this.cache.set(doc.uri, { version: doc.version, epoch: this.epoch, analysis });
    return analysis;
  }

  /**
   * The language for a descriptor: the editor setting when it names one; with `auto`, Norwegian
   * when VS Code speaks Norwegian, else the descriptor's own `language:`, else the workspace file's,
   * else English.
   */
  private langOf(config: Config, text: string): Lang {
    const editor = this.editorSettings.language;
    if (editor === 'en' || editor === 'nb') return editor;
    if (this.displayLang === 'nb') return 'nb';
    const own = /^language:[ \t]*["']?(en|nb)\b/m.exec(text)?.[1] as Lang | undefined;
    return own ?? config.language ?? 'en';
  }

  diagnostics(doc: TextDocument): Diagnostic[] {
    return this.analyze(doc).results.map(toDiagnostic);
  }

  /** Every safe fix, under the same settings as the diagnostics (a rule that is off is not fixed). */
  fixAll(doc: TextDocument, only?: RuleId): { text: string; fixed: RuleId[] } {
    return fixAll(doc.getText(), this.analyze(doc).options, only);
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }

  /**
   * The problems of a workspace configuration file (unknown rule ids, bad severities), as
   * diagnostics on that file, each at the line it is about. `file` is the one an analysis used
   * (`Analysis.configFile`), so no second search up the folders is needed.
   */
  configDiagnostics(file: string): { uri: string; diagnostics: Diagnostic[] } {
    const config = this.workspaceConfigs.get(file) ?? readConfigFile(file);
    let text = '';
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      // Unreadable: the problem itself says so, on the first line.
    }
    const lines = text.split('\n');
    const diagnostics = config.problems.map((p): Diagnostic => {
      const message = p.startsWith(`${file}: `) ? p.slice(file.length + 2) : p;
      const token = /`([^`]+)`/.exec(message)?.[1] ?? /^(\w+)/.exec(message)?.[1];
      const line = Math.max(0, token ? lines.findIndex((l) => l.includes(token)) : 0);
      return { range: { start: { line, character: 0 }, end: { line, character: lines[line]?.length ?? 0 } }, severity: DiagnosticSeverity.Warning, source: DIAGNOSTIC_SOURCE, message };
    });
    return { uri: pathToFileURL(file).href, diagnostics };
  }

  /**
   * Checks a small descriptor once, so the parser, the schema and the rules are compiled by the time
   * the user's first document arrives. Best effort: the real check reports its own problems.
   */
  warmUp(): void {
    const variables = Array.from({ length: 40 }, (_, i) => `      - { name: v${i}, granularity: ${i % 2 ? 'year' : 'date'}, justification: x }`).join('\n');
    const text = `descriptor: 1\nproject: { title: warm-up }\npurpose: { category: health-research }\nlegal_basis: { consent: false }\ndata_sources:\n  - id: a\n    source: npr\n    variables:\n${variables}\nlinkage: { links: [[a, a]] }\n`;
    try {
      check(text, { lang: 'en' });
    } catch {
      // Nothing to report: warming up only saves time.
    }
  }
}

const SEVERITY = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
} as const;

export function toDiagnostic(r: Placed): Diagnostic {
  const data: DiagnosticData = { rule: r.rule, fixes: r.fixes, ...(r.data ? { extra: r.data } : {}) };
  return {
    range: r.range,
    severity: SEVERITY[r.severity],
    code: r.rule,
    codeDescription: { href: ruleDocUrl(r.rule) },
    source: DIAGNOSTIC_SOURCE,
    message: r.message,
    data,
  };
}
