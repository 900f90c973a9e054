// @ts-check
/*
 * When the engine is wanted: once, after the page has painted, when the
 * calculator comes near the viewport or the visitor touches it, or (on a
 * fast connection) when the browser is idle. Nothing of Pyodide is fetched
 * before the visitor sees the page, and a slow or metered reader who never
 * comes to the calculator fetches nothing of it.
 */

const NEAR_VIEWPORT = "600px 0px";
// Below this a reader who never scrolls to the calculator should not pay for it.
const PREFETCH_MIN_MBIT_S = 5;
const IDLE_TIMEOUT_MS = 5000;

/**
 * Whether the engine may download before the visitor comes near the
 * calculator: not with Save-Data, and not on a connection the browser
 * measures as slow. Browsers that do not say count as fast.
 */
function prefetchAllowed() {
  /** @type {{saveData?: boolean, effectiveType?: string, downlink?: number} | undefined} */
  const connection = /** @type {any} */ (navigator).connection;
  if (!connection) return true;
  if (connection.saveData) return false;
  if (connection.effectiveType && connection.effectiveType !== "4g") return false;
  return !(connection.downlink && connection.downlink > 0 && connection.downlink < PREFETCH_MIN_MBIT_S);
}

/**
 * Calls back once the page has painted (at once if it has); returns the
 * function that cancels the wait.
 * @param {() => void} callback
 * @returns {() => void}
 */
function afterFirstPaint(callback) {
  if (performance.getEntriesByType("paint").length > 0) {
    callback();
    return () => {};
  }
  const paints = new PerformanceObserver(() => once());
  const cancel = () => {
    paints.disconnect();
    removeEventListener("load", once);
  };
  function once() {
    cancel();
    callback();
  }
  paints.observe({ type: "paint" });
  addEventListener("load", once); // a page that never paints (hidden tab)
  return cancel;
}

/**
 * Calls `callback` once when the engine is wanted for `element`; returns the
 * function that stops watching (the page is left before that).
 * @param {HTMLElement} element  the calculator
 * @param {() => void} callback
 * @returns {() => void}
 */
export function whenWanted(element, callback) {
  const watching = new AbortController();
  const observer = new IntersectionObserver((entries) => {
    if (entries.some((entry) => entry.isIntersecting)) fire();
  }, { rootMargin: NEAR_VIEWPORT });
  let idle = () => {};
  let stopped = false;
  const stop = () => {
    stopped = true;
    watching.abort();
    observer.disconnect();
    cancelPaintWait();
    idle();
  };
  function fire() {
    if (stopped) return;
    stop();
    callback();
  }
  element.addEventListener("focusin", fire, { signal: watching.signal });
  element.addEventListener("pointerdown", fire, { signal: watching.signal });
  const cancelPaintWait = afterFirstPaint(() => {
    observer.observe(element);
    if (!prefetchAllowed()) return;
    if ("requestIdleCallback" in window) {
      const handle = requestIdleCallback(fire, { timeout: IDLE_TIMEOUT_MS });
      idle = () => cancelIdleCallback(handle);
    } else {
      const handle = setTimeout(fire, 200);
      idle = () => clearTimeout(handle);
    }
  });
  return stop;
}
