import 'fake-indexeddb/auto';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it } from 'vitest';
import { githubSession } from './github-session';
import { handleMessage, type Sender } from './handle-message';
import { remoteSettings } from './remote-settings';
import { tokenStore } from './token-store';

const ORIGIN = 'chrome-extension://abcdefghijklmnop/';
const optionsPage = { url: `${ORIGIN}options.html` };
const githubTab = { url: 'https://github.com/acme/mnist/commits/main' };
const ask = (message: unknown, sender: Sender = optionsPage) =>
  handleMessage(message, sender, ORIGIN, { tokens: tokenStore, github: githubSession(tokenStore), remote: remoteSettings });

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

describe('remote credentials and refused hosts', () => {
  beforeEach(() => fakeBrowser.reset());
  const s3 = {
    kind: 's3',
    url: 's3://field-data-flows/delta-data-control',
    endpoint: 'https://s3.deltares.nl',
    accessKeyId: 'AKIA1',
    secretAccessKey: 's3cr3t',
  };

  it('keeps credentials in storage.local and shows options everything but the secret', async () => {
    const summary = { kind: 's3', url: s3.url, endpoint: s3.endpoint, accessKeyId: 'AKIA1' };
    expect(await ask({ type: 'remote-credential-save', credential: s3 })).toEqual({ credentials: [summary] });
    const basic = { kind: 'basic', url: 'https://dvc.example.org/store', user: 'ann', password: 'pw' };
    await ask({ type: 'remote-credential-save', credential: basic });
    expect(await fakeBrowser.storage.local.get('remoteCredentials')).toEqual({ remoteCredentials: [s3, basic] });
    expect(await fakeBrowser.storage.sync.get(null)).toEqual({});
    const listed = await ask({ type: 'remote-credentials' });
    expect(JSON.stringify(listed)).not.toMatch(/s3cr3t|"pw"/);
    expect(await ask({ type: 'remote-credential-remove', url: s3.url })).toEqual({ credentials: [{ kind: 'basic', url: basic.url, user: 'ann' }] });
  });

  it('refuses credentials from a web page, and malformed ones', async () => {
    await expect(ask({ type: 'remote-credential-save', credential: s3 }, githubTab)).rejects.toThrow(/extension's own pages/);
    await expect(ask({ type: 'remote-credentials' }, githubTab)).rejects.toThrow(/extension's own pages/);
    expect(ask({ type: 'remote-credential-save', credential: { ...s3, url: 'https://not-s3' } })).toBeUndefined();
    expect(ask({ type: 'remote-credential-save', credential: { kind: 'header', url: 'https://x.org', name: 'Cookie', value: 'v' } })).toBeUndefined();
    expect(await fakeBrowser.storage.local.get('remoteCredentials')).toEqual({});
  });

  it('remembers a refused host until options reset it', async () => {
    await ask({ type: 'remote-access-answer', origin: 'https://remote.dvc.org/*', granted: false });
    expect(await fakeBrowser.storage.local.get('deniedRemoteOrigins')).toEqual({ deniedRemoteOrigins: ['https://remote.dvc.org/*'] });
    await ask({ type: 'remote-access-reset' });
    expect(await fakeBrowser.storage.local.get('deniedRemoteOrigins')).toEqual({ deniedRemoteOrigins: [] });
    await expect(ask({ type: 'remote-access-answer', origin: 'https://remote.dvc.org/*', granted: false }, githubTab)).rejects.toThrow(/extension's own pages/);
  });
});
