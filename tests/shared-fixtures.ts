import { join } from 'node:path';

// `import.meta.dirname`, not `new URL(…, import.meta.url)`: happy-dom test environments replace the global URL with one that resolves against http://localhost.
/** Real DVC projects' metadata files, byte for byte (sources and licences: tests/fixtures/dvc/README.md). */
export const DVC_FIXTURES = join(import.meta.dirname, 'fixtures', 'dvc');
/** Real and documented GitHub API answers and validated GraphQL queries (tests/fixtures/github-api/README.md). */
export const GITHUB_API_FIXTURES = join(import.meta.dirname, 'fixtures', 'github-api');
