/**
 * Browser tests of the readouts of the Action potential and Synapses screens (issue 8, "every readout right, in
 * every state"): each number the page shows is compared with the library's analysis run in Node on the same model.
 * Each case is a state that was wrong before: threshold and half-width "—" at the defaults, the threshold at rest
 * for spikes that start during the pulse, "Peak Vm" and a spike count under voltage clamp, a threshold current for
 * a membrane that fires on its own, an empty refractory plot, IC50s in mM with a source path, a spike called an
 * EPSP of +104 mV and "131 % less". Screenshots go to web/screenshots/readouts-*.png.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { actionPotentialShape, refractoryPeriods, spontaneousActivity, voltageClampCurrents } from '../src/analysis/index.js';
import { simulate } from '../src/engine/index.js';
import { SCREENSHOTS, startLab, type Lab, openLabPage, screenSettled } from './browser-harness.js';
import { findThreshold } from './src/jobs.js';
import { parseHash, valuesFromUrl } from './src/params.js';
import { AP_CAPACITANCE_NF, AP_DELAY, AP_SPECS, buildActionPotentialModel, buildUnstimulatedModel } from './src/screens/action-potential/model.js';
import { analyseSynapseRun, buildSynapseRuns, describeChange, SYNAPSE_SPECS } from './src/screens/synapses/model.js';

let lab: Lab;
const problems: string[] = [];

const openPage = (hash: string, width = 1280): Promise<Page> => openLabPage(lab, hash, problems, { width });
const settled = (page: Page, screen: string): Promise<void> => screenSettled(page, screen, -1, 30_000);



/** Waits for the AP screen's threshold search (or spontaneous-firing check) to finish. */
async function thresholdSettled(page: Page): Promise<void> {
  await page.waitForFunction(() => document.querySelector('#ap-current-threshold')?.hasAttribute('data-spontaneous'), undefined, { timeout: 30_000 });
}

const readouts = (page: Page) => page.evaluate(() => window.__lab?.readouts() ?? {});
const apValues = async (page: Page) => valuesFromUrl(AP_SPECS, parseHash(await page.evaluate(() => location.hash)).values);

beforeAll(async () => {
  lab = await startLab();
}, 120_000);

afterAll(async () => {
  await lab?.close();
});

/** The library's threshold and half-width of the first spike of the AP screen's model at `values`. */
function libraryShape(values: ReturnType<typeof valuesFromUrl>) {
  const result = simulate(buildActionPotentialModel(values));
  const trace = (id: string) => result.traces.find((t) => t.id === id)!.values;
  const spikes = result.spikes[0].times;
  const end = result.time[result.time.length - 1];
  return actionPotentialShape(result.time, trace('v'), { from: result.time[0], to: Math.min(end, spikes[0] + 10), stimulus: { current: trace('i_stim'), capacitance: AP_CAPACITANCE_NF } });
}

describe('Action potential readouts', () => {
  for (const [name, query] of [
    ['defaults (0.2 nA, 1 ms: spike after the pulse)', ''],
    ['0.5 nA (spike starts during the pulse)', '?amplitude=0.5'],
    ['20 °C (spike starts during the pulse)', '?temperature=20'],
  ] as const) {
    it(`${name}: threshold and half-width are shown, between −60 and −40 mV, and equal the library's`, async () => {
      const page = await openPage(`#action-potential${query}`);
      await settled(page, 'action-potential');
      const shown = await readouts(page);
      const expected = libraryShape(await apValues(page))!;
      expect(expected).not.toBeNull();
      expect(shown.threshold_mV).toBeGreaterThan(-60);
      expect(shown.threshold_mV).toBeLessThan(-40);
      expect(Math.abs(shown.threshold_mV - expected.threshold)).toBeLessThan(1e-9);
      expect(Math.abs(shown.halfWidth_ms - expected.halfWidth)).toBeLessThan(1e-9);
      expect(await page.textContent('#ap-threshold')).toMatch(/^−\d+(\.\d+)? mV/);
      expect(await page.textContent('#ap-halfwidth')).toMatch(/^\d+(\.\d+)? ms$/);
      if (query === '') await page.screenshot({ path: `${SCREENSHOTS}readouts-ap-default.png`, fullPage: true });
      await page.close();
    });
  }

  it('voltage clamp: no peak Vm or spike count; peak inward and steady current equal the library’s voltageClampCurrents', async () => {
    const page = await openPage('#action-potential?mode=vclamp');
    await settled(page, 'action-potential');
    const shown = await readouts(page);
    expect(shown.peak_mV).toBeUndefined();
    expect(shown.spikeCount).toBeUndefined();
    expect(await page.isVisible('#ap-peak')).toBe(false);
    expect(await page.isVisible('#ap-spikes')).toBe(false);
    const values = await apValues(page);
    const result = simulate(buildActionPotentialModel(values));
    const current = result.traces.find((t) => t.id === 'i_stim')!.values;
    const expected = voltageClampCurrents(result.time, current, { from: AP_DELAY, to: AP_DELAY + Number(values.clamp_ms) });
    expect(Math.abs(shown.peakInward_nA - expected.peakInward!.current)).toBeLessThan(1e-9);
    expect(Math.abs(shown.steadyCurrent_nA - expected.steady.current)).toBeLessThan(1e-9);
    expect(shown.peakInward_nA).toBeLessThan(-5); // inward Na+ current, nA on 1000 um2
    expect(shown.steadyCurrent_nA).toBeGreaterThan(5); // outward K+ current
    expect(await page.textContent('#ap-peak-inward')).toMatch(/^−\d+(\.\d+)? nA at/);
    // A real current scale: at least three y ticks spanning the peak inward and the steady outward current.
    const ticks = ((await page.getAttribute('#ap-plot-stim', 'data-y-ticks')) ?? '').split('|').map((label) => Number(label.replace('−', '-')));
    expect(ticks.length).toBeGreaterThanOrEqual(3);
    expect(Math.min(...ticks)).toBeLessThanOrEqual(shown.peakInward_nA * 0.5);
    expect(Math.max(...ticks)).toBeGreaterThanOrEqual(shown.steadyCurrent_nA * 0.5);
    await page.screenshot({ path: `${SCREENSHOTS}readouts-ap-vclamp.png`, fullPage: true });
    await page.locator('#ap-plot-stim').screenshot({ path: `${SCREENSHOTS}readouts-ap-vclamp-current.png` });
    await page.close();
  });

  it('TEA at its IC50 (0.4 mM): "fires on its own at N Hz", the library’s rate, and no threshold current', async () => {
    const page = await openPage('#action-potential?tea=0.4');
    await settled(page, 'action-potential');
    await thresholdSettled(page);
    const text = await page.textContent('#ap-current-threshold');
    expect(text).toMatch(/fires on its own at \d+(\.\d+)? Hz/);
    expect(text).not.toMatch(/\d nA/);
    const shown = await readouts(page);
    expect(shown.thresholdCurrent_nA).toBeUndefined();
    const quiet = simulate(buildUnstimulatedModel(await apValues(page)));
    const expected = spontaneousActivity(quiet.time, quiet.traces[0].values);
    expect(expected.kind).toBe('repetitive');
    expect(Math.abs(shown.spontaneousRate_Hz - expected.rate!)).toBeLessThan(1e-9);
    await page.screenshot({ path: `${SCREENSHOTS}readouts-ap-tea.png`, fullPage: true });
    await page.close();
  });

  it('TEA at 10 mM: one spontaneous spike, then it stays depolarised, with the reason', async () => {
    const page = await openPage('#action-potential?tea=10');
    await settled(page, 'action-potential');
    await thresholdSettled(page);
    const text = (await page.textContent('#ap-current-threshold')) ?? '';
    expect(text).toMatch(/one spontaneous spike.*stays depolarised at −\d+(\.\d+)? mV.*K⁺ channels.*blocked.*Na⁺ channels stay inactivated/);
    expect((await readouts(page)).thresholdCurrent_nA).toBeUndefined();
    await page.close();
  });

  it('the threshold current of a resting membrane is the library’s bisection', async () => {
    const page = await openPage('#action-potential');
    await settled(page, 'action-potential');
    await thresholdSettled(page);
    const values = await apValues(page);
    const single = { ...values, duration: Math.min(Number(values.duration), AP_DELAY + Number(values.width) + 25) };
    const expected = findThreshold({ model: buildActionPotentialModel(single, { record: false }), low: 0, high: 5, spikeId: 'spikes', iterations: 12 });
    expect((await readouts(page)).thresholdCurrent_nA).toBe(expected.threshold);
    await page.close();
  });

  it('refractory periods: "absolute ≈ X ms, relative until ≈ Y ms", the library’s figures, and a plot with its curve', async () => {
    const page = await openPage('#action-potential');
    await settled(page, 'action-potential');
    await thresholdSettled(page);
    const single = (await readouts(page)).thresholdCurrent_nA;
    await page.click('#ap-refractory-button');
    await page.waitForFunction(() => document.querySelector('#ap-refractory')?.hasAttribute('data-absolute-ms'), undefined, { timeout: 60_000 });
    const text = await page.textContent('#ap-refractory');
    expect(text).toMatch(/^absolute ≈ \d+(\.\d+)? ms, relative until ≈ \d+(\.\d+)? ms/);
    const shown = await readouts(page);
    const values = await apValues(page);
    const model = buildActionPotentialModel({ ...values, mode: 'pulse', amplitude: single * 1.5, duration: AP_DELAY + 45 }, { record: false });
    const expected = refractoryPeriods({ model, spikeId: 'spikes', singleThreshold: single, intervals: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 14, 16, 18, 20, 25, 30, 35], iterations: 8 });
    expect(shown.refractoryAbsolute_ms).toBe(expected.absolute);
    expect(shown.refractoryRelative_ms).toBe(expected.relative);
    expect(shown.refractoryAbsolute_ms).toBeGreaterThan(5);
    expect(shown.refractoryRelative_ms).toBeGreaterThan(shown.refractoryAbsolute_ms);
    expect(await page.isVisible('#ap-plot-refractory')).toBe(true);
    await page.locator('#ap-plot-refractory').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SCREENSHOTS}readouts-ap-refractory.png`, fullPage: true });
    await page.locator('#ap-plot-refractory').screenshot({ path: `${SCREENSHOTS}readouts-ap-refractory-plot.png` });
    // The measurement belongs to its settings: warming the membrane clears it (no stale figure beside a new run).
    await page.fill('#ap-temperature-number', '20');
    await page.press('#ap-temperature-number', 'Enter');
    await page.waitForFunction(() => !document.querySelector('#ap-refractory')?.hasAttribute('data-absolute-ms'));
    expect(await page.textContent('#ap-refractory')).toMatch(/not measured for these settings/);
    expect((await readouts(page)).refractoryAbsolute_ms).toBeUndefined();
    expect(await page.isVisible('#ap-plot-refractory')).toBe(false);
    await page.close();
  });

  it('a current that drives a fully blocked membrane past 1000 mV is explained, not reported as a numerical failure', async () => {
    const page = await openPage('#action-potential?amplitude=5&width=20&ttx=1000&tea=100');
    await page.waitForFunction(() => document.getElementById('panel-action-potential')?.getAttribute('data-state') === 'out-of-range', undefined, { timeout: 30_000 });
    const text = (await page.textContent('#ap-status')) ?? '';
    expect(text).toMatch(/passed ±1000 mV.*only the leak opposes 5 nA.*near 16\d\d mV/);
    expect(text).not.toMatch(/time step|numerically/);
    expect(await page.isVisible('#ap-peak')).toBe(false);
    await page.close();
    expect(problems).toEqual([]);
  });

  it('drug note and slider help come from the catalogue: TTX in nM, no source path, no computer notation', async () => {
    const page = await openPage('#action-potential');
    await settled(page, 'action-potential');
    const note = (await page.textContent('#ap-drug-note')) ?? '';
    expect(note).toMatch(/TTX 3\.6 nM/);
    expect(note).toMatch(/TEA 0\.4 mM/);
    expect(note).not.toMatch(/src\/|\de[-+]?\d/);
    const page2 = await page.content();
    expect(page2).not.toMatch(/0\.0000036/);
    await page.close();
    expect(problems).toEqual([]);
  });
});

describe('Synapses readouts', () => {
  it('a spike reached through a synapse is an action potential with the EPSP that triggered it (the library’s figure)', async () => {
    const page = await openPage('#synapses?membrane=hh');
    await settled(page, 'synapses');
    const values = valuesFromUrl(SYNAPSE_SPECS, parseHash(await page.evaluate(() => location.hash)).values);
    const run = buildSynapseRuns(values)[0];
    const expected = analyseSynapseRun(...(() => {
      const result = simulate(run.model);
      return [result.time, result.traces, run.model] as const;
    })());
    expect(expected.actionPotential).not.toBeNull();
    const shown = await readouts(page);
    expect(shown.run1ActionPotential).toBe(1);
    expect(Math.abs(shown.run1TriggeringEPSP_mV - expected.actionPotential!.triggeringPotential)).toBeLessThan(1e-9);
    const peaks = (await page.textContent('#syn-peaks')) ?? '';
    expect(peaks).toMatch(/an action potential \(peak \d+(\.\d+)? mV\), triggered by an EPSP of \+\d+(\.\d+)? mV/);
    expect(await page.textContent('#syn-summary')).not.toMatch(/EPSP\)? of \+1\d\d/);
    await page.screenshot({ path: `${SCREENSHOTS}readouts-synapses-hh.png`, fullPage: true });
    await page.close();
  });

  it('shunting inhibition reversing at −80 mV: the change is phrased for its sign ("reverses" or "cuts by"), never "131 % less"', async () => {
    const page = await openPage('#synapses?experiment=shunting&e_inhibition=-80&weight=5');
    await settled(page, 'synapses');
    const values = valuesFromUrl(SYNAPSE_SPECS, parseHash(await page.evaluate(() => location.hash)).values);
    const peaks = buildSynapseRuns(values).map((run) => {
      const result = simulate(run.model);
      return analyseSynapseRun(result.time, result.traces, run.model).peak;
    });
    const summary = (await page.textContent('#syn-summary')) ?? '';
    expect(summary).toContain(describeChange(peaks[0], peaks[2]));
    expect(summary).not.toMatch(/1\d\d % less/);
    const shown = await readouts(page);
    for (let i = 0; i < 3; i++) expect(Math.abs(shown[`run${i + 1}Peak_mV`] - peaks[i])).toBeLessThan(1e-9);
    await page.screenshot({ path: `${SCREENSHOTS}readouts-synapses-shunting.png`, fullPage: true });
    // One colour per quantity: inhibition has the same colour in the Vm plot ("inhibition alone") as in the
    // conductance plot ("g inhibition"), and so has excitation (it was teal for one and "g exc" for the other).
    const legend = await page.evaluate(() =>
      Object.fromEntries(
        [...document.querySelectorAll('#panel-synapses figure.plot .u-legend .u-series')].map((row) => [row.querySelector('.u-label')?.textContent ?? '', getComputedStyle(row.querySelector('.u-marker')!).borderColor]),
      ),
    );
    expect(legend['inhibition alone (mV)']).toBe(legend['g inhibition (nS)']);
    expect(legend['excitation alone (mV)']).toBe(legend['g excitation (nS)']);
    expect(legend['inhibition alone (mV)']).not.toBe(legend['excitation alone (mV)']);
    await page.close();
    expect(problems).toEqual([]);
  });
});
