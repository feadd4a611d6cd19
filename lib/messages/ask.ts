import { browser } from 'wxt/browser';
import type { Reply, Request, RequestType } from './types';

/**
 * How the background's webextension-polyfill answers a message whose handler threw, in Chrome.
 * The polyfill on the asking side turns it back into a rejection; content scripts run without it
 * (build/content-script-browser.ts), so `ask` does that itself.
 */
interface PolyfillRejection {
  __mozWebExtensionPolyfillReject__: true;
  message: string;
}

const isRejection = (reply: unknown): reply is PolyfillRejection => (reply as Partial<PolyfillRejection> | null)?.__mozWebExtensionPolyfillReject__ === true;

/** Sends a typed request to the background and resolves with its typed reply, or rejects with the error the background's handler threw. */
export async function ask<K extends RequestType>(request: Request<K>): Promise<Reply<K>> {
  const reply: unknown = await browser.runtime.sendMessage(request);
  if (isRejection(reply)) throw new Error(reply.message);
  return reply as Reply<K>;
}
