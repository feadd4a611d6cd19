import { describe, expect, it } from 'vitest';
import { commitListOf } from './url';

// Positive and negative URLs written from GitHub's URL scheme (github-url-detection's tests).
describe('commitListOf', () => {
  it.each([
    ['https://github.com/iterative/example-get-started/commits', 'repo-commits'],
    ['https://github.com/iterative/example-get-started/commits/main', 'repo-commits'],
    ['https://github.com/iterative/example-get-started/commits/main/', 'repo-commits'],
    ['https://github.com/o/r/commits/feature/deep/ref/src/train.py', 'repo-commits'],
    ['https://github.com/o/r/commits/main?after=0123456789abcdef0123456789abcdef01234567+34', 'repo-commits'],
    ['https://github.com/o/r/commits/main?author=octocat', 'repo-commits'],
    ['https://github.com/o/r/commits/0123456789abcdef0123456789abcdef01234567', 'repo-commits'],
    ['https://github.com/o/r/pull/12/commits', 'pr-commits'],
    ['https://github.com/o/r/pull/12/commits/', 'pr-commits'],
    ['https://github.com/o/r/pull/12/commits?w=1', 'pr-commits'],
    ['https://github.com/o/r/commits?author=octocat', 'repo-commits'],
    ['https://github.com/o/r/commits/release/v1.2', 'repo-commits'],
  ])('%s is a %s list', (url, kind) => {
    expect(commitListOf(url)?.kind).toBe(kind);
  });

  // GitHub Enterprise Server serves the same paths on its own host (the content script runs only on hosts configured in options).
  it.each([
    ['https://ghe.example.com/o/r/commits/main', { kind: 'repo-commits', owner: 'o', repo: 'r' }],
    ['http://127.0.0.1:4000/acme/mnist/pull/3/commits', { kind: 'pr-commits', owner: 'acme', repo: 'mnist', number: 3 }],
  ])('%s on a GitHub Enterprise host', (url, page) => {
    expect(commitListOf(url)).toEqual(page);
  });

  it.each([
    'https://github.com/',
    'https://github.com/o',
    'https://github.com/o/r',
    'https://github.com/o/r/commit/0123456789abcdef0123456789abcdef01234567',
    'https://github.com/o/r/pull/12',
    'https://github.com/o/r/pull/12/files',
    'https://github.com/o/r/pull/12/changes',
    'https://github.com/o/r/pull/12/commits/0123456789abcdef0123456789abcdef01234567',
    'https://github.com/o/r/pull/0/commits',
    'https://github.com/o/r/pull/new/commits',
    'https://github.com/o/r/tree/main/commits',
    'https://github.com/o/r/compare/main...dev',
    'https://github.com/o/r/commit/0123456789abcdef0123456789abcdef01234567/',
    'https://github.com/o/r/pulls',
    'https://github.com/o/r/pulls/commits',
    'https://github.com/o/r/issues/12',
    'https://github.com/o/r/blob/main/commits/README.md',
    'https://github.com/o/r/pull/12/commits/0123456789abcdef0123456789abcdef01234567/file.py',
    'https://github.com/orgs/acme/commits',
    'https://github.com/orgs/acme/repositories',
    'https://github.com/settings',
    'https://github.com/settings/tokens/commits',
    'https://github.com/users/octocat/commits',
    'https://github.com/organizations/acme/commits',
  ])('%s is not a commit list', (url) => {
    expect(commitListOf(url)).toBeUndefined();
  });

  it('names the repository and pull request', () => {
    expect(commitListOf('https://github.com/Iterative/Example/commits/main')).toEqual({
      kind: 'repo-commits',
      owner: 'Iterative',
      repo: 'Example',
    });
    expect(commitListOf(new URL('https://github.com/o/r/pull/7/commits'))).toEqual({
      kind: 'pr-commits',
      owner: 'o',
      repo: 'r',
      number: 7,
    });
  });
});
