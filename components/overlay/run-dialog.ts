import { CLOSE_MESSAGE } from '../run-form/frame-messages';
import { shadowOf } from './shadow';

export const DIALOG_ATTRIBUTE = 'data-commit-lab-dialog';

/**
 * The Run form over GitHub's page: an extension page in an iframe inside a modal `<dialog>` (top
 * layer: GitHub's page is inert behind it and untouched). Closes on Escape (the dialog's own, or
 * the frame's message), on its close button, and when `signal` aborts; focus returns to the
 * button that opened it.
 */
export function openRunDialog(options: { document: Document; url: string; extensionOrigin: string; title: string; opener: HTMLElement; signal: AbortSignal }) {
  const { document, opener } = options;
  document.querySelectorAll(`[${DIALOG_ATTRIBUTE}]`).forEach((old) => old.remove());
  const host = document.createElement('div');
  host.setAttribute(DIALOG_ATTRIBUTE, '');
  const root = shadowOf(host);
  const dialog = document.createElement('dialog');
  dialog.className = 'cl-dialog';
  dialog.setAttribute('aria-label', options.title);
  const bar = document.createElement('div');
  bar.className = 'cl-dialog-bar';
  const heading = document.createElement('h2');
  heading.textContent = options.title;
  const close = document.createElement('button');
  close.type = 'button';
  close.className = 'cl-button';
  close.setAttribute('aria-label', 'Close');
  close.textContent = '✕';
  const frame = document.createElement('iframe');
  frame.className = 'cl-dialog-frame';
  frame.title = options.title;
  frame.src = options.url;
  bar.append(heading, close);
  dialog.append(bar, frame);
  root.append(dialog);
  document.body.append(host);

  const stop = new AbortController();
  const onMessage = (event: MessageEvent) => {
    if (`${event.origin}/` !== options.extensionOrigin && event.origin !== options.extensionOrigin) return;
    if (event.source === frame.contentWindow && (event.data as { type?: unknown } | null)?.type === CLOSE_MESSAGE) dialog.close();
  };
  window.addEventListener('message', onMessage, { signal: stop.signal });
  close.addEventListener('click', () => dialog.close(), { signal: stop.signal });
  options.signal.addEventListener('abort', () => dialog.close(), { signal: stop.signal });
  dialog.addEventListener(
    'close',
    () => {
      stop.abort();
      host.remove();
      if (opener.isConnected) opener.focus();
    },
    { once: true },
  );
  dialog.showModal();
  frame.focus();
  return dialog;
}
