import type { CommitList, RowsRequest, RowsResult } from '../experiments/types';
import type { GitHubErrorInfo } from '../github/errors';

/**
 * A page view's rows, or why there are none: `signed-out` (no token: GitHub's GraphQL needs one)
 * or a GitHub failure as plain data. `login` is the token's account when the background knows it,
 * so the page can say once that it is not the account signed in to GitHub.
 */
export type ExperimentsReply =
  { ok: true; result: RowsResult; login?: string } | { ok: false; error: GitHubErrorInfo | { kind: 'signed-out'; message: string } };

const isName = (v: unknown): v is string => typeof v === 'string' && v.length > 0;
const SHA = /^[0-9a-f]{40}$/;
/** GitHub lists 35 commits a page, a pull request up to 250: a request for more is not a page view. */
const MAX_SHAS = 250;

/** The fields of an `experiments` request, from an untrusted message. */
export function parseRowsRequest({ repo, list, shas }: Readonly<Record<string, unknown>>): RowsRequest | undefined {
  const r = repo as { owner?: unknown; name?: unknown } | undefined;
  const l = list as { ref?: unknown; pr?: unknown } | undefined;
  if (!r || !isName(r.owner) || !isName(r.name) || !l) return undefined;
  if (!Array.isArray(shas) || shas.length > MAX_SHAS || !shas.every((sha) => typeof sha === 'string' && SHA.test(sha))) return undefined;
  const parsed: CommitList | undefined =
    typeof l.ref === 'string' ? { ref: l.ref } : Number.isSafeInteger(l.pr) && (l.pr as number) > 0 ? { pr: l.pr as number } : undefined;
  return parsed && { repo: { owner: r.owner, name: r.name }, list: parsed, shas: shas as string[] };
}
