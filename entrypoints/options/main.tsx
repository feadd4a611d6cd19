import { render } from 'preact';
import { browser } from 'wxt/browser';
import { RemoteCredentialsForm } from '../../components/RemoteCredentialsForm';
import { RemoteHosts } from '../../components/RemoteHosts';
import { ask } from '../../lib/messages';
import { TokenForm } from '../../components/TokenForm';
import { grantedRemoteOrigins, revokeRemoteOrigin } from '../../lib/remote/permissions';

const save = (token: string) => ask({ type: 'token-save', token });
const clear = () => ask({ type: 'token-clear' });
// The manifest's own hosts (GitHub's) are not remote hosts the user granted, nor theirs to remove here.
const fixedOrigins = browser.runtime.getManifest().host_permissions ?? [];
const loadHosts = () => grantedRemoteOrigins(browser.permissions, fixedOrigins);
const removeHost = (origin: string) => revokeRemoteOrigin(origin, browser.permissions);

// Opening options is where a user goes to change their mind: every refused remote host may be offered again.
void ask({ type: 'remote-access-reset' });

render(
  <main style={{ maxWidth: '560px', font: '14px system-ui, sans-serif' }}>
    <h1 style={{ fontSize: '18px' }}>Commit Lab</h1>
    <p>The token is kept in this browser only and sent only to GitHub’s API.</p>
    <TokenForm save={save} clear={clear} />
    <RemoteHosts load={loadHosts} remove={removeHost} />
    <RemoteCredentialsForm
      load={() => ask({ type: 'remote-credentials' })}
      save={(credential) => ask({ type: 'remote-credential-save', credential })}
      remove={(url) => ask({ type: 'remote-credential-remove', url })}
    />
  </main>,
  document.getElementById('app')!,
);
