/** Bytes as RFC 4648 base64 (what createCommitOnBranch takes), in pieces: a 100 MB file never becomes one binary string. */
export function toBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  // A multiple of 3 bytes per piece, so no piece but the last is padded.
  const piece = 3 * 0x4000;
  for (let i = 0; i < bytes.length; i += piece) {
    const chunk = bytes.subarray(i, i + piece);
    let binary = '';
    for (let j = 0; j < chunk.length; j += 0x1000) binary += String.fromCharCode(...chunk.subarray(j, j + 0x1000));
    parts.push(btoa(binary));
  }
  return parts.join('');
}
