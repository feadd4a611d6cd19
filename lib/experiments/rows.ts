import { SingleFlight, type Cache } from '../cache';
import { READER_VERSION, readProject, type Problem, type Project } from '../dvc';
import type { GitHubClient } from '../github/client';
import { NotFoundError } from '../github/errors';
import { CommitFiles, CommitMissing } from './commit-files';
import { listingFor } from './listing';
import { RecordStore } from './records';
import type { RemoteReader } from './remote-reader';
import { addRemoteMetrics, DVC_CONFIG, readDvcConfig } from './remote-rows';
import { buildRow, sizeProblems } from './row';
import { addCiAndResults } from './ci-and-results';
import { liveFromAnswer, liveFromSelection, liveSelection } from './ci/live-fetch';
import { isForbiddenRollup, type LiveCommitNode, type LivePullRequestNode, type ProblemLike } from './ci/live-query';
import type { RowsRequest, RowsResult } from './types';

/** What rows are read with; one per background (its cache and in-flight fetches are shared by every page view). */
export interface ExperimentsContext {
  client: GitHubClient;
  cache: Cache;
  /** Commit → the end of the page view fetching its files: another view waits instead of fetching again. */
  inFlight: Map<string, Promise<void>>;
  /** The same page asked twice at once (two tabs, a re-sent message): one computation. */
  pages: SingleFlight<RowsResult>;
  /** lib/dvc's READER_VERSION, which every cache key carries (a test may bump it). */
  readerVersion: number;
  /** A new reader of DVC remotes for each page view (its own budget, shared objects); absent: metrics kept in a remote stay unread. */
  remoteReader?: () => RemoteReader;
}

export function experimentsContext(client: GitHubClient, cache: Cache, readerVersion = READER_VERSION, remoteReader?: () => RemoteReader): ExperimentsContext {
  return { client, cache, inFlight: new Map(), pages: new SingleFlight(), readerVersion, ...(remoteReader ? { remoteReader } : {}) };
}

/**
 * The rows of one commit-page view: for each SHA, `readProject` at the commit, diffed against its
 * first parent (read in the same batch even when not on the page). Requests, cold: one tree
 * listing of the newest commit, one GraphQL request for every commit's DVC files (and the oldest
 * commit's first parent), and a second one only if reading revealed more files (see
 * CommitFiles). Warm: none — every commit record and the listing come from the cache.
 */
export function rowsFor(ctx: ExperimentsContext, request: RowsRequest): Promise<RowsResult> {
  const key = JSON.stringify([request.repo.owner, request.repo.name, request.shas]);
  return ctx.pages.run(key, () => readRows(ctx, request));
}

async function readRows(ctx: ExperimentsContext, { repo, list, shas }: RowsRequest): Promise<RowsResult> {
  if (shas.length === 0) return { dvc: true, rows: [], fetched: { waves: 0, rawReads: 0, live: 0, fallback: 0, trees: 0, remoteReads: 0 } };
  // Commit lists show the newest commit first; a pull request's Commits tab shows it last.
  const [newest, oldest] = 'pr' in list ? [shas.at(-1)!, shas[0]!] : [shas[0]!, shas.at(-1)!];
  const listing = await listingFor(ctx.client, ctx.cache, ctx.readerVersion, repo, newest);
  if (!listing) return { dvc: false, rows: [] };
  const store = new RecordStore(ctx.cache, ctx.readerVersion);
  const files = new CommitFiles(ctx.client, repo, store, ctx.inFlight);
  try {
    await files.load(shas);
    const projects = new Map<string, Promise<Project>>();
    const start = (sha: string) => {
      const project = readProject(files.reader(sha), listing.paths);
      // A failed wave rejects every reader at once; the failure is thrown by `drain`, not here.
      project.catch(() => undefined);
      projects.set(sha, project);
    };
    const onPage = new Set(shas);
    // Once a page commit's parents are known, its first parent is read too (from the cache when it can be).
    const startFirstParent = async (sha: string) => {
      const parent = onPage.has(sha) ? files.records.get(sha)?.parents[0] : undefined;
      if (parent === undefined || projects.has(parent)) return;
      // Loaded before its reader starts: a reader must find its cached files without waiting on I/O (see CommitFiles).
      await files.load([parent]);
      if (!projects.has(parent)) start(parent);
    };
    // Part 2's live fields (CI, comments, pull requests) ride in the first wave; a view that needs no wave asks for them alone.
    let carried: { commits: LiveCommitNode[]; pullRequests: LivePullRequestNode[]; problems: ProblemLike[] } | undefined;
    files.rideAlong({
      selection: liveSelection(shas, list),
      tolerate: isForbiddenRollup,
      take: (repository, problems) => (carried = { ...liveFromSelection(shas, repository), problems }),
    });
    files.readFirstParentToo(oldest);
    shas.forEach(start);
    // `.dvc/config` names the remote that metrics kept out of git come from: read in the first wave, beside the pipeline files.
    const configs = new Map<string, Promise<string | null>>();
    if (ctx.remoteReader && listing.paths.includes(DVC_CONFIG)) {
      for (const sha of shas)
        configs.set(
          sha,
          readDvcConfig(files.reader(sha)).catch(() => null),
        );
    }
    for (const sha of shas) await startFirstParent(sha);
    const waves = await files.drain(startFirstParent);
    const rows = await Promise.all(
      shas.map(async (sha) => {
        const record = files.records.get(sha)!;
        const parent = record.parents[0];
        const parentProject = parent === undefined ? undefined : await projects.get(parent);
        const extra: Problem[] = sizeProblems(record.files);
        if (listing.truncated)
          extra.push({ path: '', message: 'GitHub listed only part of this repository (over 100,000 files): files beyond it were not read' });
        return buildRow(sha, record.parents, await projects.get(sha)!, parentProject, extra);
      }),
    );
    const read = new Map<string, Project>();
    for (const [sha, project] of projects) read.set(sha, await project);
    const live = carried && (await liveFromAnswer(ctx.client, repo, list, carried));
    const remote = ctx.remoteReader?.();
    if (remote)
      await addRemoteMetrics(
        rows,
        remote,
        (sha) => projects.get(sha)!,
        async (sha) => (await configs.get(sha)) ?? null,
      );
    // After the remote's metrics: a run's row that shows a results commit takes that commit's.
    const withCi = await addCiAndResults(ctx, { repo, list, shas, rows, projects: read, ...(live ? { live } : {}) });
    // Only now, with every read answered, is anything cached.
    for (const sha of files.changed) await store.put(repo, sha, files.records.get(sha)!);
    return { dvc: true, rows: withCi.rows, fetched: { waves, rawReads: files.rawReads, remoteReads: remote?.reads ?? 0, ...withCi.requests } };
  } catch (error) {
    if (error instanceof CommitMissing) throw new NotFoundError(`commit ${error.sha.slice(0, 7)} in ${repo.owner}/${repo.name}`);
    throw error;
  } finally {
    files.finish();
  }
}
