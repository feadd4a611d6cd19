import { render } from 'preact';
import { browser } from 'wxt/browser';
import { ask } from '../../lib/messages';
import '../../components/primer-page.css';
import { PopupAccount } from '../../components/PopupAccount';
import { PopupRun } from '../../components/PopupRun';

const load = () => ask({ type: 'token-status' });
const openOptions = () => void browser.runtime.openOptionsPage();

render(
  <main style={{ minWidth: '280px' }}>
    <h1>Commit Lab</h1>
    <PopupAccount load={load} openOptions={openOptions} />
    <PopupRun />
  </main>,
  document.getElementById('app')!,
);
