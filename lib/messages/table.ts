import { defineMessage, noFields } from './define';
import { parseExperiments, type ExperimentsReply } from './experiments';
import { parseAccessAnswer, parseCredentialRemove, parseCredentialSave, type Remembered, type RemoteCredentials } from './remote';
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
};
