const GLOB = /[*?[]/;

export function isGlob(text: string): boolean {
  return GLOB.test(text);
}

/** Longer patterns are taken literally: a glob costs up to pattern × segment steps. */
const MAX_GLOB = 256;

type Token = { any: true } | { one: true } | { set: string; negate: boolean } | { char: string };

function tokens(pattern: string): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i]!;
    const close = c === '[' ? pattern.indexOf(']', i + 2) : -1;
    if (c === '*') out.push({ any: true });
    else if (c === '?') out.push({ one: true });
    else if (close > 0) {
      const body = pattern.slice(i + 1, close);
      out.push(body.startsWith('!') ? { set: body.slice(1), negate: true } : { set: body, negate: false });
      i = close;
    } else out.push({ char: c });
  }
  return out;
}

function inSet(c: string, set: string): boolean {
  for (let i = 0; i < set.length; i++) {
    if (set[i + 1] === '-' && i + 2 < set.length) {
      if (c >= set[i]! && c <= set[i + 2]!) return true;
      i += 2;
    } else if (set[i] === c) return true;
  }
  return false;
}

function matchesOne(token: Token, c: string): boolean {
  if ('one' in token) return true;
  if ('set' in token) return inSet(c, token.set) !== token.negate;
  return 'char' in token && token.char === c;
}

/**
 * One segment matched as `fnmatch` matches it (`*`, `?`, `[a-z]`, `[!x]`), as dpath does per
 * segment; without backtracking regexes, so a hostile key cannot take exponential time.
 */
export function segmentMatches(segment: string, pattern: string): boolean {
  if (!isGlob(pattern) || pattern.length > MAX_GLOB) return segment === pattern;
  // The literal ends of the pattern settle most mismatches before the scan.
  const head = pattern.slice(0, pattern.search(/[*?[]/));
  const tail = pattern.slice(Math.max(pattern.lastIndexOf('*'), pattern.lastIndexOf('?'), pattern.lastIndexOf(']')) + 1);
  if (!segment.startsWith(head) || !segment.endsWith(tail)) return false;
  const toks = tokens(pattern);
  let t = 0;
  let s = 0;
  let star = -1;
  let resume = 0;
  while (s < segment.length) {
    const token = toks[t];
    if (token && 'any' in token) {
      star = t++;
      resume = s;
    } else if (token && matchesOne(token, segment[s]!)) {
      t++;
      s++;
    } else if (star >= 0) {
      t = star + 1;
      s = ++resume;
    } else {
      return false;
    }
  }
  while (t < toks.length && 'any' in toks[t]!) t++;
  return t === toks.length;
}
