// Compiles a zip of Python sources into a zip of bytecode, with the very
// Python the browser runs (Pyodide's), so the magic number always matches.
// Each `x.py` becomes an unchecked hash-based `x.pyc` (PEP 552): no source is
// shipped, so there is nothing to check against. The bytecode is that of
// `python -OO` (optimize=2: no docstrings, no asserts), a mode the standard
// library supports; the calculator's own package is not compiled here and
// keeps both. Entries are stored, not deflated: the host compresses the
// archive as a whole (the build writes brotli and gzip copies beside it),
// where the compressor sees all files at once, and Python reads its modules
// without inflating them. Sizes of the 148 files: 1.57 MB per-file deflate
// (before), 1.08 MB stored with brotli, 0.91 MB with optimize=2 (1.24 MB with
// gzip). A host that sends `.zip` files uncompressed sends 3.1 MB (see the
// README). Each entry keeps its source's timestamp: the fixed one that
// sitebuild/zip_archive.py gives every archive the site serves.
//
// Usage: node compile_stdlib.mjs SOURCES.zip OUTPUT.zip
import { readFile, writeFile } from "node:fs/promises";
import { loadPyodide } from "pyodide";

const [sourcePath, outputPath] = process.argv.slice(2);
const pyodide = await loadPyodide();
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
