import type { FakeRequest } from '../server';
import { pagesHandler } from './handler';
import type { PageSource } from './source';

/** A page's status and HTML straight from the handler, for DOM tests that need no HTTP server. */
export async function renderPage(source: PageSource, pathAndQuery: string): Promise<{ status: number; html: string }> {
  const url = new URL(pathAndQuery, 'https://github.com');
  const body = new Uint8Array();
  const request: FakeRequest = {
    method: 'GET',
    site: 'web',
    path: url.pathname,
    url,
    headers: new Headers(),
    body,
    text: () => '',
    json: () => undefined,
  };
  const response = await pagesHandler(source)(request);
  if (!response) throw new Error(`no page at ${pathAndQuery}`);
  return { status: response.status, html: await response.text() };
}
