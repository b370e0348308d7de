/**
 * A seeded random walk through the lab, as a restless student would take it: a few thousand clicks on buttons,
 * tabs and options, slider moves (by keyboard and by dragging to random positions), number-box entries and key
 * presses across every screen. At checkpoints and at the end, once the screen has settled, nothing may be broken:
 * no uncaught error or console error, every readout the screen reports is a finite number, no result reads "NaN",
 * "undefined", "Infinity" or a bare "—" where a value should be, and every visible plot has drawn data.
 * The seed is printed on failure; `LAB_FUZZ_SEED=<n>` replays a walk.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { mulberry32 } from '../src/engine/random.js';
import { startLab, type Lab } from './browser-harness.js';

const SEED = Number(process.env.LAB_FUZZ_SEED ?? 20261206);
const ACTIONS = Number(process.env.LAB_FUZZ_ACTIONS ?? 2500);
const CHECK_EVERY = 250;

let lab: Lab;
const problems: string[] = [];

beforeAll(async () => {
  lab = await startLab();
}, 120_000);

afterAll(async () => {
  await lab?.close();
});

/** Waits until the visible screen has no run in flight (its panel's data-state is not "running"). */
async function settle(page: Page): Promise<void> {
  await page.waitForFunction(
    () => {
      const panel = document.querySelector<HTMLElement>('section[role="tabpanel"]:not([hidden])');
      return Boolean(panel) && panel!.getAttribute('data-state') !== 'running';
    },
    undefined,
    { timeout: 60_000 },
  );
  await page.waitForTimeout(100);
}

/** Everything a student could read as broken on the visible screen, as a list of findings. */
async function brokenReadings(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const panel = document.querySelector<HTMLElement>('section[role="tabpanel"]:not([hidden])');
    if (!panel) return ['no visible screen'];
    const screen = panel.id.replace('panel-', '');
    if (panel.getAttribute('data-state') === 'error') found.push(`${screen}: the engine stopped: ${panel.textContent?.slice(0, 200)}`);
    const visible = (element: Element) => {
      const box = (element as HTMLElement).getBoundingClientRect();
      return box.width > 0 && box.height > 0 && !(element as HTMLElement).closest('[hidden]');
    };
    const labHandle = (window as unknown as { __lab?: { readouts(): Record<string, unknown> } }).__lab;
    for (const [key, value] of Object.entries(labHandle?.readouts() ?? {})) {
      if (typeof value !== 'number' || !Number.isFinite(value)) found.push(`${screen}: readout ${key} = ${String(value)}`);
    }
    for (const value of panel.querySelectorAll('dd, output, .big-number')) {
      if (!visible(value)) continue;
      const text = (value.textContent ?? '').trim();
      if (/NaN|undefined|Infinity|null/.test(text)) found.push(`${screen}: #${value.id || value.tagName} reads "${text}"`);
      else if (text === '' || text === '—') found.push(`${screen}: #${value.id || value.tagName} is empty ("${text}")`);
    }
    for (const figure of panel.querySelectorAll('figure.plot[data-render-count]')) {
      if (!visible(figure)) continue;
      if (Number(figure.getAttribute('data-render-count') ?? 0) === 0) found.push(`${screen}: plot #${figure.id} never drew`);
    }
    return found;
  });
}

interface Target {
  readonly kind: 'click' | 'range' | 'number' | 'select' | 'key';
  readonly index: number;
}

describe('a seeded random walk through the lab', () => {
  it(`survives ${ACTIONS} random clicks, key presses and slider moves on every screen (seed ${SEED})`, async () => {
    const next = mulberry32(SEED);
    const page = await lab.browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
    });
    // Downloads and new windows are not part of the walk; links that leave the lab are not followed.
    await page.goto(`${lab.url}#resting`);
    await page.waitForFunction(() => document.documentElement.getAttribute('data-lab-ready') === 'true');
    const keys = ['Tab', 'Shift+Tab', 'ArrowLeft', 'ArrowRight', 'ArrowUp', 'ArrowDown', 'Home', 'End', 'PageUp', 'PageDown', 'Enter', 'Space'];
    const log: string[] = [];
    for (let action = 1; action <= ACTIONS; action++) {
      const roll = next();
      const kind: Target['kind'] = roll < 0.3 ? 'click' : roll < 0.6 ? 'range' : roll < 0.7 ? 'number' : roll < 0.8 ? 'select' : 'key';
      const pick = next();
      const value = next();
      const description = await page.evaluate(
        ({ kind, pick, value }) => {
          const panel = document.querySelector<HTMLElement>('section[role="tabpanel"]:not([hidden])');
          const usable = (element: Element) => {
            const box = (element as HTMLElement).getBoundingClientRect();
            return box.width > 0 && box.height > 0 && !(element as HTMLInputElement).disabled && !(element as HTMLElement).closest('[hidden]');
          };
          const choose = <T extends Element>(list: T[]) => (list.length === 0 ? undefined : list[Math.min(list.length - 1, Math.floor(pick * list.length))]);
          if (kind === 'click') {
            const scope = [...document.querySelectorAll('[role="tab"]'), ...(panel?.querySelectorAll('button, summary, input[type="checkbox"], input[type="radio"]') ?? [])];
            // Downloads (CSV/PNG/SVG) only save files; leave them out of the walk.
            const target = choose(scope.filter((element) => usable(element) && !/^(CSV|PNG|SVG)$/.test(element.textContent?.trim() ?? '')));
            if (!target) return 'click: nothing';
            (target as HTMLElement).click();
            return `click ${target.id || target.textContent?.trim().slice(0, 40)}`;
          }
          if (kind === 'range' || kind === 'number') {
            const inputs = [...(panel?.querySelectorAll<HTMLInputElement>(`input[type="${kind}"]`) ?? [])].filter(usable);
            const input = choose(inputs);
            if (!input) return `${kind}: nothing`;
            if (kind === 'range') {
              const low = Number(input.min || 0), high = Number(input.max || 100);
              input.value = String(low + value * (high - low));
            } else {
              // Number boxes get what people type: in range, out of range, signs, exponents, rubbish.
              const typed = ['0', '-1', '1e3', '0.5', '', 'abc', '1e-300', '99999', String(value * 100), '-0'];
              input.value = typed[Math.floor(value * typed.length)];
            }
            input.dispatchEvent(new Event('input', { bubbles: true }));
            input.dispatchEvent(new Event('change', { bubbles: true }));
            return `${kind} ${input.id} = ${input.value}`;
          }
          if (kind === 'select') {
            const select = choose([...(panel?.querySelectorAll('select') ?? [])].filter(usable));
            if (!select || select.options.length === 0) return 'select: nothing';
            select.selectedIndex = Math.floor(value * select.options.length);
            select.dispatchEvent(new Event('change', { bubbles: true }));
            return `select ${select.id} = ${select.value}`;
          }
          const focusable = choose([...(panel?.querySelectorAll<HTMLElement>('input, select, button, [tabindex="0"]') ?? [])].filter(usable));
          focusable?.focus();
          return `key on ${focusable?.id ?? 'nothing'}`;
        },
        { kind, pick, value },
      );
      if (kind === 'key') await page.keyboard.press(keys[Math.floor(value * keys.length)]);
      log.push(description);
      if (log.length > 20) log.shift();
      // A link or activity may have moved the page away from the lab: come back.
      if (!page.url().startsWith(lab.url)) await page.goto(`${lab.url}#resting`);
      if (action % CHECK_EVERY === 0 || action === ACTIONS) {
        await settle(page);
        const found = await brokenReadings(page);
        if (found.length > 0) problems.push(`after action ${action} (seed ${SEED}; last actions: ${log.join(' | ')}): ${found.join('; ')}`);
      }
    }
    // Finally every screen once more, each settled and read.
    const screens = await page.evaluate(() => [...document.querySelectorAll('[role="tab"]')].map((tab) => tab.id));
    for (const tab of screens) {
      await page.click(`#${tab}`);
      await settle(page);
      const found = await brokenReadings(page);
      if (found.length > 0) problems.push(`at the end, ${tab} (seed ${SEED}): ${found.join('; ')}`);
    }
    await page.close();
    expect(problems).toEqual([]);
  }, 900_000);
});
