"""The savings calculator: the single source of every number the site computes.

Read in this order (each module has one job):

- `model`      the domain: stacks, scenario, component lines, the arithmetic;
- `fields`     the inputs: keys, labels, defaults, ranges and their sources;
- `parsing`    Swedish typed text to typed values, with Swedish error messages;
- `formatting` Swedish number formatting (`2 200 kr`, `77 %`);
- `explain`    the sentences: range, what drives it, the e-mail summary;
- `query`      share links (`v=1&users=50000`) and back;
- `api`        `compute(fields)`: the JSON-in, JSON-out boundary.

Standard library only, so it runs unchanged in Pyodide.
"""

from calculator.api import SCHEMA_VERSION, compute
from calculator.fields import field_specs
from calculator.formatting import format_kr, format_percent
from calculator.query import decode_query, encode_query

__all__ = [
    "SCHEMA_VERSION",
    "compute",
    "decode_query",
    "encode_query",
    "field_specs",
    "format_kr",
    "format_percent",
]
