/** How many leading bytes of a block DVC looks at to call it text (`istextfile.DEFAULT_CHUNK_SIZE`). */
export const TEXT_TEST_BYTES = 512;

/** Printable ASCII plus `\n \r \t \f \b`: the bytes DVC's `TEXT_CHARS` counts as text. */
function isTextByte(byte: number): boolean {
  return (byte >= 0x20 && byte <= 0x7e) || byte === 0x0a || byte === 0x0d || byte === 0x09 || byte === 0x0c || byte === 0x08;
}

/**
 * dvc-data's `istextblock`: empty is text, any NUL makes it binary, otherwise text when at
 * most 30 % of the bytes fall outside `TEXT_CHARS`. The caller passes the bytes DVC would test
 * (the first {@link TEXT_TEST_BYTES} of a read block); the ratio is computed as Python does,
 * a float division compared with `<= 0.30`.
 */
export function isTextBlock(block: Uint8Array): boolean {
  if (block.length === 0) return true;
  let nonText = 0;
  for (const byte of block) {
    if (byte === 0) return false;
    if (!isTextByte(byte)) nonText += 1;
  }
  return nonText / block.length <= 0.3;
}
