import { readFileSync } from 'node:fs';
import { DVC_FIXTURES } from '../../shared-fixtures';

const FIXTURES = `${DVC_FIXTURES}/`;

export function fixtureBytes(path: string): Uint8Array {
  return new Uint8Array(readFileSync(FIXTURES + path));
}

export function fixtureText(path: string): string {
  return readFileSync(FIXTURES + path, 'utf8');
}
