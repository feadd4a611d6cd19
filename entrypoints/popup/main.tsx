import { render } from 'preact';
import { browser } from 'wxt/browser';
import { ask } from '../../lib/messages';
import { runTargetOf } from '../../lib/page/run-target';
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
    <PopupRun />
    <section id="recent" />
    <PopupRateLimit load={loadRateLimit} />
  </main>,
  document.getElementById('app')!,
);

// On a branch's commit list: that branch's recent experiments.
void browser.tabs.query({ active: true, currentWindow: true }).then(([tab]) => {
  const target = tab?.url ? runTargetOf(tab.url) : undefined;
  if (!target || !('ref' in target)) return;
  const repo = { owner: target.owner, name: target.repo };
  render(
    <PopupExperiments
      repo={repo}
      branch={target.ref}
      askCommits={() => ask({ type: 'branch-commits', repo, branch: target.ref })}
      askRows={(shas) => ask({ type: 'experiments', repo, list: { ref: target.ref }, shas })}
    />,
    document.getElementById('recent')!,
  );
});
