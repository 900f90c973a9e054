// @ts-check
/*
 * Printing. The print button prints its calculator alone (print.css, by the
 * `data-printing` mark), headed by today's date and the scenario's link;
 * printing from the browser's menu gets the whole page, with the same date.
 */
import { part, setText } from "./dom.js";

const PRINTING = "data-printing"; // on the calculator to print alone (print.css)

function printDate() {
  return new Date().toLocaleDateString("sv-SE", { year: "numeric", month: "long", day: "numeric" });
}

/** The page's own print hooks: once per document, whatever page is shown. */
export function watchPrinting() {
  addEventListener("beforeprint", () => {
    for (const slot of document.querySelectorAll("[data-calc-print-date]")) slot.textContent = printDate();
  });
  addEventListener("afterprint", () => {
    for (const root of document.querySelectorAll(`[${PRINTING}]`)) root.removeAttribute(PRINTING);
  });
}

/**
 * Shows `root`'s print button (it needs this script) and dates its header.
 * @param {HTMLElement} root  the calculator
 * @param {AbortSignal} signal  ends the button's handler when the page is left
 */
export function printButton(root, signal) {
  const button = /** @type {HTMLButtonElement} */ (part(root, "[data-calc-print]"));
  button.addEventListener("click", () => {
    root.setAttribute(PRINTING, "");
    window.print();
  }, { signal });
  button.hidden = false;
  setText(part(root, "[data-calc-print-date]"), printDate());
}
