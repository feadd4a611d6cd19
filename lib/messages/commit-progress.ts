import { browser } from 'wxt/browser';
import type { CommitProgress } from '../experiments/write/commit-result';
import { isText, isUuid, record } from './fields';

/** What the background sends the extension's pages while a run goes: one per step started or done. */
export interface CommitProgressMessage {
  type: 'commit-progress';
  runId: string;
  progress: CommitProgress;
}

const STEPS: readonly CommitProgress['step'][] = ['branch', 'commit', 'pull-request'];

export function parseCommitProgress(value: unknown): CommitProgressMessage | undefined {
  const m = record(value);
  const p = record(m?.progress);
  if (!m || m.type !== 'commit-progress' || !isUuid(m.runId) || !p) return undefined;
  if (!STEPS.includes(p.step as CommitProgress['step']) || (p.state !== 'started' && p.state !== 'done') || (p.url !== undefined && !isText(p.url)))
    return undefined;
  const progress: CommitProgress = { step: p.step as CommitProgress['step'], state: p.state, ...(isText(p.url) ? { url: p.url } : {}) };
  return { type: 'commit-progress', runId: m.runId, progress };
}

/**
 * Calls `listener` with each step of run `runId` while it goes (the background sends them to the
 * extension's pages, where the Run form is; content scripts never get them). Returns the unsubscribe.
 */
export function onCommitProgress(runId: string, listener: (progress: CommitProgress) => void): () => void {
  const handle = (message: unknown) => {
    const parsed = parseCommitProgress(message);
    if (parsed?.runId === runId) listener(parsed.progress);
  };
  browser.runtime.onMessage.addListener(handle);
  return () => browser.runtime.onMessage.removeListener(handle);
}
