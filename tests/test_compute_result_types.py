"""`compute()`'s answer has one declared shape (issue 19, item 3).

The TypedDicts in `calculator/result_types.py` are the contract: every answer
`compute()` gives over a few hundred generated scenarios has exactly their
keys and types, and the page scripts' TypeScript declarations
(`types/compute-result.d.ts`) are what `tools/compute_result_dts.py` writes
from them now.
"""

from __future__ import annotations

import subprocess
import sys
import types
import typing
from pathlib import Path

import calculator
from calculator.result_types import ComputeAnswer, ComputeError, ComputeResult, CountingRulesJson, FieldSpecJson
from tools import compute_result_dts
from tools.pyodide_run import generate_scenarios

REPO = Path(__file__).resolve().parent.parent


def mismatches(value: object, hint: object, path: str = "$") -> list[str]:
    """Where `value` does not have the type `hint` declares (TypedDicts: exactly their keys)."""
    if isinstance(hint, type) and typing.is_typeddict(hint):
        if not isinstance(value, dict):
            return [f"{path}: not an object"]
        hints = typing.get_type_hints(hint)
        if set(value) != set(hints):
            return [f"{path}: keys {sorted(set(value) ^ set(hints))} differ from {hint.__name__}"]
        return [problem for key, inner in hints.items() for problem in mismatches(value[key], inner, f"{path}.{key}")]
    origin, args = typing.get_origin(hint), typing.get_args(hint)
    if origin is typing.Literal:
        known = value in args and type(value) in {type(arg) for arg in args}
        return [] if known else [f"{path}: {value!r} not in {args}"]
    if origin in (typing.Union, types.UnionType):
        options = [mismatches(value, arg, path) for arg in args]
        return [] if any(not option for option in options) else min(options, key=len)
    if origin is list:
        if not isinstance(value, list):
            return [f"{path}: not a list"]
        return [problem for i, item in enumerate(value) for problem in mismatches(item, args[0], f"{path}[{i}]")]
    if origin is dict:
        if not isinstance(value, dict):
            return [f"{path}: not an object"]
        return [problem for key, item in value.items()
                for problem in mismatches(key, args[0], path) + mismatches(item, args[1], f"{path}.{key}")]
    if hint is type(None):
        return [] if value is None else [f"{path}: {value!r} is not null"]
    assert isinstance(hint, type), hint
    return [] if type(value) is hint else [f"{path}: {value!r} is not {hint.__name__}"]


def test_every_answer_has_exactly_the_declared_shape() -> None:
    answers = [calculator.compute(fields) for fields in generate_scenarios()]
    answers += [calculator.compute({"migration_kr": "300000"}), calculator.compute({"users": "1"})]
    assert {answer["ok"] for answer in answers} == {True, False}
    for answer in answers:
        declared = ComputeResult if answer["ok"] else ComputeError
        assert mismatches(answer, declared) == [], answer
        assert mismatches(answer, ComputeAnswer) == []


def test_the_field_specs_and_counting_rules_have_their_declared_shapes() -> None:
    for spec in calculator.field_specs():
        assert mismatches(spec, FieldSpecJson) == [], spec["key"]
    assert mismatches(calculator.counting_rules(), CountingRulesJson) == []


def test_the_checker_catches_a_wrong_shape() -> None:
    """The check above can fail: a missing key, an extra key, a wrong type, a value outside a Literal."""
    good = calculator.compute({})
    assert good["ok"]
    missing = {key: value for key, value in good.items() if key != "attribution"}
    assert mismatches(missing, ComputeResult)
    assert mismatches({**good, "extra": 1}, ComputeResult)
    assert mismatches({**good, "schema": "1"}, ComputeResult)
    assert mismatches({**good, "outcome": "profit"}, ComputeResult)
    assert mismatches({**good, "payback": {**good["payback"], "cautious": {}}}, ComputeResult)


def test_the_typescript_declarations_are_generated_from_the_typeddicts() -> None:
    committed = (REPO / "types" / "compute-result.d.ts").read_text(encoding="utf-8")
    assert committed == compute_result_dts.render(), "stale: run tools/compute_result_dts.py"
    check = subprocess.run([sys.executable, "tools/compute_result_dts.py", "--check"], cwd=REPO,
                           capture_output=True, text=True, check=False)
    assert check.returncode == 0, check.stderr


def test_the_declarations_name_every_key_and_the_three_types() -> None:
    text = compute_result_dts.render()
    assert "export interface ComputeResult {" in text and "export interface ComputeError {" in text
    assert "export type ComputeAnswer = ComputeResult | ComputeError;" in text
    for key in typing.get_type_hints(ComputeResult):
        assert f"\n  {key}: " in text, key
    assert '  status: BreakEvenStatus;' in text and '  cautious: BreakEvenCaseJson;' in text
    assert '  cap_elixir: string | null;' in text and '  ok: true;' in text


def test_a_changed_typeddict_changes_the_declarations(monkeypatch: typing.Any) -> None:
    """The generator reads the TypedDicts as they are, so a new key shows up in its output."""
    changed = typing.TypedDict("SavingJson", {**typing.get_type_hints(calculator.result_types.SavingJson),
                                              "new_key": str})
    changed.__doc__ = "changed"
    changed.__module__ = "calculator.result_types"
    monkeypatch.setattr(calculator.result_types, "SavingJson", changed)
    assert "  new_key: string;" in compute_result_dts.render()
