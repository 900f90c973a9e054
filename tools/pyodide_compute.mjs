// Runs the calculator archive in Pyodide under Node.js (the npm package runs
// there too) and prints, as one JSON document, what `compute` returns for each
// scenario, what `decode_query` returns for each query string, and which files
// of the standard library archive Python imported along the way.
//
// Usage: node pyodide_compute.mjs ARCHIVE.zip INPUT.json [STDLIB.zip]
// INPUT.json: {"scenarios": [{...raw fields...}], "queries": ["v=1&users=…"]}
// STDLIB.zip: a standard library archive to boot with instead of the stock one.
// The archive is loaded the way the site's worker loads it: unpackArchive, then
// an import from the extracted folder.
import { readFile } from "node:fs/promises";
import { loadPyodide } from "pyodide";

const [archivePath, inputPath, stdLibURL] = process.argv.slice(2);
const pyodide = await loadPyodide(stdLibURL ? { stdLibURL } : {});
pyodide.unpackArchive(new Uint8Array(await readFile(archivePath)), "zip", { extractDir: "/calculator-archive" });
pyodide.runPython('import sys\nsys.path.insert(0, "/calculator-archive")');
pyodide.pyimport("calculator");
pyodide.globals.set("input_text", await readFile(inputPath, "utf8"));
const output = pyodide.runPython(`
import json, sys
import calculator
data = json.loads(input_text)
result = {
    "python": sys.version.split()[0],
    "computed": [calculator.compute(fields) for fields in data["scenarios"]],
    "decoded": [calculator.decode_query(query) for query in data["queries"]],
}
stdlib = next(path for path in sys.path if path.endswith(".zip")) + "/"
result["stdlib_files"] = sorted({
    module.__file__[len(stdlib):].removesuffix("c")  # x.pyc, compiled from x.py
    for module in list(sys.modules.values())
    if (getattr(module, "__file__", None) or "").startswith(stdlib)
})
json.dumps(result, sort_keys=True, ensure_ascii=False)
`);
process.stdout.write(output);
