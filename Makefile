# Quick start: `make run` (creates .venv, installs, launches the GUI) and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
PIP    := $(BIN)/python -m pip
STAMP_APP  := $(VENV)/.stamp-app
STAMP_TEST := $(VENV)/.stamp-test
STAMP_PKG  := $(VENV)/.stamp-package

.PHONY: run test lint bench package licenses system-deps clean

run: $(STAMP_APP)
	$(BIN)/proapp $(ARGS)

# The suite includes the frozen-build test (tests/packaging), so it needs PyInstaller too.
test: $(STAMP_PKG) system-deps
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest $(PYTEST_ARGS)

lint: $(STAMP_TEST)
	$(BIN)/ruff check src tests benchmarks scripts packaging
	$(BIN)/lint-imports

bench: $(STAMP_TEST)
	QT_QPA_PLATFORM=offscreen $(BIN)/python benchmarks/run_all.py

package: $(STAMP_PKG)
	$(BIN)/pyinstaller --noconfirm --clean --distpath dist --workpath build/pyinstaller packaging/proapp.spec

# packaging/THIRD_PARTY_LICENSES.txt for review (every build bundles a fresh one anyway).
licenses: $(STAMP_PKG)
	$(BIN)/python packaging/licenses.py

# Non-Python needs of the tests (pdftoppm, Qt's X/EGL libraries): installed when missing.
system-deps:
	@bash scripts/install-system-deps.sh

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

$(STAMP_APP): $(VENV)/bin/python pyproject.toml
	$(PIP) install --quiet -e .
	@touch $@

$(STAMP_TEST): $(VENV)/bin/python pyproject.toml
	$(PIP) install --quiet -e ".[test]"
	@touch $@ $(STAMP_APP)

$(STAMP_PKG): $(VENV)/bin/python pyproject.toml
	$(PIP) install --quiet -e ".[test,package]"
	@touch $@ $(STAMP_TEST) $(STAMP_APP)

clean:
	rm -rf $(VENV) build dist .pytest_cache .ruff_cache
