import { describe, expect, it } from 'vitest';
import {
  forgetDenials,
  grantedRemoteOrigins,
  originPattern,
  recordAnswer,
  remoteAccess,
  requestRemoteAccess,
  revokeRemoteOrigin,
  type DeniedOrigins,
  type PermissionsApi,
} from './permissions';

/**
 * A browser's `permissions` as the extension APIs document it: `request` refuses outside a user
 * gesture ("This function must be called during a user gesture"), and the user's answer to the
 * prompt is what the test decides.
 */
function fakeBrowser(answer: boolean, manifest: string[] = ['https://github.com/*', 'https://api.github.com/*']) {
  const granted = new Set(manifest);
  let inGesture = false;
  const prompts: string[][] = [];
  const api: PermissionsApi = {
    contains: async ({ origins }) => origins.every((o) => granted.has(o)),
    request: ({ origins }) => {
      if (!inGesture) return Promise.reject(new Error('This function must be called during a user gesture'));
      prompts.push(origins);
      if (answer) origins.forEach((o) => granted.add(o));
      return Promise.resolve(answer);
    },
    remove: async ({ origins }) => origins.map((o) => granted.delete(o)).every(Boolean),
    getAll: async () => ({ origins: [...granted] }),
  };
  /** Runs `handler` as a click does: the gesture lasts for its synchronous part only. */
  const click = <T>(handler: () => T): T => {
    inGesture = true;
    try {
      return handler();
    } finally {
      inGesture = false;
    }
  };
  return { api, click, prompts, manifest };
}

function memoryDenials(): DeniedOrigins & { list: string[] } {
  const store = { list: [] as string[], get: async () => [...store.list], set: async (o: string[]) => void (store.list = [...o]) };
  return store;
}

const REMOTE = 'https://remote.dvc.org/get-started/files/md5/80/a081570c800c60b9b98ca4b3c91dd7.dir';

describe('remote host permissions', () => {
  it('names an origin by scheme and host, as match patterns do (no port, no path)', () => {
    expect(originPattern(REMOTE)).toBe('https://remote.dvc.org/*');
    expect(originPattern('http://127.0.0.1:4321/_s3/b/k')).toBe('http://127.0.0.1/*');
    expect(originPattern('https://ghe.example.com:8443')).toBe('https://ghe.example.com/*');
  });

  it('asks from a click, then reads without asking again', async () => {
    const browser = fakeBrowser(true);
    const denied = memoryDenials();
    expect(await remoteAccess(REMOTE, browser.api, denied)).toBe('ask');
    expect(await browser.click(() => requestRemoteAccess(originPattern(REMOTE), browser.api, (o, g) => recordAnswer(denied, o, g)))).toBe(true);
    expect(browser.prompts).toEqual([['https://remote.dvc.org/*']]);
    expect(await remoteAccess(REMOTE, browser.api, denied)).toBe('granted');
  });

  it('cannot ask outside a user gesture (as from the background)', async () => {
    const browser = fakeBrowser(true);
    await expect(requestRemoteAccess('https://remote.dvc.org/*', browser.api, (o, g) => recordAnswer(memoryDenials(), o, g))).rejects.toThrow(/user gesture/);
  });

  it('remembers a denial until options are opened', async () => {
    const browser = fakeBrowser(false);
    const denied = memoryDenials();
    expect(await browser.click(() => requestRemoteAccess(originPattern(REMOTE), browser.api, (o, g) => recordAnswer(denied, o, g)))).toBe(false);
    expect(await remoteAccess(REMOTE, browser.api, denied)).toBe('denied');
    await forgetDenials(denied);
    expect(await remoteAccess(REMOTE, browser.api, denied)).toBe('ask');
  });

  it('a later grant clears an earlier denial', async () => {
    const denied = memoryDenials();
    denied.list = ['https://remote.dvc.org/*', 'https://other.example/*'];
    const browser = fakeBrowser(true);
    await browser.click(() => requestRemoteAccess('https://remote.dvc.org/*', browser.api, (o, g) => recordAnswer(denied, o, g)));
    expect(denied.list).toEqual(['https://other.example/*']);
  });

  it('lists granted remote hosts without the manifest’s own, and removes one', async () => {
    const browser = fakeBrowser(true);
    const denied = memoryDenials();
    await browser.click(() => requestRemoteAccess('https://s3.deltares.nl/*', browser.api, (o, g) => recordAnswer(denied, o, g)));
    await browser.click(() => requestRemoteAccess('https://remote.dvc.org/*', browser.api, (o, g) => recordAnswer(denied, o, g)));
    expect(await grantedRemoteOrigins(browser.api, browser.manifest)).toEqual(['https://remote.dvc.org/*', 'https://s3.deltares.nl/*']);
    await revokeRemoteOrigin('https://s3.deltares.nl/*', browser.api);
    expect(await grantedRemoteOrigins(browser.api, browser.manifest)).toEqual(['https://remote.dvc.org/*']);
    expect(await remoteAccess('https://s3.deltares.nl/x', browser.api, denied)).toBe('ask');
  });
});
