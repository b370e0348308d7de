/**
 * Practice: a set of textbook-style problems drawn from a seed (in the URL), each answered in a labelled box or by a
 * choice, checked by the library within a stated tolerance, with a worked solution. The view only draws and forwards
 * input; the problems, answers and verdicts live in the model.
 */
import { h } from '../../dom.js';
import type { ParamSpec, ParamValues } from '../../params.js';
import type { Screen, ScreenHost } from '../../screen.js';
import { describeTolerance, drawSeed, MAXIMUM_SEED, PRACTICE_SPECS, PracticeModel, seedFrom, type AnswerPart, type Problem, type Verdict } from './model.js';

/** Uniform numbers in [0, 1) from the browser's cryptographic generator (only for drawing a new seed). */
function browserRandom(): number {
  return crypto.getRandomValues(new Uint32Array(1))[0] / 4294967296;
}

const partLetter = (part: AnswerPart): string => /^\(([a-z])\)/.exec(part.prompt)?.[1] ?? '';

export class PracticeScreen implements Screen {
  readonly id = 'practice';
  readonly title = 'Practice';
  /**
   * A first visit (a link with no seed) gets a fresh problem set, drawn once per page load and written into the
   * address at once, so that the link still reproduces it; Reset returns to it.
   */
  readonly specs: readonly ParamSpec[] = PRACTICE_SPECS.map((spec) => (spec.key === 'seed' && spec.kind === 'number' ? { ...spec, default: drawSeed(browserRandom) } : spec));
  private readonly model = new PracticeModel();
  private host!: ScreenHost;
  private panel!: HTMLElement;
  private seedInput!: HTMLInputElement;
  private scoreOutput!: HTMLElement;
  private list!: HTMLOListElement;
  private renderedSeed = 0;

  mount(panel: HTMLElement, host: ScreenHost): void {
    this.host = host;
    this.panel = panel;
    this.seedInput = h('input', {
      id: 'practice-seed',
      type: 'number',
      min: 1,
      max: MAXIMUM_SEED,
      step: 1,
      inputmode: 'numeric',
      'aria-describedby': 'practice-seed-help',
    });
    const open = h('button', { type: 'submit', id: 'practice-open', text: 'Open this set' });
    const fresh = h('button', { type: 'button', id: 'practice-new', text: 'New problems' });
    const clear = h('button', { type: 'button', id: 'practice-clear', text: 'Clear my answers' });
    const seedForm = h(
      'form',
      { class: 'practice-bar', 'aria-label': 'Problem set' },
      h('div', { class: 'practice-seed' }, h('label', { for: 'practice-seed', text: 'Problem set number' }), this.seedInput, open),
      h('div', { class: 'buttons' }, fresh, clear),
      h('p', { id: 'practice-seed-help', class: 'help', text: 'The same number gives the same problems, and the link in the address bar opens this set: share it to share the problems.' }),
    );
    seedForm.addEventListener('submit', (event) => {
      event.preventDefault();
      const seed = seedFrom(this.seedInput.value);
      this.apply({ seed });
      this.host.commit();
      this.host.announce(`Problem set ${seed}: ${this.model.problems.length} problems.`);
    });
    fresh.addEventListener('click', () => {
      let seed = drawSeed(browserRandom);
      while (seed === this.model.seed) seed = drawSeed(browserRandom);
      this.apply({ seed });
      this.host.commit();
      this.host.announce(`New problem set ${seed}: ${this.model.problems.length} problems.`);
    });
    clear.addEventListener('click', () => {
      this.model.reset();
      this.render();
      this.host.announce('Answers cleared.');
    });
    this.scoreOutput = h('p', { id: 'practice-score', class: 'practice-score' });
    this.list = h('ol', { class: 'practice-list', id: 'practice-list' });
    panel.append(
      h(
        'div',
        { class: 'screen-intro' },
        h('h2', { text: this.title }),
        h('p', {
          text:
            'Problems in the style of a textbook’s hands-on section, with fresh values in every set. Type an answer as you would write it ' +
            '(−70, -70 mV, −0.07 V, 5.49 × 10^6, 5.49e6) and press Check: the library computes the answer and says how far off you are. ' +
            'Each answer counts within a stated tolerance, and each problem has a worked solution with the numbers put in.',
        }),
      ),
      seedForm,
      this.scoreOutput,
      this.list,
    );
  }

  apply(values: ParamValues): void {
    const changed = this.model.setSeed(seedFrom(values.seed));
    this.seedInput.value = String(this.model.seed);
    if (changed || this.renderedSeed !== this.model.seed) this.render();
  }

  values(): ParamValues {
    return { seed: this.model.seed };
  }

  readouts(): Readonly<Record<string, number>> {
    const score = this.model.score();
    return {
      seed: this.model.seed,
      problems: score.problems,
      problemsSolved: score.problemsSolved,
      parts: score.parts,
      partsAnswered: score.partsAnswered,
      partsCorrect: score.partsCorrect,
    };
  }

  /** Nothing animates on this screen. */
  show(): void {}

  hide(): void {}

  private render(): void {
    this.renderedSeed = this.model.seed;
    this.panel.setAttribute('data-seed', String(this.model.seed));
    this.list.replaceChildren(...this.model.problems.map((problem, index) => this.problemCard(problem, index)));
    this.updateScore();
  }

  private updateScore(): void {
    const score = this.model.score();
    this.scoreOutput.textContent =
      `Set ${this.model.seed}: ${score.partsCorrect} of ${score.parts} answers right ` +
      `(${score.problemsSolved} of ${score.problems} problems solved).`;
    this.panel.setAttribute('data-parts-correct', String(score.partsCorrect));
  }

  private problemCard(problem: Problem, index: number): HTMLLIElement {
    const base = `practice-${problem.id}`;
    const feedback = new Map<string, HTMLElement>();
    const responses = new Map<string, () => string | undefined>();
    const form = h('form', { class: 'practice-form', novalidate: true, 'aria-label': `Answer problem ${index + 1}` });
    for (const part of problem.parts) {
      const id = `${base}-${part.id}`;
      const output = h('p', { id: `${id}-feedback`, class: 'practice-feedback' });
      feedback.set(part.id, output);
      if (part.kind === 'number') {
        const input = h('input', {
          id,
          type: 'text',
          inputmode: 'text',
          autocomplete: 'off',
          spellcheck: 'false',
          'aria-describedby': `${id}-tolerance ${id}-feedback`,
          'data-part': part.id,
        });
        responses.set(part.id, () => input.value);
        form.append(
          h(
            'div',
            { class: 'practice-part' },
            h('label', { for: id, text: part.unit ? `${part.prompt} (${part.unit})` : part.prompt }),
            h('div', { class: 'practice-answer' }, input, part.unit ? h('span', { class: 'unit', 'aria-hidden': 'true', text: part.unit }) : null),
            h('p', { id: `${id}-tolerance`, class: 'help', text: `Counts ${describeTolerance(part)}. ${part.tolerance.reason}` }),
            output,
          ),
        );
      } else {
        const name = `${id}-choice`;
        const radios = part.options.map((option, optionIndex) => {
          const radio = h('input', { type: 'radio', name, id: `${id}-${optionIndex}`, value: option.value, 'data-part': part.id });
          return { radio, element: h('label', { class: 'practice-option', for: `${id}-${optionIndex}` }, radio, ` ${option.label}`) };
        });
        responses.set(part.id, () => radios.find(({ radio }) => radio.checked)?.radio.value);
        form.append(h('fieldset', { class: 'practice-part practice-choice', 'aria-describedby': `${id}-feedback` }, h('legend', { text: part.prompt }), ...radios.map(({ element }) => element), output));
      }
    }
    const solutionId = `${base}-solution`;
    const hintId = `${base}-hint`;
    const showSolution = h('button', { type: 'button', class: 'practice-show', 'aria-expanded': 'false', 'aria-controls': solutionId, text: 'Show worked solution' });
    const showHint = h('button', { type: 'button', class: 'practice-show-hint', 'aria-expanded': 'false', 'aria-controls': hintId, text: 'Hint' });
    const hint = h('p', { id: hintId, class: 'practice-hint', hidden: true, text: problem.hint });
    const solution = h(
      'div',
      { id: solutionId, class: 'practice-solution', hidden: true },
      h('h4', { text: 'Worked solution' }),
      h('ol', {}, ...problem.solution.map((line) => h('li', { class: `practice-line practice-${line.kind}`, 'data-part': line.part, text: line.text }))),
    );
    const toggle = (button: HTMLButtonElement, target: HTMLElement, shown: string, hidden: string) => {
      const open = target.hidden;
      target.hidden = !open;
      button.setAttribute('aria-expanded', String(open));
      button.textContent = open ? shown : hidden;
    };
    showSolution.addEventListener('click', () => toggle(showSolution, solution, 'Hide worked solution', 'Show worked solution'));
    showHint.addEventListener('click', () => toggle(showHint, hint, 'Hide hint', 'Hint'));
    form.append(h('div', { class: 'buttons' }, h('button', { type: 'submit', class: 'practice-check', text: 'Check' }), showHint, showSolution), hint, solution);
    // Enter on an option checks the problem, as it does in an answer box.
    form.addEventListener('keydown', (event) => {
      if (event.key === 'Enter' && event.target instanceof HTMLInputElement && event.target.type === 'radio') {
        event.preventDefault();
        form.requestSubmit();
      }
    });
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      const said: string[] = [];
      for (const part of problem.parts) {
        const verdict = this.model.answer(problem.id, part.id, responses.get(part.id)?.());
        this.showVerdict(feedback.get(part.id) as HTMLElement, verdict);
        const letter = partLetter(part);
        said.push(`${letter ? `(${letter}) ` : ''}${verdict.message}`);
      }
      this.updateScore();
      this.host.announce(`Problem ${index + 1}: ${said.join(' ')}`);
    });
    return h(
      'li',
      { class: 'card practice-problem', id: base, 'data-family': problem.family },
      h('h3', { id: `${base}-title`, text: `${index + 1}. ${problem.title}` }),
      h('p', { class: 'practice-statement', text: problem.statement }),
      form,
    );
  }

  private showVerdict(output: HTMLElement, verdict: Verdict): void {
    output.textContent = `${verdict.correct ? '✓ ' : verdict.readable ? '✗ ' : ''}${verdict.message}`;
    output.setAttribute('data-verdict', verdict.correct ? 'right' : verdict.readable ? 'wrong' : 'unread');
    if (verdict.difference !== undefined) output.setAttribute('data-difference', String(verdict.difference));
    else output.removeAttribute('data-difference');
  }
}
