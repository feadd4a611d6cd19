import { describe, expect, it } from 'vitest';
import { toBase64 } from './base64';

describe('toBase64', () => {
  it("is Node's base64 for every length around its piece size, and for every byte value", () => {
    const bytes = Uint8Array.from({ length: 3 * 0x4000 * 2 + 2 }, (_, i) => (i * 7919) % 256);
    for (const n of [0, 1, 2, 3, 255, 3 * 0x4000 - 1, 3 * 0x4000, 3 * 0x4000 + 1, bytes.length]) {
      expect(toBase64(bytes.subarray(0, n))).toBe(Buffer.from(bytes.subarray(0, n)).toString('base64'));
    }
  });
});
