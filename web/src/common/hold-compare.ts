/**
 * Hold and compare: a student keeps a run (control) and overlays the next one (TTX, 20 °C, …) on every time plot of
 * the screen. "Keep this run" tells the screen's plots to keep their current data (drawn grey and dashed under the
 * live traces, included in the CSV/SVG/PNG exports); "Clear kept run" drops it. The kept run's settings are
 * summarised in words from the screen's parameter specs: the values that differ from the defaults ("TTX 10 nM,
 * Temperature 20 °C"), or "default settings". Both actions are announced through the screen host's live region.
 */
import { h } from '../dom.js';
import type { ParamSpec, ParamValues } from '../params.js';
import type { Plot } from '../plot.js';
import type { ScreenHost } from '../screen.js';
import { formatQuantity } from './format.js';

export interface HoldCompareOptions {
  /** Prefix of the buttons' ids (the screen's control prefix, e.g. "ap" -> "ap-keep", "ap-clear-kept"). */
  readonly prefix: string;
  /** The screen's time plots now (a function: a screen may rebuild its plots). */
  readonly plots: () => readonly (Plot | undefined)[];
  readonly specs: readonly ParamSpec[];
  /** The screen's current settings. */
  readonly values: () => ParamValues;
  readonly host: ScreenHost;
}

/** The settings that differ from the defaults, in words: "TTX 10 nM, Temperature 20 °C" ("default settings"). */
export function describeSettings(specs: readonly ParamSpec[], values: ParamValues): string {
  const parts: string[] = [];
  for (const spec of specs) {
    const value = values[spec.key];
    if (value === undefined || value === spec.default) continue;
    if (spec.kind === 'choice') {
      parts.push(`${spec.label} ${spec.options.find((option) => option.value === value)?.label ?? String(value)}`);
    } else if (typeof value === 'number') {
      parts.push(`${spec.label} ${value === 0 && spec.zeroAtMin ? 'none' : formatQuantity(value, spec.unit, spec.digits ?? 3)}`);
    }
  }
  return parts.length > 0 ? parts.join(', ') : 'default settings';
}

export class HoldCompare {
  /** The two buttons, to place next to the screen's Replay/Reset buttons. */
  readonly element: HTMLElement;
  readonly keepButton: HTMLButtonElement;
  readonly clearButton: HTMLButtonElement;
  private summary: string | undefined;

  constructor(private readonly options: HoldCompareOptions) {
    this.keepButton = h('button', { type: 'button', id: `${options.prefix}-keep`, text: 'Keep this run', 'aria-label': 'Keep this run to compare with the next (drawn grey and dashed)' });
    this.clearButton = h('button', { type: 'button', id: `${options.prefix}-clear-kept`, text: 'Clear kept run', 'aria-label': 'Clear kept run (the grey dashed trace)', disabled: true });
    this.keepButton.addEventListener('click', () => this.keep());
    this.clearButton.addEventListener('click', () => this.clear());
    this.element = h('span', { class: 'hold-compare', style: 'display:contents' }, this.keepButton, this.clearButton);
  }

  /** What the kept run was, or undefined when none is kept. */
  get kept(): string | undefined {
    return this.summary;
  }

  /** Keeps the current run on every plot of the screen (replacing an earlier kept run). */
  keep(): void {
    const plots = this.options.plots().filter((plot): plot is Plot => plot !== undefined);
    const summary = describeSettings(this.options.specs, this.options.values());
    for (const plot of plots) plot.keep(summary);
    if (!plots.some((plot) => plot.hasKept)) {
      this.options.host.announce('Nothing to keep yet: the run has not finished.');
      return;
    }
    this.summary = summary;
    this.clearButton.disabled = false;
    this.options.host.announce(`Run kept (${summary}); change a setting to compare. The kept run is drawn grey and dashed.`);
  }

  /** Removes the kept run from every plot. */
  clear(): void {
    for (const plot of this.options.plots()) plot?.clearKept();
    this.summary = undefined;
    this.clearButton.disabled = true;
    this.options.host.announce('Kept run cleared.');
    this.keepButton.focus();
  }
}
