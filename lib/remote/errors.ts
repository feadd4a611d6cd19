/**
 * Why an object could not be read from a DVC remote. Each kind is something a user can act on,
 * so the row says which it is and what to do; none of them carries a credential.
 */
export type RemoteFailure =
  /** The remote answered 404: the object was never pushed (`dvc push`) or was garbage-collected. */
  | { kind: 'missing'; url: string }
  /** A remote Commit Lab cannot reach from a browser (GCS, Azure, SSH, a local path…), named, or none configured. */
  | { kind: 'unsupported'; message: string }
  /** The remote asked for credentials and none are configured for it. */
  | { kind: 'credentials'; host: string; status: number }
  /**
   * The extension may not reach this origin (a match pattern): the user allows it from a click, or
   * refused it before (`denied`: not offered again until options are opened).
   */
  | { kind: 'permission'; host: string; origin: string; denied: boolean }
  /** The remote refused the request; for S3 its error `code` and `message` as it sent them. */
  | { kind: 'refused'; host: string; status: number; code?: string; message?: string }
  /** The remote answered with bytes whose hash is not the address they were asked for. */
  | { kind: 'mismatch'; url: string; expected: string; actual: string }
  /** No answer at all (offline, DNS, TLS, CORS). */
  | { kind: 'network'; host: string; message: string };

export class RemoteError extends Error {
  constructor(readonly failure: RemoteFailure) {
    super(describe(failure));
    this.name = 'RemoteError';
  }
}

function describe(failure: RemoteFailure): string {
  switch (failure.kind) {
    case 'missing':
      return `${failure.url} is not in the remote`;
    case 'unsupported':
      return failure.message;
    case 'credentials':
      return `${failure.host} asks for credentials (HTTP ${failure.status}) and none are set for this remote`;
    case 'permission':
      return failure.denied ? `reading from ${failure.host} was refused` : `Commit Lab may not read from ${failure.host} yet`;
    case 'refused':
      return `${failure.host} refused the request (HTTP ${failure.status}${failure.code ? ` ${failure.code}` : ''})${failure.message ? `: ${failure.message}` : ''}`;
    case 'mismatch':
      return `${failure.url} holds bytes whose md5 is ${failure.actual}, not ${failure.expected}`;
    case 'network':
      return `${failure.host} did not answer: ${failure.message}`;
  }
}
