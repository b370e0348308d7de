/**
 * Activities and challenges in the page (issue 8, item 3): guided activities in three steps — predict, run and
 * observe, explain — each with a one-click setup, and challenges that the page checks. A screen declares its own
 * (web/src/screens/<screen>/activities.ts) as data plus functions of its computed numbers; this module holds their
 * types, the pure helpers (the state an activity sets, the constraint check) and the panel that shows them.
 *
 * Every explanation and every verdict is computed from the screen's readouts (`Screen.readouts()`, the numbers the
 * screen shows, in canonical units) or from the library's engine jobs (web/src/jobs.ts), never from fixed figures.
 */
import './teaching.css';
import { h } from '../dom.js';
import { EngineClient } from '../engine-client.js';
import type { JobInputs, JobName, JobOutputs } from '../engine-protocol.js';
import { formatHash, type ParamSpec, type ParamValues } from '../params.js';
import type { ScreenHost } from '../screen.js';
import { stateOverDefaults } from './presets.js';

export type Readouts = Readonly<Record<string, number>>;

/** The part of a screen the activities use (a `Screen` is one). */
export interface TeachingScreen {
  readonly id: string;
  readonly specs: readonly ParamSpec[];
  apply(values: ParamValues): void;
  values(): ParamValues;
  readouts(): Readouts;
}

/** Runs one of the engine's jobs (in the browser: in the worker; in Node tests: in process). */
export type JobRunner = <K extends JobName>(job: K, input: JobInputs[K]) => Promise<JobOutputs[K]>;

export interface Prediction {
  readonly question: string;
  /** Multiple choice; without choices the student writes a free-text prediction. */
  readonly choices?: readonly string[];
  /** Index of the choice the simulation bears out (shown beside the student's after "Explain"). */
  readonly answer?: number;
}

export interface ExplainContext {
  readonly readouts: Readouts;
  readonly values: ParamValues;
  /** For a figure the screen does not read out: run the library on the screen's model. */
  readonly run: JobRunner;
}

export interface Activity {
  readonly id: string;
  readonly title: string;
  /** The values that differ from the screen's defaults: "Set it up" applies them over the defaults. */
  readonly setup: ParamValues;
  readonly predict: Prediction;
  /** What to do and where to look once it is set up. */
  readonly observe: string;
  /** Readout keys the explanation needs (the panel waits for the run that provides them). */
  readonly needs?: readonly string[];
  /** The explanation, with the numbers the screen computed. */
  explain(context: ExplainContext): string | Promise<string>;
}

export interface ChallengeContext {
  readonly specs: readonly ParamSpec[];
  /** The values on the screen now, and the challenge's start values. */
  readonly values: ParamValues;
  readonly start: ParamValues;
  readonly readouts: Readouts;
  /** The number the student typed (challenges with an `answer` box). */
  readonly answer?: number;
  readonly run: JobRunner;
}

export interface Verdict {
  readonly solved: boolean;
  readonly feedback: string;
}

export interface Challenge {
  readonly id: string;
  readonly title: string;
  /** What to achieve, said to the student. */
  readonly goal: string;
  /** The values that differ from the defaults at the start ("Start" applies them over the defaults). */
  readonly start: ParamValues;
  /** Only these controls may differ from the start values (absent: any control may change). */
  readonly onlyChange?: readonly string[];
  /** A box for a number the student measured and types in. */
  readonly answer?: { readonly label: string; readonly unit: string };
  /** Readout keys the check needs (the panel waits for the run that provides them). */
  readonly needs?: readonly string[];
  /** Decides; the constraint (`onlyChange`) has already been checked. */
  check(context: ChallengeContext): Promise<Verdict> | Verdict;
}

/**
 * A runner on its own engine worker (created at the first check): checks run one at a time and are never
 * superseded by a screen's runs.
 */
export function engineRunner(): JobRunner {
  let client: EngineClient | undefined;
  return async (job, input) => {
    client ??= new EngineClient(Number.POSITIVE_INFINITY);
    const output = await client.run(job, input);
    if (output === null) throw new Error('the check was superseded by a newer one');
    return output;
  };
}

/** The full state an activity's setup (or a challenge's start) gives: its values over the screen's defaults. */
export function activityState(specs: readonly ParamSpec[], values: ParamValues): ParamValues {
  return stateOverDefaults(specs, values);
}

/** The URL hash that opens an activity's setup (`#resting?temperature=...`), as the lab writes it. */
export function activityHash(screen: string, specs: readonly ParamSpec[], setup: ParamValues): string {
  return formatHash(screen, specs, activityState(specs, setup));
}

/** Labels of the controls that differ from the start values but are not among those allowed to change. */
export function constraintViolations(specs: readonly ParamSpec[], start: ParamValues, values: ParamValues, onlyChange: readonly string[] | undefined): string[] {
  if (!onlyChange) return [];
  const initial = activityState(specs, start);
  return specs
    .filter((spec) => !onlyChange.includes(spec.key))
    .filter((spec) => {
      const a = initial[spec.key], b = values[spec.key] ?? spec.default;
      if (typeof a === 'number' && typeof b === 'number') return Math.abs(a - b) > 1e-6 * Math.max(Math.abs(a), Math.abs(b), 1e-12);
      return String(a) !== String(b);
    })
    .map((spec) => spec.label);
}

/** A challenge checked as the page checks it: first the constraint, then the challenge's own check. */
export async function checkChallenge(challenge: Challenge, context: ChallengeContext): Promise<Verdict> {
  const broken = constraintViolations(context.specs, challenge.start, context.values, challenge.onlyChange);
  if (broken.length > 0) {
    const allowed = challenge.onlyChange?.map((key) => context.specs.find((spec) => spec.key === key)?.label ?? key).join(', ');
    return { solved: false, feedback: `Not yet: only ${allowed} may change, but ${broken.join(', ')} ${broken.length > 1 ? 'differ' : 'differs'} from the start. Press “Start” to go back to the start values.` };
  }
  if (challenge.answer && (context.answer === undefined || !Number.isFinite(context.answer))) {
    return { solved: false, feedback: `Type your ${challenge.answer.label.toLowerCase()} (${challenge.answer.unit}) in the box first.` };
  }
  return challenge.check(context);
}

export interface ActivityPanelOptions {
  /** Prefix of element ids (the screen's, e.g. "rest"). */
  readonly prefix: string;
  readonly screen: TeachingScreen;
  readonly host: ScreenHost;
  readonly activities: readonly Activity[];
  readonly challenges: readonly Challenge[];
  /** Runs engine jobs for the checks (default: `engineRunner()`). */
  readonly run?: JobRunner;
  /** False while the screen is computing (its readouts are not yet those of its controls). */
  readonly ready?: () => boolean;
}

const WAIT_LIMIT_MS = 20_000;

/** The "Activities and challenges" panel: a collapsible section for the results column of a screen. */
export class ActivityPanel {
  readonly element: HTMLDetailsElement;

  private readonly run: JobRunner;

  constructor(private readonly options: ActivityPanelOptions) {
    const { prefix, activities, challenges } = options;
    this.run = options.run ?? engineRunner();
    this.element = h('details', { class: 'card teaching', id: `${prefix}-teaching`, 'data-teaching': options.screen.id });
    this.element.append(
      h('summary', {}, h('span', { class: 'teaching-title', text: 'Activities and challenges' }), h('span', { class: 'teaching-count', text: ` (${activities.length} activities, ${challenges.length} challenge${challenges.length === 1 ? '' : 's'})` })),
      h('h3', { class: 'teaching-heading', id: `${prefix}-activities-heading`, text: 'Activities: predict, run, explain' }),
      h('div', { class: 'teaching-list', role: 'list', 'aria-labelledby': `${prefix}-activities-heading` }, ...activities.map((activity) => this.activity(activity))),
      h('h3', { class: 'teaching-heading', id: `${prefix}-challenges-heading`, text: 'Challenges the page checks' }),
      h('div', { class: 'teaching-list', role: 'list', 'aria-labelledby': `${prefix}-challenges-heading` }, ...challenges.map((challenge) => this.challenge(challenge))),
    );
  }

  /** Resolves once the screen's readouts belong to its controls (and have the keys asked for). */
  private async settled(needs: readonly string[] = []): Promise<Readouts> {
    const start = performance.now();
    // Give a run started by the last change the chance to mark the screen busy.
    await new Promise((resolve) => setTimeout(resolve, 0));
    for (;;) {
      const ready = this.options.ready?.() ?? true;
      const readouts = this.options.screen.readouts();
      if (ready && needs.every((key) => Number.isFinite(readouts[key]))) return readouts;
      if (performance.now() - start > WAIT_LIMIT_MS) return readouts;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  private setUp(values: ParamValues, title: string): void {
    const { screen, host } = this.options;
    screen.apply(activityState(screen.specs, values));
    host.commit();
    host.announce(`Set up: ${title}.`);
  }

  private activity(activity: Activity): HTMLElement {
    const id = `${this.options.prefix}-activity-${activity.id}`;
    const prediction = this.prediction(id, activity.predict);
    const setUp = h('button', { type: 'button', class: 'setup', id: `${id}-setup`, text: 'Set it up', 'aria-label': `Set it up: ${activity.title}` });
    setUp.addEventListener('click', () => this.setUp(activity.setup, activity.title));
    const explanation = h('div', { class: 'explanation', id: `${id}-explanation`, hidden: true, role: 'status' });
    const explain = h('button', { type: 'button', class: 'explain', id: `${id}-explain`, text: 'Explain', 'aria-expanded': 'false', 'aria-controls': `${id}-explanation`, 'aria-label': `Explain: ${activity.title}` });
    explain.addEventListener('click', async () => {
      if (explain.getAttribute('aria-expanded') === 'true') {
        explanation.hidden = true;
        explain.setAttribute('aria-expanded', 'false');
        explain.textContent = 'Explain';
        return;
      }
      explain.setAttribute('aria-expanded', 'true');
      explain.textContent = 'Hide the explanation';
      explanation.hidden = false;
      explanation.textContent = 'Waiting for the run to finish…';
      const readouts = await this.settled(activity.needs);
      const values = this.options.screen.values();
      const parts: HTMLElement[] = [];
      const said = prediction.said();
      const { choices, answer } = activity.predict;
      if (choices && answer !== undefined) {
        const verdict = said === undefined ? `The simulation says: “${choices[answer]}”.` : said === choices[answer] ? `You predicted “${said}”: right.` : `You predicted “${said}”; the simulation says “${choices[answer]}”.`;
        parts.push(h('p', { class: 'prediction-verdict', text: verdict }));
      } else if (said) {
        parts.push(h('p', { class: 'prediction-verdict', text: `Your prediction: “${said}”. Compare it with what the screen shows.` }));
      }
      let text: string;
      try {
        text = await activity.explain({ readouts, values, run: this.run });
      } catch (error) {
        text = `The explanation needs the screen's results, which are not ready: ${error instanceof Error ? error.message : String(error)}`;
      }
      parts.push(h('p', { text }));
      const setupState = activityState(this.options.screen.specs, activity.setup);
      if (!sameState(setupState, values)) {
        parts.push(h('p', { class: 'teaching-note', text: 'These numbers are for the settings now on the screen, which differ from this activity’s setup.' }));
      }
      explanation.replaceChildren(...parts);
    });
    return h(
      'details',
      { class: 'activity', role: 'listitem', 'data-activity': activity.id, id },
      h('summary', { text: activity.title }),
      h('div', { class: 'step' }, h('span', { class: 'step-name', text: '1 · Predict' }), prediction.element),
      h('div', { class: 'step' }, h('span', { class: 'step-name', text: '2 · Run and observe' }), h('p', { text: activity.observe }), setUp),
      h('div', { class: 'step' }, h('span', { class: 'step-name', text: '3 · Explain' }), explain, explanation),
    );
  }

  private prediction(id: string, predict: Prediction): { element: HTMLElement; said(): string | undefined } {
    if (predict.choices) {
      const name = `${id}-predict`;
      const inputs = predict.choices.map((choice, i) => h('input', { type: 'radio', name, id: `${name}-${i}`, value: choice }));
      const element = h(
        'fieldset',
        { class: 'prediction' },
        h('legend', { text: predict.question }),
        ...predict.choices.map((choice, i) => h('div', { class: 'choice' }, inputs[i], h('label', { for: `${name}-${i}`, text: choice }))),
      );
      return { element, said: () => inputs.find((input) => input.checked)?.value };
    }
    const box = h('textarea', { id: `${id}-predict`, rows: 2, class: 'prediction-text' });
    const element = h('div', { class: 'prediction' }, h('label', { for: `${id}-predict`, text: predict.question }), box);
    return { element, said: () => box.value.trim() || undefined };
  }

  private challenge(challenge: Challenge): HTMLElement {
    const { prefix, screen, host } = this.options;
    const id = `${prefix}-challenge-${challenge.id}`;
    const start = h('button', { type: 'button', class: 'setup', id: `${id}-start`, text: 'Start', 'aria-label': `Start the challenge: ${challenge.title}` });
    start.addEventListener('click', () => {
      this.setUp(challenge.start, challenge.title);
      feedback.textContent = '';
      feedback.removeAttribute('data-solved');
    });
    let answerBox: HTMLInputElement | undefined;
    const answerRow = challenge.answer
      ? h(
          'div',
          { class: 'answer' },
          h('label', { for: `${id}-answer`, text: `${challenge.answer.label} (${challenge.answer.unit})` }),
          (answerBox = h('input', { type: 'number', id: `${id}-answer`, step: 'any', inputmode: 'decimal' })),
        )
      : null;
    const check = h('button', { type: 'button', class: 'check', id: `${id}-check`, text: 'Check', 'aria-label': `Check: ${challenge.title}` });
    const feedback = h('p', { class: 'feedback', id: `${id}-feedback`, role: 'status' });
    check.addEventListener('click', async () => {
      check.disabled = true;
      feedback.removeAttribute('data-solved');
      feedback.textContent = 'Checking…';
      try {
        const readouts = await this.settled(challenge.needs);
        const typed = answerBox && answerBox.value.trim() !== '' ? Number(answerBox.value) : undefined;
        const verdict = await checkChallenge(challenge, { specs: screen.specs, values: screen.values(), start: challenge.start, readouts, answer: typed, run: this.run });
        feedback.textContent = `${verdict.solved ? 'Solved! ' : ''}${verdict.feedback}`;
        feedback.setAttribute('data-solved', String(verdict.solved));
        host.announce(feedback.textContent);
      } catch (error) {
        feedback.textContent = `The check could not run: ${error instanceof Error ? error.message : String(error)}`;
        feedback.setAttribute('data-solved', 'false');
      } finally {
        check.disabled = false;
      }
    });
    const allowed = challenge.onlyChange?.map((key) => screen.specs.find((spec) => spec.key === key)?.label ?? key);
    return h(
      'details',
      { class: 'challenge', role: 'listitem', 'data-challenge': challenge.id, id },
      h('summary', { text: challenge.title }),
      h('p', { class: 'goal', text: challenge.goal }),
      allowed ? h('p', { class: 'constraint', text: `You may change only: ${allowed.join(', ')}.` }) : null,
      h('div', { class: 'buttons' }, start),
      answerRow,
      h('div', { class: 'buttons' }, check),
      feedback,
    );
  }
}

function sameState(a: ParamValues, b: ParamValues): boolean {
  return Object.keys(a).every((key) => {
    const x = a[key], y = b[key];
    if (typeof x === 'number' && typeof y === 'number') return Math.abs(x - y) <= 1e-6 * Math.max(Math.abs(x), Math.abs(y), 1e-12);
    return String(x) === String(y);
  });
}
