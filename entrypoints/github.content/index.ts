import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { ask } from '../../lib/messages';
import { createController } from '../../components/overlay/controller';
import { showAndFollow } from '../../components/overlay/branch-follow';
import { openRunDialog } from '../../components/overlay/run-dialog';
import { startOverlay } from '../../lib/page/overlay';
import { PAGE_LOGIN_MESSAGE, signedInLogin } from '../../lib/page/page-login';
import { selectors } from '../../lib/page/selectors';

export default defineContentScript({
  // All of github.com, not just commit lists: GitHub reaches them by soft navigation, which
  // never loads a content script anew. Off commit lists the overlay observes nothing.
  matches: ['https://github.com/*'],
  main(ctx) {
    const log = (message: string) => console.info(`[Commit Lab] ${message}`);
    const controller = createController({
      document,
      askRows: (request) => ask<'experiments'>({ type: 'experiments', ...request }),
      loadSettings: (repo) => ask<'overlay-settings-get'>({ type: 'overlay-settings-get', repo }),
      saveSettings: (repo, settings) => ask<'overlay-settings-set'>({ type: 'overlay-settings-set', repo, settings }).then(() => undefined),
      pageLogin: () => signedInLogin(document) ?? undefined,
      openRun: ({ owner, repo, sha, ref, login }, opener) =>
        openRunDialog({
          document,
          url: browser.runtime.getURL(`/run.html?${new URLSearchParams({ owner, repo, sha, ref, login })}`),
          extensionOrigin: browser.runtime.getURL('/'),
          title: `Run an experiment from ${sha.slice(0, 7)}`,
          opener,
          signal: ctx.signal,
          onCommitted: (committed) => {
            controller.awaitStatus(committed.commit);
            showAndFollow(committed, {
              document,
              list: { owner, name: repo, ref },
              ask: () => ask<'branch-commits'>({ type: 'branch-commits', repo: { owner, name: repo }, from: { branch: ref } }),
              signal: ctx.signal,
              log,
            });
          },
        }),
      openSignIn: () => void ask<'open-sign-in'>({ type: 'open-sign-in' }),
      accessUrl: (origin) => `${browser.runtime.getURL('/remote-access.html')}?origin=${encodeURIComponent(origin)}`,
      log,
    });
    const overlay = startOverlay({
      document,
      signal: ctx.signal,
      isValid: () => ctx.isValid,
      renderCell: controller.renderCell,
      slots: [{ name: 'report', anchor: selectors.rowHeading, at: 'append', render: controller.renderReport }],
      header: { anchor: selectors.commitList, render: controller.renderHeader },
      suppressed: controller.suppressed,
      onRows: controller.onRows,
      log,
    });
    ctx.addEventListener(window, 'wxt:locationchange', ({ newUrl }) => overlay.navigating(newUrl));
    // The toolbar popup asks who is signed in here before opening the Run form for this page.
    // Answered through sendResponse, not a returned promise: content scripts run without
    // webextension-polyfill (build/content-script-browser.ts), and Chrome's own listeners reply so.
    const answerLogin = (message: unknown, _sender: unknown, sendResponse: (login: string | null) => void) => {
      if ((message as { type?: unknown } | null)?.type === PAGE_LOGIN_MESSAGE) sendResponse(signedInLogin(document));
    };
    browser.runtime.onMessage.addListener(answerLogin);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(answerLogin));
  },
});
