import { useEffect, useState } from 'preact/hooks';
import { GITHUB_ORIGIN } from '../lib/github/host';
import type { DeviceCodeView, TokenStatus } from '../lib/messages';
import { AccountLine } from './AccountLine';

export interface SignInActions {
  load(): Promise<TokenStatus>;
  saveToken(token: string, origin: string): Promise<TokenStatus>;
  signOut(): Promise<TokenStatus>;
  startDevice(origin: string, clientId: string): Promise<DeviceCodeView>;
  waitDevice(): Promise<TokenStatus>;
  /** Asks the browser for the host (from this click) and then the background to run there. */
  addHost(input: string): Promise<TokenStatus>;
  removeHost(origin: string): Promise<TokenStatus>;
}

const hostOf = (origin: string) => new URL(origin).host;
const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));

/**
 * Options: the one account (who, where, what the token cannot do), signing in by pasting a token
 * or by the device flow, and the GitHub Enterprise Server hosts Commit Lab runs on.
 */
export function SignInOptions(actions: SignInActions) {
  const [status, setStatus] = useState<TokenStatus | undefined>();
  const [origin, setOrigin] = useState(GITHUB_ORIGIN);
  const [token, setToken] = useState('');
  const [clientId, setClientId] = useState('');
  const [host, setHost] = useState('');
  const [code, setCode] = useState<DeviceCodeView | undefined>();
  const [note, setNote] = useState('');

  const show = (next: TokenStatus) => {
    setStatus(next);
    if (next.account) setOrigin(next.account.origin);
    setClientId((id) => id || next.clientIds[next.account?.origin ?? GITHUB_ORIGIN] || '');
  };
  useEffect(() => void actions.load().then(show, (error: unknown) => setNote(messageOf(error))), []);

  const run = async (action: () => Promise<TokenStatus>, done: (next: TokenStatus) => string) => {
    setNote('Working…');
    try {
      const next = await action();
      show(next);
      setNote(done(next));
      return true;
    } catch (error) {
      setNote(messageOf(error));
      return false;
    }
  };
  const signedInWords = (next: TokenStatus) => (next.account ? `Signed in as ${next.account.login} on ${hostOf(next.account.origin)}` : 'Signed out');

  const device = async () => {
    setNote('Asking GitHub for a code…');
    try {
      setCode(await actions.startDevice(origin, clientId));
      setNote('Waiting for you to enter the code on GitHub…');
    } catch (error) {
      return setNote(messageOf(error));
    }
    await run(actions.waitDevice, signedInWords);
    setCode(undefined);
  };

  if (!status) return <p role="status">{note || 'Loading…'}</p>;
  const account = status.account;
  const lacks = account ? [...account.lacks, ...Object.entries(account.repoLacks).map(([repo, words]) => `${repo}: ${words}`)] : [];
  return (
    <div>
      <h2>Account</h2>
      <AccountLine status={status} />
      {lacks.length > 0 && (
        <div>
          <p>What this token cannot do:</p>
          <ul data-testid="lacks">
            {lacks.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </div>
      )}
      {account && (
        <button type="button" onClick={() => void run(actions.signOut, () => 'Signed out; every secret is forgotten')}>
          Sign out
        </button>
      )}
      <p role="status" aria-live="polite" data-testid="sign-in-note">
        {note}
      </p>

      <h2>Sign in</h2>
      <label for="origin">GitHub</label>
      <select id="origin" value={origin} onChange={(e) => setOrigin(e.currentTarget.value)}>
        {[GITHUB_ORIGIN, ...status.hosts].map((o) => (
          <option key={o} value={o}>
            {hostOf(o)}
          </option>
        ))}
      </select>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void run(() => actions.saveToken(token, origin), signedInWords).then((ok) => ok && setToken(''));
        }}
      >
        <label for="token">GitHub personal access token</label>
        <div class="row">
          <input id="token" type="password" autoComplete="off" spellcheck={false} value={token} onInput={(e) => setToken(e.currentTarget.value)} />
          <button type="submit" class="primary" disabled={!token.trim()}>
            Save
          </button>
        </div>
        <p class="muted">Checked with GitHub at once. A classic token needs the repo scope (public_repo: public repositories only).</p>
      </form>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void device();
        }}
      >
        <label for="client-id">GitHub App or OAuth App client id</label>
        <div class="row">
          <input id="client-id" autoComplete="off" spellcheck={false} value={clientId} onInput={(e) => setClientId(e.currentTarget.value)} />
          <button type="submit" disabled={!clientId.trim() || code !== undefined}>
            Sign in with GitHub
          </button>
        </div>
      </form>
      {code && (
        <div data-testid="device-code">
          <p>
            Enter this code at{' '}
            <a href={code.verificationUri} target="_blank" rel="noreferrer">
              {code.verificationUri}
            </a>
            :
          </p>
          <p class="user-code">{code.userCode}</p>
        </div>
      )}

      <h2>GitHub Enterprise Server</h2>
      <ul>
        {status.hosts.map((o) => (
          <li key={o} class="row">
            <span>{hostOf(o)}</span>
            <button
              type="button"
              aria-label={`Remove ${hostOf(o)}`}
              onClick={() =>
                void run(
                  () => actions.removeHost(o),
                  () => `Removed ${hostOf(o)}`,
                )
              }
            >
              Remove
            </button>
          </li>
        ))}
      </ul>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void run(
            () => actions.addHost(host),
            () => `Commit Lab now runs on ${host.trim()}`,
          ).then((ok) => ok && setHost(''));
        }}
      >
        <label for="host">GitHub Enterprise Server host</label>
        <div class="row">
          <input
            id="host"
            placeholder="github.example.com"
            autoComplete="off"
            spellcheck={false}
            value={host}
            onInput={(e) => setHost(e.currentTarget.value)}
          />
          <button type="submit" disabled={!host.trim()}>
            Add host
          </button>
        </div>
        <p class="muted">Your browser asks whether Commit Lab may read that host’s pages and run on them.</p>
      </form>
    </div>
  );
}
