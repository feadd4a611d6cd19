import type { ReadFile } from '../dvc';
import type { GitHubClient } from '../github/client';
import { readFilesAt, readRaw, type FileAnswer, type FilesAsk, type RepoName, type RideAlong } from '../github/reads';
import type { CommitRecord, RecordStore, StoredFile } from './records';

/** Files above this are not read (their size is given in a problem): no DVC file of a real project comes near it. */
export const MAX_FILE_BYTES = 2 * 1024 * 1024;

interface Waiter {
  resolve(file: StoredFile): void;
  reject(error: unknown): void;
}

/** Waits until every promise chain started so far has run as far as it can without I/O. */
const settle = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/**
 * The files of one page view's commits, read in waves: `readProject` runs for every commit at
 * once against `reader(sha)`; whatever they ask that is not known yet (cached or fetched) waits,
 * and once every reader waits, all those paths at all those commits go out in ONE GraphQL
 * request. The first wave asks what the listing names (pipeline files, locks, `.dvc` files,
 * `params.yaml`); a second wave only what reading those revealed (params and metrics files a
 * `dvc.yaml` names). Readers that already have everything cost no request at all.
 */
export class CommitFiles {
  readonly records = new Map<string, CommitRecord>();
  /** Commits whose record gained files here (to be cached once the whole page succeeded). */
  readonly changed = new Set<string>();
  /** Files GitHub cut at 512,000 bytes (or binary), fetched raw over REST. */
  rawReads = 0;
  private waiting = new Map<string, Map<string, Waiter[]>>();
  private readonly alsoFirstParent = new Set<string>();

  constructor(
    private readonly client: GitHubClient,
    private readonly repo: RepoName,
    private readonly store: RecordStore,
    /** Shared by every page view of the background: commit → the end of the page view fetching it. */
    private readonly inFlight: Map<string, Promise<void>>,
  ) {
    this.done = new Promise((resolve) => (this.release = resolve));
  }

  private readonly done: Promise<void>;
  private release!: () => void;

  /** Loads cached records of these commits (those not known yet). */
  async load(shas: string[]): Promise<void> {
    await this.readCached(shas.filter((sha) => !this.records.has(sha)));
  }

  /** Takes the cached records of these commits in place of what this view holds (where the cache has one). */
  private async readCached(shas: string[]): Promise<void> {
    const found = await this.store.get(this.repo, shas);
    shas.forEach((sha, i) => {
      const record = found[i];
      if (record) this.records.set(sha, record);
    });
  }

  private rider: RideAlong | undefined;

  /** The next wave's request carries `extra` (part 2's live fields), so it costs no request of its own. */
  rideAlong(extra: RideAlong): void {
    this.rider = extra;
  }

  /** The first wave reads these commits' first parents' files beside their own (their parents are not known yet). */
  readFirstParentToo(sha: string): void {
    if (!this.records.has(sha)) this.alsoFirstParent.add(sha);
  }

  reader(sha: string): ReadFile {
    return (path) => {
      const known = this.records.get(sha)?.files[path];
      if (known !== undefined) return Promise.resolve(contentOf(known));
      return new Promise<StoredFile>((resolve, reject) => {
        let paths = this.waiting.get(sha);
        if (!paths) this.waiting.set(sha, (paths = new Map()));
        const waiters = paths.get(path) ?? [];
        waiters.push({ resolve, reject });
        paths.set(path, waiters);
      }).then(contentOf);
    };
  }

  /**
   * Runs waves until no reader waits. `onParents` is told of every commit whose parents became
   * known, so that the caller can start reading its first parent.
   */
  async drain(onParents: (sha: string) => Promise<void>): Promise<number> {
    let waves = 0;
    for (;;) {
      await settle();
      if (this.waiting.size === 0) return waves;
      const wave = this.waiting;
      this.waiting = new Map();
      waves++;
      try {
        const answers = await this.fetch(wave);
        for (const [sha, paths] of wave) for (const [path, waiters] of paths) for (const w of waiters) w.resolve(answers.get(sha)?.get(path) ?? null);
      } catch (error) {
        for (const paths of wave.values()) for (const waiters of paths.values()) for (const w of waiters) w.reject(error);
        throw error;
      }
      for (const sha of [...this.records.keys()]) await onParents(sha);
    }
  }

  /** One wave: one GraphQL request, then raw reads of cut blobs. */
  private async fetch(wave: Map<string, Map<string, Waiter[]>>): Promise<Map<string, Map<string, StoredFile>>> {
    const commits = [...wave.keys()];
    // Commits another page view is fetching now: wait for it (and for any view that claimed them while this one waited).
    const othersFetching = () =>
      commits.flatMap((sha) => {
        const flight = this.inFlight.get(this.flightKey(sha));
        return flight !== undefined && flight !== this.done ? [flight] : [];
      });
    for (let busy = othersFetching(); busy.length > 0; busy = othersFetching()) await Promise.allSettled(busy);
    // Claimed in the same step as that check, so no other view starts on them now. A view that fetched one of them let go of
    // it only after caching it, perhaps after this view loaded its records: every one this view did not fill is read again.
    for (const sha of commits) this.inFlight.set(this.flightKey(sha), this.done);
    await this.readCached(commits.filter((sha) => !this.changed.has(sha)));
    const answers = new Map<string, Map<string, StoredFile>>();
    const asks: FilesAsk[] = [];
    for (const [commit, paths] of wave) {
      const record = this.records.get(commit);
      const known = new Map([...paths.keys()].flatMap((p) => (record && record.files[p] !== undefined ? [[p, record.files[p]!] as const] : [])));
      answers.set(commit, known);
      const missing = [...paths.keys()].filter((p) => !known.has(p)).sort();
      if (missing.length > 0) asks.push({ commit, paths: missing, firstParentToo: this.alsoFirstParent.delete(commit) });
      // The cache had all of it: no other view need wait for this one.
      else if (!this.changed.has(commit)) this.inFlight.delete(this.flightKey(commit));
    }
    if (asks.length === 0) return answers;
    for (const [sha, files] of await this.fetchFiles(asks)) for (const [path, file] of files) answers.get(sha)!.set(path, file);
    return answers;
  }

  private flightKey(sha: string): string {
    return `${this.repo.owner}/${this.repo.name}@${sha}`;
  }

  /** Ends this page view's claim on the commits it fetched (call once their records are cached, or on failure). */
  finish(): void {
    for (const [key, promise] of this.inFlight) if (promise === this.done) this.inFlight.delete(key);
    this.release();
  }

  private async fetchFiles(asks: FilesAsk[]): Promise<Map<string, Map<string, StoredFile>>> {
    const rider = this.rider;
    this.rider = undefined;
    const answers = await readFilesAt(this.client, this.repo, asks, rider);
    const out = new Map<string, Map<string, StoredFile>>();
    const take = async (sha: string, parents: string[], files: Map<string, FileAnswer>) => {
      const record = this.records.get(sha) ?? { parents, files: {} };
      record.parents = parents;
      const stored = new Map<string, StoredFile>();
      for (const [path, file] of files) {
        const value = await this.stored(sha, path, file);
        record.files[path] = value;
        stored.set(path, value);
      }
      this.records.set(sha, record);
      this.changed.add(sha);
      return stored;
    };
    for (const ask of asks) {
      const answer = answers.get(ask.commit);
      if (!answer) throw new CommitMissing(ask.commit);
      out.set(ask.commit, await take(answer.oid, answer.parents, answer.files));
      if (answer.firstParent) await take(answer.firstParent.oid, answer.firstParent.parents, answer.firstParent.files);
    }
    return out;
  }

  private async stored(sha: string, path: string, file: FileAnswer): Promise<StoredFile> {
    if (!file) return null;
    if (file.byteSize > MAX_FILE_BYTES) return { oid: file.oid, tooLarge: file.byteSize };
    if (file.text !== null && !file.isTruncated && !file.isBinary) return { oid: file.oid, text: file.text };
    this.rawReads++;
    return { oid: file.oid, bytes: await readRaw(this.client, this.repo, sha, path) };
  }
}

/** A SHA the page showed that GitHub does not know (a force-push removed it since the page loaded). */
export class CommitMissing extends Error {
  constructor(readonly sha: string) {
    super(`commit ${sha} is not in the repository`);
  }
}

function contentOf(file: StoredFile): string | Uint8Array | null {
  if (!file || 'tooLarge' in file) return null;
  return 'text' in file ? file.text : file.bytes;
}
