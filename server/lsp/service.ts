/**
 * The language service: one analysis per (document, version, settings), shared by diagnostics and
 * every editor feature, made by the host's one pipeline (`server/host/analyze.ts`). Built once by
 * the server and configured on `initialize`; all state lives in this instance.
 */
import { pathToFileURL } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { RuleId } from '../../rules';
import { firstSentence, langFromLocale } from '../../rules/domain/text';
import type { Fix, Lang } from '../../rules/domain/types';
import type { Analysis } from '../engine/analysis';
import type { Placed } from '../engine/engine';
import type { FixAllResult } from '../engine/fix-all';
import { lazy } from '../engine/lazy';
import { DIAGNOSTIC_SOURCE, ruleDocUrl } from '../engine/product';
import type { AnalyzeInput, Host } from '../host/analyze';
import { withHeapFor } from './heap';

// The analysis (rules, catalogue, parser, schema) loads on the first document, not at start-up.
const engine = lazy(() => require('./runtime') as typeof import('./runtime'));


/** Editor settings under `descriptor.*`, as the client sends them for one document's folder. */
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

interface Entry {
  version: number;
  epoch: number;
  settings: string;
  analysis: Analysis;
}

export class DescriptorService {
  private readonly cache = new Map<string, Entry>();
  private hostInstance: Host | undefined;
  private trusted = true;
  private roots: readonly string[] = [];
  /** Language for `auto`: the client's display language. */
  private displayLang: Lang = 'en';
  /** The settings every document gets until its own (per folder) are known. */
  private editorSettings: EditorSettings = {};
  private readonly documentSettings = new Map<string, EditorSettings>();
  /** Bumped whenever settings or the files behind them change, so cached analyses are recomputed. */
  private epoch = 0;

  /**
   * Called once on `initialize` with the client's locale, the settings it sent, whether the
   * workspace is trusted and its folders (where files a descriptor names may be looked at).
   */
  configure(locale: string | undefined, settings: EditorSettings | undefined, trusted = true, roots: readonly string[] = []): void {
    this.displayLang = langFromLocale(locale);
    this.trusted = trusted;
    this.hostInstance?.setTrusted(trusted);
    this.setRoots(roots);
    this.setEditorSettings(settings);
  }

  /** The workspace folders, as paths: a descriptor's attachments and `baseline:` are looked at there and in its own folder. */
  setRoots(roots: readonly string[]): void {
    this.roots = roots;
    this.hostInstance?.setRoots(roots);
    this.epoch++;
  }

  /** The workspace became trusted (or not): approved versions in git are read only when it is. */
  setTrusted(trusted: boolean): void {
    this.trusted = trusted;
    this.hostInstance?.setTrusted(trusted);
    this.epoch++;
  }

  private get host(): Host {
    this.hostInstance ??= new (engine().Host)({ gitRevisionTtlMs: 5000, trusted: this.trusted, roots: this.roots });
    return this.hostInstance;
  }

  /** Settings for every document (a client that cannot answer per folder), forgetting per-document ones. */
  setEditorSettings(settings: EditorSettings | undefined): void {
    this.editorSettings = settings ?? {};
    this.documentSettings.clear();
    this.epoch++;
  }

  /** The settings for one document's folder (`workspace/configuration` with its `scopeUri`). */
  setDocumentSettings(uri: string, settings: EditorSettings | undefined): void {
    this.documentSettings.set(uri, settings ?? {});
  }

  hasDocumentSettings(uri: string): boolean {
    return this.documentSettings.has(uri);
  }

  /** Call when a `.descriptor-check.yaml` changed. */
  invalidateWorkspaceConfig(): void {
    this.hostInstance?.invalidateConfigs();
    this.epoch++;
  }

  /** Call when an approved version changed on disk (an `.approved.yaml` twin, or the repository's history). */
  invalidateBaselines(): void {
    this.hostInstance?.invalidateBaselines();
    this.epoch++;
  }

  get settingsEpoch(): number {
    return this.epoch;
  }

  /** A key that changes whenever anything the analysis of `uri` depends on besides its text changes. */
  resultKey(uri: string, version: number): string {
    return `${version}:${this.epoch}:${JSON.stringify(this.settingsOf(uri))}`;
  }

  private settingsOf(uri: string): EditorSettings {
    return this.documentSettings.get(uri) ?? this.editorSettings;
  }

  analyze(doc: TextDocument): Analysis {
    const settings = this.settingsOf(doc.uri);
    const key = JSON.stringify(settings);
    let hit = this.cache.get(doc.uri);
    if (hit && hit.version === doc.version && hit.epoch === this.epoch && hit.settings === key) return hit.analysis;
    const input = this.inputOf(doc, settings);
    // The last parse of this document is reused when only a value changed since (typing in it). The
    // stale analysis is let go before the new one is built: a large document's parse tree is then
    // held once, not twice, at the peak.
    if (hit) {
      input.previous = hit.analysis.parsed;
      this.cache.delete(doc.uri);
      hit = undefined;
    }
    const analysis = withHeapFor(input.text, () => this.host.analyze(input));
    this.cache.set(doc.uri, { version: doc.version, epoch: this.epoch, settings: key, analysis });
    return analysis;
  }

  /**
   * The analysis in a given language (an overview that speaks one language throughout): the cached
   * one when it already speaks it, else a new one under the same settings, not cached.
   */
  analyzeIn(doc: TextDocument, lang: Lang): Analysis {
    const a = this.analyze(doc);
    return a.lang === lang ? a : this.host.analyze({ ...this.inputOf(doc, this.settingsOf(doc.uri)), lang });
  }

  /** The input of the host's pipeline for a document under its folder's settings. */
  private inputOf(doc: TextDocument, settings: EditorSettings): AnalyzeInput {
    const overrides = engine().interpretConfig({
      rules: settings.rules ?? {},
      variables_many: settings.variablesMany?.threshold !== undefined ? { threshold: settings.variablesMany.threshold } : undefined,
    });
    return {
      uri: doc.uri,
      version: doc.version,
      text: doc.getText(),
      lang: settings.language === 'en' || settings.language === 'nb' ? settings.language : undefined,
      displayLang: this.displayLang,
      overrides,
      baselineSetting: settings.baseline,
    };
  }

  diagnostics(doc: TextDocument): Diagnostic[] {
    return this.analyze(doc).results.map(toDiagnostic);
  }

  /** Every safe fix, under the same settings as the diagnostics (a rule that is off is not fixed), in steps that may be stopped between re-checks. */
  fixAllSteps(doc: TextDocument, only?: RuleId): Generator<void, FixAllResult, void> {
    const analysis = this.analyze(doc);
    return engine().fixAllSteps(analysis, analysis.options, only);
  }

  forget(uri: string): void {
    this.cache.delete(uri);
    this.documentSettings.delete(uri);
  }

  /**
   * The problems of a workspace configuration file (unknown rule ids, bad severities), as
   * diagnostics on that file, each at the line it is about. `file` is the one an analysis used
   * (`Analysis.configFile`), so no second search up the folders is needed.
   */
  configDiagnostics(file: string): { uri: string; diagnostics: Diagnostic[] } {
    const e = engine();
    const config = e.readConfigFile(file);
    const read = config.unreadable ? undefined : e.readDescriptor(file);
    const parsed = e.parse(read && 'text' in read ? read.text : '');
    const lang = this.langOfSettings(this.editorSettings);
    const diagnostics = config.problems.map((p): Diagnostic => {
      const [start, end] = p.path.length ? e.rangeFor(parsed, p.path, 'key') : [0, Math.max(0, parsed.text.indexOf('\n'))];
      return {
        range: { start: e.position(parsed.lineCounter, start), end: e.position(parsed.lineCounter, end) },
        severity: DiagnosticSeverity.Warning,
        source: DIAGNOSTIC_SOURCE,
        message: e.say(p.message, lang),
      };
    });
    return { uri: pathToFileURL(file).href, diagnostics };
  }

  /** The language settings ask for: `en` or `nb` by name, else the editor's display language. */
  private langOfSettings(s: EditorSettings): Lang {
    return s.language === 'en' || s.language === 'nb' ? s.language : this.displayLang;
  }

  /**
   * Checks a small descriptor once, so the parser, the schema and the rules are compiled by the time
   * the user's first document arrives. Best effort: the real check reports its own problems.
   */
  warmUp(): void {
    const variables = Array.from({ length: 40 }, (_, i) => `      - { name: v${i}, granularity: ${i % 2 ? 'year' : 'date'}, justification: x }`).join('\n');
    const text = `descriptor: 1\nproject: { title: warm-up }\npurpose: { category: health-research }\nlegal_basis: { consent: false }\ndata_sources:\n  - id: a\n    source: npr\n    variables:\n${variables}\nlinkage: { links: [[a, a]] }\n`;
    try {
      engine().check(text, { lang: 'en' });
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
    // The Problems panel shows one line: the first sentence says what and where; the rest is in the hover.
    message: firstSentence(r.message)[0],
    data,
  };
}
