"""Build-time pieces of the site, one job per module, wired up by `hooks.py`."""
