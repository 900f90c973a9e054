"""Manual tools, run as scripts (`python tools/NAME.py`), and the Pyodide run one of them shares with the tests."""
