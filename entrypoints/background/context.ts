import type { RunLedger } from '../../lib/experiments/write/run-ledger';
import type { CommitProgressMessage } from '../../lib/messages';
import type { GitHubSession } from './github-session';
import type { TokenStore } from './token-store';

/** What the background's handlers work with. */
export interface BackgroundContext {
  tokens: TokenStore;
  github: GitHubSession;
  /** The branches commit runs created, so a run's retry recognises its own. */
  runLedger: RunLedger;
  /** Sends a message to the extension's own pages (a commit run's progress); content scripts never get it. */
  notifyPages(message: CommitProgressMessage): void;
}
