import 'fake-indexeddb/auto';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import { githubSession } from './github-session';
import { handleMessage, type Sender } from './handle-message';
import { overlaySettings } from './overlay-settings';
import { tokenStore } from './token-store';

const ORIGIN = 'chrome-extension://abcdefghijklmnop/';
const optionsPage = { url: `${ORIGIN}options.html` };
const githubTab = { url: 'https://github.com/acme/mnist/commits/main' };
const ask = (message: unknown, sender: Sender = optionsPage) =>
  handleMessage(message, sender, ORIGIN, {
    tokens: tokenStore,
    github: githubSession(tokenStore),
    openSignIn: async () => undefined,
    settings: overlaySettings,
  });

describe('background messages', () => {
  beforeEach(() => fakeBrowser.reset());

  it('saves, reports and clears the token in storage.local', async () => {
    expect(await ask({ type: 'token-status' })).toEqual({ set: false });
    expect(await ask({ type: 'token-save', token: '  ghp_abc123  ' })).toEqual({ set: true });
    expect(await fakeBrowser.storage.local.get('githubToken')).toEqual({ githubToken: 'ghp_abc123' });
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({});
    expect(await ask({ type: 'token-status' }, githubTab)).toEqual({ set: true });
    expect(await ask({ type: 'token-clear' })).toEqual({ set: false });
    expect(await fakeBrowser.storage.local.get('githubToken')).toEqual({});
  });

  it('refuses token changes from a web page', async () => {
    await expect(ask({ type: 'token-save', token: 'ghp_evil' }, githubTab)).rejects.toThrow(/extension's own pages/);
    await expect(ask({ type: 'token-clear' }, {})).rejects.toThrow(/extension's own pages/);
    expect(await tokenStore.get()).toBeNull();
  });

  it('refuses empty tokens and tokens with spaces', async () => {
    await expect(ask({ type: 'token-save', token: '   ' })).rejects.toThrow(/one word/);
    await expect(ask({ type: 'token-save', token: 'ghp_a ghp_b' })).rejects.toThrow(/one word/);
  });

  it('leaves messages that are not ours to other listeners', () => {
    expect(ask({ type: 'something-else' })).toBeUndefined();
    expect(ask('token-status')).toBeUndefined();
  });
});
