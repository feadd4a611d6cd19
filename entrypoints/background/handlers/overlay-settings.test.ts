import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import { handleMessage } from '../handle-message';
import { testBackground } from '../testing/test-background';

const ORIGIN = 'chrome-extension://abcdefghijklmnop/';
const githubTab = { url: 'https://github.com/acme/egs/commits/main' };
const sha = 'c'.repeat(40);
let opened = 0;
const context = testBackground({ openSignIn: async () => void opened++ });
const ask = (message: unknown) => handleMessage(message, githubTab, ORIGIN, context);

describe('the overlay’s own messages (from a content script on github.com)', () => {
  beforeEach(() => fakeBrowser.reset());

  it('keeps settings per repository in storage.local, and refuses malformed ones', async () => {
    const settings = { metrics: ['m.json:acc'], baseline: { kind: 'commit', sha }, deltaMode: 'percent', goals: { 'm.json:acc': 'higher' } };
    expect(await ask({ type: 'overlay-settings-get', repo: 'acme/egs' })).toBeNull();
    expect(await ask({ type: 'overlay-settings-set', repo: 'acme/egs', settings })).toBeNull();
    expect(await ask({ type: 'overlay-settings-get', repo: 'acme/egs' })).toEqual(settings);
    expect(await ask({ type: 'overlay-settings-get', repo: 'acme/other' })).toBeNull();
    expect(await fakeBrowser.storage.local.get('overlay-settings:acme/egs')).toEqual({ 'overlay-settings:acme/egs': settings });
    for (const bad of [
      { ...settings, deltaMode: 'log' },
      { ...settings, baseline: { kind: 'commit', sha: 'x' } },
      { ...settings, goals: { a: 'up' } },
      { ...settings, metrics: [1] },
    ]) {
      expect(ask({ type: 'overlay-settings-set', repo: 'acme/egs', settings: bad })).toBeUndefined();
    }
    expect(ask({ type: 'overlay-settings-get', repo: '../x' })).toBeUndefined();
  });

  it('open-sign-in opens the sign-in page for any sender', async () => {
    expect(await ask({ type: 'open-sign-in' })).toBeNull();
    expect(opened).toBe(1);
  });
});
