/**
 * Browser tests of the lab's layout and accessibility (issue 8, items 4 and 5, and the presentation of the resting,
 * propagation and pump screens): laptop (1280×800) and phone (375×812) layouts, axe-core on every screen in its
 * default and main states, keyboard focus never hidden under the sticky tab bar, legible diagrams, round ticks,
 * the propagation time scrubber, temperature failure and SVG export. Debian's Chromium via playwright-core
 * (web/browser-harness.ts); axe-core is injected from node_modules.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCREENSHOTS, startLab, type Lab, openLabPage, screenSettled } from './browser-harness.js';
import { runSpaceTime } from './src/jobs.js';
import { defaults } from './src/params.js';
import { buildPropagation, PROPAGATION_SPECS, PROPAGATION_FAILURE_CELSIUS } from './src/screens/propagation/model.js';

const AXE_SOURCE = readFileSync(fileURLToPath(new URL('../node_modules/axe-core/axe.min.js', import.meta.url)), 'utf8');

/** The element holding each screen's key result (the number a student looks for first). */
const KEY_RESULT: Record<string, string> = {
  resting: '#rest-ghk',
  'action-potential': '#ap-results',
  propagation: '#prop-velocity',
  synapses: '#syn-results',
  pump: '#pump-results',
  practice: '#panel-practice h2',
};

let lab: Lab;
let screens: string[] = [];
const problems: string[] = [];

const openPage = async (hash: string, width: number, height: number, reducedMotion: 'reduce' | 'no-preference' = 'no-preference'): Promise<Page> => {
  const page = await openLabPage(lab, hash, problems, { width, height, reducedMotion });
  await page.waitForFunction(() => document.documentElement.getAttribute('data-lab-ready') === 'true');
  return page;
};
const settled = screenSettled;



interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[]; failureSummary?: string }[];
}

/** axe-core's serious and critical violations on the page as it stands, one line each. */
async function seriousViolations(page: Page, label: string): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE_SOURCE });
  const violations = (await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<{ violations: unknown[] }> } }).axe;
    const result = await axe.run(document, { resultTypes: ['violations'] });
    return result.violations;
  })) as AxeViolation[];
  return violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => `${label}: ${violation.id} (${violation.impact}) ${violation.help}: ${violation.nodes.slice(0, 4).map((node) => `${node.target.join(' ')} [${(node.failureSummary ?? '').split('\n').slice(1, 2).join('').trim()}]`).join('; ')}`);
}

beforeAll(async () => {
  lab = await startLab();
  const probe = await openPage('', 1280, 800);
  screens = await probe.evaluate(() => [...(window.__lab?.screens ?? [])]);
  await probe.close();
}, 180_000);

afterAll(async () => {
  await lab?.close();
});

describe('lab layout at 1280×800 (laptop)', () => {
  it('has no separately scrolling area in any screen, the controls beside the results and the key result in the first viewport', async () => {
    const found: string[] = [];
    for (const screen of screens) {
      const page = await openPage(`#${screen}`, 1280, 800);
      await settled(page, screen);
      await page.waitForTimeout(200);
      const report = await page.evaluate(
        ({ screen, key }) => {
          const panel = document.getElementById(`panel-${screen}`) as HTMLElement;
          const scrolling: string[] = [];
          for (const element of panel.querySelectorAll<HTMLElement>('*')) {
            const style = getComputedStyle(element);
            const vertical = style.overflowY === 'auto' || style.overflowY === 'scroll';
            if (!vertical || element.scrollHeight <= element.clientHeight + 1) continue;
            if (element.matches('.table-wrap, .table-wrap *')) continue; // tables may scroll (sideways), with a hint
            scrolling.push(`${element.tagName.toLowerCase()}.${element.className}`);
          }
          const result = document.querySelector(key)?.getBoundingClientRect();
          const side = panel.querySelector('.side')?.getBoundingClientRect();
          const results = panel.querySelector('.results')?.getBoundingClientRect();
          return { scrolling, result: result ? { top: result.top, bottom: result.bottom, height: result.height } : null, side: side ? { left: side.left, right: side.right, top: side.top } : null, results: results ? { left: results.left, top: results.top } : null, scrollY: window.scrollY, innerHeight };
        },
        { screen, key: KEY_RESULT[screen] ?? `#panel-${screen} h2` },
      );
      await page.screenshot({ path: `${SCREENSHOTS}layout-${screen}-1280.png` });
      for (const element of report.scrolling) found.push(`${screen}: ${element} scrolls on its own`);
      expect(report.result, `${screen} key result`).not.toBeNull();
      expect(report.scrollY).toBe(0);
      if (report.result!.top < 0 || report.result!.top > report.innerHeight - 20 || report.result!.height === 0) found.push(`${screen}: key result at ${report.result!.top}..${report.result!.bottom} px, outside the first 800 px`);
      if (report.side && report.results && !(report.results.left > report.side.right - 1)) found.push(`${screen}: results not beside the controls`);
      await page.close();
    }
    expect(found).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('fits the resting table (ΔG column included) at 1280 px, and at 375 px says it scrolls and is keyboard reachable', async () => {
    const page = await openPage('#resting', 1280, 800);
    await settled(page, 'resting');
    const wide = await page.evaluate(() => {
      const wrap = document.querySelector('#panel-resting .table-wrap') as HTMLElement;
      const last = wrap.querySelector('thead th:last-child')!.getBoundingClientRect();
      return { scrollWidth: wrap.scrollWidth, clientWidth: wrap.clientWidth, lastRight: last.right, wrapRight: wrap.getBoundingClientRect().right };
    });
    expect(wide.scrollWidth).toBeLessThanOrEqual(wide.clientWidth);
    expect(wide.lastRight).toBeLessThanOrEqual(wide.wrapRight + 0.5);
    await page.setViewportSize({ width: 375, height: 812 });
    await page.waitForTimeout(300);
    const narrow = await page.evaluate(() => {
      const wrap = document.querySelector('#panel-resting .table-wrap') as HTMLElement;
      const hint = document.querySelector('#panel-resting .scroll-hint') as HTMLElement | null;
      const hintVisible = Boolean(hint && hint.offsetParent !== null && getComputedStyle(hint).visibility !== 'hidden' && hint.getBoundingClientRect().height > 0);
      return {
        overflows: wrap.scrollWidth > wrap.clientWidth + 1,
        hintVisible,
        hintText: hint?.textContent ?? '',
        tabindex: wrap.getAttribute('tabindex'),
        role: wrap.getAttribute('role'),
        label: wrap.getAttribute('aria-label') ?? wrap.getAttribute('aria-labelledby'),
      };
    });
    if (narrow.overflows) {
      expect(narrow.hintVisible).toBe(true);
      expect(narrow.hintText).toMatch(/scroll/i);
      expect(narrow.tabindex).toBe('0');
      expect(narrow.role).toBe('region');
      expect(narrow.label).toBeTruthy();
      // Keyboard: focus it and scroll with the arrow key.
      await page.focus('#panel-resting .table-wrap');
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('ArrowRight');
      await page.waitForTimeout(200);
      expect(await page.evaluate(() => (document.querySelector('#panel-resting .table-wrap') as HTMLElement).scrollLeft)).toBeGreaterThan(0);
    }
    await page.close();
    expect(problems).toEqual([]);
  });
});

describe('propagation: ticks, scrubber, temperature failure, SVG', () => {
  it('conduction of the default axon fails at the stated temperature (library, Node)', () => {
    const run = (temperature: number) => {
      const setup = buildPropagation({ ...defaults(PROPAGATION_SPECS), temperature });
      return runSpaceTime({ model: setup.model, positions: setup.positions, isNode: setup.isNode }).velocity;
    };
    // Conducts 1 °C below the stated failure temperature, fails at it.
    expect(run(PROPAGATION_FAILURE_CELSIUS - 1)?.metresPerSecond).toBeGreaterThan(1);
    expect(run(PROPAGATION_FAILURE_CELSIUS)?.metresPerSecond).toBeUndefined();
    const temperature = PROPAGATION_SPECS.find((spec) => spec.key === 'temperature');
    expect(temperature?.kind === 'number' && temperature.max).toBeGreaterThanOrEqual(PROPAGATION_FAILURE_CELSIUS + 3);
  });

  it('draws round, evenly spaced ticks on both heat-map axes and the profile, with a keyboard time scrubber', async () => {
    const page = await openPage('#propagation', 1280, 800);
    await settled(page, 'propagation');
    await page.waitForTimeout(200);
    const ticks = await page.evaluate(() => {
      const read = (id: string, axis: string) => (document.getElementById(id)?.getAttribute(`data-${axis}-ticks`) ?? '').split(',').filter(Boolean).map(Number);
      return { heatX: read('prop-heat', 'x'), heatY: read('prop-heat', 'y'), profileX: read('prop-profile', 'x'), profileY: read('prop-profile', 'y') };
    });
    for (const [name, values] of Object.entries(ticks)) {
      expect(values.length, name).toBeGreaterThanOrEqual(3);
      const step = values[1] - values[0];
      const mantissa = step / 10 ** Math.floor(Math.log10(step) + 1e-9);
      expect([1, 2, 5].some((round) => Math.abs(mantissa - round) < 1e-6), `${name} step ${step}`).toBe(true);
      for (let i = 1; i < values.length; i++) expect(Math.abs(values[i] - values[i - 1] - step), name).toBeLessThan(step * 1e-6);
      for (const value of values) expect(Math.abs(value / step - Math.round(value / step)), `${name} ${value}`).toBeLessThan(1e-6);
    }
    // Scrubber: labelled range input; Home/End move the cursor; the play button pauses and plays.
    const scrubber = page.locator('#prop-time');
    expect(await scrubber.getAttribute('type')).toBe('range');
    expect(await page.evaluate(() => (document.getElementById('prop-time') as HTMLInputElement).labels?.[0]?.textContent ?? '')).toMatch(/time/i);
    await scrubber.focus();
    await page.keyboard.press('Home');
    expect(Number(await page.getAttribute('#panel-propagation', 'data-cursor-ms'))).toBe(0);
    expect(await page.getAttribute('#prop-play', 'aria-pressed')).toBe('false');
    await page.keyboard.press('End');
    const end = Number(await page.getAttribute('#panel-propagation', 'data-cursor-ms'));
    expect(end).toBeGreaterThan(5);
    await page.keyboard.press('ArrowLeft');
    expect(Number(await page.getAttribute('#panel-propagation', 'data-cursor-ms'))).toBeLessThan(end);
    expect(await scrubber.getAttribute('aria-valuetext')).toMatch(/ms/);
    await page.keyboard.press('Home'); // play from the start: the sweep then takes seconds
    await page.click('#prop-play');
    expect(await page.getAttribute('#prop-play', 'aria-pressed')).toBe('true');
    await page.waitForFunction(() => Number(document.getElementById('panel-propagation')?.getAttribute('data-cursor-ms')) > 0.5, undefined, { timeout: 10_000 });
    await page.close();
    expect(problems).toEqual([]);
  });

  it('says that conduction fails when the axon is too warm', async () => {
    const page = await openPage(`#propagation?temperature=${PROPAGATION_FAILURE_CELSIUS + 2}`, 1280, 800);
    await settled(page, 'propagation');
    expect(await page.textContent('#prop-velocity')).toMatch(/conduction fails/i);
    expect(await page.getAttribute('#prop-velocity', 'data-velocity')).toBe('');
    await page.close();
    expect(problems).toEqual([]);
  });

  it('exports the heat map as SVG: one rect per cell (runs merged), axes, colour bar, title, white background', async () => {
    const page = await openPage('#propagation?length=5&compartments=200', 1280, 800);
    await settled(page, 'propagation');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#prop-svg')]);
    expect(download.suggestedFilename()).toMatch(/\.svg$/);
    const text = readFileSync((await download.path())!, 'utf8');
    const parsed = await page.evaluate((text) => {
      const root = new DOMParser().parseFromString(text, 'image/svg+xml').documentElement;
      const width = Number(root.getAttribute('width'));
      const cells = root.querySelectorAll('g.cells rect');
      const positions = Number(document.getElementById('panel-propagation')?.getAttribute('data-positions'));
      // Every cell is covered exactly once: merged runs' widths add up to the plot width in every row.
      const rows = new Map<string, number>();
      for (const cell of cells) rows.set(cell.getAttribute('y')!, (rows.get(cell.getAttribute('y')!) ?? 0) + Number(cell.getAttribute('width')));
      const summary: { error: string; background: string | null | undefined; width: number; cells: number; rows: number; rowWidths: number[]; positions: number; title: string; xTicks: number; yTicks: number; colourBar: number; labels: string[] } = {
        error: root.querySelector('parsererror')?.textContent ?? '',
        background: [...root.children].find((child) => child.tagName === 'rect')?.getAttribute('fill'),
        width,
        cells: cells.length,
        rows: rows.size,
        rowWidths: [...rows.values()],
        positions,
        title: root.querySelector('text.title')?.textContent ?? '',
        xTicks: root.querySelectorAll('g.x-axis text.tick').length,
        yTicks: root.querySelectorAll('g.y-axis text.tick').length,
        colourBar: root.querySelectorAll('g.colour-bar rect').length,
        labels: [...root.querySelectorAll('text')].map((t) => t.textContent ?? ''),
      };
      return summary;
    }, text);
    expect(parsed.error).toBe('');
    expect(parsed.background).toBe('white');
    expect(parsed.title).toMatch(/space.time/i);
    expect(parsed.cells).toBeGreaterThan(parsed.rows);
    expect(parsed.rows).toBeGreaterThan(100);
    const first = parsed.rowWidths[0];
    for (const width of parsed.rowWidths) expect(Math.abs(width - first)).toBeLessThan(0.05);
    expect(parsed.xTicks).toBeGreaterThanOrEqual(3);
    expect(parsed.yTicks).toBeGreaterThanOrEqual(3);
    expect(parsed.colourBar).toBeGreaterThan(10);
    expect(parsed.labels.join(' ')).toMatch(/position.*\(mm\)/);
    expect(parsed.labels.join(' ')).toMatch(/time \(ms\)/);
    expect(parsed.labels.join(' ')).not.toMatch(/(^|\s)-\d/);
    await page.close();
    expect(problems).toEqual([]);
  });
});

describe('lab layout at 375×812 (phone)', () => {
  it('shows the key result first, all tabs on screen, legible diagrams and nothing wider than the screen', async () => {
    const found: string[] = [];
    for (const screen of screens) {
      const page = await openPage(`#${screen}`, 375, 812);
      await settled(page, screen);
      await page.waitForTimeout(300);
      const report = await page.evaluate(
        ({ screen, key }) => {
          const panel = document.getElementById(`panel-${screen}`) as HTMLElement;
          const result = document.querySelector(key)?.getBoundingClientRect();
          const tabs = [...document.querySelectorAll<HTMLElement>('[role="tab"]')].map((tab) => {
            const rect = tab.getBoundingClientRect();
            return { id: tab.id, left: rect.left, right: rect.right, top: rect.top, bottom: rect.bottom };
          });
          const small: string[] = [];
          for (const text of panel.querySelectorAll<SVGTextElement>('svg text')) {
            if (!text.textContent?.trim()) continue;
            const owner = text.ownerSVGElement;
            const matrix = owner?.getScreenCTM();
            if (!owner || !matrix || owner.getBoundingClientRect().width === 0) continue;
            const size = parseFloat(getComputedStyle(text).fontSize) * Math.hypot(matrix.a, matrix.b);
            if (size < 11) small.push(`${text.textContent.trim().slice(0, 20)} ${size.toFixed(1)} px`);
          }
          return { result: result ? { top: result.top, height: result.height } : null, tabs, small, width: document.documentElement.scrollWidth };
        },
        { screen, key: KEY_RESULT[screen] ?? `#panel-${screen} h2` },
      );
      await page.screenshot({ path: `${SCREENSHOTS}layout-${screen}-375.png` });
      if (!report.result || report.result.top > 812 - 30 || report.result.height === 0) found.push(`${screen}: key result at ${report.result?.top} px, below the first screen`);
      for (const tab of report.tabs) if (tab.left < 0 || tab.right > 375.5) found.push(`${screen}: tab ${tab.id} off-screen (${tab.left.toFixed(0)}..${tab.right.toFixed(0)} px)`);
      for (const label of report.small) found.push(`${screen}: diagram label "${label}" below 11 px`);
      if (report.width > 375) found.push(`${screen}: page ${report.width} px wide`);
      await page.close();
    }
    expect(found).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('puts the resting potential in the top half of the phone screen', async () => {
    const page = await openPage('#resting', 375, 812);
    await settled(page, 'resting');
    const top = await page.evaluate(() => document.getElementById('rest-ghk')!.getBoundingClientRect().top);
    expect(top).toBeLessThan(406);
    await page.close();
  });
});

describe('access', () => {
  it('has no serious or critical axe-core violation on any screen, in its default and main states', async () => {
    const found: string[] = [];
    const check = async (hash: string, screen: string, width = 1280, act?: (page: Page) => Promise<void>) => {
      const page = await openPage(hash, width, 800);
      await settled(page, screen);
      if (act) await act(page);
      await page.waitForTimeout(150);
      found.push(...(await seriousViolations(page, `${hash} at ${width} px`)));
      await page.close();
    };
    for (const screen of screens) await check(`#${screen}`, screen);
    await check('#resting', 'resting', 375);
    await check('#action-potential?mode=vclamp', 'action-potential');
    await check('#action-potential', 'action-potential', 1280, async (page) => {
      await page.click('#ap-refractory-button');
      await page.waitForFunction(() => {
        const figure = document.getElementById('ap-plot-refractory');
        return figure && !figure.hidden && Number(figure.getAttribute('data-render-count')) > 1;
      }, undefined, { timeout: 60_000 });
    });
    await check('#synapses?experiment=shunting', 'synapses');
    await check('#propagation?fibre=myelinated', 'propagation');
    expect(found).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('never hides a focused control under the sticky tab bar or below the window (Tab and Shift+Tab through each screen)', async () => {
    const found: string[] = [];
    for (const screen of screens) {
      const page = await openPage(`#${screen}`, 1280, 800);
      await settled(page, screen);
      const inspect = () =>
        page.evaluate((screen) => {
          const active = document.activeElement as HTMLElement | null;
          if (!active || !document.getElementById(`panel-${screen}`)?.contains(active)) return null;
          const rect = active.getBoundingClientRect();
          const bar = document.querySelector('nav')!.getBoundingClientRect();
          const sticky = getComputedStyle(document.querySelector('nav')!).position === 'sticky';
          return { name: `${active.tagName.toLowerCase()}#${active.id}.${active.className}`, top: rect.top, bottom: rect.bottom, barBottom: sticky ? bar.bottom : 0, height: innerHeight };
        }, screen);
      const record = (state: Awaited<ReturnType<typeof inspect>>, direction: string) => {
        if (!state) return;
        if (state.top < state.barBottom - 0.5 || state.bottom > state.height + 0.5) found.push(`${screen} ${direction}: ${state.name} at ${state.top.toFixed(0)}..${state.bottom.toFixed(0)} px (bar ends at ${state.barBottom.toFixed(0)})`);
      };
      await page.focus(`#panel-${screen}`);
      let seen = 0;
      for (let i = 0; i < 200; i++) {
        await page.keyboard.press('Tab');
        const state = await inspect();
        if (!state) break;
        seen++;
        record(state, 'Tab');
      }
      expect(seen, `${screen}: focusable elements`).toBeGreaterThan(2);
      for (let i = 0; i < 200; i++) {
        await page.keyboard.press('Shift+Tab');
        const state = await inspect();
        if (!state) break;
        record(state, 'Shift+Tab');
      }
      // The worst case: the next control sits just under the sticky bar (scrolled there by the mouse or a
      // screen reader) when Tab reaches it. Number the tab stops on a forward walk first.
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.focus(`#panel-${screen}`);
      let stops = 0;
      for (; stops < 200; stops++) {
        await page.keyboard.press('Tab');
        const numbered = await page.evaluate(({ screen, index }) => {
          const active = document.activeElement as HTMLElement | null;
          if (!active || !document.getElementById(`panel-${screen}`)?.contains(active)) return false;
          active.setAttribute('data-tab-stop', String(index));
          return true;
        }, { screen, index: stops });
        if (!numbered) break;
      }
      for (let index = 1; index < stops; index++) {
        const placed = await page.evaluate((index) => {
          const previous = document.querySelector<HTMLElement>(`[data-tab-stop="${index - 1}"]`);
          const next = document.querySelector<HTMLElement>(`[data-tab-stop="${index}"]`);
          if (!previous || !next) return false;
          previous.focus({ preventScroll: true });
          const bar = document.querySelector('nav')!.getBoundingClientRect();
          window.scrollBy(0, next.getBoundingClientRect().top - bar.bottom / 3);
          return Math.abs(next.getBoundingClientRect().top - bar.bottom / 3) < 1; // could scroll there
        }, index);
        if (!placed) continue;
        await page.keyboard.press('Tab');
        const state = await inspect();
        if (state && (await page.evaluate((index) => document.activeElement?.getAttribute('data-tab-stop') === String(index), index))) record(state, 'Tab to a control under the bar');
      }
      await page.close();
    }
    expect(found).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('announces results in live regions and honours reduced motion', async () => {
    const page = await openPage('#propagation', 1280, 800, 'reduce');
    await settled(page, 'propagation');
    const live = await page.evaluate(() =>
      ['#prop-velocity', '#rest-ghk', '#pump-end'].map((selector) => {
        const element = document.querySelector(selector);
        return !element || Boolean(element.closest('[aria-live], [role="status"], output'));
      }),
    );
    expect(live).toEqual([true, true, true]);
    // Reduced motion: no autoplay; the whole run shown at once, still.
    expect(await page.getAttribute('#prop-play', 'aria-pressed')).toBe('false');
    const first = await page.getAttribute('#panel-propagation', 'data-cursor-ms');
    await page.waitForTimeout(500);
    expect(await page.getAttribute('#panel-propagation', 'data-cursor-ms')).toBe(first);
    expect(Number(first)).toBeGreaterThan(5);
    await page.close();
    for (const [screen, selector] of [['resting', '#rest-ghk'], ['pump', '#pump-end']] as const) {
      const other = await openPage(`#${screen}`, 1280, 800, 'reduce');
      await settled(other, screen);
      expect(await other.evaluate((selector) => Boolean(document.querySelector(selector)?.closest('[aria-live], [role="status"], output')), selector)).toBe(true);
      if (screen === 'resting') {
        const phase = await other.evaluate(() => (document.querySelector('#panel-resting .membrane-svg') as SVGElement).style.getPropertyValue('--phase'));
        await other.waitForTimeout(400);
        expect(await other.evaluate(() => (document.querySelector('#panel-resting .membrane-svg') as SVGElement).style.getPropertyValue('--phase'))).toBe(phase);
      }
      await other.close();
    }
    expect(problems).toEqual([]);
  });
});

describe('presentation on the resting, propagation and pump screens', () => {
  it('shows no wall-clock lines, computer notation or hyphen minus signs to students, and ion labels in the palette', async () => {
    const found: string[] = [];
    for (const screen of ['resting', 'propagation', 'pump', 'action-potential', 'synapses']) {
      if (!screens.includes(screen)) continue;
      const page = await openPage(`#${screen}`, 1280, 800);
      await settled(page, screen);
      const text = await page.evaluate((screen) => (document.getElementById(`panel-${screen}`) as HTMLElement).innerText, screen);
      if (/wall-clock/i.test(text)) found.push(`${screen}: a wall-clock line is shown`);
      if (['resting', 'propagation', 'pump'].includes(screen)) {
        const computer = text.match(/\d(\.\d+)?e[+-]?\d+/gi);
        if (computer) found.push(`${screen}: computer notation ${computer.slice(0, 3).join(', ')}`);
        const hyphen = text.match(/(^|[\s(=:])-\d[\d.]*/gm);
        if (hyphen) found.push(`${screen}: hyphen minus ${hyphen.slice(0, 3).join(', ')}`);
      }
      // The timing is still there, behind a Details toggle.
      const details = await page.evaluate((screen) => [...document.querySelectorAll(`#panel-${screen} details`)].map((element) => element.textContent ?? '').join(' '), screen);
      if (screen !== 'resting' && !/wall-clock/i.test(details)) found.push(`${screen}: no Details toggle with the timing`);
      await page.close();
    }
    const page = await openPage('#resting', 1280, 800);
    await settled(page, 'resting');
    const colours = await page.evaluate(() => [...document.querySelectorAll('#panel-resting .ion-table tbody th')].map((cell) => getComputedStyle(cell).color));
    expect(colours).toEqual(['rgb(0, 112, 79)', 'rgb(166, 73, 0)', 'rgb(142, 69, 115)', 'rgb(138, 95, 0)']); // PALETTE k, na, cl, ca .text
    await page.close();
    expect(found).toEqual([]);
    expect(problems).toEqual([]);
  });
});
