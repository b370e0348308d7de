/** Resting potential: sliders, live Nernst and GHK potentials, flow arrows, the equivalent circuit, charge, energy. */
import { AVOGADRO, ELEMENTARY_CHARGE, FARADAY, GAS_CONSTANT } from '../../../../src/units/index.js';
import { PALETTE } from '../../common/palette.js';
import { ActivityPanel } from '../../common/activities.js';
import { PresetPicker } from '../../common/presets.js';
import { ControlPanel } from '../../controls.js';
import { h, svg } from '../../dom.js';
import { defaults, formatNumber as f, type ParamValues } from '../../params.js';
import type { Screen, ScreenHost } from '../../screen.js';
import { RESTING_ACTIVITIES, RESTING_CHALLENGES, restingReadouts } from './activities.js';
import { RESTING_PRESETS } from './presets.js';
import { RESTING_IONS, RESTING_SPECS, RestingModel, type RestingResult } from './model.js';
import { MembraneAnimation } from '../../common/membrane-animation.js';
import { restingSeries } from '../../common/membrane-state.js';

/** Line colours of the ions (PALETTE), and their text variants (≥ 4.5:1 on white) for labels. */
const ION_COLORS: Record<string, string> = { k: PALETTE.k.color, na: PALETTE.na.color, cl: PALETTE.cl.color, ca: PALETTE.ca.color };
const ION_TEXT: Record<string, string> = { k: PALETTE.k.text, na: PALETTE.na.text, cl: PALETTE.cl.text, ca: PALETTE.ca.text };
/** Below this width (CSS px) the diagrams switch to their narrow layouts, so labels stay ≥ 11 px on a phone. */
const NARROW_PX = 520;
const mv = (value: number, digits = 3) => `${value >= 0 ? '+' : '−'}${f(Math.abs(value), digits)} mV`;
const signed = (value: number, digits = 3) => `${value < 0 ? '−' : ''}${f(Math.abs(value), digits)}`;

export class RestingScreen implements Screen {
  readonly id = 'resting';
  readonly title = 'Resting potential';
  readonly specs = RESTING_SPECS;
  private model = new RestingModel(defaults(RESTING_SPECS));
  private controls!: ControlPanel;
  private presets: PresetPicker | undefined;
  private ghkOutput!: HTMLElement;
  private membrane!: SVGSVGElement;
  private readonly membraneAnimation = new MembraneAnimation({
    id: 'rest-membrane-animation',
    title: 'The membrane at work: each ion\'s passive net flux through its channels at rest (steady state)',
    speeds: [0.1, 1, 10].map((ms) => ({ label: `${f(ms)} ms per second`, simulatedMsPerWallSecond: ms })),
    defaultSpeed: 1,
    stepMs: 1,
  });
  private circuit!: SVGSVGElement;
  private table!: HTMLTableSectionElement;
  private formulas!: HTMLElement;
  private charge!: HTMLElement;
  private circuitFigures!: HTMLElement;
  private tableWrap!: HTMLElement;
  private scrollHint!: HTMLElement;
  private narrow = false;
  private frame = 0;
  private lastWallMs = 0;

  mount(panel: HTMLElement, host: ScreenHost): void {
    this.controls = new ControlPanel(
      'rest',
      RESTING_SPECS,
      [
        { legend: 'Temperature', keys: ['temperature'] },
        { legend: 'Concentrations', keys: ['k_in', 'k_out', 'na_in', 'na_out', 'cl_in', 'cl_out', 'ca_in', 'ca_out'] },
        { legend: 'Permeabilities', keys: ['p_k_abs', 'p_na', 'p_cl', 'p_ca'] },
        { legend: 'Cell', keys: ['diameter'] },
      ],
      this.model.values,
      (_, values) => this.update(values),
      () => host.commit(),
    );
    this.presets = new PresetPicker({
      id: 'rest-preset',
      specs: RESTING_SPECS,
      presets: RESTING_PRESETS,
      onChoose: (values, chosen) => {
        this.apply(values);
        host.commit();
        host.announce(`${chosen.label} loaded. GHK potential ${mv(this.model.result.ghk)}.`);
      },
    });
    this.presets.watch(this.controls.element, () => this.controls.get());
    const teaching = new ActivityPanel({ prefix: 'rest', screen: this, host, activities: RESTING_ACTIVITIES, challenges: RESTING_CHALLENGES });
    const reset = h('button', { type: 'button', text: 'Reset', 'aria-label': 'Reset the resting potential screen' });
    reset.addEventListener('click', () => {
      this.apply(defaults(RESTING_SPECS));
      this.model.reset();
      host.commit();
    });
    this.ghkOutput = h('output', { id: 'rest-ghk', class: 'big-number', 'aria-live': 'polite', for: 'rest-k_in rest-k_out rest-na_in rest-na_out' });
    this.membrane = svg('svg', { viewBox: '0 0 560 240', class: 'membrane-svg', role: 'img', 'aria-labelledby': 'rest-membrane-title' });
    this.circuit = svg('svg', { viewBox: '0 0 640 230', class: 'circuit-svg', role: 'img', 'aria-labelledby': 'rest-circuit-title' });
    this.table = h('tbody');
    this.formulas = h('div', { class: 'formulas' });
    this.charge = h('p', { id: 'rest-charge' });
    this.circuitFigures = h('p', { id: 'rest-circuit-figures' });
    // The table fits at laptop widths; on a narrow screen it scrolls sideways: then it says so and takes focus.
    this.scrollHint = h('p', { class: 'scroll-hint', id: 'rest-table-hint', hidden: true, text: 'The table is wider than the screen: scroll →' });
    this.tableWrap = h(
      'div',
      { class: 'table-wrap', role: 'region', 'aria-label': 'Each ion at the resting potential (table)' },
      h('table', { class: 'ion-table', id: 'rest-table' }, h('caption', { text: 'Each ion at the resting potential' }), h('thead', {}, h('tr', {}, ...['Ion', 'Inside (mM)', 'Outside (mM)', 'P / P_K', 'Nernst E', 'V − E', 'Net ion flow', 'ΔG entering'].map((text) => h('th', { scope: 'col', text })))), this.table),
    );
    new ResizeObserver(() => this.layoutChanged()).observe(this.tableWrap);
    panel.append(
      h('div', { class: 'screen-intro' }, h('h2', { text: this.title }), h('p', { text: 'Set the ion gradients and permeabilities; every potential, arrow and circuit value below is computed with the library\'s Nernst and Goldman–Hodgkin–Katz equations.' })),
      h(
        'div',
        { class: 'layout' },
        h('div', { class: 'side' }, this.presets.element, this.controls.element, h('div', { class: 'buttons' }, reset)),
        h(
          'div',
          { class: 'results' },
          h('div', { class: 'headline' }, h('span', { text: 'Resting potential (GHK): ' }), this.ghkOutput),
          teaching.element,
          this.membraneAnimation.element,
          h('figure', { class: 'card' }, h('figcaption', { id: 'rest-membrane-title', text: 'Net passive flow of each ion at rest (arrow length: driving force V − E)' }), this.membrane),
          this.scrollHint,
          this.tableWrap,
          h('figure', { class: 'card' }, h('figcaption', { id: 'rest-circuit-title', text: 'Equivalent circuit: each ion a battery (its Nernst potential) in series with its conductance, beside the membrane capacitance' }), this.circuit, this.circuitFigures),
          h('section', { class: 'card', 'aria-labelledby': 'rest-charge-title' }, h('h3', { id: 'rest-charge-title', text: 'Charge on the membrane' }), this.charge),
          h('section', { class: 'card', 'aria-labelledby': 'rest-formulas-title' }, h('h3', { id: 'rest-formulas-title', text: 'The formulas, with the numbers put in' }), this.formulas),
        ),
      ),
    );
  }

  /** Re-lays the diagrams for the width, and marks the table as scrollable (hint, focusable) when it overflows. */
  private layoutChanged(): void {
    const overflowing = this.tableWrap.scrollWidth > this.tableWrap.clientWidth + 1;
    this.scrollHint.hidden = !overflowing;
    if (overflowing) this.tableWrap.setAttribute('tabindex', '0');
    else this.tableWrap.removeAttribute('tabindex');
    if (overflowing) this.tableWrap.setAttribute('aria-describedby', 'rest-table-hint');
    else this.tableWrap.removeAttribute('aria-describedby');
    const narrow = this.tableWrap.clientWidth > 0 && this.tableWrap.clientWidth < NARROW_PX;
    if (narrow !== this.narrow) {
      this.narrow = narrow;
      this.drawMembrane(this.model.result);
      this.drawCircuit(this.model.result);
    }
  }

  apply(values: ParamValues): void {
    this.controls.set(values);
    this.update(this.controls.get());
    this.presets?.sync(this.controls.get());
  }

  /** The numbers the screen shows, canonical units: potentials in mV, currents in µA/cm², τ in ms, R in MΩ. */
  readouts(): Readonly<Record<string, number>> {
    return restingReadouts(this.model.result);
  }

  values(): ParamValues {
    return this.controls.get();
  }

  show(): void {
    const loop = (wallMs: number) => {
      const dt = this.lastWallMs ? Math.min(0.1, (wallMs - this.lastWallMs) / 1000) : 0;
      this.lastWallMs = wallMs;
      this.model.step(dt);
      this.membrane.style.setProperty('--phase', String(this.model.phase));
      this.frame = requestAnimationFrame(loop);
    };
    if (!matchMedia('(prefers-reduced-motion: reduce)').matches) this.frame = requestAnimationFrame(loop);
  }

  hide(): void {
    cancelAnimationFrame(this.frame);
    this.membraneAnimation.pause();
    this.lastWallMs = 0;
  }

  private update(values: ParamValues): void {
    let result: RestingResult;
    try {
      result = this.model.update(values);
    } catch (error) {
      this.ghkOutput.textContent = error instanceof Error ? error.message : String(error);
      return;
    }
    this.ghkOutput.textContent = mv(result.ghk, 4);
    this.ghkOutput.setAttribute('data-ghk-mv', String(result.ghk));
    this.drawMembrane(result);
    this.membraneAnimation.setSeries(restingSeries(result.ions, result.area));
    this.drawCircuit(result);
    this.fillTable(result);
    this.fillCharge(result);
    this.fillFormulas(result);
    this.layoutChanged();
  }

  private fillTable(result: RestingResult): void {
    this.table.replaceChildren(
      ...result.ions.map((ion) =>
        h(
          'tr',
          { 'data-ion': ion.key },
          h('th', { scope: 'row', style: `color:${ION_TEXT[ion.key]}`, text: ion.label }),
          h('td', { text: f(ion.inside) }),
          h('td', { text: f(ion.outside) }),
          h('td', { text: ion.relativePermeability > 0 ? f(ion.relativePermeability) : '0' }),
          h('td', { 'data-nernst-mv': ion.nernst, text: mv(ion.nernst) }),
          h('td', { text: mv(ion.flow.drivingForce) }),
          h('td', { text: ion.relativePermeability > 0 ? ion.flow.ionDirection : `${ion.flow.ionDirection} (if permeable)`, class: 'wrap' }),
          h('td', {}, `${signed(ion.entryKilojoulesPerMole)} kJ/mol`, h('span', { class: 'sub', text: `${signed(ion.entryMillielectronvoltsPerIon)} meV per ion` })),
        ),
      ),
    );
  }

  /**
   * The membrane with one arrow per ion (length: driving force; width: net current, log scale). Wide: the four ions
   * side by side (viewBox 560 × 240). Narrow (a phone): two rows of two (viewBox 300 × 380), so that the 12-unit
   * labels stay at least 11 CSS px tall at 340 px.
   */
  private drawMembrane(result: RestingResult): void {
    const root = this.membrane;
    root.replaceChildren();
    const narrow = this.narrow;
    const width = narrow ? 300 : 560;
    const rowHeight = narrow ? 190 : 240;
    const rows = narrow ? 2 : 1;
    const perRow = narrow ? 2 : 4;
    const height = narrow ? rowHeight * rows + 24 : 240;
    root.setAttribute('viewBox', `0 0 ${width} ${height}`);
    const defs = svg('defs');
    const head = narrow ? 3.5 : 5;
    result.ions.forEach((ion) => {
      defs.append(svg('marker', { id: `arrow-${ion.key}`, viewBox: '0 0 10 10', refX: 8, refY: 5, markerWidth: head, markerHeight: head, orient: 'auto-start-reverse' }, svg('path', { d: 'M0,0 L10,5 L0,10 z', fill: ION_COLORS[ion.key] })));
    });
    root.append(defs);
    for (let row = 0; row < rows; row++) {
      const y0 = row * rowHeight;
      const top = y0 + (narrow ? 70 : 95), bottom = top + 30;
      root.append(svg('rect', { x: 0, y: top, width, height: bottom - top, class: 'lipid' }));
      if (narrow) {
        if (row > 0) root.append(svg('line', { x1: 0, y1: y0 + 2, x2: width, y2: y0 + 2, stroke: '#d5dae1' }));
        root.append(svg('text', { x: 4, y: top - 8, class: 'side-label' }, 'outside'), svg('text', { x: 4, y: bottom + 18, class: 'side-label' }, 'inside'));
      } else {
        root.append(svg('text', { x: 8, y: 20, class: 'side-label' }, 'Outside'), svg('text', { x: 8, y: 234, class: 'side-label' }, `Inside (V = ${mv(result.ghk)})`));
      }
      result.ions.slice(row * perRow, (row + 1) * perRow).forEach((ion, i) => {
        const x = narrow ? 115 + i * 120 : 70 + i * 140;
        const permeable = ion.relativePermeability > 0;
        const magnitude = Math.min(1, Math.abs(ion.flow.drivingForce) / 150);
        const length = (narrow ? 12 : 12) + (narrow ? 40 : 70) * magnitude;
        const inward = ion.flow.ionDirection === 'into the cell';
        const none = ion.flow.ionDirection === 'none';
        const mid = (top + bottom) / 2;
        const [y1, y2] = inward ? [mid - length, mid + length] : [mid + length, mid - length];
        // Width: the size of the net current through the open membrane (log scale).
        const stroke = permeable ? Math.max(1.5, Math.min(9, 2 + Math.log10(1 + Math.abs(ion.currentDensity) * 1e6))) : 1.5;
        root.append(svg('text', { x, y: y0 + (narrow ? 20 : 40), 'text-anchor': 'middle', fill: ION_TEXT[ion.key], 'font-weight': 'bold', 'font-size': 14 }, ion.label));
        if (!none) {
          root.append(
            svg('line', {
              x1: x,
              y1,
              x2: x,
              y2,
              stroke: ION_COLORS[ion.key],
              'stroke-width': stroke,
              'stroke-dasharray': permeable ? '8 4' : '2 4',
              class: permeable ? 'flow' : 'flow blocked',
              'marker-end': `url(#arrow-${ion.key})`,
            }),
          );
        }
        const labelY = narrow ? bottom + 62 : 200;
        root.append(
          svg('text', { x, y: labelY, 'text-anchor': 'middle', class: 'small-label' }, permeable ? (none ? 'no net flow' : inward ? 'flows in' : 'flows out') : 'impermeant'),
          svg('text', { x, y: labelY + 15, 'text-anchor': 'middle', class: 'small-label' }, `V − E = ${mv(ion.flow.drivingForce, 2)}`),
        );
      });
    }
    if (narrow) root.append(svg('text', { x: width / 2, y: height - 6, 'text-anchor': 'middle', class: 'side-label' }, `Inside potential V = ${mv(result.ghk)}`));
  }

  /**
   * The equivalent circuit. Wide: branches side by side between the outside (top) and inside (bottom) rails. Narrow:
   * turned a quarter (outside rail left, inside rail right), one branch per row with its labels beside it.
   */
  private drawCircuit(result: RestingResult): void {
    if (this.narrow) this.drawCircuitNarrow(result);
    else this.drawCircuitWide(result);
    const c = result.circuit;
    this.circuitFigures.textContent = `Total conductance ${f(c.totalConductance * 1e3)} nS, input resistance ${f(c.inputResistance)} MΩ, capacitance ${f(c.totalCapacitance)} pF, time constant τ = RC = ${f(c.timeConstant)} ms. At rest the ionic currents cancel (net ${signed(c.totalCurrent * 1e3, 2)} pA): Na⁺ leaks in and K⁺ out, steadily.`;
  }

  private drawCircuitWide(result: RestingResult): void {
    const root = this.circuit;
    root.replaceChildren();
    root.setAttribute('viewBox', '0 0 640 230');
    const topY = 30, bottomY = 200;
    const branches = result.ions.filter((ion) => ion.conductance > 0);
    const columns = branches.length + 1;
    const spacing = 540 / columns;
    const x0 = 30 + spacing / 2;
    root.append(
      svg('line', { x1: 20, y1: topY, x2: 620, y2: topY, class: 'wire' }),
      svg('line', { x1: 20, y1: bottomY, x2: 620, y2: bottomY, class: 'wire' }),
      svg('text', { x: 22, y: topY - 8, class: 'small-label' }, 'outside'),
      svg('text', { x: 22, y: bottomY + 18, class: 'small-label' }, `inside, Vm = ${mv(result.ghk)}`),
    );
    // Capacitor.
    const cx = x0;
    const capY = (topY + bottomY) / 2;
    root.append(
      svg('line', { x1: cx, y1: topY, x2: cx, y2: capY - 6, class: 'wire' }),
      svg('line', { x1: cx, y1: capY + 6, x2: cx, y2: bottomY, class: 'wire' }),
      svg('line', { x1: cx - 16, y1: capY - 6, x2: cx + 16, y2: capY - 6, class: 'wire thick' }),
      svg('line', { x1: cx - 16, y1: capY + 6, x2: cx + 16, y2: capY + 6, class: 'wire thick' }),
      svg('text', { x: cx + 20, y: capY + 4, class: 'small-label' }, `C = ${f(result.circuit.totalCapacitance)} pF`),
    );
    const gmax = Math.max(...branches.map((b) => b.conductance));
    branches.forEach((ion, i) => {
      const x = x0 + spacing * (i + 1);
      const color = ION_COLORS[ion.key];
      // Resistor (zig-zag) from topY+18 to topY+78, battery at 130.
      const r0 = topY + 18, r1 = topY + 78;
      let d = `M${x},${topY} L${x},${r0}`;
      for (let k = 0; k < 6; k++) d += ` L${x + (k % 2 === 0 ? 8 : -8)},${r0 + ((k + 0.5) * (r1 - r0)) / 6}`;
      d += ` L${x},${r1} L${x},${124}`;
      const relative = ion.conductance / gmax;
      root.append(svg('path', { d, fill: 'none', stroke: color, 'stroke-width': 1 + 3 * relative }));
      // Battery: long plate = positive terminal. E > 0 means inside positive at equilibrium: + faces inside (down).
      const positiveDown = ion.nernst > 0;
      const [longY, shortY] = positiveDown ? [136, 128] : [128, 136];
      root.append(
        svg('line', { x1: x - 14, y1: longY, x2: x + 14, y2: longY, stroke: color, 'stroke-width': 2 }),
        svg('line', { x1: x - 7, y1: shortY, x2: x + 7, y2: shortY, stroke: color, 'stroke-width': 4 }),
        svg('line', { x1: x, y1: 140, x2: x, y2: bottomY, class: 'wire' }),
        svg('text', { x: x + 12, y: topY + 50, class: 'small-label', fill: ION_TEXT[ion.key] }, `g${ion.label}`),
        svg('text', { x: x + 12, y: topY + 63, class: 'tiny-label' }, `${f(ion.conductance * 1e3)} mS/cm²`),
        svg('text', { x: x + 16, y: 150, class: 'small-label', fill: ION_TEXT[ion.key] }, `E ${mv(ion.nernst)}`),
        svg('text', { x: x + 16, y: 163, class: 'tiny-label' }, `I ${signed(ion.currentDensity * 1e3)} µA/cm²`),
      );
    });
  }

  private drawCircuitNarrow(result: RestingResult): void {
    const root = this.circuit;
    root.replaceChildren();
    const branches = result.ions.filter((ion) => ion.conductance > 0);
    const rowHeight = 62;
    const leftX = 16, rightX = 132, firstY = 44;
    const height = firstY + rowHeight * branches.length + 40;
    root.setAttribute('viewBox', `0 0 320 ${height}`);
    const lastY = firstY + rowHeight * branches.length;
    root.append(
      svg('line', { x1: leftX, y1: firstY, x2: leftX, y2: lastY, class: 'wire' }),
      svg('line', { x1: rightX, y1: firstY, x2: rightX, y2: lastY, class: 'wire' }),
      svg('text', { x: 4, y: 16, class: 'small-label' }, 'outside (left rail) · inside (right rail)'),
      svg('text', { x: 4, y: height - 8, class: 'small-label' }, `inside, Vm = ${mv(result.ghk)}`),
    );
    // Capacitor (first row).
    const capX = (leftX + rightX) / 2;
    root.append(
      svg('line', { x1: leftX, y1: firstY, x2: capX - 6, y2: firstY, class: 'wire' }),
      svg('line', { x1: capX + 6, y1: firstY, x2: rightX, y2: firstY, class: 'wire' }),
      svg('line', { x1: capX - 6, y1: firstY - 16, x2: capX - 6, y2: firstY + 16, class: 'wire thick' }),
      svg('line', { x1: capX + 6, y1: firstY - 16, x2: capX + 6, y2: firstY + 16, class: 'wire thick' }),
      svg('text', { x: rightX + 10, y: firstY + 4, class: 'small-label' }, `C = ${f(result.circuit.totalCapacitance)} pF`),
    );
    const gmax = Math.max(...branches.map((b) => b.conductance));
    branches.forEach((ion, i) => {
      const y = firstY + rowHeight * (i + 1);
      const color = ION_COLORS[ion.key];
      // Resistor (zig-zag) from x 28 to 78, battery at 96..104.
      const r0 = leftX + 12, r1 = leftX + 62;
      let d = `M${leftX},${y} L${r0},${y}`;
      for (let k = 0; k < 6; k++) d += ` L${r0 + ((k + 0.5) * (r1 - r0)) / 6},${y + (k % 2 === 0 ? 7 : -7)}`;
      d += ` L${r1},${y} L${92},${y}`;
      root.append(svg('path', { d, fill: 'none', stroke: color, 'stroke-width': 1 + 3 * (ion.conductance / gmax) }));
      // Battery: long plate = positive terminal; E > 0: + faces inside (right).
      const [longX, shortX] = ion.nernst > 0 ? [104, 96] : [96, 104];
      root.append(
        svg('line', { x1: longX, y1: y - 13, x2: longX, y2: y + 13, stroke: color, 'stroke-width': 2 }),
        svg('line', { x1: shortX, y1: y - 7, x2: shortX, y2: y + 7, stroke: color, 'stroke-width': 4 }),
        svg('line', { x1: 108, y1: y, x2: rightX, y2: y, class: 'wire' }),
        svg('text', { x: rightX + 10, y: y - 16, class: 'small-label', fill: ION_TEXT[ion.key] }, `g${ion.label} ${f(ion.conductance * 1e3)} mS/cm²`),
        svg('text', { x: rightX + 10, y: y, class: 'small-label', fill: ION_TEXT[ion.key] }, `E ${mv(ion.nernst)}`),
        svg('text', { x: rightX + 10, y: y + 16, class: 'tiny-label' }, `I ${signed(ion.currentDensity * 1e3)} µA/cm²`),
      );
    });
  }

  private fillCharge(result: RestingResult): void {
    const q = result.charge;
    this.charge.textContent = `A ${f(Math.sqrt(result.area / Math.PI))} µm sphere (${f(result.area)} µm², ${f(result.volume)} µm³) at ${mv(result.ghk)} holds ${f(Math.abs(q.chargeCoulombs))} C on its membrane: ${f(q.ions)} monovalent ions crossed to charge it — a fraction ${f(q.fraction ?? 0)} (${f((q.fraction ?? 0) * 100)} %) of the cell's K⁺. The concentrations barely change: the potential is made by very few ions.`;
    this.charge.setAttribute('data-ions', String(q.ions));
  }

  private fillFormulas(result: RestingResult): void {
    const vt = result.thermalVoltage;
    const lines: string[] = [];
    lines.push(`RT/F = (${f(GAS_CONSTANT, 4)} J/(mol·K) × ${f(result.temperatureKelvin, 5)} K) / ${f(FARADAY, 5)} C/mol = ${f(vt, 4)} mV`);
    for (const ion of result.ions) {
      lines.push(`E(${ion.label}) = (RT/zF) ln([out]/[in]) = (${f(vt, 4)} mV / ${ion.valence > 0 ? '+' : ''}${f(ion.valence)}) × ln(${f(ion.outside)} / ${f(ion.inside)}) = ${mv(ion.nernst, 4)}`);
    }
    const [k, na, cl, ca] = result.ions;
    const num = `${f(k.relativePermeability)}×${f(k.outside)} + ${f(na.relativePermeability)}×${f(na.outside)} + ${f(cl.relativePermeability)}×${f(cl.inside)}`;
    const den = `${f(k.relativePermeability)}×${f(k.inside)} + ${f(na.relativePermeability)}×${f(na.inside)} + ${f(cl.relativePermeability)}×${f(cl.outside)}`;
    lines.push(
      `V(GHK) = (RT/F) ln((P_K[K]o + P_Na[Na]o + P_Cl[Cl]i) / (P_K[K]i + P_Na[Na]i + P_Cl[Cl]o)) = ${f(vt, 4)} mV × ln((${num}) / (${den}))${ca.relativePermeability > 0 ? ' — with Ca²⁺ permeant (z = 2) the zero-current voltage is solved numerically' : ''} = ${mv(result.ghk, 4)}`,
    );
    const q = result.charge;
    lines.push(`Q = C V = ${f(result.circuit.totalCapacitance)} pF × ${signed(result.ghk, 4)} mV = ${signed(q.chargeCoulombs)} C;  N = |Q| / e = ${f(Math.abs(q.chargeCoulombs))} C / ${f(ELEMENTARY_CHARGE, 4)} C = ${f(q.ions)} ions`);
    lines.push(`fraction = N / (N_A [K⁺]i volume) = ${f(q.ions)} / (${f(AVOGADRO, 4)} /mol × ${f(k.inside)} mM × ${f(result.volume)} µm³) = ${f(q.fraction ?? 0)}`);
    lines.push(`ΔG(entering) = RT ln([in]/[out]) + zF V;  for Na⁺: ${f(vt, 4)} mV·F × ln(${f(na.inside)}/${f(na.outside)}) + F × ${signed(result.ghk, 4)} mV = ${signed(na.entryKilojoulesPerMole)} kJ/mol`);
    lines.push(`Chord conductance g = I(V) / (V − E);  τ = c_m / Σg = 1 µF/cm² / ${f(RESTING_IONS.reduce((s, _, i) => s + result.ions[i].conductance, 0) * 1e3)} mS/cm² = ${f(result.circuit.timeConstant)} ms`);
    this.formulas.replaceChildren(...lines.map((line) => h('p', { class: 'formula', text: line })));
  }
}
