import { expect } from 'vitest';
import { GitHubError } from '../errors';

/** The typed error a call rejects with (the test fails if it resolves or rejects with anything else). */
export async function failure(call: Promise<unknown>): Promise<GitHubError> {
  const error = await call.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(GitHubError);
  return error as GitHubError;
}
