import { describe, expect, it } from 'vitest';
import { createFastMd5, createMd5, md5Of, type HashGeneration } from '..';
import { fixtureBytes } from '../testing/fixture-files';

const bytes = (text: string): Uint8Array => Uint8Array.from(text, (char) => char.charCodeAt(0));
const repeat = (char: string, count: number): Uint8Array => new Uint8Array(count).fill(char.charCodeAt(0));
const concat = (...parts: Uint8Array[]): Uint8Array => {
  const out = new Uint8Array(parts.reduce((sum, part) => sum + part.length, 0));
  let offset = 0;
  for (const part of parts) {
    out.set(part, offset);
    offset += part.length;
  }
  return out;
};
/** Feeds `data` in pieces cut at `cuts`, to show chunking never changes the digest. */
const hashInPieces = (data: Uint8Array, generation: HashGeneration, cuts: number[]): string => {
  const hasher = createMd5(generation);
  let from = 0;
  for (const cut of [...cuts, data.length]) {
    hasher.update(data.subarray(from, cut));
    from = cut;
  }
  return hasher.digest();
};

// Expected digests below come from `md5sum` on bytes prepared with printf/head/tr/perl,
// the 2.x ones on the bytes after `perl -pe 's/\r\n/\n/g'` where DVC's text test says text.
describe('md5 of real fixture files (the md5 their dvc.lock records)', () => {
  it.each([
    ['iterative__example-get-started/studio-commit-pr46-a9d6176/eval/live/metrics.json', '2', '97147dd5cb0e159c34152950b0bf1309', 195],
    ['iterative__example-get-started/legacy-2021-pr16-82cb5d1/scores.json', '2', '8f7ae54edbbe9a222b693bce8985cb80', 73],
    ['iterative__vscode-dvc-demo/head-f62608c/training/metrics.json', '3', '906f0ea064087ba4db3e201edf1d09c4', 178],
  ] as const)('%s (%s.x)', (path, generation, md5, size) => {
    const data = fixtureBytes(path);
    expect(data.length).toBe(size);
    expect(md5Of(data, generation)).toBe(md5);
    // LF-only text: both generations agree.
    expect(md5Of(data, generation === '2' ? '3' : '2')).toBe(md5);
  });

  it('a real file with one CRLF line hashes differently in 2.x (dos2unix) and 3.x (raw)', () => {
    const data = fixtureBytes('iterative__example-get-started-experiments/main-afdf89b/params.yaml');
    expect(md5Of(data, '3')).toBe('dd150efeb38b3a642f1b8373c7e8dfe0');
    expect(md5Of(data, '2')).toBe('b7defa2b0c27a79391ebc6ec717e47b8');
  });
});

describe('2.x dos2unix vs 3.x raw', () => {
  const crlf = bytes('a,b\r\n1,2\r\n');
  const lf = bytes('a,b\n1,2\n');

  it('CRLF text: 2.x hashes it as LF, 3.x as stored', () => {
    expect(md5Of(crlf, '2')).toBe('e5ebd4c02cefbe7955977c67ada242b7');
    expect(md5Of(crlf, '3')).toBe('b202f333fba4fd38d4b8e5e693077aab');
  });

  it('LF text: both generations give the raw md5', () => {
    expect(md5Of(lf, '2')).toBe('e5ebd4c02cefbe7955977c67ada242b7');
    expect(md5Of(lf, '3')).toBe('e5ebd4c02cefbe7955977c67ada242b7');
  });

  it('binary (NUL in the first block): CRLF kept in 2.x too', () => {
    const binary = bytes('PK\x03\x04\x00\r\n\xff\xfe\r\n');
    expect(md5Of(binary, '2')).toBe('438079839b1ac6da372284f7ae714bad');
    expect(md5Of(binary, '3')).toBe('438079839b1ac6da372284f7ae714bad');
  });

  it('empty file is text and hashes to the empty md5', () => {
    expect(md5Of(new Uint8Array(0), '2')).toBe('d41d8cd98f00b204e9800998ecf8427e');
  });

  it('a CRLF split across two update() calls still becomes LF', () => {
    expect(hashInPieces(crlf, '2', [4])).toBe('e5ebd4c02cefbe7955977c67ada242b7');
    expect(hashInPieces(crlf, '2', [1, 2, 3, 4, 5, 6, 7, 8, 9])).toBe('e5ebd4c02cefbe7955977c67ada242b7');
    expect(hashInPieces(crlf, '3', [4])).toBe('b202f333fba4fd38d4b8e5e693077aab');
  });

  it('\\r\\r\\n becomes \\r\\n, as bytes.replace does in one pass', () => {
    expect(md5Of(bytes('x\r\r\ny\r\n'), '2')).toBe('f051fab221a44e611bedf0b8024739e4');
    expect(md5Of(bytes('x\r\r\ny\r\n'), '3')).toBe('5baafe89a6361013aa5c9e2ca9b7e205');
  });
});

describe("DVC's text test (istextblock) and its blocks", () => {
  const ff = (count: number): Uint8Array => new Uint8Array(count).fill(0xff);

  it('30 % non-text bytes is still text; 31 % is binary', () => {
    const at30 = concat(ff(30), repeat('a', 66), bytes('\r\n\r\n'));
    const at31 = concat(ff(31), repeat('a', 65), bytes('\r\n\r\n'));
    expect(md5Of(at30, '2')).toBe('b0c8a198f76c76c9732927b3da4639b2');
    expect(md5Of(at30, '3')).toBe('6afad9898f87363de1e789b5b809c034');
    expect(md5Of(at31, '2')).toBe('27c84beaba1a54aa75dc535907162588');
  });

  it('only the first 512 bytes of a block are tested: a NUL after them does not make it binary', () => {
    const data = concat(repeat('a', 512), bytes('\x00\x01\r\n'));
    expect(md5Of(data, '2')).toBe('00055f7976b28203ddd28fc751be7d15');
    expect(md5Of(data, '3')).toBe('3490eedc433154dd82a22545ac23eadd');
  });

  it('a CRLF straddling 1 MiB read blocks stays CRLF, as in DVC; whatever the update() chunking', () => {
    const data = concat(repeat('a', 2 ** 20 - 1), bytes('\r\nb\r\n'));
    const expected = 'deb8178cc400550795d42d701b97846d';
    expect(md5Of(data, '2')).toBe(expected);
    expect(hashInPieces(data, '2', [65536, 2 ** 20 - 1, 2 ** 20 + 1])).toBe(expected);
    expect(md5Of(data, '3')).toBe('e0bc301cdd0940f2de68d786f8e52418');
  });

  it('each 1 MiB block is tested on its own: text block converted, binary block kept', () => {
    const line = bytes('0123456\r\n');
    const block1 = new Uint8Array(2 ** 20);
    for (let offset = 0; offset < block1.length; offset += line.length) block1.set(line.subarray(0, block1.length - offset), offset);
    const block2 = concat(...Array.from({ length: 100 }, () => bytes('\x00\x01\x02\r\n')));
    const data = concat(block1, block2);
    expect(data.length).toBe(1049076);
    expect(md5Of(data, '3')).toBe('4ae278d9a53b1fbb9298220e375b00da');
    expect(md5Of(data, '2')).toBe('d1208ee1901e043d410bfc4f6e4b4047');
    expect(hashInPieces(data, '2', [7, 1000, 2 ** 20 - 3, 2 ** 20 + 2])).toBe('d1208ee1901e043d410bfc4f6e4b4047');
  });
});

describe('the WebAssembly engine (createFastMd5) under the same generation rules', () => {
  it('gives the md5sum digests above, whatever the chunking', async () => {
    const data = concat(repeat('a', 2 ** 20 - 1), bytes('\r\nb\r\n'));
    const fast = async (generation: HashGeneration, cuts: number[]) => {
      const hasher = await createFastMd5(generation);
      let from = 0;
      for (const cut of [...cuts, data.length]) {
        hasher.update(data.subarray(from, cut));
        from = cut;
      }
      return hasher.digest();
    };
    expect(await fast('2', [])).toBe('deb8178cc400550795d42d701b97846d');
    expect(await fast('2', [65536, 2 ** 20 - 1, 2 ** 20 + 1])).toBe('deb8178cc400550795d42d701b97846d');
    expect(await fast('3', [3, 2 ** 20])).toBe('e0bc301cdd0940f2de68d786f8e52418');
    expect((await createFastMd5('3')).digest()).toBe('d41d8cd98f00b204e9800998ecf8427e');
  });
});
