import { test as base, type BrowserContext, type Page, type Worker } from '@playwright/test';
import path from 'node:path';
import { startTestGitHub, type TestGitHub, type TestRepo } from '../fake-github/worlds/test-repos';
import type { FakeServer } from '../fake-github/server';
import type { browser } from 'wxt/browser';
import { launchWithExtension, routeGitHub } from './browser';

export { fetchFromFake } from './browser';

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

/**
 * The extension service worker's global scope, for `background.evaluate` callbacks:
 * `(self as unknown as ServiceWorkerScope).chrome`. Not a global declaration, which would let
 * extension code type-check calls to `chrome` that bypass the polyfilled `browser`.
 */
export interface ServiceWorkerScope {
  chrome: typeof browser;
}

interface WorkerFixtures {
  world: TestGitHub;
  /** The fake GitHub's HTTP server, with `acme/mnist` seeded into real git (pages/test-repos.ts). */
  server: FakeServer;
  /** The oids of the seeded `acme/mnist`. */
  mnist: TestRepo;
}

/**
 * The built extension in Debian's Chromium, with github.com and api.github.com answered by the
 * whole fake GitHub on 127.0.0.1: the content script runs on the very URLs it runs on in real use.
 */
export const test = base.extend<Fixtures, WorkerFixtures>({
  world: [
    async ({}, use) => {
      const world = await startTestGitHub();
      await use(world);
      await world.fake.close();
    },
    { scope: 'worker' },
  ],
  server: [async ({ world }, use) => use(world.fake.server), { scope: 'worker' }],
  mnist: [async ({ world }, use) => use(world.repo), { scope: 'worker' }],

  requests: async ({}, use) => use([]),
  consoleLines: async ({}, use) => use([]),

  context: async ({ server, requests, consoleLines }, use) => {
    const browser = await launchWithExtension(EXTENSION_DIR, true);
    const { context } = browser;
    const headers: Promise<{ url: string; headers: Record<string, string> }>[] = [];
    context.on('request', (request) => {
      requests.push({
        url: request.url(),
        method: request.method(),
        resourceType: request.resourceType(),
        fromServiceWorker: request.serviceWorker() !== null,
      });
      headers.push(
        request.allHeaders().then(
          (h) => ({ url: request.url(), headers: h }),
          () => ({ url: request.url(), headers: {} }),
        ),
      );
    });
    const listen = (page: Page) => page.on('console', (message) => consoleLines.push(`${message.type()}: ${message.text()}`));
    context.pages().forEach(listen);
    context.on('page', listen);
    await routeGitHub(context, server);
    await use(context);
    // Every test, every request of the browser context: a GitHub token (or any part of one) goes
    // to the API host alone.
    const leaks = (await Promise.all(headers)).filter(({ url, headers: h }) => new URL(url).host !== 'api.github.com' && carriesToken(url, h));
    await browser.close();
    expect(leaks).toEqual([]);
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

/** A GitHub token's prefixes (classic, fine-grained, OAuth, user-to-server, refresh) and any Authorization at all. */
const TOKEN = /\b(ghp|gho|ghu|ghs|ghr|github_pat)_[A-Za-z0-9_]+/;
function carriesToken(url: string, headers: Record<string, string>): boolean {
  return TOKEN.test(decodeURIComponent(url)) || Object.entries(headers).some(([name, value]) => name === 'authorization' || TOKEN.test(value));
}
