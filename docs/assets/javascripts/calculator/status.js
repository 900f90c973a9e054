// @ts-check
/*
 * The engine status view: what the status box says in each engine state.
 * The status paragraph is a live region: a failure, a restart and the
 * recovery are announced; the byte count beside the progress bar is not.
 */
import { part, setText } from "./dom.js";

export const STATUS = {
  loading: "Laddar kalkylatorn…",
  pending: "Laddar kalkylatorn… Dina värden räknas så snart den är klar.",
  restarting: "Kalkylatorn stannade och startas om. Dina värden räknas så snart den är igång igen.",
  ready: "Kalkylatorn räknar i din webbläsare – inget du skriver lämnar sidan.",
  recovered: "Kalkylatorn är igång igen och har räknat om dina värden.",
  failed: "Kalkylatorn kunde inte laddas. Siffrorna nedan är artikelns räkneexempel – du kan ändå kontakta oss för en analys av ditt scenario.",
};

const MEGABYTES = new Intl.NumberFormat("sv-SE", { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/**
 * "1,2 av 4,6 MB" (no-break space before the unit); only what has arrived
 * while the total is not known yet.
 * @param {number} loaded @param {number} total
 */
function bytesText(loaded, total) {
  /** @param {number} bytes */
  const megabytes = (bytes) => MEGABYTES.format(bytes / 1e6);
  return total ? `${megabytes(loaded)} av ${megabytes(total)}\u00a0MB` : `${megabytes(loaded)}\u00a0MB`;
}

/** @param {HTMLElement} root  the calculator */
export function statusView(root) {
  const status = part(root, "[data-calc-status]");
  const progress = /** @type {HTMLProgressElement} */ (part(root, "[data-calc-progress]"));
  const progressText = part(root, "[data-calc-progress-text]");
  const retry = /** @type {HTMLButtonElement} */ (part(root, "[data-calc-retry]"));

  /** @param {keyof typeof STATUS} key */
  function say(key) {
    setText(status, STATUS[key]);
  }

  /** @param {number} loadedBytes @param {number} totalBytes */
  function showProgress(loadedBytes, totalBytes) {
    const text = bytesText(loadedBytes, totalBytes);
    setText(progressText, text);
    progress.setAttribute("aria-valuetext", text);
    if (totalBytes) {
      progress.max = totalBytes;
      progress.value = loadedBytes;
    } else {
      progress.removeAttribute("value"); // indeterminate until the total is known
    }
  }

  /**
   * @param {EngineSnapshot} snapshot
   * @param {boolean} edited  the visitor has typed: their values wait for the engine
   */
  function show({ state, loadedBytes, totalBytes, restarted }, edited) {
    progress.hidden = state !== "loading";
    progressText.hidden = state !== "loading";
    retry.hidden = state !== "failed";
    if (state === "loading") {
      showProgress(loadedBytes, totalBytes);
      if (restarted) say("restarting");
      else if (edited) say("pending");
    } else if (state === "failed") {
      say("failed");
    }
  }

  return { retry, say, show };
}
