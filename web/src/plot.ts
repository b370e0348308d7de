/**
 * Time-series plots with uPlot. uPlot's line paths keep the minimum and maximum of every pixel column, so a spike
 * one sample wide is never lost: the data go in whole, never thinned. Axes carry round, evenly spaced ticks
 * (common/ticks.ts, 1, 2, 5 × 10ⁿ) with numbers written by common/format.ts, the scales snapped to those ticks; a
 * flat trace gets a range instead of a single tick. Colours and dashes come from PALETTE. A plot can keep a run
 * (hold and compare): the kept series are drawn grey and dashed under the live ones, and go into the exports.
 * Each plot has CSV, PNG and SVG downloads; the PNG is drawn from the SVG (white, titled, legend, no cursor).
 */
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import { chartSvg, svgToPng, type ChartLine } from './common/chart-svg.js';
import { PALETTE, type Quantity } from './common/palette.js';
import { niceTicks, paddedRange, tickLabels, ticksWithin, type Ticks } from './common/ticks.js';
import { download, h } from './dom.js';

export interface SeriesSpec {
  readonly label: string;
  readonly unit: string;
  /** The quantity drawn: colour and dash from PALETTE. */
  readonly quantity?: Quantity;
  /** Line colour (overrides the quantity's). */
  readonly color?: string;
  /** Dash pattern in px (overrides the quantity's; when neither is given, the PALETTE dash of this colour). */
  readonly dash?: readonly number[];
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
  /** Fixed y range; default automatic (snapped to round ticks). */
  readonly yRange?: [number, number];
  /** Smallest y span of the automatic range, in the y unit (a flat trace is shown over at least this much). */
  readonly minimumSpan?: number;
  /** Extra drawing on the plot canvas after the series (markers, thresholds), in data coordinates via `u`. */
  readonly decorate?: (u: uPlot) => void;
  readonly filename?: string;
}

/**
 * Colours by quantity, for views that pass `color` (an alias onto PALETTE; new code passes `quantity` and gets the
 * dash too).
 */
export const COLORS = {
  v: PALETTE.v.color,
  na: PALETTE.na.color,
  k: PALETTE.k.color,
  cl: PALETTE.cl.color,
  ca: PALETTE.ca.color,
  leak: PALETTE.leak.color,
  m: PALETTE.m.color,
  h: PALETTE.h.color,
  n: PALETTE.n.color,
  a: PALETTE.a.color,
  stim: PALETTE.stimulus.color,
  pump: PALETTE.pump.color,
  threshold: PALETTE.threshold.color,
  cursor: PALETTE.cursor.color,
  kept: PALETTE.kept.color,
  other: PALETTE.other.color,
} as const;

/** The dash of a colour when a view gave only the colour: the first PALETTE quantity with it (ions before gates). */
const DASH_BY_COLOR = new Map<string, readonly number[]>();
for (const quantity of ['v', 'na', 'k', 'cl', 'ca', 'leak', 'stimulus', 'pump', 'a', 'threshold', 'other'] as const) {
  const color = PALETTE[quantity].color.toLowerCase();
  if (!DASH_BY_COLOR.has(color)) DASH_BY_COLOR.set(color, PALETTE[quantity].dash);
}

/** Colour and dash of a series. */
export function seriesStyle(series: SeriesSpec): { color: string; dash: readonly number[] } {
  const base = series.quantity ? PALETTE[series.quantity] : undefined;
  const color = series.color ?? base?.color ?? PALETTE.other.color;
  const dash = series.dash ?? base?.dash ?? DASH_BY_COLOR.get(color.toLowerCase()) ?? [];
  return { color, dash };
}

/** Dash of the i-th kept series: the live series' own dash if it has one, otherwise PALETTE.kept's. */
function keptDash(series: SeriesSpec): readonly number[] {
  const dash = seriesStyle(series).dash;
  return dash.length > 0 ? dash : PALETTE.kept.dash;
}

const seriesLabel = (series: SeriesSpec) => (series.unit ? `${series.label} (${series.unit})` : series.label);

/** A run kept for comparison. */
interface KeptRun {
  readonly x: ArrayLike<number>;
  readonly ys: readonly ArrayLike<number>[];
  /** The kept run's settings in words (e.g. "TTX 10 nM"). */
  readonly summary: string;
}

type Column = ArrayLike<number | null>;

/** Non-finite samples become null (uPlot's gaps); columns without any are passed as they are. */
function gapsAsNull(values: ArrayLike<number>): Column {
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) return Array.from(values, (v) => (Number.isFinite(v) ? v : null));
  }
  return values;
}

function sameX(a: ArrayLike<number>, b: ArrayLike<number>): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** Two tables on one x axis: [x, ...first columns, ...second columns] (union of the x values, null where absent). */
function joinTables(first: { x: ArrayLike<number>; ys: readonly Column[] }, second: { x: ArrayLike<number>; ys: readonly Column[] }): Column[] {
  if (sameX(first.x, second.x)) return [first.x, ...first.ys, ...second.ys];
  const joined = uPlot.join([[first.x, ...first.ys], [second.x, ...second.ys]] as unknown as uPlot.AlignedData[]);
  return joined as unknown as Column[];
}

let measureContext: CanvasRenderingContext2D | null | undefined;
/** Width in CSS px of a tick label in the axis font. */
function labelWidth(text: string): number {
  if (measureContext === undefined) measureContext = document.createElement('canvas').getContext('2d');
  if (!measureContext) return text.length * 7;
  measureContext.font = '12px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';
  return measureContext.measureText(text).width;
}

/** Pixels per tick interval: x numbers need room side by side, y numbers only a line each. */
const X_SPACING = 70;
const Y_SPACING = 34;

export class Plot {
  readonly element: HTMLElement;
  private readonly uplot: uPlot;
  private x: ArrayLike<number> = [];
  private ys: ArrayLike<number>[] = [];
  private kept: KeptRun | undefined;
  private readonly keptNote: HTMLElement;
  /** The ticks chosen with each automatic range, reused for the splits while the scale is not zoomed. */
  private readonly autoTicks: { x?: Ticks; y?: Ticks } = {};
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
    this.keptNote = h('p', { class: 'plot-kept', hidden: true, style: `margin:2px 0 0;font-size:0.8rem;font-weight:normal;color:${PALETTE.kept.text}` });
    figure.append(h('figcaption', {}, h('span', { class: 'plot-title', text: options.title }), toolbar), this.keptNote, canvasHolder);
    this.element = figure;
    const width = 600;
    const height = options.height ?? 220;
    const plotWidth = (u: uPlot) => (u.bbox.width > 0 ? u.bbox.width / uPlot.pxRatio : u.width - 80);
    const plotHeight = (u: uPlot) => (u.bbox.height > 0 ? u.bbox.height / uPlot.pxRatio : height - 80);
    const countFor = (pixels: number, spacing: number) => Math.max(2, Math.floor(pixels / spacing));
    const splits = (axis: 'x' | 'y') => (u: uPlot, _axisIndex: number, min: number, max: number) => {
      const cached = this.autoTicks[axis];
      if (cached && cached.min === min && cached.max === max) return [...cached.values];
      const count = axis === 'x' ? countFor(plotWidth(u), X_SPACING) : countFor(plotHeight(u), Y_SPACING);
      return [...ticksWithin(min, max, count).values];
    };
    const values = (axis: 'x' | 'y') => (_u: uPlot, ticks: number[]) => {
      const cached = this.autoTicks[axis];
      const step = cached && ticks.length === cached.values.length && ticks[0] === cached.values[0] ? cached.step : ticks.length > 1 ? ticks[1] - ticks[0] : 1;
      const labels = tickLabels(ticks, step);
      const joined = labels.join('|'); // the drawn tick labels, for tests and assistive tooling
      if (this.element.getAttribute(`data-${axis}-ticks`) !== joined) this.element.setAttribute(`data-${axis}-ticks`, joined);
      return labels;
    };
    const range = (axis: 'x' | 'y') => (u: uPlot, low: number | null, high: number | null): uPlot.Range.MinMax => {
      if (low === null || high === null || !Number.isFinite(low) || !Number.isFinite(high)) {
        this.autoTicks[axis] = undefined;
        return [0, 1];
      }
      const [a, b] = paddedRange(low, high, axis === 'y' ? options.minimumSpan ?? 0 : 0);
      const ticks = axis === 'x' ? niceTicks(a, b, countFor(plotWidth(u), X_SPACING)) : niceTicks(a, b, countFor(plotHeight(u), Y_SPACING));
      this.autoTicks[axis] = ticks;
      return [ticks.min, ticks.max];
    };
    const ySize = (_u: uPlot, labels: string[] | null) => Math.ceil(Math.max(24, ...(labels ?? []).map(labelWidth)) + 12 + 22);
    const axisStyle = { stroke: '#333', grid: { stroke: '#e6e6e6', width: 1 }, ticks: { stroke: '#999', width: 1, size: 4 }, font: '12px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif' };
    this.uplot = new uPlot(
      {
        width,
        height,
        pxAlign: 0,
        legend: { show: true, live: true },
        cursor: { drag: { x: true, y: false } },
        scales: {
          x: { time: false, range: range('x') },
          y: options.yRange ? { auto: false, range: options.yRange } : { auto: true, range: range('y') },
        },
        axes: [
          { ...axisStyle, label: `${options.xLabel} (${options.xUnit})`, size: 36, labelSize: 20, splits: splits('x'), values: values('x') },
          { ...axisStyle, label: options.yLabel, size: ySize, labelSize: 20, splits: splits('y'), values: values('y') },
        ],
        series: [{ label: `${options.xLabel} (${options.xUnit})` }, ...options.series.map((series) => this.seriesOptions(series, false))],
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
      if (available > 0 && Math.abs(available - this.uplot.width) > 1) this.uplot.setSize({ width: available, height });
    };
    new ResizeObserver(resize).observe(canvasHolder);
  }

  private seriesOptions(series: SeriesSpec, kept: boolean): uPlot.Series {
    const style = seriesStyle(series);
    return {
      label: kept ? `kept: ${seriesLabel(series)}` : seriesLabel(series),
      stroke: kept ? PALETTE.kept.color : style.color,
      width: kept ? 1.5 : series.width ?? 1.5,
      dash: kept ? [...keptDash(series)] : style.dash.length > 0 ? [...style.dash] : undefined,
      spanGaps: true,
      points: { show: false },
    };
  }

  onDraw(listener: () => void): void {
    this.drawListeners.push(listener);
  }

  setData(x: ArrayLike<number>, ys: readonly ArrayLike<number>[], resetScales = true): void {
    this.x = x;
    this.ys = [...ys];
    this.push(resetScales);
  }

  private push(resetScales = true): void {
    const live = { x: this.x, ys: this.ys.map(gapsAsNull) };
    const data = this.kept ? joinTables({ x: this.kept.x, ys: this.kept.ys.map(gapsAsNull) }, live) : [live.x, ...live.ys];
    this.uplot.setData(data as unknown as uPlot.AlignedData, resetScales);
  }

  /** Whether a run is kept. */
  get hasKept(): boolean {
    return this.kept !== undefined;
  }

  /**
   * Keeps the current data as the comparison run, `summary` saying what its settings were (e.g. "TTX 10 nM"): drawn
   * grey and dashed under the live series, labelled "kept: …" in the legend and the exports; the x axis covers both.
   * Replaces an earlier kept run. Nothing happens before the plot has data.
   */
  keep(summary: string): void {
    if (this.x.length === 0) return;
    this.removeKeptSeries();
    this.kept = { x: Float64Array.from(this.x), ys: this.ys.map((y) => Float64Array.from(y)), summary };
    this.options.series.forEach((series, i) => this.uplot.addSeries(this.seriesOptions(series, true), 1 + i));
    this.keptNote.textContent = `Kept run (grey, dashed): ${summary}`;
    this.keptNote.hidden = false;
    this.element.setAttribute('data-kept', 'true');
    this.push();
  }

  /** Drops the kept run. */
  clearKept(): void {
    if (!this.kept) return;
    this.removeKeptSeries();
    this.kept = undefined;
    this.keptNote.hidden = true;
    this.keptNote.textContent = '';
    this.element.removeAttribute('data-kept');
    this.push();
  }

  private removeKeptSeries(): void {
    if (!this.kept) return;
    for (let i = this.kept.ys.length; i >= 1; i--) this.uplot.delSeries(i);
  }

  redraw(): void {
    this.uplot.redraw(false, false);
  }

  get u(): uPlot {
    return this.uplot;
  }

  /** Index of the first live series in `u.series` / `u.data` (after the kept ones). */
  get liveSeriesOffset(): number {
    return 1 + (this.kept?.ys.length ?? 0);
  }

  /** The samples as CSV: x, the live series, and the kept run's series ("kept: Vm (mV) [TTX 10 nM]"). */
  csv(): string {
    const quote = (cell: string) => `"${cell.replace(/"/g, '""')}"`;
    const header = [`${this.options.xLabel} (${this.options.xUnit})`, ...this.options.series.map(seriesLabel)];
    let columns: Column[] = [this.x, ...this.ys];
    if (this.kept) {
      const summary = this.kept.summary;
      header.push(...this.options.series.map((series) => `kept: ${seriesLabel(series)} [${summary}]`));
      const joined = joinTables({ x: this.x, ys: this.ys }, { x: this.kept.x, ys: this.kept.ys });
      columns = joined;
    }
    const lines = [header.map(quote).join(',')];
    const n = columns[0].length;
    for (let i = 0; i < n; i++) lines.push(columns.map((column) => { const v = column[i]; return v === undefined || v === null || !Number.isFinite(v) ? '' : String(v); }).join(','));
    return lines.join('\n') + '\n';
  }

  /**
   * The plot as an SVG document: white background, title, legend (colour and dash), round ticks with numbers on
   * both axes over the same ranges as the screen's automatic scales, axis labels clear of the data, the kept run
   * under the live one, and no cursor.
   */
  svg(width = 800, height = 360): string {
    const lines: ChartLine[] = [];
    if (this.kept) {
      const kept = this.kept;
      this.options.series.forEach((series, i) => lines.push({ x: kept.x, y: kept.ys[i] ?? [], label: `kept: ${seriesLabel(series)}`, color: PALETTE.kept.color, dash: keptDash(series), width: 1.5, monotonic: true }));
    }
    this.options.series.forEach((series, i) => {
      const style = seriesStyle(series);
      lines.push({ x: this.x, y: this.ys[i] ?? [], label: seriesLabel(series), color: style.color, dash: style.dash, width: series.width ?? 1.5, monotonic: true });
    });
    let xLow = Infinity, xHigh = -Infinity, yLow = Infinity, yHigh = -Infinity;
    for (const line of lines) {
      for (let i = 0; i < Math.min(line.x.length, line.y.length); i++) {
        const xv = line.x[i], yv = line.y[i];
        if (typeof xv !== 'number' || typeof yv !== 'number' || !Number.isFinite(xv) || !Number.isFinite(yv)) continue;
        if (xv < xLow) xLow = xv;
        if (xv > xHigh) xHigh = xv;
        if (yv < yLow) yLow = yv;
        if (yv > yHigh) yHigh = yv;
      }
    }
    const plotWidth = width - 120, plotHeight = height - 140;
    const xTicks = niceTicks(xLow, xHigh, Math.max(2, Math.floor(plotWidth / 80)));
    const yCount = Math.max(2, Math.floor(plotHeight / 40));
    const yTicks = this.options.yRange ? ticksWithin(this.options.yRange[0], this.options.yRange[1], yCount) : niceTicks(...paddedRange(yLow, yHigh, this.options.minimumSpan ?? 0), yCount);
    return chartSvg({
      title: this.options.title,
      subtitle: this.kept ? `Kept run (grey, dashed): ${this.kept.summary}` : undefined,
      xLabel: `${this.options.xLabel} (${this.options.xUnit})`,
      yLabel: this.options.yLabel,
      xTicks,
      yTicks,
      lines,
      width,
      height,
    });
  }

  /** The PNG export: the SVG drawn at twice its size on white (no cursor, same ticks and legend). */
  png(): Promise<Blob> {
    return svgToPng(this.svg(), 2);
  }

  export(format: 'CSV' | 'PNG' | 'SVG'): void {
    const name = this.options.filename ?? this.options.id;
    if (format === 'CSV') download(`${name}.csv`, this.csv(), 'text/csv');
    else if (format === 'SVG') download(`${name}.svg`, this.svg(), 'image/svg+xml');
    else void this.png().then((blob) => download(`${name}.png`, blob));
  }
}
