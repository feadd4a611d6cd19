import { MESSAGES, parseRequest, type Handlers, type Reply, type Request, type RequestType } from '../../lib/messages';
import type { BackgroundContext } from './context';
import { HANDLERS } from './handlers';

export interface Sender {
  /** URL of the sending page or frame. */
  url?: string;
}

/**
 * Answers one message. `extensionOrigin` is this extension's base URL: requests `MESSAGES` reserves
 * to the extension's pages are refused from anywhere else (a content script runs on a web page).
 * Returns undefined for messages that are not ours, so other listeners may answer them.
 */
export function handleMessage(message: unknown, sender: Sender, extensionOrigin: string, context: BackgroundContext): Promise<Reply<RequestType>> | undefined {
  const request = parseRequest(message);
  if (!request) return undefined;
  return answer(request, sender.url?.startsWith(extensionOrigin) ?? false, context);
}

async function answer<K extends RequestType>(request: Request<K>, fromExtensionPage: boolean, context: BackgroundContext): Promise<Reply<K>> {
  const type: K = request.type;
  if (MESSAGES[type].from === 'extension-pages' && !fromExtensionPage) throw new Error(`${type} is only accepted from the extension's own pages`);
  const handlers: Handlers<BackgroundContext> = HANDLERS;
  return handlers[type](request, context);
}
