import { browser } from 'wxt/browser';
import type { Replies, Request, RequestType } from '../lib/messages';

/** Sends a typed request to the background and resolves with its typed reply. */
export function ask<T extends RequestType>(request: Request<T>): Promise<Replies[T]> {
  return browser.runtime.sendMessage(request) as Promise<Replies[T]>;
}
