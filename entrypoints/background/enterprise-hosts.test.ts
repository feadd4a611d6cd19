import { describe, expect, it } from 'vitest';
import { enterpriseHosts } from './enterprise-hosts';
import { fakeHostApi } from './testing/fake-host-api';

const MANIFEST = {
  permissions: ['storage'],
  host_permissions: ['https://github.com/*', 'https://api.github.com/*'],
  content_scripts: [{ matches: ['https://github.com/*'], js: ['content-scripts/github.js'], css: ['content-scripts/github.css'] }],
};

function world(manifest = MANIFEST) {
  const fake = fakeHostApi(manifest);
  let origins: string[] = [];
  const settings = { origins: async () => origins, setOrigins: async (next: string[]) => void (origins = next) };
  return { ...fake, hosts: enterpriseHosts(fake.api, settings), origins: () => origins };
}

describe('GitHub Enterprise hosts', () => {
  it('registers the github.com content script on a granted host, persisted across restarts', async () => {
    const w = world();
    w.grant({ origins: ['https://ghe.example.com/*'], permissions: ['scripting'] });
    await w.hosts.add('https://ghe.example.com');
    expect([...w.scripts.values()]).toEqual([
      {
        id: 'enterprise-ghe.example.com',
        matches: ['https://ghe.example.com/*'],
        js: ['content-scripts/github.js'],
        css: ['content-scripts/github.css'],
        runAt: 'document_idle',
        persistAcrossSessions: true,
      },
    ]);
    expect(w.origins()).toEqual(['https://ghe.example.com']);
    await w.hosts.add('https://ghe.example.com');
    expect(w.scripts.size).toBe(1);
  });

  it('refuses a host the user did not grant, registering nothing', async () => {
    const w = world();
    await expect(w.hosts.add('https://ghe.example.com')).rejects.toThrow('Commit Lab was not given access to ghe.example.com');
    w.grant({ origins: ['https://ghe.example.com/*'] });
    await expect(w.hosts.add('https://ghe.example.com')).rejects.toThrow(/not given access/);
    expect(w.scripts.size).toBe(0);
    expect(w.origins()).toEqual([]);
  });

  it('removing a host unregisters it and gives its permission back; scripting goes with the last host', async () => {
    const w = world();
    w.grant({ origins: ['https://a.example.com/*', 'https://b.example.com/*'], permissions: ['scripting'] });
    await w.hosts.add('https://a.example.com');
    await w.hosts.add('https://b.example.com');
    await w.hosts.remove('https://a.example.com');
    expect([...w.scripts.keys()]).toEqual(['enterprise-b.example.com']);
    expect([...w.granted.origins]).not.toContain('https://a.example.com/*');
    expect(w.granted.permissions.has('scripting')).toBe(true);
    await w.hosts.remove('https://b.example.com');
    expect(w.scripts.size).toBe(0);
    expect(w.granted.permissions.has('scripting')).toBe(false);
    expect([...w.granted.origins]).toEqual(MANIFEST.host_permissions);
  });

  it('keeps what the manifest asks for (the test build’s loopback host) when removing', async () => {
    const w = world({ ...MANIFEST, host_permissions: [...MANIFEST.host_permissions, 'http://127.0.0.1/*'] });
    w.grant({ permissions: ['scripting'] });
    await w.hosts.add('http://127.0.0.1:4321');
    expect(w.scripts.get('enterprise-127.0.0.1:4321')?.matches).toEqual(['http://127.0.0.1/*']);
    await w.hosts.remove('http://127.0.0.1:4321');
    expect(w.granted.origins.has('http://127.0.0.1/*')).toBe(true);
    expect(w.scripts.size).toBe(0);
  });

  it('at start drops a host whose permission was taken back in the browser, and registers again what is missing', async () => {
    const w = world();
    w.grant({ origins: ['https://a.example.com/*', 'https://b.example.com/*'], permissions: ['scripting'] });
    await w.hosts.add('https://a.example.com');
    await w.hosts.add('https://b.example.com');
    w.granted.origins.delete('https://a.example.com/*');
    w.scripts.delete('enterprise-b.example.com');
    await w.hosts.restore();
    expect(w.origins()).toEqual(['https://b.example.com']);
    expect([...w.scripts.keys()]).toEqual(['enterprise-b.example.com']);
  });

  it('a host added while the start-up restore runs is kept', async () => {
    const w = world();
    w.grant({ origins: ['https://a.example.com/*', 'https://b.example.com/*'], permissions: ['scripting'] });
    await w.hosts.add('https://b.example.com');
    // The restore's permission check for b answers only after the click on a was handled.
    let answer: () => void = () => {};
    const contains = w.api.permissions.contains;
    w.api.permissions.contains = async (p) => {
      if (p.origins?.includes('https://b.example.com/*')) await new Promise<void>((resolve) => (answer = resolve));
      return contains(p);
    };
    const restoring = w.hosts.restore();
    const adding = w.hosts.add('https://a.example.com');
    await new Promise((resolve) => setTimeout(resolve, 10));
    answer();
    await Promise.all([restoring, adding]);
    expect(w.origins()).toEqual(['https://b.example.com', 'https://a.example.com']);
  });
});
