import { defineContentScript } from 'wxt/utils/define-content-script';
import { experimentsView } from '../../components/experiments-view';
import '../../components/row-cell.css';
import { ask } from '../../lib/messages';
import { startOverlay } from '../../lib/page/overlay';
import { pageRefOf } from '../../lib/page/page-ref';

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
  },
});
