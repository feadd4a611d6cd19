import { render } from 'preact';
import { browser } from 'wxt/browser';
import { ask } from '../../lib/messages';
import { PopupRun } from '../../components/PopupRun';
import { TokenStatusLine } from '../../components/TokenStatusLine';

const load = () => ask({ type: 'token-status' });
const openOptions = () => void browser.runtime.openOptionsPage();

render(
  <main style={{ minWidth: '260px', font: '13px system-ui, sans-serif' }}>
    <h1 style={{ fontSize: '15px' }}>Commit Lab</h1>
    <TokenStatusLine load={load} openOptions={openOptions} />
    <PopupRun />
  </main>,
  document.getElementById('app')!,
);
