/**
 * Activities and challenges of the pump screen, from the "Try" steps of docs/lab.md (section 5). The figures are the
 * screen's readouts (PumpScreen.readouts(): the steady state, the moments around the ouabain, the end).
 */
import type { Activity, Challenge, Readouts } from '../../common/activities.js';
import { formatNumber as f, formatQuantity as q, formatSigned } from '../../common/format.js';
import type { SimulationFrame } from '../../engine-protocol.js';

const need = (readouts: Readouts, key: string): number => {
  const value = readouts[key];
  if (!Number.isFinite(value)) throw new Error(`no ${key}`);
  return value;
};
const mv = (value: number) => q(value, 'mV');

/**
 * The screen's readouts: the steady state (start), the samples just before and after the ouabain arrives (the jump is
 * the pump's own share of Vm) and the end — Vm (mV), inside Na⁺ and K⁺ (mM), pump current (µA/cm²).
 */
export function pumpReadouts(frame: Pick<SimulationFrame, 'time' | 'traces'>, controlHours: number): Readouts {
  if (frame.time.length < 2) return {};
  const trace = (id: string) => frame.traces.find((t) => t.id === id)?.values ?? new Float64Array(frame.time.length);
  const v = trace('v'), na = trace('na_inside'), k = trace('k_inside'), pump = trace('pump');
  const last = frame.time.length - 1;
  let after = frame.time.findIndex((t) => t > controlHours * 3600e3);
  if (after < 1) after = 1;
  return {
    startVoltage_mV: v[0],
    startNaInside_mM: na[0],
    startKInside_mM: k[0],
    startPumpCurrent_uA_per_cm2: pump[0] * 1e3,
    voltageBeforeOuabain_mV: v[after - 1],
    voltageAfterOuabain_mV: v[after],
    voltageJump_mV: v[after] - v[after - 1],
    endVoltage_mV: v[last],
    endNaInside_mM: na[last],
    endKInside_mM: k[last],
    endPumpCurrent_uA_per_cm2: pump[last] * 1e3,
  };
}

/** The pump challenge: Vm at the end at least this negative (mV). */
export const PUMP_TARGET_MV = -50;

export const PUMP_ACTIVITIES: readonly Activity[] = [
  {
    id: 'ouabain',
    title: 'Stop the pump with ouabain',
    setup: {},
    predict: { question: 'Ouabain (1 mM) stops the Na⁺/K⁺ pump after 30 minutes. Over the next hours the resting potential…', choices: ['runs down towards 0 mV', 'stays where it is', 'jumps straight to 0 mV'], answer: 0 },
    observe: 'Press “Play time-lapse” and watch [Na⁺]i, [K⁺]i, E_K and Vm; zoom in on the moment the ouabain arrives.',
    needs: ['startVoltage_mV', 'endVoltage_mV', 'voltageJump_mV'],
    explain: ({ readouts }) =>
      `With the pump working the cell rests at ${mv(need(readouts, 'startVoltage_mV'))} with ${q(need(readouts, 'startNaInside_mM'), 'mM')} Na⁺ and ${q(need(readouts, 'startKInside_mM'), 'mM')} K⁺ inside. When the pump stops Vm jumps by ${formatSigned(need(readouts, 'voltageJump_mV'), 'mV')} at once — the pump's own outward current is gone (it is electrogenic: 3 Na⁺ out for 2 K⁺ in). Then the leaks slowly undo the gradients: at the end [Na⁺]i is ${q(need(readouts, 'endNaInside_mM'), 'mM')}, [K⁺]i ${q(need(readouts, 'endKInside_mM'), 'mM')} and Vm ${mv(need(readouts, 'endVoltage_mV'))}.`,
  },
  {
    id: 'big-cell',
    title: 'A bigger cell runs down more slowly',
    setup: { diameter: 100 },
    predict: { question: 'The cell is five times wider (100 µm). After 6 h of ouabain its Vm is…', choices: ['closer to its start than the 20 µm cell', 'the same as the 20 µm cell', 'closer to 0 mV than the 20 µm cell'], answer: 0 },
    observe: 'Compare the end values with the default 20 µm cell (Vm about −10 mV after 6 h).',
    needs: ['endVoltage_mV', 'endNaInside_mM'],
    explain: ({ readouts, values }) =>
      `At ${q(Number(values.diameter), 'µm')} the cell ends at ${mv(need(readouts, 'endVoltage_mV'))} with ${q(need(readouts, 'endNaInside_mM'), 'mM')} Na⁺ inside. The leak currents scale with the membrane area (d²) but the ions to change scale with the volume (d³): a cell ${f(Number(values.diameter) / 20)} times wider takes about ${f(Number(values.diameter) / 20)} times longer to run down.`,
  },
  {
    id: 'partial-block',
    title: 'A partial block: 10 µM ouabain',
    setup: { ouabain: 10 },
    predict: { question: 'Ouabain at 10 µM, below its IC50 for this pump (48 µM). The gradients…', choices: ['settle at a new steady state', 'run down completely', 'do not change at all'], answer: 0 },
    observe: 'Watch [Na⁺]i and the pump current after the ouabain arrives.',
    needs: ['endVoltage_mV', 'endNaInside_mM', 'startNaInside_mM'],
    explain: ({ readouts }) =>
      `[Na⁺]i rises from ${q(need(readouts, 'startNaInside_mM'), 'mM')} to ${q(need(readouts, 'endNaInside_mM'), 'mM')} and Vm ends at ${mv(need(readouts, 'endVoltage_mV'))}. The partly blocked pump runs faster as Na⁺ builds up inside (it is driven by [Na⁺]i), until it again balances the leaks: a new steady state with a slightly smaller gradient.`,
  },
];

export const PUMP_CHALLENGES: readonly Challenge[] = [
  {
    id: 'hold-potential',
    title: 'Keep the cell polarised for 6 hours without its pump',
    goal: `With 1 mM ouabain, make Vm end at ${mv(PUMP_TARGET_MV)} or more negative after 6 hours, changing only the cell diameter.`,
    start: {},
    onlyChange: ['diameter'],
    needs: ['endVoltage_mV'],
    check: ({ readouts, values }) => {
      const end = need(readouts, 'endVoltage_mV');
      if (end <= PUMP_TARGET_MV) return { solved: true, feedback: `A ${q(Number(values.diameter), 'µm')} cell ends at ${mv(end)}: its large volume holds enough K⁺ and dilutes the Na⁺ that leaks in.` };
      return { solved: false, feedback: `The cell ends at ${mv(end)}, less negative than ${mv(PUMP_TARGET_MV)}: ${Number(values.diameter) < 100 ? 'a much bigger cell is needed' : 'a little bigger'}.` };
    },
  },
];
