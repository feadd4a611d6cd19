/**
 * dvc-data's `dos2unix`: `data.replace(b"\r\n", b"\n")` — one left-to-right pass, so `\r\r\n`
 * becomes `\r\n`. Only whole pairs inside `block` are replaced; a pair cut by the end of the
 * block is left alone, exactly as DVC leaves a pair cut by its read boundary.
 */
export function dos2unix(block: Uint8Array): Uint8Array {
  if (!block.includes(0x0d)) return block;
  const out = new Uint8Array(block.length);
  let written = 0;
  for (let i = 0; i < block.length; i += 1) {
    if (block[i] === 0x0d && block[i + 1] === 0x0a) continue;
    out[written] = block[i]!;
    written += 1;
  }
  return out.subarray(0, written);
}
