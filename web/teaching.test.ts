/**
 * Browser tests of the activities, challenges, presets and teacher guide (issue 8, item 3), in Debian's Chromium:
 * on every screen the "Activities and challenges" panel exists, one activity's "Set it up" writes that activity's
 * link into the address bar and changes the screen's results, "Explain" shows computed numbers, and a challenge
 * solved through the controls (solution computed with the library in Node) is reported solved; the preset dropdown
 * keeps the chosen preset until a control moves; the "Teacher guide" link opens the guide, whose activity links
 * open the lab. Screenshots of each screen with the panel open go to web/screenshots/teaching-<screen>.png.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCREENSHOTS, startLab, type Lab, openLabPage } from './browser-harness.js';
import { activityHash, type JobRunner } from './src/common/activities.js';
import { runJob } from './src/jobs.js';
import { defaults, type ParamSpec } from './src/params.js';
import { AP_ACTIVITIES, absoluteRefractoryPeriod } from './src/screens/action-potential/activities.js';
import { AP_SPECS } from './src/screens/action-potential/model.js';
import { conductionVelocity, PROPAGATION_ACTIVITIES } from './src/screens/propagation/activities.js';
import { PROPAGATION_SPECS } from './src/screens/propagation/model.js';
import { PUMP_ACTIVITIES } from './src/screens/pump/activities.js';
import { PUMP_SPECS } from './src/screens/pump/model.js';
import { RESTING_ACTIVITIES, REST_TARGET_MV } from './src/screens/resting/activities.js';
import { computeResting, RESTING_SPECS } from './src/screens/resting/model.js';
import { SYNAPSE_ACTIVITIES, synapseOutcome } from './src/screens/synapses/activities.js';
import { SYNAPSE_SPECS } from './src/screens/synapses/model.js';

const run: JobRunner = async (job, input) => runJob(job, input);
let lab: Lab;
const problems: string[] = [];

const openPage = (hash: string): Promise<Page> => openLabPage(lab, hash, problems, { width: 1280, height: 800 });

/** The smallest x in [low, high] (log bisection) where `yes` holds, `yes` monotonic. */
async function boundary(low: number, high: number, yes: (x: number) => Promise<boolean> | boolean, iterations: number): Promise<number> {
  for (let i = 0; i < iterations; i++) {
    const middle = Math.sqrt(low * high);
    if (await yes(middle)) high = middle;
    else low = middle;
  }
  return high;
}


async function settled(page: Page, screen: string): Promise<void> {
  await page.waitForFunction(
    (screen) => {
      const panel = document.getElementById(`panel-${screen}`);
      if (!panel || panel.hidden) return false;
      if (screen === 'resting') return Boolean(document.querySelector('#rest-ghk[data-ghk-mv]'));
      return panel.getAttribute('data-state') === 'done';
    },
    screen,
    { timeout: 60_000 },
  );
}

const readouts = (page: Page) => page.evaluate(() => window.__lab?.readouts() ?? {});

/** Types a value into a slider's exact-number box (as a student would) and waits for the run. */
async function setNumber(page: Page, screen: string, id: string, value: number): Promise<void> {
  await page.fill(`#${id}-number`, String(value));
  await page.press(`#${id}-number`, 'Enter');
  await page.dispatchEvent(`#${id}-number`, 'change');
  await page.waitForTimeout(50);
  await settled(page, screen);
}

interface ScreenCase {
  readonly id: string;
  readonly prefix: string;
  readonly specs: readonly ParamSpec[];
  readonly activity: { readonly id: string; readonly setup: Record<string, number | string> };
  /** A readout that the activity's setup changes. */
  readonly readout: string;
  readonly challenge: string;
  /** Solves the challenge through the page's controls. */
  solve(page: Page): Promise<void>;
}

const activity = <T extends { id: string }>(list: readonly T[], id: string) => list.find((item) => item.id === id) as T;

beforeAll(async () => {
  lab = await startLab();
}, 180_000);

afterAll(async () => {
  await lab?.close();
});

describe('activities and challenges in the page', () => {
  const cases: ScreenCase[] = [
    {
      id: 'resting',
      prefix: 'rest',
      specs: RESTING_SPECS,
      activity: activity(RESTING_ACTIVITIES, 'hyperkalaemia'),
      readout: 'restingPotential_mV',
      challenge: 'rest-at-80',
      async solve(page) {
        const start = defaults(RESTING_SPECS);
        const kIn = await boundary(140, 500, (k) => computeResting({ ...start, k_in: k }).ghk < REST_TARGET_MV, 30);
        await setNumber(page, 'resting', 'rest-k_in', Number(kIn.toPrecision(5)));
      },
    },
    {
      id: 'action-potential',
      prefix: 'ap',
      specs: AP_SPECS,
      activity: activity(AP_ACTIVITIES, 'ttx'),
      readout: 'spikeCount',
      challenge: 'refractory',
      async solve(page) {
        const library = (await absoluteRefractoryPeriod(defaults(AP_SPECS), run)) as number;
        await page.fill('#ap-challenge-refractory-answer', (library + 0.2).toFixed(2));
      },
    },
    {
      id: 'propagation',
      prefix: 'prop',
      specs: PROPAGATION_SPECS,
      activity: activity(PROPAGATION_ACTIVITIES, 'myelin'),
      readout: 'velocity_m_per_s',
      challenge: 'ttx-block',
      async solve(page) {
        const start = defaults(PROPAGATION_SPECS);
        const dose = await boundary(1, 20, async (ttx) => (await conductionVelocity({ ...start, ttx }, run)) === null, 9);
        // 3 % above the block dose: still blocks, and 10 % less (0.94 of the block dose) still conducts.
        await setNumber(page, 'propagation', 'prop-ttx', Number((dose * 1.03).toPrecision(4)));
      },
    },
    {
      id: 'synapses',
      prefix: 'syn',
      specs: SYNAPSE_SPECS,
      activity: activity(SYNAPSE_ACTIVITIES, 'temporal'),
      readout: '',
      challenge: 'least-ampa',
      async solve(page) {
        const start = { ...defaults(SYNAPSE_SPECS), membrane: 'hh' };
        const weight = await boundary(0.5, 50, async (w) => (await synapseOutcome({ ...start, weight: w }, run)).spikes[0] > 0, 12);
        await setNumber(page, 'synapses', 'syn-weight', Number((weight * 1.03).toPrecision(4)));
      },
    },
    {
      id: 'pump',
      prefix: 'pump',
      specs: PUMP_SPECS,
      activity: activity(PUMP_ACTIVITIES, 'big-cell'),
      readout: 'endVoltage_mV',
      challenge: 'hold-potential',
      async solve(page) {
        await setNumber(page, 'pump', 'pump-diameter', 200);
      },
    },
  ];

  for (const screen of cases) {
    it(`${screen.id}: the panel's "Set it up" writes the activity's link and changes the results, "Explain" gives numbers, and the challenge solved through the controls is reported solved`, async () => {
      const page = await openPage(`#${screen.id}`);
      await settled(page, screen.id);
      const panel = `#${screen.prefix}-teaching`;
      expect(await page.locator(panel).count()).toBe(1);
      await page.click(`${panel} > summary`);
      const before = await readouts(page);
      const item = `#${screen.prefix}-activity-${screen.activity.id}`;
      await page.click(`${item} > summary`);
      await page.click(`${item}-setup`);
      await page.waitForTimeout(50);
      await settled(page, screen.id);
      expect(await page.evaluate(() => location.hash)).toBe(activityHash(screen.id, screen.specs, screen.activity.setup));
      if (screen.readout) expect((await readouts(page))[screen.readout]).not.toBe(before[screen.readout]);
      // A prediction, then the explanation with computed numbers.
      const firstChoice = page.locator(`${item} input[type=radio]`).first();
      if ((await firstChoice.count()) > 0) await firstChoice.check();
      await page.click(`${item}-explain`);
      await page.waitForFunction((id) => {
        const text = document.getElementById(id)?.textContent ?? '';
        return text.length > 0 && !text.startsWith('Waiting');
      }, `${item.slice(1)}-explanation`, { timeout: 60_000 });
      const explanation = (await page.textContent(`${item}-explanation`)) ?? '';
      expect(explanation).toMatch(/\d/);
      expect(explanation).not.toMatch(/NaN|undefined|not ready/);
      await page.screenshot({ path: `${SCREENSHOTS}teaching-${screen.id}.png`, fullPage: false });
      // The challenge: start, solve with the controls, check.
      const challenge = `#${screen.prefix}-challenge-${screen.challenge}`;
      await page.click(`${challenge} > summary`);
      await page.click(`${challenge}-start`);
      await page.waitForTimeout(50);
      await settled(page, screen.id);
      await page.click(`${challenge}-check`);
      await page.waitForSelector(`${challenge}-feedback[data-solved]`, { timeout: 120_000 });
      expect(await page.getAttribute(`${challenge}-feedback`, 'data-solved')).toBe('false');
      await screen.solve(page);
      await page.click(`${challenge}-check`);
      await page.waitForSelector(`${challenge}-feedback[data-solved]`, { timeout: 120_000 });
      const feedback = await page.textContent(`${challenge}-feedback`);
      expect(await page.getAttribute(`${challenge}-feedback`, 'data-solved'), feedback ?? '').toBe('true');
      await page.locator(panel).scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${SCREENSHOTS}teaching-${screen.id}-challenge.png`, fullPage: false });
      await page.close();
    }, 300_000);
  }

  it('the preset dropdown keeps the chosen preset shown and says "Custom settings" once a control moves', async () => {
    const page = await openPage('#resting');
    await settled(page, 'resting');
    await page.selectOption('#rest-preset', 'squid-giant-axon');
    await page.waitForTimeout(50);
    expect(await page.inputValue('#rest-preset')).toBe('squid-giant-axon');
    expect(await page.evaluate(() => location.hash)).toContain('temperature=20');
    await setNumber(page, 'resting', 'rest-temperature', 25);
    expect(await page.inputValue('#rest-preset')).toBe('');
    expect(await page.textContent('#rest-preset option:checked')).toBe('Custom settings');
    // Every screen has presets.
    for (const [screen, id] of [['action-potential', 'ap'], ['propagation', 'prop'], ['synapses', 'syn'], ['pump', 'pump']]) {
      await page.click(`#tab-${screen}`);
      await settled(page, screen);
      expect(await page.locator(`#${id}-preset option`).count()).toBeGreaterThan(3);
    }
    await page.close();
  }, 120_000);

  it('the "Teacher guide" link opens the guide, and the guide\'s activity links open the lab at that activity', async () => {
    const page = await openPage('#resting');
    await settled(page, 'resting');
    await page.click('#teacher-guide-link');
    await page.waitForSelector('#guide h1');
    expect(await page.textContent('#guide h1')).toContain('teacher guide');
    const links = await page.locator('#guide a[href^="index.html#"]').count();
    expect(links).toBeGreaterThanOrEqual(25);
    const target = activityHash('propagation', PROPAGATION_SPECS, activity(PROPAGATION_ACTIVITIES, 'myelin').setup);
    await page.click(`#guide a[href="index.html${target}"]`);
    await settled(page, 'propagation');
    expect(await page.evaluate(() => location.hash)).toBe(target);
    expect(await page.inputValue('#prop-fibre')).toBe('myelinated');
    await page.close();
    expect(problems).toEqual([]);
  }, 120_000);
});
