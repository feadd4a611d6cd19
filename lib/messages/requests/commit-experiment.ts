import type { CommitExperimentRequest } from '../../experiments/write/commit-experiment';
import type { PlannedDataChange, PlannedFile, PlannedGitFile, PlannedParamChange } from '../../experiments/write/plan';
import { isBase64, isCount, isMd5, isName, isOwner, isPath, isRepoName, isSha, isText, isUuid, list, record } from '../fields';

/**
 * `commit-experiment` at the trust boundary: every field of the Run form's request checked
 * before the background writes anything with it. Only the extension's own pages may send it.
 */
function file(v: unknown): PlannedFile | undefined {
  const f = record(v);
  return f && isPath(f.path) && isBase64(f.base64) ? { path: f.path, base64: f.base64 } : undefined;
}

/** A file kept in git whose bytes the background takes from the run's staged files (a size above GitHub's limit is refused by the run, in words). */
function replaced(v: unknown): PlannedGitFile | undefined {
  const r = record(v);
  return r && isPath(r.path) && isCount(r.size) ? { path: r.path, size: r.size } : undefined;
}

function param(v: unknown): PlannedParamChange | undefined {
  const p = record(v);
  return p && isPath(p.file) && isText(p.key) && isText(p.before) && isText(p.after)
    ? { file: p.file, key: p.key, before: p.before, after: p.after }
    : undefined;
}

function data(v: unknown): PlannedDataChange | undefined {
  const d = record(v);
  const before = record(d?.before);
  const after = record(d?.after);
  if (!d || !before || !after || !isPath(d.path) || !isPath(d.dvcFile)) return undefined;
  if ((before.md5 !== undefined && !isMd5(before.md5)) || (before.size !== undefined && !isCount(before.size))) return undefined;
  if (!isMd5(after.md5) || !isCount(after.size) || (after.nfiles !== undefined && !isCount(after.nfiles))) return undefined;
  return {
    path: d.path,
    dvcFile: d.dvcFile,
    before: { ...(isMd5(before.md5) ? { md5: before.md5 } : {}), ...(isCount(before.size) ? { size: before.size } : {}) },
    after: { md5: after.md5, size: after.size, ...(isCount(after.nfiles) ? { nfiles: after.nfiles } : {}) },
  };
}

function target(v: unknown): CommitExperimentRequest['target'] | undefined {
  if (v === 'base') return 'base';
  const t = record(v);
  return t && isName(t.newBranch) ? { newBranch: t.newBranch } : undefined;
}

export function parseCommitExperiment(message: Readonly<Record<string, unknown>>): CommitExperimentRequest | undefined {
  const repo = record(message.repo);
  const plan = record(message.plan);
  const files = list(plan?.files, file);
  const replacedFiles = list(plan?.replaced, replaced);
  const params = list(plan?.params, param);
  const dataChanges = list(plan?.data, data);
  const to = target(message.target);
  const { baseBranch, fromSha, description, pageLogin, runId } = message;
  if (!repo || !isOwner(repo.owner) || !isRepoName(repo.name) || !files || !replacedFiles || !params || !dataChanges || !to) return undefined;
  if (!isName(baseBranch) || !isSha(fromSha) || !isName(message.message) || !isText(description) || !isName(pageLogin) || !isUuid(runId)) return undefined;
  const paths = [...files, ...replacedFiles].map((f) => f.path);
  if (new Set(paths).size !== paths.length) return undefined;
  return {
    repo: { owner: repo.owner, name: repo.name },
    baseBranch,
    fromSha,
    target: to,
    plan: { files, replaced: replacedFiles, params, data: dataChanges },
    message: message.message,
    description,
    pageLogin,
    runId,
  };
}
