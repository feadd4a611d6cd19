import { readFileSync, readdirSync, statSync } from 'node:fs';
import { DVC_FIXTURES } from '../../../tests/fixture-paths';

/** The real-project fixtures, tests/fixtures/dvc (see tests/fixture-paths.ts). */
export const FIXTURES = DVC_FIXTURES;

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
