/*
 * The savings calculator in the page.
 *
 * The build has already rendered the numbers of the page's preset scenario
 * (sitebuild/calculator_embed.py). This script starts the engine (Pyodide in
 * a module worker, through calculator-engine.js) when the calculator comes
 * near the viewport or is touched, or earlier, when the page is idle, on a
 * fast connection; then it recomputes on every edit with the same Python
 * model and writes the answers into the same `data-out` slots.
 *
 * Everything from the visitor or a link is treated as text: values are set
 * with `.value` and `.textContent`, never as HTML, and all validation is the
 * model's.
 */
(() => {
  "use strict";

  const NEAR_VIEWPORT = "600px 0px";
  // Below this a reader who never scrolls to the calculator should not pay for it.
  const PREFETCH_MIN_MBIT_S = 5;
  const VERSION_KEY = "v"; // the share query's format version, read by the model
  const SCENARIO_EVENT = "kontakt:scenario";
  const LIVE_MARK = "calculator-live-result"; // read by bench/bench_browser.py
  const ANNOUNCE_PAUSE_MS = 1000; // typing stopped this long: say the result
  const PRINTING = "data-printing"; // on the calculator to print alone (print.css)

  const STATUS = {
    loading: "Laddar kalkylatorn…",
    pending: "Laddar kalkylatorn… Dina värden räknas så snart den är klar.",
    restarting: "Kalkylatorn stannade och startas om. Dina värden räknas så snart den är igång igen.",
    ready: "Kalkylatorn räknar i din webbläsare – inget du skriver lämnar sidan.",
    recovered: "Kalkylatorn är igång igen och har räknat om dina värden.",
    failed: "Kalkylatorn kunde inte laddas. Siffrorna nedan är artikelns räkneexempel – du kan ändå kontakta oss för en analys av ditt scenario.",
  };

  const MEGABYTES = new Intl.NumberFormat("sv-SE", { minimumFractionDigits: 1, maximumFractionDigits: 1 });

  /* "1,2 av 4,6 MB" (no-break space before the unit); only what has arrived
   * while the total is not known yet. */
  function bytesText(loaded, total) {
    const megabytes = (bytes) => MEGABYTES.format(bytes / 1e6);
    return total ? `${megabytes(loaded)} av ${megabytes(total)}\u00a0MB` : `${megabytes(loaded)}\u00a0MB`;
  }

  /* ---------- Helpers ---------- */

  function lookup(object, path) {
    return path.split(".").reduce((value, key) => (value == null ? undefined : value[key]), object);
  }

  /* Whether the engine may download before the visitor comes near the
   * calculator: not with Save-Data, and not on a connection the browser
   * measures as slow. Browsers that do not say count as fast. */
  function prefetchAllowed() {
    const connection = navigator.connection;
    if (!connection) return true;
    if (connection.saveData) return false;
    if (connection.effectiveType && connection.effectiveType !== "4g") return false;
    return !(connection.downlink > 0 && connection.downlink < PREFETCH_MIN_MBIT_S);
  }

  /* Calls back once, after the page has painted, when the calculator comes
   * near the viewport or the visitor touches it, or (on a fast connection)
   * when the browser is idle: nothing of Pyodide is fetched before the
   * visitor sees the page, and a slow or metered reader who never comes to
   * the calculator fetches nothing of it. */
  function whenWanted(element, callback) {
    let fired = false;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((entry) => entry.isIntersecting)) fire();
    }, { rootMargin: NEAR_VIEWPORT });
    function fire() {
      if (fired) return;
      fired = true;
      observer.disconnect();
      callback();
    }
    element.addEventListener("focusin", fire, { once: true });
    element.addEventListener("pointerdown", fire, { once: true });
    afterFirstPaint(() => {
      observer.observe(element);
      if (!prefetchAllowed()) return;
      if ("requestIdleCallback" in window) requestIdleCallback(fire, { timeout: 5000 });
      else setTimeout(fire, 200);
    });
  }

  /* Says a text in a live region once the visitor pauses. A screen reader
   * that spoke every keystroke's result would talk over the typing, and the
   * first results of a number being typed (1, 10, 100 …) mean nothing. */
  function pauseAnnouncer(region) {
    let timer = 0;
    let paused = true;
    let waiting = null;
    function flush() {
      if (paused && waiting !== null) {
        region.textContent = waiting;
        waiting = null;
      }
    }
    return {
      typed() {
        paused = false;
        clearTimeout(timer);
        timer = setTimeout(() => {
          paused = true;
          flush();
        }, ANNOUNCE_PAUSE_MS);
      },
      say(text) {
        waiting = text;
        flush();
      },
    };
  }

  /* The print button prints this calculator alone, headed by today's date
   * and the scenario's link; printing the page from the browser's menu
   * gets the whole page, with the same date. */
  function printDate() {
    return new Date().toLocaleDateString("sv-SE", { year: "numeric", month: "long", day: "numeric" });
  }

  function afterFirstPaint(callback) {
    if (performance.getEntriesByType("paint").length > 0) {
      callback();
      return;
    }
    let done = false;
    const once = () => {
      if (done) return;
      done = true;
      paints.disconnect();
      callback();
    };
    const paints = new PerformanceObserver(once);
    paints.observe({ type: "paint" });
    window.addEventListener("load", once, { once: true }); // a page that never paints (hidden tab)
  }

  /* ---------- Links: the calculator's own part of an address ---------- */

  /* The raw `key=value` pairs of a query, each with its decoded key. */
  function queryPairs(search) {
    return search.replace(/^\?/, "").split("&").filter(Boolean).map((raw) => {
      const [[key = ""] = []] = new URLSearchParams(raw);
      return { raw, key };
    });
  }

  /* A campaign link carries parameters for others (utm_*, fbclid, gclid, …):
   * the calculator's own are only the format version and its field keys. */
  function isOwn(key, keys) {
    return key === VERSION_KEY || keys.has(key);
  }

  /* The calculator's part of a query; everything else is left alone, without a message. */
  function ownQuery(search, keys) {
    return queryPairs(search).filter(({ key }) => isOwn(key, keys)).map(({ raw }) => raw).join("&");
  }

  /* The address with the calculator's part replaced by `query`; the other
   * parameters stay where they were. */
  function addressWith(query, keys, hash) {
    const url = new URL(location.href);
    const others = queryPairs(url.search).filter(({ key }) => !isOwn(key, keys)).map(({ raw }) => raw);
    url.search = [query, ...others].filter(Boolean).join("&");
    url.hash = hash;
    return url.href;
  }

  /* Whether the page's link is meant for `root`: the calculator its #id names,
   * or the only one on the page. */
  function linkIsFor(root) {
    let id = location.hash.slice(1);
    try {
      id = decodeURIComponent(id);
    } catch {
      // not percent-encoded text: then it names no calculator as it stands
    }
    const named = id ? document.getElementById(id) : null;
    if (named && named.matches("[data-calculator]")) return named === root;
    return document.querySelectorAll("[data-calculator]").length === 1;
  }

  /* ---------- One calculator on the page ---------- */

  function start(root) {
    if (root.dataset.started) return;
    root.dataset.started = "true";

    const form = root.querySelector("[data-calc-form]");
    const status = root.querySelector("[data-calc-status]");
    const progress = root.querySelector("[data-calc-progress]");
    const progressText = root.querySelector("[data-calc-progress-text]");
    const retry = root.querySelector("[data-calc-retry]");
    const notice = root.querySelector("[data-calc-notice]");
    const linkField = root.querySelector("[data-calc-link]");
    const copyStatus = root.querySelector("[data-calc-copy-status]");
    const lineTemplate = root.querySelector("[data-line-template]");
    const pointTemplate = root.querySelector("[data-point-template]");
    const staleHint = root.querySelector("[data-calc-stale]");
    const printButton = root.querySelector("[data-calc-print]");
    const printDateSlot = root.querySelector("[data-calc-print-date]");
    const printLink = root.querySelector("[data-calc-print-link]");
    const announcer = pauseAnnouncer(root.querySelector("[data-calc-announce]"));
    const presets = JSON.parse(root.dataset.presets);
    const urls = {
      worker: new URL(root.dataset.worker, location.href).href,
      pyodide: new URL(root.dataset.pyodide, location.href).href,
      stdlib: new URL(root.dataset.stdlib, location.href).href,
      archive: new URL(root.dataset.archive, location.href).href,
      sizes: Object.fromEntries(Object.entries(JSON.parse(root.dataset.sizes)).map(
        ([path, bytes]) => [new URL(path, location.href).href, bytes],
      )),
    };
    const engine = CalculatorEngine.shared(urls);

    // The form's own fields, by key: model error keys are looked up here and
    // never used to build a selector.
    const fields = new Map();
    for (const wrapper of form.querySelectorAll("[data-field]")) {
      fields.set(wrapper.dataset.field, {
        input: wrapper.querySelector("input, select"),
        error: wrapper.querySelector("[data-error-for]"),
      });
    }

    let busy = false;
    let stale = false;
    let edited = false;

    function setStatus(text) {
      setText(status, text);
    }

    function readForm() {
      const values = {};
      for (const [key, { input }] of fields) {
        values[key] = input.type === "checkbox" ? String(input.checked) : input.value;
      }
      return values;
    }

    function writeForm(values) {
      for (const [key, value] of Object.entries(values)) {
        const field = fields.get(key);
        if (!field) continue;
        // A changed assumption must be visible, not folded away.
        if (value !== presets[key]) field.input.closest("details")?.setAttribute("open", "");
        if (field.input.type === "checkbox") {
          // A value other than true/false keeps the default; the model's message says why.
          if (value === "true" || value === "false") field.input.checked = value === "true";
        } else {
          // An unknown choice from a link becomes a visible option (as text), so
          // the model's message about it shows at the field and nothing is lost.
          if (field.input.tagName === "SELECT" && ![...field.input.options].some((o) => o.value === value)) {
            field.input.add(new Option(value, value));
          }
          field.input.value = value;
        }
      }
    }

    function showErrors(errors, extra = {}) {
      for (const [key, { input, error }] of fields) {
        const message = errors[key];
        setText(error, message || "");
        error.hidden = !message;
        if (message) {
          input.setAttribute("aria-invalid", "true");
          input.closest("details")?.setAttribute("open", "");
        } else {
          input.removeAttribute("aria-invalid");
        }
      }
      const general = [
        ...Object.entries(errors).filter(([key]) => !fields.has(key)).map(([, message]) => message),
        ...Object.values(extra),
      ];
      notice.replaceChildren(...general.map((message) => {
        const paragraph = document.createElement("p");
        paragraph.textContent = message;
        return paragraph;
      }));
      notice.hidden = general.length === 0;
    }

    // What each part of the results last showed: an edit that leaves a part
    // unchanged leaves its DOM untouched, so the browser relays out less.
    const shown = new Map();

    function changed(part, value) {
      const key = JSON.stringify(value);
      if (shown.get(part) === key) return false;
      shown.set(part, key);
      return true;
    }

    function setText(element, text) {
      if (element.textContent !== text) element.textContent = text;
    }

    /* A table row cloned from a <template>: each cell marked `data-<slot>="key"`
     * gets `item[key]` as text. */
    function rowFrom(template, slot, item) {
      const row = template.content.firstElementChild.cloneNode(true);
      for (const cell of row.querySelectorAll(`[data-${slot}]`)) {
        cell.textContent = item[cell.getAttribute(`data-${slot}`)];
      }
      return row;
    }

    function renderLines(side, lines) {
      if (!changed(side, lines)) return;
      const body = root.querySelector(`[data-lines="${side}"]`);
      body.replaceChildren(...lines.map((line) => {
        const row = rowFrom(lineTemplate, "line-out", line);
        row.querySelector("[data-line-seg]").setAttribute("class", `calc-seg calc-seg--${line.id}`);
        return row;
      }));
    }

    /* The two bills as stacked bars, in the model's geometry (each line's
     * start_kr, the common scale_kr), as the build drew them. */
    function renderChart(result) {
      if (!changed("chart", [result.current.lines, result.elixir.lines])) return;
      for (const side of ["current", "elixir"]) {
        const svg = root.querySelector(`[data-chart="${side}"]`);
        svg.setAttribute("viewBox", `0 0 ${result.scale_kr} 10`);
        svg.replaceChildren(...result[side].lines.map((line) => {
          const rect = document.createElementNS("http://www.w3.org/2000/svg", "rect");
          rect.setAttribute("class", `calc-seg calc-seg--${line.id}`);
          rect.setAttribute("x", line.start_kr);
          rect.setAttribute("y", "0");
          rect.setAttribute("width", line.monthly_kr);
          rect.setAttribute("height", "10");
          const title = document.createElementNS("http://www.w3.org/2000/svg", "title");
          title.textContent = `${line.name}: ${line.monthly_text}`;
          rect.append(title);
          return rect;
        }));
      }
    }

    /* The sensitivity table: a row per capacity factor, its marks (the
     * visitor's value, the article's 4×, Pinterest's 2×) and a bar whose
     * length is the percentage itself, in the SVG's own units. */
    function renderSensitivity(points) {
      if (!changed("sensitivity", points)) return;
      root.querySelector("[data-sensitivity]").replaceChildren(...points.map((point) => {
        const row = rowFrom(pointTemplate, "point-out", point);
        row.dataset.outcome = point.outcome;
        row.dataset.marks = point.marks.join(" ");
        row.querySelector("[data-point-bar]").setAttribute("x2", point.percent);
        return row;
      }));
    }

    /* The calculator's part of the page's own address, when the link is meant for it. */
    function linkQuery() {
      return linkIsFor(root) ? ownQuery(location.search, fields) : "";
    }

    function shareLink(query) {
      const url = new URL(location.href);
      url.search = query;
      url.hash = root.id;
      return url.href;
    }

    function showLink(link) {
      linkField.value = link;
      printLink.href = link;
      setText(printLink, link);
    }

    function render(result) {
      for (const slot of root.querySelectorAll("[data-out]")) {
        setText(slot, String(lookup(result, slot.dataset.out) ?? ""));
      }
      // Colours follow what the words say: a saving, no difference, an extra cost.
      for (const element of [root, ...root.querySelectorAll("[data-outcome-of]")]) {
        element.dataset.outcome = lookup(result, element.dataset.outcomeOf) ?? "";
      }
      renderSensitivity(result.sensitivity);
      renderLines("current", result.current.lines);
      renderLines("elixir", result.elixir.lines);
      renderChart(result);
      const link = shareLink(result.query);
      showLink(link);
      if (edited) history.replaceState(history.state, "", addressWith(result.query, fields, root.id));
      document.dispatchEvent(new CustomEvent(SCENARIO_EVENT, { detail: { summary: result.summary, link } }));
    }

    function show(result, extraErrors = {}) {
      if (!root.dataset.live) {
        root.dataset.live = "true"; // the first answer computed in this browser
        performance.mark(LIVE_MARK);
      }
      root.classList.toggle("calc--invalid", !result.ok);
      staleHint.hidden = result.ok;
      showErrors(result.ok ? {} : result.errors, extraErrors);
      if (result.ok) render(result);
      setStatus(STATUS.ready);
      if (edited) announcer.say(result.ok ? result.saving.headline : staleHint.textContent);
    }

    /* At most one computation in flight; edits made meanwhile are computed
     * next, so typing fast never queues up stale work. Before the engine is
     * ready an edit starts it, and the values are computed once it is; after
     * a failure only the retry button starts it again, so that typing does
     * not repeat the failure and its announcement. */
    async function recompute(extraErrors) {
      if (engine.state !== "ready") {
        if (engine.state !== "failed") {
          setStatus(STATUS.pending);
          engine.start();
        }
        return;
      }
      if (busy) {
        stale = true;
        return;
      }
      busy = true;
      try {
        do {
          stale = false;
          const result = await engine.call("compute", readForm());
          if (!stale) show(result, extraErrors);
        } while (stale);
      } catch {
        // The engine died: it restarts or reports its failure (showEngine),
        // and the values are computed again once it is ready.
      } finally {
        busy = false;
      }
    }

    /* ---------- Loading: the engine's state in this calculator ---------- */

    /* Opening a share link meant for this calculator: the model decodes the
     * calculator's own parameters and the values fill the form as text, so
     * the form's own computation reports bad ones at their fields. What the
     * form cannot hold (another format version, a non-boolean for a checkbox)
     * is reported above the form instead. */
    async function restoreFromLink() {
      const query = linkQuery();
      if (!query) return {};
      const decoded = await engine.call("decode_query", query);
      writeForm(decoded);
      const check = await engine.call("compute", decoded);
      if (check.ok) return {};
      return Object.fromEntries(Object.entries(check.errors).filter(
        ([key]) => !fields.has(key) || fields.get(key).input.type === "checkbox",
      ));
    }

    let linkRestored = false;

    /* Ready (again): apply the link once, unless the visitor has typed
     * meanwhile, then compute the form's values. */
    async function engineReady(restarted) {
      try {
        const linkErrors = linkRestored || edited ? {} : await restoreFromLink();
        linkRestored = true;
        await recompute(linkErrors);
        if (restarted && engine.state === "ready") setStatus(STATUS.recovered);
      } catch {
        // The engine died meanwhile; its next state is shown and handled.
      }
    }

    /* What the status box says in each engine state. The status paragraph is
     * a live region: a failure, a restart and the recovery are announced;
     * the byte count beside the progress bar is not. */
    function showEngine({ state, loadedBytes, totalBytes, restarted }) {
      progress.hidden = state !== "loading";
      progressText.hidden = state !== "loading";
      retry.hidden = state !== "failed";
      if (state === "loading") {
        const text = bytesText(loadedBytes, totalBytes);
        setText(progressText, text);
        progress.setAttribute("aria-valuetext", text);
        if (totalBytes) {
          progress.max = totalBytes;
          progress.value = loadedBytes;
        } else {
          progress.removeAttribute("value"); // indeterminate until the total is known
        }
        if (restarted) setStatus(STATUS.restarting);
        else if (edited) setStatus(STATUS.pending);
      } else if (state === "failed") {
        setStatus(STATUS.failed);
      }
    }

    let previousState = null;
    let unsubscribe = null;
    unsubscribe = engine.subscribe((snapshot) => {
      if (!root.isConnected) { // Material's instant navigation replaced the page
        unsubscribe();
        return;
      }
      showEngine(snapshot);
      if (snapshot.state === "ready" && previousState !== "ready") engineReady(snapshot.restarted);
      previousState = snapshot.state;
    });

    form.addEventListener("input", () => {
      edited = true;
      announcer.typed();
      recompute();
    });
    form.addEventListener("submit", (event) => event.preventDefault());
    root.querySelector("[data-calc-reset]").addEventListener("click", () => {
      writeForm(presets);
      edited = true;
      announcer.typed();
      recompute();
    });
    retry.addEventListener("click", () => {
      setStatus(STATUS.loading);
      engine.start();
    });
    root.querySelector("[data-calc-copy]").addEventListener("click", async () => {
      try {
        await navigator.clipboard.writeText(linkField.value);
        copyStatus.textContent = "Länken är kopierad.";
      } catch {
        linkField.select();
        copyStatus.textContent = "Markera länken och kopiera den med Ctrl+C (⌘+C på Mac).";
      }
    });

    printButton.addEventListener("click", () => {
      root.setAttribute(PRINTING, "");
      window.print();
    });
    printButton.hidden = false;
    setText(printDateSlot, printDate());

    showLink(shareLink(linkQuery()));
    if (engine.state === "idle") whenWanted(root, () => engine.start());
  }

  // Whichever way the page is printed, it shows today's date; afterwards the
  // whole page prints again.
  addEventListener("beforeprint", () => {
    for (const slot of document.querySelectorAll("[data-calc-print-date]")) slot.textContent = printDate();
  });
  addEventListener("afterprint", () => {
    for (const root of document.querySelectorAll(`[${PRINTING}]`)) root.removeAttribute(PRINTING);
  });

  document$.subscribe(() => {
    for (const root of document.querySelectorAll("[data-calculator]")) start(root);
  });
})();
