/**
 * Browser-test support: builds the lab with Vite's JS API, serves web/dist on a loopback port (scripts/serve-web.mjs)
 * and launches Debian's Chromium through playwright-core. Never downloads a browser: when /usr/bin/chromium is
 * missing it runs `apt-get install -y chromium` and fails with a clear message if that fails.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Server } from 'node:http';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { build } from 'vite';

export const CHROMIUM = '/usr/bin/chromium';
export const WEB = fileURLToPath(new URL('.', import.meta.url));
export const SCREENSHOTS = fileURLToPath(new URL('./screenshots/', import.meta.url));
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export function ensureChromium(): string {
  if (existsSync(CHROMIUM)) return CHROMIUM;
  const environment = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  let result = spawnSync('apt-get', ['install', '-y', '-q', 'chromium'], { stdio: 'inherit', env: environment });
  if (result.status !== 0) {
    // A fresh machine may have no package lists yet.
    spawnSync('apt-get', ['update', '-q'], { stdio: 'inherit', env: environment });
    result = spawnSync('apt-get', ['install', '-y', '-q', 'chromium'], { stdio: 'inherit', env: environment });
  }
  if (result.status !== 0 || !existsSync(CHROMIUM)) {
    throw new Error(`Chromium is missing at ${CHROMIUM} and "apt-get install -y chromium" failed (status ${result.status ?? result.error?.message}); install Debian's chromium package (the tests never download a browser).`);
  }
  return CHROMIUM;
}

export interface Lab {
  readonly url: string;
  readonly browser: Browser;
  close(): Promise<void>;
}

export async function startLab(): Promise<Lab> {
  const executablePath = ensureChromium();
  // Each test file builds its own copy into a fresh temporary folder: test files run in parallel, and one file's
  // build must never empty the folder another file's page is loading from.
  const outDir = mkdtempSync(join(tmpdir(), 'membrane-lab-'));
  await build({ configFile: fileURLToPath(new URL('./vite.config.ts', import.meta.url)), logLevel: 'error', build: { outDir, emptyOutDir: true } });
  const serverModule = pathToFileURL(fileURLToPath(new URL('../scripts/serve-web.mjs', import.meta.url))).href;
  const { serve } = (await import(serverModule)) as { serve: (directory: string, port: number) => Promise<{ server: Server; url: string }> };
  const { server, url } = await serve(outDir, 0);
  const browser = await chromium.launch({ executablePath, args: CHROMIUM_ARGS });
  mkdirSync(SCREENSHOTS, { recursive: true });
  return {
    url,
    browser,
    async close() {
      await browser.close();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      rmSync(outDir, { recursive: true, force: true });
    },
  };
}

export interface LabPageOptions {
  readonly width?: number;
  readonly height?: number;
  readonly reducedMotion?: 'reduce' | 'no-preference';
}

/**
 * A new page of the lab at `hash` (e.g. `#action-potential?ttx=10`). Console errors and uncaught page errors are
 * collected into `problems`, which each test then expects to be empty.
 */
export async function openLabPage(lab: Lab, hash: string, problems: string[], options: LabPageOptions = {}): Promise<Page> {
  const page = await lab.browser.newPage({
    viewport: { width: options.width ?? 1280, height: options.height ?? 900 },
    reducedMotion: options.reducedMotion ?? 'no-preference',
    acceptDownloads: true,
  });
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`${hash}: console error: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`${hash}: page error: ${error.message}`));
  await page.goto(`${lab.url}${hash}`);
  return page;
}

/**
 * Waits until a screen is visible and its latest run has finished: `data-state` done, error or out-of-range (the
 * resting screen computes at once: its GHK readout is there; the practice screen has no runs). With `runsBefore`,
 * waits for a run after that count (`data-run-count`).
 */
export async function screenSettled(page: Page, screen: string, runsBefore = -1, timeout = 60_000): Promise<void> {
  await page.waitForFunction(
    ({ screen, runsBefore }) => {
      const panel = document.getElementById(`panel-${screen}`);
      if (!panel || panel.hidden) return false;
      if (screen === 'resting') return Boolean(document.querySelector('#rest-ghk[data-ghk-mv]'));
      if (runsBefore >= 0 && Number(panel.getAttribute('data-run-count') ?? 0) <= runsBefore) return false;
      const state = panel.getAttribute('data-state');
      return state === null ? screen === 'practice' : state === 'done' || state === 'error' || state === 'out-of-range';
    },
    { screen, runsBefore },
    { timeout },
  );
}
