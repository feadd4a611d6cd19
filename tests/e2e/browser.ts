import { chromium, type APIResponse, type BrowserContext, type Route } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { FakeServer } from '../fake-github/server';

/**
 * Chromium with an unpacked extension loaded, shared by the end-to-end tests and the demo.
 * Both flags are needed: Playwright always adds --disable-extensions. `close` also removes the
 * throwaway profile.
 */
export async function launchWithExtension(
  extensionDir: string,
  headless: boolean,
  /** A profile to start from and keep (a browser restart); a throwaway one by default. */
  profile?: string,
): Promise<{ context: BrowserContext; close(): Promise<void> }> {
  if (!fs.existsSync(path.join(extensionDir, 'manifest.json'))) throw new Error(`No built extension at ${extensionDir}`);
  const userDataDir = profile ?? fs.mkdtempSync(path.join(os.tmpdir(), 'commit-lab-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless,
    viewport: { width: 1280, height: 900 },
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    context,
    close: async () => {
      await context.close();
      if (!profile) fs.rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * Answers a routed github.com / api.github.com request from the fake GitHub, telling it which
 * host was asked; with `as`, answers with what the fake serves at that URL instead.
 */
export function fetchFromFake(route: Route, server: FakeServer, as?: string): Promise<APIResponse> {
  const request = route.request();
  const url = new URL(as ?? request.url());
  return route.fetch({ url: `${server.url}${url.pathname}${url.search}`, headers: { ...request.headers(), 'x-forwarded-host': url.host } });
}

/** Sends every github.com and api.github.com request of the context to the fake GitHub. */
export async function routeGitHub(context: BrowserContext, server: FakeServer): Promise<void> {
  for (const pattern of ['https://github.com/**', 'https://api.github.com/**']) {
    await context.route(pattern, async (route) => route.fulfill({ response: await fetchFromFake(route, server) }));
  }
}
