import { storage } from 'wxt/utils/storage';
import type { OutHash } from '../../lib/dvc';
import type { CommitExperimentResult } from '../../lib/experiments/write/commit-result';
import type { Drafts } from '../../lib/experiments/form/edits';

/** What the Run form keeps while it is open, so a reloaded frame or a restarted service worker loses nothing. */
export interface FormSession {
  /** The commit the edits apply to (after "re-apply", the branch's new head). */
  fromSha: string;
  drafts: Drafts;
  /** Data files pointed at another version, by path. */
  data?: Record<string, OutHash>;
  /** What the user typed instead of the default message, description and branch name. */
  /** The base branch, when the user named another than the list's (or the page named none). */
  base?: string;
  message?: string;
  description?: string;
  branch?: string;
  target: 'base' | 'new';
  /** Set when "Commit changes" is pressed, kept for every retry of that run. */
  runId?: string;
  /** True from sending the commit until its answer arrives: found true on load, the answer was lost. */
  sending?: boolean;
  result?: CommitExperimentResult;
}

/** One session per repository and commit the form was opened on, in `storage.session` (gone with the browser session). */
export function formSession(owner: string, repo: string, sha: string) {
  return storage.defineItem<FormSession | null>(`session:runForm:${owner}/${repo}@${sha}`, { fallback: null });
}
