/**
 * One colour per quantity across every plot and diagram of the lab, from the Okabe–Ito palette (Okabe M, Ito K
 * (2008) "Color Universal Design", distinguishable under the common colour-vision deficiencies), each with a dash
 * style so that lines never differ by colour alone. `text` variants are darkened to at least 4.5:1 on white
 * (WCAG 2.1 AA) for labels written in the colour; line colours need 3:1 (non-text contrast).
 */

export interface QuantityStyle {
  /** Line and fill colour. */
  readonly color: string;
  /** Colour for text in this quantity's colour (≥ 4.5:1 on white). */
  readonly text: string;
  /** Canvas/SVG dash pattern in px; empty = solid. */
  readonly dash: readonly number[];
}

const style = (color: string, text: string, dash: number[] = []): QuantityStyle => ({ color, text, dash });

/** Quantities by name. Ions keep their colour in every screen (Na⁺ vermillion, K⁺ bluish green, ...). */
export const PALETTE = {
  v: style('#0072B2', '#005A8C'),
  na: style('#D55E00', '#A64900'),
  k: style('#009E73', '#00704F', [8, 3]),
  cl: style('#CC79A7', '#8E4573', [2, 3]),
  ca: style('#E69F00', '#8A5F00', [8, 3, 2, 3]),
  leak: style('#666666', '#595959', [4, 4]),
  /** Na⁺ activation gate (m), Na⁺ inactivation gate (h), K⁺ activation gate (n), A-type gates (a, b). */
  m: style('#D55E00', '#A64900'),
  h: style('#CC79A7', '#8E4573', [8, 3]),
  n: style('#009E73', '#00704F', [2, 3]),
  a: style('#56B4E9', '#1D6C99', [8, 3, 2, 3]),
  stimulus: style('#000000', '#000000'),
  excitation: style('#D55E00', '#A64900'),
  inhibition: style('#0072B2', '#005A8C', [8, 3]),
  pump: style('#E69F00', '#8A5F00'),
  /** A kept (held) trace for comparison, drawn under the current one. */
  kept: style('#8C8C8C', '#595959', [3, 3]),
  threshold: style('#8A5F00', '#8A5F00', [6, 4]),
  cursor: style('#C00000', '#C00000'),
  other: style('#8C6D31', '#6B5325', [8, 3, 2, 3, 2, 3]),
} as const satisfies Record<string, QuantityStyle>;

export type Quantity = keyof typeof PALETTE;

/** Styles for several runs of one quantity (e.g. several EPSPs): distinct colours and dashes. */
export const RUN_STYLES: readonly QuantityStyle[] = [PALETTE.v, PALETTE.na, PALETTE.k, PALETTE.cl, PALETTE.ca];
