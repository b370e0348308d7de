/**
 * Browser tests of the plots, exports, hold-and-compare and links (issue 8, items 3, 6 and 7): round ticks with
 * numbers on every axis, the phase plane drawn at its displayed size, exports with a white background, title,
 * legend, round ticks and no cursor, a kept run overlaid and exported, and bad addresses opening a working screen
 * at a corrected address. Screenshots go to web/screenshots/.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { SCREENSHOTS, startLab, type Lab, openLabPage, screenSettled } from './browser-harness.js';
import { formatHash, resolveHash, type ScreenSpecs } from './src/params.js';
import { AP_SPECS } from './src/screens/action-potential/model.js';
import { PROPAGATION_SPECS } from './src/screens/propagation/model.js';
import { PUMP_SPECS } from './src/screens/pump/model.js';
import { RESTING_SPECS } from './src/screens/resting/model.js';
import { SYNAPSE_SPECS } from './src/screens/synapses/model.js';

const SCREENS: readonly ScreenSpecs[] = [
  { id: 'resting', specs: RESTING_SPECS },
  { id: 'action-potential', specs: AP_SPECS },
  { id: 'propagation', specs: PROPAGATION_SPECS },
  { id: 'synapses', specs: SYNAPSE_SPECS },
  { id: 'pump', specs: PUMP_SPECS },
];
let lab: Lab;
const problems: string[] = [];

const openPage = (hash: string, width = 1280): Promise<Page> => openLabPage(lab, hash, problems, { width });
const settled = (page: Page, screen: string, runsBefore = -1): Promise<void> => screenSettled(page, screen, runsBefore, 30_000);



/** A tick label back to a number: true minus, "a × 10ⁿ" and "10ⁿ". */
function labelValue(label: string): number {
  const superscripts: Record<string, string> = { '⁻': '-', '⁰': '0', '¹': '1', '²': '2', '³': '3', '⁴': '4', '⁵': '5', '⁶': '6', '⁷': '7', '⁸': '8', '⁹': '9' };
  const text = label.replace(/\u2212/g, '-');
  const power = /^(-?)(?:([\d.]+) × )?10([⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+)$/.exec(text);
  if (power) return (power[1] ? -1 : 1) * Number(power[2] ?? 1) * Math.pow(10, Number([...power[3]].map((c) => superscripts[c]).join('')));
  return Number(text);
}

/** Asserts round (1, 2, 5 × 10ⁿ), evenly spaced tick labels, at least `minimum` of them. */
function expectRoundTicks(labels: readonly string[], minimum: number, where: string): void {
  expect(labels.length, `${where}: ${labels.join(' ')}`).toBeGreaterThanOrEqual(minimum);
  const values = labels.map(labelValue);
  for (const value of values) expect(Number.isFinite(value), `${where}: ${labels.join(' ')}`).toBe(true);
  const step = values[1] - values[0];
  expect(step).toBeGreaterThan(0);
  const mantissa = Number((step / Math.pow(10, Math.floor(Math.log10(step) + 1e-9))).toPrecision(6));
  expect([1, 2, 5], `${where}: step ${step}`).toContain(mantissa);
  for (let i = 1; i < values.length; i++) expect(Math.abs(values[i] - values[i - 1] - step), `${where}: ${labels.join(' ')}`).toBeLessThan(step * 1e-6);
  for (const value of values) expect(Math.abs(value / step - Math.round(value / step))).toBeLessThan(1e-6); // multiples of the step
}

const ticksOf = async (page: Page, selector: string, axis: 'x' | 'y') => ((await page.getAttribute(selector, `data-${axis}-ticks`)) ?? '').split('|').filter((label) => label !== '');

async function downloadOf(page: Page, button: string): Promise<Buffer> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(button)]);
  const path = await download.path();
  return readFileSync(path);
}

beforeAll(async () => {
  lab = await startLab();
}, 120_000);

afterAll(async () => {
  await lab?.close();
});

describe('links: any address opens a working lab', () => {
  it('shows a working screen at the corrected address for malformed, unknown, hexadecimal and repeated-? addresses', async () => {
    const cases = ['#%', '#action-potential?count=0x10&%zz', '#nowhere?x=1', '#action-potential??count=2.5?mode=train', '#pump?ouabain=Infinity&duration_h=1e999'];
    for (const address of cases) {
      const before = problems.length;
      const page = await openPage(address);
      const resolved = resolveHash(address, SCREENS);
      await settled(page, resolved.screen);
      if (resolved.screen !== 'resting') expect(await page.getAttribute(`#panel-${resolved.screen}`, 'data-state'), address).toBe('done');
      expect(await page.getAttribute(`#tab-${resolved.screen}`, 'aria-selected')).toBe('true');
      const specs = SCREENS.find((screen) => screen.id === resolved.screen)!.specs;
      const expected = formatHash(resolved.screen, specs, resolved.values ?? Object.fromEntries(specs.map((spec) => [spec.key, spec.default])));
      expect(await page.evaluate(() => location.hash), address).toBe(expected);
      expect(problems.slice(before), address).toEqual([]);
      await page.close();
    }
    const repeated = resolveHash('#action-potential??count=2.5?mode=train', SCREENS).values!;
    expect(repeated.count).toBe(3);
    expect(repeated.mode).toBe('train');
    expect(resolveHash('#action-potential?count=0x10&%zz', SCREENS).values?.count).toBe(5);
  });
});

describe('plots: round ticks with numbers on every axis', () => {
  it('labels every time plot, the clamp current, the refractory plot and the phase plane with round, evenly spaced ticks', async () => {
    const page = await openPage('#action-potential');
    await settled(page, 'action-potential');
    for (const id of ['ap-plot-v', 'ap-plot-stim', 'ap-plot-gates', 'ap-plot-currents', 'ap-plot-conductances']) {
      expectRoundTicks(await ticksOf(page, `#${id}`, 'x'), 3, `${id} x`);
      expectRoundTicks(await ticksOf(page, `#${id}`, 'y'), 2, `${id} y`);
    }
    // The phase plane: drawn at its displayed size × devicePixelRatio, round ticks (not −68, −36, −4, 28).
    const phase = await page.evaluate(() => {
      const canvas = document.querySelector('#ap-phase canvas') as HTMLCanvasElement;
      return { width: canvas.width, height: canvas.height, cssWidth: canvas.clientWidth, cssHeight: canvas.clientHeight, ratio: devicePixelRatio };
    });
    expect(Math.abs(phase.width - phase.cssWidth * phase.ratio)).toBeLessThanOrEqual(1);
    expect(Math.abs(phase.height - phase.cssHeight * phase.ratio)).toBeLessThanOrEqual(1);
    expectRoundTicks(await ticksOf(page, '#ap-phase canvas', 'x'), 4, 'phase x');
    expectRoundTicks(await ticksOf(page, '#ap-phase canvas', 'y'), 3, 'phase y');
    await page.screenshot({ path: `${SCREENSHOTS}plots-ap-1280.png`, fullPage: true });
    await page.locator('#ap-phase').screenshot({ path: `${SCREENSHOTS}plots-ap-phase-1280.png` });
    // Voltage clamp: the clamp current plot has several ticks, not a single "0".
    let runs = Number(await page.getAttribute('#panel-action-potential', 'data-run-count'));
    await page.selectOption('#ap-mode', 'vclamp');
    await settled(page, 'action-potential', runs);
    await page.waitForTimeout(100);
    expectRoundTicks(await ticksOf(page, '#ap-plot-stim', 'y'), 3, 'clamp current y');
    expectRoundTicks(await ticksOf(page, '#ap-plot-v', 'y'), 3, 'clamp Vm y');
    // The refractory plot has numbers on its y axis.
    runs = Number(await page.getAttribute('#panel-action-potential', 'data-run-count'));
    await page.selectOption('#ap-mode', 'pulse');
    await settled(page, 'action-potential', runs);
    await page.waitForFunction(() => /nA/.test(document.querySelector('#ap-current-threshold')?.textContent ?? ''), undefined, { timeout: 30_000 });
    await page.click('#ap-refractory-button');
    await page.waitForFunction(() => !(document.querySelector('#ap-plot-refractory') as HTMLElement).hidden && document.querySelector('#ap-plot-refractory')?.getAttribute('data-y-ticks'), undefined, { timeout: 60_000 });
    expectRoundTicks(await ticksOf(page, '#ap-plot-refractory', 'y'), 3, 'refractory y');
    expectRoundTicks(await ticksOf(page, '#ap-plot-refractory', 'x'), 3, 'refractory x');
    // A phone: still round ticks, the phase plane redrawn at its new size.
    await page.setViewportSize({ width: 375, height: 812 });
    await page.waitForTimeout(300);
    const narrow = await page.evaluate(() => {
      const canvas = document.querySelector('#ap-phase canvas') as HTMLCanvasElement;
      return { width: canvas.width, cssWidth: canvas.clientWidth, ratio: devicePixelRatio };
    });
    expect(Math.abs(narrow.width - narrow.cssWidth * narrow.ratio)).toBeLessThanOrEqual(1);
    expectRoundTicks(await ticksOf(page, '#ap-plot-v', 'x'), 2, 'ap v x at 375 px');
    expectRoundTicks(await ticksOf(page, '#ap-phase canvas', 'x'), 2, 'phase x at 375 px');
    await page.screenshot({ path: `${SCREENSHOTS}plots-ap-375.png`, fullPage: true });
    await page.locator('#ap-plot-v').screenshot({ path: `${SCREENSHOTS}plots-ap-v-375.png` });
    await page.locator('#ap-phase').screenshot({ path: `${SCREENSHOTS}plots-ap-phase-375.png` });
    await page.close();
    expect(problems).toEqual([]);
  });
});

describe('exports and hold and compare', () => {
  it('exports an SVG with white background, title, legend, round ticks, clear axis labels; a PNG with no cursor', async () => {
    const page = await openPage('#action-potential');
    await settled(page, 'action-potential');
    const svgText = (await downloadOf(page, '#ap-plot-v button[aria-label$="as SVG"]')).toString('utf8');
    writeFileSync(`${SCREENSHOTS}export-ap-plot-v.svg`, svgText);
    expect(svgText).toMatch(/<rect[^>]*fill="#ffffff"/);
    expect(svgText).toContain('>Membrane potential<');
    expect(svgText).toContain('>Vm (mV)<'); // legend entry (and the y label)
    const numbers = [...svgText.matchAll(/<text[^>]*text-anchor="end"[^>]*>([^<]+)<\/text>/g)].map((match) => match[1]);
    expectRoundTicks(numbers, 4, 'SVG y ticks');
    const xNumbers = [...svgText.matchAll(/<text[^>]*y="(\d+(?:\.\d+)?)"[^>]*text-anchor="middle"[^>]*>([^<]+)<\/text>/g)].map((match) => match[2]).filter((label) => /^[\d−.]/.test(label));
    expectRoundTicks(xNumbers, 4, 'SVG x ticks');
    // The y label sits left of the tick numbers, which sit left of the plot frame (clear of the data).
    const frame = /<rect x="(\d+(?:\.\d+)?)" y="(\d+(?:\.\d+)?)" width="(\d+(?:\.\d+)?)" height="(\d+(?:\.\d+)?)" fill="none"/.exec(svgText)!;
    const yLabel = /<text x="(\d+(?:\.\d+)?)"[^>]*transform="rotate\(-90[^>]*>Vm \(mV\)<\/text>/.exec(svgText)!;
    expect(Number(yLabel[1])).toBeLessThan(Number(frame[1]) - 30);
    // Chromium renders it: screenshot for review.
    const viewer = await lab.browser.newPage({ viewport: { width: 820, height: 380 } });
    await viewer.setContent(`<body style="margin:0;background:#888">${svgText}</body>`);
    await viewer.screenshot({ path: `${SCREENSHOTS}export-ap-plot-v-svg.png` });
    await viewer.close();
    // PNG while the replay cursor is drawn on the screen: white, no cursor red.
    await page.click('button:text("Replay")');
    await page.waitForTimeout(400);
    const png = await downloadOf(page, '#ap-plot-v button[aria-label$="as PNG"]');
    writeFileSync(`${SCREENSHOTS}export-ap-plot-v.png`, png);
    const pixels = await page.evaluate(async (bytes) => {
      const bitmap = await createImageBitmap(new Blob([new Uint8Array(bytes)], { type: 'image/png' }));
      const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
      const context = canvas.getContext('2d')!;
      context.drawImage(bitmap, 0, 0);
      const data = context.getImageData(0, 0, bitmap.width, bitmap.height).data;
      let red = 0, transparent = 0;
      for (let i = 0; i < data.length; i += 4) {
        if (data[i + 3] < 255) transparent++;
        if (data[i] > 170 && data[i + 1] < 40 && data[i + 2] < 40) red++;
      }
      return { width: bitmap.width, corner: [...data.slice(0, 4)], red, transparent };
    }, [...png]);
    expect(pixels.width).toBe(1600);
    expect(pixels.corner).toEqual([255, 255, 255, 255]);
    expect(pixels.transparent).toBe(0);
    expect(pixels.red).toBe(0);
    // The phase plane exports too.
    const phaseSvg = (await downloadOf(page, '#ap-phase button[aria-label$="as SVG"]')).toString('utf8');
    expect(phaseSvg).toContain('Phase plane');
    await page.close();
    expect(problems).toEqual([]);
  });

  it('keeps a run and overlays the next on every time plot, in the legend and the exports; the x axis covers both', async () => {
    const page = await openPage('#action-potential?duration=100');
    await settled(page, 'action-potential');
    await page.click('#ap-keep');
    expect(await page.textContent('#announcer')).toMatch(/kept/i);
    let runs = Number(await page.getAttribute('#panel-action-potential', 'data-run-count'));
    await page.fill('#ap-ttx-number', '10');
    await page.press('#ap-ttx-number', 'Enter');
    await settled(page, 'action-potential', runs);
    runs = Number(await page.getAttribute('#panel-action-potential', 'data-run-count'));
    await page.fill('#ap-duration-number', '50');
    await page.press('#ap-duration-number', 'Enter');
    await settled(page, 'action-potential', runs);
    for (const id of ['ap-plot-v', 'ap-plot-stim', 'ap-plot-gates', 'ap-plot-currents', 'ap-plot-conductances']) {
      expect(await page.getAttribute(`#${id}`, 'data-kept'), id).toBe('true');
      // The kept run (100 ms) is longer than the live one (50 ms): the x axis reaches 100.
      const xTicks = (await ticksOf(page, `#${id}`, 'x')).map(labelValue);
      expect(Math.max(...xTicks), id).toBeGreaterThanOrEqual(100);
    }
    const legend = await page.textContent('#ap-plot-v .u-legend');
    expect(legend).toContain('kept: Vm (mV)');
    const note = await page.textContent('#ap-plot-v .plot-kept');
    expect(note).toContain('Run length 100 ms');
    const svgText = (await downloadOf(page, '#ap-plot-v button[aria-label$="as SVG"]')).toString('utf8');
    expect(svgText).toContain('kept: Vm (mV)');
    expect(svgText).toContain('Run length 100 ms');
    expect(svgText).toContain('stroke="#8C8C8C"');
    const csv = (await downloadOf(page, '#ap-plot-v button[aria-label$="as CSV"]')).toString('utf8');
    const header = csv.split('\n')[0];
    expect(header).toContain('kept: Vm (mV) [Run length 100 ms]');
    expect(csv.trim().split('\n').length).toBeGreaterThan(4000); // 100 ms at 0.025 ms: the kept run's samples too
    await page.screenshot({ path: `${SCREENSHOTS}hold-compare-ap-1280.png`, fullPage: true });
    const png = await downloadOf(page, '#ap-plot-v button[aria-label$="as PNG"]');
    writeFileSync(`${SCREENSHOTS}export-ap-plot-v-kept.png`, png);
    await page.click('#ap-clear-kept');
    expect(await page.getAttribute('#ap-plot-v', 'data-kept')).toBeNull();
    expect(await page.textContent('#ap-plot-v .u-legend')).not.toContain('kept:');
    // Synapses and pump have the buttons too.
    for (const [screen, prefix] of [['synapses', 'syn'], ['pump', 'pump']] as const) {
      const other = await openPage(`#${screen}`);
      await settled(other, screen);
      if ((await other.$(`#${prefix}-keep`)) === null) {
        await other.close();
        continue; // the pump screen without its mechanisms has no plots
      }
      await other.click(`#${prefix}-keep`);
      expect(await other.locator(`#panel-${screen} figure.plot[data-kept="true"]`).count(), screen).toBeGreaterThan(0);
      await other.close();
    }
    await page.close();
    expect(problems).toEqual([]);
  });
});
