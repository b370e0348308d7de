/**
 * Presets: named experiment states a screen offers in a dropdown. A preset is a full state (its values laid over the
 * screen's defaults), so loading one sets every control; the dropdown then keeps showing it for as long as the
 * controls still hold its values, and shows "Custom settings" as soon as any control differs (issue 8: "after
 * loading a preset the dropdown forgets it").
 */
import { h } from '../dom.js';
import { defaults, sanitise, type ParamSpec, type ParamValues } from '../params.js';

export interface Preset {
  /** Stable id (used in option values and tests). */
  readonly id: string;
  readonly label: string;
  /** The values that differ from the screen's defaults. */
  readonly values: ParamValues;
  /** One sentence on what the preset shows (announced when it is loaded). */
  readonly description?: string;
}

/** A full state: the given values over the screen's defaults, each brought into its spec's range. */
export function stateOverDefaults(specs: readonly ParamSpec[], values: ParamValues): ParamValues {
  const state = defaults(specs);
  for (const spec of specs) if (values[spec.key] !== undefined) state[spec.key] = sanitise(spec, values[spec.key]);
  return state;
}

/** The full state of a preset: its values over the defaults. */
export function presetState(specs: readonly ParamSpec[], preset: Preset): ParamValues {
  return stateOverDefaults(specs, preset.values);
}

/** Do two values of a spec agree (numbers to 6 significant digits, the precision of the URL and the number box)? */
function same(a: unknown, b: unknown): boolean {
  if (typeof a === 'number' && typeof b === 'number') return a === b || Math.abs(a - b) <= 1e-6 * Math.max(Math.abs(a), Math.abs(b));
  return String(a) === String(b);
}

/** Does the state `values` hold every value of the preset (and the defaults elsewhere)? */
export function matchesPreset(specs: readonly ParamSpec[], preset: Preset, values: ParamValues): boolean {
  const state = presetState(specs, preset);
  return specs.every((spec) => same(state[spec.key], values[spec.key] ?? spec.default));
}

const CUSTOM = '';

export interface PresetPickerOptions {
  /** Id of the select (its label points at it). */
  readonly id: string;
  readonly specs: readonly ParamSpec[];
  readonly presets: readonly Preset[];
  /** Called when the student chooses a preset, with its full state. */
  readonly onChoose: (values: ParamValues, preset: Preset) => void;
  readonly label?: string;
}

/** A labelled preset dropdown that shows which preset the controls hold (or "Custom settings"). */
export class PresetPicker {
  readonly element: HTMLElement;
  readonly select: HTMLSelectElement;
  private chosen: string | undefined;

  constructor(private readonly options: PresetPickerOptions) {
    this.select = h(
      'select',
      { id: options.id, 'data-presets': 'true' },
      h('option', { value: CUSTOM, text: 'Custom settings' }),
      ...options.presets.map((preset) => h('option', { value: preset.id, text: preset.label })),
    );
    this.select.addEventListener('change', () => {
      const preset = options.presets.find((candidate) => candidate.id === this.select.value);
      if (!preset) return;
      this.chosen = preset.id;
      options.onChoose(presetState(options.specs, preset), preset);
      this.select.value = preset.id;
    });
    this.element = h('div', { class: 'control preset-control' }, h('label', { for: options.id, text: options.label ?? 'Preset' }), this.select);
  }

  /** Shows the preset the values match (the one last chosen if several do), or "Custom settings". */
  sync(values: ParamValues): void {
    const { specs, presets } = this.options;
    const last = presets.find((preset) => preset.id === this.chosen);
    const match = last && matchesPreset(specs, last, values) ? last : presets.find((preset) => matchesPreset(specs, preset, values));
    this.select.value = match?.id ?? CUSTOM;
  }

  /** Keeps the dropdown in step with the controls: any input or change inside `controls` re-checks the values. */
  watch(controls: HTMLElement, values: () => ParamValues): void {
    const update = (event: Event) => {
      if (event.target === this.select) return;
      this.sync(values());
    };
    controls.addEventListener('input', update);
    controls.addEventListener('change', update);
  }

  /** The id of the preset shown, or '' for custom settings. */
  get shown(): string {
    return this.select.value;
  }
}
