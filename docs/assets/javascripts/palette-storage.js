// @ts-check
/*
 * Nothing is stored on the visitor's device before they act (the footer and
 * the privacy notice say so; LEK 9 kap. 28 § covers localStorage as much as
 * cookies).
 *
 * Material keeps the colour scheme in localStorage under "/.__palette" and
 * writes it through its global `__md_set` as soon as its bundle runs, choice
 * or no choice. This script runs after `__md_set` is defined (Material's
 * inline script in the head) and before the bundle (`overrides/main.html`
 * includes it in the `config` block, not in `extra_javascript`, whose scripts
 * come after the bundle), and lets that write
 * through only once the visitor has switched the scheme: a `change` on one of
 * the palette's radio buttons, seen in the capture phase, before Material's
 * own listener on the button stores the choice. Until then each page follows
 * the system's light or dark setting, as Material does without a stored
 * choice. Material's other writes need a feature this site does not use
 * (announcement bar, content tabs, repository facts, versions) and stay as
 * they are.
 */
(() => {
  "use strict";

  const PALETTE = "__palette";
  const store = window.__md_set;
  let switched = false;

  document.addEventListener(
    "change",
    (event) => {
      if (event.target instanceof HTMLInputElement && event.target.name === PALETTE) switched = true;
    },
    true,
  );

  window.__md_set = (key, value, storage, scope) => {
    if (key === PALETTE && !switched) return;
    store(key, value, storage, scope);
  };
})();
