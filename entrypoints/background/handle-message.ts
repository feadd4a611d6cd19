import { parseRequest, type Replies, type Request, type RequestType } from '../../lib/messages';
import type { RemoteSettings } from './remote-settings';
import type { TokenStore } from './token-store';

export interface Sender {
  /** URL of the sending page or frame. */
  url?: string;
}

/**
 * Answers one message. `extensionOrigin` is this extension's base URL: token changes are only
 * accepted from its own pages, never from a content script running on a web page.
 * Returns undefined for messages that are not ours, so other listeners may answer them.
 */
export function handleMessage(
  message: unknown,
  sender: Sender,
  extensionOrigin: string,
  tokens: TokenStore,
  remote: RemoteSettings,
): Promise<Replies[RequestType]> | undefined {
  const request = parseRequest(message);
  if (!request) return undefined;
  return answer(request, sender.url?.startsWith(extensionOrigin) ?? false, tokens, remote);
}

async function answer(request: Request, fromExtensionPage: boolean, tokens: TokenStore, remote: RemoteSettings): Promise<Replies[RequestType]> {
  if (request.type !== 'token-status' && !fromExtensionPage) throw new Error(`${request.type} is only accepted from the extension's own pages`);
  switch (request.type) {
    case 'remote-credentials':
      return { credentials: await remote.list() };
    case 'remote-credential-save':
      return { credentials: await remote.save(request.credential) };
    case 'remote-credential-remove':
      return { credentials: await remote.remove(request.url) };
    case 'remote-access-answer':
      await remote.answer(request.origin, request.granted);
      return {};
    case 'remote-access-reset':
      await remote.resetDenials();
      return {};
    case 'token-status':
      break;
    case 'token-save': {
      const token = request.token.trim();
      if (!token || /\s/.test(token)) throw new Error('A token is one word without spaces');
      await tokens.set(token);
      break;
    }
    case 'token-clear':
      await tokens.clear();
      break;
  }
  return { set: (await tokens.get()) !== null };
}
