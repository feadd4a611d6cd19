import { render } from 'preact';
import { browser } from 'wxt/browser';
import { ask } from '../../lib/messages';
import '../../components/primer-page.css';
import { SignInOptions } from '../../components/SignInOptions';
import { requestHost } from './request-host';

render(
  <main style={{ maxWidth: '560px' }}>
    <h1>Commit Lab</h1>
    <p class="muted">Tokens are kept in this browser only: the access token is sent only to GitHub’s API, a refresh token only to GitHub’s sign-in.</p>
    <SignInOptions
      load={() => ask({ type: 'token-check' })}
      saveToken={(token, origin) => ask({ type: 'token-save', token, origin })}
      signOut={() => ask({ type: 'token-clear' })}
      startDevice={(origin, clientId) => ask({ type: 'device-start', origin, clientId })}
      waitDevice={() => ask({ type: 'device-wait' })}
      addHost={(input) => requestHost(browser.permissions, (origin) => ask({ type: 'host-add', origin }), input)}
      removeHost={(origin) => ask({ type: 'host-remove', origin })}
    />
  </main>,
  document.getElementById('app')!,
);
