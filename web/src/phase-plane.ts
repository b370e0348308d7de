/** A small canvas x-y plot (phase plane), drawn from every sample, with CSV and PNG downloads. */
import { download, h } from './dom.js';

export class PhasePlane {
  readonly element: HTMLElement;
  private readonly canvas: HTMLCanvasElement;
  private x: ArrayLike<number> = [];
  private y: ArrayLike<number> = [];
  private cursor = -1;

  constructor(
    private readonly options: { id: string; title: string; xLabel: string; yLabel: string; xRange: [number, number]; yRange: [number, number]; color: string },
  ) {
    this.canvas = h('canvas', { width: 320, height: 260, role: 'img', 'aria-label': `${options.title}: ${options.yLabel} against ${options.xLabel}` });
    const toolbar = h('div', { class: 'plot-tools' });
    for (const format of ['CSV', 'PNG'] as const) {
      const button = h('button', { type: 'button', class: 'small', text: format, 'aria-label': `Download ${options.title} as ${format}` });
      button.addEventListener('click', () => this.export(format));
      toolbar.append(button);
    }
    this.element = h('figure', { class: 'plot phase', id: options.id }, h('figcaption', {}, h('span', { class: 'plot-title', text: options.title }), toolbar), this.canvas);
  }

  /** The x-y samples as CSV (column names from the axis labels), or the drawn canvas as PNG. */
  export(format: 'CSV' | 'PNG'): void {
    if (format === 'PNG') {
      this.canvas.toBlob((blob) => blob && download(`${this.options.id}.png`, blob));
      return;
    }
    const lines = [`${this.options.xLabel},${this.options.yLabel}`];
    for (let i = 0; i < this.x.length; i++) lines.push(`${this.x[i]},${this.y[i]}`);
    download(`${this.options.id}.csv`, `${lines.join('\n')}\n`, 'text/csv');
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

  draw(): void {
    const ratio = window.devicePixelRatio || 1;
    const cssWidth = this.canvas.clientWidth || 320;
    const cssHeight = 260;
    if (this.canvas.width !== Math.round(cssWidth * ratio)) {
      this.canvas.width = Math.round(cssWidth * ratio);
      this.canvas.height = Math.round(cssHeight * ratio);
    }
    const ctx = this.canvas.getContext('2d');
    if (!ctx) return;
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, cssWidth, cssHeight);
    const m = { left: 46, right: 10, top: 10, bottom: 36 };
    const w = cssWidth - m.left - m.right, hgt = cssHeight - m.top - m.bottom;
    const [x0, x1] = this.options.xRange, [y0, y1] = this.options.yRange;
    const px = (x: number) => m.left + ((x - x0) / (x1 - x0)) * w;
    const py = (y: number) => m.top + (1 - (y - y0) / (y1 - y0)) * hgt;
    ctx.strokeStyle = '#999';
    ctx.strokeRect(m.left, m.top, w, hgt);
    ctx.fillStyle = '#333';
    ctx.font = '12px system-ui, sans-serif';
    ctx.textAlign = 'center';
    for (let k = 0; k <= 5; k++) {
      const x = x0 + ((x1 - x0) * k) / 5;
      ctx.fillText(String(Math.round(x)), px(x), m.top + hgt + 14);
    }
    ctx.fillText(this.options.xLabel, m.left + w / 2, cssHeight - 4);
    ctx.textAlign = 'right';
    for (let k = 0; k <= 4; k++) {
      const y = y0 + ((y1 - y0) * k) / 4;
      ctx.fillText(String(Number(y.toFixed(2))), m.left - 4, py(y) + 4);
    }
    ctx.save();
    ctx.translate(12, m.top + hgt / 2);
    ctx.rotate(-Math.PI / 2);
    ctx.textAlign = 'center';
    ctx.fillText(this.options.yLabel, 0, 0);
    ctx.restore();
    ctx.save();
    ctx.beginPath();
    ctx.rect(m.left, m.top, w, hgt);
    ctx.clip();
    ctx.strokeStyle = this.options.color;
    ctx.lineWidth = 1.5;
    ctx.beginPath();
    for (let i = 0; i < this.x.length; i++) {
      if (i === 0) ctx.moveTo(px(this.x[i]), py(this.y[i]));
      else ctx.lineTo(px(this.x[i]), py(this.y[i]));
    }
    ctx.stroke();
    if (this.cursor >= 0 && this.cursor < this.x.length) {
      ctx.fillStyle = '#c00';
      ctx.beginPath();
      ctx.arc(px(this.x[this.cursor]), py(this.y[this.cursor]), 4, 0, 2 * Math.PI);
      ctx.fill();
    }
    ctx.restore();
  }

  toPng(): void {
    this.canvas.toBlob((blob) => {
      if (!blob) return;
      const url = URL.createObjectURL(blob);
      const link = h('a', { href: url, download: `${this.options.id}.png` });
      document.body.append(link);
      link.click();
      link.remove();
    });
  }
}
