import type { RowsRequest, RowsResult } from '../../experiments/types';
import type { GitHubErrorInfo } from '../../github/errors';

/** Why there are no rows: GitHub's typed error, or no token to ask with. */
export type ExperimentsFailure = GitHubErrorInfo | { kind: 'no-token'; message: string };

/** The `experiments` reply: the page's rows, or the one error the whole page view met. */
export type ExperimentsReply =
  /** `login`: the token's account when the background knows it (the signed-in account state fills it), so the page can say once that it is not GitHub's. */
  { ok: true; result: RowsResult; login?: string } | { ok: false; error: ExperimentsFailure };

/** A commit list shows at most 35 rows a page; a little room, and no more, for a list GitHub may lengthen. */
const MAX_SHAS = 100;
const NAME = /^[A-Za-z0-9_.-]{1,100}$/;
const SHA = /^[0-9a-f]{40}$/;

/** `{repo, list, shas}` from a content script, which runs beside GitHub's page: every field checked. */
export function parseExperiments({ repo, list, shas }: Readonly<Record<string, unknown>>): RowsRequest | undefined {
  if (typeof repo !== 'object' || repo === null || typeof list !== 'object' || list === null || !Array.isArray(shas)) return undefined;
  const { owner, name } = repo as Record<string, unknown>;
  if (typeof owner !== 'string' || typeof name !== 'string' || !NAME.test(owner) || !NAME.test(name)) return undefined;
  if (shas.length === 0 || shas.length > MAX_SHAS || !shas.every((s) => typeof s === 'string' && SHA.test(s))) return undefined;
  const { ref, pr } = list as Record<string, unknown>;
  const parsedList =
    typeof ref === 'string' && ref.length > 0 && ref.length <= 255
      ? { ref }
      : Number.isSafeInteger(pr) && (pr as number) > 0
        ? { pr: pr as number }
        : undefined;
  if (!parsedList) return undefined;
  return { repo: { owner, name }, list: parsedList, shas: [...new Set(shas as string[])] };
}
