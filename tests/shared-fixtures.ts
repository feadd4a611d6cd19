import { fileURLToPath } from 'node:url';

/** Real DVC projects' metadata files, byte for byte (sources and licences: tests/fixtures/dvc/README.md). */
export const DVC_FIXTURES = fileURLToPath(new URL('fixtures/dvc', import.meta.url));
/** Real and documented GitHub API answers and validated GraphQL queries (tests/fixtures/github-api/README.md). */
export const GITHUB_API_FIXTURES = fileURLToPath(new URL('fixtures/github-api', import.meta.url));
