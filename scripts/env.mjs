// What `npm test` and `npm run demo` need before they start, on a fresh clone or a fresh machine.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Runs a command in the project root with inherited output (all of it on stderr with `toStderr`,
 * for commands whose stdout is read by others); returns whether it succeeded.
 */
export function run(command, args, env = {}, { toStderr = false } = {}) {
  (toStderr ? console.error : console.log)(`\n$ ${[command, ...args].join(' ')}`);
  const stdio = ['inherit', toStderr ? 2 : 'inherit', 'inherit'];
  const result = spawnSync(command, args, { cwd: ROOT, stdio, env: { ...process.env, ...env } });
  return result.status === 0;
}

export function fail(message) {
  console.error(message);
  process.exit(1);
}

/**
 * `npm ci` when node_modules is missing; `wxt prepare` when .wxt/ (which tsc needs) is. Callers
 * import anything from node_modules only after this, with a dynamic `import()`.
 */
export function ensureDependencies({ toStderr = false } = {}) {
  if (!fs.existsSync(path.join(ROOT, 'node_modules'))) {
    if (!run('npm', ['ci', '--no-audit', '--no-fund'], {}, { toStderr })) {
      fail('Installing dependencies failed (see above): check the network and Node (>= 20.19), then run `npm ci` and try again.');
    }
  } else if (!fs.existsSync(path.join(ROOT, '.wxt', 'tsconfig.json'))) {
    if (!run('npx', ['wxt', 'prepare'], {}, { toStderr })) fail('`wxt prepare` failed (see above): run `npm ci` and try again.');
  }
}

/**
 * A Chromium that can load unpacked extensions: CHROMIUM_PATH, else Playwright's own if it was
 * installed, else the system's, else Debian's package when we are root, else one line of advice.
 */
export async function findChromium() {
  if (process.env.CHROMIUM_PATH) {
    if (fs.existsSync(process.env.CHROMIUM_PATH)) return process.env.CHROMIUM_PATH;
    fail(`CHROMIUM_PATH=${process.env.CHROMIUM_PATH} does not exist.`);
  }
  const { chromium } = await import('@playwright/test');
  const candidates = [chromium.executablePath(), '/usr/bin/chromium', '/usr/bin/chromium-browser'];
  const found = candidates.find((candidate) => fs.existsSync(candidate));
  if (found) return found;
  if (process.getuid?.() === 0 && fs.existsSync('/usr/bin/apt-get')) {
    const env = { DEBIAN_FRONTEND: 'noninteractive' };
    if (run('apt-get', ['update', '-qq'], env) && run('apt-get', ['install', '-y', '-qq', 'chromium'], env) && fs.existsSync('/usr/bin/chromium')) {
      return '/usr/bin/chromium';
    }
  }
  fail('No Chromium found: install one (Debian: `sudo apt-get install chromium`) or set CHROMIUM_PATH to its binary.');
}
