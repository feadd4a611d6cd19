import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { startServer, type FakeServer } from '../server';
import { dirHash, md5Dos2unixHex, pythonJsonDumps } from './hash';
import { httpRemotes } from './http-remote';
import { DvcRemoteStore, ObjectRefused } from './remote-store';

// Expected hashes come from outside this code: dvc-data's test vector (reference §2.5) and
// `printf … | md5sum` / Python's json.dumps run by hand.
const BAR = '37b51d194a7513e45b56f6524f2d51f2'; // md5("bar")
const FOO = 'acbd18db4cc2f85cedef654fccc4a4d8'; // md5("foo")
const BAR_FOO_DIR = '5ea40360f5b4ec688df672a4db9c17d1.dir'; // dvc-data tests/hashfile/test_build.py
const MANIFEST = `[{"md5": "${BAR}", "relpath": "bar"}, {"md5": "${FOO}", "relpath": "foo"}]`;
const CRLF_TEXT = 'a\r\nb\r\n';
const CRLF_RAW_MD5 = '59b0d7772f0561efb95518f3cb8abc60'; // printf 'a\r\nb\r\n' | md5sum
const CRLF_DOS2UNIX_MD5 = 'dd8c6a395b5dd36c56d23275028f526c'; // printf 'a\nb\n' | md5sum

const at = (oid: string) => `${oid.slice(0, 2)}/${oid.slice(2)}`;

describe('DVC hashes', () => {
  it('serialises like Python json.dumps(sort_keys=True), ensure_ascii included', () => {
    // python3 -c 'import json; print(json.dumps([{"relpath": "dir/\u00e9\"x", "md5": "…"}], sort_keys=True))'
    expect(pythonJsonDumps([{ relpath: 'dir/é"x', md5: BAR }])).toBe(`[{"md5": "${BAR}", "relpath": "dir/\\u00e9\\"x"}]`);
  });

  it('gives dvc-data’s .dir hash for bar/foo, whatever the entry order', () => {
    expect(
      dirHash([
        { md5: FOO, relpath: 'foo' },
        { md5: BAR, relpath: 'bar' },
      ]),
    ).toBe(BAR_FOO_DIR);
  });

  it('2.x hashes text with CRLF as LF, and leaves binary alone', () => {
    expect(md5Dos2unixHex(new TextEncoder().encode(CRLF_TEXT))).toBe(CRLF_DOS2UNIX_MD5);
    expect(md5Dos2unixHex(new Uint8Array([0, 13, 10]))).toBe('692c8022360661692872fdc730517229'); // printf '\x00\r\n' | md5sum
  });
});

describe('DvcRemoteStore seeding', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));
  const folder = (files: Record<string, string>) => {
    const root = mkdtempSync(join(tmpdir(), 'dvc-remote-'));
    dirs.push(root);
    for (const [path, text] of Object.entries(files)) {
      mkdirSync(dirname(join(root, path)), { recursive: true });
      writeFileSync(join(root, path), text);
    }
    return root;
  };

  it('accepts 3.x and 2.x objects and .dir manifests named by their hashes', () => {
    const store = DvcRemoteStore.fromFolder(
      folder({
        [`files/md5/${at(BAR)}`]: 'bar',
        [`files/md5/${at(FOO)}`]: 'foo',
        [`files/md5/${at(BAR_FOO_DIR)}`]: MANIFEST,
        [at(CRLF_DOS2UNIX_MD5)]: CRLF_TEXT,
        // A manifest with meta per entry still hashes over {md5, relpath} only.
        [at(BAR_FOO_DIR)]: `[{"md5": "${FOO}", "relpath": "foo", "size": 3}, {"md5": "${BAR}", "relpath": "bar", "size": 3}]`,
      }),
    );
    expect(store.paths()).toEqual([at(BAR_FOO_DIR), at(CRLF_DOS2UNIX_MD5), `files/md5/${at(BAR)}`, `files/md5/${at(BAR_FOO_DIR)}`, `files/md5/${at(FOO)}`]);
    expect(new TextDecoder().decode(store.get(`files/md5/${at(BAR)}`))).toBe('bar');
  });

  it.each([
    ['a file under another file’s md5', { [`files/md5/${at(FOO)}`]: 'bar' }, BAR],
    ['a 3.x CRLF text named by its 2.x hash', { [`files/md5/${at(CRLF_DOS2UNIX_MD5)}`]: CRLF_TEXT }, CRLF_RAW_MD5],
    ['a 2.x CRLF text named by its raw md5', { [at(CRLF_RAW_MD5)]: CRLF_TEXT }, CRLF_DOS2UNIX_MD5],
    ['a manifest whose entries changed', { [`files/md5/${at(BAR_FOO_DIR)}`]: `[{"md5": "${BAR}", "relpath": "bar"}]` }, undefined],
  ])('refuses %s', (_, files, actual) => {
    const root = folder({ [`files/md5/${at(BAR)}`]: 'bar', ...files });
    const error = (() => {
      try {
        DvcRemoteStore.fromFolder(root);
      } catch (e) {
        return e;
      }
    })();
    expect(error).toBeInstanceOf(ObjectRefused);
    expect((error as ObjectRefused).actual).toEqual(actual ?? expect.stringMatching(/^[0-9a-f]{32}\.dir$/));
  });

  it('refuses files that are not objects and manifests that are not manifests', () => {
    expect(() => DvcRemoteStore.fromFolder(folder({ 'README.md': 'hi' }))).toThrow(/not a DVC object path/);
    expect(() => DvcRemoteStore.fromFolder(folder({ [`files/md5/${at(BAR_FOO_DIR)}`]: '{"md5": 1}' }))).toThrow(/unreadable .dir manifest/);
  });
});

describe('HTTP remote', () => {
  let server: FakeServer | undefined;
  afterEach(async () => server?.close());

  it('serves objects at /_dvc/<name>/… and stores uploads only under their hash', async () => {
    const store = new DvcRemoteStore();
    store.put(`files/md5/${at(BAR)}`, new TextEncoder().encode('bar'));
    server = await startServer({ handlers: [httpRemotes({ 'get-started': store })] });
    const base = `${server.url}/_dvc/get-started`;
    const got = await fetch(`${base}/files/md5/${at(BAR)}`);
    expect([got.status, await got.text()]).toEqual([200, 'bar']);
    const head = await fetch(`${base}/files/md5/${at(BAR)}`, { method: 'HEAD' });
    expect([head.status, head.headers.get('content-length')]).toEqual([200, '3']);
    expect((await fetch(`${base}/files/md5/${at(FOO)}`)).status).toBe(404);
    expect((await fetch(`${server.url}/_dvc/other/files/md5/${at(BAR)}`)).status).toBe(404);

    const wrong = await fetch(`${base}/files/md5/${at(FOO)}`, { method: 'POST', body: 'not foo' });
    expect(wrong.status).toBe(400);
    expect((await fetch(`${base}/files/md5/${at(FOO)}`)).status).toBe(404);
    expect((await fetch(`${base}/files/md5/${at(FOO)}`, { method: 'PUT', body: 'foo' })).status).toBe(200);
    expect(await (await fetch(`${base}/files/md5/${at(FOO)}`)).text()).toBe('foo');
  });
});
