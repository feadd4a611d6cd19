import { defineMessage, noFields } from './define';
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
};
