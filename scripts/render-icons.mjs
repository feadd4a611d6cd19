// `node scripts/render-icons.mjs`: renders assets/icon.svg to public/icon/{16,32,48,128}.png in
// Chromium. Run it after editing the SVG and commit the PNGs, so builds need no renderer.
import fs from 'node:fs';
import path from 'node:path';
import { ensureDependencies, findChromium, ROOT } from './env.mjs';

ensureDependencies();
const executablePath = await findChromium();
const { chromium } = await import('@playwright/test');
const svg = fs.readFileSync(path.join(ROOT, 'assets/icon.svg')).toString('base64');
const browser = await chromium.launch({ executablePath });
try {
  for (const size of [16, 32, 48, 128]) {
    const page = await browser.newPage({ viewport: { width: size, height: size } });
    await page.setContent(`<body style="margin:0"><img width="${size}" height="${size}" src="data:image/svg+xml;base64,${svg}"></body>`);
    await page.locator('img').evaluate((img) => img.decode());
    const file = path.join(ROOT, 'public/icon', `${size}.png`);
    await page.screenshot({ path: file, omitBackground: true, clip: { x: 0, y: 0, width: size, height: size } });
    console.log(`${file}: ${fs.statSync(file).size} bytes`);
    await page.close();
  }
} finally {
  await browser.close();
}
