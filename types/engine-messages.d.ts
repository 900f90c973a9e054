/*
 * The messages between the calculator's engine client (calculator-engine.js,
 * on the page) and its module worker (calculator-worker.mjs). The two run in
 * different global scopes (DOM and WebWorker), so they are checked as two
 * programs (tsconfig.json, tsconfig.worker.json) that both read this file.
 */

/** The calls the worker answers: each one's argument and what it returns (plain JSON). */
interface EngineCalls {
  /** calculator.compute: the form's raw field values, by key; the result or the field errors. */
  compute: { argument: Record<string, string>; result: import("./compute-result").ComputeAnswer };
  /** calculator.decode_query: a share link's query; the raw field values it carries. */
  decode_query: { argument: string; result: Record<string, string> };
}

type EngineCallName = keyof EngineCalls;

/** Page → worker: load Pyodide and the calculator, once; then calls. */
type EngineRequest =
  | {
      type: "init";
      /** Pyodide's folder (pyodide.mjs, the wasm, the lock). */
      indexURL: string;
      /** The standard library, trimmed to what the calculator imports. */
      stdLibURL: string;
      /** The calculator package as a zip. */
      archiveURL: string;
      /** Absolute URL → size in bytes as built, of every file the load downloads. */
      sizes: Record<string, number>;
    }
  | { [N in EngineCallName]: { type: "call"; id: number; name: N; argument: EngineCalls[N]["argument"] } }[EngineCallName];

/** Worker → page. */
type EngineReport =
  /** Bytes downloaded so far; totalBytes is 0 until every file has announced its size. */
  | { type: "progress"; loadedBytes: number; totalBytes: number }
  | { type: "ready" }
  | { type: "failed"; reason: string }
  /** The answer to call `id`: its value, or the error it raised (a broken engine). */
  | { type: "reply"; id: number; value: unknown; error?: undefined }
  | { type: "reply"; id: number; value?: undefined; error: string };
