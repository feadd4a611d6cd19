import { RequestError } from '@octokit/request-error';
import { RestValidator } from '../openapi/validator';
import { REST_ROUTES } from './index';
import { BIG_FILE_SIZE, startWorld, type World } from '../worlds/test-world';

/**
 * Every served REST route, through @octokit/rest as the extension calls it, with the fake's
 * requests and answers validated against GitHub's OpenAPI description (test-world wraps the
 * handler in the contract check). Expected values come from the hand-built world.
 */
let w: World;
beforeAll(async () => {
  w = await startWorld();
});
afterAll(async () => w.close());

async function failure(promise: Promise<unknown>): Promise<RequestError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof RequestError) return error;
    throw error;
  }
  throw new Error('expected the request to fail');
}

const repo = { owner: 'octocat', repo: 'demo' };

describe('user, repository, rate limit', () => {
  it('GET /user is the token owner', async () => {
    const { data, headers } = await w.octokit().rest.users.getAuthenticated();
    expect(data.login).toBe('octocat');
    expect(headers['x-oauth-scopes']).toBe('repo, workflow');
  });

  it('GET /user without a token is 401 "Requires authentication"', async () => {
    const res = await w.fetch('/user');
    expect(res.status).toBe(401);
    expect(await res.json()).toMatchObject({ message: 'Requires authentication' });
  });

  it('GET /repos/{owner}/{repo} answers the repository, and 404 for an unknown one', async () => {
    const { data } = await w.octokit().rest.repos.get(repo);
    expect(data).toMatchObject({ full_name: 'octocat/demo', default_branch: 'main', private: false, permissions: { admin: true, push: true } });
    const e = await failure(w.octokit().rest.repos.get({ owner: 'octocat', repo: 'nope' }));
    expect(e.status).toBe(404);
    expect(e.response?.data).toMatchObject({ message: 'Not Found', documentation_url: 'https://docs.github.com/rest/repos/repos#get-a-repository' });
  });

  it('GET /rate_limit reports the core bucket and costs nothing', async () => {
    const before = (await w.octokit('rate-token').rest.rateLimit.get()).data.resources.core.used;
    const again = await w.octokit('rate-token').rest.rateLimit.get();
    expect(again.data.resources.core.used).toBe(before);
    expect(again.data.rate.limit).toBe(5000);
  });
});

describe('git refs and trees', () => {
  it('reads a branch ref', async () => {
    const { data } = await w.octokit().rest.git.getRef({ ...repo, ref: 'heads/exp/lr' });
    expect(data).toMatchObject({ ref: 'refs/heads/exp/lr', object: { sha: w.commits.c4, type: 'commit' } });
  });

  it('creates a ref (201, Location), refuses an existing one with 422 "Reference already exists"', async () => {
    const created = await w.octokit().rest.git.createRef({ ...repo, ref: 'refs/heads/new-branch', sha: w.commits.c2 });
    expect(created.status).toBe(201);
    expect(created.headers.location).toBe('https://api.github.com/repos/octokit/demo/git/refs/heads/new-branch'.replace('octokit', 'octocat'));
    expect(await w.demo.git.readRef('refs/heads/new-branch')).toBe(w.commits.c2);
    const e = await failure(w.octokit().rest.git.createRef({ ...repo, ref: 'refs/heads/new-branch', sha: w.commits.c3 }));
    expect(e.status).toBe(422);
    expect(e.response?.data).toMatchObject({
      message: 'Reference already exists',
      documentation_url: 'https://docs.github.com/rest/git/refs#create-a-reference',
    });
    expect(await w.demo.git.readRef('refs/heads/new-branch')).toBe(w.commits.c2);
  });

  it('updates a ref only by fast-forward unless forced', async () => {
    await w.octokit().rest.git.createRef({ ...repo, ref: 'refs/heads/ff', sha: w.commits.c3 });
    const ff = await w.octokit().rest.git.updateRef({ ...repo, ref: 'heads/ff', sha: w.commits.c4 });
    expect(ff.data.object.sha).toBe(w.commits.c4);
    const e = await failure(w.octokit().rest.git.updateRef({ ...repo, ref: 'heads/ff', sha: w.commits.c1 }));
    expect(e.status).toBe(422);
    expect(e.response?.data).toMatchObject({
      message: 'Update is not a fast forward',
      documentation_url: 'https://docs.github.com/rest/git/refs#update-a-reference',
    });
    expect(await w.demo.git.readRef('refs/heads/ff')).toBe(w.commits.c4);
    const forced = await w.octokit().rest.git.updateRef({ ...repo, ref: 'heads/ff', sha: w.commits.c1, force: true });
    expect(forced.data.object.sha).toBe(w.commits.c1);
  });

  it('lists a tree recursively with GitHub modes, types and blob sizes', async () => {
    const { data } = await w.octokit().rest.git.getTree({ ...repo, tree_sha: w.commits.c3, recursive: '1' });
    expect(data.truncated).toBe(false);
    expect(data.tree.map((e) => [e.path, e.mode, e.type, e.size])).toEqual([
      ['README.md', '100644', 'blob', 7],
      ['data', '040000', 'tree', undefined],
      ['data/big.bin', '100644', 'blob', BIG_FILE_SIZE],
      ['models', '040000', 'tree', undefined],
      ['models/.gitkeep', '100644', 'blob', 0],
      ['params.yaml', '100644', 'blob', 17],
    ]);
    const flat = await w.octokit().rest.git.getTree({ ...repo, tree_sha: 'main' });
    expect(flat.data.tree.map((e) => e.path)).toEqual(['README.md', 'data', 'models', 'params.yaml']);
  });
});

describe('contents', () => {
  it('answers a file as JSON (base64) and raw, at a ref', async () => {
    const json = await w.octokit().rest.repos.getContent({ ...repo, path: 'params.yaml', ref: w.commits.c1 });
    expect(json.data).toMatchObject({ type: 'file', encoding: 'base64', size: 17, path: 'params.yaml' });
    expect(Buffer.from((json.data as { content: string }).content, 'base64').toString()).toBe('train:\n  lr: 0.1\n');
    const raw = await w.fetch('/repos/octocat/demo/contents/params.yaml?ref=exp/lr', { headers: { accept: 'application/vnd.github.raw+json' } });
    expect(raw.status).toBe(200);
    expect(raw.headers.get('content-type')).toBe('application/vnd.github.raw; charset=utf-8');
    expect(await raw.text()).toBe('train:\n  lr: 0.4\n');
  });

  it('lists a directory', async () => {
    const { data } = await w.octokit().rest.repos.getContent({ ...repo, path: 'data' });
    expect(data).toEqual([expect.objectContaining({ name: 'big.bin', path: 'data/big.bin', type: 'file', size: BIG_FILE_SIZE })]);
  });

  it('applies the 1 MB rule: 403 too_large as JSON, empty content as object, bytes as raw', async () => {
    const e = await failure(w.octokit().rest.repos.getContent({ ...repo, path: 'data/big.bin' }));
    expect(e.status).toBe(403);
    expect(e.response?.data).toMatchObject({ errors: [{ resource: 'Blob', field: 'data', code: 'too_large' }] });
    const object = await w.fetch('/repos/octocat/demo/contents/data/big.bin', { headers: { accept: 'application/vnd.github.object+json' } });
    expect(await object.json()).toMatchObject({ content: '', encoding: 'none', size: BIG_FILE_SIZE });
    const raw = await w.fetch('/repos/octocat/demo/contents/data/big.bin', { headers: { accept: 'application/vnd.github.raw+json' } });
    expect((await raw.arrayBuffer()).byteLength).toBe(BIG_FILE_SIZE);
  });

  it('404s a missing path and an unknown ref', async () => {
    expect((await failure(w.octokit().rest.repos.getContent({ ...repo, path: 'nope.txt' }))).status).toBe(404);
    const e = await failure(w.octokit().rest.repos.getContent({ ...repo, path: 'params.yaml', ref: 'no-such-branch' }));
    expect(e.response?.data).toMatchObject({ message: 'No commit found for the ref no-such-branch' });
  });
});

describe('commits, comments, PRs of a commit', () => {
  it('lists commits in git log order with Link pagination', async () => {
    const page1 = await w.octokit().rest.repos.listCommits({ ...repo, sha: 'exp/lr', per_page: 3 });
    expect(page1.data.map((c) => c.sha)).toEqual([w.commits.c4, w.commits.c3, w.commits.c2]);
    expect(page1.data[0]!.commit.message).toBe('Try lr 0.4');
    expect(page1.data[0]!.author?.login).toBe('octocat');
    expect(page1.headers.link).toMatch(/page=2>; rel="next", <[^>]*page=2>; rel="last"/);
    const page2 = await w.octokit().rest.repos.listCommits({ ...repo, sha: 'exp/lr', per_page: 3, page: 2 });
    expect(page2.data.map((c) => c.sha)).toEqual([w.commits.c1]);
    const byPath = await w.octokit().rest.repos.listCommits({ ...repo, path: 'data/big.bin' });
    expect(byPath.data.map((c) => c.sha)).toEqual([w.commits.c2]);
  });

  it('creates and lists commit comments', async () => {
    const body = 'Report\n\n![](https://cml.dev/watermark.png#abc "CML watermark")';
    const made = await w.octokit().rest.repos.createCommitComment({ ...repo, commit_sha: w.commits.c3, body });
    expect(made.status).toBe(201);
    expect(made.data).toMatchObject({ body, commit_id: w.commits.c3, user: { login: 'octocat' } });
    const { data } = await w.octokit().rest.repos.listCommentsForCommit({ ...repo, commit_sha: w.commits.c3 });
    expect(data.map((c) => c.id)).toEqual([made.data.id]);
    const e = await failure(w.octokit().rest.repos.createCommitComment({ ...repo, commit_sha: w.commits.c3, body: '' }));
    expect(e.status).toBe(422);
  });

  it('opens a PR, refuses a duplicate and an empty one, and finds it from its commit', async () => {
    const pr = await w.octokit().rest.pulls.create({ ...repo, head: 'exp/lr', base: 'main', title: 'lr 0.4' });
    expect(pr.status).toBe(201);
    expect(pr.data).toMatchObject({
      number: 1,
      state: 'open',
      head: { ref: 'exp/lr', sha: w.commits.c4 },
      base: { ref: 'main', sha: w.commits.c3 },
      commits: 1,
    });
    const dup = await failure(w.octokit().rest.pulls.create({ ...repo, head: 'octocat:exp/lr', base: 'main', title: 'again' }));
    expect(dup.status).toBe(422);
    expect(dup.response?.data).toMatchObject({
      message: 'Validation Failed',
      errors: [{ resource: 'PullRequest', code: 'custom', message: 'A pull request already exists for octocat:exp/lr.' }],
    });
    await w.octokit().rest.git.createRef({ ...repo, ref: 'refs/heads/same', sha: w.commits.c3 });
    const empty = await failure(w.octokit().rest.pulls.create({ ...repo, head: 'same', base: 'main', title: 'nothing' }));
    expect(empty.response?.data).toMatchObject({ errors: [{ message: 'No commits between main and same' }] });

    const forCommit = await w.octokit().rest.repos.listPullRequestsAssociatedWithCommit({ ...repo, commit_sha: w.commits.c4 });
    expect(forCommit.data.map((p) => p.number)).toEqual([1]);
    const onMain = await w.octokit().rest.repos.listPullRequestsAssociatedWithCommit({ ...repo, commit_sha: w.commits.c3 });
    expect(onMain.data).toEqual([]);

    const listed = await w.octokit().rest.pulls.list({ ...repo, head: 'octocat:exp/lr', state: 'open' });
    expect(listed.data.map((p) => p.number)).toEqual([1]);
    const got = await w.octokit().rest.pulls.get({ ...repo, pull_number: 1 });
    expect(got.data.title).toBe('lr 0.4');
    expect((await failure(w.octokit().rest.pulls.get({ ...repo, pull_number: 99 }))).status).toBe(404);
  });

  it('creates, lists and updates PR (issue) comments', async () => {
    const made = await w.octokit().rest.issues.createComment({ ...repo, issue_number: 1, body: 'first' });
    expect(made.status).toBe(201);
    const updated = await w.octokit().rest.issues.updateComment({ ...repo, comment_id: made.data.id, body: 'edited' });
    expect(updated.data.body).toBe('edited');
    const { data } = await w.octokit().rest.issues.listComments({ ...repo, issue_number: 1 });
    expect(data.map((c) => c.body)).toEqual(['edited']);
    expect((await failure(w.octokit().rest.issues.listComments({ ...repo, issue_number: 42 }))).status).toBe(404);
  });
});

describe('CI: check runs, statuses, workflow runs', () => {
  const app = 'ghs_installation';
  beforeAll(() => {
    w.tokens.add(app, 'github-actions[bot]', { kind: 'installation', permissions: { checks: 'write', contents: 'read', metadata: 'read' } });
    w.demo.collaborators.set('github-actions[bot]', 'write');
  });

  it('creates and updates a check run with an installation token, and lists the latest per name', async () => {
    const made = await w.octokit(app).rest.checks.create({ ...repo, name: 'CML Report', head_sha: w.commits.c3, status: 'in_progress' });
    expect(made.status).toBe(201);
    expect(made.data).toMatchObject({ name: 'CML Report', head_sha: w.commits.c3, status: 'in_progress', conclusion: null });
    const done = await w
      .octokit(app)
      .rest.checks.update({ ...repo, check_run_id: made.data.id, conclusion: 'success', output: { title: 'CML', summary: 'ok' } });
    expect(done.data).toMatchObject({ status: 'completed', conclusion: 'success', output: { title: 'CML', summary: 'ok' } });
    await w.octokit(app).rest.checks.create({ ...repo, name: 'CML Report', head_sha: w.commits.c3, conclusion: 'failure' });
    const latest = await w.octokit().rest.checks.listForRef({ ...repo, ref: 'main' });
    expect(latest.data.total_count).toBe(1);
    expect(latest.data.check_runs[0]).toMatchObject({ conclusion: 'failure' });
    const all = await w.octokit().rest.checks.listForRef({ ...repo, ref: w.commits.c3, filter: 'all' });
    expect(all.data.total_count).toBe(2);
  });

  it('refuses check-run writes from a personal token: "You must authenticate via a GitHub App."', async () => {
    const e = await failure(w.octokit().rest.checks.create({ ...repo, name: 'x', head_sha: w.commits.c3 }));
    expect(e.status).toBe(403);
    expect(e.response?.data).toMatchObject({ message: 'You must authenticate via a GitHub App.' });
  });

  it('combines statuses per context and lists them', async () => {
    const empty = await w.octokit().rest.repos.getCombinedStatusForRef({ ...repo, ref: w.commits.c1 });
    expect(empty.data).toMatchObject({ state: 'pending', total_count: 0 });
    w.store.addStatus(w.demo, { sha: w.commits.c2, context: 'ci/train', state: 'PENDING' });
    w.store.addStatus(w.demo, { sha: w.commits.c2, context: 'ci/train', state: 'SUCCESS' });
    w.store.addStatus(w.demo, { sha: w.commits.c2, context: 'ci/lint', state: 'SUCCESS' });
    const combined = await w.octokit().rest.repos.getCombinedStatusForRef({ ...repo, ref: w.commits.c2 });
    expect(combined.data).toMatchObject({ state: 'success', total_count: 2, sha: w.commits.c2 });
    const listed = await w.octokit().rest.repos.listCommitStatusesForRef({ ...repo, ref: w.commits.c2 });
    expect(listed.data.map((s) => [s.context, s.state])).toEqual([
      ['ci/lint', 'success'],
      ['ci/train', 'success'],
      ['ci/train', 'pending'],
    ]);
  });

  it('lists workflow runs, filtered by head_sha', async () => {
    w.store.addWorkflowRun(w.demo, { name: 'Train', headSha: w.commits.c3 });
    w.store.addWorkflowRun(w.demo, { name: 'Train', headSha: w.commits.c2, status: 'in_progress' });
    const { data } = await w.octokit().rest.actions.listWorkflowRunsForRepo({ ...repo, head_sha: w.commits.c2 });
    expect(data.total_count).toBe(1);
    expect(data.workflow_runs[0]).toMatchObject({ head_sha: w.commits.c2, status: 'in_progress', conclusion: null, display_title: 'Try lr 0.2' });
  });
});

describe("GitHub's description, both directions", () => {
  it('validated every route the router dispatches on, and every REST request it answered', () => {
    // Served = the router's own table; validated = what the contract check saw at run time.
    const served = Object.keys(REST_ROUTES);
    const validated = served.filter((op) => {
      const seen = w.contract.checked.get(op);
      return seen !== undefined && seen.requests > 0 && seen.responses > 0;
    });
    console.log(`validated ${validated.length} of ${served.length} routes against GitHub's OpenAPI description`);
    for (const [op, seen] of w.contract.checked) console.log(`  ${op}: ${seen.requests} requests, statuses ${[...seen.statuses].sort().join(' ')}`);
    expect(w.contract.violations).toEqual([]);
    expect(served.filter((op) => !validated.includes(op))).toEqual([]);
    expect(validated).toHaveLength(served.length);
    // The vendored file (not the list it was cut from) describes exactly the routed operations.
    expect(new RestValidator().operations.sort()).toEqual([...served].sort());
    // No REST request reached an answer without passing through the check: the server's own log
    // counts every request, the contract counts what it validated.
    const restRequests = w.server.log.filter((r) => r.site === 'api' && r.path !== '/graphql' && r.method !== 'OPTIONS');
    const checkedRequests = [...w.contract.checked.values()].reduce((n, seen) => n + seen.requests, 0);
    expect(checkedRequests).toBe(restRequests.length);
  });
});
