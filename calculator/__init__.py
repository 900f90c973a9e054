"""The savings calculator: the single source of every number the site computes.

Read in this order (each module has one job):

- `result_types` the shape of `compute()`'s answer, as TypedDicts;
- `model`      the domain: stacks, the two ways in, component lines, the
               arithmetic, and the cautious case (numbers only, no words);
- `fields`     the inputs: keys, labels, defaults, ranges, modes and sources;
- `parsing`    typed text to typed values: one reading of a number, Swedish errors;
- `formatting` Swedish number formatting (`2 200 kr`, `77 %`);
- `names`      what each line of a bill is called, in the visitor's terms;
- `analysis`   how far the result holds: break-even, sensitivity, payback;
- `attribution` the saving taken apart by cause: components, jobs, capacity;
- `wording`    one difference worded as a saving, no difference or an extra cost;
- `claims`     the assumptions in words, and factors that agree with their users;
- `explain`    the sentences: range, each cause and the driver, steps, sensitivity;
- `paying_off` the sentences on break-even and payback, in both cases;
- `summary`    the plain-text summary for the contact e-mail;
- `query`      share links (`v=1&users=50000`) and back;
- `result_json` an estimate as the JSON answer;
- `api`        `compute(fields)`: the JSON-in, JSON-out boundary (and
               `counting_rules()`, the model's fixed ratios, for the method page).

Standard library only, so it runs unchanged in Pyodide.
"""

from calculator.api import compute, counting_rules
from calculator.fields import field_specs
from calculator.formatting import format_kr, format_percent
from calculator.query import decode_query, encode_query
from calculator.result_json import SCHEMA_VERSION
from calculator.result_types import ComputeAnswer, ComputeError, ComputeResult

__all__ = [
    "SCHEMA_VERSION",
    "ComputeAnswer",
    "ComputeError",
    "ComputeResult",
    "compute",
    "counting_rules",
    "decode_query",
    "encode_query",
    "field_specs",
    "format_kr",
    "format_percent",
]
