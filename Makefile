# Quick start: `make run` (creates .venv, installs, launches the GUI) and `make test`.
PYTHON ?= python3
VENV   ?= .venv
BIN    := $(VENV)/bin
PIP    := $(BIN)/python -m pip
STAMP_APP  := $(VENV)/.stamp-app
STAMP_TEST := $(VENV)/.stamp-test
STAMP_PKG  := $(VENV)/.stamp-package

.PHONY: run test test-postgresql lint bench package licenses system-deps translations clean

# Byte code first (0.1 s when it is current): where the environment says not to write it
# (PYTHONDONTWRITEBYTECODE), every start would compile proapp's modules again.
run: $(STAMP_APP) translations
	@$(BIN)/python -m compileall -q src/proapp
	$(BIN)/proapp $(ARGS)

# The suite includes the frozen-build test (tests/packaging), so it needs PyInstaller too.
# The lint checks run first: CI (.ci/run) calls `make test`, so it runs them as well.
# The storage tests run again on PostgreSQL (see test-postgresql) at the same time as the
# whole suite on SQLite: much of the SQLite run waits (on X, the idle lock, the frozen build's
# disk), so the two share the machine's cores and the wall time is about the longer run's,
# not the sum. The PostgreSQL run's output is kept in build/test-postgresql.log and printed
# after the SQLite run's; both always run to the end and the target fails if either does.
PG_LOG := build/test-postgresql.log
test: $(STAMP_PKG) system-deps lint translations
	@bash scripts/postgres.sh install
	@mkdir -p build; rc=0; \
	$(MAKE) --no-print-directory test-postgresql PYTEST_ARGS="$(PYTEST_ARGS) -p no:cacheprovider" \
	  > $(PG_LOG) 2>&1 & pg=$$!; \
	QT_QPA_PLATFORM=offscreen $(BIN)/python -m pytest $(PYTEST_ARGS) || rc=$$?; \
	wait $$pg || rc=$$?; \
	echo "=== the storage, services and CLI tests on PostgreSQL ($(PG_LOG)) ==="; \
	cat $(PG_LOG); exit $$rc

# The storage, services, exchange, security and concurrency tests again on a throw-away
# PostgreSQL server (scripts/postgres.sh installs PostgreSQL when missing and runs the server
# as an unprivileged user); the GUI and pure-domain tests do not depend on the back-end.
PG_TESTS ?= tests/db tests/services tests/cli tests/gui/visits/test_wizard_server.py
test-postgresql: $(STAMP_TEST)
	@bash scripts/postgres.sh install
	bash scripts/postgres.sh run -- env QT_QPA_PLATFORM=offscreen \
	  $(BIN)/python -m pytest --backend postgresql $(PG_TESTS) $(PYTEST_ARGS)

# ruff (style and bugs), import-linter (the layer contracts in pyproject.toml), mypy (types:
# strict for src/, checked for tests, benchmarks, scripts and packaging).
lint: $(STAMP_TEST)
	$(BIN)/ruff check src tests benchmarks scripts packaging
	$(BIN)/lint-imports
	$(BIN)/mypy

bench: $(STAMP_TEST)
	QT_QPA_PLATFORM=offscreen $(BIN)/python benchmarks/run_all.py

package: $(STAMP_PKG) translations
	$(BIN)/pyinstaller --noconfirm --clean --distpath dist --workpath build/pyinstaller packaging/proapp.spec

# packaging/THIRD_PARTY_LICENSES.txt for review (every build bundles a fresh one anyway).
licenses: $(STAMP_PKG)
	$(BIN)/python packaging/licenses.py

# The screens' translations: resources/translations/*.ts compiled to .qm (pyside6-lrelease).
# `scripts/translations.py update` refreshes the .ts files from the code (pyside6-lupdate).
translations: $(STAMP_APP)
	$(BIN)/python scripts/translations.py release

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
	rm -rf $(VENV) build dist .pytest_cache .ruff_cache .mypy_cache
