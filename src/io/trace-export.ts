/**
 * Trace export: CSV with the unit of each column in its header (`t_ms,v_mV,hh_m_1`), and JSON with the same
 * columns as arrays. Columns share the result's sample times.
 */
import type { SimulationResult } from '../engine/simulate.js';

function columnName(id: string, unit: string): string {
  const safeUnit = unit === '1' ? '1' : unit.replace(/\//g, '_per_');
  return `${id.replace(/[^A-Za-z0-9_.-]/g, '_')}_${safeUnit}`;
}

export function tracesToCsv(result: SimulationResult): string {
  const header = ['t_ms', ...result.traces.map((trace) => columnName(trace.id, trace.unit))];
  const lines = [header.join(',')];
  for (let k = 0; k < result.time.length; k++) {
    let line = String(Number(result.time[k].toPrecision(12)));
    for (const trace of result.traces) line += `,${Number(trace.values[k].toPrecision(10))}`;
    lines.push(line);
  }
  return `${lines.join('\n')}\n`;
}

export function tracesToJson(result: SimulationResult): string {
  const columns: Record<string, number[]> = { t_ms: Array.from(result.time) };
  for (const trace of result.traces) columns[columnName(trace.id, trace.unit)] = Array.from(trace.values);
  return `${JSON.stringify(columns)}\n`;
}
