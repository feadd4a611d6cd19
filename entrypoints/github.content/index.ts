import { h, render } from 'preact';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { ask } from '../../lib/messages';
import { RowCell } from '../../components/RowCell';
import '../../components/row-cell.css';
import { CELL_ATTRIBUTE, startOverlay } from '../../lib/page/overlay';

export default defineContentScript({
  // All of github.com, not just commit lists: GitHub reaches them by soft navigation, which
  // never loads a content script anew. Off commit lists the overlay observes nothing.
  matches: ['https://github.com/*'],
  main(ctx) {
    /** Why GitHub ended the sign-in, once the background has said so. */
    let signedOut: string | undefined;
    const drawn = new WeakMap<Element, { sha: string; where: string }>();
    const draw = (host: Element, cell: { sha: string; where: string }) => {
      drawn.set(host, cell);
      render(h(RowCell, { ...cell, signedOut }), host);
    };
    const overlay = startOverlay({
      document,
      signal: ctx.signal,
      isValid: () => ctx.isValid,
      renderCell: (host, target) => {
        draw(host, { sha: target.row.sha, where: target.where });
        return () => render(null, host);
      },
      log: (message) => console.info(`[Commit Lab] ${message}`),
    });
    void ask({ type: 'token-status' }).then((status) => {
      signedOut = status.set ? undefined : status.signedOut?.reason;
      if (!signedOut || !ctx.isValid) return;
      for (const host of document.querySelectorAll(`[${CELL_ATTRIBUTE}]`)) {
        const cell = drawn.get(host);
        if (cell) draw(host, cell);
      }
    });
    ctx.addEventListener(window, 'wxt:locationchange', ({ newUrl }) => overlay.navigating(newUrl));
  },
});
