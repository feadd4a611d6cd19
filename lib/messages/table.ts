import type { CommitExperimentResult } from '../experiments/write/commit-result';
import { parseCommitExperiment } from './commit-experiment';
import { defineMessage, noFields } from './define';
import { parseExperiments, type ExperimentsReply } from './experiments';
import type { TokenStatus } from './token-status';

/**
 * Every request the background answers, one entry each. Adding a message is one entry here and
 * one handler in `entrypoints/background/handlers/` (the compiler asks for it).
 */
export const MESSAGES = {
  /** Whether a GitHub token is stored. Anyone may ask; the token itself never leaves the background. */
  'token-status': defineMessage<TokenStatus>()({ from: 'any', parse: noFields }),
  /** Store a token. */
  'token-save': defineMessage<TokenStatus>()({
    from: 'extension-pages',
    parse: ({ token }) => (typeof token === 'string' ? { token } : undefined),
  }),
  /** Forget the token. */
  'token-clear': defineMessage<TokenStatus>()({ from: 'extension-pages', parse: noFields }),
  /** The experiment rows of one commit-page view (`{repo, list, shas}`), or the typed error it met. */
  experiments: defineMessage<ExperimentsReply>()({ from: 'any', parse: parseExperiments }),
  /**
   * The Run form's write: one experiment commit (new branch and pull request, or the base
   * branch). Extension pages only: the Run form is one, a content script never writes. The
   * background sends a `commit-progress` message (lib/messages/commit-progress) per step.
   */
  'commit-experiment': defineMessage<CommitExperimentResult>()({ from: 'extension-pages', parse: parseCommitExperiment }),
};
