import { refusal, type SignedRequest } from '../../lib/remote';

/** Headers the browser sets itself and refuses from a page. */
const FORBIDDEN = new Set(['host', 'content-length']);

/**
 * Sends a PUT the background signed, with the File as its body: XHR, because fetch reports no
 * upload progress. The File stays in this page; `signal` cancels it mid-way.
 */
export function sendUpload(put: SignedRequest, file: Blob, onProgress: (sent: number, total: number) => void, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open(put.method, put.url);
    for (const [name, value] of Object.entries(put.headers)) if (!FORBIDDEN.has(name.toLowerCase())) xhr.setRequestHeader(name, value);
    xhr.upload.onprogress = (event) => onProgress(event.loaded, event.lengthComputable ? event.total : file.size);
    xhr.onload = () =>
      xhr.status >= 200 && xhr.status < 300 ? resolve() : reject(refusal({ kind: 'http', url: put.url }, xhr.status, xhr.responseText, put.signed));
    xhr.onerror = () => reject(new Error(`${new URL(put.url).host} did not answer the upload`));
    xhr.onabort = () => reject(new DOMException('The upload was cancelled', 'AbortError'));
    if (signal.aborted) return reject(new DOMException('The upload was cancelled', 'AbortError'));
    signal.addEventListener('abort', () => xhr.abort(), { once: true });
    xhr.send(file);
  });
}
