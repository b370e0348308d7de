/**
 * Plot exports for people: an SVG chart with a white background, the title, a legend (colour and dash of each
 * line), round ticks with numbers on both axes (common/ticks.ts, common/format.ts), axis labels in the margins clear
 * of the data, and no replay cursor; and the PNG drawn from that same SVG, so the two exports always agree.
 * Time series are reduced to the first, minimum, maximum and last sample of each pixel column, so a spike one
 * sample wide survives; x-y curves (phase plane) keep every point more than half a pixel from the last one drawn.
 */
import { svg } from '../dom.js';
import { tickLabels, type Ticks } from './ticks.js';

export interface ChartLine {
  readonly x: ArrayLike<number | null>;
  readonly y: ArrayLike<number | null>;
  readonly label: string;
  readonly color: string;
  readonly dash?: readonly number[];
  readonly width?: number;
  /** x increases with the index (a time series): per-pixel min/max reduction. Otherwise an x-y curve. */
  readonly monotonic: boolean;
}

export interface ChartSpec {
  readonly title: string;
  /** A second line under the title (e.g. what the kept run was). */
  readonly subtitle?: string;
  readonly xLabel: string;
  readonly yLabel: string;
  readonly xTicks: Ticks;
  readonly yTicks: Ticks;
  /** Drawn in order: the first ones lie under the later ones. */
  readonly lines: readonly ChartLine[];
  readonly width?: number;
  readonly height?: number;
}

const FONT = 13;
/** Width of a text in px at `size`, estimated (sans-serif averages ~0.58 em per character). */
const textWidth = (text: string, size = FONT) => Math.ceil([...text].length * size * 0.58);

/** The chart as an SVG document (a string). */
export function chartSvg(spec: ChartSpec): string {
  const width = spec.width ?? 800;
  const height = spec.height ?? 360;
  const root = svg('svg', { xmlns: 'http://www.w3.org/2000/svg', width, height, viewBox: `0 0 ${width} ${height}`, 'font-family': 'system-ui, Helvetica, Arial, sans-serif', 'font-size': FONT, fill: '#222' });
  root.append(svg('rect', { x: 0, y: 0, width, height, fill: '#ffffff' }));
  let top = 24;
  root.append(svg('text', { x: 16, y: top, 'font-size': 16, 'font-weight': 'bold' }, spec.title));
  if (spec.subtitle) {
    top += 18;
    root.append(svg('text', { x: 16, y: top, fill: '#595959' }, spec.subtitle));
  }
  // Legend: a sample of each line (colour and dash) and its label, wrapping across the width.
  top += 10;
  let x = 16;
  let row = top + 12;
  for (const line of spec.lines) {
    const entry = 28 + textWidth(line.label) + 18;
    if (x + entry > width - 16 && x > 16) {
      x = 16;
      row += 18;
    }
    root.append(svg('line', { x1: x, y1: row - 4, x2: x + 24, y2: row - 4, stroke: line.color, 'stroke-width': Math.max(2, line.width ?? 1.5), 'stroke-dasharray': line.dash && line.dash.length > 0 ? line.dash.join(' ') : undefined }));
    root.append(svg('text', { x: x + 30, y: row }, line.label));
    x += entry;
  }
  const yLabels = tickLabels(spec.yTicks.values, spec.yTicks.step);
  const xLabels = tickLabels(spec.xTicks.values, spec.xTicks.step);
  const margin = { left: 16 + 18 + 8 + Math.max(...yLabels.map((label) => textWidth(label)), 10) + 6, right: 20, top: row + 14, bottom: 52 };
  const plotWidth = Math.max(40, width - margin.left - margin.right);
  const plotHeight = Math.max(40, height - margin.top - margin.bottom);
  const [x0, x1] = [spec.xTicks.min, spec.xTicks.max];
  const [y0, y1] = [spec.yTicks.min, spec.yTicks.max];
  const px = (value: number) => margin.left + ((value - x0) / (x1 - x0)) * plotWidth;
  const py = (value: number) => margin.top + (1 - (value - y0) / (y1 - y0)) * plotHeight;
  // Grid, ticks and numbers.
  const grid = svg('g', { stroke: '#e3e3e3', 'stroke-width': 1 });
  const numbers = svg('g', {});
  spec.yTicks.values.forEach((value, i) => {
    const y = py(value).toFixed(1);
    grid.append(svg('line', { x1: margin.left, y1: y, x2: margin.left + plotWidth, y2: y }));
    numbers.append(svg('line', { x1: margin.left - 5, y1: y, x2: margin.left, y2: y, stroke: '#444' }));
    numbers.append(svg('text', { x: margin.left - 8, y: Number(y) + 4, 'text-anchor': 'end' }, yLabels[i]));
  });
  spec.xTicks.values.forEach((value, i) => {
    const xx = px(value).toFixed(1);
    grid.append(svg('line', { x1: xx, y1: margin.top, x2: xx, y2: margin.top + plotHeight }));
    numbers.append(svg('line', { x1: xx, y1: margin.top + plotHeight, x2: xx, y2: margin.top + plotHeight + 5, stroke: '#444' }));
    numbers.append(svg('text', { x: xx, y: margin.top + plotHeight + 19, 'text-anchor': 'middle' }, xLabels[i]));
  });
  root.append(grid, numbers);
  root.append(svg('rect', { x: margin.left, y: margin.top, width: plotWidth, height: plotHeight, fill: 'none', stroke: '#444' }));
  root.append(svg('text', { x: margin.left + plotWidth / 2, y: height - 12, 'text-anchor': 'middle' }, spec.xLabel));
  const middle = margin.top + plotHeight / 2;
  root.append(svg('text', { x: 22, y: middle, transform: `rotate(-90 22 ${middle})`, 'text-anchor': 'middle' }, spec.yLabel));
  // Data, clipped to the plot area.
  const clipId = `clip-${Math.random().toString(36).slice(2, 10)}`;
  root.append(svg('defs', {}, svg('clipPath', { id: clipId }, svg('rect', { x: margin.left, y: margin.top, width: plotWidth, height: plotHeight }))));
  const data = svg('g', { 'clip-path': `url(#${clipId})`, fill: 'none' });
  for (const line of spec.lines) {
    const points = line.monotonic ? columnPoints(line, px, py, margin.left, plotWidth) : curvePoints(line, px, py);
    for (const part of points) {
      if (part.length < 2) continue;
      data.append(svg('polyline', { points: part.join(' '), stroke: line.color, 'stroke-width': line.width ?? 1.5, 'stroke-linejoin': 'round', 'stroke-dasharray': line.dash && line.dash.length > 0 ? line.dash.join(' ') : undefined }));
    }
  }
  root.append(data);
  return new XMLSerializer().serializeToString(root);
}

const finite = (value: number | null | undefined): value is number => typeof value === 'number' && Number.isFinite(value);

/** Per pixel column: first, min, max, last (in sample order), so spikes survive; gaps (non-finite) are bridged. */
function columnPoints(line: ChartLine, px: (x: number) => number, py: (y: number) => number, left: number, plotWidth: number): string[][] {
  const points: string[] = [];
  let column = Number.NaN;
  let first = 0, low = 0, high = 0, last = 0, lowAt = 0, highAt = 0;
  const flush = () => {
    if (Number.isNaN(column)) return;
    const x = (left + column + 0.5).toFixed(1);
    const order = first === last && low === high ? [first] : lowAt < highAt ? [first, low, high, last] : [first, high, low, last];
    for (const value of order) points.push(`${x},${py(value).toFixed(1)}`);
  };
  const n = Math.min(line.x.length, line.y.length);
  for (let i = 0; i < n; i++) {
    const xv = line.x[i], yv = line.y[i];
    if (!finite(xv) || !finite(yv)) continue;
    const c = Math.max(-1, Math.min(plotWidth, Math.floor(px(xv) - left)));
    if (c !== column) {
      flush();
      column = c;
      first = low = high = last = yv;
      lowAt = highAt = i;
    } else {
      last = yv;
      if (yv < low) { low = yv; lowAt = i; }
      if (yv > high) { high = yv; highAt = i; }
    }
  }
  flush();
  return [points];
}

/** An x-y curve: every point at least half a pixel from the previous one drawn; gaps split the line. */
function curvePoints(line: ChartLine, px: (x: number) => number, py: (y: number) => number): string[][] {
  const parts: string[][] = [[]];
  let lastX = Number.NaN, lastY = Number.NaN;
  const n = Math.min(line.x.length, line.y.length);
  for (let i = 0; i < n; i++) {
    const xv = line.x[i], yv = line.y[i];
    if (!finite(xv) || !finite(yv)) {
      if (parts[parts.length - 1].length > 0) parts.push([]);
      continue;
    }
    const x = px(xv), y = py(yv);
    if (Math.hypot(x - lastX, y - lastY) < 0.5 && i < n - 1) continue;
    parts[parts.length - 1].push(`${x.toFixed(1)},${y.toFixed(1)}`);
    lastX = x;
    lastY = y;
  }
  return parts;
}

/** The SVG drawn into a PNG at `scale` × its size, on white (the PNG export: identical to the SVG, no cursor). */
export function svgToPng(svgText: string, scale = 2): Promise<Blob> {
  const size = /width="(\d+(?:\.\d+)?)"[^>]*height="(\d+(?:\.\d+)?)"/.exec(svgText);
  const width = size ? Number(size[1]) : 800;
  const height = size ? Number(size[2]) : 360;
  return new Promise((resolve, reject) => {
    const image = new Image();
    image.onload = () => {
      const canvas = document.createElement('canvas');
      canvas.width = Math.round(width * scale);
      canvas.height = Math.round(height * scale);
      const context = canvas.getContext('2d');
      if (!context) return reject(new Error('no 2D canvas'));
      context.fillStyle = '#ffffff';
      context.fillRect(0, 0, canvas.width, canvas.height);
      context.drawImage(image, 0, 0, canvas.width, canvas.height);
      canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('PNG encoding failed'))), 'image/png');
    };
    image.onerror = () => reject(new Error('the SVG could not be drawn'));
    image.src = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(svgText)}`;
  });
}
