/**
 * Time-series plots with uPlot. uPlot's line paths keep the minimum and maximum of every pixel column, so a spike
 * one sample wide is never lost: the data go in whole, never thinned. Each plot has CSV, PNG and SVG downloads.
 */
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { download, h, svg } from './dom.js';

export interface SeriesSpec {
  readonly label: string;
  readonly unit: string;
  readonly color: string;
  readonly dash?: number[];
  readonly width?: number;
}

export interface PlotOptions {
  readonly id: string;
  readonly title: string;
  readonly xLabel: string;
  readonly xUnit: string;
  readonly yLabel: string;
  readonly series: readonly SeriesSpec[];
  readonly height?: number;
  /** Fixed y range; default automatic. */
  readonly yRange?: [number, number];
  /** Extra drawing on the plot canvas after the series (markers, thresholds), in data coordinates via `u`. */
  readonly decorate?: (u: uPlot) => void;
  readonly filename?: string;
}

export const COLORS = {
  v: '#1f5fbf',
  na: '#d1495b',
  k: '#2a9d8f',
  cl: '#7b4fa0',
  ca: '#e09f3e',
  leak: '#777777',
  m: '#d1495b',
  h: '#f08a4b',
  n: '#2a9d8f',
  stim: '#555555',
  other: '#8c6d31',
};

export class Plot {
  readonly element: HTMLElement;
  private readonly uplot: uPlot;
  private x: ArrayLike<number> = [];
  private ys: ArrayLike<number>[] = [];
  /** Number of completed redraws (tests and the benchmark wait on it). */
  renderCount = 0;
  private readonly drawListeners: (() => void)[] = [];

  constructor(private readonly options: PlotOptions) {
    const figure = h('figure', { class: 'plot', id: options.id, 'data-render-count': 0 });
    const canvasHolder = h('div', { class: 'plot-canvas', role: 'img', 'aria-label': `${options.title}: plot of ${options.yLabel} against ${options.xLabel}` });
    const toolbar = h('div', { class: 'plot-tools' });
    for (const format of ['CSV', 'PNG', 'SVG'] as const) {
      const button = h('button', { type: 'button', class: 'small', text: format, 'aria-label': `Download ${options.title} as ${format}` });
      button.addEventListener('click', () => this.export(format));
      toolbar.append(button);
    }
    figure.append(h('figcaption', {}, h('span', { class: 'plot-title', text: options.title }), toolbar), canvasHolder);
    this.element = figure;
    const width = 600;
    this.uplot = new uPlot(
      {
        width,
        height: options.height ?? 220,
        pxAlign: 0,
        legend: { show: true, live: true },
        cursor: { drag: { x: true, y: false } },
        scales: { x: { time: false }, y: options.yRange ? { auto: false, range: options.yRange } : { auto: true } },
        axes: [
          { label: `${options.xLabel} (${options.xUnit})`, size: 40, labelSize: 18, stroke: '#333', grid: { stroke: '#e6e6e6' } },
          { label: options.yLabel, size: 56, labelSize: 18, stroke: '#333', grid: { stroke: '#e6e6e6' } },
        ],
        series: [
          { label: `${options.xLabel} (${options.xUnit})` },
          ...options.series.map((series) => ({
            label: series.unit ? `${series.label} (${series.unit})` : series.label,
            stroke: series.color,
            width: series.width ?? 1.5,
            dash: series.dash,
            points: { show: false },
          })),
        ],
        hooks: {
          draw: [
            (u: uPlot) => {
              options.decorate?.(u);
              this.renderCount++;
              this.element.setAttribute('data-render-count', String(this.renderCount));
              for (const listener of this.drawListeners) listener();
            },
          ],
        },
      },
      [[], ...options.series.map(() => [])] as unknown as uPlot.AlignedData,
      canvasHolder,
    );
    const resize = () => {
      const available = canvasHolder.clientWidth;
      if (available > 0 && Math.abs(available - this.uplot.width) > 1) this.uplot.setSize({ width: available, height: options.height ?? 220 });
    };
    new ResizeObserver(resize).observe(canvasHolder);
  }

  onDraw(listener: () => void): void {
    this.drawListeners.push(listener);
  }

  setData(x: ArrayLike<number>, ys: readonly ArrayLike<number>[], resetScales = true): void {
    this.x = x;
    this.ys = [...ys];
    this.uplot.setData([x, ...ys] as unknown as uPlot.AlignedData, resetScales);
  }

  redraw(): void {
    this.uplot.redraw(false, false);
  }

  get u(): uPlot {
    return this.uplot;
  }

  csv(): string {
    const header = [`${this.options.xLabel} (${this.options.xUnit})`, ...this.options.series.map((s) => (s.unit ? `${s.label} (${s.unit})` : s.label))];
    const lines = [header.map((cell) => `"${cell.replace(/"/g, '""')}"`).join(',')];
    for (let i = 0; i < this.x.length; i++) lines.push([this.x[i], ...this.ys.map((y) => y[i])].map((v) => (v === undefined || v === null || Number.isNaN(v) ? '' : String(v))).join(','));
    return lines.join('\n') + '\n';
  }

  /** An SVG of the plot: per pixel column, the first, minimum, maximum and last sample (spikes kept). */
  svg(width = 800, height = 300): string {
    const margin = { left: 60, right: 10, top: 24, bottom: 36 };
    const plotWidth = width - margin.left - margin.right;
    const plotHeight = height - margin.top - margin.bottom;
    const xs = this.x;
    const n = xs.length;
    const root = svg('svg', { xmlns: 'http://www.w3.org/2000/svg', width, height, viewBox: `0 0 ${width} ${height}`, 'font-family': 'sans-serif', 'font-size': 12 });
    root.append(svg('rect', { width, height, fill: 'white' }));
    root.append(svg('text', { x: margin.left, y: 16, 'font-weight': 'bold' }, this.options.title));
    if (n < 2) return new XMLSerializer().serializeToString(root);
    const x0 = xs[0], x1 = xs[n - 1];
    let yMin = Infinity, yMax = -Infinity;
    for (const y of this.ys) for (let i = 0; i < n; i++) if (Number.isFinite(y[i])) { yMin = Math.min(yMin, y[i]); yMax = Math.max(yMax, y[i]); }
    if (this.options.yRange) [yMin, yMax] = this.options.yRange;
    if (!(yMax > yMin)) { yMin -= 1; yMax += 1; }
    const px = (x: number) => margin.left + ((x - x0) / (x1 - x0 || 1)) * plotWidth;
    const py = (y: number) => margin.top + (1 - (y - yMin) / (yMax - yMin)) * plotHeight;
    root.append(svg('rect', { x: margin.left, y: margin.top, width: plotWidth, height: plotHeight, fill: 'none', stroke: '#999' }));
    for (const [value, anchor, x, y] of [[x0, 'start', margin.left, height - 20], [x1, 'end', width - margin.right, height - 20]] as const) {
      root.append(svg('text', { x, y, 'text-anchor': anchor }, `${Number(value.toPrecision(4))}`));
    }
    root.append(svg('text', { x: margin.left + plotWidth / 2, y: height - 6, 'text-anchor': 'middle' }, `${this.options.xLabel} (${this.options.xUnit})`));
    root.append(svg('text', { x: margin.left - 6, y: margin.top + 10, 'text-anchor': 'end' }, `${Number(yMax.toPrecision(4))}`));
    root.append(svg('text', { x: margin.left - 6, y: margin.top + plotHeight, 'text-anchor': 'end' }, `${Number(yMin.toPrecision(4))}`));
    root.append(svg('text', { x: 14, y: margin.top + plotHeight / 2, transform: `rotate(-90 14 ${margin.top + plotHeight / 2})`, 'text-anchor': 'middle' }, this.options.yLabel));
    this.options.series.forEach((series, s) => {
      const y = this.ys[s];
      const points: string[] = [];
      let column = -1;
      let first = 0, low = 0, high = 0, last = 0, lowAt = 0, highAt = 0;
      const flush = () => {
        if (column < 0) return;
        const order = lowAt < highAt ? [first, low, high, last] : [first, high, low, last];
        for (const value of order) points.push(`${(margin.left + column + 0.5).toFixed(1)},${py(value).toFixed(1)}`);
      };
      for (let i = 0; i < n; i++) {
        const value = y[i];
        if (!Number.isFinite(value)) continue;
        const c = Math.min(plotWidth - 1, Math.floor(px(xs[i]) - margin.left));
        if (c !== column) {
          flush();
          column = c;
          first = low = high = last = value;
          lowAt = highAt = i;
        } else {
          last = value;
          if (value < low) { low = value; lowAt = i; }
          if (value > high) { high = value; highAt = i; }
        }
      }
      flush();
      root.append(svg('polyline', { points: points.join(' '), fill: 'none', stroke: series.color, 'stroke-width': 1.5 }));
      root.append(svg('text', { x: width - margin.right - 4, y: margin.top + 14 + 14 * s, 'text-anchor': 'end', fill: series.color }, series.unit ? `${series.label} (${series.unit})` : series.label));
    });
    return new XMLSerializer().serializeToString(root);
  }

  export(format: 'CSV' | 'PNG' | 'SVG'): void {
    const name = this.options.filename ?? this.options.id;
    if (format === 'CSV') download(`${name}.csv`, this.csv(), 'text/csv');
    else if (format === 'SVG') download(`${name}.svg`, this.svg(), 'image/svg+xml');
    else this.uplot.ctx.canvas.toBlob((blob) => blob && download(`${name}.png`, blob));
  }
}
