/**
 * Shared numerics of Hodgkin-Huxley-type gates, written and tested once.
 */

/**
 * x / (exp(x) - 1), finite and accurate everywhere including x = 0 (limit 1). The 0/0 points of HH rate
 * functions such as NEURON's `vtrap(x, y) = x / (exp(x/y) - 1)` reduce to `y * relativeExponential(x/y)`.
 */
export function relativeExponential(x: number): number {
  if (x === 0) return 1;
  return x / Math.expm1(x);
}

/**
 * The fraction of the way to steady state covered in `timeStep` by a first-order gate of time constant `tau`:
 * 1 - exp(-dt/tau). Exponential Euler (NEURON's `cnexp` for linear gates): g <- g + (g_inf - g) * factor.
 */
export function relaxationFactor(timeStep: number, tau: number): number {
  return -Math.expm1(-timeStep / tau);
}

/** Q10 temperature factor for rates measured at `referenceTemperature` (both in K or both in degC). */
export function temperatureFactor(q10: number, temperature: number, referenceTemperature: number): number {
  return Math.pow(q10, (temperature - referenceTemperature) / 10);
}

/**
 * A table of functions of voltage, sampled every `step` mV from `minimum` to `maximum` and interpolated linearly;
 * voltages beyond the range take the end rows' values. This is the semantics of NEURON's
 * `TABLE ... FROM -100 TO 100 WITH 200` in hh.mod (1 mV spacing), so that the `table` rate mode reproduces
 * NEURON's default (usetable = 1) results. Each row stores, for each of its `width` functions, the value and the
 * slope to the next row (value, slope, value, slope, ...), so that one lookup reads one row: f(x) = value + t slope.
 */
export interface VoltageTable {
  readonly minimum: number;
  readonly inverseStep: number;
  /** Number of functions tabulated; a row holds 2 * width numbers. */
  readonly width: number;
  readonly stride: number;
  /** Index of the last row. */
  readonly lastRow: number;
  readonly values: Float64Array;
}

/** Voltage range and spacing of the rate tables (mV), as NEURON's hh.mod. */
export const TABLE_MINIMUM = -100;
export const TABLE_MAXIMUM = 100;
export const TABLE_INTERVALS = 200;

export function buildVoltageTable(width: number, fill: (v: number, row: Float64Array) => void): VoltageTable {
  const rows = TABLE_INTERVALS + 1;
  const step = (TABLE_MAXIMUM - TABLE_MINIMUM) / TABLE_INTERVALS;
  const stride = 2 * width;
  const values = new Float64Array(rows * stride);
  const row = new Float64Array(width);
  for (let i = 0; i < rows; i++) {
    fill(TABLE_MINIMUM + i * step, row);
    for (let j = 0; j < width; j++) values[i * stride + 2 * j] = row[j];
  }
  for (let i = 0; i < rows - 1; i++) {
    for (let j = 0; j < width; j++) values[i * stride + 2 * j + 1] = values[(i + 1) * stride + 2 * j] - values[i * stride + 2 * j];
  }
  return { minimum: TABLE_MINIMUM, inverseStep: 1 / step, width, stride, lastRow: TABLE_INTERVALS, values };
}

/** Row offset and interpolation fraction of voltage v, clamped to the table's range. */
export function tablePosition(table: VoltageTable, v: number): { offset: number; fraction: number } {
  const x = (v - table.minimum) * table.inverseStep;
  if (!(x > 0)) return { offset: 0, fraction: 0 };
  if (x >= table.lastRow) return { offset: table.lastRow * table.stride, fraction: 0 };
  const row = Math.floor(x);
  return { offset: row * table.stride, fraction: x - row };
}

/** Function j of the table at a position from `tablePosition`. */
export function tableValue(table: VoltageTable, offset: number, fraction: number, j: number): number {
  const at = offset + 2 * j;
  return table.values[at] + fraction * table.values[at + 1];
}
