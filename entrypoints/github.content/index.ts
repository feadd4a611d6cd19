import { h, render } from 'preact';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { RowCell } from '../../components/RowCell';
import '../../components/row-cell.css';
import { startOverlay } from '../../lib/page/overlay';

export default defineContentScript({
  // All of github.com, not just commit lists: GitHub reaches them by soft navigation, which
  // never loads a content script anew. Off commit lists the overlay observes nothing.
  matches: ['https://github.com/*'],
  main(ctx) {
    const overlay = startOverlay({
      document,
      signal: ctx.signal,
      isValid: () => ctx.isValid,
      renderCell: (host, target) => {
        render(h(RowCell, { sha: target.row.sha, where: target.where }), host);
        return () => render(null, host);
      },
      log: (message) => console.info(`[Commit Lab] ${message}`),
    });
    ctx.addEventListener(window, 'wxt:locationchange', ({ newUrl }) => overlay.navigating(newUrl));
  },
});
