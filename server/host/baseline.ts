/**
 * The approved version of a descriptor (its baseline): where it is and reading it. The rules never
 * read files; the CLI and the language service call `findBaseline` and hand its text to `check`
 * (`baselineOptions`), which parses it with the same parser.
 *
 * Where the approved version is, first match wins:
 *   1. the descriptor's own `baseline:` entry: `git:<revision>` (this file at a tag, branch or
 *      commit) or a path relative to the descriptor;
 *   2. the CLI's `--baseline <file|revision>` (a file that exists, else a git revision);
 *   3. a sibling `<name>.approved.yaml` (`x.descriptor.yaml` -> `x.descriptor.approved.yaml`,
 *      also `x.approved.yaml`);
 *   4. the editor setting `descriptor.baseline` (as `--baseline`, relative to the descriptor).
 *
 * Git is only ever read locally (`git rev-parse`, `git cat-file -e`, `git show <rev>:<path>`), with
 * a timeout; nothing is fetched. Without git, file baselines still work.
 */
import { execFileSync } from 'node:child_process';
import { realpathSync, statSync } from 'node:fs';
import { basename, delimiter, dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import type { Localized } from '../../rules/domain/types';
import type { CheckOptions } from '../engine/engine';
import type { PathRefusal } from '../../rules/rule';
import { isRegularFile, readRegularFile } from './files';
import { resolveNamedPath } from './paths';

type BaselineOrigin = 'entry' | 'cli' | 'sibling' | 'setting';

export interface BaselineRequest {
  /** The descriptor on disk (absolute); undefined for an unsaved document. */
  file?: string;
  /** The descriptor's parsed value; its own `baseline:` entry is read from it. */
  value?: unknown;
  /** `--baseline <file|git-rev>`. */
  cli?: string;
  /** Where a `--baseline` file is looked for (the CLI's working folder). */
  cwd?: string;
  /** The editor setting `descriptor.baseline`. */
  setting?: string;
  /** Workspace folders: a `baseline:` entry may name a file in the descriptor's folder or in one of these. */
  roots?: readonly string[];
}

export interface Baseline {
  origin?: BaselineOrigin;
  /** How the user names it: `git:v1.0`, `x.descriptor.approved.yaml`. */
  label?: string;
  /** The approved version's text. */
  text?: string;
  /** It was asked for but could not be read: a clause for "... could not be read: <problem>". */
  problem?: Localized;
  /** It was asked for at a git revision where the file did not exist yet: no baseline, only a note. */
  note?: Localized;
}

const GIT_PREFIX = 'git:';
const GIT_TIMEOUT_MS = 10_000;

/** The sibling files that hold a descriptor's approved version, in the order they are tried. */
export function siblingBaselines(file: string): string[] {
  const m = /^(.*?)(\.ya?ml)$/i.exec(file);
  if (!m) return [];
  const [, stem, ext] = m;
  const out = [`${stem}.approved${ext}`];
  if (/\.descriptor$/i.test(stem)) out.push(`${stem.slice(0, -'.descriptor'.length)}.approved${ext}`);
  return out;
}

const isFile = isRegularFile;
const isDir = (p: string) => {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
};

/** What `check` needs from a baseline. */
export function baselineOptions(b: Baseline): Pick<CheckOptions, 'baseline' | 'baselineLabel' | 'baselineProblem'> {
  return { baseline: b.text, baselineLabel: b.label, baselineProblem: b.problem };
}

export function findBaseline(req: BaselineRequest, git: GitReader = new GitReader()): Baseline {
  const dir = req.file ? dirname(req.file) : undefined;
  const own = req.value !== null && typeof req.value === 'object' ? (req.value as Record<string, unknown>).baseline : undefined;
  const entry = typeof own === 'string' ? own.trim() : '';
  if (entry) {
    if (entry.startsWith(GIT_PREFIX)) return fromGit('entry', entry.slice(GIT_PREFIX.length).trim(), req.file, git);
    if (!isAbsolute(entry) && !dir) return { origin: 'entry', label: entry, problem: { en: 'an unsaved descriptor cannot name a file relative to itself', nb: 'en beskrivelse som ikke er lagret, kan ikke vise til en fil relativt til seg selv' } };
    // A file the descriptor names is read only inside its folder or the workspace, and never from a network or device path.
    const where = resolveNamedPath(dir, entry, req.roots ?? []);
    if ('refused' in where) return { origin: 'entry', label: entry, problem: REFUSED[where.refused](entry) };
    return fromFile('entry', where.path, entry);
  }
  if (req.cli?.trim()) return fileOrRevision('cli', req.cli.trim(), req.cwd ?? process.cwd(), req.file, git);
  if (req.file) {
    const sibling = siblingBaselines(req.file).find(isFile);
    if (sibling) return fromFile('sibling', sibling, basename(sibling));
  }
  if (req.setting?.trim()) {
    if (!dir) return {};
    return fileOrRevision('setting', req.setting.trim(), dir, req.file, git);
  }
  return {};
}

/** `--baseline` and the setting: `git:<rev>` is a revision; otherwise a file when one exists there, else a revision. */
function fileOrRevision(origin: BaselineOrigin, value: string, base: string, file: string | undefined, git: GitReader): Baseline {
  if (value.startsWith(GIT_PREFIX)) return fromGit(origin, value.slice(GIT_PREFIX.length).trim(), file, git);
  const path = resolve(base, value);
  if (isFile(path)) return fromFile(origin, path, value);
  return fromGit(origin, value, file, git, { en: `\`${value}\` is not a file, and`, nb: `\`${value}\` er ikke en fil, og` });
}

/** Why a `baseline:` file is not read, as a clause for "... could not be read: <problem>". */
const REFUSED: Record<PathRefusal, (label: string) => Localized> = {
  outside: (label) => ({
    en: `the file \`${label}\` is outside the descriptor's folder and the workspace, so it is not read`,
    nb: `filen \`${label}\` ligger utenfor mappen til prosjektbeskrivelsen og arbeidsområdet, så den leses ikke`,
  }),
  remote: (label) => ({
    en: `\`${label}\` is a network or device path, which is never opened`,
    nb: `\`${label}\` er en nettverks- eller enhetssti, som aldri åpnes`,
  }),
};

/** Reads an approved version from a file: a regular file within the checker's size limit, never a device, a FIFO or a network path. */
function fromFile(origin: BaselineOrigin, path: string, label: string): Baseline {
  const read = readRegularFile(path);
  if ('text' in read) return { origin, label, text: read.text };
  return { origin, label, problem: { en: `the file \`${label}\` ${read.problem.en}`, nb: `filen \`${label}\` ${read.problem.nb}` } };
}

function fromGit(origin: BaselineOrigin, rev: string, file: string | undefined, git: GitReader, prefix?: Localized): Baseline {
  const label = `${GIT_PREFIX}${rev}`;
  const prefixed = (p: Localized): Localized => (prefix ? { en: `${prefix.en} ${p.en}`, nb: `${prefix.nb} ${p.nb}` } : p);
  if (!file) return { origin, label, problem: prefixed({ en: 'an unsaved descriptor has no version in git', nb: 'en beskrivelse som ikke er lagret, har ingen versjon i git' }) };
  const r = git.read(file, rev);
  if ('text' in r) return { origin, label, text: r.text };
  if ('problem' in r) return { origin, label, problem: prefixed(r.problem) };
  const absent = { en: `\`${r.path}\` did not exist at git revision \`${rev}\``, nb: `\`${r.path}\` fantes ikke i git-revisjonen \`${rev}\`` };
  // Named by the descriptor itself, a missing file is a mistake; from `--baseline` or the setting, a new file has no approved version yet.
  return origin === 'entry' ? { origin, label, problem: absent } : { origin, label, note: absent };
}

export type GitResult = { text: string } | { absent: true; path: string } | { problem: Localized };

/**
 * Reads files at git revisions, locally and with a timeout. One per CLI run or language service:
 * a repository's top folder and a file at a commit never change, so they are kept; what a
 * revision name points at, and that a folder is in no repository, are kept for `revisionTtlMs`
 * (a branch moves; a repository may be created).
 */
export class GitReader {
  private readonly tops = new Map<string, { at: number; result: string | GitResult }>();
  private readonly revisions = new Map<string, { at: number; result: string | GitResult }>();
  private readonly blobs = new Map<string, GitResult>();

  /**
   * `git`: the program to run (found on PATH once, as an absolute path, never in the descriptor's
   * folder); `refuse`: read no revision and give this reason (an untrusted workspace).
   */
  constructor(private readonly opts: { git?: string; revisionTtlMs?: number; refuse?: Localized } = {}) {}

  read(file: string, rev: string): GitResult {
    if (this.opts.refuse) return { problem: this.opts.refuse };
    if (!rev || rev.startsWith('-') || /[\s\0]/.test(rev)) return { problem: { en: `\`${rev}\` is not a git revision`, nb: `\`${rev}\` er ikke en git-revisjon` } };
    const dir = dirname(file);
    // A folder's repository is kept; not being in one is asked again later (a `git init` may follow).
    const known = this.tops.get(dir);
    let top = known && (typeof known.result === 'string' || this.fresh(known.at)) ? known.result : undefined;
    if (top === undefined) {
      const r = isDir(dir) ? this.git(['rev-parse', '--show-toplevel'], dir) : undefined;
      top = r && 'out' in r ? r.out.trim() : r?.failed.notFound ? noGit(rev) : r?.failed.timedOut ? slow() : notInRepository(rev);
      this.tops.set(dir, { at: Date.now(), result: top });
    }
    if (typeof top !== 'string') return top;
    const key = `${top}\0${rev}`;
    const cached = this.revisions.get(key);
    let sha: string | GitResult;
    if (cached && this.fresh(cached.at)) sha = cached.result;
    else {
      const r = this.git(['rev-parse', '--verify', '--quiet', `${rev}^{commit}`], top);
      sha = 'out' in r ? r.out.trim() : r.failed.timedOut ? slow() : { problem: { en: `the git revision \`${rev}\` does not exist`, nb: `git-revisjonen \`${rev}\` finnes ikke` } };
      this.revisions.set(key, { at: Date.now(), result: sha });
    }
    if (typeof sha !== 'string') return sha;
    let real = file;
    try {
      real = realpathSync(file);
    } catch {
      // A file not on disk (yet): its path as given.
    }
    const path = relative(realpathSync(top), real).split(sep).join('/');
    const blobKey = `${sha}:${path}`;
    const hit = this.blobs.get(blobKey);
    if (hit) return hit;
    const exists = this.git(['cat-file', '-e', blobKey], top);
    let result: GitResult;
    if ('failed' in exists) result = exists.failed.timedOut ? slow() : { absent: true, path };
    else {
      const shown = this.git(['show', blobKey], top);
      result = 'out' in shown ? { text: shown.out } : shown.failed.timedOut ? slow() : { problem: { en: `\`git show ${rev}:${path}\` failed`, nb: `\`git show ${rev}:${path}\` feilet` } };
    }
    this.blobs.set(blobKey, result);
    return result;
  }

  private fresh(at: number): boolean {
    return Date.now() - at <= (this.opts.revisionTtlMs ?? Infinity);
  }

  private git(args: string[], cwd: string): { out: string } | { failed: { notFound: boolean; timedOut: boolean } } {
    // The repository is the one holding the descriptor: variables that point git elsewhere are dropped.
    const env: NodeJS.ProcessEnv = { ...process.env, GIT_TERMINAL_PROMPT: '0', GIT_OPTIONAL_LOCKS: '0' };
    for (const k of ['GIT_DIR', 'GIT_WORK_TREE', 'GIT_INDEX_FILE']) delete env[k];
    try {
      const program = this.opts.git ?? gitProgram();
      if (!program) return { failed: { notFound: true, timedOut: false } };
      return { out: execFileSync(program, args, { cwd, env, encoding: 'utf8', timeout: GIT_TIMEOUT_MS, maxBuffer: 16 * 1024 * 1024, stdio: ['ignore', 'pipe', 'pipe'], windowsHide: true }) };
    } catch (e) {
      const err = e as NodeJS.ErrnoException & { signal?: string };
      return { failed: { notFound: err.code === 'ENOENT', timedOut: err.code === 'ETIMEDOUT' || err.signal === 'SIGTERM' } };
    }
  }
}

let foundGit: string | null | undefined;

/**
 * The absolute path of git on PATH, looked up once. Only absolute PATH entries are searched, so a
 * `git` (or `git.exe`) committed beside a descriptor is never the one that runs.
 */
function gitProgram(): string | undefined {
  if (foundGit === undefined) {
    foundGit = null;
    const names = process.platform === 'win32' ? ['git.exe', 'git.cmd'] : ['git'];
    for (const dir of (process.env.PATH ?? '').split(delimiter)) {
      if (!dir || !isAbsolute(dir)) continue;
      const hit = names.map((n) => join(dir, n)).find(isFile);
      if (hit) {
        foundGit = hit;
        break;
      }
    }
  }
  return foundGit ?? undefined;
}

const notInRepository = (rev: string): GitResult => ({ problem: { en: `the descriptor is not in a git repository, so \`${rev}\` cannot be read`, nb: `prosjektbeskrivelsen ligger ikke i et git-depot, så \`${rev}\` kan ikke leses` } });
const noGit = (rev: string): GitResult => ({ problem: { en: `git is not installed, so the revision \`${rev}\` cannot be read`, nb: `git er ikke installert, så revisjonen \`${rev}\` kan ikke leses` } });
const slow = (): GitResult => ({ problem: { en: `git did not answer within ${GIT_TIMEOUT_MS / 1000} seconds`, nb: `git svarte ikke innen ${GIT_TIMEOUT_MS / 1000} sekunder` } });
