import { describe, expect, it } from 'vitest';
import { lacksOfPermissions, lacksOfScopes } from './lacks';
import { tokenKindOf } from './token-kind';

describe('what a token cannot do', () => {
  it('a classic token needs repo, or public_repo for public repositories only', () => {
    expect(lacksOfScopes('repo, workflow')).toEqual([]);
    expect(lacksOfScopes('public_repo, read:org')).toEqual(['cannot read or write private repositories: the token has public_repo, not repo']);
    expect(lacksOfScopes('gist')).toEqual(['cannot read private repositories or write to any: the token has neither repo nor public_repo']);
    expect(lacksOfScopes('')).toHaveLength(1);
  });

  it('a fine-grained 403 names the permission, and what Commit Lab does without check runs', () => {
    expect(lacksOfPermissions(['checks=read'])).toBe('cannot read check runs: CI status comes from workflow runs');
    expect(lacksOfPermissions(['contents=write'])).toBe('cannot change repository contents');
    expect(lacksOfPermissions(['pull_requests=read', 'issues=read'])).toBe('cannot read pull requests or read issues');
  });

  it('recognises each token kind by GitHub’s prefixes', () => {
    expect(['ghp_abc', 'github_pat_11AB_cd', 'ghu_abc', 'gho_abc', '0123456789abcdef0123456789abcdef01234567'].map(tokenKindOf)).toEqual([
      'classic',
      'fine-grained',
      'app-user',
      'oauth',
      'unknown',
    ]);
  });
});
