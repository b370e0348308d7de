// Screenshots of every lab screen for docs/lab.md: builds the lab, serves it on 127.0.0.1 and saves, for each screen,
// its first viewport at 1280×800 (laptop) and 375×812 (phone) to docs/screenshots/<screen>-1280.png and
// <screen>-375.png. Debian's /usr/bin/chromium via playwright-core (never a downloaded browser).
// Usage: npm run screenshots
import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { serve } from './serve-web.mjs';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const out = fileURLToPath(new URL('../docs/screenshots/', import.meta.url));
const sizes = [
  { name: '1280', width: 1280, height: 800 },
  { name: '375', width: 375, height: 812 },
];

await build({ configFile: fileURLToPath(new URL('../web/vite.config.ts', import.meta.url)), logLevel: 'error' });
const { server, url } = await serve(fileURLToPath(new URL('../web/dist', import.meta.url)), 0);
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
mkdirSync(out, { recursive: true });
try {
  const probe = await browser.newPage();
  await probe.goto(url);
  await probe.waitForFunction(() => document.documentElement.getAttribute('data-lab-ready') === 'true');
  const screens = await probe.evaluate(() => window.__lab.screens);
  await probe.close();
  for (const size of sizes) {
    for (const screen of screens) {
      const page = await browser.newPage({ viewport: { width: size.width, height: size.height }, reducedMotion: 'reduce' });
      await page.goto(`${url}#${screen}`);
      await page.waitForFunction(
        (screen) => {
          const panel = document.getElementById(`panel-${screen}`);
          return panel && !panel.hidden && panel.getAttribute('data-state') !== 'running';
        },
        screen,
        { timeout: 60_000 },
      );
      await page.waitForTimeout(600);
      const path = `${out}${screen}-${size.name}.png`;
      await page.screenshot({ path });
      console.log(`saved ${path}`);
      await page.close();
    }
  }
} finally {
  await browser.close();
  server.close();
}
