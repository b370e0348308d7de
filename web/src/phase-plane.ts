/**
 * A canvas x-y plot (phase plane), drawn from every sample at its displayed size × devicePixelRatio (redrawn when
 * its box changes size, so text is never squashed), at a true aspect (the height follows the width), with round
 * ticks (common/ticks.ts) and axis labels. CSV, PNG and SVG downloads; the PNG is drawn from the SVG (white, titled,
 * legend, no cursor).
 */
import { chartSvg, svgToPng } from './common/chart-svg.js';
import { PALETTE } from './common/palette.js';
import { tickLabels, ticksWithin } from './common/ticks.js';
import { download, h } from './dom.js';

export interface PhasePlaneOptions {
  readonly id: string;
  readonly title: string;
  readonly xLabel: string;
  readonly yLabel: string;
  readonly xRange: [number, number];
  readonly yRange: [number, number];
  readonly color: string;
  readonly dash?: readonly number[];
}

/** Height over width of the drawing, and the limits of its height in CSS px. */
const ASPECT = 0.75;
const MIN_HEIGHT = 220;
const MAX_HEIGHT = 380;
const FONT = '12px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif';

export class PhasePlane {
  readonly element: HTMLElement;
  private readonly canvas: HTMLCanvasElement;
  private x: ArrayLike<number> = [];
  private y: ArrayLike<number> = [];
  private cursor = -1;
  /** Size drawn at, in CSS px. */
  private size = { width: 0, height: 0 };

  constructor(private readonly options: PhasePlaneOptions) {
    this.canvas = h('canvas', { width: 320, height: 240, role: 'img', 'aria-label': `${options.title}: ${options.yLabel} against ${options.xLabel}` });
    this.canvas.style.width = '100%';
    this.canvas.style.display = 'block';
    const toolbar = h('div', { class: 'plot-tools' });
    for (const format of ['CSV', 'PNG', 'SVG'] as const) {
      const button = h('button', { type: 'button', class: 'small', text: format, 'aria-label': `Download ${options.title} as ${format}` });
      button.addEventListener('click', () => this.export(format));
      toolbar.append(button);
    }
    this.element = h('figure', { class: 'plot phase', id: options.id }, h('figcaption', {}, h('span', { class: 'plot-title', text: options.title }), toolbar), this.canvas);
    new ResizeObserver(() => this.draw()).observe(this.element);
  }

  /** The x-y samples as CSV (column names from the axis labels). */
  csv(): string {
    const quote = (cell: string) => `"${cell.replace(/"/g, '""')}"`;
    const lines = [`${quote(this.options.xLabel)},${quote(this.options.yLabel)}`];
    for (let i = 0; i < Math.min(this.x.length, this.y.length); i++) lines.push(`${this.x[i]},${this.y[i]}`);
    return `${lines.join('\n')}\n`;
  }

  /** The curve as an SVG document: white, title, legend, round ticks and numbers, axis labels, no cursor. */
  svg(width = 640, height = 520): string {
    const [x0, x1] = this.options.xRange, [y0, y1] = this.options.yRange;
    return chartSvg({
      title: this.options.title,
      xLabel: this.options.xLabel,
      yLabel: this.options.yLabel,
      xTicks: ticksWithin(x0, x1, Math.max(2, Math.floor((width - 120) / 70))),
      yTicks: ticksWithin(y0, y1, Math.max(2, Math.floor((height - 140) / 40))),
      lines: [{ x: this.x, y: this.y, label: `${this.options.yLabel} against ${this.options.xLabel}`, color: this.options.color, dash: this.options.dash, width: 1.5, monotonic: false }],
      width,
      height,
    });
  }

  png(): Promise<Blob> {
    return svgToPng(this.svg(), 2);
  }

  export(format: 'CSV' | 'PNG' | 'SVG'): void {
    if (format === 'CSV') download(`${this.options.id}.csv`, this.csv(), 'text/csv');
    else if (format === 'SVG') download(`${this.options.id}.svg`, this.svg(), 'image/svg+xml');
    else void this.png().then((blob) => download(`${this.options.id}.png`, blob));
  }

  setData(x: ArrayLike<number>, y: ArrayLike<number>): void {
    this.x = x;
    this.y = y;
    this.draw();
  }

  setCursor(index: number): void {
    this.cursor = index;
    this.draw();
  }

  /** Draws at the displayed width (height from the aspect) × devicePixelRatio; nothing while hidden. */
  draw(): void {
    const cssWidth = Math.round(this.canvas.clientWidth || this.element.clientWidth);
    if (cssWidth <= 0) return; // hidden: drawn when shown (ResizeObserver)
    const cssHeight = Math.round(Math.min(MAX_HEIGHT, Math.max(MIN_HEIGHT, cssWidth * ASPECT)));
    const ratio = window.devicePixelRatio || 1;
    if (this.size.height !== cssHeight) this.canvas.style.height = `${cssHeight}px`;
    const pixelWidth = Math.round(cssWidth * ratio), pixelHeight = Math.round(cssHeight * ratio);
    if (this.canvas.width !== pixelWidth || this.canvas.height !== pixelHeight) {
      this.canvas.width = pixelWidth;
      this.canvas.height = pixelHeight;
    }
    this.size = { width: cssWidth, height: cssHeight };
    const ctx = this.canvas.getContext('2d');
    if (!ctx) return;
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, cssWidth, cssHeight);
    ctx.font = FONT;
    const [x0, x1] = this.options.xRange, [y0, y1] = this.options.yRange;
    const yTicks = ticksWithin(y0, y1, Math.max(2, Math.floor((cssHeight - 50) / 60)));
    const yLabels = tickLabels(yTicks.values, yTicks.step);
    const m = { left: 22 + 8 + Math.ceil(Math.max(...yLabels.map((label) => ctx.measureText(label).width))) + 6, right: 12, top: 10, bottom: 40 };
    const w = cssWidth - m.left - m.right, hgt = cssHeight - m.top - m.bottom;
    if (w <= 10 || hgt <= 10) return;
    const xTicks = ticksWithin(x0, x1, Math.max(2, Math.floor(w / 80)));
    const xLabels = tickLabels(xTicks.values, xTicks.step);
    const px = (x: number) => m.left + ((x - x0) / (x1 - x0)) * w;
    const py = (y: number) => m.top + (1 - (y - y0) / (y1 - y0)) * hgt;
    // Grid and ticks.
    ctx.strokeStyle = '#e6e6e6';
    ctx.lineWidth = 1;
    ctx.beginPath();
    for (const value of xTicks.values) { ctx.moveTo(Math.round(px(value)) + 0.5, m.top); ctx.lineTo(Math.round(px(value)) + 0.5, m.top + hgt); }
    for (const value of yTicks.values) { ctx.moveTo(m.left, Math.round(py(value)) + 0.5); ctx.lineTo(m.left + w, Math.round(py(value)) + 0.5); }
    ctx.stroke();
    ctx.strokeStyle = '#666';
    ctx.strokeRect(m.left + 0.5, m.top + 0.5, w, hgt);
    ctx.fillStyle = '#333';
    ctx.textAlign = 'center';
    ctx.textBaseline = 'top';
    xTicks.values.forEach((value, i) => ctx.fillText(xLabels[i], px(value), m.top + hgt + 4));
    ctx.textBaseline = 'alphabetic';
    ctx.fillText(this.options.xLabel, m.left + w / 2, cssHeight - 4);
    ctx.textAlign = 'right';
    ctx.textBaseline = 'middle';
    yTicks.values.forEach((value, i) => ctx.fillText(yLabels[i], m.left - 6, py(value)));
    ctx.save();
    ctx.translate(14, m.top + hgt / 2);
    ctx.rotate(-Math.PI / 2);
    ctx.textAlign = 'center';
    ctx.fillText(this.options.yLabel, 0, 0);
    ctx.restore();
    // The curve, clipped to the axes.
    ctx.save();
    ctx.beginPath();
    ctx.rect(m.left, m.top, w, hgt);
    ctx.clip();
    ctx.strokeStyle = this.options.color;
    ctx.setLineDash(this.options.dash ? [...this.options.dash] : []);
    ctx.lineWidth = 1.5;
    ctx.beginPath();
    let started = false;
    for (let i = 0; i < Math.min(this.x.length, this.y.length); i++) {
      const xv = this.x[i], yv = this.y[i];
      if (!Number.isFinite(xv) || !Number.isFinite(yv)) { started = false; continue; }
      if (!started) ctx.moveTo(px(xv), py(yv));
      else ctx.lineTo(px(xv), py(yv));
      started = true;
    }
    ctx.stroke();
    if (this.cursor >= 0 && this.cursor < this.x.length) {
      ctx.fillStyle = PALETTE.cursor.color;
      ctx.beginPath();
      ctx.arc(px(this.x[this.cursor]), py(this.y[this.cursor]), 4, 0, 2 * Math.PI);
      ctx.fill();
    }
    ctx.restore();
    this.canvas.setAttribute('data-drawn-width', String(cssWidth));
    this.canvas.setAttribute('data-x-ticks', xLabels.join('|'));
    this.canvas.setAttribute('data-y-ticks', yLabels.join('|'));
  }
}
