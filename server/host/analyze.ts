/**
 * The one way from a descriptor to an analysis, used by the language server, `descriptor-check`
 * and `descriptor-check export`: configuration (the nearest `.descriptor-check.yaml`, under the
 * editor settings or `--config`), language, the approved version (baseline), today's date in
 * Norway, then the engine's check. The three front ends therefore cannot disagree on any of them.
 */
import { dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Lang, Localized } from '../../rules/domain/types';
import { uriToPath, type Analysis } from '../engine/analysis';
import { check } from '../engine/engine';
import type { Parsed } from '../engine/parse';
import { reparse } from '../engine/reparse';
import { baselineOptions, findBaseline, GitReader, type Baseline } from './baseline';
import { today, systemClock, type Clock } from './clock';
import { checkOptions, findConfigFile, mergeConfigs, readConfigFile, type Config, type ConfigProblem } from './config';
import { readRegularFile, type ReadResult } from './files';

/** Descriptors larger than this are not read at all; between the checker's limit and this, the check reports the limit. */
const MAX_DESCRIPTOR_READ = 64 * 1024 * 1024;

export interface AnalyzeInput {
  uri: string;
  version?: number;
  text: string;
  /** The language asked for by name: `--lang`, or the editor setting when it is `en` or `nb`. */
  lang?: Lang;
  /** The editor's display language, for the setting `auto`: Norwegian when the editor speaks it. */
  displayLang?: Lang;
  /** Rule severities and options that win over the workspace file (the editor settings). */
  overrides?: Config;
  /** Use this configuration instead of searching for one (`--config`). */
  config?: Config;
  /** `--baseline <file|rev>` and the folder it is relative to. */
  cliBaseline?: { value: string; cwd: string };
  /** The editor setting `descriptor.baseline`. */
  baselineSetting?: string;
  /**
   * The parse of an earlier version of this document (the editor's last analysis of it): reused when
   * the text changed only inside one value. Taken out of the input when read, so that a full parse
   * does not hold the old tree beside the new one.
   */
  previous?: Parsed;
}

export interface HostAnalysis extends Analysis {
  /** The approved version as it was found (where from, and why it could not be read). */
  baselineFound: Baseline;
  /** Problems in the configuration file that applied (never fatal). */
  configProblems: ConfigProblem[];
}

export interface HostOptions {
  /** False in an untrusted workspace: no git is run, so no approved version is read from a git revision. */
  trusted?: boolean;
  /** How long what a git branch points at is kept (the language server looks again after a few seconds). */
  gitRevisionTtlMs?: number;
  /**
   * The workspace folders: files a descriptor names (attachments, its `baseline:`) are looked at in
   * its own folder and in these, nowhere else. The CLI gives the folder it runs in.
   */
  roots?: readonly string[];
  clock?: Clock;
  /**
   * One command-line run over files that do not change meanwhile: each folder is searched for its
   * configuration file once (a portfolio of a thousand descriptors in one folder looks once, not a
   * thousand times). An editor's host looks every time, so a new file is found without a restart.
   */
  oneRun?: boolean;
}

const UNTRUSTED: Localized = {
  en: 'git revisions are not read until the workspace is trusted',
  nb: 'git-revisjoner leses ikke før arbeidsområdet er klarert',
};

/**
 * Where the pipeline keeps what it may reuse between files and edits: the configuration files it
 * has read and the git reader. One per language server or CLI run.
 */
export class Host {
  private readonly configs = new Map<string, Config | undefined>();
  /** With `oneRun`: the configuration file that applies in each folder asked about, looked for once. */
  private readonly configFiles = new Map<string, string | undefined>();
  private git: GitReader;
  private trusted: boolean;
  private readonly clock: Clock;
  private roots: readonly string[];

  constructor(private readonly opts: HostOptions = {}) {
    this.trusted = opts.trusted ?? true;
    this.clock = opts.clock ?? systemClock;
    this.roots = opts.roots ?? [];
    this.git = this.newGit();
  }

  /** The workspace folders changed. */
  setRoots(roots: readonly string[]): void {
    this.roots = roots;
  }

  private newGit(): GitReader {
    return new GitReader({ revisionTtlMs: this.opts.gitRevisionTtlMs, refuse: this.trusted ? undefined : UNTRUSTED });
  }

  setTrusted(trusted: boolean): void {
    if (trusted === this.trusted) return;
    this.trusted = trusted;
    this.git = this.newGit();
  }

  /** Call when a `.descriptor-check.yaml` changed. */
  invalidateConfigs(): void {
    this.configs.clear();
    this.configFiles.clear();
  }

  /** Call when an approved version changed on disk (a twin file, or the repository's history). */
  invalidateBaselines(): void {
    this.git = this.newGit();
  }

  /** The workspace configuration for a descriptor in `dir`, read once per file until invalidated. */
  workspaceConfig(dir: string | undefined): Config | undefined {
    if (!dir) return undefined;
    let file: string | undefined;
    if (!this.opts.oneRun) file = findConfigFile(dir);
    else if (this.configFiles.has(dir)) file = this.configFiles.get(dir);
    else this.configFiles.set(dir, (file = findConfigFile(dir)));
    if (!file) return undefined;
    if (!this.configs.has(file)) this.configs.set(file, readConfigFile(file));
    return this.configs.get(file);
  }

  analyze(input: AnalyzeInput): HostAnalysis {
    const path = uriToPath(input.uri);
    const dir = path ? dirname(path) : undefined;
    const config = mergeConfigs(input.config ?? this.workspaceConfig(dir), input.overrides);
    const lang = chooseLang({ asked: input.lang, display: input.displayLang, own: ownLanguage(input.text), config: config.language });
    // One parse: its value names the baseline, and the check reuses it.
    const parsed = reparse(input, input.text);
    const baselineFound = findBaseline(
      { file: path, value: parsed.value, cli: input.cliBaseline?.value, cwd: input.cliBaseline?.cwd, setting: input.baselineSetting, roots: this.roots },
      this.git,
    );
    // A `--baseline` that cannot be read is the command's error, reported by the CLI; one the descriptor names is a finding in it.
    const forCheck = baselineFound.origin === 'cli' ? { ...baselineFound, problem: undefined } : baselineFound;
    const options = { ...checkOptions(config, lang, dir, this.roots), ...baselineOptions(forCheck), today: today(this.clock) };
    return {
      ...check(parsed, options),
      uri: input.uri,
      version: input.version ?? 0,
      lang,
      dir,
      options,
      configFile: config.file,
      baselineFound,
      configProblems: config.problems,
    };
  }

  /** Reads and analyses a descriptor on disk; a file that cannot be read gives its reason instead. */
  analyzeFile(file: string, input: Omit<AnalyzeInput, 'uri' | 'text'> = {}): HostAnalysis | { file: string; problem: Localized; code: string } {
    const read = readDescriptor(file);
    if ('problem' in read) return { file, ...read };
    return this.analyze({ ...input, uri: pathToFileURL(file).href, text: read.text });
  }
}

/** Reads a descriptor from disk: a regular file, never a device or a FIFO. */
export function readDescriptor(file: string): ReadResult {
  return readRegularFile(file, MAX_DESCRIPTOR_READ);
}

/** The descriptor's own `language:` key, read from the text so that even a file with errors keeps its language. */
function ownLanguage(text: string): Lang | undefined {
  return /^language:[ \t]*["']?(en|nb)\b/m.exec(text)?.[1] as Lang | undefined;
}

/**
 * The language to speak about a descriptor: the one asked for by name (`--lang`, the editor
 * setting); else Norwegian when the editor speaks Norwegian; else the descriptor's own
 * `language:`; else the workspace file's; else English.
 */
export function chooseLang(o: { asked?: Lang; display?: Lang; own?: Lang; config?: Lang }): Lang {
  if (o.asked) return o.asked;
  if (o.display === 'nb') return 'nb';
  return o.own ?? o.config ?? 'en';
}
