import { test as base, chromium, type APIResponse, type BrowserContext, type Page, type Route, type Worker } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { pagesHandler } from '../fake-github/pages/handler';
import { testSource } from '../fake-github/pages/test-repos';
import { startServer, type FakeServer } from '../fake-github/server';

export const ROOT = path.resolve(import.meta.dirname, '../..');
/** The test-mode build (`npm run build:test`): the release manifest plus the loopback host. */
export const EXTENSION_DIR = process.env.E2E_EXTENSION_DIR ?? path.join(ROOT, '.output/chrome-mv3-test');

export interface LoggedBrowserRequest {
  url: string;
  method: string;
  resourceType: string;
  /** True for requests made by the extension's service worker. */
  fromServiceWorker: boolean;
}

interface Fixtures {
  context: BrowserContext;
  page: Page;
  /** Every request the browser context made, in order (pages, fetches, service worker). */
  requests: LoggedBrowserRequest[];
  /** Console messages of every page, as `type: text`. */
  consoleLines: string[];
  background: Worker;
  extensionId: string;
}

/** Answers a routed github.com / api.github.com request from the fake GitHub, telling it which host was asked. */
export function fetchFromFake(route: Route, server: FakeServer): Promise<APIResponse> {
  const request = route.request();
  const url = new URL(request.url());
  return route.fetch({ url: `${server.url}${url.pathname}${url.search}`, headers: { ...request.headers(), 'x-forwarded-host': url.host } });
}

/**
 * The built extension in Debian's Chromium, with github.com and api.github.com answered by the
 * fake GitHub on 127.0.0.1: the content script runs on the very URLs it runs on in real use.
 */
export const test = base.extend<Fixtures, { server: FakeServer }>({
  server: [
    async ({}, use) => {
      const server = await startServer({ handlers: [pagesHandler(testSource())] });
      await use(server);
      await server.close();
    },
    { scope: 'worker' },
  ],

  requests: async ({}, use) => use([]),
  consoleLines: async ({}, use) => use([]),

  context: async ({ server, requests, consoleLines }, use) => {
    if (!fs.existsSync(path.join(EXTENSION_DIR, 'manifest.json'))) throw new Error(`No built extension at ${EXTENSION_DIR}: run npm run build:test`);
    const userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'commit-lab-e2e-'));
    const context = await chromium.launchPersistentContext(userDataDir, {
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      args: [
        `--disable-extensions-except=${EXTENSION_DIR}`,
        `--load-extension=${EXTENSION_DIR}`,
        '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
        '--disable-background-networking', '--disable-component-update', '--disable-sync',
      ],
    });
    context.on('request', (request) =>
      requests.push({ url: request.url(), method: request.method(), resourceType: request.resourceType(), fromServiceWorker: request.serviceWorker() !== null }),
    );
    const listen = (page: Page) => page.on('console', (message) => consoleLines.push(`${message.type()}: ${message.text()}`));
    context.pages().forEach(listen);
    context.on('page', listen);
    for (const pattern of ['https://github.com/**', 'https://api.github.com/**']) {
      await context.route(pattern, async (route) => route.fulfill({ response: await fetchFromFake(route, server) }));
    }
    await use(context);
    await context.close();
    fs.rmSync(userDataDir, { recursive: true, force: true });
  },

  page: async ({ context }, use) => {
    await use(context.pages()[0] ?? (await context.newPage()));
  },

  background: async ({ context }, use) => {
    const [worker] = context.serviceWorkers();
    await use(worker ?? (await context.waitForEvent('serviceworker')));
  },

  extensionId: async ({ background }, use) => use(new URL(background.url()).host),
});

export const expect = test.expect;
