import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { md5Dos2unixHex } from '../../../tests/fake-github/dvc/hash';
import { DvcRemoteStore } from '../../../tests/fake-github/dvc/remote-store';
import { s3Endpoint } from '../../../tests/fake-github/s3/endpoint';
import { startServer, type FakeServer } from '../../../tests/fake-github/server';
import type { RemoteCredential } from '../../remote';
import { uploadRequest } from './upload-request';

const KEY = 'AKIAFAKEMINIO0000003';
const SECRET = 'minio-secret-0000000000000000000000003';
const digest = (algorithm: string, bytes: Uint8Array) => createHash(algorithm).update(bytes).digest('hex');

const granted = async () => 'granted' as const;

let server: FakeServer;
const store = new DvcRemoteStore();
beforeAll(async () => {
  server = await startServer();
  server.use(s3Endpoint({ buckets: { data: { prefix: 'dvc', store } }, credentials: [{ accessKeyId: KEY, secretAccessKey: SECRET }], clock: server.clock }));
});
afterAll(() => server.close());

const config = () => `[core]\n    remote = storage\n['remote "storage"']\n    url = s3://data/dvc\n    endpointurl = ${server.url}/_s3\n`;
const credentials = (): RemoteCredential[] => [{ kind: 's3', url: 's3://data/dvc', endpoint: `${server.url}/_s3`, accessKeyId: KEY, secretAccessKey: SECRET }];

describe('uploadRequest (the background signs, the page sends)', () => {
  it('signs a PUT the page can send without the secret, at the DVC 3.x key; then finds the object present', async () => {
    const body = new TextEncoder().encode('a,b\n1,2\n');
    const ask = { md5: digest('md5', body), contentMd5: digest('md5', body), sha256: digest('sha256', body), generation: '3' as const };
    const reply = await uploadRequest(config(), ask, { fetch, credentials: credentials(), access: granted });
    if (!reply.ok || reply.present) throw new Error(`expected a signed PUT, got ${JSON.stringify(reply)}`);
    expect(reply.put.url).toBe(`${server.url}/_s3/data/dvc/files/md5/${ask.md5.slice(0, 2)}/${ask.md5.slice(2)}`);
    expect(JSON.stringify(reply.put)).not.toContain(SECRET);
    const sent = await fetch(reply.put.url, { method: 'PUT', headers: reply.put.headers, body });
    expect(sent.status).toBe(200);
    expect(digest('md5', store.get(`files/md5/${ask.md5.slice(0, 2)}/${ask.md5.slice(2)}`)!)).toBe(ask.md5);
    expect(await uploadRequest(config(), ask, { fetch, credentials: credentials(), access: granted })).toMatchObject({ ok: true, present: true });
  });

  it('a 2.x CRLF text file: named by its LF md5, stored as it is, its Content-MD5 that of its bytes', async () => {
    const body = new TextEncoder().encode('a,b\r\n1,2\r\n');
    const address = md5Dos2unixHex(body);
    expect(address).not.toBe(digest('md5', body));
    const ask = { md5: address, contentMd5: digest('md5', body), sha256: digest('sha256', body), generation: '2' as const };
    const reply = await uploadRequest(config(), ask, { fetch, credentials: credentials(), access: granted });
    if (!reply.ok || reply.present) throw new Error(`expected a signed PUT, got ${JSON.stringify(reply)}`);
    expect(reply.put.url).toBe(`${server.url}/_s3/data/dvc/${address.slice(0, 2)}/${address.slice(2)}`);
    expect((await fetch(reply.put.url, { method: 'PUT', headers: reply.put.headers, body })).status).toBe(200);
    expect(store.get(`${address.slice(0, 2)}/${address.slice(2)}`)).toEqual(body);
  });

  it('the signature covers the bytes: other bytes under it are refused', async () => {
    const body = new TextEncoder().encode('x\n');
    const ask = { md5: digest('md5', body), contentMd5: digest('md5', body), sha256: digest('sha256', body), generation: '2' as const };
    const reply = await uploadRequest(config(), ask, { fetch, credentials: credentials(), access: granted });
    if (!reply.ok || reply.present) throw new Error('expected a signed PUT');
    const sent = await fetch(reply.put.url, { method: 'PUT', headers: reply.put.headers, body: new TextEncoder().encode('y\n') });
    expect(sent.status).toBe(400);
    expect(store.get(`${ask.md5.slice(0, 2)}/${ask.md5.slice(2)}`)).toBeUndefined();
  });

  it('asks for the host permission before any request', async () => {
    const ask = {
      md5: 'd41d8cd98f00b204e9800998ecf8427e',
      contentMd5: 'd41d8cd98f00b204e9800998ecf8427e',
      sha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      generation: '3' as const,
    };
    const before = server.log.length;
    expect(await uploadRequest(config(), ask, { fetch, credentials: credentials(), access: async () => 'ask' })).toMatchObject({
      ok: false,
      failure: { kind: 'permission', denied: false },
    });
    expect(server.log.length).toBe(before);
  });

  it('says in words when there is no remote', async () => {
    expect(
      await uploadRequest(
        null,
        {
          md5: 'd41d8cd98f00b204e9800998ecf8427e',
          contentMd5: 'd41d8cd98f00b204e9800998ecf8427e',
          sha256: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
          generation: '3',
        },
        { fetch, credentials: [], access: granted },
      ),
    ).toMatchObject({
      ok: false,
      failure: { kind: 'unsupported' },
    });
  });
});
