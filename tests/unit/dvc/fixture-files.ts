import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The shared real-project fixtures (../shared/fixtures/dvc beside the worktree). */
const FIXTURES = fileURLToPath(new URL('../../../../shared/fixtures/dvc/', import.meta.url));

export function fixtureBytes(path: string): Uint8Array {
  return new Uint8Array(readFileSync(FIXTURES + path));
}

export function fixtureText(path: string): string {
  return readFileSync(FIXTURES + path, 'utf8');
}
