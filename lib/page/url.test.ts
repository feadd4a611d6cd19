import { describe, expect, it } from 'vitest';
import { commitListOf, tabTargetOf } from './url';

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

// What the toolbar popup reads from the current tab: the URL shapes github.com writes for a commit, a commit list and a pull request.
describe('tabTargetOf', () => {
  const sha = '06ea48980c1ea0c4e4c1a2b3c4d5e6f708192a3b';
  it.each([
    [`https://github.com/acme/egs/commit/${sha}`, { owner: 'acme', repo: 'egs', sha }],
    [`https://github.com/acme/egs/commit/${sha}?diff=split#diff-1`, { owner: 'acme', repo: 'egs', sha }],
    [`https://github.com/acme/egs/commit/${sha}/`, { owner: 'acme', repo: 'egs', sha }],
    [`https://github.com/acme/egs/pull/12/commits/${sha}`, { owner: 'acme', repo: 'egs', sha }],
    ['https://github.com/acme/egs/commits/main', { owner: 'acme', repo: 'egs', ref: 'main' }],
    ['https://github.com/acme/egs/commits/main/', { owner: 'acme', repo: 'egs', ref: 'main' }],
    ['https://github.com/acme/egs/commits/feature/deep/ref', { owner: 'acme', repo: 'egs', ref: 'feature/deep/ref' }],
    ['https://github.com/acme/egs/commits/release%2Fv1?after=abc+34', { owner: 'acme', repo: 'egs', ref: 'release/v1' }],
    ['https://github.com/acme/egs/pull/12', { owner: 'acme', repo: 'egs', pr: 12 }],
    ['https://github.com/acme/egs/pull/12/', { owner: 'acme', repo: 'egs', pr: 12 }],
    ['https://github.com/acme/egs/pull/12/commits', { owner: 'acme', repo: 'egs', pr: 12 }],
    ['https://github.com/acme/egs/pull/12/files', { owner: 'acme', repo: 'egs', pr: 12 }],
    ['https://github.com/acme/egs/pull/12/changes', { owner: 'acme', repo: 'egs', pr: 12 }],
    ['https://github.com/acme/egs/pull/12/checks', { owner: 'acme', repo: 'egs', pr: 12 }],
    ['https://github.com/acme/egs/pull/12#issuecomment-1', { owner: 'acme', repo: 'egs', pr: 12 }],
  ])('%s', (url, target) => {
    expect(tabTargetOf(url)).toEqual(target);
  });

  it.each([
    'https://github.com/acme/egs',
    'https://github.com/acme/egs/commits',
    'https://github.com/acme/egs/commit/main',
    'https://github.com/acme/egs/commit/06ea489',
    `https://github.com/acme/egs/commit/${sha}/file.py`,
    'https://github.com/acme/egs/pull/0',
    'https://github.com/acme/egs/pull/new/main',
    'https://github.com/acme/egs/pulls',
    'https://github.com/acme/egs/pull/12/merge',
    `https://github.com/acme/egs/pull/12/commits/${sha}/file.py`,
    'https://github.com/acme/egs/issues/12',
    'https://github.com/acme/egs/tree/main/commits',
    'https://github.com/orgs/acme/commits/main',
    `https://example.com/acme/egs/commit/${sha}`,
    'https://ghe.example.com/acme/egs/commits/main',
    'https://github.com/acme/egs/commits/%E0%A4%A',
    'not a url',
  ])('%s is nothing the popup works from', (url) => {
    expect(tabTargetOf(url)).toBeUndefined();
  });
});
