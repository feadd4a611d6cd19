const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function unescapeXml(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#[0-9]+|[a-z]+);/gi, (whole, name: string) => {
    if (name[0] === '#') return String.fromCodePoint(name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10));
    return ENTITIES[name] ?? whole;
  });
}

/**
 * `Code` and `Message` of S3's XML error document (`<Error><Code>…</Code><Message>…</Message>…`).
 * A regular expression, not DOMParser: the background is a service worker, which has none, and the
 * document is flat. Whatever else the body is (HTML from a proxy, empty for HEAD) gives nothing.
 */
export function parseS3Error(body: string): { code?: string; message?: string } {
  if (!/<Error>/.test(body)) return {};
  const field = (name: string) => {
    const match = new RegExp(`<${name}>([^<]*)</${name}>`).exec(body);
    return match ? unescapeXml(match[1]!) : undefined;
  };
  const code = field('Code');
  const message = field('Message');
  return { ...(code ? { code } : {}), ...(message ? { message } : {}) };
}
