// @ts-check
/*
 * The calculator's engine: self-hosted Pyodide running the site's own
 * `calculator` package, in a module worker so that booting Python never
 * blocks the page. Pyodide 314 ships only an ES-module runtime, hence a
 * module worker. The page talks to it through calculator-engine.js.
 *
 * Messages in:  {type: "init", indexURL, stdLibURL, archiveURL, sizes}
 *               (the two archives are packed: see "Packed archives" below)
 *               {type: "call", id, name: "compute" | "decode_query", argument}
 * Messages out: {type: "progress", loadedBytes, totalBytes}
 *               {type: "ready"} | {type: "failed", reason}
 *               {type: "reply", id, value} | {type: "reply", id, error}
 * (declared in types/engine-messages.d.ts: EngineRequest, EngineReport).
 */

/** @typedef {import("pyodide").PyodideAPI} PyodideAPI */

/**
 * One file of the load, as far as it has come.
 * @typedef {object} FileProgress
 * @property {number} bytes Bytes over the network so far.
 * @property {number} total The file's size over the network; 0 while unknown.
 * @property {boolean} complete Whether Resource Timing has given the exact size.
 */

const EXTRACT_DIR = "/home/pyodide/site-packages-calculator";
const WARM_UP_CALLS = 40;
const PROGRESS_EVERY_MS = 100;
// The smallest valid WebAssembly module: compiling it fails at once where a
// Content-Security-Policy refuses WebAssembly.
const EMPTY_WASM_MODULE = new Uint8Array([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);

/** @type {PyodideAPI | null} */
let pyodide = null;
/** @type {any} the calculator package, a Python module: every function is looked up by name */
let calculator = null;

/** @param {EngineReport} message */
function post(message) {
  self.postMessage(message);
}

/* ---------- Bytes as they arrive ---------- */

/* What the download of the engine has come to, in bytes over the network.
 *
 * Pyodide fetches its files itself, so `fetch` is wrapped: a clone of each
 * response is read only to count its bytes, while Pyodide gets the original
 * (which keeps WebAssembly's streaming compilation and code cache). The body
 * arrives decoded, so for a brotli or gzip response the share read of the
 * file's decoded size (`sizes`, from the page: for a packed archive the zip
 * it holds, which is what the build's brotli copy decodes to) scales its
 * Content-Length;
 * Resource Timing gives the exact size once a file is complete, also for
 * what Pyodide imports as a module. The total is reported once every file
 * of `sizes` has announced its size, and is 0 until then. */
class Downloads {
  /** @param {Record<string, number>} sizes absolute URL -> bytes a response decodes to */
  constructor(sizes) {
    this.sizes = sizes;
    /** @type {Map<string, FileProgress>} by absolute URL */
    this.files = new Map();
    this.lastPost = 0;
  }

  watch() {
    const fetchOriginal = self.fetch.bind(self);
    self.fetch = async (...args) => {
      const response = await fetchOriginal(...args);
      if (response.url in this.sizes) this.count(response.url, response.clone());
      return response;
    };
    new PerformanceObserver((list) => {
      for (const entry of /** @type {PerformanceResourceTiming[]} */ (list.getEntries())) {
        if (entry.name in this.sizes) this.update(entry.name, entry.encodedBodySize, entry.encodedBodySize, true);
      }
    }).observe({ type: "resource", buffered: true });
  }

  /** Counts the bytes of `response` (a clone of Pyodide's) as they arrive.
   * @param {string} url
   * @param {Response} response */
  async count(url, response) {
    if (!response.body) return;
    const encoded = Boolean(response.headers.get("Content-Encoding"));
    const length = Number(response.headers.get("Content-Length")) || 0;
    const total = encoded ? length : length || this.sizes[url];
    const reader = response.body.getReader();
    let received = 0;
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        received += value.byteLength;
        const bytes = encoded ? Math.round(total * Math.min(1, received / this.sizes[url])) : received;
        this.update(url, bytes, total, false);
      }
    } catch {
      // The download failed; Pyodide sees that on its own copy of the response.
    }
  }

  /** @param {string} url
   * @param {number} bytes
   * @param {number} total
   * @param {boolean} complete */
  update(url, bytes, total, complete) {
    const file = this.files.get(url);
    if (file?.complete) return;
    this.files.set(url, { bytes, total, complete });
    const now = performance.now();
    if (complete || now - this.lastPost >= PROGRESS_EVERY_MS) {
      this.lastPost = now;
      this.report();
    }
  }

  report() {
    let loadedBytes = 0;
    let totalBytes = 0;
    for (const { bytes, total } of this.files.values()) {
      loadedBytes += bytes;
      totalBytes += total;
    }
    const known = Object.keys(this.sizes).every((url) => this.files.get(url)?.total);
    post({ type: "progress", loadedBytes, totalBytes: known ? totalBytes : 0 });
  }
}

/* ---------- Boot ---------- */

/* Pyodide catches a failed WebAssembly instantiation, logs it and then never
 * settles its promise; the worker reports the failure itself. */
function reportWasmFailures() {
  // Both functions are wrapped alike, whatever their overloads.
  const api = /** @type {Record<string, (...args: unknown[]) => Promise<unknown>>} */ (
    /** @type {unknown} */ (WebAssembly)
  );
  for (const name of ["instantiate", "instantiateStreaming"]) {
    const original = api[name];
    api[name] = (...args) => {
      const instantiation = original.apply(WebAssembly, args);
      instantiation.catch((error) => post({ type: "failed", reason: `WebAssembly: ${error}` }));
      return instantiation;
    };
  }
}

/* ---------- Packed archives ---------- */

/**
 * The standard library and the calculator arrive packed: each a zip that the
 * build gzip-compressed inside the file (sitebuild/packed.py), so that a host
 * which sends archives as they are still sends them small. A host that serves
 * the build's brotli copy sends the zip itself, decoded by the browser. The
 * first two bytes say which: gzip begins 1f 8b, a zip "PK".
 * @param {Response} response
 * @returns {Promise<Uint8Array<ArrayBuffer>>} the zip
 */
async function unpacked(response) {
  if (!response.ok) throw new Error(`${response.url}: HTTP ${response.status}`);
  const bytes = new Uint8Array(await response.arrayBuffer());
  if (bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes;
  const archive = new Blob([bytes]).stream().pipeThrough(new DecompressionStream("gzip"));
  return new Uint8Array(await new Response(archive).arrayBuffer());
}

/**
 * Pyodide fetches the standard library itself: it gets the unpacked archive.
 * @param {string} stdLibURL
 */
function unpackForPyodide(stdLibURL) {
  const fetchBefore = self.fetch;
  self.fetch = async (resource, options) => {
    const response = await fetchBefore(resource, options);
    const url = resource instanceof Request ? resource.url : String(resource);
    return url === stdLibURL && response.ok ? new Response(await unpacked(response)) : response;
  };
}

/** @param {Extract<EngineRequest, {type: "init"}>} init */
async function boot({ indexURL, stdLibURL, archiveURL, sizes }) {
  new WebAssembly.Module(EMPTY_WASM_MODULE); // throws before any download when WebAssembly is refused
  reportWasmFailures();
  const downloads = new Downloads(sizes);
  downloads.watch();
  unpackForPyodide(stdLibURL);
  /** @type {typeof import("pyodide")} */
  const { loadPyodide } = await import(new URL("pyodide.mjs", indexURL).href);
  // The archive downloads while Pyodide boots; a failure surfaces where it is awaited.
  const archive = fetch(archiveURL).then(unpacked);
  archive.catch(() => {});
  // Every URL points at our own copy: without packageBaseUrl Pyodide falls back
  // to a CDN. stdLibURL is the standard library trimmed to what we import.
  pyodide = await loadPyodide({ indexURL, packageBaseUrl: indexURL, stdLibURL });
  downloads.report();
  pyodide.unpackArchive(await archive, "zip", { extractDir: EXTRACT_DIR });
  pyodide.runPython(`import sys\nsys.path.insert(0, ${JSON.stringify(EXTRACT_DIR)})`);
  calculator = pyodide.pyimport("calculator");
}

/** Calls a function of the calculator with a plain JSON value; the answer comes
 * back as plain JSON too, so the page never holds a Python object.
 * @param {EngineCallName} name
 * @param {EngineCalls[EngineCallName]["argument"]} argument
 * @returns {unknown} */
function call(name, argument) {
  if (!pyodide) throw new Error("The calculator is not loaded");
  const pyArgument = typeof argument === "string" ? argument : pyodide.toPy(argument);
  const result = calculator[name](pyArgument);
  try {
    return result.toJs({ dict_converter: Object.fromEntries, create_pyproxies: false });
  } finally {
    result.destroy();
    if (pyArgument !== argument) pyArgument.destroy();
  }
}

/* Runs the model a few dozen times in the background, one call per task so
 * that a visitor's own calls go first. Pyodide loads compiled bytecode and so
 * executes little Python while booting; until V8 has optimised the
 * interpreter's hot WebAssembly functions, the visitor's first edits would
 * take up to twice as long. */
/** @param {number} remaining */
function warmUp(remaining) {
  if (remaining === 0) return;
  call("compute", { users: String(10000 + 997 * remaining) });
  setTimeout(() => warmUp(remaining - 1), 0);
}

/** @param {MessageEvent<EngineRequest>} event */
self.onmessage = async ({ data }) => {
  if (data.type === "init") {
    try {
      await boot(data);
      post({ type: "ready" });
      warmUp(WARM_UP_CALLS);
    } catch (error) {
      post({ type: "failed", reason: error instanceof Error ? error.message : String(error) });
    }
  } else if (data.type === "call") {
    try {
      post({ type: "reply", id: data.id, value: call(data.name, data.argument) });
    } catch (error) {
      post({ type: "reply", id: data.id, error: String(error) });
    }
  }
};
