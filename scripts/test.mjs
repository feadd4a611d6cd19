// `npm test`: type-check, formatting (Prettier), every unit test, the Chrome/Firefox builds and Firefox
// lint, then the end-to-end tests in Chromium. Runs every step it can, then prints `N passed, N failed`
// (vitest and Playwright tests; a step that fails without test results counts as one failure)
// and exits non-zero on any failure.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureDependencies, findChromium, ROOT, run } from './env.mjs';

const started = Date.now();
ensureDependencies();
const chromium = await findChromium();
console.log(`Chromium: ${chromium}`);

const reports = fs.mkdtempSync(path.join(os.tmpdir(), 'commit-lab-test-'));
const vitestJson = path.join(reports, 'vitest.json');
const playwrightJson = path.join(reports, 'playwright.json');
const failedSteps = [];
const step = (name, command, args, env) => {
  const ok = run(command, args, env);
  if (!ok) failedSteps.push(name);
  return ok;
};

step('type-check', 'npx', ['tsc', '--noEmit']);
step('formatting', 'npx', ['prettier', '--check', '.']);
step('unit tests', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`]);
const builds = [
  step('chrome build', 'npx', ['wxt', 'build']),
  step('chrome test build', 'npx', ['wxt', 'build', '--mode', 'test']),
  step('firefox build', 'npx', ['wxt', 'build', '-b', 'firefox', '--mv3']),
];
if (builds.every(Boolean)) {
  step('firefox lint', 'npx', ['web-ext', 'lint', '--source-dir', '.output/firefox-mv3', '--self-hosted', '--warnings-as-errors']);
  step('zip', 'npx', ['wxt', 'zip']);
  step('end-to-end tests', 'npx', ['playwright', 'test'], { CHROMIUM_PATH: chromium, PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightJson });
} else {
  console.error('\nA build failed: skipping lint, zip and end-to-end tests.');
}

const readJson = (file) => (fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')) : undefined);
const vitest = readJson(vitestJson);
const playwright = readJson(playwrightJson);
fs.rmSync(reports, { recursive: true, force: true });
const unit = { passed: vitest?.numPassedTests ?? 0, failed: vitest?.numFailedTests ?? 0 };
const e2e = { passed: (playwright?.stats.expected ?? 0) + (playwright?.stats.flaky ?? 0), failed: playwright?.stats.unexpected ?? 0 };

const output = (file) => path.join(ROOT, '.output', file);
const kB = (file) => (fs.existsSync(file) ? `${(fs.statSync(file).size / 1024).toFixed(1)} kB` : 'missing');
const zip = fs.existsSync(output('')) ? fs.readdirSync(output('')).find((f) => f.endsWith('-chrome.zip')) : undefined;
console.log(
  `\nRelease Chrome build: content script ${kB(output('chrome-mv3/content-scripts/github.js'))}, background ${kB(output('chrome-mv3/background.js'))}, zip ${zip ? kB(output(zip)) : 'missing'}`,
);
console.log(`Unit: ${unit.passed} passed, ${unit.failed} failed. End-to-end: ${e2e.passed} passed, ${e2e.failed} failed.`);
if (failedSteps.length) console.log(`Failed steps: ${failedSteps.join(', ')}`);
console.log(`Wall time: ${Math.round((Date.now() - started) / 1000)} s`);

// A test step that failed without failing tests (crashed, no report) still counts once.
const stepFailures = failedSteps.filter((s) => !(s === 'unit tests' && unit.failed) && !(s === 'end-to-end tests' && e2e.failed)).length;
const failed = unit.failed + e2e.failed + stepFailures;
console.log(`${unit.passed + e2e.passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
