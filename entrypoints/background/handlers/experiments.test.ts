import 'fake-indexeddb/auto';
import { fileURLToPath } from 'node:url';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startFakeGitHub, type FakeGitHub } from '../../../tests/fake-github/app';
import { idbCache } from '../../../lib/cache';
import { enterpriseHost } from '../../../lib/github/host';
import { memoryLedger } from '../../../lib/experiments/write/run-ledger';
import { githubSession } from '../github-session';
import { handleMessage } from '../handle-message';
import { tokenStore } from '../token-store';

const SAMPLE = fileURLToPath(new URL('../../../tests/fake-github/sample', import.meta.url));
const ORIGIN = 'chrome-extension://abcdefghijklmnop/';
const githubTab = { url: 'https://github.com/acme/iris/commits/main' };

let fake: FakeGitHub;
let shas: string[];
let n = 0;
beforeAll(async () => {
  fake = await startFakeGitHub({ seeds: [{ owner: 'acme', name: 'iris', folder: SAMPLE }] });
  shas = fake.seeds
    .get('acme/iris')!
    .commits.map((c) => c.oid)
    .reverse();
});
afterAll(() => fake.close());
beforeEach(() => {
  fakeBrowser.reset();
  fake.server.log.length = 0;
});

function asker() {
  const context = {
    tokens: tokenStore,
    github: githubSession(tokenStore, { host: enterpriseHost(fake.url), cache: idbCache({ name: `handler-${n++}` }), client: { sleep: async () => {} } }),
    runLedger: memoryLedger(),
    notifyPages: () => {},
  };
  return (message: unknown) => handleMessage(message, githubTab, ORIGIN, context);
}

describe('the experiments message', () => {
  it('answers a content script with the rows of its page', async () => {
    await tokenStore.set('ghp_reader');
    const reply = await asker()({ type: 'experiments', repo: { owner: 'acme', name: 'iris' }, list: { ref: 'main' }, shas });
    expect(reply).toMatchObject({ ok: true, result: { dvc: true } });
    const rows = reply && 'result' in reply && reply.result.dvc ? reply.result.rows : [];
    expect(rows.map((r) => r.sha)).toEqual(shas);
    expect(rows[0]!.params.length).toBeGreaterThan(0);
  });

  it('a repository the token cannot read: one typed error for the page, in one request', async () => {
    await tokenStore.set('ghp_reader');
    const reply = await asker()({ type: 'experiments', repo: { owner: 'acme', name: 'secret' }, list: { ref: 'main' }, shas });
    expect(reply).toEqual({ ok: false, error: { kind: 'not-found', message: 'GitHub cannot find acme/secret, or your token cannot read it.' } });
    expect(fake.server.log.filter((r) => r.site === 'api')).toHaveLength(1);
  });

  it('without a token: no request, a sentence saying what to do', async () => {
    const reply = await asker()({ type: 'experiments', repo: { owner: 'acme', name: 'iris' }, list: { pr: 3 }, shas });
    expect(reply).toEqual({ ok: false, error: { kind: 'no-token', message: expect.stringMatching(/options/) } });
    expect(fake.server.log).toEqual([]);
  });

  it.each([
    { repo: { owner: 'acme', name: 'iris' }, list: { ref: 'main' }, shas: ['abc'] },
    { repo: { owner: 'acme/x', name: 'iris' }, list: { ref: 'main' }, shas: ['a'.repeat(40)] },
    { repo: { owner: 'acme', name: 'iris' }, list: { pr: -1 }, shas: ['a'.repeat(40)] },
    { repo: { owner: 'acme', name: 'iris' }, list: {}, shas: ['a'.repeat(40)] },
    { repo: { owner: 'acme', name: 'iris' }, list: { ref: 'main' }, shas: Array(101).fill('a'.repeat(40)) },
    { repo: 'acme/iris', list: { ref: 'main' }, shas: [] },
  ])('refuses a malformed request at the boundary: %j', (fields) => {
    expect(asker()({ type: 'experiments', ...fields })).toBeUndefined();
  });
});
