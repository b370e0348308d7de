/**
 * Browser test of the Practice screen: Vite builds the lab, Debian's Chromium (playwright-core, web/browser-harness.ts)
 * opens `#practice?seed=42`; one problem is answered right (the value computed here in Node with the library, from the
 * numbers of the statement) and one wrong, by keyboard and by mouse; feedback, the live region, the score and the
 * worked solution are checked; the link reproduces the set after a reload; "New problems" draws a new seed into the
 * URL and Back returns to the old set; axe-core finds no serious or critical violation; no console error.
 * Screenshots at 1280 and 375 px go to web/screenshots/.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ghkPotential, ionFlow, nernstPotential } from '../src/core/index.js';
import { parseQuantity } from '../src/units/index.js';
import { SCREENSHOTS, startLab, type Lab, openLabPage } from './browser-harness.js';
import { formatNumber } from './src/common/format.js';
import { generateProblemSet, type Problem } from './src/screens/practice/model.js';

const AXE_SOURCE = readFileSync(fileURLToPath(new URL('../node_modules/axe-core/axe.min.js', import.meta.url)), 'utf8');
let lab: Lab;
const problems: string[] = [];

async function openPage(hash: string, width = 1280, height = 900): Promise<Page> {
  const page = await openLabPage(lab, hash, problems, { width, height });
  await page.waitForSelector('#panel-practice:not([hidden]) .practice-problem');
  return page;
}


/** The numbers of a statement, read back as the student reads them (value in the library's unit). */
function givens(problem: Problem): Record<string, number> {
  return Object.fromEntries(problem.given.map((given) => [given.name, given.kind === 'dimensionless' ? given.value : parseQuantity(given.text, given.kind, given.name)]));
}

const statements = (page: Page) => page.$$eval('.practice-statement', (elements) => elements.map((element) => element.textContent ?? ''));

async function seriousViolations(page: Page): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE_SOURCE });
  const violations = (await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
    return (await axe.run(document, { resultTypes: ['violations'] })).violations;
  })) as { id: string; impact: string | null; help: string; nodes: { target: string[] }[] }[];
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${violation.id} (${violation.impact}) ${violation.help}: ${violation.nodes.slice(0, 3).map((node) => node.target.join(' ')).join('; ')}`);
}

beforeAll(async () => {
  lab = await startLab();
}, 180_000);

afterAll(async () => {
  await lab?.close();
});

describe('the Practice screen in Chromium', () => {
  const set = generateProblemSet(42);

  it('opens #practice?seed=42 with the set the model draws for seed 42', async () => {
    const page = await openPage('#practice?seed=42');
    expect(await page.getAttribute('#tab-practice', 'aria-selected')).toBe('true');
    expect(await page.getAttribute('#panel-practice', 'data-seed')).toBe('42');
    expect(await page.inputValue('#practice-seed')).toBe('42');
    expect(await statements(page)).toEqual(set.map((problem) => problem.statement));
    expect(await page.$$eval('.practice-problem h3', (elements) => elements.length)).toBe(9);
    await page.close();
  });

  it('marks a right answer (typed with the keyboard, computed here by the library) and a wrong one, with how far off', async () => {
    const page = await openPage('#practice?seed=42');
    // Problem 1: a Nernst potential. The library's value from the statement's numbers, written as a student would.
    const nernst = set[0];
    const g = givens(nernst);
    const expected = nernstPotential({ valence: g.valence, inside: g.inside, outside: g.outside, temperature: g.temperature });
    const typed = `${formatNumber(expected, 3)} mV`;
    expect(typed).toMatch(/^[−\d]/);
    await page.focus('#practice-1-nernst-e');
    await page.keyboard.type(typed);
    await page.keyboard.press('Enter');
    const right = page.locator('#practice-1-nernst-e-feedback');
    await expect.poll(() => right.getAttribute('data-verdict')).toBe('right');
    expect(await right.textContent()).toMatch(/^✓ Right: /);
    expect(await page.textContent('#announcer')).toMatch(/^Problem 1: Right: /);

    // Problem 4 (GHK): the resting potential 10 mV too positive, checked with the mouse.
    const ghk = set[3];
    const h = givens(ghk);
    const rest = ghkPotential(
      [
        { valence: 1, inside: h.kInside, outside: h.kOutside, permeability: 1 },
        { valence: 1, inside: h.naInside, outside: h.naOutside, permeability: h.restNa },
        { valence: -1, inside: h.clInside, outside: h.clOutside, permeability: h.pCl },
      ],
      h.temperature,
    );
    await page.fill('#practice-4-ghk-rest', String(Number((rest + 10).toFixed(2))));
    await page.click('#practice-4-ghk .practice-check');
    const wrong = page.locator('#practice-4-ghk-rest-feedback');
    await expect.poll(() => wrong.getAttribute('data-verdict')).toBe('wrong');
    expect(await wrong.textContent()).toMatch(/^✗ Not yet: .* is 10 mV too high \(.* % off\); an answer counts within 1 % or 0\.5 mV, whichever is larger\./);
    expect(Number(await wrong.getAttribute('data-difference'))).toBeCloseTo(10, 1);
    // The part left empty says so, and nothing is counted against it.
    expect(await page.getAttribute('#practice-4-ghk-changed-feedback', 'data-verdict')).toBe('unread');

    // Problem 5: the direction of ion flow, a choice; the library's ionFlow decides.
    const drive = set[4];
    const d = givens(drive);
    const flow = ionFlow({ valence: d.valence, inside: d.inside, outside: d.outside, voltage: d.voltage, temperature: d.temperature });
    const options = drive.parts.find((part) => part.id === 'ions');
    const index = options?.kind === 'choice' ? options.options.findIndex((option) => option.value === flow.ionDirection) : -1;
    expect(index).toBeGreaterThanOrEqual(0);
    await page.check(`#practice-5-driving-force-ions-${index}`);
    await page.click('#practice-5-driving-force .practice-check');
    await expect.poll(() => page.getAttribute('#practice-5-driving-force-ions-feedback', 'data-verdict')).toBe('right');

    expect(await page.textContent('#practice-score')).toBe('Set 42: 2 of 18 answers right (1 of 9 problems solved).');
    expect(await page.evaluate(() => document.querySelector('#panel-practice')?.getAttribute('data-parts-correct'))).toBe('2');

    // The worked solution opens from the keyboard and ends with the library's answer as formatted.
    await page.focus('#practice-1-nernst .practice-show');
    await page.keyboard.press('Space');
    await expect.poll(() => page.isVisible('#practice-1-nernst-solution')).toBe(true);
    expect(await page.getAttribute('#practice-1-nernst .practice-show', 'aria-expanded')).toBe('true');
    const lines = await page.$$eval('#practice-1-nernst-solution li', (elements) => elements.map((element) => element.textContent ?? ''));
    expect(lines[0]).toBe('E = (RT / zF) · ln([ion]out / [ion]in)');
    expect(lines.some((line) => /^RT\/F = .* = \d+\.\d+ mV$/.test(line))).toBe(true);
    const symbol = nernst.parts[0].kind === 'number' ? nernst.parts[0].symbol : '';
    expect(lines[lines.length - 1]).toBe(`${symbol} = ${formatNumber(expected, 3)} mV`);
    await page.click('#practice-4-ghk .practice-show');
    await page.click('#practice-4-ghk .practice-show-hint');
    await expect.poll(() => page.isVisible('#practice-4-ghk-hint')).toBe(true);

    // Accessible in this state (feedback, a solution and a hint showing).
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SCREENSHOTS}practice.png`, fullPage: true });
    await page.setViewportSize({ width: 375, height: 812 });
    await page.waitForTimeout(150);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    expect(await seriousViolations(page)).toEqual([]);
    await page.screenshot({ path: `${SCREENSHOTS}practice-375.png`, fullPage: false });
    await page.screenshot({ path: `${SCREENSHOTS}practice-375-full.png`, fullPage: true });
    await page.close();
  });

  it('is usable by keyboard alone: Tab reaches every answer box, option group and button, none hidden under the tab bar', async () => {
    const page = await openPage('#practice?seed=42', 1280, 800);
    await page.focus('#panel-practice');
    const reached = new Set<string>();
    const hidden: string[] = [];
    for (let i = 0; i < 400; i++) {
      await page.keyboard.press('Tab');
      const state = await page.evaluate(() => {
        const active = document.activeElement as HTMLElement | null;
        if (!active || !document.getElementById('panel-practice')?.contains(active)) return null;
        const rect = active.getBoundingClientRect();
        const bar = document.querySelector('nav')?.getBoundingClientRect();
        const name = active.id || `${active.closest('.practice-problem')?.id ?? ''} ${active.className}`;
        return { name, top: rect.top, bottom: rect.bottom, barBottom: bar?.bottom ?? 0, height: innerHeight };
      });
      if (!state) break;
      reached.add(state.name);
      if (state.top < state.barBottom - 0.5 || state.bottom > state.height + 0.5) hidden.push(`${state.name} at ${state.top.toFixed(0)} px`);
    }
    // Radio groups take one Tab stop each (arrow keys move inside), so the first option of each group is reached.
    for (const [index, problem] of set.entries()) {
      const base = `practice-${problem.id}`;
      for (const part of problem.parts) expect(reached.has(part.kind === 'number' ? `${base}-${part.id}` : `${base}-${part.id}-0`), `${base} ${part.id}`).toBe(true);
      expect(reached.has(`${base} practice-check`), `problem ${index + 1} Check`).toBe(true);
      expect(reached.has(`${base} practice-show`), `problem ${index + 1} worked solution`).toBe(true);
    }
    expect(hidden).toEqual([]);
    // An option chosen with the arrow keys and checked with Enter.
    await page.focus('#practice-2-cooling-direction-0');
    await page.keyboard.press('ArrowDown');
    expect(await page.isChecked('#practice-2-cooling-direction-1')).toBe(true);
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getAttribute('#practice-2-cooling-direction-feedback', 'data-verdict')).toMatch(/^(right|wrong)$/);
    await page.close();
  });

  it('reproduces the set after a reload; "New problems" puts a new seed in the URL and Back returns to set 42', async () => {
    const page = await openPage('#practice?seed=42');
    const before = await statements(page);
    await page.reload();
    await page.waitForSelector('#panel-practice:not([hidden]) .practice-problem');
    expect(await statements(page)).toEqual(before);

    await page.click('#practice-new');
    await expect.poll(() => page.evaluate(() => location.hash)).not.toBe('#practice?seed=42');
    const hash = await page.evaluate(() => location.hash);
    const seed = Number(/seed=(\d+)/.exec(hash)?.[1]);
    expect(Number.isInteger(seed) && seed >= 1 && seed <= 999_999).toBe(true);
    const fresh = await statements(page);
    expect(fresh).toEqual(generateProblemSet(seed).map((problem) => problem.statement));
    expect(fresh.filter((statement, index) => statement === before[index])).toEqual([]);
    expect(await page.textContent('#announcer')).toBe(`New problem set ${seed}: 9 problems.`);

    await page.goBack();
    await expect.poll(() => page.getAttribute('#panel-practice', 'data-seed')).toBe('42');
    expect(await statements(page)).toEqual(before);

    // A set number typed into the box and opened with Enter.
    await page.fill('#practice-seed', '7');
    await page.press('#practice-seed', 'Enter');
    await expect.poll(() => page.evaluate(() => location.hash)).toBe('#practice?seed=7');
    expect(await statements(page)).toEqual(generateProblemSet(7).map((problem) => problem.statement));
    await page.close();

    // A bad seed in the link opens a working set.
    const odd = await openPage('#practice?seed=2.5');
    expect(Number(await odd.getAttribute('#panel-practice', 'data-seed'))).toBeGreaterThanOrEqual(1);
    expect((await statements(odd)).length).toBe(9);
    await odd.close();
    expect(problems).toEqual([]);
  });

  it('gives a first visit (no seed in the link) a fresh set, written into the address so that the link reproduces it', async () => {
    const seeds = new Set<string>();
    for (let visit = 0; visit < 3; visit++) {
      const page = await openPage('#practice');
      await page.waitForFunction(() => /^#practice\?seed=\d+$/.test(location.hash));
      const hash = await page.evaluate(() => location.hash);
      seeds.add(hash);
      const shown = await statements(page);
      expect(shown).toEqual(generateProblemSet(Number(hash.split('=')[1])).map((problem) => problem.statement));
      await page.reload();
      await page.waitForFunction((hash) => location.hash === hash, hash);
      expect(await statements(page)).toEqual(shown);
      await page.close();
    }
    // Three visits drawing from 999 999 sets: all equal has probability 1e-12.
    expect(seeds.size).toBeGreaterThan(1);
    expect(problems).toEqual([]);
  });
});
