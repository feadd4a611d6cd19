import { describe, expect, it, vi } from 'vitest';
import { md5Hex } from '../../tests/fake-github/dvc/hash';
import { hashDirectory } from '../../lib/experiments/form/hash-dir';
import { hashFile } from '../../lib/experiments/form/hash-file';
import type { UploadRequestReply } from '../../lib/experiments/form/upload-request';
import { RemoteError, type SignedRequest } from '../../lib/remote';
import { entryOf, objectsOf, uploadObjects, type UploadChoice, type UploadObject } from './upload-objects';

const blob = (text: string) => new Blob([new TextEncoder().encode(text)]);
const put = (md5: string): SignedRequest => ({ method: 'PUT', url: `https://remote.example/${md5}`, headers: {}, signed: true });

async function folderChoice(files: Record<string, string>): Promise<UploadChoice> {
  const folder = await hashDirectory(
    Object.entries(files).map(([relpath, text]) => ({ relpath, file: blob(text) })),
    '3',
    { outPath: 'data/features', repoFiles: {} },
  );
  return { folder, name: 'features', generation: '3' };
}

describe('objectsOf and entryOf', () => {
  it('a folder: each distinct file once, then its .dir manifest; the entry is the .dir md5, the sum and the count', async () => {
    const choice = await folderChoice({ 'a.csv': 'same\n', 'b.csv': 'other\n', 'sub/c.csv': 'same\n' });
    const objects = objectsOf([choice]);
    expect(objects.map((o) => o.md5)).toEqual([md5Hex('same\n'), md5Hex('other\n'), 'folder' in choice ? choice.folder.md5 : '']);
    const manifest = objects.at(-1)!;
    expect(md5Hex(new Uint8Array(await manifest.body.arrayBuffer()))).toBe(manifest.md5.replace(/\.dir$/, ''));
    expect(entryOf(choice)).toEqual({ md5: manifest.md5, size: 16, nfiles: 3 });
  });

  it('a file: itself, the entry its md5 and size', async () => {
    const file = new File(['x,y\n'], 'data.csv');
    const choice: UploadChoice = { file, digest: await hashFile(file, '2'), generation: '2' };
    expect(objectsOf([choice])).toEqual([
      { body: file, md5: md5Hex('x,y\n'), contentMd5: md5Hex('x,y\n'), sha256: expect.any(String), size: 4, generation: '2' },
    ]);
    expect(entryOf(choice)).toEqual({ md5: md5Hex('x,y\n'), size: 4 });
  });
});

describe('uploadObjects', () => {
  const setup = async (reply: (o: UploadObject) => UploadRequestReply) => {
    const objects = objectsOf([await folderChoice({ 'a.csv': 'aaaa', 'b.csv': 'bb' })]);
    const sent: string[] = [];
    const progress: [number, number][] = [];
    const controller = new AbortController();
    const deps = {
      request: vi.fn(async (o: UploadObject) => reply(o)),
      send: vi.fn(async (p: SignedRequest, body: Blob, onProgress: (n: number) => void) => {
        onProgress(body.size);
        sent.push(p.url);
      }),
      onProgress: (done: number, total: number) => progress.push([done, total]),
      signal: controller.signal,
    };
    return { objects, sent, progress, deps, controller };
  };

  it('sends what the remote lacks, skips what it has, the manifest last; progress over every byte', async () => {
    const { objects, sent, progress, deps } = await setup((o) =>
      o.md5 === md5Hex('aaaa') ? { ok: true, present: true, url: 'https://remote.example/a' } : { ok: true, present: false, put: put(o.md5) },
    );
    expect(await uploadObjects(objects, deps)).toEqual({ sent: 2, present: 1 });
    expect(sent).toEqual([`https://remote.example/${md5Hex('bb')}`, `https://remote.example/${objects[2]!.md5}`]);
    const total = 6 + objects[2]!.size;
    expect(progress[0]).toEqual([0, total]);
    expect(progress.at(-1)).toEqual([total, total]);
    expect(progress.every(([done], i) => i === 0 || done >= progress[i - 1]![0])).toBe(true);
  });

  it('the first refusal stops the rest (no manifest is sent for a folder whose files are not all there)', async () => {
    const { objects, sent, deps } = await setup((o) =>
      o.md5 === md5Hex('bb')
        ? { ok: false, failure: { kind: 'permission', host: 'remote.example', origin: 'https://remote.example/*', denied: false } }
        : { ok: true, present: false, put: put(o.md5) },
    );
    const error = await uploadObjects(objects, deps).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RemoteError);
    expect((error as RemoteError).failure.kind).toBe('permission');
    expect(sent).toEqual([`https://remote.example/${md5Hex('aaaa')}`]);
  });

  it('cancelled: nothing more is asked or sent', async () => {
    const { objects, deps, controller } = await setup((o) => ({ ok: true, present: false, put: put(o.md5) }));
    deps.send.mockImplementationOnce(async () => controller.abort());
    await expect(uploadObjects(objects, deps)).rejects.toThrow();
    expect(deps.request).toHaveBeenCalledTimes(1);
    expect(deps.send).toHaveBeenCalledTimes(1);
  });
});
