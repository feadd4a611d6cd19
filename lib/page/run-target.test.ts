import { describe, expect, it } from 'vitest';
import { runTargetOf } from './run-target';

// URL shapes as github.com writes them (commit pages, commit lists, pull requests).
describe('runTargetOf', () => {
  const sha = '06ea48980c1ea0c4e4c1a2b3c4d5e6f708192a3b';
  it('reads a commit page, a commit list (branch with slashes) and a pull request', () => {
    expect(runTargetOf(`https://github.com/acme/egs/commit/${sha}`)).toEqual({ owner: 'acme', repo: 'egs', sha });
    expect(runTargetOf('https://github.com/acme/egs/commits/feature/deep/ref')).toEqual({ owner: 'acme', repo: 'egs', ref: 'feature/deep/ref' });
    expect(runTargetOf('https://github.com/acme/egs/pull/12/commits')).toEqual({ owner: 'acme', repo: 'egs', pr: 12 });
  });
  it('ignores other pages and hosts', () => {
    expect(runTargetOf('https://github.com/acme/egs')).toBeUndefined();
    expect(runTargetOf('https://github.com/acme/egs/commit/main')).toBeUndefined();
    expect(runTargetOf(`https://example.com/acme/egs/commit/${sha}`)).toBeUndefined();
    expect(runTargetOf('not a url')).toBeUndefined();
  });
});
