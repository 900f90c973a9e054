/*
 * Nothing is stored on the visitor's device before they act (the footer and
 * the privacy notice say so; LEK 9 kap. 28 § covers localStorage as much as
 * cookies).
 *
 * Material keeps the colour scheme in localStorage under "/.__palette" and
 * writes it through its global `__md_set` as soon as a page loads, choice or
 * no choice. This script, loaded before Material mounts its components (on
 * DOMContentLoaded, after every script of the page has run), lets that write
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

  window.__md_set = (key, ...rest) => {
    if (key === PALETTE && !switched) return;
    store(key, ...rest);
  };
})();
