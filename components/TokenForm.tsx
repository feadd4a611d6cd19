import { useState } from 'preact/hooks';
import type { TokenStatus } from '../lib/messages';

export interface TokenFormProps {
  save(token: string): Promise<TokenStatus>;
  clear(): Promise<TokenStatus>;
}

/** Options: paste a GitHub token (kept by the background, never shown again) or forget it. */
export function TokenForm({ save, clear }: TokenFormProps) {
  const [token, setToken] = useState('');
  const [status, setStatus] = useState('');
  const run = async (action: () => Promise<TokenStatus>, done: string) => {
    try {
      await action();
      setToken('');
      setStatus(done);
    } catch (error) {
      setStatus(error instanceof Error ? error.message : String(error));
    }
  };
  return (
    <form
      onSubmit={(event) => {
        event.preventDefault();
        void run(() => save(token), 'Saved');
      }}
    >
      <label>
        GitHub personal access token
        <input type="password" autoComplete="off" spellcheck={false} value={token} onInput={(e) => setToken(e.currentTarget.value)} />
      </label>
      <button type="submit" disabled={!token.trim()}>
        Save
      </button>
      <button type="button" onClick={() => void run(clear, 'Token removed')}>
        Remove token
      </button>
      <p role="status">{status}</p>
    </form>
  );
}
