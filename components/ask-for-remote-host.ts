import { browser } from 'wxt/browser';
import { ask } from '../lib/messages';
import { requestRemoteAccess } from '../lib/remote';

/**
 * Asks the browser for a DVC remote's origin (a match pattern, `originPattern`), from a click in an
 * extension page: `permissions.request` is called at once, inside the click's gesture; the
 * background remembers the answer (a refusal is not offered again on the commit list).
 */
export function askForRemoteHost(origin: string): Promise<boolean> {
  return requestRemoteAccess(origin, browser.permissions, (o, granted) => ask({ type: 'remote-access-answer', origin: o, granted }));
}
