// @ts-check
/*
 * One calculator on the page: `mount(root)` wires the units together and
 * returns `unmount()`, which Material's page change calls (calculator.js).
 *
 * The build has already rendered the numbers of the page's preset scenario
 * (sitebuild/calculator_embed.py). The engine (Pyodide in a module worker,
 * calculator-engine.js) starts when the calculator is wanted (wanted.js);
 * then every edit is recomputed with the same Python model, at most one
 * computation in flight, and shown by the units: the form (form.js), the
 * results (results.js), the link and the address (address.js) and the
 * engine's status (status.js).
 *
 * The address bar gets the visitor's scenario once typing pauses, not at
 * every result: writing it makes Chromium fetch and decode the favicon
 * again, a quarter of an edit's work on the page. The share field and the
 * contact links, which a visitor copies, follow every result at once, and a
 * pending scenario is written at once when the visitor leaves (a link's
 * click, `pagehide`).
 *
 * After `unmount()` nothing of this calculator writes to the page or its
 * address any more: a computation that resolves after a page change is
 * dropped, and every listener, observer and timer is gone.
 */
import { pauseAnnouncer } from "./announcer.js";
import { linkState } from "./address.js";
import { watchBar } from "./bar.js";
import { part } from "./dom.js";
import { formView } from "./form.js";
import { printButton } from "./print.js";
import { resultsView } from "./results.js";
import { statusView } from "./status.js";
import { whenWanted } from "./wanted.js";

/** @typedef {import("./results.js").Answer} Answer */

const SCENARIO_EVENT = "kontakt:scenario"; // contact.js puts the scenario into the contact links
const LIVE_MARK = "calculator-live-result"; // read by bench/bench_browser.py
const ADDRESS_PAUSE_MS = 400; // typing paused this long: the address bar gets the scenario

/**
 * The engine's files, from the root's data attributes, as absolute URLs.
 * @param {HTMLElement} root
 */
function engineUrls(root) {
  const { worker = "", pyodide = "", stdlib = "", archive = "", sizes = "{}" } = root.dataset;
  /** @param {string} path */
  const absolute = (path) => new URL(path, location.href).href;
  return {
    worker: absolute(worker),
    pyodide: absolute(pyodide),
    stdlib: absolute(stdlib),
    archive: absolute(archive),
    sizes: Object.fromEntries(Object.entries(JSON.parse(sizes)).map(([path, bytes]) => [absolute(path), bytes])),
  };
}

/**
 * The state the controller's functions share, all of it, in one place: they
 * read and write these fields and nothing else that changes. (The units keep
 * only their own: what the results last showed, the announcer's timer.)
 */
function newState() {
  return {
    mounted: true, // false once the page is left: nothing more is written
    busy: false, // a computation is in flight
    stale: false, // the form changed while it was
    edited: false, // the visitor has typed (the address then carries the scenario)
    /** @type {string | null} */
    unrecorded: null, // the scenario shown but not yet in the address bar
    addressTimer: 0, // writes `unrecorded` once typing pauses
    linkRestored: false, // the page's link has been applied (once)
    path: location.pathname, // this calculator's page, the only address it writes to
    /** @type {EngineState | null} */
    engineState: null, // the engine's state when this calculator last heard of it
  };
}

/** @param {HTMLElement} root */
function calculatorOf(root) {
  const presets = JSON.parse(root.dataset.presets ?? "{}");
  const form = formView(root, presets);
  return {
    root,
    presets,
    form,
    results: resultsView(root),
    link: linkState(root, form.keys),
    status: statusView(root),
    announcer: pauseAnnouncer(part(root, "[data-calc-announce]")),
    staleHint: part(root, "[data-calc-stale]"),
    engine: CalculatorEngine.shared(engineUrls(root)),
    state: newState(),
  };
}

/** @typedef {ReturnType<typeof calculatorOf>} Calculator */

/**
 * A computed result on the page: the form's messages, the results, the
 * share link, the address (once the visitor has edited) and the contact
 * links; nothing once the page is left.
 * @param {Calculator} calc @param {Answer} result @param {Record<string, string>} extraErrors
 */
function show(calc, result, extraErrors) {
  const { root, form, state } = calc;
  if (!state.mounted) return;
  if (!root.dataset.live) {
    root.dataset.live = "true"; // the first answer computed in this browser
    performance.mark(LIVE_MARK);
  }
  root.classList.toggle("calc--invalid", !result.ok);
  calc.staleHint.hidden = result.ok;
  form.showErrors(result.ok ? {} : result.errors, extraErrors);
  if (result.ok) {
    calc.results.render(result);
    const link = calc.link.show(result.query);
    document.dispatchEvent(new CustomEvent(SCENARIO_EVENT, { detail: { summary: result.summary, link } }));
  }
  if (state.edited) recordLater(calc, result.ok ? result.query : state.unrecorded);
  calc.status.say("ready");
  if (state.edited) calc.announcer.say(result.ok ? result.saving.headline : calc.staleHint.textContent ?? "");
}

/**
 * The address bar gets `query` once neither an edit nor another result
 * follows for ADDRESS_PAUSE_MS, or at once when the visitor leaves
 * (`recordNow`). An invalid result keeps the pending scenario (the last
 * valid one, which the share link shows) and waits again.
 * @param {Calculator} calc @param {string | null} query
 */
function recordLater(calc, query) {
  const { state } = calc;
  state.unrecorded = query;
  clearTimeout(state.addressTimer);
  state.addressTimer = window.setTimeout(() => recordNow(calc), ADDRESS_PAUSE_MS);
}

/**
 * The pending scenario into the address bar, while this page is still the
 * one in it: after `unmount()`, or once the address is another page's, the
 * scenario is dropped instead of written into that page's address.
 * @param {Calculator} calc
 */
function recordNow(calc) {
  const { state } = calc;
  clearTimeout(state.addressTimer);
  const query = state.unrecorded;
  state.unrecorded = null;
  if (query !== null && state.mounted && location.pathname === state.path) calc.link.record(query);
}

/**
 * At most one computation in flight; edits made meanwhile are computed
 * next, so typing fast never queues up stale work. Before the engine is
 * ready an edit starts it, and the values are computed once it is; after a
 * failure only the retry button starts it again, so that typing does not
 * repeat the failure and its announcement.
 * @param {Calculator} calc @param {Record<string, string>} [extraErrors]
 */
async function recompute(calc, extraErrors = {}) {
  const { engine, state } = calc;
  if (engine.state !== "ready") {
    if (engine.state !== "failed") {
      calc.status.say("pending");
      engine.start();
    }
    return;
  }
  if (state.busy) {
    state.stale = true;
    return;
  }
  state.busy = true;
  try {
    do {
      state.stale = false;
      const result = await computed(calc);
      if (result === null) return;
      if (!state.stale) show(calc, result, extraErrors);
    } while (state.stale && state.mounted);
  } finally {
    state.busy = false;
  }
}

/**
 * The form's values computed, or null when the engine died meanwhile: it
 * restarts or reports its failure (status.js), and the values are computed
 * again once it is ready.
 * @param {Calculator} calc
 * @returns {Promise<Answer | null>}
 */
async function computed(calc) {
  try {
    return await calc.engine.call("compute", calc.form.read());
  } catch {
    return null;
  }
}

/**
 * Opening a share link meant for this calculator: the model decodes the
 * calculator's own parameters and the values fill the form as text, so the
 * form's own computation reports bad ones at their fields. What the form
 * cannot hold (another format version, a non-boolean for a checkbox) is
 * returned, to be reported above the form.
 * @param {Calculator} calc
 * @returns {Promise<Record<string, string>>}
 */
async function restoreFromLink(calc) {
  const query = calc.link.ownQuery();
  if (!query) return {};
  const decoded = await calc.engine.call("decode_query", query);
  if (!calc.state.mounted) return {};
  calc.form.write(decoded);
  const check = await calc.engine.call("compute", decoded);
  if (check.ok) return {};
  return Object.fromEntries(Object.entries(check.errors).filter(([key]) => !calc.form.showsAtField(key)));
}

/**
 * Ready (again): apply the link once, unless the visitor has typed
 * meanwhile, then compute the form's values.
 * @param {Calculator} calc @param {boolean} restarted
 */
async function engineReady(calc, restarted) {
  const { state } = calc;
  /** @type {Record<string, string>} */
  let linkErrors = {};
  if (!state.linkRestored && !state.edited) {
    try {
      linkErrors = await restoreFromLink(calc);
    } catch {
      return; // the engine died meanwhile: its next state is shown, and the link applied when it is ready
    }
  }
  state.linkRestored = true;
  if (!state.mounted) return;
  await recompute(calc, linkErrors);
  if (restarted && calc.engine.state === "ready" && state.mounted) calc.status.say("recovered");
}

/** @param {Calculator} calc @param {EngineSnapshot} snapshot */
function engineChanged(calc, snapshot) {
  const { state } = calc;
  calc.status.show(snapshot, state.edited);
  if (snapshot.state === "ready" && state.engineState !== "ready") engineReady(calc, snapshot.restarted);
  state.engineState = snapshot.state;
}

/** @param {Calculator} calc */
function edited(calc) {
  // Typing goes on: the address waits for this edit's result, however long
  // the engine takes to answer the edit before it.
  clearTimeout(calc.state.addressTimer);
  calc.state.edited = true;
  calc.announcer.typed();
  recompute(calc);
}

/**
 * The visitor's controls, until `signal` aborts.
 * @param {Calculator} calc @param {AbortSignal} signal
 */
function listen(calc, signal) {
  const { root, form } = calc;
  form.form.addEventListener("input", () => edited(calc), { signal });
  form.form.addEventListener("submit", (event) => event.preventDefault(), { signal });
  part(root, "[data-calc-reset]").addEventListener("click", () => {
    form.write(calc.presets);
    edited(calc);
  }, { signal });
  calc.status.retry.addEventListener("click", () => {
    calc.status.say("loading");
    calc.engine.start();
  }, { signal });
  part(root, "[data-calc-copy]").addEventListener("click", calc.link.copy, { signal });
  // Before the visitor leaves, the address gets the scenario they see: in
  // the capture phase, before Material's instant navigation pushes the new
  // page's address; `pagehide` for a page left any other way.
  document.addEventListener("click", (event) => {
    if (event.target instanceof Element && event.target.closest("a[href]")) recordNow(calc);
  }, { signal, capture: true });
  window.addEventListener("pagehide", () => recordNow(calc), { signal });
  printButton(root, signal);
}

/**
 * @param {HTMLElement} root  a `[data-calculator]` element
 * @returns {() => void}  unmount: this calculator writes nothing more
 */
export function mount(root) {
  const calc = calculatorOf(root);
  const { engine } = calc;
  const listening = new AbortController();
  listen(calc, listening.signal);
  calc.link.show(calc.link.ownQuery());
  const stopWatchingBar = watchBar(root, calc.form.form);
  const unsubscribe = engine.subscribe((snapshot) => engineChanged(calc, snapshot));
  const stopWaiting = engine.state === "idle" ? whenWanted(root, () => engine.start()) : () => {};
  return function unmount() {
    calc.state.mounted = false;
    clearTimeout(calc.state.addressTimer);
    listening.abort();
    unsubscribe();
    stopWaiting();
    stopWatchingBar();
    calc.announcer.stop();
    // Material keeps the content it replaced reachable (a media-query
    // listener of its sidebar holds the old page): cut this calculator out
    // of that page, so that nothing of it stays in memory with it.
    if (!root.isConnected) root.remove();
  };
}
