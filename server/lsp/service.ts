/**
 * The language service: one parse and one check per (document, version, settings), shared by
 * diagnostics and every editor feature. State lives in this instance, not in globals.
 */
import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Diagnostic } from 'vscode-languageserver';
import { DiagnosticSeverity } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { allRuleMetas, check, type CheckOutput } from '../engine/engine';
import { findConfigFile, interpretConfig, mergeConfigs, readConfigFile, type Config } from '../engine/config';
import { ruleDocUrl } from '../engine/product';
import type { DiagnosticData, Lang, Result } from '../../rules/domain/types';

export const DIAGNOSTIC_SOURCE = 'project-descriptor';

/** Editor settings under `descriptor.*`. */
export interface EditorSettings {
  language?: 'auto' | Lang;
  rules?: Record<string, unknown>;
  variablesMany?: { threshold?: number };
}

export interface Analysis extends CheckOutput {
  uri: string;
  version: number;
  lang: Lang;
  /** The folder of the descriptor on disk, when it has one. */
  dir?: string;
}

interface Entry {
  version: number;
  key: string;
  analysis: Analysis;
}

export const knownRuleIds: ReadonlySet<string> = new Set(allRuleMetas().map((m) => m.id));

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
  /** Bumped whenever settings change, so cached analyses are recomputed. */
  private epoch = 0;

  constructor(
    /** Language for `auto`: the client's display language. */
    private readonly displayLang: Lang,
    private editorSettings: EditorSettings = {},
  ) {}

  setEditorSettings(settings: EditorSettings | undefined): void {
    this.editorSettings = settings ?? {};
    this.epoch++;
  }

  /** Call when a `.descriptor-check.yaml` changed. */
  invalidateWorkspaceConfig(): void {
    this.workspaceConfigs.clear();
    this.epoch++;
  }

  get settingsEpoch(): number {
    return this.epoch;
  }

  configFor(uri: string): Config {
    const path = uriToPath(uri);
    let ws: Config | undefined;
    if (path) {
      const file = findConfigFile(dirname(path));
      if (file) {
        if (!this.workspaceConfigs.has(file)) this.workspaceConfigs.set(file, readConfigFile(file, knownRuleIds));
        ws = this.workspaceConfigs.get(file);
      }
    }
    const s = this.editorSettings;
    const editor = interpretConfig(
      { rules: s.rules ?? {}, language: s.language, variables_many: s.variablesMany?.threshold !== undefined ? { threshold: s.variablesMany.threshold } : undefined },
      knownRuleIds,
    );
    return mergeConfigs(ws, editor);
  }

  langFor(uri: string): Lang {
    const config = this.configFor(uri);
    return config.language ?? this.displayLang;
  }

  analyze(doc: TextDocument): Analysis {
    const key = String(this.epoch);
    const hit = this.cache.get(doc.uri);
    if (hit && hit.version === doc.version && hit.key === key) return hit.analysis;
    // Let the stale analysis go before building the new one: a large document's parse tree is
    // then held once, not twice, at the peak.
    if (hit) this.cache.delete(doc.uri);
    const config = this.configFor(doc.uri);
    const lang = config.language ?? this.displayLang;
    const path = uriToPath(doc.uri);
    const dir = path ? dirname(path) : undefined;
    const out = check(doc.getText(), {
      lang,
      severities: config.rules,
      variablesManyThreshold: config.variablesManyThreshold,
      fileExists: dir ? (rel) => existsSync(resolve(dir, rel)) : undefined,
    });
    const analysis: Analysis = { ...out, uri: doc.uri, version: doc.version, lang, dir };
    this.cache.set(doc.uri, { version: doc.version, key, analysis });
    return analysis;
  }

  /** The cached analysis if it is for this version, without computing. */
  peek(uri: string, version: number): Analysis | undefined {
    const hit = this.cache.get(uri);
    return hit && hit.version === version && hit.key === String(this.epoch) ? hit.analysis : undefined;
  }

  diagnostics(doc: TextDocument): Diagnostic[] {
    return this.analyze(doc).results.map(toDiagnostic);
  }

  forget(uri: string): void {
    this.cache.delete(uri);
  }
}

const SEVERITY = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  information: DiagnosticSeverity.Information,
} as const;

export function toDiagnostic(r: Result): Diagnostic {
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
