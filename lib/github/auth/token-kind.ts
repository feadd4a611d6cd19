/**
 * What kind of token a string is, from GitHub's prefixes ("About authentication to GitHub",
 * GitHub's token formats): the kind decides where its limits are read from.
 */
export type TokenKind = 'classic' | 'fine-grained' | 'app-user' | 'oauth' | 'unknown';

const PREFIXES: [string, TokenKind][] = [
  ['github_pat_', 'fine-grained'],
  ['ghp_', 'classic'],
  ['ghu_', 'app-user'],
  ['gho_', 'oauth'],
];

export function tokenKindOf(token: string): TokenKind {
  return PREFIXES.find(([prefix]) => token.startsWith(prefix))?.[1] ?? 'unknown';
}

export const TOKEN_KIND_WORDS: Record<TokenKind, string> = {
  classic: 'personal access token (classic)',
  'fine-grained': 'fine-grained personal access token',
  'app-user': 'GitHub App user token',
  oauth: 'OAuth App token',
  unknown: 'token',
};

/** Refresh tokens (`ghr_`) are never pasted as an access token. */
export function isRefreshToken(token: string): boolean {
  return token.startsWith('ghr_');
}
