/**
 * Activities, challenges and presets of every screen, checked in Node with the library: every setup, start and
 * preset is a valid state of its screen (each key a control, each value in its range), links round-trip, the
 * teacher guide links every activity, and every challenge's check accepts a solution computed with the library and
 * rejects the start state (and a broken constraint).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runJob } from '../jobs.js';
import { parseHash, valuesFromUrl, type ParamSpec, type ParamValues } from '../params.js';
import { AP_ACTIVITIES, AP_CHALLENGES, absoluteRefractoryPeriod, pulseThreshold } from '../screens/action-potential/activities.js';
import { AP_SPECS, buildActionPotentialModel } from '../screens/action-potential/model.js';
import { AP_PRESETS } from '../screens/action-potential/presets.js';
import { conductionVelocity, PROPAGATION_ACTIVITIES, PROPAGATION_CHALLENGES, propagationReadouts } from '../screens/propagation/activities.js';
import { buildPropagation, PROPAGATION_SPECS } from '../screens/propagation/model.js';
import { PROPAGATION_PRESETS } from '../screens/propagation/presets.js';
import { PUMP_ACTIVITIES, PUMP_CHALLENGES, pumpReadouts } from '../screens/pump/activities.js';
import { buildPumpSegments, PUMP_SPECS } from '../screens/pump/model.js';
import { PUMP_PRESETS } from '../screens/pump/presets.js';
import { REST_TARGET_MV, RESTING_ACTIVITIES, RESTING_CHALLENGES, restingReadouts } from '../screens/resting/activities.js';
import { computeResting, RESTING_SPECS } from '../screens/resting/model.js';
import { RESTING_PRESETS } from '../screens/resting/presets.js';
import { SYNAPSE_ACTIVITIES, SYNAPSE_CHALLENGES, synapseOutcome } from '../screens/synapses/activities.js';
import { SYNAPSE_SPECS } from '../screens/synapses/model.js';
import { SYNAPSE_PRESETS_LAB } from '../screens/synapses/presets.js';
import { activityHash, activityState, checkChallenge, constraintViolations, type Activity, type Challenge, type JobRunner, type Readouts } from './activities.js';
import { matchesPreset, presetState, type Preset } from './presets.js';

const run: JobRunner = async (job, input) => runJob(job, input);

const SCREENS: { id: string; specs: readonly ParamSpec[]; activities: readonly Activity[]; challenges: readonly Challenge[]; presets: readonly Preset[] }[] = [
  { id: 'resting', specs: RESTING_SPECS, activities: RESTING_ACTIVITIES, challenges: RESTING_CHALLENGES, presets: RESTING_PRESETS },
  { id: 'action-potential', specs: AP_SPECS, activities: AP_ACTIVITIES, challenges: AP_CHALLENGES, presets: AP_PRESETS },
  { id: 'propagation', specs: PROPAGATION_SPECS, activities: PROPAGATION_ACTIVITIES, challenges: PROPAGATION_CHALLENGES, presets: PROPAGATION_PRESETS },
  { id: 'synapses', specs: SYNAPSE_SPECS, activities: SYNAPSE_ACTIVITIES, challenges: SYNAPSE_CHALLENGES, presets: SYNAPSE_PRESETS_LAB },
  { id: 'pump', specs: PUMP_SPECS, activities: PUMP_ACTIVITIES, challenges: PUMP_CHALLENGES, presets: PUMP_PRESETS },
];

/** Problems with a partial state: unknown keys, values out of range or not among the choices. */
function invalid(specs: readonly ParamSpec[], values: ParamValues): string[] {
  return Object.entries(values).flatMap(([key, value]) => {
    const spec = specs.find((candidate) => candidate.key === key);
    if (!spec) return [`${key}: no such control`];
    if (spec.kind === 'choice') return spec.options.some((option) => option.value === value) ? [] : [`${key}: ${String(value)} is not a choice`];
    if (typeof value !== 'number' || !Number.isFinite(value)) return [`${key}: ${String(value)} is not a number`];
    if (spec.zeroAtMin && value === 0) return [];
    return value >= spec.min && value <= spec.max ? [] : [`${key}: ${value} outside ${spec.min}..${spec.max}`];
  });
}

const context = (specs: readonly ParamSpec[], challenge: Challenge, values: ParamValues, readouts: Readouts, answer?: number) => ({ specs, values, start: challenge.start, readouts, answer, run });
const find = (challenges: readonly Challenge[], id: string) => challenges.find((challenge) => challenge.id === id) as Challenge;

/** Bisection on a monotonic yes/no property of one number: the boundary, to `iterations` halvings (log scale). */
async function boundary(low: number, high: number, yes: (x: number) => Promise<boolean> | boolean, iterations = 10): Promise<number> {
  for (let i = 0; i < iterations; i++) {
    const middle = Math.sqrt(low * high);
    if (await yes(middle)) high = middle;
    else low = middle;
  }
  return high;
}

describe('activities, challenges and presets of every screen', () => {
  for (const screen of SCREENS) {
    it(`${screen.id}: every activity setup, challenge start and preset names existing controls with values in range`, () => {
      expect(screen.activities.length).toBeGreaterThanOrEqual(3);
      expect(screen.challenges.length).toBeGreaterThanOrEqual(1);
      expect(screen.presets.length).toBeGreaterThanOrEqual(3);
      const problems = [
        ...screen.activities.flatMap((activity) => invalid(screen.specs, activity.setup).map((problem) => `activity ${activity.id}: ${problem}`)),
        ...screen.challenges.flatMap((challenge) => invalid(screen.specs, challenge.start).map((problem) => `challenge ${challenge.id}: ${problem}`)),
        ...screen.challenges.flatMap((challenge) => (challenge.onlyChange ?? []).filter((key) => !screen.specs.some((spec) => spec.key === key)).map((key) => `challenge ${challenge.id}: may change unknown ${key}`)),
        ...screen.presets.flatMap((preset) => invalid(screen.specs, preset.values).map((problem) => `preset ${preset.id}: ${problem}`)),
      ];
      expect(problems).toEqual([]);
      // Ids are unique (they name elements in the page).
      expect(new Set(screen.activities.map((a) => a.id)).size).toBe(screen.activities.length);
      expect(new Set(screen.challenges.map((c) => c.id)).size).toBe(screen.challenges.length);
      expect(new Set(screen.presets.map((p) => p.id)).size).toBe(screen.presets.length);
    });

    it(`${screen.id}: each activity's link opens exactly its setup`, () => {
      for (const activity of screen.activities) {
        const hash = activityHash(screen.id, screen.specs, activity.setup);
        const state = parseHash(hash);
        expect(state.screen).toBe(screen.id);
        expect(valuesFromUrl(screen.specs, state.values)).toEqual(activityState(screen.specs, activity.setup));
      }
    });

    it(`${screen.id}: each preset is recognised in its own state and in no state where one control moved`, () => {
      for (const preset of screen.presets) {
        const state = presetState(screen.specs, preset);
        expect(matchesPreset(screen.specs, preset, state)).toBe(true);
        const moved = screen.specs.find((spec) => spec.kind === 'number') as Extract<ParamSpec, { kind: 'number' }>;
        const value = Number(state[moved.key]);
        expect(matchesPreset(screen.specs, preset, { ...state, [moved.key]: value === moved.max ? moved.min : moved.max })).toBe(false);
      }
    });
  }

  it('the teacher guide links every activity by its setup URL', () => {
    const guide = readFileSync(new URL('../../../docs/teacher-guide.md', import.meta.url), 'utf8');
    const missing = SCREENS.flatMap((screen) => screen.activities.map((activity) => activityHash(screen.id, screen.specs, activity.setup)).filter((hash) => !guide.includes(`(index.html${hash})`)));
    expect(missing).toEqual([]);
  });

  it('the issue\'s challenges exist on their screens', () => {
    expect(find(RESTING_CHALLENGES, 'rest-at-80').onlyChange).toEqual(['k_in', 'k_out']);
    expect(find(PROPAGATION_CHALLENGES, 'ttx-block').onlyChange).toEqual(['ttx']);
    expect(find(AP_CHALLENGES, 'refractory').answer?.unit).toBe('ms');
  });
});

describe('each challenge accepts a solution computed with the library and rejects the start state', () => {
  it('resting, −80 mV with the K⁺ sliders: K⁺ outside found by bisection on the GHK potential passes; the start and a temperature change fail', async () => {
    const challenge = find(RESTING_CHALLENGES, 'rest-at-80');
    const start = activityState(RESTING_SPECS, challenge.start);
    const readoutsOf = (values: ParamValues) => restingReadouts(computeResting(values));
    // Less K⁺ outside alone stops short (−74 mV at its 0.1 mM minimum: Cl⁻ and Na⁺ hold V up); more K⁺ inside
    // makes V more negative: the boundary where V crosses −80 mV, by bisection.
    expect(computeResting({ ...start, k_out: 0.1 }).ghk).toBeGreaterThan(REST_TARGET_MV);
    const kIn = await boundary(140, 500, (k) => computeResting({ ...start, k_in: k }).ghk < REST_TARGET_MV, 40);
    const solved = { ...start, k_in: Number(kIn.toPrecision(6)) };
    expect(Math.abs(computeResting(solved).ghk - REST_TARGET_MV)).toBeLessThan(0.01);
    expect((await checkChallenge(challenge, context(RESTING_SPECS, challenge, solved, readoutsOf(solved)))).solved).toBe(true);
    expect((await checkChallenge(challenge, context(RESTING_SPECS, challenge, start, readoutsOf(start)))).solved).toBe(false);
    // The same potential reached by cooling as well is not allowed.
    const cheating = { ...solved, temperature: 30 };
    expect(constraintViolations(RESTING_SPECS, challenge.start, cheating, challenge.onlyChange)).toEqual(['Temperature']);
    expect((await checkChallenge(challenge, context(RESTING_SPECS, challenge, cheating, readoutsOf(cheating)))).solved).toBe(false);
  });

  it('resting, Cl⁻ entering: 3 mM Cl⁻ inside passes, the start fails', async () => {
    const challenge = find(RESTING_CHALLENGES, 'chloride-in');
    const start = activityState(RESTING_SPECS, challenge.start);
    const solved = { ...start, cl_in: 3 };
    expect((await checkChallenge(challenge, context(RESTING_SPECS, challenge, solved, restingReadouts(computeResting(solved))))).solved).toBe(true);
    expect((await checkChallenge(challenge, context(RESTING_SPECS, challenge, start, restingReadouts(computeResting(start))))).solved).toBe(false);
  });

  it('action potential, refractory period: the library value + 0.3 ms passes, + 1 ms and no answer fail', async () => {
    const challenge = find(AP_CHALLENGES, 'refractory');
    const start = activityState(AP_SPECS, challenge.start);
    const library = (await absoluteRefractoryPeriod(start, run)) as number;
    // HH at 6.3 °C: about 7.7 ms with a second pulse of up to 10 × threshold (measured with this code).
    expect(library).toBeGreaterThan(5);
    expect(library).toBeLessThan(10);
    expect((await checkChallenge(challenge, context(AP_SPECS, challenge, start, {}, library + 0.3))).solved).toBe(true);
    expect((await checkChallenge(challenge, context(AP_SPECS, challenge, start, {}, library - 1))).solved).toBe(false);
    expect((await checkChallenge(challenge, context(AP_SPECS, challenge, start, {}))).solved).toBe(false);
  }, 60_000);

  it('action potential, least current: 2 % above the bisected threshold passes; the start (0.02 nA) and 20 % above fail', async () => {
    const challenge = find(AP_CHALLENGES, 'least-current');
    const start = activityState(AP_SPECS, challenge.start);
    const threshold = (await pulseThreshold(start, run)) as number;
    const readoutsOf = (values: ParamValues): Readouts => ({ spikeCount: runJob('simulate', { model: buildActionPotentialModel(values) }).spikes[0].times.length });
    const near = { ...start, amplitude: Number((threshold * 1.02).toPrecision(4)) };
    expect((await checkChallenge(challenge, context(AP_SPECS, challenge, near, readoutsOf(near)))).solved).toBe(true);
    expect((await checkChallenge(challenge, context(AP_SPECS, challenge, start, readoutsOf(start)))).solved).toBe(false);
    const far = { ...start, amplitude: threshold * 1.2 };
    expect((await checkChallenge(challenge, context(AP_SPECS, challenge, far, readoutsOf(far)))).solved).toBe(false);
  }, 60_000);

  it('propagation, smallest TTX dose: the bisected block dose passes; the start (no TTX) and twice the dose fail', async () => {
    const challenge = find(PROPAGATION_CHALLENGES, 'ttx-block');
    const start = activityState(PROPAGATION_SPECS, challenge.start);
    const readoutsOf = (values: ParamValues) => {
      const setup = buildPropagation(values);
      return propagationReadouts(runJob('space-time', { model: setup.model, positions: setup.positions, isNode: setup.isNode }));
    };
    // The block dose to 1 %: conduction fails above it (about 6 nM for the default 10 µm axon at 20 °C).
    const dose = await boundary(1, 20, async (ttx) => (await conductionVelocity({ ...start, ttx }, run)) === null, 9);
    const solved = { ...start, ttx: dose };
    expect((await checkChallenge(challenge, context(PROPAGATION_SPECS, challenge, solved, readoutsOf(solved)))).solved).toBe(true);
    expect((await checkChallenge(challenge, context(PROPAGATION_SPECS, challenge, start, readoutsOf(start)))).solved).toBe(false);
    const double = { ...start, ttx: dose * 2 };
    expect((await checkChallenge(challenge, context(PROPAGATION_SPECS, challenge, double, readoutsOf(double)))).solved).toBe(false);
  }, 120_000);

  it('synapses, least AMPA conductance: the bisected firing conductance passes; the start (1 nS) and twice it fail', async () => {
    const challenge = find(SYNAPSE_CHALLENGES, 'least-ampa');
    const start = activityState(SYNAPSE_SPECS, challenge.start);
    const weight = await boundary(0.5, 50, async (w) => (await synapseOutcome({ ...start, weight: w }, run)).spikes[0] > 0, 12);
    expect((await checkChallenge(challenge, context(SYNAPSE_SPECS, challenge, { ...start, weight }, {}))).solved).toBe(true);
    expect((await checkChallenge(challenge, context(SYNAPSE_SPECS, challenge, start, {}))).solved).toBe(false);
    expect((await checkChallenge(challenge, context(SYNAPSE_SPECS, challenge, { ...start, weight: weight * 2 }, {}))).solved).toBe(false);
  }, 60_000);

  it('pump, keep polarised: a 200 µm cell passes, the 20 µm start fails', async () => {
    const challenge = find(PUMP_CHALLENGES, 'hold-potential');
    const start = activityState(PUMP_SPECS, challenge.start);
    const readoutsOf = (values: ParamValues) => pumpReadouts(runJob('timelapse', { segments: buildPumpSegments(values), carry: ['na', 'k'] }), Number(values.control_h));
    const solved = { ...start, diameter: 200 };
    expect((await checkChallenge(challenge, context(PUMP_SPECS, challenge, solved, readoutsOf(solved)))).solved).toBe(true);
    expect((await checkChallenge(challenge, context(PUMP_SPECS, challenge, start, readoutsOf(start)))).solved).toBe(false);
  }, 60_000);
});

describe('explanations use the computed numbers', () => {
  it('resting: every explanation, from the readouts of its own setup, is a sentence with no "NaN" or "undefined"', async () => {
    for (const activity of RESTING_ACTIVITIES) {
      const values = activityState(RESTING_SPECS, activity.setup);
      const text = await activity.explain({ readouts: restingReadouts(computeResting(values)), values, run });
      expect(text).not.toMatch(/NaN|undefined|Infinity|e[+-]\d/);
      expect(text).toMatch(/\d/);
    }
  });

  it('pump: the ouabain explanation names the immediate jump (the pump is electrogenic) with its computed size', async () => {
    const activity = PUMP_ACTIVITIES[0];
    const values = activityState(PUMP_SPECS, activity.setup);
    const readouts = pumpReadouts(runJob('timelapse', { segments: buildPumpSegments(values), carry: ['na', 'k'] }), Number(values.control_h));
    // Luo-Rudy pump at 1.5 uA/cm2 on this cell: about +5.8 mV when it stops (computed above with the library).
    expect(readouts.voltageJump_mV).toBeGreaterThan(2);
    expect(await activity.explain({ readouts, values, run })).toContain('jumps by +');
  }, 60_000);
});
