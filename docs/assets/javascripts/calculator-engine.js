// @ts-check
/*
 * The calculator's engine client: one module worker running Pyodide
 * (calculator-worker.mjs), shared by every calculator of a page visit.
 *
 * It keeps an explicit state, so that the page can always say what is going
 * on and no edit ever waits on a worker that is gone. Every change of state
 * is a row of TRANSITIONS:
 *
 *          start             loaded
 *   idle ─────────▶ loading ─────────▶ ready
 *                    │   ▲               │
 *               died │   └── restart ────┤ died, a restart left (automatic)
 *                    ▼                   │
 *                  failed ◀──────────────┘ died, no restart left
 *                    │
 *                    └── start ──▶ loading
 *
 * - A slow connection is not a failure: the load fails only when it makes no
 *   progress (no byte and no boot step) for STALL_MS. Bytes are counted in
 *   the worker as they arrive.
 * - A refused WebAssembly compilation (a policy without 'wasm-unsafe-eval')
 *   fails at once: the worker reports it, although Pyodide itself would wait
 *   forever.
 * - Every pending call is rejected when the worker dies (an error event),
 *   answers a call with an error, or leaves a call unanswered for
 *   CALL_DEADLINE_MS (a closed or hung worker sends no event at all). An
 *   engine that dies after it was ready starts again by itself, at most
 *   MAX_RESTARTS times a visit; its listeners see `restarted: true` and
 *   recompute what the visitor had typed.
 * - start() after a failure starts a new worker; the runtime files come
 *   from the browser's cache (they are served as immutable).
 *
 * The messages to and from the worker are declared in types/engine-messages.d.ts.
 */

/** @typedef {"idle" | "loading" | "ready" | "failed"} EngineState */
/** @typedef {"start" | "loaded" | "restart" | "died"} EngineEvent */

/**
 * What a page may know of the engine: listeners get a new, frozen one on every change.
 * @typedef {object} EngineSnapshot
 * @property {EngineState} state
 * @property {number} loadedBytes Bytes downloaded by the current load.
 * @property {number} totalBytes The current load's size in bytes; 0 until every file has announced its size.
 * @property {boolean} restarted Whether the engine is starting, or ready, again by itself after it died.
 */

/**
 * Absolute URLs of what the engine loads.
 * @typedef {object} EngineUrls
 * @property {string} worker calculator-worker.mjs
 * @property {string} pyodide Pyodide's folder.
 * @property {string} stdlib The trimmed standard library.
 * @property {string} archive The calculator package as a zip.
 * @property {Record<string, number>} sizes Absolute URL → size as built, of every file the load downloads.
 */

/**
 * The engine as a page script uses it.
 * @typedef {object} Engine
 * @property {EngineState} state
 * @property {(listener: (snapshot: EngineSnapshot) => void) => () => void} subscribe
 *   Calls `listener` now and on every change; returns the unsubscribe function.
 * @property {() => Promise<Engine>} start Resolves when the engine is ready.
 * @property {<N extends EngineCallName>(name: N, argument: EngineCalls[N]["argument"]) => Promise<EngineCalls[N]["result"]>} call
 *   Runs a function of the calculator in the worker.
 */

/** @typedef {{shared(urls: EngineUrls): Engine}} CalculatorEngineRegistry */

/**
 * A call sent to the worker and not answered yet.
 * @typedef {object} PendingCall
 * @property {(value: unknown) => void} resolve
 * @property {(error: Error) => void} reject
 * @property {number} timer The deadline's timeout.
 */

(() => {
  "use strict";

  const STALL_MS = 30000;
  const CALL_DEADLINE_MS = 10000;
  const MAX_RESTARTS = 2;

  /** The engine's states, and the state each event leads to from there; any other event is a bug.
   * @type {{readonly [S in EngineState]: {readonly [E in EngineEvent]?: EngineState}}} */
  const TRANSITIONS = {
    idle: { start: "loading" },
    loading: { loaded: "ready", died: "failed" },
    ready: { restart: "loading", died: "failed" },
    failed: { start: "loading" },
  };

  /** @implements {Engine} */
  class EngineClient {
    /** @param {EngineUrls} urls */
    constructor(urls) {
      this.urls = urls;
      /** @type {Readonly<EngineSnapshot>} */
      this.current = Object.freeze({ state: "idle", loadedBytes: 0, totalBytes: 0, restarted: false });
      this.restarts = 0;
      /** @type {Set<(snapshot: EngineSnapshot) => void>} */
      this.listeners = new Set();
      /** @type {Worker | null} */
      this.worker = null;
      /** @type {Map<number, PendingCall>} by call id */
      this.pending = new Map();
      this.nextId = 0;
      /** @type {Promise<Engine> | null} the promise of the current load, while loading or ready */
      this.starting = null;
      this.stopStallTimer = () => {};
    }

    get state() {
      return this.current.state;
    }

    /** @param {(snapshot: EngineSnapshot) => void} listener */
    subscribe(listener) {
      this.listeners.add(listener);
      listener(this.current);
      return () => {
        this.listeners.delete(listener);
      };
    }

    /** Moves to the state TRANSITIONS gives for `event`, with `changes`.
     * @param {EngineEvent} event
     * @param {Partial<Omit<EngineSnapshot, "state">>} [changes] */
    move(event, changes = {}) {
      const state = TRANSITIONS[this.state][event];
      if (!state) throw new Error(`Calculator engine: no "${event}" while ${this.state}`);
      this.set({ ...changes, state });
    }

    /** Changes the snapshot (its own keys only) and tells every listener.
     * @param {Partial<EngineSnapshot>} changes */
    set(changes) {
      for (const key of Object.keys(changes)) {
        if (!Object.hasOwn(this.current, key)) throw new TypeError(`Calculator engine: no snapshot key "${key}"`);
      }
      this.current = Object.freeze({ ...this.current, ...changes });
      for (const listener of [...this.listeners]) listener(this.current);
    }

    start() {
      return this.load("start");
    }

    /** Resolves when the engine is ready; the same promise while a load runs.
     * @param {"start" | "restart"} event
     * @returns {Promise<Engine>} */
    load(event) {
      if (!this.starting) {
        this.starting = this.boot(event);
        this.starting.catch(() => {}); // callers may not wait; the state says it all
      }
      return this.starting;
    }

    /** @param {"start" | "restart"} event
     * @returns {Promise<Engine>} */
    boot(event) {
      return new Promise((resolve, reject) => {
        const worker = new Worker(this.urls.worker, { type: "module" });
        this.worker = worker;
        let stallTimer = 0;
        const stalled = () => this.die(worker, "stalled", reject);
        const progressed = () => {
          clearTimeout(stallTimer);
          stallTimer = setTimeout(stalled, STALL_MS);
        };
        this.move(event, { loadedBytes: 0, totalBytes: 0, restarted: event === "restart" });
        progressed();
        worker.onerror = (event) => {
          event.preventDefault();
          this.die(worker, event.message || "worker error", reject);
        };
        worker.onmessageerror = () => this.die(worker, "unreadable message", reject);
        /** @param {MessageEvent<EngineReport>} event */
        worker.onmessage = ({ data }) => {
          if (worker !== this.worker) return;
          if (data.type === "progress") {
            progressed();
            this.set({ loadedBytes: data.loadedBytes, totalBytes: data.totalBytes });
          } else if (data.type === "ready") {
            clearTimeout(stallTimer);
            this.move("loaded");
            resolve(this);
          } else if (data.type === "failed") {
            this.die(worker, data.reason, reject);
          } else if (data.type === "reply") {
            this.settle(worker, data);
          }
        };
        this.stopStallTimer = () => clearTimeout(stallTimer);
        this.post(worker, {
          type: "init", indexURL: this.urls.pyodide, stdLibURL: this.urls.stdlib, archiveURL: this.urls.archive,
          sizes: this.urls.sizes,
        });
      });
    }

    /** @param {Worker} worker
     * @param {EngineRequest} message */
    post(worker, message) {
      worker.postMessage(message);
    }

    /** Ends `worker` for good: every pending call is rejected, the state says why,
     * and an engine that had been ready starts again by itself.
     * @param {Worker} worker
     * @param {string} reason
     * @param {(error: Error) => void} reject the current load's */
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
      if (wasReady && this.restarts < MAX_RESTARTS) {
        this.restarts += 1;
        this.load("restart");
      } else {
        this.move("died", { restarted: false });
      }
    }

    /** @param {Worker} worker
     * @param {Extract<EngineReport, {type: "reply"}>} reply */
    settle(worker, { id, value, error }) {
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
      this.die(worker, `call failed: ${error}`, () => {});
    }

    /** Runs `name(argument)` in the worker; rejects when the engine is not
     * ready, or when the worker dies before it answers.
     * @template {EngineCallName} N
     * @param {N} name
     * @param {EngineCalls[N]["argument"]} argument
     * @returns {Promise<EngineCalls[N]["result"]>} */
    call(name, argument) {
      const worker = this.worker;
      if (this.state !== "ready" || !worker) return Promise.reject(new Error(`Calculator engine is ${this.state}`));
      return new Promise((resolve, reject) => {
        this.nextId += 1;
        const id = this.nextId;
        const timer = setTimeout(() => this.die(worker, "no answer", () => {}), CALL_DEADLINE_MS);
        this.pending.set(id, { resolve: /** @type {(value: unknown) => void} */ (resolve), reject, timer });
        this.post(worker, /** @type {EngineRequest} */ ({ type: "call", id, name, argument }));
      });
    }
  }

  /** @type {Map<string, EngineClient>} */
  const engines = new Map();

  window.CalculatorEngine = {
    /* One engine per page visit for these URLs, kept across Material's instant navigation. */
    shared(urls) {
      const key = JSON.stringify(urls);
      let engine = engines.get(key);
      if (!engine) {
        engine = new EngineClient(urls);
        engines.set(key, engine);
      }
      return engine;
    },
  };
})();
