// Runs the calculator archive in Pyodide under Node.js (the npm package runs
// there too) and prints, as one JSON document, what `compute` returns for each
// scenario and what `decode_query` returns for each query string.
//
// Usage: node pyodide_compute.mjs ARCHIVE.zip INPUT.json
// INPUT.json: {"scenarios": [{...raw fields...}], "queries": ["v=1&users=…"]}
import { readFile } from "node:fs/promises";
import { loadPyodide } from "pyodide";

const [archivePath, inputPath] = process.argv.slice(2);
const pyodide = await loadPyodide();
pyodide.unpackArchive(new Uint8Array(await readFile(archivePath)), "zip", { extractDir: "/calculator-archive" });
pyodide.globals.set("input_text", await readFile(inputPath, "utf8"));
const output = pyodide.runPython(`
import json, sys
sys.path.insert(0, "/calculator-archive")
import calculator
data = json.loads(input_text)
json.dumps({
    "python": sys.version.split()[0],
    "computed": [calculator.compute(fields) for fields in data["scenarios"]],
    "decoded": [calculator.decode_query(query) for query in data["queries"]],
}, sort_keys=True, ensure_ascii=False)
`);
process.stdout.write(output);
