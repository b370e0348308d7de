/**
 * Kernels shared by every Hodgkin-Huxley-type mechanism: gates that relax towards a voltage-dependent steady state
 * with a voltage-dependent time constant, advanced by exponential Euler (NEURON's `cnexp` for such gates), with
 * rates either evaluated exactly or interpolated from a voltage table (the faster `table` mode, NEURON's default).
 * A mechanism supplies its gate kinetics and its current; everything else lives here.
 */
import { buildVoltageTable, relaxationFactor, tablePosition, tableValue, type VoltageTable } from './gate-math.js';
import type { Kernels, MechanismBlock, MembraneArrays } from './types.js';

export interface GateKinetics {
  readonly gateCount: number;
  /** Multiplier of every rate at this temperature (K), e.g. a Q10 factor; given the block's parameters. */
  rateFactor(temperature: number): number;
  /** Writes gate g's steady state at out[2g] and its time constant (ms) at out[2g + 1], rates scaled by `factor`. */
  evaluate(v: number, factor: number, out: Float64Array): void;
}

interface GatedScratch {
  factor: number;
  timeStep: number;
  table: VoltageTable | null;
  kinetics: Float64Array;
  /** Per-row table position of the present step (row index, fraction), reused by every gate. */
  rowIndex: Int32Array;
  rowFraction: Float64Array;
}

function scratchOf(block: MechanismBlock): GatedScratch {
  return block.scratch as GatedScratch;
}

/** The gate states are the first `gateCount` state columns of the block. */
export function createGatedKernels(
  kinetics: GateKinetics,
  accumulate: (block: MechanismBlock, membrane: MembraneArrays) => void,
  /** Optional fused table-mode `advance` + `accumulate` (one pass); must do exactly the same arithmetic. */
  fusedTable?: (block: MechanismBlock, membrane: MembraneArrays, table: VoltageTable) => void,
  /** Optional fused exact-mode `advance` + `accumulate`, given the kinetics, rate factor, step and a scratch row. */
  fusedExact?: (
    block: MechanismBlock,
    membrane: MembraneArrays,
    evaluate: GateKinetics['evaluate'],
    factor: number,
    timeStep: number,
    kinetics: Float64Array,
  ) => void,
): Kernels {
  const gates = kinetics.gateCount;

  /** Exponential Euler over any step, with the kinetics of the present rate mode. */
  function advanceWithKinetics(block: MechanismBlock, membrane: MembraneArrays, timeStep: number): void {
    const scratch = scratchOf(block);
    const out = scratch.kinetics;
    for (let i = 0; i < block.count; i++) {
      kineticsAt(scratch, membrane.v[block.node[i]], out);
      for (let g = 0; g < gates; g++) {
        const state = block.states[g];
        state[i] += (out[2 * g] - state[i]) * relaxationFactor(timeStep, out[2 * g + 1]);
      }
    }
  }

  /** Table functions per gate: steady state (3g), time constant (3g + 1), relaxation factor for the step (3g + 2). */
  function advanceTable(block: MechanismBlock, membrane: MembraneArrays, table: VoltageTable): void {
    const scratch = scratchOf(block);
    const { minimum, inverseStep, values, stride, lastRow } = table;
    const { rowIndex, rowFraction } = scratch;
    const v = membrane.v;
    const node = block.node;
    const count = block.count;
    for (let i = 0; i < count; i++) {
      let x = (v[node[i]] - minimum) * inverseStep;
      if (!(x > 0)) x = 0;
      else if (x > lastRow) x = lastRow;
      const row = x | 0;
      rowIndex[i] = row * stride;
      rowFraction[i] = x - row;
    }
    for (let g = 0; g < gates; g++) {
      const state = block.states[g];
      const infAt = 6 * g;
      const factorAt = 6 * g + 4;
      for (let i = 0; i < count; i++) {
        const a = rowIndex[i];
        const f = rowFraction[i];
        const inf = values[a + infAt] + f * values[a + infAt + 1];
        const factor = values[a + factorAt] + f * values[a + factorAt + 1];
        state[i] += (inf - state[i]) * factor;
      }
    }
  }

  /** Steady states and time constants at v, from the table in table mode, else exact. */
  function kineticsAt(scratch: GatedScratch, v: number, out: Float64Array): void {
    const table = scratch.table;
    if (!table) {
      kinetics.evaluate(v, scratch.factor, out);
      return;
    }
    const { offset, fraction } = tablePosition(table, v);
    for (let g = 0; g < gates; g++) {
      out[2 * g] = tableValue(table, offset, fraction, 3 * g);
      out[2 * g + 1] = tableValue(table, offset, fraction, 3 * g + 1);
    }
  }

  return {
    prepare(block, membrane, options) {
      const factor = kinetics.rateFactor(membrane.temperature);
      let table: VoltageTable | null = null;
      if (options.rates === 'table' && gates > 0) {
        const out = new Float64Array(2 * gates);
        table = buildVoltageTable(3 * gates, (v, row) => {
          kinetics.evaluate(v, factor, out);
          for (let g = 0; g < gates; g++) {
            row[3 * g] = out[2 * g];
            row[3 * g + 1] = out[2 * g + 1];
            row[3 * g + 2] = relaxationFactor(options.timeStep, out[2 * g + 1]);
          }
        });
      }
      const scratch: GatedScratch = {
        factor,
        timeStep: options.timeStep,
        table,
        kinetics: new Float64Array(2 * gates),
        rowIndex: new Int32Array(block.count),
        rowFraction: new Float64Array(block.count),
      };
      block.scratch = scratch;
    },
    initialise(block, membrane) {
      const scratch = scratchOf(block);
      const out = scratch.kinetics;
      for (let i = 0; i < block.count; i++) {
        kineticsAt(scratch, membrane.v[block.node[i]], out);
        for (let g = 0; g < gates; g++) block.states[g][i] = out[2 * g];
      }
    },
    accumulate,
    advance(block, membrane) {
      const scratch = scratchOf(block);
      if (scratch.table) advanceTable(block, membrane, scratch.table);
      else advanceWithKinetics(block, membrane, scratch.timeStep);
    },
    advanceAndAccumulate(block, membrane) {
      if (gates === 0) {
        accumulate(block, membrane);
        return;
      }
      const scratch = scratchOf(block);
      if (scratch.table && fusedTable) {
        fusedTable(block, membrane, scratch.table);
        return;
      }
      if (!scratch.table && fusedExact) {
        fusedExact(block, membrane, kinetics.evaluate, scratch.factor, scratch.timeStep, scratch.kinetics);
        return;
      }
      if (scratch.table) advanceTable(block, membrane, scratch.table);
      else advanceWithKinetics(block, membrane, scratch.timeStep);
      accumulate(block, membrane);
    },
    advanceBy(block, membrane, timeStep) {
      advanceWithKinetics(block, membrane, timeStep);
    },
    derivatives(block, membrane, out) {
      const scratch = scratchOf(block);
      const values = scratch.kinetics;
      for (let i = 0; i < block.count; i++) {
        kineticsAt(scratch, membrane.v[block.node[i]], values);
        for (let g = 0; g < gates; g++) out[g][i] = (values[2 * g] - block.states[g][i]) / values[2 * g + 1];
      }
    },
  };
}
