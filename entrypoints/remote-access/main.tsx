import { render } from 'preact';
import { askForRemoteHost } from '../../components/ask-for-remote-host';
import { RemoteAccessButton } from '../../components/RemoteAccessButton';

/**
 * The "Read metrics from <host>" button, as an extension page. A content script cannot call
 * `permissions.request` (the API is not exposed to it) and the background cannot either (no user
 * gesture reaches it), so the click has to land in an extension page: the overlay frames this page
 * in the first row that needs the host (`remote-access.html?origin=https://host/*`, a
 * web-accessible resource for github.com), which makes it one click on GitHub's own page. The
 * answer goes to the background, which remembers a refusal.
 */
const origin = new URLSearchParams(location.search).get('origin') ?? '';
const host = /^https?:\/\/([^/*:]+)\/\*$/.exec(origin)?.[1];

const request = () => askForRemoteHost(origin);

render(host ? <RemoteAccessButton host={host} request={request} /> : <p>No remote host given.</p>, document.getElementById('app')!);
