import fs from 'node:fs';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { ROOT } from './fixtures';
import { ACCOUNT_KEY } from './signed-in';

// Reads what `npm run build`, `build:test` and `build:firefox` wrote; no browser needed.
const out = (dir: string) => path.join(ROOT, '.output', dir);
const manifest = (dir: string) => JSON.parse(fs.readFileSync(path.join(out(dir), 'manifest.json'), 'utf8'));
/** The storage.local keys that hold secrets (access and refresh tokens; DVC remote credentials, entrypoints/background/remote-settings.ts); the background alone knows them. */
const SECRET_KEYS = [ACCOUNT_KEY, 'remoteCredentials'];

test('the release Chrome manifest asks for storage and the two GitHub hosts, nothing more', () => {
  const m = manifest('chrome-mv3');
  expect(m.manifest_version).toBe(3);
  expect(m.permissions).toEqual(['storage']);
  expect(m.host_permissions).toEqual(['https://github.com/*', 'https://api.github.com/*']);
  expect(m.optional_permissions).toEqual(['scripting']);
  expect(m.optional_host_permissions).toEqual(['https://*/*']);
  expect(m.content_scripts.map((c: { matches: string[] }) => c.matches)).toEqual([['https://github.com/*']]);
  expect(JSON.stringify(m)).not.toContain('127.0.0.1');
  // The pages GitHub's page may frame: the Run form and the "Read metrics from <host>" button, on
  // github.com and on any Enterprise host the user may add (the optional hosts), at a per-session URL only.
  expect(m.web_accessible_resources).toEqual([{ resources: ['run.html', 'remote-access.html'], matches: ['https://*/*'], use_dynamic_url: true }]);
  // Extension pages may compile WebAssembly (the Run form's md5) and nothing more than MV3's default.
  expect(m.content_security_policy).toEqual({ extension_pages: "script-src 'self' 'wasm-unsafe-eval'; object-src 'self';" });
});

test('only the test build adds the loopback host', () => {
  const m = manifest('chrome-mv3-test');
  expect(m.host_permissions).toEqual(['https://github.com/*', 'https://api.github.com/*', 'http://127.0.0.1/*']);
  // The fake GitHub plays an Enterprise host there too (enterprise.spec.ts frames the Run form on it).
  expect(m.web_accessible_resources).toEqual([
    { resources: ['run.html', 'remote-access.html'], matches: ['https://*/*', 'http://127.0.0.1/*'], use_dynamic_url: true },
  ]);
});

test('the Firefox build is MV3 with gecko settings', () => {
  const m = manifest('firefox-mv3');
  expect(m.manifest_version).toBe(3);
  expect(m.background.scripts).toEqual(['background.js']);
  expect(m.browser_specific_settings).toEqual({
    gecko: { id: 'commit-lab@commit-lab.dev', strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } },
    gecko_android: { strict_min_version: '142.0' },
  });
  expect(m.permissions).toEqual(['storage']);
  // Framed on github.com and added Enterprise hosts, as in Chrome (web-ext lint accepts use_dynamic_url).
  expect(m.web_accessible_resources).toEqual([{ resources: ['run.html', 'remote-access.html'], matches: ['https://*/*'], use_dynamic_url: true }]);
});

for (const dir of ['chrome-mv3', 'firefox-mv3']) {
  test(`the ${dir} content script (JS and CSS, minified, as npm run bench counts it) fits its 60 kB budget, without webextension-polyfill or a copied Octicon`, () => {
    const scripts = path.join(out(dir), 'content-scripts');
    const files = fs.readdirSync(scripts).map((f) => path.join(scripts, f));
    const kB = files.reduce((sum, file) => sum + fs.statSync(file).size, 0) / 1024;
    expect(kB).toBeLessThanOrEqual(60);
    // The polyfill's own guard sentence: in the background, never in the content script (build/content-script-browser.ts).
    const guard = 'This script should only be loaded in a browser extension.';
    for (const file of files) expect(fs.readFileSync(file, 'utf8'), file).not.toContain(guard);
    // Each Octicon once (build/octicon-paths.ts), however many places draw it.
    const icons = files.flatMap((file) => fs.readFileSync(file, 'utf8').match(/<svg viewBox=.*?<\/svg>/g) ?? []);
    expect(icons.length).toBeGreaterThan(0);
    expect(icons.length).toBe(new Set(icons).size);
    expect(fs.readFileSync(path.join(out(dir), 'background.js'), 'utf8')).toContain(guard);
  });
}

for (const dir of ['chrome-mv3', 'firefox-mv3']) {
  test(`the ${dir} manifest names the 16, 32, 48 and 128 px icons, for the extension and its toolbar button, and ships them`, () => {
    const m = manifest(dir);
    const sizes = ['16', '32', '48', '128'];
    for (const icons of [m.icons, m.action.default_icon]) {
      expect(Object.keys(icons).sort()).toEqual([...sizes].sort());
      for (const size of sizes) {
        const file = path.join(out(dir), icons[size]);
        expect(fs.existsSync(file), file).toBe(true);
        // A PNG of exactly that size: the signature, then IHDR's width and height.
        const png = fs.readFileSync(file);
        expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
        expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([Number(size), Number(size)]);
      }
    }
  });
}

for (const dir of ['chrome-mv3', 'chrome-mv3-test', 'firefox-mv3']) {
  test(`no content script or page of ${dir} contains a secret's storage key; only the background does`, () => {
    const scripts = fs.readdirSync(path.join(out(dir), 'content-scripts')).filter((f) => f.endsWith('.js'));
    expect(scripts.length).toBeGreaterThan(0);
    const chunks = fs.existsSync(path.join(out(dir), 'chunks')) ? fs.readdirSync(path.join(out(dir), 'chunks')).map((f) => path.join('chunks', f)) : [];
    const others = [...scripts.map((f) => path.join('content-scripts', f)), ...chunks.filter((f) => f.endsWith('.js'))];
    for (const file of others) {
      const text = fs.readFileSync(path.join(out(dir), file), 'utf8');
      for (const key of SECRET_KEYS) expect(text, `${file} holds ${key}`).not.toContain(key);
    }
    // The search itself works: the keys are right there in the background bundle.
    const background = fs.readFileSync(path.join(out(dir), 'background.js'), 'utf8');
    for (const key of SECRET_KEYS) expect(background).toContain(key);
  });
}
