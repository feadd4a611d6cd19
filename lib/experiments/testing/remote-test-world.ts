import { readProject, type Project } from '../../dvc';
import { DvcRemoteStore } from '../../../tests/fake-github/dvc/remote-store';
import { httpRemotes } from '../../../tests/fake-github/dvc/http-remote';
import { s3Endpoint, type S3Options } from '../../../tests/fake-github/s3/endpoint';
import { startServer, type FakeServer, type Handler } from '../../../tests/fake-github/server';
import { filesUnder, fixtureBytes, FIXTURES } from '../../dvc/testing/fixture-files';
import { fetchObject, type RemoteCredential } from '../../remote';
import { createRemoteReader, type ObjectCache, type RemoteReader } from '../remote-reader';

/**
 * A fixture commit with some files replaced (a string or bytes) or removed (null), read with
 * readProject; `dvcConfig` is its `.dvc/config`.
 */
export async function fixtureCommit(
  folder: string,
  changes: Record<string, string | Uint8Array | null> = {},
): Promise<{ project: Project; dvcConfig: string }> {
  const files = new Map<string, string | Uint8Array>(filesUnder(`${FIXTURES}/${folder}`).map((rel) => [rel, fixtureBytes(`${folder}/${rel}`)]));
  for (const [path, content] of Object.entries(changes)) {
    if (content === null) files.delete(path);
    else files.set(path, content);
  }
  const project = await readProject(async (path) => files.get(path) ?? null, [...files.keys()]);
  const config = files.get('.dvc/config');
  return { project, dvcConfig: typeof config === 'string' ? config : new TextDecoder().decode(config) };
}

export const bytes = (text: string) => new TextEncoder().encode(text);
export const at3 = (md5: string) => `files/md5/${md5.slice(0, 2)}/${md5.slice(2)}`;
export const at2 = (md5: string) => `${md5.slice(0, 2)}/${md5.slice(2)}`;

export function memoryCache(): ObjectCache & { entries: Map<string, Uint8Array> } {
  const entries = new Map<string, Uint8Array>();
  return { entries, get: async (key) => entries.get(key), put: async (key, value) => void entries.set(key, value) };
}

/** The fake's DVC remotes and S3 endpoint on 127.0.0.1; `before` handlers answer first (to serve wrong bytes). */
export async function startRemotes(options: { http?: Record<string, DvcRemoteStore>; s3?: Omit<S3Options, 'clock'>; before?: Handler[] }): Promise<FakeServer> {
  const server = await startServer();
  for (const handler of options.before ?? []) server.use(handler);
  if (options.http) server.use(httpRemotes(options.http));
  if (options.s3) server.use(s3Endpoint({ ...options.s3, clock: server.clock }));
  return server;
}

/**
 * A reader as the background builds one, all hosts granted. `route` maps a real remote's URL
 * prefix to the fake's (example-get-started's own `https://remote.dvc.org/get-started`), as the
 * end-to-end tests route github.com; the fetches it made are in `requested`.
 */
export function testReader(
  options: { credentials?: RemoteCredential[]; route?: [string, string]; cache?: ObjectCache } = {},
): RemoteReader & { requested: string[] } {
  const requested: string[] = [];
  const routed: typeof fetch = (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    requested.push(url);
    const [from, to] = options.route ?? ['', ''];
    return fetch(from && url.startsWith(from) ? to + url.slice(from.length) : input, init);
  };
  const reader = createRemoteReader({
    fetch: (target) => fetchObject(target, { fetch: routed, credentials: options.credentials ?? [] }),
    cache: options.cache ?? memoryCache(),
    access: async () => 'granted',
  });
  return Object.assign(reader, { requested });
}

export { DvcRemoteStore };
