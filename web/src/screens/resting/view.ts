/** Resting potential: sliders, live Nernst and GHK potentials, flow arrows, the equivalent circuit, charge, energy. */
import { ION_PRESETS } from '../../../../src/core/index.js';
import { ControlPanel } from '../../controls.js';
import { h, svg } from '../../dom.js';
import { defaults, formatNumber as f, type ParamValues } from '../../params.js';
import { COLORS } from '../../plot.js';
import type { Screen, ScreenHost } from '../../screen.js';
import { presetValues, RESTING_IONS, RESTING_SPECS, RestingModel, type RestingResult } from './model.js';
import { MembraneAnimation } from '../../common/membrane-animation.js';
import { restingSeries } from '../../common/membrane-state.js';

const ION_COLORS: Record<string, string> = { k: COLORS.k, na: COLORS.na, cl: COLORS.cl, ca: COLORS.ca };
const mv = (value: number, digits = 3) => `${value >= 0 ? '+' : '−'}${f(Math.abs(value), digits)} mV`;
const signed = (value: number, digits = 3) => `${value < 0 ? '−' : ''}${f(Math.abs(value), digits)}`;

export class RestingScreen implements Screen {
  readonly id = 'resting';
  readonly title = 'Resting potential';
  readonly specs = RESTING_SPECS;
  private model = new RestingModel(defaults(RESTING_SPECS));
  private controls!: ControlPanel;
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
    const preset = h('select', { id: 'rest-preset' }, h('option', { value: '', text: 'Choose a preset…' }), ...ION_PRESETS.map((p) => h('option', { value: p.id, text: p.name })));
    preset.addEventListener('change', () => {
      if (!preset.value) return;
      const chosen = ION_PRESETS.find((p) => p.id === preset.value);
      this.apply({ ...this.model.values, ...presetValues(preset.value) });
      host.commit();
      host.announce(`${chosen?.name ?? 'Preset'} loaded. GHK potential ${mv(this.model.result.ghk)}.`);
      preset.value = '';
    });
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
    panel.append(
      h('div', { class: 'screen-intro' }, h('h2', { text: this.title }), h('p', { text: 'Set the ion gradients and permeabilities; every potential, arrow and circuit value below is computed with the library\'s Nernst and Goldman–Hodgkin–Katz equations.' })),
      h(
        'div',
        { class: 'layout' },
        h('div', { class: 'side' }, h('div', { class: 'control' }, h('label', { for: 'rest-preset', text: 'Preset' }), preset), this.controls.element, h('div', { class: 'buttons' }, reset)),
        h(
          'div',
          { class: 'results' },
          h('div', { class: 'headline' }, h('span', { text: 'Resting potential (GHK): ' }), this.ghkOutput),
          this.membraneAnimation.element,
          h('figure', { class: 'card' }, h('figcaption', { id: 'rest-membrane-title', text: 'Net passive flow of each ion at rest (arrow length: driving force V − E)' }), this.membrane),
          h('div', { class: 'table-wrap' }, h('table', { class: 'ion-table' }, h('caption', { text: 'Each ion at the resting potential' }), h('thead', {}, h('tr', {}, ...['Ion', 'Inside (mM)', 'Outside (mM)', 'P / P_K', 'Nernst E', 'V − E', 'Ions move', 'ΔG entering'].map((text) => h('th', { scope: 'col', text })))), this.table)),
          h('figure', { class: 'card' }, h('figcaption', { id: 'rest-circuit-title', text: 'Equivalent circuit: each ion a battery (its Nernst potential) in series with its conductance, beside the membrane capacitance' }), this.circuit, this.circuitFigures),
          h('section', { class: 'card', 'aria-labelledby': 'rest-charge-title' }, h('h3', { id: 'rest-charge-title', text: 'Charge on the membrane' }), this.charge),
          h('section', { class: 'card', 'aria-labelledby': 'rest-formulas-title' }, h('h3', { id: 'rest-formulas-title', text: 'The formulas, with the numbers put in' }), this.formulas),
        ),
      ),
    );
  }

  apply(values: ParamValues): void {
    this.controls.set(values);
    this.update(this.controls.get());
  }

  readouts(): Readonly<Record<string, number>> {
    return {};
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
  }

  private fillTable(result: RestingResult): void {
    this.table.replaceChildren(
      ...result.ions.map((ion) =>
        h(
          'tr',
          { 'data-ion': ion.key },
          h('th', { scope: 'row', style: `color:${ION_COLORS[ion.key]}`, text: ion.label }),
          h('td', { text: f(ion.inside) }),
          h('td', { text: f(ion.outside) }),
          h('td', { text: ion.relativePermeability > 0 ? f(ion.relativePermeability) : '0' }),
          h('td', { 'data-nernst-mv': ion.nernst, text: mv(ion.nernst) }),
          h('td', { text: mv(ion.flow.drivingForce) }),
          h('td', { text: ion.relativePermeability > 0 ? ion.flow.ionDirection : `${ion.flow.ionDirection} (if permeable)` }),
          h('td', { text: `${signed(ion.entryKilojoulesPerMole)} kJ/mol (${signed(ion.entryMillielectronvoltsPerIon)} meV per ion)` }),
        ),
      ),
    );
  }

  private drawMembrane(result: RestingResult): void {
    const root = this.membrane;
    root.replaceChildren();
    const top = 95, bottom = 125;
    root.append(
      svg('text', { x: 8, y: 20, class: 'side-label' }, 'Outside'),
      svg('text', { x: 8, y: 234, class: 'side-label' }, `Inside (V = ${mv(result.ghk)})`),
      svg('rect', { x: 0, y: top, width: 560, height: bottom - top, class: 'lipid' }),
    );
    const defs = svg('defs');
    result.ions.forEach((ion) => {
      defs.append(svg('marker', { id: `arrow-${ion.key}`, viewBox: '0 0 10 10', refX: 8, refY: 5, markerWidth: 5, markerHeight: 5, orient: 'auto-start-reverse' }, svg('path', { d: 'M0,0 L10,5 L0,10 z', fill: ION_COLORS[ion.key] })));
    });
    root.append(defs);
    result.ions.forEach((ion, i) => {
      const x = 70 + i * 140;
      const permeable = ion.relativePermeability > 0;
      const magnitude = Math.min(1, Math.abs(ion.flow.drivingForce) / 150);
      const length = 12 + 70 * magnitude;
      const inward = ion.flow.ionDirection === 'into the cell';
      const none = ion.flow.ionDirection === 'none';
      const mid = (top + bottom) / 2;
      const [y1, y2] = inward ? [mid - length, mid + length] : [mid + length, mid - length];
      // Width: the size of the net current through the open membrane (log scale).
      const width = permeable ? Math.max(1.5, Math.min(9, 2 + Math.log10(1 + Math.abs(ion.currentDensity) * 1e6))) : 1.5;
      root.append(svg('text', { x, y: 40, 'text-anchor': 'middle', fill: ION_COLORS[ion.key], 'font-weight': 'bold' }, ion.label));
      if (!none) {
        root.append(
          svg('line', {
            x1: x,
            y1,
            x2: x,
            y2,
            stroke: ION_COLORS[ion.key],
            'stroke-width': width,
            'stroke-dasharray': permeable ? '8 4' : '2 4',
            class: permeable ? 'flow' : 'flow blocked',
            'marker-end': `url(#arrow-${ion.key})`,
          }),
        );
      }
      root.append(
        svg('text', { x, y: 200, 'text-anchor': 'middle', class: 'small-label' }, permeable ? (none ? 'no net flow' : inward ? 'flows in' : 'flows out') : 'impermeant'),
        svg('text', { x, y: 215, 'text-anchor': 'middle', class: 'small-label' }, `V − E = ${mv(ion.flow.drivingForce, 2)}`),
      );
    });
  }

  private drawCircuit(result: RestingResult): void {
    const root = this.circuit;
    root.replaceChildren();
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
      // Resistor (zig-zag) from topY+20 to topY+70, battery at 130.
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
        svg('text', { x: x + 12, y: topY + 50, class: 'small-label', fill: color }, `g${ion.label}`),
        svg('text', { x: x + 12, y: topY + 63, class: 'tiny-label' }, `${f(ion.conductance * 1e3)} mS/cm²`),
        svg('text', { x: x + 16, y: 150, class: 'small-label', fill: color }, `E ${mv(ion.nernst)}`),
        svg('text', { x: x + 16, y: 163, class: 'tiny-label' }, `I ${signed(ion.currentDensity * 1e3)} µA/cm²`),
      );
    });
    const c = result.circuit;
    this.circuitFigures.textContent = `Total conductance ${f(c.totalConductance * 1e3)} nS, input resistance ${f(c.inputResistance)} MΩ, capacitance ${f(c.totalCapacitance)} pF, time constant τ = RC = ${f(c.timeConstant)} ms. At rest the ionic currents cancel (net ${signed(c.totalCurrent * 1e3, 2)} pA): Na⁺ leaks in and K⁺ out, steadily.`;
  }

  private fillCharge(result: RestingResult): void {
    const q = result.charge;
    this.charge.textContent = `A ${f(Math.sqrt(result.area / Math.PI))} µm sphere (${f(result.area)} µm², ${f(result.volume)} µm³) at ${mv(result.ghk)} holds ${f(Math.abs(q.chargeCoulombs))} C on its membrane: ${f(q.ions)} monovalent ions crossed to charge it — a fraction ${f(q.fraction ?? 0)} (${f((q.fraction ?? 0) * 100)} %) of the cell's K⁺. The concentrations barely change: the potential is made by very few ions.`;
    this.charge.setAttribute('data-ions', String(q.ions));
  }

  private fillFormulas(result: RestingResult): void {
    const vt = result.thermalVoltage;
    const lines: string[] = [];
    lines.push(`RT/F = (8.314 J/(mol·K) × ${f(result.temperatureKelvin, 5)} K) / 96485 C/mol = ${f(vt, 4)} mV`);
    for (const ion of result.ions) {
      lines.push(`E(${ion.label}) = (RT/zF) ln([out]/[in]) = (${f(vt, 4)} mV / ${ion.valence > 0 ? '+' : ''}${ion.valence}) × ln(${f(ion.outside)} / ${f(ion.inside)}) = ${mv(ion.nernst, 4)}`);
    }
    const [k, na, cl, ca] = result.ions;
    const num = `${f(k.relativePermeability)}×${f(k.outside)} + ${f(na.relativePermeability)}×${f(na.outside)} + ${f(cl.relativePermeability)}×${f(cl.inside)}`;
    const den = `${f(k.relativePermeability)}×${f(k.inside)} + ${f(na.relativePermeability)}×${f(na.inside)} + ${f(cl.relativePermeability)}×${f(cl.outside)}`;
    lines.push(
      `V(GHK) = (RT/F) ln((P_K[K]o + P_Na[Na]o + P_Cl[Cl]i) / (P_K[K]i + P_Na[Na]i + P_Cl[Cl]o)) = ${f(vt, 4)} mV × ln((${num}) / (${den}))${ca.relativePermeability > 0 ? ' — with Ca²⁺ permeant (z = 2) the zero-current voltage is solved numerically' : ''} = ${mv(result.ghk, 4)}`,
    );
    const q = result.charge;
    lines.push(`Q = C V = ${f(result.circuit.totalCapacitance)} pF × ${signed(result.ghk, 4)} mV = ${signed(q.chargeCoulombs)} C;  N = |Q| / e = ${f(Math.abs(q.chargeCoulombs))} C / 1.602e-19 C = ${f(q.ions)} ions`);
    lines.push(`fraction = N / (N_A [K⁺]i volume) = ${f(q.ions)} / (6.022e23 × ${f(k.inside)} mM × ${f(result.volume)} µm³) = ${f(q.fraction ?? 0)}`);
    lines.push(`ΔG(entering) = RT ln([in]/[out]) + zF V;  for Na⁺: ${f(vt, 4)} mV·F × ln(${f(na.inside)}/${f(na.outside)}) + F × ${signed(result.ghk, 4)} mV = ${signed(na.entryKilojoulesPerMole)} kJ/mol`);
    lines.push(`Chord conductance g = I(V) / (V − E);  τ = c_m / Σg = 1 µF/cm² / ${f(RESTING_IONS.reduce((s, _, i) => s + result.ions[i].conductance, 0) * 1e3)} mS/cm² = ${f(result.circuit.timeConstant)} ms`);
    this.formulas.replaceChildren(...lines.map((line) => h('p', { class: 'formula', text: line })));
  }
}
