/**
 * Controls generated from parameter specs: a labelled slider (aria-valuetext with units) with an exact number box
 * for numbers, a labelled select for choices. `onInput` fires while a slider moves, `onCommit` when a change is
 * complete (the URL gets a history entry then).
 */
import { formatPlain } from './common/format.js';
import { h } from './dom.js';
import { formatNumber, fromPosition, sanitise, toPosition, type ChoiceSpec, type NumberSpec, type ParamSpec, type ParamValue, type ParamValues } from './params.js';

export interface ControlGroup {
  readonly legend: string;
  readonly keys: readonly string[];
}

interface Control {
  readonly spec: ParamSpec;
  set(value: ParamValue): void;
}

export class ControlPanel {
  readonly element: HTMLElement;
  private readonly controls = new Map<string, Control>();
  private readonly values: ParamValues;

  constructor(
    private readonly prefix: string,
    specs: readonly ParamSpec[],
    groups: readonly ControlGroup[],
    initial: ParamValues,
    private readonly onInput: (key: string, values: ParamValues) => void,
    private readonly onCommit: () => void,
  ) {
    this.values = { ...initial };
    this.element = h('div', { class: 'controls' });
    for (const group of groups) {
      const fieldset = h('fieldset', { class: 'control-group' }, h('legend', { text: group.legend }));
      for (const key of group.keys) {
        const spec = specs.find((candidate) => candidate.key === key);
        if (!spec) throw new Error(`no spec ${key}`);
        fieldset.append(spec.kind === 'number' ? this.slider(spec) : this.select(spec));
      }
      this.element.append(fieldset);
    }
  }

  get(): ParamValues {
    return { ...this.values };
  }

  /** Sets values without firing callbacks (from the URL or a preset). */
  set(values: ParamValues): void {
    for (const [key, value] of Object.entries(values)) {
      const control = this.controls.get(key);
      if (!control) continue;
      const checked = sanitise(control.spec, value);
      this.values[key] = checked;
      control.set(checked);
    }
  }

  /** Enables or disables a control (e.g. the pulse width in voltage clamp). */
  enable(key: string, enabled: boolean): void {
    const row = this.element.querySelector<HTMLElement>(`[data-key="${key}"]`);
    if (!row) return;
    row.classList.toggle('disabled', !enabled);
    row.querySelectorAll<HTMLInputElement | HTMLSelectElement>('input, select').forEach((input) => (input.disabled = !enabled));
  }

  private id(key: string): string {
    return `${this.prefix}-${key}`;
  }

  private slider(spec: NumberSpec): HTMLElement {
    const id = this.id(spec.key);
    const low = spec.log ? Math.log10(spec.min) : spec.min;
    const high = spec.log ? Math.log10(spec.max) : spec.max;
    const range = h('input', { type: 'range', id, name: spec.key, min: low, max: high, step: spec.step, 'data-key': spec.key });
    const number = h('input', {
      type: 'number',
      id: `${id}-number`,
      class: 'exact',
      min: spec.zeroAtMin ? 0 : spec.min,
      max: spec.max,
      step: 'any',
      'aria-label': `${spec.label} in ${spec.unit || 'units'}, exact value`,
    });
    const helpId = spec.help ? `${id}-help` : undefined;
    if (helpId) range.setAttribute('aria-describedby', helpId);
    const text = (value: number) => `${formatNumber(value, spec.digits ?? 3)}${spec.unit ? ` ${spec.unit}` : ''}`;
    const show = (value: number) => {
      range.value = String(toPosition(spec, value));
      range.setAttribute('aria-valuetext', text(value));
      number.value = formatPlain(value, Math.max(4, spec.digits ?? 3));
    };
    range.addEventListener('input', () => {
      const value = sanitise(spec, fromPosition(spec, Number(range.value))) as number;
      this.values[spec.key] = value;
      range.setAttribute('aria-valuetext', text(value));
      number.value = formatPlain(value, Math.max(4, spec.digits ?? 3));
      this.onInput(spec.key, this.get());
    });
    range.addEventListener('change', () => this.onCommit());
    number.addEventListener('change', () => {
      const value = sanitise(spec, number.value) as number;
      this.values[spec.key] = value;
      show(value);
      this.onInput(spec.key, this.get());
      this.onCommit();
    });
    this.controls.set(spec.key, { spec, set: (value) => show(value as number) });
    show(this.values[spec.key] as number);
    return h(
      'div',
      { class: 'control', 'data-key': spec.key },
      h('label', { for: id, text: spec.label }),
      h('div', { class: 'control-inputs' }, range, number, h('span', { class: 'unit', 'aria-hidden': 'true', text: spec.unit })),
      spec.help ? h('p', { class: 'help', id: helpId, text: spec.help }) : null,
    );
  }

  private select(spec: ChoiceSpec): HTMLElement {
    const id = this.id(spec.key);
    const select = h('select', { id, name: spec.key, 'data-key': spec.key });
    for (const option of spec.options) select.append(h('option', { value: option.value, text: option.label }));
    select.value = String(this.values[spec.key]);
    select.addEventListener('change', () => {
      this.values[spec.key] = select.value;
      this.onInput(spec.key, this.get());
      this.onCommit();
    });
    this.controls.set(spec.key, { spec, set: (value) => (select.value = String(value)) });
    return h(
      'div',
      { class: 'control control-choice', 'data-key': spec.key },
      h('label', { for: id, text: spec.label }),
      select,
      spec.help ? h('p', { class: 'help', text: spec.help }) : null,
    );
  }
}
