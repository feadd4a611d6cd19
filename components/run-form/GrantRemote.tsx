import { useState } from 'preact/hooks';
import type { RemoteFailure } from '../../lib/remote';

interface GrantRemoteProps {
  /** The upload's refusal: the remote's host, its origin pattern, and whether it was refused before. */
  failure: Extract<RemoteFailure, { kind: 'permission' }>;
  /** Asks the browser for the origin: must call `permissions.request` before any `await` (the click's gesture does not survive one). */
  request(origin: string): Promise<boolean>;
  /** The host is allowed: the upload goes on, the form as it is. */
  onGranted(): void;
}

/** The Run form's "Allow uploads to <host>": the browser's own prompt for exactly the remote's origin, from this click. */
export function GrantRemote({ failure, request, onGranted }: GrantRemoteProps) {
  const [answer, setAnswer] = useState<string>();
  const click = () =>
    void request(failure.origin).then(
      (granted) => (granted ? onGranted() : setAnswer(`${failure.host} was not allowed: nothing is uploaded or committed.`)),
      (error: unknown) => setAnswer(`Could not ask for ${failure.host}: ${error instanceof Error ? error.message : String(error)}`),
    );
  return (
    <p class="row" data-grant={failure.origin}>
      <button type="button" onClick={click}>
        Allow uploads to {failure.host}
      </button>{' '}
      <span class="muted">{failure.denied ? 'Refused before; ' : ''}the browser asks once, then the upload and the commit go on.</span>
      {answer && <span role="status"> {answer}</span>}
    </p>
  );
}
