# One place for every developer command. `make serve` and `make test` are the
# README's two commands: both install everything first, so they work on a
# fresh machine with Python 3.11+, Node.js and npm.

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
export NO_MKDOCS_2_WARNING := 1

.PHONY: install serve build lint test test-fast bench audit clean

# requirements.txt pins every package with its hashes: pip refuses anything else.
$(VENV)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --require-hashes -r requirements.txt
	touch $@

node_modules/.package-lock.json: package.json package-lock.json
	npm ci --no-audit --no-fund

install: $(VENV)/.installed node_modules/.package-lock.json

serve: install
	$(PY) -m mkdocs serve --dev-addr 127.0.0.1:8000

# A publishing build: it stops, naming them, while mkdocs.yml holds the template's
# example settings (README: "From the example to a published site"). `make serve`
# and `SITE_PREVIEW=1 .venv/bin/mkdocs build` preview them; the tests build that way.
build: install
	$(PY) -m mkdocs build --strict

# pytest exits 5 when it collects nothing: that is a failure here, never a pass.
# Two worker processes (the machine has two cores); the tests of one
# `xdist_group` (a Firefox or WebKit visit, the engine module, the tests that
# share a live page) stay on one worker, which starts that work once. The
# workers take the tests in the order tests/conftest.py gives them (xdist
# would otherwise start with the largest groups, the engine visits, which wait
# for the site's first build).
PYTEST_PARALLEL := -n 2 --dist loadgroup --no-loadscope-reorder
define run_pytest
	@$(PY) -m pytest $(1); rc=$$?; \
	  if [ $$rc -eq 5 ]; then echo "pytest collected no tests: failing"; exit 1; fi; exit $$rc
endef

# ruff over the whole project and mypy (strict) over calculator/, sitebuild/,
# tools/ and hooks.py, with the settings in pyproject.toml; TypeScript's checker
# (strict) over the page scripts that start with `// @ts-check`, and over the
# engine's worker in its own global scope; run before the tests.
lint: install
	$(PY) -m ruff check .
	$(PY) -m mypy
	node_modules/.bin/tsc -p tsconfig.json
	node_modules/.bin/tsc -p tsconfig.worker.json

test: install lint
	@[ -x /usr/bin/chromium ] || { echo "Browser tests need Debian's Chromium at /usr/bin/chromium: apt-get install -y chromium"; exit 1; }
	$(call run_pytest,$(PYTEST_PARALLEL))

# The model and the build, without any browser: a quick check while editing.
test-fast: install lint
	$(call run_pytest,$(PYTEST_PARALLEL) -m "not browser")

bench: install
	$(PY) bench/bench_compute.py
	$(PY) bench/bench_browser.py
	$(PY) bench/bench_hosts.py

clean:
	rm -rf site site.nginx.conf site.assets.json .pytest_cache .hypothesis

# Lighthouse (mobile), axe-core, the Nu Html Checker and the CSP tests against
# the issue's targets; exits non-zero when any misses. Needs Chromium and Java 17.
audit: install
	@[ -x /usr/bin/chromium ] || { echo "The audit needs Debian's Chromium at /usr/bin/chromium: apt-get install -y chromium"; exit 1; }
	@command -v java >/dev/null || { echo "The Nu Html Checker needs Java: apt-get install -y default-jre-headless"; exit 1; }
	$(PY) bench/audit.py
