import { render } from 'preact';
import { browser } from 'wxt/browser';
import { ask } from '../../lib/messages';
import { tabTargetOf } from '../../lib/page/url';
import '../../components/primer-page.css';
import { PopupAccount } from '../../components/PopupAccount';
import { PopupExperiments } from '../../components/PopupExperiments';
import { PopupRateLimit } from '../../components/PopupRateLimit';
import { PopupRun } from '../../components/PopupRun';

const load = () => ask({ type: 'token-status' });
const openOptions = () => void browser.runtime.openOptionsPage();
const loadRateLimit = () => ask({ type: 'rate-limit' });

render(
  <main style={{ minWidth: '280px' }}>
    <h1>Commit Lab</h1>
    <PopupAccount load={load} openOptions={openOptions} />
    <section id="run" />
    <section id="recent" />
    <PopupRateLimit load={loadRateLimit} />
  </main>,
  document.getElementById('app')!,
);

// What the active tab of the popup's window shows: a commit, a commit list or a pull request.
void browser.tabs.query({ active: true, currentWindow: true }).then(([tab]) => {
  const target = tab?.url ? tabTargetOf(tab.url) : undefined;
  if (!tab?.id || !target) return;
  const repo = { owner: target.owner, name: target.repo };
  render(<PopupRun target={target} tabId={tab.id} />, document.getElementById('run')!);
  render(
    <PopupExperiments
      target={target}
      askCommits={(from) => ask({ type: 'branch-commits', repo, from })}
      askRows={(request) => ask({ type: 'experiments', ...request })}
    />,
    document.getElementById('recent')!,
  );
});
