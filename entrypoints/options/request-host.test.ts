import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import type { TokenStatus } from '../../lib/messages';
import { accountStore, settingsStore } from '../background/account-store';
import { createBackground } from '../background/create-background';
import { handleMessage } from '../background/handle-message';
import { fakeHostApi } from '../background/testing/fake-host-api';
import { requestHost } from './request-host';

const ORIGIN = 'chrome-extension://abcdefghijklmnop/';
const MANIFEST = {
  permissions: ['storage'],
  host_permissions: ['https://github.com/*', 'https://api.github.com/*'],
  content_scripts: [{ matches: ['https://github.com/*'], js: ['content-scripts/github.js'] }],
};

/** The options page's click through the real background handlers, on fake browser APIs; nothing here goes to the network. */
function world() {
  const fake = fakeHostApi(MANIFEST);
  const background = createBackground({
    accounts: accountStore,
    settings: settingsStore,
    hostApi: fake.api,
    fetch: () => Promise.reject(new Error('no network in this test')),
    clock: { now: () => 0, sleep: () => Promise.reject(new Error('no waits in this test')) },
  });
  const addHost = (origin: string) => handleMessage({ type: 'host-add', origin }, { url: `${ORIGIN}options.html` }, ORIGIN, background) as Promise<TokenStatus>;
  return { fake, addHost };
}

describe('adding a GitHub Enterprise host from options', () => {
  beforeEach(() => fakeBrowser.reset());

  it('asks for the host and scripting, then the background registers the content script there', async () => {
    const { fake, addHost } = world();
    const asked: unknown[] = [];
    const allow = fake.request(true);
    const status = await requestHost({ request: (p) => (asked.push(p), allow(p)) }, addHost, 'ghe.example.com');
    expect(asked).toEqual([{ origins: ['https://ghe.example.com/*'], permissions: ['scripting'] }]);
    expect(status.hosts).toEqual(['https://ghe.example.com']);
    expect([...fake.scripts.values()]).toMatchObject([
      { matches: ['https://ghe.example.com/*'], js: ['content-scripts/github.js'], persistAcrossSessions: true },
    ]);
  });

  it('registers nothing when the user declines the prompt', async () => {
    const { fake, addHost } = world();
    await expect(requestHost({ request: fake.request(false) }, addHost, 'https://ghe.example.com')).rejects.toThrow(
      'Commit Lab was not given access to ghe.example.com',
    );
    expect(fake.scripts.size).toBe(0);
    expect(await settingsStore.origins()).toEqual([]);
  });

  it('asks for nothing when what was typed is no Enterprise host', async () => {
    const { addHost } = world();
    const asked: unknown[] = [];
    await expect(requestHost({ request: async (p) => (asked.push(p), true) }, addHost, 'http://ghe.example.com')).rejects.toThrow(/over https/);
    expect(asked).toEqual([]);
  });
});
