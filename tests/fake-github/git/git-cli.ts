import { execFileSync } from 'node:child_process';

/** Plain `git` against a bare repository, as a developer would check it: the tests' witness. */
export function git(gitDir: string, ...args: string[]): string {
  return execFileSync('git', [`--git-dir=${gitDir}`, ...args], {
    encoding: 'utf8',
    env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' },
  });
}

/** The blob oid git (and GitHub) gives these bytes. */
export function blobOid(contents: string | Uint8Array): string {
  return execFileSync('git', ['hash-object', '--stdin'], { input: contents, encoding: 'utf8' }).trim();
}
