import type { CommitExperimentResult } from '../experiments/write/commit-result';
import { parseCommitExperiment } from './commit-experiment';
import { defineMessage, noFields } from './define';
import { parseBranchHead, parseDataVersions, parseFormModel, type BranchHeadReply, type DataVersionsReply, type FormModelReply } from './form-model';
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
  /** The Run form's start: the project at a commit (params, inputs) and the text of the files a plan edits. */
  'form-model': defineMessage<FormModelReply>()({ from: 'extension-pages', parse: parseFormModel }),
  /** Where a branch points now: the Run form checks a new branch's name as it is typed. */
  'branch-head': defineMessage<BranchHeadReply>()({ from: 'extension-pages', parse: parseBranchHead }),
  /** Other versions of a DVC-tracked input from the history of the `.dvc` file or `dvc.lock` recording it. */
  'data-versions': defineMessage<DataVersionsReply>()({ from: 'extension-pages', parse: parseDataVersions }),
  'commit-experiment': defineMessage<CommitExperimentResult>()({ from: 'extension-pages', parse: parseCommitExperiment }),
};
