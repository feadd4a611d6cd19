import { describe, expect, it } from 'vitest';
import { dirManifest, dirMd5 } from '..';

describe('dirMd5', () => {
  it("dvc-data's test vector (tests/hashfile/test_build.py: bar, foo)", () => {
    const entries = [
      { relpath: 'foo', md5: 'acbd18db4cc2f85cedef654fccc4a4d8' },
      { relpath: 'bar', md5: '37b51d194a7513e45b56f6524f2d51f2' },
    ];
    expect(new TextDecoder().decode(dirManifest(entries))).toBe(
      '[{"md5": "37b51d194a7513e45b56f6524f2d51f2", "relpath": "bar"}, {"md5": "acbd18db4cc2f85cedef654fccc4a4d8", "relpath": "foo"}]',
    );
    expect(dirMd5(entries)).toBe('5ea40360f5b4ec688df672a4db9c17d1.dir');
  });

  // Expected bytes and hash from Python: json.dumps(sorted(..., key=relpath), sort_keys=True).
  it('escapes and orders paths as Python does (ensure_ascii, code-point order, astral after U+FF5E)', () => {
    const entries = [
      { relpath: 'données/é.csv', md5: 'acbd18db4cc2f85cedef654fccc4a4d8' },
      { relpath: 'z\uff5e', md5: '37b51d194a7513e45b56f6524f2d51f2' },
      { relpath: 'z\u{1F600}', md5: 'd41d8cd98f00b204e9800998ecf8427e' },
      { relpath: 'a "q"\\b\t.txt', md5: 'e5ebd4c02cefbe7955977c67ada242b7' },
      { relpath: 'B/upper', md5: 'b202f333fba4fd38d4b8e5e693077aab' },
    ];
    expect(new TextDecoder().decode(dirManifest(entries))).toBe(
      '[{"md5": "b202f333fba4fd38d4b8e5e693077aab", "relpath": "B/upper"}, ' +
        '{"md5": "e5ebd4c02cefbe7955977c67ada242b7", "relpath": "a \\"q\\"\\\\b\\t.txt"}, ' +
        '{"md5": "acbd18db4cc2f85cedef654fccc4a4d8", "relpath": "donn\\u00e9es/\\u00e9.csv"}, ' +
        '{"md5": "37b51d194a7513e45b56f6524f2d51f2", "relpath": "z\\uff5e"}, ' +
        '{"md5": "d41d8cd98f00b204e9800998ecf8427e", "relpath": "z\\ud83d\\ude00"}]',
    );
    expect(dirMd5(entries)).toBe('20f06a08981af8e5e1f585ca5b9b69ad.dir');
  });
});
