// @ts-check
/*
 * The savings calculators of the page (calculator/controller.js does one).
 *
 * Material's instant navigation swaps pages without reloading scripts, and
 * `document$` emits for the first page and after every change: the previous
 * page's calculators are unmounted (their engine subscription, observers,
 * timers and listeners end, and a computation still in flight writes
 * nothing), then this page's are mounted. The engine itself
 * (calculator-engine.js) is kept across pages.
 */
import { mount } from "./calculator/controller.js";
import { watchPrinting } from "./calculator/print.js";

/** @type {Array<() => void>} */
let unmountPrevious = [];

watchPrinting();
document$.subscribe(() => {
  for (const unmount of unmountPrevious) unmount();
  unmountPrevious = [...document.querySelectorAll("[data-calculator]")].map(
    (root) => mount(/** @type {HTMLElement} */ (root)),
  );
});
