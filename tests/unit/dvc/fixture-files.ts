import { readFileSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The shared real-project fixtures (../shared/fixtures/dvc beside the worktree); the one place that says where. */
export const FIXTURES = fileURLToPath(new URL('../../../../shared/fixtures/dvc', import.meta.url));

/** Every file below `root`, as `/`-joined paths relative to it. */
export function filesUnder(root: string, dir = ''): string[] {
  return readdirSync(dir ? `${root}/${dir}` : root).flatMap((name) => {
    const rel = dir ? `${dir}/${name}` : name;
    return statSync(`${root}/${rel}`).isDirectory() ? filesUnder(root, rel) : [rel];
  });
}

export function fixtureBytes(path: string): Uint8Array {
  return new Uint8Array(readFileSync(`${FIXTURES}/${path}`));
}

export function fixtureText(path: string): string {
  return readFileSync(`${FIXTURES}/${path}`, 'utf8');
}
