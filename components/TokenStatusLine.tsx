import { useEffect, useState } from 'preact/hooks';
import type { TokenStatus } from '../lib/messages';

/** Popup: whether a token is set, asked of the background each time the popup opens. */
export function TokenStatusLine({ load, openOptions }: { load(): Promise<TokenStatus>; openOptions(): void }) {
  const [state, setState] = useState<'loading' | 'set' | 'unset' | 'error'>('loading');
  useEffect(() => {
    load().then(
      (status) => setState(status.set ? 'set' : 'unset'),
      () => setState('error'),
    );
  }, [load]);
  const text = { loading: 'Checking…', set: 'GitHub token: set', unset: 'GitHub token: not set', error: 'Could not reach the extension’s background' }[state];
  return (
    <p>
      <span data-testid="token-status">{text}</span>{' '}
      <button type="button" onClick={openOptions}>
        {state === 'set' ? 'Change' : 'Set token'}
      </button>
    </p>
  );
}
