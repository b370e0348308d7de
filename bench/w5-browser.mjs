// W5 of ../shared/BENCHMARKS.md: the browser lab in headless Chromium (Debian's /usr/bin/chromium via playwright-core).
//  1. From a slider change to the redrawn plot of a 200 ms single-compartment HH run: the page times it from the
//     slider's input event to the end of the membrane-potential plot's redraw (data-latency-ms); median of 10.
//     Target below 33 ms (issue 8).
//  2. Frames per second of the propagation view (1000-compartment axon, space-time heat map and V(x) profile
//     animated with requestAnimationFrame), counted over 3 s of wall-clock time. Target 60.
//  3. Frames per second of the membrane animation (ions crossing channels, gates, pump) on the action-potential,
//     resting, synapses and pump screens while a run plays: frames it rendered (its data-frames) over 2 s of
//     wall-clock time after 0.5 s of warm-up. Target 55 or more.
// Usage: node bench/w5-browser.mjs [--json]
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { build } from 'vite';
import { serve } from '../scripts/serve-web.mjs';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const json = process.argv.includes('--json');
if (!existsSync(CHROMIUM)) {
  console.error(`W5: ${CHROMIUM} is missing; install Debian's chromium package (apt-get install -y chromium).`);
  process.exit(1);
}

await build({ configFile: fileURLToPath(new URL('../web/vite.config.ts', import.meta.url)), logLevel: 'error' });
const { server, url } = await serve(fileURLToPath(new URL('../web/dist', import.meta.url)), 0);
const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

try {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(`${url}#action-potential?mode=pulse&amplitude=0.3&width=1&temperature=6.3&duration=200`);
  const done = (runs) =>
    page.waitForFunction((runs) => {
      const panel = document.getElementById('panel-action-potential');
      return panel && Number(panel.getAttribute('data-run-count') ?? 0) > runs && panel.getAttribute('data-state') === 'done' && panel.getAttribute('data-latency-ms');
    }, runs, { timeout: 30_000 });
  await page.waitForFunction(() => document.getElementById('panel-action-potential')?.getAttribute('data-state') === 'done', undefined, { timeout: 30_000 });
  await page.focus('#ap-amplitude');
  const latencies = [];
  const engine = [];
  for (let i = 0; i < 12; i++) {
    const runs = Number(await page.getAttribute('#panel-action-potential', 'data-run-count'));
    await page.evaluate(() => document.getElementById('panel-action-potential')?.removeAttribute('data-latency-ms'));
    await page.keyboard.press(i % 2 === 0 ? 'ArrowRight' : 'ArrowLeft');
    await done(runs);
    const latency = Number(await page.getAttribute('#panel-action-potential', 'data-latency-ms'));
    if (i >= 2) {
      // The first two warm the worker's JIT.
      latencies.push(latency);
      engine.push(Number(await page.getAttribute('#panel-action-potential', 'data-engine-wall-ms')));
    }
  }
  await page.goto(`${url}#propagation?fibre=unmyelinated&diameter=10&temperature=20&length=20&compartments=1000`);
  await page.waitForFunction(() => document.getElementById('panel-propagation')?.getAttribute('data-state') === 'done', undefined, { timeout: 60_000 });
  const positions = Number(await page.getAttribute('#panel-propagation', 'data-positions'));
  await page.waitForTimeout(500);
  const fps = await page.evaluate(
    () =>
      new Promise((resolve) => {
        let frames = 0;
        const start = performance.now();
        const tick = () => {
          frames++;
          const elapsed = performance.now() - start;
          if (elapsed < 3000) requestAnimationFrame(tick);
          else resolve(frames / (elapsed / 1000));
        };
        requestAnimationFrame(tick);
      }),
  );
  const viewFps = Number(await page.getAttribute('#panel-propagation', 'data-fps'));
  const membraneAnimation = [];
  for (const [screen, id, hash] of [
    ['action-potential', 'ap-membrane-animation', '#action-potential?mode=train&duration=200'],
    ['resting', 'rest-membrane-animation', '#resting'],
    ['synapses', 'syn-membrane-animation', '#synapses'],
    ['pump', 'pump-membrane-animation', '#pump'],
  ]) {
    await page.goto(`${url}${hash}`);
    await page.waitForFunction((screen) => {
      const panel = document.getElementById(`panel-${screen}`);
      return panel && !panel.hidden && panel.getAttribute('data-state') !== 'running' && (screen === 'resting' || panel.getAttribute('data-state') === 'done');
    }, screen, { timeout: 60_000 });
    await page.click(`#${id}-play`);
    await page.waitForTimeout(500);
    const framesPerSecond = await page.evaluate(
      (id) =>
        new Promise((resolve) => {
          const figure = document.getElementById(id);
          const start = performance.now();
          const startFrames = Number(figure.getAttribute('data-frames'));
          setTimeout(() => resolve((Number(figure.getAttribute('data-frames')) - startFrames) / ((performance.now() - start) / 1000)), 2000);
        }),
      id,
    );
    membraneAnimation.push({ screen, framesPerSecond, stillPlaying: (await page.getAttribute(`#${id}`, 'data-playing')) === 'true' });
  }
  const result = {
    workload: 'W5',
    sliderToPlot200msHH: { medianWallMs: median(latencies), minWallMs: Math.min(...latencies), maxWallMs: Math.max(...latencies), samples: latencies.length, engineMedianWallMs: median(engine), targetWallMs: 33 },
    propagationView: { compartments: positions, framesPerSecond: fps, viewReportedFramesPerSecond: viewFps, target: 60 },
    membraneAnimation: { screens: membraneAnimation, minimumFramesPerSecond: Math.min(...membraneAnimation.map((m) => m.framesPerSecond)), target: 55 },
    browser: `Chromium ${browser.version()} (headless)`,
  };
  if (json) console.log(JSON.stringify(result, null, 2));
  else {
    console.log(`W5 browser lab (${result.browser})`);
    console.log(`  slider change -> redrawn plot, 200 ms HH run: median ${median(latencies).toFixed(1)} ms (min ${Math.min(...latencies).toFixed(1)}, max ${Math.max(...latencies).toFixed(1)}, n = ${latencies.length}; engine ${median(engine).toFixed(1)} ms of it); target < 33 ms`);
    console.log(`  propagation view, ${positions} compartments: ${fps.toFixed(1)} frames/s (view's own count ${viewFps.toFixed(1)}); target 60`);
    console.log(`  membrane animation while a run plays: ${membraneAnimation.map((m) => `${m.screen} ${m.framesPerSecond.toFixed(1)}`).join(', ')} frames/s; target 55`);
  }
} finally {
  await browser.close();
  server.close();
}
