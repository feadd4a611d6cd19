/**
 * The commit message and branch name Studio's "Run experiment" made by default, as its commits
 * show them (reference: dvc-studio-cml.md §1.2, the Studio commits in the DVC fixtures).
 */

/** Studio cut a default subject longer than this many characters and carried the rest into the body. */
export const STUDIO_SUBJECT_LIMIT = 45;

export interface CommitMessage {
  subject: string;
  /** Empty when the subject holds the whole message. */
  body: string;
}

/**
 * `Update <name>, <name>…` — a param named `<file>:<dotted.key>`, a data file by its own path —
 * in the order the user changed them. Over 45 characters the subject is cut and ends with `...`,
 * and the body goes on from the cut, starting with `...` (Studio commit 4579bbc). Counted in code
 * points, so a cut never splits a character. Nothing changed, nothing to say: both empty.
 */
export function studioMessage(names: readonly string[]): CommitMessage {
  if (names.length === 0) return { subject: '', body: '' };
  const full = Array.from(`Update ${names.join(', ')}`);
  if (full.length <= STUDIO_SUBJECT_LIMIT) return { subject: full.join(''), body: '' };
  return { subject: `${full.slice(0, STUDIO_SUBJECT_LIMIT).join('')}...`, body: `...${full.slice(STUDIO_SUBJECT_LIMIT).join('')}` };
}

/** Studio's new branch: the base branch, `-`, and the first 7 hex digits of the commit the run starts from (`main-15dd333`). */
export function studioBranchName(baseBranch: string, fromSha: string): string {
  if (!/^[0-9a-f]{7,40}$/i.test(fromSha)) throw new Error(`"${fromSha}" is not a commit SHA`);
  return `${baseBranch}-${fromSha.slice(0, 7).toLowerCase()}`;
}
