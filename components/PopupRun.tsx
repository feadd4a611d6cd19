import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { ask } from '../lib/messages';
import { PAGE_LOGIN_MESSAGE } from '../lib/page/page-login';
import type { TabTarget } from '../lib/page/url';

type State = { kind: 'none' } | { kind: 'note'; text: string } | { kind: 'ready'; url: string; label: string };

/** The popup's Run: for the commit the current tab shows, the head of the branch it lists, or its pull request's head commit, the Run form in a new tab. */
export function PopupRun({ target, tabId }: { target: TabTarget; tabId: number }) {
  const [state, setState] = useState<State>({ kind: 'none' });
  useEffect(() => {
    void (async () => {
      const login = ((await browser.tabs.sendMessage(tabId, { type: PAGE_LOGIN_MESSAGE }).catch(() => null)) as string | null) ?? '';
      let sha = 'sha' in target ? target.sha : undefined;
      if ('pr' in target) {
        // The pull request's head commit, as its Commits tab's newest row runs it: no base branch named (its head may be a
        // fork's branch, not this repository's), so the user names one in the form.
        const commits = await ask({ type: 'branch-commits', repo: { owner: target.owner, name: target.repo }, from: { pr: target.pr } });
        if (!commits.ok || !commits.commits?.[0])
          return setState({ kind: 'note', text: commits.ok ? `${target.owner}/${target.repo} has no pull request #${target.pr}.` : commits.message });
        sha = commits.commits[0].oid;
      }
      if ('ref' in target) {
        const head = await ask({ type: 'branch-head', repo: { owner: target.owner, name: target.repo }, branch: target.ref });
        if (!head.ok || !head.head)
          return setState({ kind: 'note', text: head.ok ? `${target.ref} is not a branch of ${target.owner}/${target.repo}.` : head.message });
        sha = head.head;
      }
      // The popup's own (static) origin: Chrome's runtime.getURL gives run.html's per-session URL (use_dynamic_url), which only
      // GitHub's pages may open; a tab opened from here at that URL lands on an error page.
      const query = new URLSearchParams({ owner: target.owner, repo: target.repo, sha: sha!, ref: 'ref' in target ? target.ref : '', login });
      setState({ kind: 'ready', url: new URL(`/run.html?${query}`, location.href).href, label: `Run an experiment from ${sha!.slice(0, 7)}` });
    })();
  }, [target, tabId]);
  if (state.kind === 'none') return null;
  if (state.kind === 'note') return <p class="muted">{state.text}</p>;
  return (
    <button type="button" class="primary" onClick={() => void browser.tabs.create({ url: state.url })}>
      {state.label}
    </button>
  );
}
