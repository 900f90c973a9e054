// @ts-check
/*
 * The phone's sticky result bar shows while the form is on screen
 * (calculator.css). Material's back-to-top button would be drawn over it,
 * so while the form is in view the calculator carries `data-bar-shown`, the
 * page's root element `data-calc-bar-shown` while any calculator does, and
 * calculator.css keeps the back-to-top button out of the way.
 *
 * The mark sits on the root element, not in a `body:has(…)` rule: with
 * `:has()` on the body, every element Material appends to the body (it
 * measures each tooltip that way) restyled the whole page, ~20 ms each on a
 * throttled phone.
 */

const BAR_SHOWN = "barShown";
const PAGE_BAR_SHOWN = "calcBarShown";

/** The root element's mark follows the calculators' marks. */
function markPage() {
  const pageMarks = document.documentElement.dataset;
  if (document.querySelector("[data-calculator][data-bar-shown]")) pageMarks[PAGE_BAR_SHOWN] = "";
  else delete pageMarks[PAGE_BAR_SHOWN];
}

/**
 * Watches whether `root`'s form is in view; returns the function that stops.
 * @param {HTMLElement} root  the calculator
 * @param {HTMLFormElement} form
 * @returns {() => void}
 */
export function watchBar(root, form) {
  const observer = new IntersectionObserver((entries) => {
    const inView = entries.at(-1)?.isIntersecting ?? false;
    if (inView) root.dataset[BAR_SHOWN] = "";
    else delete root.dataset[BAR_SHOWN];
    markPage();
  });
  observer.observe(form);
  return () => {
    observer.disconnect();
    delete root.dataset[BAR_SHOWN];
    markPage();
  };
}
