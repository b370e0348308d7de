/**
 * The lab shell: tabs for the screens (arrow keys move between them), one screen visible at a time, and the state
 * of the visible screen in the URL hash (`#action-potential?amplitude=0.5&...`), so that a link reproduces an
 * experiment and the browser's back and forward buttons step through changes.
 */
import './style.css';
import { h } from './dom.js';
import { defaults, formatHash, resolveHash, type ParamValues } from './params.js';
import type { Screen, ScreenHost } from './screen.js';
import { ActionPotentialScreen } from './screens/action-potential/view.js';
import { PropagationScreen } from './screens/propagation/view.js';
import { PumpScreen } from './screens/pump/view.js';
import { PracticeScreen } from './screens/practice/view.js';
import { RestingScreen } from './screens/resting/view.js';
import { SynapsesScreen } from './screens/synapses/view.js';

const screens: Screen[] = [new RestingScreen(), new ActionPotentialScreen(), new PropagationScreen(), new SynapsesScreen(), new PumpScreen(), new PracticeScreen()];
const tabs = document.getElementById('tabs') as HTMLElement;
const main = document.getElementById('screen-panel') as HTMLElement;
main.removeAttribute('role');
const live = h('div', { class: 'visually-hidden', 'aria-live': 'polite', id: 'announcer' });
document.body.append(live);

const panels = new Map<string, HTMLElement>();
const buttons = new Map<string, HTMLButtonElement>();
const mounted = new Set<string>();
let current: Screen | undefined;
let lastHash = '';

function hashOf(screen: Screen): string {
  return formatHash(screen.id, screen.specs, screen.values());
}

const host: ScreenHost = {
  commit() {
    if (!current) return;
    const hash = hashOf(current);
    if (hash !== location.hash) history.pushState(null, '', hash);
    lastHash = hash;
  },
  announce(text: string) {
    live.textContent = text;
  },
};

for (const screen of screens) {
  const tab = h('button', {
    type: 'button',
    role: 'tab',
    id: `tab-${screen.id}`,
    'aria-controls': `panel-${screen.id}`,
    'aria-selected': 'false',
    tabindex: -1,
    text: screen.title,
  });
  tab.addEventListener('click', () => select(screen, true));
  tab.addEventListener('keydown', (event) => {
    const index = screens.indexOf(screen);
    const move: Record<string, number> = { ArrowRight: index + 1, ArrowLeft: index - 1, Home: 0, End: screens.length - 1 };
    if (!(event.key in move)) return;
    event.preventDefault();
    const next = screens[(move[event.key] + screens.length) % screens.length];
    select(next, true);
    buttons.get(next.id)?.focus();
  });
  tabs.append(tab);
  buttons.set(screen.id, tab);
  const panel = h('section', { role: 'tabpanel', id: `panel-${screen.id}`, 'aria-labelledby': `tab-${screen.id}`, class: 'screen', hidden: true, tabindex: -1 });
  main.append(panel);
  panels.set(screen.id, panel);
}

function select(screen: Screen, push: boolean, values?: ParamValues): void {
  const panel = panels.get(screen.id) as HTMLElement;
  if (!mounted.has(screen.id)) {
    screen.mount(panel, host);
    mounted.add(screen.id);
    screen.apply(values ?? defaults(screen.specs));
  } else if (values) {
    screen.apply(values);
  }
  if (current !== screen) {
    current?.hide();
    for (const [id, other] of panels) other.hidden = id !== screen.id;
    for (const [id, button] of buttons) {
      button.setAttribute('aria-selected', String(id === screen.id));
      button.tabIndex = id === screen.id ? 0 : -1;
    }
    current = screen;
    document.title = `${screen.title} · Membrane lab`;
    screen.show();
  }
  const hash = hashOf(screen);
  if (push && hash !== location.hash) history.pushState(null, '', hash);
  // Not a new step (a typed or pasted address, back/forward): the address is corrected in place to the state shown.
  else if (!push && hash !== location.hash) history.replaceState(null, '', hash);
  lastHash = hash;
}

function fromLocation(): void {
  if (location.hash === lastHash && current) return;
  // Any address opens a working lab: malformed encoding, unknown screens and bad values resolve to the nearest
  // valid state (params.ts), and select() writes the corrected address back with replaceState.
  const state = resolveHash(location.hash, screens);
  const screen = screens.find((candidate) => candidate.id === state.screen) ?? screens[0];
  select(screen, false, state.values);
}

window.addEventListener('popstate', fromLocation);
window.addEventListener('hashchange', fromLocation);
fromLocation();

declare global {
  interface Window {
    __lab?: { readonly screens: readonly string[]; current(): string; readouts(): Readonly<Record<string, number>> };
  }
}
window.__lab = { screens: screens.map((screen) => screen.id), current: () => current?.id ?? '', readouts: () => current?.readouts() ?? {} };
document.documentElement.setAttribute('data-lab-ready', 'true');
