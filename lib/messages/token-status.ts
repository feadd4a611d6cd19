/** What the token requests reply: whether a GitHub token is stored (never the token itself). */
export interface TokenStatus {
  set: boolean;
}
