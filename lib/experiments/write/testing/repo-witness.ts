import { expect } from 'vitest';
import { git } from '../../../../tests/fake-github/git/git-cli';

/**
 * What plain `git` sees in a bare repository: every ref with its commit and the commit count
 * behind it. Tests take it before a write and assert afterwards that the difference is exactly
 * what the write's result says. Test support only.
 */
export type RepoState = Map<string, { oid: string; count: number }>;

export function repoState(gitDir: string): RepoState {
  const state: RepoState = new Map();
  for (const line of git(gitDir, 'for-each-ref', '--format=%(refname) %(objectname)').split('\n').filter(Boolean)) {
    const [ref, oid] = line.split(' ') as [string, string];
    state.set(ref, { oid, count: Number(git(gitDir, 'rev-list', '--count', oid).trim()) });
  }
  return state;
}

/**
 * The repository now differs from `before` in exactly these refs: each holds `commits` commits
 * on top of `from` (a new ref starts at `from`; a moved ref was at `from`). Every other ref is
 * as it was, so "nothing written" is `expectOnly(gitDir, before, {})`.
 */
export function expectOnly(gitDir: string, before: RepoState, changes: Record<string, { from: string; commits: number }>): RepoState {
  const after = repoState(gitDir);
  for (const ref of new Set([...before.keys(), ...after.keys()])) {
    if (!(ref in changes)) expect(after.get(ref), `${ref} untouched`).toEqual(before.get(ref));
  }
  for (const [ref, { from, commits }] of Object.entries(changes)) {
    const now = after.get(ref);
    expect(now, `${ref} exists`).toBeDefined();
    if (before.has(ref)) expect(before.get(ref)!.oid, `${ref} was at ${from}`).toBe(from);
    expect(git(gitDir, 'rev-list', '--count', `${now!.oid}..${from}`).trim(), `${from} is an ancestor of ${ref}`).toBe('0');
    expect(Number(git(gitDir, 'rev-list', '--count', `${from}..${now!.oid}`).trim()), `commits on ${ref} beyond ${from}`).toBe(commits);
  }
  return after;
}
