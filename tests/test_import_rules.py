"""Imports run one way: tests import support code, never each other.

A test module, a support module or `conftest.py` that imports a test module
(or `conftest`) makes one test file's helpers another's hidden dependency and
collects tests twice; shared helpers live in `tests/support/`, shared fixtures
in `conftest.py`, asked for by name. The manual tools in `tools/` import
nothing from `tests/`. And no test code reaches into pytest's private
attributes (a leading underscore), which change without notice between
versions. This reads every file's syntax tree; nothing is imported or run.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.paths import REPO

TESTS = REPO / "tests"
# Objects of pytest's whose private attributes test code might reach for.
PYTEST_OBJECTS = frozenset({"pytest", "config", "session", "request", "item", "node", "pytestconfig"})


def imported_modules(path: Path, package: str) -> Iterator[tuple[int, str]]:
    """(line, absolute module name) of every import in `path`, a module of `package`;
    `from a import b` yields `a`, and `a.b` too where `b` is a module of the project."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            for alias in node.names:
                yield node.lineno, alias.name
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                parent = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*parent, base] if base else parent)
            yield node.lineno, base
            for alias in node.names:
                if is_project_module(f"{base}.{alias.name}"):
                    yield node.lineno, f"{base}.{alias.name}"


def is_project_module(module: str) -> bool:
    """Whether `module` is a file (or a package) of this repository."""
    path = REPO.joinpath(*module.split("."))
    return path.with_suffix(".py").is_file() or (path / "__init__.py").is_file()


def is_test_module(module: str) -> bool:
    """Whether `module` names one of this project's test modules or a conftest, by pytest's file names."""
    parts = module.split(".")
    ours = parts[0] in {"tests", "conftest"} or parts[0].startswith("test_")
    return ours and (parts[-1] == "conftest" or parts[-1].startswith("test_"))


def private_pytest_attributes(path: Path) -> Iterator[tuple[int, str]]:
    """(line, `owner._name`) of every private attribute read from a pytest object."""
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    for node in ast.walk(tree):
        if not isinstance(node, ast.Attribute) or not node.attr.startswith("_") or node.attr.startswith("__"):
            continue
        owner = node.value
        name = owner.id if isinstance(owner, ast.Name) else owner.attr if isinstance(owner, ast.Attribute) else ""
        if name in PYTEST_OBJECTS:
            yield node.lineno, f"{name}.{node.attr}"


def python_files_of_the_tests() -> list[Path]:
    return sorted(TESTS.rglob("*.py"))


def where(path: Path, line: int) -> str:
    return f"{path.relative_to(REPO)}:{line}"


def test_no_test_code_imports_a_test_module_or_conftest() -> None:
    found = [f"{where(path, line)} imports {module}" for path in python_files_of_the_tests()
             for line, module in imported_modules(path, ".".join(path.relative_to(REPO).parent.parts))
             if is_test_module(module)]
    assert found == [], "move what is shared to tests/support/ (helpers) or conftest.py (fixtures):\n" + "\n".join(
        found
    )


def test_the_tools_import_nothing_from_the_tests() -> None:
    tools = sorted((REPO / "tools").rglob("*.py"))
    assert tools, "tools/ has Python files"
    found = [f"{where(path, line)} imports {module}" for path in tools
             for line, module in imported_modules(path, "tools") if module.split(".")[0] == "tests"]
    assert found == []


def test_no_test_code_uses_pytest_private_attributes() -> None:
    found = [f"{where(path, line)} reads {name}" for path in python_files_of_the_tests()
             for line, name in private_pytest_attributes(path)]
    assert found == []


@pytest.mark.parametrize(
    ("source", "package", "bad"),
    [
        ("from tests.test_print import squash", "tests", True),
        ("from tests import test_calculator_browser", "tests", True),
        ("import tests.conftest", "tests.support", True),
        ("from ..conftest import REPO", "tests.support", True),
        ("from . import test_seo", "tests", True),
        ("from tests.support.pdf_text import squash", "tests", False),
        ("from tests.support import site_builds", "tests", False),
        ("import pytest", "tests", False),
    ],
)
def test_the_scan_sees_every_form_of_import(tmp_path: Path, source: str, package: str, bad: bool) -> None:
    """The rule above would pass vacuously if the scan missed a form of import."""
    module = tmp_path / "module.py"
    module.write_text(source + "\n", encoding="utf-8")
    assert any(is_test_module(name) for _, name in imported_modules(module, package)) is bad
