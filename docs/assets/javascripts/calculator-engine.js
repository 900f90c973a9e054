/*
 * The calculator's engine client: one module worker running Pyodide
 * (calculator-worker.mjs), shared by every calculator of a page visit.
 *
 * It keeps an explicit state, so that the page can always say what is going
 * on and no edit ever waits on a worker that is gone:
 *
 *   idle ──start()──▶ loading ──▶ ready
 *                       │           │ the worker dies or stops answering
 *                       ▼           ▼
 *                     failed ◀──────┘   start() loads again
 *
 * - A slow connection is not a failure: the load fails only when it makes no
 *   progress (no byte and no boot step) for STALL_MS. Bytes are counted in
 *   the worker as they arrive.
 * - A refused WebAssembly compilation (a policy without 'wasm-unsafe-eval')
 *   fails at once: the worker reports it, although Pyodide itself would wait
 *   forever.
 * - Every pending call is rejected when the worker dies (an error event),
 *   answers a call with an error, or leaves a call unanswered for
 *   CALL_DEADLINE_MS (a closed or hung worker sends no event at all). An engine that dies after it was ready starts
 *   again by itself, at most MAX_RESTARTS times a visit; its listeners see
 *   `restarted: true` and recompute what the visitor had typed.
 * - start() after a failure starts a new worker; the runtime files come
 *   from the browser's cache (they are served as immutable).
 */
(() => {
  "use strict";

  const STALL_MS = 30000;
  const CALL_DEADLINE_MS = 10000;
  const MAX_RESTARTS = 2;

  class EngineClient {
    constructor(urls) {
      this.urls = urls;
      this.state = "idle";
      this.loadedBytes = 0;
      this.totalBytes = 0;
      this.reason = null;
      this.restarted = false;
      this.restarts = 0;
      this.listeners = new Set();
      this.worker = null;
      this.pending = new Map(); // call id -> {resolve, reject, timer}
      this.nextId = 0;
      this.starting = null; // the promise of the current load, while loading or ready
      this.stopStallTimer = () => {};
    }

    /* Calls `listener` now and on every change; returns the unsubscribe function. */
    subscribe(listener) {
      this.listeners.add(listener);
      listener(this.snapshot());
      return () => this.listeners.delete(listener);
    }

    snapshot() {
      const { state, loadedBytes, totalBytes, reason, restarted } = this;
      return { state, loadedBytes, totalBytes, reason, restarted };
    }

    set(changes) {
      Object.assign(this, changes);
      const snapshot = this.snapshot();
      for (const listener of [...this.listeners]) listener(snapshot);
    }

    /* Resolves when the engine is ready; the same promise while a load runs. */
    start() {
      return this.load(false);
    }

    load(restarted) {
      if (!this.starting) {
        this.starting = this.boot(restarted);
        this.starting.catch(() => {}); // callers may not wait; the state says it all
      }
      return this.starting;
    }

    boot(restarted) {
      return new Promise((resolve, reject) => {
        const worker = new Worker(this.urls.worker, { type: "module" });
        this.worker = worker;
        let stallTimer = 0;
        const stalled = () => this.die(worker, "stalled", reject);
        const progressed = () => {
          clearTimeout(stallTimer);
          stallTimer = setTimeout(stalled, STALL_MS);
        };
        this.set({ state: "loading", loadedBytes: 0, totalBytes: 0, restarted });
        progressed();
        worker.onerror = (event) => {
          event.preventDefault();
          this.die(worker, event.message || "worker error", reject);
        };
        worker.onmessageerror = () => this.die(worker, "unreadable message", reject);
        worker.onmessage = ({ data }) => {
          if (worker !== this.worker) return;
          if (data.type === "progress") {
            progressed();
            this.set({ loadedBytes: data.loadedBytes, totalBytes: data.totalBytes });
          } else if (data.type === "ready") {
            clearTimeout(stallTimer);
            this.set({ state: "ready" });
            resolve(this);
          } else if (data.type === "failed") {
            this.die(worker, data.reason, reject);
          } else if (data.type === "reply") {
            this.settle(data);
          }
        };
        this.stopStallTimer = () => clearTimeout(stallTimer);
        worker.postMessage({
          type: "init", indexURL: this.urls.pyodide, stdLibURL: this.urls.stdlib, archiveURL: this.urls.archive,
          sizes: this.urls.sizes,
        });
      });
    }

    /* Ends `worker` for good: every pending call is rejected, the state says why,
     * and an engine that had been ready starts again by itself. */
    die(worker, reason, reject) {
      if (worker !== this.worker) return;
      const wasReady = this.state === "ready";
      this.stopStallTimer();
      worker.terminate();
      this.worker = null;
      this.starting = null;
      const error = new Error(`Calculator engine ${wasReady ? "died" : "failed to load"}: ${reason}`);
      console.warn(error.message); // for whoever looks into the console: the visitor gets the page's message
      for (const call of this.pending.values()) {
        clearTimeout(call.timer);
        call.reject(error);
      }
      this.pending.clear();
      reject(error);
      this.reason = reason;
      if (wasReady && this.restarts < MAX_RESTARTS) {
        this.restarts += 1;
        this.load(true);
      } else {
        this.set({ state: "failed", restarted: false });
      }
    }

    settle({ id, value, error }) {
      const call = this.pending.get(id);
      if (!call) return;
      this.pending.delete(id);
      clearTimeout(call.timer);
      if (error === undefined) {
        call.resolve(value);
        return;
      }
      call.reject(new Error(error));
      // The model answers bad input with messages and never raises, so an
      // error here is a broken engine (a fatal Pyodide error, a bug).
      this.die(this.worker, `call failed: ${error}`, () => {});
    }

    /* Runs `name(argument)` in the worker; rejects when the engine is not
     * ready, or when the worker dies before it answers. */
    call(name, argument) {
      if (this.state !== "ready") return Promise.reject(new Error(`Calculator engine is ${this.state}`));
      const worker = this.worker;
      return new Promise((resolve, reject) => {
        this.nextId += 1;
        const id = this.nextId;
        const timer = setTimeout(() => this.die(worker, "no answer", () => {}), CALL_DEADLINE_MS);
        this.pending.set(id, { resolve, reject, timer });
        worker.postMessage({ type: "call", id, name, argument });
      });
    }
  }

  const engines = new Map();

  window.CalculatorEngine = {
    /* One engine per page visit for these URLs, kept across Material's instant navigation. */
    shared(urls) {
      const key = JSON.stringify(urls);
      if (!engines.has(key)) engines.set(key, new EngineClient(urls));
      return engines.get(key);
    },
  };
})();
