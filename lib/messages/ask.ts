import { browser } from 'wxt/browser';
import type { Reply, Request, RequestType } from './types';

/** Sends a typed request to the background and resolves with its typed reply. */
export function ask<K extends RequestType>(request: Request<K>): Promise<Reply<K>> {
  return browser.runtime.sendMessage(request);
}
