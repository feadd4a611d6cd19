import { RemoteError, type RemoteFailure } from './errors';

/** For tests: the `RemoteFailure` a promise rejects with; anything else (a success, another error) fails the test. */
export const failureOf = (promise: Promise<unknown>): Promise<RemoteFailure> =>
  promise.then(
    () => {
      throw new Error('expected a RemoteError');
    },
    (error: unknown) => {
      if (!(error instanceof RemoteError)) throw error;
      return error.failure;
    },
  );
