// Runs calculator-engine.js under Node.js with a stand-in for the worker, and
// prints as JSON what a page would see: every state the engine passes through
// while it loads, dies after it was ready (and restarts by itself, at most
// MAX_RESTARTS times), fails and is started again; and what set() and an
// event that no state allows answer. Used by tests/test_engine_states.py.
//
// Usage: node engine_states.mjs PATH/TO/calculator-engine.js
import { readFile } from "node:fs/promises";
import vm from "node:vm";

const [enginePath] = process.argv.slice(2);
const workers = [];
class StandInWorker {
  constructor(url) {
    this.url = url;
    this.sent = [];
    this.terminated = false;
    workers.push(this);
  }
  postMessage(message) {
    this.sent.push(message.type);
  }
  terminate() {
    this.terminated = true;
  }
}
const sandbox = { console: { warn() {} }, setTimeout, clearTimeout, Worker: StandInWorker };
sandbox.window = sandbox;
vm.runInNewContext(await readFile(enginePath, "utf8"), sandbox);

const engine = sandbox.CalculatorEngine.shared({ worker: "w.mjs", pyodide: "p/", stdlib: "s.zip", archive: "a.zip", sizes: {} });
const seen = [];
engine.subscribe(({ state, restarted }) => {
  if (seen.at(-1)?.state !== state || seen.at(-1)?.restarted !== restarted) seen.push({ state, restarted });
});
const latest = () => workers.at(-1);
const answer = (data) => latest().onmessage({ data });
const crash = () => latest().onerror({ message: "crashed", preventDefault() {} });
const outcome = (action) => {
  try {
    action();
    return "accepted";
  } catch (error) {
    return error.message;
  }
};

engine.start();
answer({ type: "progress", loadedBytes: 5, totalBytes: 10 });
const progress = { loadedBytes: engine.current.loadedBytes, totalBytes: engine.current.totalBytes };
answer({ type: "ready" });
for (let death = 0; death < 3; death += 1) {
  crash(); // the first two restart by themselves, the third ends in failed
  if (engine.state === "loading") answer({ type: "ready" });
}
const failedAfterDeaths = engine.state;
engine.start();
answer({ type: "failed", reason: "no WebAssembly" });
engine.start();
answer({ type: "ready" });

console.log(JSON.stringify({
  seen,
  progress,
  failedAfterDeaths,
  workers: workers.length,
  terminated: workers.filter((worker) => worker.terminated).length,
  initMessages: workers.every((worker) => worker.sent[0] === "init"),
  unknownKey: outcome(() => engine.set({ reason: "x" })),
  knownKey: outcome(() => engine.set({ loadedBytes: 1 })),
  eventNoStateAllows: outcome(() => engine.move("loaded")),
}));
