/*
 * The calculator's engine: self-hosted Pyodide running the site's own
 * `calculator` package, in a module worker so that booting Python never
 * blocks the page. Pyodide 314 ships only an ES-module runtime, hence a
 * module worker.
 *
 * Messages in:  {type: "init", indexURL, stdLibURL, archiveURL}
 *               {type: "call", id, name: "compute" | "decode_query", argument}
 * Messages out: {type: "progress", percent, stage}
 *               {type: "ready"} | {type: "failed", reason}
 *               {type: "reply", id, value} | {type: "reply", id, error}
 */

const EXTRACT_DIR = "/home/pyodide/site-packages-calculator";
const WARM_UP_CALLS = 40;

let pyodide = null;
let calculator = null;

function post(message) {
  self.postMessage(message);
}

async function fetchBytes(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}

async function boot({ indexURL, stdLibURL, archiveURL }) {
  post({ type: "progress", percent: 10, stage: "runtime" });
  const { loadPyodide } = await import(new URL("pyodide.mjs", indexURL).href);
  // The archive downloads while Pyodide boots; a failure surfaces where it is awaited.
  const archive = fetchBytes(archiveURL);
  archive.catch(() => {});
  // Every URL points at our own copy: without packageBaseUrl Pyodide falls back
  // to a CDN. stdLibURL is the standard library trimmed to what we import.
  pyodide = await loadPyodide({ indexURL, packageBaseUrl: indexURL, stdLibURL });
  post({ type: "progress", percent: 80, stage: "calculator" });
  pyodide.unpackArchive(await archive, "zip", { extractDir: EXTRACT_DIR });
  pyodide.runPython(`import sys\nsys.path.insert(0, ${JSON.stringify(EXTRACT_DIR)})`);
  calculator = pyodide.pyimport("calculator");
  post({ type: "progress", percent: 100, stage: "ready" });
}

/* Calls a function of the calculator with a plain JSON value; the answer comes
 * back as plain JSON too, so the page never holds a Python object. */
function call(name, argument) {
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
function warmUp(remaining) {
  if (remaining === 0) return;
  call("compute", { users: String(10000 + 997 * remaining) });
  setTimeout(() => warmUp(remaining - 1), 0);
}

self.onmessage = async ({ data }) => {
  if (data.type === "init") {
    try {
      await boot(data);
      post({ type: "ready" });
      warmUp(WARM_UP_CALLS);
    } catch (error) {
      post({ type: "failed", reason: String(error && error.message ? error.message : error) });
    }
  } else if (data.type === "call") {
    try {
      post({ type: "reply", id: data.id, value: call(data.name, data.argument) });
    } catch (error) {
      post({ type: "reply", id: data.id, error: String(error) });
    }
  }
};
