/** A scratch git repository for tests: local only, no user or system configuration, a timeout on every command. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, realpathSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

const ENV: NodeJS.ProcessEnv = {
  ...process.env,
  GIT_CONFIG_GLOBAL: '/dev/null',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_AUTHOR_NAME: 'Test',
  GIT_AUTHOR_EMAIL: 'test@example.org',
  GIT_COMMITTER_NAME: 'Test',
  GIT_COMMITTER_EMAIL: 'test@example.org',
  GIT_TERMINAL_PROMPT: '0',
};
delete ENV.GIT_DIR;
delete ENV.GIT_WORK_TREE;
delete ENV.GIT_INDEX_FILE;

export function hasGit(): boolean {
  try {
    execFileSync('git', ['--version'], { stdio: 'ignore', timeout: 10_000 });
    return true;
  } catch {
    return false;
  }
}

export class ScratchRepo {
  readonly dir: string;
  constructor(prefix = 'descriptor-git-') {
    this.dir = realpathSync(mkdtempSync(join(tmpdir(), prefix)));
    this.git('init', '-q', '-b', 'main');
  }
  git(...args: string[]): string {
    return execFileSync('git', args, { cwd: this.dir, env: ENV, encoding: 'utf8', timeout: 10_000, stdio: ['ignore', 'pipe', 'pipe'] });
  }
  write(rel: string, text: string): string {
    const file = join(this.dir, rel);
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, text);
    return file;
  }
  commit(message: string, tag?: string): void {
    this.git('add', '-A');
    this.git('-c', 'commit.gpgsign=false', 'commit', '-q', '-m', message);
    if (tag) this.git('-c', 'tag.gpgsign=false', 'tag', tag);
  }
}
