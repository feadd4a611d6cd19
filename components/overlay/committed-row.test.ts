// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { findRows } from '../../lib/page/rows';
import { commitRow } from '../../tests/fake-github/pages/commit-row';
import type { BranchCommitsReply } from '../../lib/messages';
import { followBranch } from './branch-follow';
import { COMMITTED_ATTRIBUTE, committedOf, showCommitted } from './committed-row';

const sha = (n: number) => n.toString(16).padStart(40, 'a');
const LIST = { owner: 'acme', name: 'egs', ref: 'main' };
const author = { name: 'Lee', email: 'lee@example.com', login: 'lee', date: '2026-09-07T08:00:00Z' };

beforeEach(() => {
  // The fake GitHub's own row markup (tests/fake-github/pages/commit-row.ts), two rows in a day group.
  const rows = [1, 2].map((n) =>
    commitRow({ owner: 'acme', repo: 'egs' }, { oid: sha(n), message: `Commit ${n}`, author, committedDate: '2026-09-07T08:00:00Z', parents: [] }),
  );
  document.body.innerHTML = `<div><div class="Timeline-Item"><ul>${rows.join('')}</ul></div></div>`;
});

describe('committedOf', () => {
  it('reads the Run page’s message, and refuses anything else', () => {
    expect(committedOf({ type: 'commit-lab:committed', branch: 'main', commit: sha(3), message: 'Try' })).toEqual({
      branch: 'main',
      commit: sha(3),
      message: 'Try',
    });
    expect(committedOf({ type: 'commit-lab:committed', branch: 'main', commit: 'HEAD' })).toBeUndefined();
    expect(committedOf({ type: 'commit-lab:close-run' })).toBeUndefined();
    expect(committedOf(null)).toBeUndefined();
  });
});

describe('showCommitted', () => {
  it('on the branch’s own list: a row at the top that the page’s row reader reads, the message as text', () => {
    expect(showCommitted(document, LIST, { branch: 'main', commit: sha(3), message: '<img src=x onerror=alert(1)> Try' })).toBe(true);
    const { rows, unreadable } = findRows(document);
    expect(rows.map((r) => r.sha)).toEqual([sha(3), sha(1), sha(2)]);
    expect(unreadable).toBe(0);
    const ours = rows[0]!.element;
    expect(ours.querySelector('h4.markdown-title a')?.textContent).toBe('<img src=x onerror=alert(1)> Try');
    expect(ours.querySelector('img')).toBeNull();
    // GitHub's own classes, and every anchor the overlay draws into.
    expect(ours.className).toBe(document.querySelectorAll('li')[1]!.className);
    for (const id of ['list-view-item-title-container', 'list-view-item-metadata', 'list-view-item-action-bar-container'])
      expect(ours.querySelector(`[data-testid="${id}"]`)).not.toBeNull();
    // Shown once, however often the message comes.
    showCommitted(document, LIST, { branch: 'main', commit: sha(3), message: 'Try' });
    expect(findRows(document).rows).toHaveLength(3);
  });

  it('on another list: no row, a link to the branch’s commits', () => {
    expect(showCommitted(document, LIST, { branch: 'main-abc1234', commit: sha(3), message: 'Try' })).toBe(true);
    expect(findRows(document).rows).toHaveLength(2);
    const link = document.querySelector(`[${COMMITTED_ATTRIBUTE}] a`);
    expect(link?.getAttribute('href')).toBe('/acme/egs/commits/main-abc1234');
  });
});

describe('followBranch', () => {
  it('shows the commits landing after ours at the top, newest first, and stops at the one naming ours', async () => {
    showCommitted(document, LIST, { branch: 'main', commit: sha(3), message: 'Try' });
    const answers: BranchCommitsReply[] = [
      { ok: true, commits: [{ oid: sha(3), url: '', message: 'Try' }] },
      { ok: true, commits: [4, 3].map((n) => ({ oid: sha(n), url: '', message: n === 4 ? `CML PR for ${sha(3).slice(0, 8)} [skip ci] (#2)` : 'Try' })) },
      { ok: true, commits: [] },
    ];
    let asked = 0;
    await followBranch({
      document,
      repo: LIST,
      commit: sha(3),
      ask: async () => answers[asked++]!,
      sleep: async () => undefined,
      signal: new AbortController().signal,
      log: () => undefined,
    });
    expect(asked).toBe(2);
    expect(findRows(document).rows.map((r) => r.sha)).toEqual([sha(4), sha(3), sha(1), sha(2)]);
  });

  it('a failed ask ends the following, said once in the log', async () => {
    showCommitted(document, LIST, { branch: 'main', commit: sha(3), message: 'Try' });
    const logged: string[] = [];
    let asked = 0;
    await followBranch({
      document,
      repo: LIST,
      commit: sha(3),
      ask: async () => (asked++, { ok: false, message: 'rate limited' }),
      sleep: async () => undefined,
      signal: new AbortController().signal,
      log: (m) => logged.push(m),
    });
    expect(asked).toBe(1);
    expect(logged).toEqual(["the branch's new commits could not be read: rate limited"]);
  });
});
