// `npm run bench`: builds the release extension, then measures what a user pays for it —
// bundle sizes, requests per commit-list view, time until every row carries its cell — in real
// Chromium against the fake GitHub (real git underneath), and prints them against the budgets.
import { ensureDependencies, fail, findChromium, run } from './env.mjs';

ensureDependencies();
process.env.CHROMIUM_PATH = await findChromium();
if (!run('npx', ['wxt', 'build'])) fail('The build failed: see above.');
if (!run('npx', ['wxt', 'zip'])) fail('The zip failed: see above.');
const { register } = await import('tsx/esm/api');
register();
const { runBench } = await import('./bench-browser.ts');
process.exit((await runBench()) ? 0 : 1);
