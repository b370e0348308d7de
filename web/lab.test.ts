/**
 * Browser tests of the lab: Vite builds it, scripts/serve-web.mjs serves web/dist on a loopback port and Debian's
 * Chromium (playwright-core) drives it. Figures read back from the page are compared with the library run in Node on
 * the same models. Screenshots of every screen go to web/screenshots/ (git-ignored).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { ghkPotential } from '../src/core/index.js';
import { simulate } from '../src/engine/index.js';
import { ZERO_CELSIUS } from '../src/units/index.js';
import { SCREENSHOTS, startLab, type Lab, openLabPage, screenSettled } from './browser-harness.js';
import { runSpaceTime, runTimelapse } from './src/jobs.js';
import { parseHash, valuesFromUrl } from './src/params.js';
import { AP_SPECS, buildActionPotentialModel } from './src/screens/action-potential/model.js';
import { buildPropagation, PROPAGATION_SPECS } from './src/screens/propagation/model.js';
import { buildPumpSegments, PUMP_AVAILABLE, PUMP_SPECS } from './src/screens/pump/model.js';
import { RESTING_SPECS } from './src/screens/resting/model.js';

const SCREENS = ['resting', 'action-potential', 'propagation', 'synapses', 'pump'];
let lab: Lab;
const problems: string[] = [];

const openPage = (hash: string, width = 1280): Promise<Page> => openLabPage(lab, hash, problems, { width });
const settled = (page: Page, screen: string, runsBefore = -1): Promise<void> => screenSettled(page, screen, runsBefore, 30_000);



const stateOf = (hash: string) => parseHash(hash);

beforeAll(async () => {
  lab = await startLab();
}, 120_000);

afterAll(async () => {
  await lab?.close();
});

describe('the lab in Chromium', () => {
  it('loads every screen with no console error and saves a screenshot of each (desktop and 375 px)', async () => {
    for (const screen of SCREENS) {
      const page = await openPage(`#${screen}`);
      await settled(page, screen);
      expect(await page.getAttribute(`#panel-${screen}`, 'data-state')).not.toBe('error');
      expect(await page.getAttribute(`#tab-${screen}`, 'aria-selected')).toBe('true');
      await page.screenshot({ path: `${SCREENSHOTS}${screen}.png`, fullPage: true });
      await page.setViewportSize({ width: 375, height: 800 });
      await page.waitForTimeout(150);
      // Nothing wider than the phone's screen.
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
      await page.screenshot({ path: `${SCREENSHOTS}${screen}-375.png`, fullPage: false });
      await page.close();
    }
    expect(problems).toEqual([]);
  });

  it('shows an action potential whose peak matches the library simulate of the same model within 0.01 mV', async () => {
    const page = await openPage('#action-potential?mode=pulse&amplitude=0.3&width=1&temperature=6.3&duration=30');
    await settled(page, 'action-potential');
    const peak = Number(await page.getAttribute('#ap-peak', 'data-peak-mv'));
    const values = valuesFromUrl(AP_SPECS, stateOf(await page.evaluate(() => location.hash)).values);
    const result = simulate(buildActionPotentialModel(values));
    const v = result.traces.find((trace) => trace.id === 'v')!.values;
    const expected = Math.max(...v);
    expect(expected).toBeGreaterThan(20); // an action potential, not a bump
    expect(Math.abs(peak - expected)).toBeLessThan(0.01);
    expect(Number(await page.getAttribute('#ap-spikes', 'data-spike-count'))).toBe(result.spikes[0].times.length);
    // TTX abolishes it.
    const runs = Number(await page.getAttribute('#panel-action-potential', 'data-run-count'));
    await page.fill('#ap-ttx-number', '100');
    await page.press('#ap-ttx-number', 'Enter');
    await settled(page, 'action-potential', runs);
    expect(Number(await page.getAttribute('#ap-peak', 'data-peak-mv'))).toBeLessThan(0);
    await page.close();
    expect(problems).toEqual([]);
  });

  it('moves the GHK value to the figure ghkPotential gives when a slider moves (keyboard)', async () => {
    const page = await openPage('#resting');
    await settled(page, 'resting');
    const before = Number(await page.getAttribute('#rest-ghk', 'data-ghk-mv'));
    await page.focus('#rest-k_out');
    for (let i = 0; i < 20; i++) await page.keyboard.press('ArrowRight');
    await page.waitForFunction((before) => Number(document.querySelector('#rest-ghk')?.getAttribute('data-ghk-mv')) !== before, before);
    const shown = Number(await page.getAttribute('#rest-ghk', 'data-ghk-mv'));
    const values = valuesFromUrl(RESTING_SPECS, stateOf(await page.evaluate(() => location.hash)).values);
    expect(Number(values.k_out)).toBeGreaterThan(5);
    const ions = [
      { valence: 1, inside: Number(values.k_in), outside: Number(values.k_out), permeability: 1 },
      { valence: 1, inside: Number(values.na_in), outside: Number(values.na_out), permeability: Number(values.p_na) },
      { valence: -1, inside: Number(values.cl_in), outside: Number(values.cl_out), permeability: Number(values.p_cl) },
      { valence: 2, inside: Number(values.ca_in), outside: Number(values.ca_out), permeability: Number(values.p_ca) },
    ].filter((ion) => ion.permeability > 0);
    const expected = ghkPotential(ions, Number(values.temperature) + ZERO_CELSIUS);
    expect(shown).toBeGreaterThan(before); // more outside K+ depolarises
    expect(Math.abs(shown - expected)).toBeLessThan(1e-9);
    const text = await page.getAttribute('#rest-k_out', 'aria-valuetext');
    expect(text).toMatch(/ mM$/);
    await page.close();
    expect(problems).toEqual([]);
  });

  it('round-trips the state through the URL, and back/forward restore it', async () => {
    const page = await openPage('#action-potential');
    await settled(page, 'action-potential');
    let runs = Number(await page.getAttribute('#panel-action-potential', 'data-run-count'));
    await page.selectOption('#ap-mode', 'train');
    await settled(page, 'action-potential', runs);
    runs = Number(await page.getAttribute('#panel-action-potential', 'data-run-count'));
    await page.fill('#ap-interval-number', '7.5');
    await page.press('#ap-interval-number', 'Enter');
    await settled(page, 'action-potential', runs);
    const hash = await page.evaluate(() => location.hash);
    expect(hash).toContain('mode=train');
    expect(hash).toContain('interval=7.5');
    const peak = await page.getAttribute('#ap-peak', 'data-peak-mv');
    const spikes = await page.getAttribute('#ap-spikes', 'data-spike-count');
    // A fresh page from the link: same controls, same results.
    const copy = await openPage(hash);
    await settled(copy, 'action-potential');
    expect(await copy.inputValue('#ap-mode')).toBe('train');
    expect(Number(await copy.inputValue('#ap-interval-number'))).toBe(7.5);
    expect(await copy.getAttribute('#ap-peak', 'data-peak-mv')).toBe(peak);
    expect(await copy.getAttribute('#ap-spikes', 'data-spike-count')).toBe(spikes);
    await copy.close();
    // Back: the interval change is undone; forward: it returns.
    await page.goBack();
    await page.waitForFunction(() => !location.hash.includes('interval=7.5'));
    expect(Number(await page.inputValue('#ap-interval-number'))).toBe(10);
    await page.goForward();
    await page.waitForFunction(() => location.hash.includes('interval=7.5'));
    expect(Number(await page.inputValue('#ap-interval-number'))).toBe(7.5);
    // Tabs: arrow keys move between screens and the URL follows.
    await page.focus('#tab-action-potential');
    await page.keyboard.press('ArrowRight');
    await page.waitForFunction(() => location.hash.startsWith('#propagation'));
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('tab-propagation');
    await page.close();
    expect(problems).toEqual([]);
  });

  it('measures the conduction velocity the library measures on the same axon', async () => {
    const page = await openPage('#propagation?fibre=unmyelinated&diameter=10&temperature=20&length=20&compartments=1000');
    await settled(page, 'propagation');
    const shown = Number(await page.getAttribute('#prop-velocity', 'data-velocity'));
    const setup = buildPropagation(valuesFromUrl(PROPAGATION_SPECS, stateOf(await page.evaluate(() => location.hash)).values));
    const expected = runSpaceTime({ model: setup.model, positions: setup.positions, isNode: setup.isNode }).velocity?.metresPerSecond ?? NaN;
    expect(expected).toBeGreaterThan(1);
    expect(Math.abs(shown - expected) / expected).toBeLessThan(1e-9);
    await page.close();
    expect(problems).toEqual([]);
  });

  it.runIf(PUMP_AVAILABLE)('runs the pump time-lapse to the voltage the library gives', async () => {
    const page = await openPage('#pump');
    await settled(page, 'pump');
    const shown = Number(await page.getAttribute('#pump-end', 'data-end-v'));
    const values = valuesFromUrl(PUMP_SPECS, stateOf(await page.evaluate(() => location.hash)).values);
    const frame = runTimelapse({ segments: buildPumpSegments(values), carry: ['na', 'k'] });
    const v = frame.traces.find((trace) => trace.id === 'v')!.values;
    expect(Math.abs(shown - v[v.length - 1])).toBeLessThan(1e-6);
    await page.close();
    expect(problems).toEqual([]);
  });
});
