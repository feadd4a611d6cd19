import { useState } from 'preact/hooks';

export interface RemoteAccessButtonProps {
  host: string;
  /**
   * Asks the browser for the host. Must call `permissions.request` synchronously inside the click
   * (`requestRemoteAccess` does): the prompt needs the user's gesture, which an `await` loses.
   */
  request(): Promise<boolean>;
}

/** "Read metrics from <host>": one click, the browser's own prompt, and what came of it. */
export function RemoteAccessButton({ host, request }: RemoteAccessButtonProps) {
  const [state, setState] = useState<'idle' | 'granted' | 'denied' | 'error'>('idle');
  const [error, setError] = useState('');
  if (state === 'granted') return <p role="status">Allowed: reload the page to read metrics from {host}.</p>;
  if (state === 'denied') return <p role="status">Not reading from {host}. Commit Lab’s options can ask again.</p>;
  return (
    <p>
      <button
        type="button"
        onClick={() =>
          void request().then(
            (granted) => setState(granted ? 'granted' : 'denied'),
            (e: unknown) => {
              setError(e instanceof Error ? e.message : String(e));
              setState('error');
            },
          )
        }
      >
        Read metrics from {host}
      </button>
      {state === 'error' && <span role="alert"> {error}</span>}
    </p>
  );
}
