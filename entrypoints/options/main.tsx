import { render } from 'preact';
import { browser } from 'wxt/browser';
import { originPattern } from '../../lib/remote';
import { ask } from '../../lib/messages';
import '../../components/primer-page.css';
import { RemoteCredentialsForm } from '../../components/RemoteCredentialsForm';
import { RemoteHosts } from '../../components/RemoteHosts';
import { SignInOptions } from '../../components/SignInOptions';
import { grantedRemoteOrigins, revokeRemoteOrigin } from '../../lib/remote/permissions';
import { requestHost } from './request-host';

// The manifest's own hosts (GitHub's) and GitHub Enterprise hosts (added above) are not DVC remote hosts, nor to be removed here.
const fixedOrigins = browser.runtime.getManifest().host_permissions ?? [];
const loadHosts = async () => {
  const { hosts } = await ask({ type: 'token-status' });
  return grantedRemoteOrigins(browser.permissions, [...fixedOrigins, ...hosts.map(originPattern)]);
};
const removeHost = (origin: string) => revokeRemoteOrigin(origin, browser.permissions);

// Opening options is where a user goes to change their mind: every refused remote host may be offered again.
void ask({ type: 'remote-access-reset' });

render(
  <main style={{ maxWidth: '560px' }}>
    <h1>Commit Lab</h1>
    <p class="muted">
      Tokens are kept in this browser only: the access token is sent only to GitHub’s API, a refresh token only to GitHub’s sign-in, remote credentials only to
      their remote.
    </p>
    <SignInOptions
      load={() => ask({ type: 'token-check' })}
      saveToken={(token, origin) => ask({ type: 'token-save', token, origin })}
      signOut={() => ask({ type: 'token-clear' })}
      startDevice={(origin, clientId) => ask({ type: 'device-start', origin, clientId })}
      waitDevice={() => ask({ type: 'device-wait' })}
      addHost={(input) => requestHost(browser.permissions, (origin) => ask({ type: 'host-add', origin }), input)}
      removeHost={(origin) => ask({ type: 'host-remove', origin })}
    />
    <RemoteHosts load={loadHosts} remove={removeHost} />
    <RemoteCredentialsForm
      load={() => ask({ type: 'remote-credentials' })}
      save={(credential) => ask({ type: 'remote-credential-save', credential })}
      remove={(url) => ask({ type: 'remote-credential-remove', url })}
    />
  </main>,
  document.getElementById('app')!,
);
