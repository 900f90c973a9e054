"""The page scripts stay in small functions: none over 80 lines.

TypeScript's own parser (the pinned `typescript` from npm, run by Node) finds
every function of `docs/assets/javascripts/`. A classic script's one top-level
wrapper, `(() => { … })()`, is that script's scope, not a unit of work, and is
not counted; ES modules need none.
"""

from __future__ import annotations

import json
import shutil
import subprocess

import pytest

from tests.support.paths import REPO

MAX_LINES = 80
SCRIPTS = REPO / "docs" / "assets" / "javascripts"

# Prints [lines, file, first line] of every function but a file's top-level wrapper.
FUNCTION_SPANS = r"""
const ts = require(process.argv[1]);
const fs = require("fs");
const spans = [];
for (const file of process.argv.slice(2)) {
  const source = ts.createSourceFile(file, fs.readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
  const wrapper = (node) => ts.isExpressionStatement(node.parent?.parent?.parent ?? node)
    && node.parent.parent.parent.parent === source && ts.isCallExpression(node.parent.parent);
  const visit = (node) => {
    if (ts.isFunctionLike(node) && node.body && !wrapper(node)) {
      const line = (position) => source.getLineAndCharacterOfPosition(position).line;
      spans.push([line(node.getEnd()) - line(node.getStart()) + 1, file, line(node.getStart()) + 1]);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
}
console.log(JSON.stringify(spans));
"""


def function_spans() -> list[tuple[int, str, int]]:
    node = shutil.which("node")
    if node is None:
        pytest.fail("Node.js is needed (the README's requirements)")
    files = sorted(str(path) for pattern in ("*.js", "*.mjs") for path in SCRIPTS.rglob(pattern))
    typescript = str(REPO / "node_modules" / "typescript")
    run = subprocess.run([node, "-e", FUNCTION_SPANS, typescript, *files], capture_output=True, text=True, check=True)
    return [tuple(span) for span in json.loads(run.stdout)]


def test_no_page_script_function_is_over_80_lines() -> None:
    spans = function_spans()
    assert len(spans) > 100, "the parser found the scripts' functions"
    too_long = [f"{file}:{line}: {lines} lines" for lines, file, line in spans if lines > MAX_LINES]
    assert too_long == []
