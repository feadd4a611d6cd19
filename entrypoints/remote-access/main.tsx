import { render } from 'preact';
import { browser } from 'wxt/browser';
import { ask } from '../../lib/messages';
import { RemoteAccessButton } from '../../components/RemoteAccessButton';
import { requestRemoteAccess } from '../../lib/remote/permissions';

/**
 * The "Read metrics from <host>" button, as an extension page. A content script cannot call
 * `permissions.request` (the API is not exposed to it) and the background cannot either (no user
 * gesture reaches it), so the click has to land in an extension page: the overlay shows this page
 * in an iframe in the row (`remote-access.html?origin=https://host/*`, a web-accessible resource
 * for github.com), which makes it one click on GitHub's own page. The answer goes to the
 * background (a refusal is remembered) and to the embedding page, which reloads its rows.
 */
const origin = new URLSearchParams(location.search).get('origin') ?? '';
const host = /^https?:\/\/([^/*:]+)\/\*$/.exec(origin)?.[1];

const request = () =>
  requestRemoteAccess(origin, browser.permissions, (o, granted) => ask({ type: 'remote-access-answer', origin: o, granted })).then((granted) => {
    // Only whether access was granted, for this origin: nothing secret crosses to GitHub's page.
    window.parent.postMessage({ type: 'commit-lab:remote-access', origin, granted }, 'https://github.com');
    return granted;
  });

render(host ? <RemoteAccessButton host={host} request={request} /> : <p>No remote host given.</p>, document.getElementById('app')!);
