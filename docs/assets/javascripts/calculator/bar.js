// @ts-check
/*
 * The phone's sticky result bar shows while the form is on screen
 * (calculator.css). Material's back-to-top button would be drawn over it,
 * so while the form is in view the calculator carries `data-bar-shown`, and
 * calculator.css keeps the back-to-top button out of the way.
 */

const BAR_SHOWN = "barShown";

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
  });
  observer.observe(form);
  return () => {
    observer.disconnect();
    delete root.dataset[BAR_SHOWN];
  };
}
