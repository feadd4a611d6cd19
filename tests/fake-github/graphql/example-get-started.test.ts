import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startFakeGitHub, type FakeGitHub } from '../app';
import { writeExampleGetStarted } from '../seed/example-get-started';
import { EXAMPLE_GET_STARTED } from '../seed/fixtures';
import { GITHUB_API_FIXTURES } from '../../fixture-paths';
import { blobOid, git } from '../git/git-cli';
import { DEFAULT_SCOPES } from '../tokens';
import { gql } from './client';

/**
 * The fixture queries of tests/fixtures/github-api/queries/ and the "Done when"
 * points, against the real example-get-started snapshots seeded into a bare repository.
 */
const QUERIES = join(GITHUB_API_FIXTURES, 'queries');
const query = (file: string) => readFile(join(QUERIES, file), 'utf8');
const real = (path: string) => readFile(join(EXAMPLE_GET_STARTED, path), 'utf8');
const b64 = (text: string | Buffer) => Buffer.from(text).toString('base64');

let fake: FakeGitHub;
let folder: string;
let gitDir: string;
let mainOid: string;

beforeAll(async () => {
  folder = await mkdtemp(join(tmpdir(), 'egs-snapshots-'));
  await writeExampleGetStarted(folder);
  fake = await startFakeGitHub({ seeds: [{ owner: 'iterative', name: 'example-get-started', folder }] });
  const repo = fake.store.repository('iterative', 'example-get-started')!;
  gitDir = repo.git.gitDir;
  mainOid = git(gitDir, 'rev-parse', 'main').trim();
  const forest = git(gitDir, 'rev-parse', 'tune-hyperparams').trim();
  fake.store.addPullRequest(repo, { title: 'Tune random forest', headRefName: 'tune-hyperparams', baseRefName: 'main', headRefOid: forest });
  fake.store.addCommitComment(repo, {
    commitOid: mainOid,
    body: '## Metrics\n![](https://cml.dev/watermark.png#' + mainOid + ' "CML watermark")',
    author: 'octocat',
  });
  fake.store.addCheckRun(repo, {
    headSha: mainOid,
    name: 'run',
    status: 'COMPLETED',
    conclusion: 'SUCCESS',
    workflowRunId: 4242,
    detailsUrl: 'https://github.com/iterative/example-get-started/actions/runs/4242/job/1',
  });
  fake.store.addStatus(repo, { sha: mainOid, context: 'cml/report', state: 'PENDING', targetUrl: 'https://cml.dev/report' });
});
afterAll(async () => {
  await fake.close();
  await rm(folder, { recursive: true, force: true });
});

const vars = { owner: 'iterative', name: 'example-get-started' };

describe('fixture queries run against the seeded example-get-started history', () => {
  it('commits-page.graphql: git log order, real file bytes, CI, comments, PRs and the documented cost', async () => {
    const { status, body } = await gql<any>(fake.url, await query('commits-page.graphql'), { ...vars, qualifiedName: 'refs/heads/main', first: 50 });
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    const history = body.data.repository.ref.target.history;
    expect(history.nodes.map((n: { oid: string }) => n.oid)).toEqual(git(gitDir, 'rev-list', 'main').trim().split('\n'));
    expect(history.nodes.map((n: { messageHeadline: string }) => n.messageHeadline)).toEqual([
      'Evaluate bigrams model',
      'Create evaluation stage',
      'Update params.yaml:train.n_est',
      'Example get-started, 2021 layout',
    ]);
    expect(history.pageInfo.hasNextPage).toBe(false);
    const tip = history.nodes[0];
    const params = await real('main-06ea489/params.yaml');
    expect(tip.params).toEqual({
      oid: blobOid(params),
      size: Buffer.byteLength(params),
      object: { text: params, byteSize: Buffer.byteLength(params), isTruncated: false, isBinary: false },
    });
    expect(tip.dvcLock.object.text).toBe(await real('main-06ea489/dvc.lock'));
    expect(tip.metrics).toBeNull(); // no metrics.json at the root of this project
    expect(tip.committedDate).toBe('2023-08-26T12:00:00Z');
    expect(tip.parents.nodes).toEqual([{ oid: history.nodes[1].oid }]);
    expect(tip.statusCheckRollup).toEqual({ state: 'PENDING' }); // a success and a pending status
    expect(tip.comments.nodes).toHaveLength(1);
    expect(tip.comments.nodes[0]).toMatchObject({
      author: { login: 'octocat' },
      url: expect.stringMatching(new RegExp(`/commit/${mainOid}#commitcomment-\\d+$`)),
    });
    expect(history.nodes[1].statusCheckRollup).toBeNull();
    // Documented arithmetic: history 1 request + parents, comments and PRs once per each of 50 commits = 151 → 2 points.
    expect(body.data.rateLimit.cost).toBe(2);
  });

  it('commits-page.graphql on a PR branch lists the PR as associated', async () => {
    const { body } = await gql<any>(fake.url, await query('commits-page.graphql'), { ...vars, qualifiedName: 'refs/heads/tune-hyperparams', first: 1 });
    expect(body.errors).toBeUndefined();
    const [node] = body.data.repository.ref.target.history.nodes;
    expect(node.associatedPullRequests.nodes).toEqual([
      { number: 1, url: 'https://github.com/iterative/example-get-started/pull/1', state: 'OPEN', headRefName: 'tune-hyperparams' },
    ]);
    expect(node.params.object.text).toBe(await real('random-forest-bea12fe/params.yaml'));
    expect(body.data.rateLimit.cost).toBe(1); // 1 + 3 × 1 = 4 requests → 0.04 → the minimum, 1
  });

  it('blobs-batch.graphql: placeholder oids resolve to null without error; real ones give the files', async () => {
    const text = await query('blobs-batch.graphql');
    const verbatim = await gql<any>(fake.url, text, vars);
    expect(verbatim.body).toEqual({ data: { repository: { f0: null, f1: null, f2: null } } });

    const studio = git(gitDir, 'rev-parse', 'main~1').trim();
    const withOids = text.replaceAll('0123456789abcdef0123456789abcdef01234567', mainOid).replaceAll('89abcdef0123456789abcdef0123456789abcdef', studio);
    const { body } = await gql<any>(fake.url, withOids, vars);
    expect(body.errors).toBeUndefined();
    const params = await real('main-06ea489/params.yaml');
    expect(body.data.repository.f0).toEqual({ oid: blobOid(params), text: params, byteSize: Buffer.byteLength(params), isTruncated: false, isBinary: false });
    expect(body.data.repository.f1.text).toBe(await real('main-06ea489/dvc.lock'));
    expect(body.data.repository.f2).toBeNull(); // metrics/scores.json is not a path of this project
  });

  it('ci-for-commits.graphql: check runs and statuses of a commit', async () => {
    const text = (await query('ci-for-commits.graphql')).replace('0123456789abcdef0123456789abcdef01234567', mainOid);
    const { body } = await gql<any>(fake.url, text, vars);
    expect(body.errors).toBeUndefined();
    const rollup = body.data.repository.c0.statusCheckRollup;
    expect(rollup.state).toBe('PENDING');
    expect(rollup.contexts.nodes).toEqual([
      {
        __typename: 'CheckRun',
        name: 'run',
        status: 'COMPLETED',
        conclusion: 'SUCCESS',
        detailsUrl: 'https://github.com/iterative/example-get-started/actions/runs/4242/job/1',
        checkSuite: { workflowRun: { databaseId: 4242, url: 'https://github.com/iterative/example-get-started/actions/runs/4242' } },
      },
      { __typename: 'StatusContext', context: 'cml/report', state: 'PENDING', targetUrl: 'https://cml.dev/report', description: null },
    ]);
  });

  it('history(path:) follows git log -- <path>', async () => {
    const { body } = await gql<any>(
      fake.url,
      '{ repository(owner: "iterative", name: "example-get-started") { defaultBranchRef { target { ... on Commit { history(first: 10, path: "scores.json") { totalCount nodes { oid } } } } } } }',
    );
    const history = body.data.repository.defaultBranchRef.target.history;
    // Added by the 2021 layout, deleted by the Studio commit's snapshot.
    expect(history.nodes.map((n: { oid: string }) => n.oid)).toEqual([git(gitDir, 'rev-parse', 'main~2').trim(), git(gitDir, 'rev-parse', 'main~3').trim()]);
    expect(history.totalCount).toBe(2);
  });
});

describe('objects, refs, pull requests and nodes', () => {
  it('history filters by author email and committer date like git log --author/--since/--until', async () => {
    const { body } = await gql<any>(
      fake.url,
      `{ repository(owner: "iterative", name: "example-get-started") { defaultBranchRef { target { ... on Commit {
          byAuthor: history(first: 10, author: { emails: ["yathomasi@gmail.com"] }) { nodes { messageHeadline } }
          august: history(first: 10, since: "2023-08-01T00:00:00Z", until: "2023-08-26T11:00:00Z") { nodes { messageHeadline } } } } } } }`,
    );
    expect(body.errors).toBeUndefined();
    const target = body.data.repository.defaultBranchRef.target;
    expect(target.byAuthor.nodes).toEqual([{ messageHeadline: 'Update params.yaml:train.n_est' }]);
    expect(target.august.nodes).toEqual([{ messageHeadline: 'Create evaluation stage' }]);
  });

  it('object(oid:) and Tree entries mirror git ls-tree', async () => {
    const tree = git(gitDir, 'rev-parse', 'main^{tree}').trim();
    const { body } = await gql<any>(
      fake.url,
      `{ repository(owner: "iterative", name: "example-get-started") {
          object(oid: "${tree}") { __typename ... on Tree { oid entries { name path type mode oid } } }
          data: object(expression: "main:data") { ... on Tree { entries { name path type mode oid object { ... on Blob { byteSize } } } } } } }`,
    );
    expect(body.errors).toBeUndefined();
    const lsTree = (treeish: string) =>
      git(gitDir, 'ls-tree', treeish)
        .trim()
        .split('\n')
        .map((line) => {
          const [meta, name] = line.split('\t') as [string, string];
          const [mode, type, oid] = meta.split(' ') as [string, string, string];
          return { mode: Number(mode), type, oid, name };
        });
    expect(body.data.repository.object.__typename).toBe('Tree');
    expect(body.data.repository.object.entries.map(({ path: _path, ...e }: { path: string }) => e)).toEqual(lsTree('main'));
    expect(body.data.repository.data.entries.map((e: { path: string }) => e.path)).toEqual(lsTree('main:data').map((e) => `data/${e.name}`));
    const dvcFile = body.data.repository.data.entries.find((e: { name: string }) => e.name === 'data.xml.dvc');
    expect(dvcFile.object.byteSize).toBe(Buffer.byteLength(await real('main-06ea489/data/data.xml.dvc')));
  });

  it('Commit fields mirror git log for the Studio commit (author ≠ committer)', async () => {
    const studio = git(gitDir, 'rev-parse', 'main~2').trim();
    const { body } = await gql<any>(
      fake.url,
      `{ repository(owner: "iterative", name: "example-get-started") { object(oid: "${studio}") { ... on Commit {
          oid abbreviatedOid url message messageHeadline messageBody committedDate authoredDate
          author { name email date user { login } } committer { name email date }
          tree { oid } signature { state } } } } }`,
    );
    expect(body.errors).toBeUndefined();
    const [tree, author, committer, date] = git(gitDir, 'log', '-1', '--format=%T%n%an <%ae>%n%cn <%ce>%n%cI', studio).trim().split('\n');
    expect(body.data.repository.object).toEqual({
      oid: studio,
      abbreviatedOid: studio.slice(0, 7),
      url: `https://github.com/iterative/example-get-started/commit/${studio}`,
      message: 'Update params.yaml:train.n_est',
      messageHeadline: 'Update params.yaml:train.n_est',
      messageBody: '',
      committedDate: '2023-03-13T08:28:18Z',
      authoredDate: '2023-03-13T08:28:18Z',
      author: { name: 'Thomas Kunwar', email: 'yathomasi@gmail.com', date: '2023-03-13T08:28:18Z', user: null },
      committer: { name: 'iterative-studio[bot]', email: 'bots+studio@iterative.ai', date: '2023-03-13T08:28:18Z' },
      tree: { oid: tree },
      signature: null,
    });
    expect([author, committer, date]).toEqual([
      'Thomas Kunwar <yathomasi@gmail.com>',
      'iterative-studio[bot] <bots+studio@iterative.ai>',
      '2023-03-13T08:28:18+00:00',
    ]);
  });

  it('a pull request with its head, base, commits and comments', async () => {
    const repo = fake.store.repository('iterative', 'example-get-started')!;
    const pr = repo.pullRequests[0]!;
    fake.store.addPullRequestComment(pr, { body: 'CML report', author: 'octocat' });
    const { body } = await gql<any>(
      fake.url,
      `{ repository(owner: "iterative", name: "example-get-started") { pullRequest(number: 1) {
          number url headRefName headRefOid baseRefName state
          commits(first: 10) { totalCount nodes { commit { oid messageHeadline } } }
          comments(last: 5) { nodes { body url author { login } } } } } }`,
    );
    expect(body.errors).toBeUndefined();
    const forest = git(gitDir, 'rev-parse', 'tune-hyperparams').trim();
    expect(body.data.repository.pullRequest).toMatchObject({
      number: 1,
      url: 'https://github.com/iterative/example-get-started/pull/1',
      headRefName: 'tune-hyperparams',
      headRefOid: forest,
      baseRefName: 'main',
      state: 'OPEN',
      commits: { totalCount: 1, nodes: [{ commit: { oid: forest, messageHeadline: 'Run experiments tuning random forest params' } }] },
      comments: { nodes: [{ body: 'CML report', author: { login: 'octocat' } }] },
    });
    expect(body.data.repository.pullRequest.comments.nodes[0].url).toMatch(/\/pull\/1#issuecomment-\d+$/);
  });

  it('refs, short ref names, node ids and the viewer', async () => {
    const { body } = await gql<any>(
      fake.url,
      `{ viewer { login }
         repository(owner: "iterative", name: "example-get-started") {
           id nameWithOwner
           short: ref(qualifiedName: "main") { name prefix target { oid } }
           missing: ref(qualifiedName: "refs/heads/nope") { name }
           refs(refPrefix: "refs/heads/", first: 10) { nodes { name } } } }`,
    );
    expect(body.errors).toBeUndefined();
    const { repository } = body.data;
    expect(body.data.viewer).toEqual({ login: 'octocat' });
    expect(repository.short).toEqual({ name: 'main', prefix: 'refs/heads/', target: { oid: mainOid } });
    expect(repository.missing).toBeNull();
    expect(repository.refs.nodes.map((n: { name: string }) => n.name)).toEqual(
      git(gitDir, 'for-each-ref', '--format=%(refname:short)', 'refs/heads/').trim().split('\n'),
    );
    const again = await gql<any>(fake.url, `{ node(id: "${repository.id}") { ... on Repository { nameWithOwner } } }`);
    expect(again.body.data.node).toEqual({ nameWithOwner: 'iterative/example-get-started' });
  });
});

describe('GitHub-shaped errors', () => {
  it("a misspelled field gets GitHub's wording and undefinedField, HTTP 200, no data", async () => {
    const { status, body } = await gql(fake.url, 'query { repository(owner: "iterative", name: "example-get-started") { nmae } }');
    expect(status).toBe(200);
    expect(body).toEqual({
      errors: [
        {
          message: "Field 'nmae' doesn't exist on type 'Repository'",
          locations: [{ line: 1, column: 71 }], // 1-based column of `nmae`
          path: ['query', 'repository', 'nmae'],
          extensions: { code: 'undefinedField', typeName: 'Repository', fieldName: 'nmae' },
        },
      ],
    });
  });

  it('a missing repository is NOT_FOUND with data.repository null', async () => {
    const { status, body } = await gql(fake.url, 'query { repository(owner: "iterative", name: "nope") { id } }');
    expect(status).toBe(200);
    expect(body).toEqual({
      data: { repository: null },
      errors: [
        {
          type: 'NOT_FOUND',
          path: ['repository'],
          locations: [{ line: 1, column: 9 }],
          message: "Could not resolve to a Repository with the name 'iterative/nope'.",
        },
      ],
    });
  });

  it('a connection without first/last is refused before anything runs', async () => {
    const { body } = await gql(fake.url, '{ repository(owner: "iterative", name: "example-get-started") { pullRequests { totalCount } } }');
    expect(body.errors?.[0]).toMatchObject({
      type: 'MISSING_PAGINATION_BOUNDARIES',
      message: 'You must provide a `first` or `last` value to properly paginate the `pullRequests` connection.',
    });
  });

  it('no token: 401 as GitHub answers unauthenticated GraphQL', async () => {
    const response = await fetch(`${fake.url}/api/graphql`, { method: 'POST', body: JSON.stringify({ query: '{ viewer { login } }' }) });
    expect(response.status).toBe(401);
    expect(await response.json()).toMatchObject({ message: 'This endpoint requires you to be authenticated.' });
  });

  it('answers at api.github.com/graphql as at the GHE path /api/graphql', async () => {
    const response = await fetch(`${fake.url}/graphql`, {
      method: 'POST',
      headers: { authorization: 'bearer t', 'x-forwarded-host': 'api.github.com' },
      body: JSON.stringify({ query: '{ repository(owner: "iterative", name: "example-get-started") { nameWithOwner } }' }),
    });
    expect(await response.json()).toEqual({ data: { repository: { nameWithOwner: 'iterative/example-get-started' } } });
  });

  it('an exhausted graphql bucket answers RATE_LIMIT (graphql_rate_limit) with HTTP 200 and remaining 0, as GitHub has since 2025', async () => {
    const user = fake.store.addUser({ login: 'busy-bee' });
    fake.tokens.add('busy-token', user.login, { kind: 'classic', scopes: DEFAULT_SCOPES });
    const bucket = fake.store.rateBucket(user.login, 'graphql');
    bucket.used = bucket.limit;
    const { status, headers, body } = await gql(fake.url, '{ viewer { login } }', {}, 'busy-token');
    expect(status).toBe(200);
    expect(headers.get('x-ratelimit-remaining')).toBe('0');
    expect(body).toEqual({
      errors: [{ type: 'RATE_LIMIT', code: 'graphql_rate_limit', message: `API rate limit already exceeded for user ID ${user.databaseId}.` }],
    });
  });

  it('charges each call to the graphql bucket', async () => {
    const first = await gql(fake.url, '{ viewer { login } }');
    const second = await gql(fake.url, '{ viewer { login } }');
    expect(first.body).toEqual({ data: { viewer: { login: 'octocat' } } });
    expect(second.headers.get('x-ratelimit-resource')).toBe('graphql');
    expect(Number(first.headers.get('x-ratelimit-remaining')) - Number(second.headers.get('x-ratelimit-remaining'))).toBe(1);
  });
});

describe('writes: createRef and createCommitOnBranch through git compare-and-swap', () => {
  const branch = 'studio-exp-1';
  let head: string;
  let repositoryId: string;

  beforeAll(async () => {
    const { body } = await gql<any>(fake.url, '{ repository(owner: "iterative", name: "example-get-started") { id } }');
    repositoryId = body.data.repository.id;
  });

  it('create-ref.graphql makes a branch at a commit and refuses an existing name', async () => {
    const text = await query('create-ref.graphql');
    const { body } = await gql<any>(fake.url, text, { repositoryId, name: `refs/heads/${branch}`, oid: mainOid });
    expect(body.errors).toBeUndefined();
    expect(body.data.createRef.ref).toMatchObject({ name: branch, target: { oid: mainOid } });
    expect(git(gitDir, 'rev-parse', branch).trim()).toBe(mainOid);

    const again = await gql<any>(fake.url, text, { repositoryId, name: `refs/heads/${branch}`, oid: git(gitDir, 'rev-parse', 'main~1').trim() });
    expect(again.body.data).toEqual({ createRef: null });
    expect(again.body.errors?.[0]).toMatchObject({
      type: 'UNPROCESSABLE',
      path: ['createRef'],
      message: `A ref named "refs/heads/${branch}" already exists in the repository.`,
    });
    expect(git(gitDir, 'rev-parse', branch).trim()).toBe(mainOid);
    head = mainOid;
  });

  it('create-commit-on-branch.graphql makes exactly one commit carrying every change', async () => {
    const params = (await real('main-06ea489/params.yaml')).replace('n_est: 50', 'n_est: 150');
    const input = {
      branch: { repositoryNameWithOwner: 'iterative/example-get-started', branchName: branch },
      expectedHeadOid: head,
      message: { headline: 'Update params.yaml:train.n_est', body: 'Experiment-Run: 7d1c' },
      fileChanges: {
        additions: [
          { path: 'params.yaml', contents: b64(params) },
          { path: 'notes/run.md', contents: b64('# run\n') },
        ],
        deletions: [{ path: '.gitignore' }],
      },
    };
    const { status, body } = await gql<any>(fake.url, await query('create-commit-on-branch.graphql'), { input });
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    const { commit, ref } = body.data.createCommitOnBranch;
    expect(ref).toEqual({ name: branch, target: { oid: commit.oid } });
    expect(commit.url).toBe(`https://github.com/iterative/example-get-started/commit/${commit.oid}`);
    expect(commit.signature).toEqual({ isValid: true, state: 'VALID', wasSignedByGitHub: true });

    expect(git(gitDir, 'rev-parse', branch).trim()).toBe(commit.oid);
    expect(git(gitDir, 'rev-list', `${head}..${branch}`).trim().split('\n')).toEqual([commit.oid]);
    expect(git(gitDir, 'show', '--no-renames', '--name-status', '--format=%P%n%an <%ae>%n%cn <%ce>%n%B', branch).trim().split('\n')).toEqual([
      head,
      'octocat <octocat@users.noreply.github.com>',
      'GitHub <noreply@github.com>',
      'Update params.yaml:train.n_est',
      '',
      'Experiment-Run: 7d1c',
      '',
      'D\t.gitignore',
      'A\tnotes/run.md',
      'M\tparams.yaml',
    ]);
    expect(git(gitDir, 'show', `${branch}:params.yaml`)).toBe(params);
    head = commit.oid;
  });

  it('a stale expectedHeadOid answers STALE_DATA, HTTP 200, and leaves the branch untouched', async () => {
    const objectsBefore = git(gitDir, 'count-objects', '-v');
    const stale = mainOid;
    const input = {
      branch: { repositoryNameWithOwner: 'iterative/example-get-started', branchName: branch },
      expectedHeadOid: stale,
      message: { headline: 'Update params.yaml:train.n_est' },
      fileChanges: { additions: [{ path: 'params.yaml', contents: b64('train:\n  n_est: 1\n') }] },
    };
    const { status, body } = await gql<any>(fake.url, await query('create-commit-on-branch.graphql'), { input });
    expect(status).toBe(200);
    expect(body.data).toEqual({ createCommitOnBranch: null });
    expect(body.errors).toEqual([
      {
        type: 'STALE_DATA',
        path: ['createCommitOnBranch'],
        locations: [{ line: 2, column: 3 }],
        message: `Expected branch to point to "${stale}" but it did not.  Pull and try again.`,
      },
    ]);
    expect(git(gitDir, 'rev-parse', branch).trim()).toBe(head);
    expect(git(gitDir, 'count-objects', '-v')).toBe(objectsBefore); // not even a dangling blob
  });

  it('two writers racing from the same head: exactly one commit lands, the other gets STALE_DATA', async () => {
    const mutation = await query('create-commit-on-branch.graphql');
    const write = (who: string) =>
      gql<any>(fake.url, mutation, {
        input: {
          branch: { repositoryNameWithOwner: 'iterative/example-get-started', branchName: branch },
          expectedHeadOid: head,
          message: { headline: `Run by ${who}` },
          fileChanges: { additions: [{ path: `runs/${who}.txt`, contents: b64(who) }] },
        },
      });
    const answers = await Promise.all([write('alice'), write('bob')]);
    const won = answers.filter((a) => a.body.data?.createCommitOnBranch);
    const lost = answers.filter((a) => a.body.errors?.[0]?.type === 'STALE_DATA');
    expect([won.length, lost.length]).toEqual([1, 1]);
    const winner = won[0]!.body.data.createCommitOnBranch.commit.oid;
    expect(git(gitDir, 'rev-list', `${head}..${branch}`).trim()).toBe(winner);
    head = winner;
  });

  it('refuses invalid base64, a deletion of a missing path and a path given twice, moving nothing', async () => {
    const mutation = await query('create-commit-on-branch.graphql');
    const attempt = (fileChanges: object) =>
      gql<any>(fake.url, mutation, {
        input: {
          branch: { repositoryNameWithOwner: 'iterative/example-get-started', branchName: branch },
          expectedHeadOid: head,
          message: { headline: 'x' },
          fileChanges,
        },
      });

    const badBase64 = await attempt({ additions: [{ path: 'a.txt', contents: 'not base64!' }] });
    expect(badBase64.body.data).toBeUndefined();
    expect(badBase64.body.errors?.[0]?.message).toBe(
      'Variable $input of type CreateCommitOnBranchInput! was provided invalid value for fileChanges.additions.0.contents (Could not coerce value "not base64!" to Base64String)',
    );
    const missing = await attempt({ deletions: [{ path: 'no/such/file' }] });
    expect(missing.body.errors?.[0]).toMatchObject({ type: 'UNPROCESSABLE', path: ['createCommitOnBranch'] });
    const twice = await attempt({ additions: [{ path: 'a.txt', contents: b64('1') }], deletions: [{ path: 'a.txt' }] });
    expect(twice.body.errors?.[0]).toMatchObject({ type: 'UNPROCESSABLE' });
    expect(git(gitDir, 'rev-parse', branch).trim()).toBe(head);
  });

  it("a missing expectedHeadOid is refused with graphql-ruby's coercion sentence (as outstatic#17 quotes GitHub)", async () => {
    const { status, body } = await gql<any>(fake.url, await query('create-commit-on-branch.graphql'), {
      input: { branch: { repositoryNameWithOwner: 'iterative/example-get-started', branchName: branch }, message: { headline: 'x' } },
    });
    expect(status).toBe(200);
    expect(body.data).toBeUndefined();
    expect(body.errors?.[0]?.message).toBe(
      'Variable $input of type CreateCommitOnBranchInput! was provided invalid value for expectedHeadOid (Expected value to not be null)',
    );
    expect(git(gitDir, 'rev-parse', branch).trim()).toBe(head);
  });

  it('cuts Blob.text at 512,000 bytes and gives null text for binary blobs', async () => {
    const big = 'x'.repeat(600_000);
    const binary = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x01]);
    const input = {
      branch: { repositoryNameWithOwner: 'iterative/example-get-started', branchName: branch },
      expectedHeadOid: head,
      message: { headline: 'Add a big file and an image' },
      fileChanges: {
        additions: [
          { path: 'big.txt', contents: b64(big) },
          { path: 'plot.png', contents: b64(binary) },
        ],
      },
    };
    const made = await gql<any>(fake.url, await query('create-commit-on-branch.graphql'), { input });
    head = made.body.data.createCommitOnBranch.commit.oid;
    const { body } = await gql<any>(
      fake.url,
      `{ repository(owner: "iterative", name: "example-get-started") {
          big: object(expression: "${branch}:big.txt") { ... on Blob { byteSize isTruncated isBinary text } }
          png: object(expression: "${head}:plot.png") { ... on Blob { byteSize isTruncated isBinary text } } } }`,
    );
    expect(body.data.repository.big).toMatchObject({ byteSize: 600_000, isTruncated: true, isBinary: false });
    expect(body.data.repository.big.text).toBe('x'.repeat(512_000));
    expect(body.data.repository.png).toEqual({ byteSize: 6, isTruncated: false, isBinary: true, text: null });
  });
});
