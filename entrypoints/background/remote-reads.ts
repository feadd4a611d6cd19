import { browser } from 'wxt/browser';
import { createRemoteReader, type ObjectCache, type RemoteReader } from '../../lib/experiments/remote-reader';
import { fetchObject, remoteAccess } from '../../lib/remote';
import { deniedOrigins, remoteSettings } from './remote-settings';

/**
 * The remote reads of one page view: credentials read from storage.local at each request (so a
 * removed credential is never used again), host access from the browser's own permissions, and
 * objects shared through the background's cache by md5.
 */
export function pageRemoteReader(cache: ObjectCache): RemoteReader {
  return createRemoteReader({
    fetch: async (target) => fetchObject(target, { fetch: (input, init) => fetch(input, init), credentials: await remoteSettings.credentials() }),
    cache,
    access: (url) => remoteAccess(url, browser.permissions, deniedOrigins),
  });
}
