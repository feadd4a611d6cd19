import { describe, expect, it } from 'vitest';
import { studioBranchName, studioMessage } from './studio-message';
import { studioCommit } from './testing/studio-commits';

describe('studioMessage', () => {
  it('keeps a subject of up to 45 characters whole (Studio left 41- and 43-character ones whole)', () => {
    const key45 = `params.yaml:${'k'.repeat(45 - 'Update params.yaml:'.length)}`;
    expect(studioMessage([key45])).toEqual({ subject: `Update ${key45}`, body: '' });
    expect(studioMessage([`${key45}z`])).toEqual({ subject: `Update ${key45}...`, body: '...z' });
  });

  it('cuts between characters, never inside one', () => {
    // "Update params.yaml:" is 19 characters; 25 more, then the emoji (two UTF-16 units) is the 45th.
    const { subject, body } = studioMessage([`params.yaml:${'é'.repeat(25)}🙂${'x'.repeat(5)}`]);
    expect(Array.from(subject.slice(0, -3))).toHaveLength(45);
    expect(subject.endsWith('🙂...')).toBe(true);
    expect(body).toBe('...xxxxx');
  });
});

describe('studioBranchName', () => {
  it('is the base branch and the 7-digit SHA of the commit the run starts from, as Studio named main-15dd333', () => {
    // 564bf6d's parent is 15dd333 (fixtures README); the CML PR that merged into its branch names it.
    expect(studioCommit('iterative__example-get-started-experiments/commits/9035c7c-cml-pr-squash-into-main-15dd333.txt').subject).toContain(
      studioBranchName('main', '15dd333b6d8e2bd5d5a1e4e07d1c1f8f2e1f0a11'),
    );
    expect(studioBranchName('release/v2', 'ABCDEF0123')).toBe('release/v2-abcdef0');
    expect(() => studioBranchName('main', 'HEAD~1')).toThrow('not a commit SHA');
  });
});
