import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import type { RowsRequest, RowsResult } from '../../../lib/experiments/types';
import { NotFoundError, RateLimitedError } from '../../../lib/github/errors';
import type { BackgroundContext } from '../context';
import { handleMessage } from '../handle-message';
import { overlaySettings } from '../overlay-settings';
import { tokenStore } from '../token-store';

const ORIGIN = 'chrome-extension://abcdefghijklmnop/';
const githubTab = { url: 'https://github.com/acme/egs/commits/main' };
const sha = 'c'.repeat(40);
const request = { type: 'experiments', repo: { owner: 'acme', name: 'egs' }, list: { ref: 'main' }, shas: [sha] };
const noDvc: RowsResult = { dvc: false, rows: [] };

function context(overrides: Partial<BackgroundContext> = {}): BackgroundContext & { asked: RowsRequest[] } {
  const asked: RowsRequest[] = [];
  return { asked, tokens: tokenStore, settings: overlaySettings, rows: async (r) => (asked.push(r), noDvc), openSignIn: async () => undefined, ...overrides };
}
const ask = (ctx: BackgroundContext, message: unknown = request) => handleMessage(message, githubTab, ORIGIN, ctx);

describe('experiments (from a content script on github.com)', () => {
  beforeEach(async () => {
    fakeBrowser.reset();
    await tokenStore.set('ghp_test');
  });

  it('answers a page view with its rows, asking for exactly that page', async () => {
    const ctx = context({ login: async () => 'octocat' });
    expect(await ask(ctx)).toEqual({ ok: true, result: noDvc, login: 'octocat' });
    expect(ctx.asked).toEqual([{ repo: { owner: 'acme', name: 'egs' }, list: { ref: 'main' }, shas: [sha] }]);
  });

  it('says signed-out without asking GitHub when no token is stored', async () => {
    await tokenStore.clear();
    const ctx = context();
    expect(await ask(ctx)).toMatchObject({ ok: false, error: { kind: 'signed-out' } });
    expect(ctx.asked).toEqual([]);
  });

  it('turns GitHub failures into their plain info (rate limit with its time, not found)', async () => {
    const until = new Date('2026-12-07T08:00:00Z');
    expect(await ask(context({ rows: () => Promise.reject(new RateLimitedError(until, 'primary')) }))).toEqual({
      ok: false,
      error: { kind: 'rate-limited', limit: 'primary', until: until.getTime(), message: expect.stringContaining('until') },
    });
    expect(await ask(context({ rows: () => Promise.reject(new NotFoundError('acme/egs')) }))).toMatchObject({ ok: false, error: { kind: 'not-found' } });
  });

  it('lets bugs reject', async () => {
    await expect(ask(context({ rows: () => Promise.reject(new TypeError('boom')) }))).rejects.toThrow('boom');
  });

  it('open-sign-in opens the sign-in page for any sender', async () => {
    let opened = 0;
    expect(await ask(context({ openSignIn: async () => void opened++ }), { type: 'open-sign-in' })).toBeNull();
    expect(opened).toBe(1);
  });
});

describe('overlay settings', () => {
  beforeEach(() => fakeBrowser.reset());

  it('are kept per repository in storage.local, and malformed ones are refused', async () => {
    const ctx = context();
    const settings = { metrics: ['m.json:acc'], baseline: { kind: 'commit', sha }, deltaMode: 'percent', goals: { 'm.json:acc': 'higher' } };
    expect(await ask(ctx, { type: 'overlay-settings-get', repo: 'acme/egs' })).toBeNull();
    expect(await ask(ctx, { type: 'overlay-settings-set', repo: 'acme/egs', settings })).toBeNull();
    expect(await ask(ctx, { type: 'overlay-settings-get', repo: 'acme/egs' })).toEqual(settings);
    expect(await ask(ctx, { type: 'overlay-settings-get', repo: 'acme/other' })).toBeNull();
    expect(await fakeBrowser.storage.local.get('overlay-settings:acme/egs')).toEqual({ 'overlay-settings:acme/egs': settings });
    for (const bad of [
      { ...settings, deltaMode: 'log' },
      { ...settings, baseline: { kind: 'commit', sha: 'x' } },
      { ...settings, goals: { a: 'up' } },
      { ...settings, metrics: [1] },
    ]) {
      expect(ask(ctx, { type: 'overlay-settings-set', repo: 'acme/egs', settings: bad })).toBeUndefined();
    }
    expect(ask(ctx, { type: 'overlay-settings-get', repo: '../x' })).toBeUndefined();
  });
});
