import { describe, expect, it } from 'vitest';
import { NotFoundError, RateLimitedError } from '../../lib/github/errors';
import type { RowsRequest, RowsResult } from '../../lib/experiments/types';
import { handleOverlayMessage, type OverlayServices } from './experiments';

const sha = 'c'.repeat(40);
const request = { type: 'experiments', repo: { owner: 'acme', name: 'egs' }, list: { ref: 'main' }, shas: [sha] };
const noDvc: RowsResult = { dvc: false, rows: [] };

function services(overrides: Partial<OverlayServices> = {}): OverlayServices & { asked: RowsRequest[] } {
  const asked: RowsRequest[] = [];
  return {
    asked,
    signedIn: async () => true,
    rows: async (r) => (asked.push(r), noDvc),
    openSignIn: async () => undefined,
    ...overrides,
  };
}

describe('handleOverlayMessage', () => {
  it('answers a page view with its rows, asking for exactly the page it was given', async () => {
    const s = services({ login: async () => 'octocat' });
    expect(await handleOverlayMessage(request, s)).toEqual({ ok: true, result: noDvc, login: 'octocat' });
    expect(s.asked).toEqual([{ repo: { owner: 'acme', name: 'egs' }, list: { ref: 'main' }, shas: [sha] }]);
  });

  it('says signed-out without asking GitHub when no token is stored', async () => {
    const s = services({ signedIn: async () => false });
    expect(await handleOverlayMessage(request, s)).toMatchObject({ ok: false, error: { kind: 'signed-out' } });
    expect(s.asked).toEqual([]);
  });

  it('turns GitHub failures into their plain info (rate limit with its time, not found)', async () => {
    const until = new Date('2026-12-07T08:00:00Z');
    expect(await handleOverlayMessage(request, services({ rows: () => Promise.reject(new RateLimitedError(until, 'primary')) }))).toEqual({
      ok: false,
      error: { kind: 'rate-limited', limit: 'primary', until: until.getTime(), message: expect.stringContaining('until') },
    });
    expect(await handleOverlayMessage(request, services({ rows: () => Promise.reject(new NotFoundError('acme/egs')) }))).toMatchObject({
      ok: false,
      error: { kind: 'not-found' },
    });
  });

  it('lets bugs reject, and leaves other messages alone', async () => {
    await expect(handleOverlayMessage(request, services({ rows: () => Promise.reject(new TypeError('boom')) }))).rejects.toThrow('boom');
    expect(handleOverlayMessage({ type: 'token-status' }, services())).toBeUndefined();
    expect(handleOverlayMessage({ type: 'experiments', shas: 'x' }, services())).toBeUndefined();
  });
});
