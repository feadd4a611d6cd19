import { SIGNED_OUT } from '../../lib/github/account';
import { enterpriseOriginOf } from '../../lib/github/host';
import { parseRequest, type Replies, type Request, type RequestType } from '../../lib/messages';
import type { Background } from './create-background';

import { recheck, savePastedToken } from './sign-in';
import { tokenStatus } from './token-status';

export interface Sender {
  /** URL of the sending page or frame. */
  url?: string;
}

/**
 * Answers one message. `extensionOrigin` is this extension's base URL: anything but the status is
 * only accepted from its own pages, never from a content script running on a web page.
 * Returns undefined for messages that are not ours, so other listeners may answer them.
 */
export function handleMessage(message: unknown, sender: Sender, extensionOrigin: string, deps: Background): Promise<Replies[RequestType]> | undefined {
  const request = parseRequest(message);
  if (!request) return undefined;
  return answer(request, sender.url?.startsWith(extensionOrigin) ?? false, deps);
}

async function answer(request: Request, fromExtensionPage: boolean, deps: Background): Promise<Replies[RequestType]> {
  if (request.type !== 'token-status' && !fromExtensionPage) throw new Error(`${request.type} is only accepted from the extension's own pages`);
  switch (request.type) {
    case 'token-status':
      break;
    case 'token-check':
      await recheck(deps);
      break;
    case 'token-save':
      await savePastedToken(deps, request.token, request.origin);
      break;
    case 'token-clear':
      await deps.accounts.set(SIGNED_OUT);
      break;
    case 'device-start':
      return deps.device.start(request.origin, request.clientId);
    case 'device-wait':
      await deps.device.wait();
      break;
    case 'host-add':
      await deps.hosts.add(enterpriseOriginOf(request.origin));
      break;
    case 'host-remove': {
      const origin = enterpriseOriginOf(request.origin);
      await deps.hosts.remove(origin);
      const state = await deps.accounts.get();
      // The account on a host Commit Lab may no longer reach goes with it, secrets and all.
      if (state.status === 'signed-in' && state.account.origin === origin) await deps.accounts.set(SIGNED_OUT);
      break;
    }
  }
  return tokenStatus(deps);
}
