/**
 * Every documented state of the lab — each screen's default and the setup of each of its activities (the states
 * docs/lab.md and the teacher guide send students to) — opened in Chromium from its link. Where the student reads
 * it, every readout the screen reports (its `readouts()`, the numbers behind the results card) must be a finite
 * number inside its physical range, and the screen's key figures must agree with the library run here in Node on
 * the same model. Its text uses the true minus sign and a × 10ⁿ, never "-65" or "5.09e+6".
 *
 * Physical ranges (by the readout's unit suffix), wide enough for every slider setting and narrow enough to catch a
 * wrong unit or sign convention:
 * - potentials `_mV`: |V| ≤ 250 mV. The largest Nernst potential the sliders allow is Ca²⁺ at 1 × 10⁻⁵ mM inside
 *   and 20 mM outside at 40 °C: (RT/2F) ln(2 × 10⁶) = 197 mV; membrane potentials lie between the reversal potentials.
 *   Driving forces (`drivingForce_`) are differences of two such potentials: |V − E| ≤ 500 mV.
 * - times `_ms` ≥ 0 and ≤ 10⁵ ms (a day's time-lapse is in hours, not here); rates `_Hz` in [0, 1000] (an
 *   absolute refractory period of ≥ 1 ms caps firing at 1 kHz); currents `_nA` within ±100 nA (the largest
 *   clamp current of a 1000 µm² HH patch is ~ 120 mS/cm² × 1.2 × 10⁻⁵ cm² × 140 mV ≈ 20 nA);
 *   `_uA_per_cm2` within ±10⁴; concentrations `_mM` in [0, 1000]; velocities `_m_per_s` in (0, 150] (the fastest
 *   myelinated axons conduct at ~120 m/s); resistances `_MOhm` > 0; fractions and percentages in [0, 1] / [0, 200].
 * - spike counts are whole and ≥ 0, the ions that charge the membrane (Q/e) ≥ 0; flags (conducts, ActionPotential) are 0 or 1; directions
 *   (ionsEntering_) are −1, 0 or 1.
 * Agreement with the library: the resting potential with ghkPotential within 10⁻⁹ mV (the same double-precision
 * formula); the AP peak within 0.01 mV and the spike count exactly (the same engine, the peak taken from the same
 * samples); the voltage-clamp peak inward current within 10⁻⁹ nA; the conduction velocity within 10⁻⁹ relative;
 * synaptic peaks within 10⁻⁶ mV; the pump's end voltage within 10⁻³ mV: its hours run on the adaptive integrator
 * (relative tolerance 10⁻⁵), whose step sequence a last-bit difference between Chromium's and Node's Math.exp can
 * change; the two answers then differ within the error it controls (10⁻⁵ × 70 mV ≈ 10⁻³ mV), 1.4 × 10⁻⁵ mV measured.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { voltageClampCurrents } from '../src/analysis/index.js';
import { ghkPotential } from '../src/core/index.js';
import { simulate } from '../src/engine/index.js';
import { ZERO_CELSIUS } from '../src/units/index.js';
import { startLab, type Lab } from './browser-harness.js';
import { activityHash, type Activity } from './src/common/activities.js';
import { runSpaceTime, runTimelapse } from './src/jobs.js';
import { defaults, formatHash, parseHash, valuesFromUrl, type ParamSpec, type ParamValues } from './src/params.js';
import { AP_ACTIVITIES } from './src/screens/action-potential/activities.js';
import { AP_DELAY, AP_SPECS, buildActionPotentialModel } from './src/screens/action-potential/model.js';
import { PROPAGATION_ACTIVITIES } from './src/screens/propagation/activities.js';
import { buildPropagation, PROPAGATION_SPECS } from './src/screens/propagation/model.js';
import { PUMP_ACTIVITIES } from './src/screens/pump/activities.js';
import { buildPumpSegments, PUMP_SPECS } from './src/screens/pump/model.js';
import { RESTING_ACTIVITIES } from './src/screens/resting/activities.js';
import { RESTING_SPECS } from './src/screens/resting/model.js';
import { SYNAPSE_ACTIVITIES } from './src/screens/synapses/activities.js';
import { buildSynapseRuns, peakDeviation, SYNAPSE_SPECS } from './src/screens/synapses/model.js';

type Readouts = Record<string, number>;

/** The physical range of a readout, from its name; the reason is in the file's header. */
function rangeProblem(key: string, value: number): string | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) return `${key} = ${String(value)} is not a finite number`;
  const within = (low: number, high: number) => (value >= low && value <= high ? null : `${key} = ${value} outside [${low}, ${high}]`);
  const whole = (low: number) => (Number.isInteger(value) && value >= low ? null : `${key} = ${value} is not a whole number ≥ ${low}`);
  if (key.startsWith('drivingForce_')) return within(-500, 500);
  if (key.startsWith('ionsEntering_')) return [-1, 0, 1].includes(value) ? null : `${key} = ${value} is not −1, 0 or 1`;
  if (key === 'conducts' || /ActionPotential$/.test(key)) return [0, 1].includes(value) ? null : `${key} = ${value} is not 0 or 1`;
  if (key === 'spikeCount') return whole(0);
  if (key === 'chargeIons') return value >= 0 ? null : `${key} = ${value} is negative`;
  if (key === 'chargeFraction') return within(0, 1);
  if (key.endsWith('_percent')) return within(0, 200);
  if (key.endsWith('_mV')) return within(-250, 250);
  if (key.endsWith('_ms')) return within(0, 1e5);
  if (key.endsWith('_Hz')) return within(0, 1000);
  if (key.endsWith('_nA')) return within(-100, 100);
  if (key.endsWith('_uA_per_cm2')) return within(-1e4, 1e4);
  if (key.endsWith('_mM')) return within(0, 1000);
  if (key.endsWith('_m_per_s')) return value > 0 && value <= 150 ? null : `${key} = ${value} outside (0, 150]`;
  if (key.endsWith('_MOhm')) return value > 0 ? null : `${key} = ${value} is not positive`;
  return null;
}

/** Differences between what the page shows and what the library computes for the same values (empty when they agree). */
function libraryDisagreements(screen: string, values: ParamValues, shown: Readouts): string[] {
  const found: string[] = [];
  const close = (key: string, expected: number, tolerance: number, relative = false) => {
    const value = shown[key];
    const error = Math.abs(value - expected) / (relative ? Math.abs(expected) : 1);
    if (!(error <= tolerance)) found.push(`${key}: shown ${value}, library ${expected}`);
  };
  if (screen === 'resting') {
    const ion = (valence: number, key: string, permeability: number) => ({ valence, inside: Number(values[`${key}_in`]), outside: Number(values[`${key}_out`]), permeability });
    const ions = [ion(1, 'k', 1), ion(1, 'na', Number(values.p_na)), ion(-1, 'cl', Number(values.p_cl)), ion(2, 'ca', Number(values.p_ca))].filter((i) => i.permeability > 0);
    close('restingPotential_mV', ghkPotential(ions, Number(values.temperature) + ZERO_CELSIUS), 1e-9);
  } else if (screen === 'action-potential') {
    const result = simulate(buildActionPotentialModel(values));
    const trace = (id: string) => result.traces.find((t) => t.id === id)!.values;
    if (values.mode === 'vclamp') {
      const currents = voltageClampCurrents(result.time, trace('i_stim'), { from: AP_DELAY, to: Math.min(result.time[result.time.length - 1], AP_DELAY + Number(values.clamp_ms)) });
      if (currents.peakInward) close('peakInward_nA', currents.peakInward.current, 1e-9);
      close('steadyCurrent_nA', currents.steady.current, 1e-9);
    } else {
      close('peak_mV', Math.max(...trace('v')), 0.01);
      if (shown.spikeCount !== result.spikes[0].times.length) found.push(`spikeCount: shown ${shown.spikeCount}, library ${result.spikes[0].times.length}`);
    }
  } else if (screen === 'propagation') {
    const setup = buildPropagation(values);
    const velocity = runSpaceTime({ model: setup.model, positions: setup.positions, isNode: setup.isNode }).velocity;
    if (velocity) close('velocity_m_per_s', velocity.metresPerSecond, 1e-9, true);
    else if (shown.conducts !== 0) found.push(`conducts: shown ${shown.conducts}, library: fails`);
  } else if (screen === 'synapses') {
    buildSynapseRuns(values).forEach((run, i) => {
      const v = simulate(run.model).traces.find((t) => t.id === 'v')!.values;
      close(`run${i + 1}Peak_mV`, peakDeviation(v), 1e-6);
    });
  } else if (screen === 'pump') {
    const frame = runTimelapse({ segments: buildPumpSegments(values), carry: ['na', 'k'] });
    const v = frame.traces.find((t) => t.id === 'v')!.values;
    close('endVoltage_mV', v[v.length - 1], 1e-3);
  }
  return found;
}

interface DocumentedState {
  readonly screen: string;
  readonly name: string;
  readonly hash: string;
}

const SCREENS: { id: string; specs: readonly ParamSpec[]; activities: readonly Activity[] }[] = [
  { id: 'resting', specs: RESTING_SPECS, activities: RESTING_ACTIVITIES },
  { id: 'action-potential', specs: AP_SPECS, activities: AP_ACTIVITIES },
  { id: 'propagation', specs: PROPAGATION_SPECS, activities: PROPAGATION_ACTIVITIES },
  { id: 'synapses', specs: SYNAPSE_SPECS, activities: SYNAPSE_ACTIVITIES },
  { id: 'pump', specs: PUMP_SPECS, activities: PUMP_ACTIVITIES },
];

const STATES: DocumentedState[] = SCREENS.flatMap((screen) => [
  { screen: screen.id, name: 'default', hash: formatHash(screen.id, screen.specs, defaults(screen.specs)) },
  ...screen.activities.map((activity) => ({ screen: screen.id, name: activity.title, hash: activityHash(screen.id, screen.specs, activity.setup) })),
]);

let lab: Lab;
const problems: string[] = [];

beforeAll(async () => {
  lab = await startLab();
}, 120_000);

afterAll(async () => {
  await lab?.close();
});

async function settledReadouts(page: Page, screen: string): Promise<Readouts> {
  await page.waitForFunction(
    (screen) => {
      const panel = document.getElementById(`panel-${screen}`);
      if (!panel || panel.hidden) return false;
      if (screen === 'resting') return true;
      if (panel.getAttribute('data-state') !== 'done') return false;
      // The AP screen's threshold search (or spontaneous-firing check) finishes after the main run.
      if (screen !== 'action-potential' || (document.getElementById('ap-mode') as HTMLSelectElement | null)?.value === 'vclamp') return true;
      return Boolean(document.querySelector('#ap-current-threshold')?.hasAttribute('data-spontaneous'));
    },
    screen,
    { timeout: 60_000 },
  );
  return page.evaluate(() => (window as unknown as { __lab: { readouts(): Record<string, number> } }).__lab.readouts());
}

describe('every documented state of the lab (each screen’s default and each activity’s setup)', () => {
  it(`has ${STATES.length} states to check, at least one activity per screen`, () => {
    for (const screen of SCREENS) expect(screen.activities.length).toBeGreaterThan(0);
  });

  for (const state of STATES) {
    it(`${state.screen} — ${state.name}: every readout finite and in range, and the key figures the library's`, async () => {
      const page = await lab.browser.newPage({ viewport: { width: 1280, height: 800 } });
      page.on('pageerror', (error) => problems.push(`${state.hash}: page error: ${error.message}`));
      page.on('console', (message) => {
        if (message.type() === 'error') problems.push(`${state.hash}: console error: ${message.text()}`);
      });
      await page.goto(`${lab.url}${state.hash}`);
      const shown = await settledReadouts(page, state.screen);
      expect(Object.keys(shown).length, 'the screen reports its readouts').toBeGreaterThan(0);
      const outOfRange = Object.entries(shown).map(([key, value]) => rangeProblem(key, value)).filter((problem): problem is string => problem !== null);
      expect(outOfRange).toEqual([]);
      // The values the page actually uses (after its own checks), read back from its address.
      const screen = SCREENS.find((candidate) => candidate.id === state.screen)!;
      const values = valuesFromUrl(screen.specs, parseHash(await page.evaluate(() => location.hash)).values);
      expect(libraryDisagreements(state.screen, values, shown)).toEqual([]);
      // Nothing on the results card reads as broken.
      const broken = await page.evaluate((screen) => {
        const panel = document.getElementById(`panel-${screen}`)!;
        return [...panel.querySelectorAll('dd, output')]
          .filter((element) => (element as HTMLElement).offsetParent !== null)
          .map((element) => `${element.id}: ${(element.textContent ?? '').trim()}`)
          .filter((text) => /NaN|undefined|Infinity|e[+-]\d|: (—)?$/.test(text));
      }, state.screen);
      expect(broken).toEqual([]);
      // Presentation: the true minus sign and a × 10ⁿ everywhere a student reads (no "-65", no "5.09e+6").
      const text = await page.evaluate((screen) => document.getElementById(`panel-${screen}`)!.innerText, state.screen);
      expect(text.match(/(^|[\s(=:;,[])-\d[^\n]{0,30}/gm) ?? []).toEqual([]);
      expect(text.match(/\d(\.\d+)?e[+-]?\d+[^\n]{0,20}/gi) ?? []).toEqual([]);
      await page.close();
      expect(problems).toEqual([]);
    });
  }
});
