import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

// `import.meta.dirname`, not `new URL(…, import.meta.url)`: happy-dom test environments replace the global URL with one that resolves against http://localhost.
/** Real DVC projects' metadata files, byte for byte (sources and licences: tests/fixtures/dvc/README.md). */
export const DVC_FIXTURES = join(import.meta.dirname, 'fixtures', 'dvc');
/** Real and documented GitHub API answers and validated GraphQL queries (tests/fixtures/github-api/README.md). */
export const GITHUB_API_FIXTURES = join(import.meta.dirname, 'fixtures', 'github-api');

/** Every file below a fixture folder, by its `/`-joined path inside it, as bytes. */
export function fixtureFolder(root: string, dir = ''): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const name of readdirSync(join(root, dir))) {
    const rel = dir ? `${dir}/${name}` : name;
    if (statSync(join(root, rel)).isDirectory()) for (const [p, b] of fixtureFolder(root, rel)) out.set(p, b);
    else out.set(rel, readFileSync(join(root, rel)));
  }
  return out;
}

/** The same, as UTF-8 text. */
export function fixtureTexts(root: string): Record<string, string> {
  return Object.fromEntries([...fixtureFolder(root)].map(([path, bytes]) => [path, bytes.toString('utf8')]));
}
