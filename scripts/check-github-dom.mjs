// `npm run check:github-dom -- [url…] [--storage-state <file>]`: opens real GitHub commit lists
// and pull requests' Commits tabs in Chromium and prints, for every selector of
// lib/page/selectors.ts, which variant matched and how many times — whoever has network can tell
// within a minute whether GitHub's markup moved. `--storage-state` (Playwright's format) signs in.
import { ensureDependencies, findChromium } from './env.mjs';

ensureDependencies();
process.env.CHROMIUM_PATH = await findChromium();
const { register } = await import('tsx/esm/api');
register();
const { checkGitHubDomCli } = await import('./check-github-dom-browser.ts');
process.exit((await checkGitHubDomCli(process.argv.slice(2))) ? 0 : 1);
