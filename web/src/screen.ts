/**
 * A lab screen (PhET style): a pure model (no DOM; `step(wallSeconds)` and `reset()`) and a view that owns its
 * controls and drawings. The shell (main.ts) shows one screen at a time and keeps its state in the URL.
 */
import type { ParamSpec, ParamValues } from './params.js';

/** What a screen asks of the shell. */
export interface ScreenHost {
  /** A change is complete: write the state into the URL as a new history entry. */
  commit(): void;
  /** Announce a key result to screen readers (the shell's polite live region). */
  announce(text: string): void;
}

export interface Screen {
  readonly id: string;
  readonly title: string;
  readonly specs: readonly ParamSpec[];
  /** Builds the DOM once, inside `panel`. */
  mount(panel: HTMLElement, host: ScreenHost): void;
  /** Sets every parameter (from the URL, reset or a preset), updates the controls and recomputes. */
  apply(values: ParamValues): void;
  values(): ParamValues;
  /**
   * The screen's key results as numbers in canonical units, by name (e.g. `{ restingPotential_mV: -70.1 }`), for
   * the challenges the page checks and for the tests. Empty before the first run has finished.
   */
  readouts(): Readonly<Record<string, number>>;
  /** Called when the screen becomes visible / hidden (start and stop animations). */
  show(): void;
  hide(): void;
}

/** The model half of a screen: advances its animation by wall-clock seconds, and goes back to its start. */
export interface ScreenModel {
  step(wallSeconds: number): void;
  reset(): void;
}
