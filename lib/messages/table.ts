import { defineMessage, noFields, stringFields } from './define';
import type { DeviceCodeView } from './requests/device-code';
import type { CommitExperimentResult } from '../experiments/write/commit-result';
import { parseCommitExperiment } from './requests/commit-experiment';
import {
  parseBranchHead,
  parseDataVersions,
  parseFormModel,
  parseRecentCommits,
  type BranchCommitsReply,
  type BranchHeadReply,
  type RateLimitReply,
  type DataVersionsReply,
  type FormModelReply,
} from './requests/form-model';
import { parseExperiments, type ExperimentsReply } from './requests/experiments';
import { parseOverlaySettings, parseRepoName, type OverlaySettings } from './requests/overlay-settings';
import { parseAccessAnswer, parseCredentialRemove, parseCredentialSave, type Remembered, type RemoteCredentials } from './requests/remote';
import type { TokenStatus } from './requests/token-status';
import { parseUploadRequest, type UploadRequestReply } from './requests/upload-request';

/**
 * Every request the background answers, one entry each. Adding a message is one entry here and
 * one handler in `entrypoints/background/handlers/` (the compiler asks for it).
 */
export const MESSAGES = {
  /** Who is signed in, where, and what the token cannot do. Anyone may ask; no secret ever leaves the background. */
  'token-status': defineMessage<TokenStatus>()({ from: 'any', parse: noFields }),
  /** Check the signed-in account with GitHub now (refreshing, or signing out as GitHub answers). */
  'token-check': defineMessage<TokenStatus>()({ from: 'extension-pages', parse: noFields }),
  /** Sign in with a pasted token, checked against `origin`'s API at once. */
  'token-save': defineMessage<TokenStatus>()({ from: 'extension-pages', parse: stringFields('token', 'origin') }),
  /** Sign out: every secret is forgotten. */
  'token-clear': defineMessage<TokenStatus>()({ from: 'extension-pages', parse: noFields }),
  /** Start the device flow for an App's client id on `origin`; the background polls. */
  'device-start': defineMessage<DeviceCodeView>()({ from: 'extension-pages', parse: stringFields('origin', 'clientId') }),
  /** Resolves when the device flow started last ends: signed in, or rejected in words. */
  'device-wait': defineMessage<TokenStatus>()({ from: 'extension-pages', parse: noFields }),
  /** After `permissions.request` granted it: run on this GitHub Enterprise origin. */
  'host-add': defineMessage<TokenStatus>()({ from: 'extension-pages', parse: stringFields('origin') }),
  /** Stop running on a GitHub Enterprise origin and give its permission back. */
  'host-remove': defineMessage<TokenStatus>()({ from: 'extension-pages', parse: stringFields('origin') }),
  /** The experiment rows of one commit-page view (`{repo, list, shas}`), or the typed error it met. */
  experiments: defineMessage<ExperimentsReply>()({ from: 'any', parse: parseExperiments }),
  /** Open Commit Lab's sign-in page (the overlay's "Sign in"; content scripts cannot open it themselves). */
  'open-sign-in': defineMessage<null>()({ from: 'any', parse: noFields }),
  /** A repository's overlay settings (null until first chosen). Kept by the background: the content script stays small. */
  'overlay-settings-get': defineMessage<OverlaySettings | null>()({
    from: 'any',
    parse: ({ repo }) => {
      const name = parseRepoName(repo);
      return name ? { repo: name } : undefined;
    },
  }),
  'overlay-settings-set': defineMessage<null>()({
    from: 'any',
    parse: ({ repo, settings }) => {
      const [name, parsed] = [parseRepoName(repo), parseOverlaySettings(settings)];
      return name && parsed ? { repo: name, settings: parsed } : undefined;
    },
  }),
  /** The DVC remote credentials set, without their secrets. */
  'remote-credentials': defineMessage<RemoteCredentials>()({ from: 'extension-pages', parse: noFields }),
  /** Store a remote's credentials (replacing those for the same URL). */
  'remote-credential-save': defineMessage<RemoteCredentials>()({ from: 'extension-pages', parse: parseCredentialSave }),
  /** Forget the credentials for a remote URL. */
  'remote-credential-remove': defineMessage<RemoteCredentials>()({ from: 'extension-pages', parse: parseCredentialRemove }),
  /** The user's answer to "Read metrics from <host>" (an origin pattern), so that a refusal is remembered. */
  'remote-access-answer': defineMessage<Remembered>()({ from: 'extension-pages', parse: parseAccessAnswer }),
  /** Options opened: offer every refused remote host again. */
  'remote-access-reset': defineMessage<Remembered>()({ from: 'extension-pages', parse: noFields }),
  /**
   * The Run form's write: one experiment commit (new branch and pull request, or the base
   * branch). Extension pages only: the Run form is one, a content script never writes. The
   * background sends a `commit-progress` message (lib/messages/commit-progress) per step.
   */
  /** The Run form's start: the project at a commit (params, inputs) and the text of the files a plan edits. */
  'form-model': defineMessage<FormModelReply>()({ from: 'extension-pages', parse: parseFormModel }),
  /** Where a branch points now: the Run form checks a new branch's name as it is typed. */
  'branch-head': defineMessage<BranchHeadReply>()({ from: 'extension-pages', parse: parseBranchHead }),
  /**
   * Recent commits (oid, url, message) fresh from GitHub: a branch's latest (`branch`), a commit and
   * its ancestors (`sha`), or a pull request's (`pr`). The overlay shows commits that land after one
   * it made without a reload; the popup lists the recent experiments of the page its tab shows.
   */
  'branch-commits': defineMessage<BranchCommitsReply>()({ from: 'any', parse: parseRecentCommits }),
  /** What is left of the signed-in account's rate limits (the popup). */
  'rate-limit': defineMessage<RateLimitReply>()({ from: 'extension-pages', parse: noFields }),
  /** Other versions of a DVC-tracked input from the history of the `.dvc` file or `dvc.lock` recording it. */
  'data-versions': defineMessage<DataVersionsReply>()({ from: 'extension-pages', parse: parseDataVersions }),
  /** The Run form's upload of a file it hashed: present in the default remote already, or a PUT the background signed for those bytes. */
  'upload-request': defineMessage<UploadRequestReply>()({ from: 'extension-pages', parse: parseUploadRequest }),
  'commit-experiment': defineMessage<CommitExperimentResult>()({ from: 'extension-pages', parse: parseCommitExperiment }),
};
