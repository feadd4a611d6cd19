import type { BranchCommitsReply } from '../../lib/messages';
import { query, selectors } from '../../lib/page/selectors';
import { rowFor, showCommitted, type Committed } from './committed-row';
import { sleepUnless } from './follow-page';

/** Waits between asks: short while CI is likely queued or running, then backing off; about six minutes in all. */
const WAITS_MS = [3_000, 6_000, 12_000, 24_000, 48_000, 60_000, 60_000, 60_000, 60_000, 60_000];

export interface BranchFollowOptions {
  document: Document;
  repo: { owner: string; name: string };
  /** The commit the Run form made, already shown at the top of its branch's list. */
  commit: string;
  ask: () => Promise<BranchCommitsReply>;
  sleep: (ms: number) => Promise<void>;
  signal: AbortSignal;
  log: (message: string) => void;
}

const shown = (document: Document, sha: string) => document.querySelector(`li[data-commit-link$="/commit/${sha}"]`) !== null;

/**
 * Commits that land on the branch after one the Run form made (CI's results commit, a `cml pr`
 * squash, someone's push) get a row of our own at the top too, as GitHub's list would show them
 * on a reload: the overlay then asks for the new set of rows, and the domain folds results into
 * their run's row. Asks the branch's latest commits with backoff until a commit names ours the
 * way CML's do (`… for <sha8>`), the waits run out, an ask fails, or the page view ends.
 */
export async function followBranch(options: BranchFollowOptions): Promise<void> {
  const { document, commit } = options;
  for (const wait of WAITS_MS) {
    await options.sleep(wait);
    if (options.signal.aborted || !shown(document, commit)) return;
    const reply = await options.ask().catch((error: unknown) => ({ ok: false as const, message: String(error) }));
    if (!reply.ok) return options.log(`the branch's new commits could not be read: ${reply.message}`);
    const commits = reply.commits ?? [];
    const ours = commits.findIndex((c) => c.oid === commit);
    if (ours < 0) return; // the branch was rewritten, or moved on by more than a page: the next load shows it
    const newer = commits.slice(0, ours).filter((c) => !shown(document, c.oid));
    const top = query(document, selectors.commitRow);
    for (const c of newer) top?.parentElement?.insertBefore(rowFor(document, top, options.repo, { commit: c.oid, message: c.message }), top);
    if (commits.slice(0, ours).some((c) => c.message.includes(`for ${commit.slice(0, 8)}`))) return;
  }
}

/**
 * The dialog's `onCommitted`: the commit shown on this list (`showCommitted`), then, on its
 * branch's own list, the commits landing after it followed.
 */
export function showAndFollow(
  committed: Committed,
  options: {
    document: Document;
    list: { owner: string; name: string; ref: string };
    ask: BranchFollowOptions['ask'];
    signal: AbortSignal;
    log: (message: string) => void;
  },
): void {
  const { document, list, log } = options;
  if (!showCommitted(document, list, committed)) return log('no commit list to show the new commit in');
  if (committed.branch !== list.ref) return;
  void followBranch({ document, repo: list, commit: committed.commit, ask: options.ask, sleep: sleepUnless(options.signal), signal: options.signal, log });
}
