import { query, selectors } from './selectors';

/** The message the popup sends a GitHub tab's content script to learn who is signed in on that page. */
export const PAGE_LOGIN_MESSAGE = 'commit-lab:page-login';

/**
 * The login of the user signed in on this GitHub page, read when the Run form opens and sent
 * with `commit-experiment` (the background refuses to write when its token is someone else's).
 * Null when signed out (GitHub leaves the meta empty) or when the meta is missing.
 */
export function signedInLogin(document: Document): string | null {
  return query(document, selectors.signedInUser)?.getAttribute('content')?.trim() || null;
}
