/** Pump and gradients: hours of Na+ and K+ concentrations and Vm as a time-lapse; ouabain stops the pump. */
import type uPlot from 'uplot';
import { formatQuantity } from '../../common/format.js';
import { PALETTE } from '../../common/palette.js';
import { ActivityPanel } from '../../common/activities.js';
import { PresetPicker } from '../../common/presets.js';
import { ControlPanel } from '../../controls.js';
import { PUMP_ACTIVITIES, PUMP_CHALLENGES, pumpReadouts } from './activities.js';
import { PUMP_PRESETS } from './presets.js';
import { HoldCompare } from '../../common/hold-compare.js';
import { h, resultRow } from '../../dom.js';
import { EngineClient } from '../../engine-client.js';
import type { SimulationFrame } from '../../engine-protocol.js';
import { defaults, formatNumber as f, type ParamValues } from '../../params.js';
import { Plot } from '../../plot.js';
import type { Screen, ScreenHost } from '../../screen.js';
import { buildPumpSegments, PUMP_AVAILABLE, PUMP_SPECS, PumpModel } from './model.js';
import { ghkCurrentDensity } from '../../../../src/core/index.js';
import { MembraneAnimation } from '../../common/membrane-animation.js';
import { pumpCellFromModel, pumpSeries } from '../../common/membrane-state.js';

/** One state of the cell, for people: "Vm −71.2 mV, [Na⁺]i 11.9 mM, [K⁺]i 139 mM" (true minus, a × 10ⁿ). */
function describeState(v: number, sodium: number, potassium: number): string {
  return `Vm ${formatQuantity(v, 'mV')}, [Na⁺]i ${formatQuantity(sodium, 'mM')}, [K⁺]i ${formatQuantity(potassium, 'mM')}`;
}


export class PumpScreen implements Screen {
  readonly id = 'pump';
  readonly title = 'Pump and gradients';
  readonly specs = PUMP_SPECS;
  private readonly model = new PumpModel();
  private readonly engine = new EngineClient(1000);
  private controls!: ControlPanel;
  private presets!: PresetPicker;
  private host!: ScreenHost;
  private panel!: HTMLElement;
  private plots: { conc: Plot; v: Plot; pump: Plot } | undefined;
  private results!: Record<string, HTMLElement>;
  private status!: HTMLElement;
  private details!: HTMLElement;
  private readonly membrane = new MembraneAnimation({
    id: 'pump-membrane-animation',
    title: 'The membrane at work: the Na⁺/K⁺ pump against the Na⁺ and K⁺ leaks, over the hours of the time-lapse',
    speeds: [0.1, 0.25, 0.75, 2].map((hours) => ({ label: `${f(hours)} h per second`, simulatedMsPerWallSecond: hours * 3600e3 })),
    defaultSpeed: 2,
    stepMs: 0.1 * 3600e3,
    formatTime: (ms) => {
      const hours = ms / 3600e3;
      const whole = Math.floor(hours);
      return `${whole} h ${String(Math.floor((hours - whole) * 60)).padStart(2, '0')} min`;
    },
    onCursor: (ms) => {
      this.model.moveCursor(ms / 3600e3);
      this.setClock(this.model.cursorHours);
      for (const plot of Object.values(this.plots ?? {})) plot.redraw();
    },
  });
  private frame: SimulationFrame | undefined;

  mount(panel: HTMLElement, host: ScreenHost): void {
    this.host = host;
    this.panel = panel;
    this.controls = new ControlPanel(
      'pump',
      PUMP_SPECS,
      [
        { legend: 'Experiment', keys: ['ouabain', 'control_h', 'duration_h'] },
        { legend: 'Cell', keys: ['diameter', 'imax', 'pna', 'pk', 'temperature'] },
      ],
      defaults(PUMP_SPECS),
      () => this.run(),
      () => host.commit(),
    );
    const intro = h('div', { class: 'screen-intro' }, h('h2', { text: this.title }), h('p', { text: 'The Na⁺/K⁺ pump moves 3 Na⁺ out and 2 K⁺ in per cycle, against the leaks. Stop it with ouabain and watch the gradients — and the resting potential — run down over hours.' }));
    if (!PUMP_AVAILABLE) {
      panel.append(intro, h('p', { class: 'note coming', role: 'note', text: 'Coming: this screen needs the na-k-pump and ghk-leak mechanisms, which are not in this build of the library yet.' }));
      return;
    }
    const play = h('button', { type: 'button', text: 'Play time-lapse', id: 'pump-play' });
    play.addEventListener('click', () => {
      // One animation loop for the screen: the membrane animation's playback (web/src/common/playback.ts) moves the
      // clock and the cursor over the plots; the time-lapse plays the whole run in about 8 s.
      this.membrane.replay((this.model.durationHours / 8) * 3600e3);
    });
    const reset = h('button', { type: 'button', text: 'Reset', 'aria-label': 'Reset the pump screen' });
    reset.addEventListener('click', () => {
      this.apply(defaults(PUMP_SPECS));
      this.model.reset();
      host.commit();
    });
    const cursor = (u: uPlot) => {
      const control = Number(this.controls.get().control_h);
      const ctx = u.ctx;
      const drawAt = (hours: number, color: string, label?: string) => {
        const x = u.valToPos(hours, 'x', true);
        if (!Number.isFinite(x)) return;
        ctx.save();
        ctx.strokeStyle = color;
        ctx.setLineDash(label ? [5, 4] : []);
        ctx.beginPath();
        ctx.moveTo(x, u.bbox.top);
        ctx.lineTo(x, u.bbox.top + u.bbox.height);
        ctx.stroke();
        if (label) {
          ctx.fillStyle = color;
          ctx.textAlign = 'left';
          ctx.font = `${12 * devicePixelRatio}px system-ui, sans-serif`;
          ctx.fillText(label, x + 4 * devicePixelRatio, u.bbox.top + 14 * devicePixelRatio);
        }
        ctx.restore();
      };
      if (Number(this.controls.get().ouabain) > 0) drawAt(control, PALETTE.stimulus.text, 'ouabain');
      if (this.model.cursorShown) drawAt(this.model.cursorHours, PALETTE.cursor.color);
    };
    this.plots = {
      conc: new Plot({ id: 'pump-plot-conc', title: 'Inside concentrations', xLabel: 'time', xUnit: 'h', yLabel: 'mM', series: [{ label: '[Na⁺]i', unit: 'mM', color: PALETTE.na.color, dash: [...PALETTE.na.dash], width: 2 }, { label: '[K⁺]i', unit: 'mM', color: PALETTE.k.color, dash: [...PALETTE.k.dash], width: 2 }], height: 220, decorate: cursor }),
      v: new Plot({ id: 'pump-plot-v', title: 'Membrane and reversal potentials', xLabel: 'time', xUnit: 'h', yLabel: 'mV', series: [{ label: 'Vm', unit: 'mV', color: PALETTE.v.color, width: 2 }, { label: 'E Na', unit: 'mV', color: PALETTE.na.color, dash: [2, 3] }, { label: 'E K', unit: 'mV', color: PALETTE.k.color, dash: [8, 3] }], height: 220, decorate: cursor }),
      pump: new Plot({ id: 'pump-plot-pump', title: 'Pump current (outward)', xLabel: 'time', xUnit: 'h', yLabel: 'µA/cm²', series: [{ label: 'I pump', unit: 'µA/cm²', color: PALETTE.pump.color, width: 2 }], height: 160, decorate: cursor }),
    };
    const list = h('dl', { class: 'results-list' });
    this.results = {
      clock: resultRow(list, 'Time', 'pump-clock'),
      now: resultRow(list, 'At this time', 'pump-now'),
      start: resultRow(list, 'Steady state with the pump', 'pump-start'),
      end: resultRow(list, 'At the end', 'pump-end'),
    };
    this.status = h('p', { class: 'status', role: 'status', id: 'pump-status' });
    this.details = h('p', { id: 'pump-details' });
    this.presets = new PresetPicker({
      id: 'pump-preset',
      specs: PUMP_SPECS,
      presets: PUMP_PRESETS,
      onChoose: (values, chosen) => {
        this.apply(values);
        host.commit();
        host.announce(`${chosen.label} loaded.`);
      },
    });
    this.presets.watch(this.controls.element, () => this.controls.get());
    const teaching = new ActivityPanel({ prefix: 'pump', screen: this, host, activities: PUMP_ACTIVITIES, challenges: PUMP_CHALLENGES, ready: () => panel.getAttribute('data-state') !== 'running' });
    panel.append(
      intro,
      h(
        'div',
        { class: 'layout' },
        h('div', { class: 'side' }, this.presets.element, this.controls.element, h('div', { class: 'buttons' }, play, reset, new HoldCompare({ prefix: 'pump', plots: () => Object.values(this.plots ?? {}), specs: PUMP_SPECS, values: () => this.controls.get(), host }).element)),
        h('div', { class: 'results' }, h('div', { class: 'card results-card', id: 'pump-results', 'aria-live': 'polite' }, list, this.status, h('details', { class: 'run-details' }, h('summary', { text: 'Details' }), this.details)), teaching.element, this.membrane.element, this.plots.conc.element, this.plots.v.element, this.plots.pump.element),
      ),
    );
  }

  apply(values: ParamValues): void {
    this.controls.set(values);
    this.presets?.sync(this.controls.get());
    this.run();
  }

  /**
   * Steady state (start), the samples just before and after the ouabain arrives (the pump's own share of Vm) and the
   * end: Vm (mV), inside Na⁺ and K⁺ (mM), pump current (µA/cm²).
   */
  readouts(): Readonly<Record<string, number>> {
    return this.frame ? pumpReadouts(this.frame, Number(this.controls.get().control_h)) : {};
  }

  values(): ParamValues {
    return this.controls.get();
  }

  show(): void {}

  hide(): void {
    this.membrane.pause();
  }

  private async run(): Promise<void> {
    if (!PUMP_AVAILABLE || !this.plots) {
      this.panel.setAttribute('data-state', 'done');
      return;
    }
    const values = this.controls.get();
    this.panel.setAttribute('data-state', 'running');
    this.status.textContent = 'Computing hours of simulated time…';
    let frame: SimulationFrame | null;
    try {
      frame = await this.engine.run('timelapse', { segments: buildPumpSegments(values), carry: ['na', 'k'] });
    } catch (error) {
      this.status.textContent = `The engine stopped: ${error instanceof Error ? error.message : String(error)}`;
      this.panel.setAttribute('data-state', 'error');
      return;
    }
    if (!frame) return;
    this.frame = frame;
    this.membrane.setSeries(pumpSeries(frame, pumpCellFromModel(buildPumpSegments(values)[0].model), ghkCurrentDensity));
    const hours = frame.time.map((t) => t / 3600e3);
    const trace = (id: string) => frame.traces.find((t) => t.id === id)?.values ?? new Float64Array(frame.time.length);
    this.plots.conc.setData(hours, [trace('na_inside'), trace('k_inside')]);
    this.plots.v.setData(hours, [trace('v'), trace('e_na'), trace('e_k')]);
    this.plots.pump.setData(hours, [trace('pump').map((x) => x * 1e3)]);
    this.model.durationHours = hours[hours.length - 1];
    const describe = (i: number) => describeState(trace('v')[i], trace('na_inside')[i], trace('k_inside')[i]);
    this.results.start.textContent = describe(0);
    this.results.end.textContent = describe(frame.time.length - 1);
    this.results.end.setAttribute('data-end-v', String(trace('v')[frame.time.length - 1]));
    this.setClock(this.model.cursorHours);
    this.status.textContent = `Simulated ${f(this.model.durationHours, 3)} h (after 48 h of settling with the pump on).`;
    this.details.textContent = `${f(frame.steps)} adaptive steps (including the 48 h settling run) in ${f(frame.wallMs, 3)} ms of wall-clock time.`;
    this.panel.setAttribute('data-state', 'done');
    this.host.announce(`After ${f(this.model.durationHours, 3)} hours: ${this.results.end.textContent}.`);
  }

  private setClock(hours: number): void {
    const frame = this.frame;
    if (!frame) return;
    const whole = Math.floor(hours);
    this.results.clock.textContent = `${whole} h ${String(Math.floor((hours - whole) * 60)).padStart(2, '0')} min`;
    let i = 0;
    while (i < frame.time.length - 1 && frame.time[i] / 3600e3 < hours) i++;
    const trace = (id: string) => frame.traces.find((t) => t.id === id)?.values ?? new Float64Array(frame.time.length);
    this.results.now.textContent = describeState(trace('v')[i], trace('na_inside')[i], trace('k_inside')[i]);
  }

}
