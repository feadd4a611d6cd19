import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { dirHash, md5Dos2unixHex, md5Hex } from '../../../tests/fake-github/dvc/hash';
import { folderFiles, hashDirectory, type FolderFile } from './hash-dir';

const text = (value: string) => new TextEncoder().encode(value);
const folder = (files: Record<string, Uint8Array<ArrayBuffer> | string>): FolderFile[] =>
  Object.entries(files).map(([relpath, bytes]) => ({ relpath, file: new Blob([typeof bytes === 'string' ? text(bytes) : bytes]) }));
const options = { outPath: 'data/prepared', repoFiles: {} };

describe('hashDirectory: a folder hashed as DVC hashes a tracked directory', () => {
  it("dvc-data's test vector: foo and bar give 5ea40360….dir, the manifest byte for byte", async () => {
    const digest = await hashDirectory(folder({ foo: 'foo', bar: 'bar' }), '3', options);
    expect(digest.md5).toBe('5ea40360f5b4ec688df672a4db9c17d1.dir');
    expect(new TextDecoder().decode(digest.manifest.bytes)).toBe(
      '[{"md5": "37b51d194a7513e45b56f6524f2d51f2", "relpath": "bar"}, {"md5": "acbd18db4cc2f85cedef654fccc4a4d8", "relpath": "foo"}]',
    );
    expect(digest).toMatchObject({ size: 6, nfiles: 2, ignored: [] });
    expect(digest.manifest.digest).toEqual({
      md5: '5ea40360f5b4ec688df672a4db9c17d1',
      contentMd5: '5ea40360f5b4ec688df672a4db9c17d1',
      sha256: createHash('sha256').update(digest.manifest.bytes).digest('hex'),
      size: digest.manifest.bytes.length,
    });
  });

  // The independent oracle is the fake's node:crypto implementation of DVC's documented rules:
  // 3.x hashes raw bytes, 2.x each text block with CRLF as LF; the manifest is the same JSON list.
  it.each(['2', '3'] as const)('DVC %s.x: each file by its generation, nested paths, the manifest and the sums', async (generation) => {
    const files = {
      'train.tsv': 'id\tlabel\r\n1\tcat\r\n',
      'test/part 1.tsv': 'id\tlabel\n2\tdog\n',
      'test/é.bin': Uint8Array.from([0, 13, 10, 255, 13, 10]),
      'B.txt': 'upper first\r\n',
    };
    const digest = await hashDirectory(folder(files), generation, options);
    const oracle = Object.entries(files).map(([relpath, value]) => {
      const bytes = typeof value === 'string' ? text(value) : value;
      return { relpath, md5: generation === '3' ? md5Hex(bytes) : md5Dos2unixHex(bytes), size: bytes.length };
    });
    expect(digest.files.map(({ relpath, digest: d }) => ({ relpath, md5: d.md5, size: d.size }))).toEqual(oracle);
    expect(digest.md5).toBe(dirHash(oracle));
    expect(md5Hex(digest.manifest.bytes)).toBe(digest.md5.replace(/\.dir$/, ''));
    expect(digest.size).toBe(oracle.reduce((sum, f) => sum + f.size, 0));
    expect(digest.nfiles).toBe(4);
    expect(JSON.parse(new TextDecoder().decode(digest.manifest.bytes))).toEqual(
      [...oracle].sort((a, b) => (a.relpath < b.relpath ? -1 : 1)).map(({ md5, relpath }) => ({ md5, relpath })),
    );
    // CRLF files differ between the generations; the LF-only one does not.
    const train = digest.files.find((f) => f.relpath === 'train.tsv')!.digest.md5;
    expect(train === md5Hex(text(files['train.tsv']))).toBe(generation === '3');
  });

  // DVC's own tests (tests/func/test_ignore.py): the repository's .dvcignore applies inside an
  // added directory, `.hg/ .git/ .git .dvc/` always do, and `dvc add` refuses a directory holding
  // a .dvcignore (test_dvcignore_in_out_dir).
  it(".dvcignore: the repository's rules and DVC's defaults leave files out", async () => {
    const files = folder({ 'a.csv': 'a\n', 'scratch.tmp': 'x\n', 'sub/keep.tmp': 'k\n', '.git/HEAD': 'ref: refs/heads/main\n', 'sub/.hg/x': 'h\n' });
    const digest = await hashDirectory(files, '3', {
      outPath: 'data/prepared',
      repoFiles: { '.dvcignore': '*.tmp\n', 'data/.dvcignore': '!prepared/sub/keep.tmp\n', 'params.yaml': 'a.csv: 1\n' },
    });
    expect(digest.files.map((f) => f.relpath)).toEqual(['a.csv', 'sub/keep.tmp']);
    expect(digest.ignored).toEqual(['scratch.tmp', '.git/HEAD', 'sub/.hg/x']);
    expect(digest.nfiles).toBe(2);
    expect(digest.md5).toBe(dirHash(digest.files.map(({ relpath, digest: d }) => ({ relpath, md5: d.md5 }))));
  });

  it('a folder holding its own .dvcignore is refused, as dvc add refuses it; one inside an ignored .git is not looked at', async () => {
    await expect(hashDirectory(folder({ 'a.csv': 'a\n', 'sub/.dvcignore': '*.csv\n' }), '3', options)).rejects.toThrow(
      'it holds sub/.dvcignore, and DVC refuses a .dvcignore inside a tracked directory',
    );
    expect((await hashDirectory(folder({ 'a.csv': 'a\n', '.git/.dvcignore': '' }), '3', options)).nfiles).toBe(1);
  });

  it('reports progress over the whole folder and stops when cancelled', async () => {
    const seen: [number, number][] = [];
    await hashDirectory(folder({ a: 'aaaa', b: 'bb' }), '3', { ...options, onProgress: (done, total) => seen.push([done, total]) });
    expect(seen).toEqual([
      [0, 6],
      [4, 6],
      [6, 6],
    ]);
    const controller = new AbortController();
    controller.abort();
    await expect(hashDirectory(folder({ a: 'a' }), '3', { ...options, signal: controller.signal })).rejects.toThrow();
  });

  it("folderFiles drops the picked folder's own name from webkitRelativePath", () => {
    const file = (path: string) => Object.assign(new Blob(['x']), { webkitRelativePath: path });
    expect(folderFiles([file('prepared/train.tsv'), file('prepared/sub/é.tsv')]).map((f) => f.relpath)).toEqual(['train.tsv', 'sub/é.tsv']);
  });
});
