# The two commands a new user runs: `make serve` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
RUNTIME := $(VENV)/.installed-runtime
TESTDEPS := $(VENV)/.installed-test

.PHONY: site serve test lint clean eval screenshots bench

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(RUNTIME): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install -q -e .
	touch $@

$(TESTDEPS): pyproject.toml $(RUNTIME)
	$(BIN)/python -m pip install -q -e '.[test]'
	touch $@

site: $(RUNTIME)
	$(BIN)/python build.py build

serve: $(RUNTIME)
	$(BIN)/python build.py serve --port 8000

test: $(TESTDEPS)
	$(BIN)/python -m ruff check dateline tests build.py
	$(BIN)/python -m mypy
	$(BIN)/python -m pytest

# Every page kind at desktop (1280 px) and phone (390 px) width into docs/screenshots/,
# with Debian's Chromium (apt-get install chromium).
screenshots: $(TESTDEPS)
	$(BIN)/python tests/browser/screenshots.py

# Extraction figures on the labelled corpus next to the repository, and its speed.
CORPUS ?= ../shared/corpora/meantime-dev
eval: $(RUNTIME)
	$(BIN)/python -m dateline.evaluate $(CORPUS)

# dateline, Hugo and Pelican on one synthetic timeline (docs/performance.md); about twenty
# minutes. BENCH_SIZES="1000" make bench for a quick look.
BENCHDEPS := $(VENV)/.installed-bench
BENCH_SIZES ?= 1000 4000 10000
$(BENCHDEPS): pyproject.toml $(RUNTIME)
	$(BIN)/python -m pip install -q -e '.[bench]' || echo "note: the bench extra is not installed: tools missing are skipped"
	touch $@

bench: $(BENCHDEPS)
	BENCH_SIZES="$(BENCH_SIZES)" $(BIN)/python -m dateline.bench

clean:
	rm -rf site .venv
