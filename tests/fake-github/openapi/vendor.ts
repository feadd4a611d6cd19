/**
 * Regenerates `github-rest.json` from GitHub's OpenAPI description as published on npm
 * (`@octokit/openapi`, pinned below). Run with `npm run vendor:openapi` after changing
 * SERVED_OPERATIONS or the pin; commit the result so that `npm ci` never downloads the
 * description (a 29 MB tarball, hundreds of MB unpacked).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { extractOperations } from './extract';
import { SERVED_OPERATIONS } from './served';
import { VENDORED_FILE } from './vendored';

const PACKAGE = '@octokit/openapi';
const VERSION = '23.0.2';
const FILE = 'generated/api.github.com.json';

const dir = mkdtempSync(join(tmpdir(), 'openapi-vendor-'));
try {
  const spec = `${PACKAGE}@${VERSION}`;
  const integrity = execFileSync('npm', ['view', spec, 'dist.integrity'], { encoding: 'utf8' }).trim();
  // `npm pack` checks the tarball against the registry's integrity before writing it.
  const tarball = execFileSync('npm', ['pack', spec, '--pack-destination', dir, '--silent'], { encoding: 'utf8' }).trim().split('\n').pop()!;
  execFileSync('tar', ['xzf', join(dir, tarball), '-C', dir, `package/${FILE}`]);
  const description = JSON.parse(readFileSync(join(dir, 'package', FILE), 'utf8')) as Parameters<typeof extractOperations>[0];
  const vendored = extractOperations(description, SERVED_OPERATIONS, { package: PACKAGE, version: VERSION, file: FILE, integrity });
  writeFileSync(VENDORED_FILE, `${JSON.stringify(vendored, null, 1)}\n`);
  console.log(`wrote ${fileURLToPath(VENDORED_FILE)}: ${Object.keys(vendored.operations).length} operations, ${Object.keys(vendored.schemas).length} schemas`);
} finally {
  rmSync(dir, { recursive: true, force: true });
}
