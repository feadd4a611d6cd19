import { describe, expect, it } from 'vitest';
import { md5Dos2unixHex, md5Hex } from '../../../tests/fake-github/dvc/hash';
import { hashFile } from './hash-file';
import { createHash } from 'node:crypto';

describe('hashFile', () => {
  it('agrees with the independent oracle for both generations, over a file larger than one stream chunk', async () => {
    const text = 'x,y\r\n'.repeat(300_000);
    const bytes = new TextEncoder().encode(text);
    for (const generation of ['2', '3'] as const) {
      const digest = await hashFile(new Blob([bytes]), generation);
      expect(digest.md5).not.toBe(generation === '3' ? md5Dos2unixHex(bytes) : md5Hex(bytes));
      expect(digest).toEqual({
        md5: generation === '3' ? md5Hex(bytes) : md5Dos2unixHex(bytes),
        contentMd5: md5Hex(bytes),
        sha256: createHash('sha256').update(bytes).digest('hex'),
        size: bytes.length,
      });
    }
  });
});
