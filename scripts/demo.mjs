// `npm run demo`: builds the extension, serves the sample DVC project as GitHub pages on
// 127.0.0.1, and opens Chromium with the extension on its commit list. Without a display it runs
// headless, writes screenshots and says where. Only node: imports at the top: on a fresh clone
// node_modules appears in ensureDependencies(), so everything from it is imported after.
import { ensureDependencies, fail, findChromium, run } from './env.mjs';

ensureDependencies();
process.env.CHROMIUM_PATH = await findChromium();
if (!run('npx', ['wxt', 'build'])) fail('The build failed: see above.');
const { register } = await import('tsx/esm/api');
register();
const { runDemo } = await import('./demo-browser.ts');
await runDemo({ headless: process.argv.includes('--headless') || !(process.env.DISPLAY || process.env.WAYLAND_DISPLAY) });
