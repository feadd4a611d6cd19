import { defineMessage, noFields } from './define';
import { parseExperiments, type ExperimentsReply } from './experiments';
import { parseOverlaySettings, parseRepoName, type OverlaySettings } from './overlay-settings';
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
};
