import { query, selectors } from './selectors';

/**
 * The login of the user signed in on this GitHub page, read when the Run form opens and sent
 * with `commit-experiment` (the background refuses to write when its token is someone else's).
 * Null when signed out (GitHub leaves the meta empty) or when the meta is missing.
 */
export function signedInLogin(document: Document): string | null {
  return query(document, selectors.signedInUser)?.getAttribute('content')?.trim() || null;
}
