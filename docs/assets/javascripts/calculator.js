/*
 * The savings calculator in the page.
 *
 * The build has already rendered the numbers of the page's preset scenario
 * (sitebuild/calculator_embed.py). This script starts the engine (Pyodide in
 * a module worker, calculator-worker.mjs) when the page is idle or the
 * calculator comes near the viewport, then recomputes on every edit with the
 * same Python model and writes the answers into the same `data-out` slots.
 *
 * Everything from the visitor or a link is treated as text: values are set
 * with `.value` and `.textContent`, never as HTML, and all validation is the
 * model's.
 */
(() => {
  "use strict";

  const LOAD_TIMEOUT_MS = 30000;
  const NEAR_VIEWPORT = "600px 0px";
  const SCENARIO_EVENT = "kontakt:scenario";
  const LIVE_MARK = "calculator-live-result"; // read by bench/bench_browser.py
  const ANNOUNCE_PAUSE_MS = 1000; // typing stopped this long: say the result
  const PRINTING = "data-printing"; // on the calculator to print alone (print.css)

  const STATUS = {
    waiting: "Siffrorna visar artikelns räkneexempel. Kalkylatorn startar strax och räknar sedan på dina egna värden direkt i webbläsaren – inget du skriver lämnar sidan.",
    loading: "Laddar kalkylatorn…",
    pending: "Laddar kalkylatorn… Dina värden räknas så snart den är klar.",
    ready: "Kalkylatorn räknar i din webbläsare – inget du skriver lämnar sidan.",
    invalid: "Rätta de markerade fälten. Resultatet nedan gäller de senaste giltiga värdena.",
    failed: "Kalkylatorn kunde inte laddas. Siffrorna nedan är artikelns räkneexempel – du kan ändå kontakta oss för en analys av ditt scenario.",
  };

  /* ---------- The engine: one worker for the whole visit ---------- */

  let engine = null;

  /* Boots the worker; the promise settles within LOAD_TIMEOUT_MS, because
   * Pyodide's own load never settles when WebAssembly is refused. */
  function bootEngine(urls, onProgress) {
    return new Promise((resolve, reject) => {
      const worker = new Worker(urls.worker, { type: "module" });
      const fail = (reason) => {
        clearTimeout(timer);
        worker.terminate();
        reject(new Error(reason));
      };
      const timer = setTimeout(() => fail("timeout"), LOAD_TIMEOUT_MS);
      const pending = new Map(); // call id -> {resolve, reject}
      let nextId = 0;
      const client = {
        call(name, argument) {
          return new Promise((resolve, reject) => {
            nextId += 1;
            pending.set(nextId, { resolve, reject });
            worker.postMessage({ type: "call", id: nextId, name, argument });
          });
        },
      };
      worker.onerror = (event) => fail(event.message || "worker error");
      worker.onmessage = ({ data }) => {
        if (data.type === "reply") {
          const call = pending.get(data.id);
          pending.delete(data.id);
          if ("error" in data) call.reject(new Error(data.error));
          else call.resolve(data.value);
        } else if (data.type === "progress") {
          onProgress(data.percent);
        } else if (data.type === "ready") {
          clearTimeout(timer);
          resolve(client);
        } else if (data.type === "failed") {
          fail(data.reason);
        }
      };
      worker.postMessage({ type: "init", indexURL: urls.pyodide, stdLibURL: urls.stdlib, archiveURL: urls.archive });
    });
  }

  function getEngine(urls, onProgress) {
    if (!engine) {
      engine = bootEngine(urls, onProgress);
      engine.catch(() => {
        engine = null; // a later attempt (the retry button) starts afresh
      });
    }
    return engine;
  }

  /* ---------- Helpers ---------- */

  function lookup(object, path) {
    return path.split(".").reduce((value, key) => (value == null ? undefined : value[key]), object);
  }

  /* Calls back once, when the page has painted and then either the browser
   * is idle or the calculator comes near the viewport: nothing of Pyodide is
   * fetched before the visitor sees the page. */
  function whenNearOrIdle(element, callback) {
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
    afterFirstPaint(() => {
      observer.observe(element);
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

  /* ---------- One calculator on the page ---------- */

  function start(root) {
    if (root.dataset.started) return;
    root.dataset.started = "true";

    const form = root.querySelector("[data-calc-form]");
    const status = root.querySelector("[data-calc-status]");
    const progress = root.querySelector("[data-calc-progress]");
    const retry = root.querySelector("[data-calc-retry]");
    const notice = root.querySelector("[data-calc-notice]");
    const linkField = root.querySelector("[data-calc-link]");
    const copyStatus = root.querySelector("[data-calc-copy-status]");
    const lineTemplate = root.querySelector("[data-line-template]");
    const outputs = root.querySelector("[data-calc-outputs]");
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
    };

    // The form's own fields, by key: model error keys are looked up here and
    // never used to build a selector.
    const fields = new Map();
    for (const wrapper of form.querySelectorAll("[data-field]")) {
      fields.set(wrapper.dataset.field, {
        input: wrapper.querySelector("input, select"),
        error: wrapper.querySelector("[data-error-for]"),
      });
    }

    let client = null;
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

    function renderLines(side, lines) {
      if (!changed(side, lines)) return;
      const body = root.querySelector(`[data-lines="${side}"]`);
      body.replaceChildren(...lines.map((line) => {
        const row = lineTemplate.content.firstElementChild.cloneNode(true);
        for (const cell of row.querySelectorAll("[data-line-out]")) {
          cell.textContent = line[cell.dataset.lineOut];
        }
        row.querySelector("[data-line-seg]").setAttribute("class", `calc-seg calc-seg--${line.id}`);
        return row;
      }));
    }

    function renderChart(result) {
      if (!changed("chart", [result.current.lines, result.elixir.lines])) return;
      const scale = Math.max(Number(result.current.monthly_kr), Number(result.elixir.monthly_kr), 1);
      for (const side of ["current", "elixir"]) {
        const svg = root.querySelector(`[data-chart="${side}"]`);
        svg.setAttribute("viewBox", `0 0 ${scale} 10`);
        let x = 0;
        svg.replaceChildren(...result[side].lines.map((line) => {
          const rect = document.createElementNS("http://www.w3.org/2000/svg", "rect");
          rect.setAttribute("class", `calc-seg calc-seg--${line.id}`);
          rect.setAttribute("x", String(x));
          rect.setAttribute("y", "0");
          rect.setAttribute("width", line.monthly_kr);
          rect.setAttribute("height", "10");
          const title = document.createElementNS("http://www.w3.org/2000/svg", "title");
          title.textContent = `${line.name}: ${line.monthly_text}`;
          rect.append(title);
          x += Number(line.monthly_kr);
          return rect;
        }));
      }
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
      renderLines("current", result.current.lines);
      renderLines("elixir", result.elixir.lines);
      renderChart(result);
      const link = shareLink(result.query);
      showLink(link);
      if (edited) history.replaceState(history.state, "", link);
      document.dispatchEvent(new CustomEvent(SCENARIO_EVENT, { detail: { summary: result.summary, link } }));
    }

    function show(result, extraErrors = {}) {
      if (!root.dataset.live) {
        root.dataset.live = "true"; // the first answer computed in this browser
        performance.mark(LIVE_MARK);
      }
      root.classList.toggle("calc--invalid", !result.ok);
      showErrors(result.ok ? {} : result.errors, extraErrors);
      if (result.ok) {
        render(result);
        setStatus(STATUS.ready);
      } else {
        setStatus(STATUS.invalid);
      }
      if (edited) announcer.say(result.ok ? result.saving.headline : STATUS.invalid);
    }

    /* At most one computation in flight; edits made meanwhile are computed
     * next, so typing fast never queues up stale work. */
    async function recompute(extraErrors) {
      if (!client) {
        setStatus(STATUS.pending);
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
          const result = await client.call("compute", readForm());
          if (!stale) show(result, extraErrors);
        } while (stale);
      } finally {
        busy = false;
      }
    }

    /* Opening a share link: the model decodes the query and the values fill
     * the form as text, so the form's own computation reports bad ones at
     * their fields. What the form cannot hold (unknown parameters, a
     * non-boolean for a checkbox) is reported above the form instead. */
    async function restoreFromLink() {
      if (!location.search) return {};
      const decoded = await client.call("decode_query", location.search.slice(1));
      writeForm(decoded);
      const check = await client.call("compute", decoded);
      if (check.ok) return {};
      return Object.fromEntries(Object.entries(check.errors).filter(
        ([key]) => !fields.has(key) || fields.get(key).input.type === "checkbox",
      ));
    }

    async function load() {
      retry.hidden = true;
      progress.hidden = false;
      progress.value = 5;
      setStatus(edited ? STATUS.pending : STATUS.loading);
      outputs.setAttribute("aria-busy", "true");
      try {
        client = await getEngine(urls, (percent) => { progress.value = percent; });
        const linkErrors = await restoreFromLink();
        progress.hidden = true;
        outputs.removeAttribute("aria-busy");
        await recompute(linkErrors);
      } catch (error) {
        progress.hidden = true;
        outputs.removeAttribute("aria-busy");
        setStatus(STATUS.failed);
        retry.hidden = false;
      }
    }

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
    retry.addEventListener("click", load);
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

    showLink(shareLink(location.search));
    setStatus(STATUS.waiting);
    whenNearOrIdle(root, load);
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
