/**
 * The workflow the fake's CI stands for: `docs/github-actions/commit-lab.yml`, which the sample
 * project carries at WORKFLOW_PATH. The fake does not interpret its YAML; workflow.test.ts checks
 * with GitHub's own parser that the names here are the shipped file's.
 */
export const WORKFLOW_PATH = '.github/workflows/commit-lab.yml';
/** The workflow's `name:` (GitHub's workflow run name). */
export const WORKFLOW_NAME = 'Commit Lab';
/** The job's id, which is its check run's name when the job has no `name:`. */
export const JOB_NAME = 'train';

/** The committer `cml ci` configures for the commits CML makes (iterative/cml `src/cml.js`). */
export const CML_BOT = { name: 'Olivaw[bot]', email: 'olivaw@iterative.ai' };
/** Who the workflow's `GITHUB_TOKEN` acts as: the author of CML's pull requests and comments. */
export const ACTIONS_BOT = 'github-actions[bot]';

/**
 * GitHub skips `push` and `pull_request` workflows when the head commit's message carries one of
 * these (docs: "Skipping workflow runs").
 */
const SKIP = ['[skip ci]', '[ci skip]', '[no ci]', '[skip actions]', '[actions skip]'];

export function skipsCi(message: string): boolean {
  return SKIP.some((s) => message.includes(s));
}
