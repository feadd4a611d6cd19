import type { CommitContext } from './handlers/commit-experiment';

/** What the background's handlers work with: the token, the GitHub host, the run ledger, a way to tell the extension's pages. */
export type BackgroundContext = CommitContext;
