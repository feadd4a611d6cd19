import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The shared fixtures: `shared/` lies beside the repository's folder, in a developer's checkout
 * and in CI's fresh clone alike, so it is found from this file, never from an absolute path.
 */
export const SHARED_FIXTURES = fileURLToPath(new URL('../../shared/fixtures/', import.meta.url));
/** Real DVC projects' metadata files, byte for byte. */
export const DVC_FIXTURES = join(SHARED_FIXTURES, 'dvc');
/** Real and documented GitHub API answers and validated GraphQL queries. */
export const GITHUB_API_FIXTURES = join(SHARED_FIXTURES, 'github-api');
