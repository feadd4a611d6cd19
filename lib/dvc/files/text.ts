/** DVC Studio skipped remote files over 10 MB; we refuse anything over 1 MiB to read in a page. */
const MAX_FILE_BYTES = 1024 * 1024;

export type Decoded = { text: string } | { error: string };

function utf8Length(text: string): number {
  return new TextEncoder().encode(text).length;
}

/** Text of a file as DVC would open it: UTF-8, a leading BOM ignored; binary and oversized refused. */
export function decodeText(content: string | Uint8Array): Decoded {
  if (typeof content === 'string') {
    if (content.length > MAX_FILE_BYTES || utf8Length(content) > MAX_FILE_BYTES) {
      return { error: `larger than 1 MiB (${utf8Length(content)} bytes)` };
    }
    if (content.includes('\0')) return { error: 'binary content (NUL bytes), not a text file' };
    return { text: content.startsWith('\uFEFF') ? content.slice(1) : content };
  }
  if (content.length > MAX_FILE_BYTES) return { error: `larger than 1 MiB (${content.length} bytes)` };
  if (content.includes(0)) return { error: 'binary content (NUL bytes), not a text file' };
  try {
    // The decoder drops a leading BOM itself (ignoreBOM: false).
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(content) };
  } catch {
    return { error: 'not valid UTF-8' };
  }
}
