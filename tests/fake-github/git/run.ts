import { spawn } from 'node:child_process';

/** A git command that exited non-zero; `stderr` carries git's own explanation. */
export class GitError extends Error {
  constructor(
    readonly args: string[],
    readonly code: number | null,
    readonly stderr: string,
  ) {
    super(`git ${args.join(' ')} exited ${code}: ${stderr.trim()}`);
  }
}

export interface RunOptions {
  input?: string | Uint8Array;
  env?: Record<string, string>;
}

/**
 * Runs `git --git-dir=<dir> <args>` and resolves with its stdout. Git's own config and
 * environment are isolated (no global/system config, fixed locale) so that a developer's
 * ~/.gitconfig (signing, hooks, default branch) cannot change what the fake serves.
 */
export function runGit(gitDir: string, args: string[], options: RunOptions = {}): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const child = spawn('git', [`--git-dir=${gitDir}`, ...args], {
      env: { ...isolatedEnv(), ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (c: Buffer) => out.push(c));
    child.stderr.on('data', (c: Buffer) => err.push(c));
    child.on('error', reject);
    child.on('close', (code) => {
      if (code === 0) resolve(Buffer.concat(out));
      else reject(new GitError(args, code, Buffer.concat(err).toString('utf8')));
    });
    child.stdin.on('error', () => {}); // git may exit before reading all input; the exit code tells.
    child.stdin.end(options.input ?? '');
  });
}

export function isolatedEnv(): Record<string, string> {
  return {
    PATH: process.env.PATH ?? '/usr/bin:/bin',
    HOME: process.env.HOME ?? '/tmp',
    LANG: 'C',
    LC_ALL: 'C',
    GIT_CONFIG_NOSYSTEM: '1',
    GIT_CONFIG_GLOBAL: '/dev/null',
    GIT_TERMINAL_PROMPT: '0',
  };
}
