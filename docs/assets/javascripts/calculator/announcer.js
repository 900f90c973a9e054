// @ts-check
/*
 * Says a text in a live region once the visitor pauses. A screen reader
 * that spoke every keystroke's result would talk over the typing, and the
 * first results of a number being typed (1, 10, 100 …) mean nothing.
 */

const ANNOUNCE_PAUSE_MS = 1000; // typing stopped this long: say the result

/** @param {HTMLElement} region  a live region (role=status) */
export function pauseAnnouncer(region) {
  let timer = 0;
  let paused = true;
  /** @type {string | null} */
  let waiting = null;

  function flush() {
    if (paused && waiting !== null) {
      region.textContent = waiting;
      waiting = null;
    }
  }

  return {
    /** The visitor typed: hold what comes until they pause. */
    typed() {
      paused = false;
      clearTimeout(timer);
      timer = window.setTimeout(() => {
        paused = true;
        flush();
      }, ANNOUNCE_PAUSE_MS);
    },
    /** @param {string} text  said now, or once the visitor pauses */
    say(text) {
      waiting = text;
      flush();
    },
    /** Nothing more is said (the page is left). */
    stop() {
      clearTimeout(timer);
      waiting = null;
    },
  };
}
