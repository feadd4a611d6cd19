import { prCommentCommit, reportsForCommits, type CommentLike } from './cml-reports';

const A = '5f02cf9a1c3e7d2b4a6f8e0c1b3d5f7a9c2e4b6d';
const B = '4b59ddc0e2a4c6e8f0a2c4e6a8b0d2f4a6c8e0b2';
const C = 'bce16d4f1a3c5e7a9b1d3f5b7d9f1b3d5f7b9d1f';
const prCommits = [
  { oid: A, committedDate: '2023-05-01T10:00:00Z' },
  { oid: B, committedDate: '2023-05-01T11:00:00Z' },
];
const mark = (fragment = '') => `\n\n![](https://cml.dev/watermark.png${fragment} "CML watermark")`;
const comment = (body: string, createdAt: string, n = 1): CommentLike => ({
  url: `https://github.com/o/r/pull/1#issuecomment-${n}`,
  body,
  author: { login: 'github-actions' },
  createdAt,
});

describe('prCommentCommit: which commit a PR comment reports on', () => {
  it('the full #<sha> fragment names the commit exactly', () => {
    expect(prCommentCommit(comment(`report${mark(`#${A}`)}`, '2023-05-02T00:00:00Z'), prCommits)).toEqual({ sha: A, tie: 'exact' });
  });

  it('an abbreviated #<sha> too', () => {
    expect(prCommentCommit(comment(`report${mark(`#${B.slice(0, 8)}`)}`, '2023-05-02T00:00:00Z'), prCommits)).toEqual({ sha: B, tie: 'exact' });
  });

  it('the fragment may name a page commit that is not in the PR', () => {
    expect(prCommentCommit(comment(`r${mark(`#${C}`)}`, '2023-05-02T00:00:00Z'), prCommits, [C])).toEqual({ sha: C, tie: 'exact' });
  });

  it('a fragment naming no commit we can see gives no commit (not a guess)', () => {
    expect(prCommentCommit(comment(`r${mark('#deadbeef')}`, '2023-05-02T00:00:00Z'), prCommits)).toBeUndefined();
  });

  it('the <sha7> first line of old `cml send-comment --pr`', () => {
    const body = `${A.slice(0, 7)}\n\nreport\n\n![CML watermark](https://raw.githubusercontent.com/iterative/cml/master/assets/watermark.svg)`;
    expect(prCommentCommit(comment(body, '2023-05-02T00:00:00Z'), prCommits)).toEqual({ sha: A, tie: 'exact' });
  });

  it('neither: the newest PR commit committed before the comment, approximate', () => {
    expect(prCommentCommit(comment(`r${mark()}`, '2023-05-01T10:30:00Z'), prCommits)).toEqual({ sha: A, tie: 'approximate' });
    expect(prCommentCommit(comment(`r${mark()}`, '2023-05-01T12:00:00Z'), prCommits)).toEqual({ sha: B, tie: 'approximate' });
    expect(prCommentCommit(comment(`r${mark()}`, '2023-05-01T09:00:00Z'), prCommits)).toBeUndefined();
  });

  it('a comment without a watermark (or quoting one) is no report', () => {
    expect(prCommentCommit(comment('LGTM', '2023-05-02T00:00:00Z'), prCommits)).toBeUndefined();
    expect(prCommentCommit(comment(`> r${mark(`#${A}`).replace(/\n/g, '\n> ')}\n\nnice`, '2023-05-02T00:00:00Z'), prCommits)).toBeUndefined();
  });
});

describe('reportsForCommits: commit comments, PR comments and CML check runs, newest wins', () => {
  it('gathers every source and lists the older reports', () => {
    const commitComment: CommentLike = {
      url: `https://github.com/o/r/commit/${A}#commitcomment-7`,
      body: `old style${mark()}`,
      author: { login: 'olivaw' },
      createdAt: '2023-05-01T10:10:00Z',
    };
    const edited: CommentLike = { ...comment(`train report${mark(`#${A}`)}`, '2023-05-01T10:20:00Z', 2), updatedAt: '2023-05-01T10:50:00Z' };
    const reports = reportsForCommits({
      shas: [B, A],
      commitComments: new Map([[A, [commitComment, { ...commitComment, url: 'x', body: 'no report' }]]]),
      pullRequests: [
        { comments: [edited, comment('LGTM', '2023-05-01T12:00:00Z', 3), comment(`eval${mark()}`, '2023-05-01T11:30:00Z', 4)], commits: prCommits },
      ],
      checkRuns: new Map([
        [
          A,
          [
            { name: 'CML Report', url: 'https://github.com/o/r/runs/9', startedAt: '2023-05-01T10:30:00Z', completedAt: '2023-05-01T10:31:00Z' },
            { name: 'train', url: 'https://github.com/o/r/runs/8', completedAt: '2023-05-01T10:40:00Z' },
          ],
        ],
      ]),
    });
    // The edited comment was rewritten at 10:50 (`cml comment update`), so it is A's newest.
    expect(reports.get(A)).toEqual({
      report: { url: edited.url, author: 'github-actions', time: '2023-05-01T10:50:00Z', tie: 'exact', source: 'pr-comment' },
      others: [
        { url: 'https://github.com/o/r/runs/9', author: null, time: '2023-05-01T10:31:00Z', tie: 'exact', source: 'check-run' },
        { url: commitComment.url, author: 'olivaw', time: '2023-05-01T10:10:00Z', tie: 'exact', source: 'commit-comment' },
      ],
    });
    expect(reports.get(B)).toEqual({
      report: {
        url: 'https://github.com/o/r/pull/1#issuecomment-4',
        author: 'github-actions',
        time: '2023-05-01T11:30:00Z',
        tie: 'approximate',
        source: 'pr-comment',
      },
      others: [],
    });
  });

  it('a check run titled otherwise is a report only when its title is configured', () => {
    const checkRuns = new Map([[A, [{ name: 'Nightly report', url: 'u', completedAt: '2023-05-01T10:31:00Z' }]]]);
    const base = { shas: [A], commitComments: new Map(), pullRequests: [], checkRuns };
    expect(reportsForCommits(base).size).toBe(0);
    expect(reportsForCommits({ ...base, checkTitles: ['Nightly report'] }).get(A)?.report.source).toBe('check-run');
  });

  it('a PR seen from several commits counts each comment once', () => {
    const pr = { comments: [comment(`r${mark(`#${A}`)}`, '2023-05-02T00:00:00Z')], commits: prCommits };
    const reports = reportsForCommits({ shas: [A, B], commitComments: new Map(), pullRequests: [pr, pr], checkRuns: new Map() });
    expect(reports.get(A)?.others).toEqual([]);
    expect(reports.has(B)).toBe(false);
  });
});
