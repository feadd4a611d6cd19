/**
 * What Octokit throws for an HTTP failure, read inside a call before the client types it: for the
 * few answers a write treats as an outcome rather than an error (a branch or pull request that
 * already exists).
 */
export interface RequestFailure {
  status: number;
  message: string;
  /** REST `errors[].message` of a 422 "Validation Failed". */
  details: string[];
}

export function requestFailure(error: unknown): RequestFailure | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const { status, response } = error as { status?: unknown; response?: { data?: { message?: unknown; errors?: unknown } } };
  if (typeof status !== 'number' || !response) return undefined;
  const data = response.data;
  const details = Array.isArray(data?.errors)
    ? data.errors.map((e: { message?: unknown }) => e?.message).filter((m): m is string => typeof m === 'string')
    : [];
  return { status, message: typeof data?.message === 'string' ? data.message : '', details };
}
