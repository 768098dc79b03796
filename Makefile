# Kinfolk: `make run` serves a demo area; `make test` runs the whole suite.
SHELL := /bin/bash
PORT ?= 8000
# The suite runs on every core (pytest-xdist); TEST_WORKERS=0 runs it in one process.
TEST_WORKERS ?= auto
# Passed to pytest, e.g. PYTEST_ARGS='-m "not browser"' leaves out the browser (system) tests.
PYTEST_ARGS ?=
# `make loadtest`: how long the 25 simulated people use each database (e.g. 20s, 3m).
DURATION ?= 3m
VENV := .venv
BIN := $(VENV)/bin
MANAGE := $(BIN)/python manage.py

.PHONY: run test bench loadtest lint format assets migrate demo ci clean

run: $(VENV)/.installed-run assets
	$(MANAGE) migrate --noinput
	$(MANAGE) demo
	@$(MANAGE) demo_signins
	$(MANAGE) serve --port $(PORT)

test: $(VENV)/.installed-test assets
	$(BIN)/ruff check kinfolk $(wildcard benchmarks)
	$(BIN)/ruff format --check kinfolk $(wildcard benchmarks)
	$(BIN)/djlint kinfolk --lint
	$(BIN)/python -m pytest -n $(TEST_WORKERS) $(PYTEST_ARGS)

bench: $(VENV)/.installed-test
	$(BIN)/python -m kinfolk.matching bench --people 15000 --carers 10000 --seed 1
	$(BIN)/python benchmarks/matching_vs_package.py
	DATABASE_URL="$${BENCH_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/test}" \
		$(BIN)/python benchmarks/directory_search.py
	DATABASE_URL="$${BENCH_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/test}" \
		$(BIN)/python benchmarks/reminders.py
	$(BIN)/python benchmarks/budget_statement.py
	DATABASE_URL="$${BENCH_DATABASE_URL:-postgres://postgres@127.0.0.1:5432/test}" \
		$(BIN)/python benchmarks/budget_statement.py

# 25 people at once on SQLite (as `make run` serves) and on PostgreSQL (gunicorn), on 127.0.0.1;
# fails on any server error. PostgreSQL: LOADTEST_DATABASE_URL (default a kinfolk_loadtest
# database on 127.0.0.1:5432). LOADTEST_ARGS="--database sqlite" runs one database only.
loadtest: $(VENV)/.installed-load assets
	$(BIN)/python benchmarks/loadtest/run.py --duration $(DURATION) $(LOADTEST_ARGS)

lint: $(VENV)/.installed-test
	$(BIN)/ruff check kinfolk $(wildcard benchmarks)
	$(BIN)/ruff format --check kinfolk $(wildcard benchmarks)
	$(BIN)/djlint kinfolk --lint

format: $(VENV)/.installed-test
	$(BIN)/ruff format kinfolk $(wildcard benchmarks)
	$(BIN)/ruff check --fix kinfolk $(wildcard benchmarks)

assets: node_modules/.installed

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

$(VENV)/bin/python:
	"$$(scripts/find-python)" -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed-run: pyproject.toml | $(VENV)/bin/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-load: pyproject.toml | $(VENV)/bin/python
	$(BIN)/python -m pip install --quiet -e ".[load]"
	touch $(VENV)/.installed-run $@

$(VENV)/.installed-test: pyproject.toml | $(VENV)/bin/python
	$(BIN)/python -m pip install --quiet -e ".[test]"
	touch $(VENV)/.installed-run $@

clean:
	rm -rf $(VENV) node_modules var staticfiles
