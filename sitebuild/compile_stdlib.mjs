// Compiles a zip of Python sources into a zip of bytecode, with the very
// Python the browser runs (Pyodide's), so the magic number always matches.
// Each `x.py` becomes an unchecked hash-based `x.pyc` (PEP 552): no source is
// shipped, so there is nothing to check against. The bytecode is that of
// `python -OO -X no_debug_ranges` (optimize=2: no docstrings, no asserts; no
// column ranges, which only place the ^^^ under a traceback's line: line
// numbers stay), modes CPython offers for a smaller footprint; the
// calculator's own package is not compiled here and keeps all three. Entries
// are stored, not deflated: the archive is compressed as a whole (packed, and
// the build's brotli copy; sitebuild/packed.py), where the compressor sees all
// files at once, and Python reads its modules without inflating them. Sizes of
// the 148 files: 1.57 MB per-file deflate (before), 1.08 MB stored with
// brotli, 0.91 MB with optimize=2 (1.21 MB with gzip), and without the column
// ranges 0.68 MB with brotli, 0.89 MB with gzip. Each entry keeps its
// source's timestamp: the fixed one that sitebuild/zip_archive.py gives every
// archive the site serves.
//
// Usage: node compile_stdlib.mjs SOURCES.zip OUTPUT.zip
import { readFile, writeFile } from "node:fs/promises";
import { loadPyodide } from "pyodide";

const [sourcePath, outputPath] = process.argv.slice(2);
const pyodide = await loadPyodide({ env: { PYTHONNODEBUGRANGES: "1" } });
pyodide.FS.writeFile("/tmp/sources.zip", new Uint8Array(await readFile(sourcePath)));
pyodide.runPython(`
import importlib.util, marshal, zipfile

UNCHECKED_HASH_BASED = (1).to_bytes(4, "little")
with zipfile.ZipFile("/tmp/sources.zip") as sources, zipfile.ZipFile("/tmp/compiled.zip", "w", zipfile.ZIP_STORED) as out:
    for info in sorted(sources.infolist(), key=lambda info: info.filename):
        data = sources.read(info)
        entry = zipfile.ZipInfo(info.filename, date_time=info.date_time)  # zip_archive.py's fixed one
        if info.filename.endswith(".py"):
            code = compile(data, info.filename, "exec", dont_inherit=True, optimize=2)
            entry.filename += "c"
            data = importlib.util.MAGIC_NUMBER + UNCHECKED_HASH_BASED + importlib.util.source_hash(data) + marshal.dumps(code)
        out.writestr(entry, data)
`);
await writeFile(outputPath, pyodide.FS.readFile("/tmp/compiled.zip"));
