import { useEffect, useState } from 'preact/hooks';
import type { TokenStatus } from '../lib/messages';
import { AccountLine } from './AccountLine';

/** Popup: the account with its host (or why it is signed out), asked of the background each time the popup opens. */
export function PopupAccount({ load, openOptions }: { load(): Promise<TokenStatus>; openOptions(): void }) {
  const [status, setStatus] = useState<TokenStatus | 'loading' | 'error'>('loading');
  useEffect(() => {
    load().then(setStatus, () => setStatus('error'));
  }, [load]);
  return (
    <div>
      {status === 'loading' && <p>Checking…</p>}
      {status === 'error' && <p>Could not reach the extension’s background</p>}
      {typeof status === 'object' && <AccountLine status={status} />}
      <button type="button" onClick={openOptions}>
        {typeof status === 'object' && status.set ? 'Change' : 'Sign in'}
      </button>
    </div>
  );
}
