import { defineContentScript } from 'wxt/utils/define-content-script';
import { experimentsView } from '../../components/experiments-view';
import '../../components/row-cell.css';
import { browser } from 'wxt/browser';
import { ask } from '../../lib/messages';
import { startOverlay } from '../../lib/page/overlay';
import { pageRefOf } from '../../lib/page/page-ref';
import { signedInLogin } from '../../lib/page/page-login';
import { PAGE_LOGIN_MESSAGE } from '../../lib/page/run-target';

export default defineContentScript({
  // All of github.com, not just commit lists: GitHub reaches them by soft navigation, which
  // never loads a content script anew. Off commit lists the overlay observes nothing.
  matches: ['https://github.com/*'],
  main(ctx) {
    const cells = experimentsView(ask, (target) =>
      target.list.kind === 'pr-commits' ? { pr: target.list.number } : { ref: pageRefOf(document)?.name ?? 'HEAD' },
    );
    const overlay = startOverlay({
      document,
      signal: ctx.signal,
      isValid: () => ctx.isValid,
      // One page view per URL: a soft navigation to another list (or page of it) asks anew.
      renderCell: (host, target) => cells.renderCell(host, target, document.location.href),
      log: (message) => console.info(`[Commit Lab] ${message}`),
    });
    ctx.addEventListener(window, 'wxt:locationchange', ({ newUrl }) => overlay.navigating(newUrl));
    // The toolbar popup asks who is signed in here before opening the Run form for this page.
    const answerLogin = (message: unknown) =>
      (message as { type?: unknown } | null)?.type === PAGE_LOGIN_MESSAGE ? Promise.resolve(signedInLogin(document)) : undefined;
    browser.runtime.onMessage.addListener(answerLogin);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(answerLogin));
  },
});
