# PAXminer: `make demo` runs the nightly job on a generated sample region (SQLite, local Slack sandbox);
# `make test` runs the suite on SQLite and on MariaDB (127.0.0.1:3306, root, no password).
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin
STAMP   = $(VENV)/.installed
TEST_MYSQL_URL ?= mysql+pymysql://root:@127.0.0.1:3306/

.PHONY: install test demo lint bench clean

$(STAMP): setup.cfg pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

install: $(STAMP)

test: install
	PAXMINER_TEST_MYSQL_URL='$(TEST_MYSQL_URL)' $(BIN)/pytest -n 2 -q

demo: install
	$(BIN)/python -m tests.fakeslack.demo

lint: install
	$(BIN)/ruff check miner charters dashboard tests bench

bench: install
	@for b in bench/bench_*.py; do echo "== $$b"; $(BIN)/python $$b || exit 1; done

clean:
	rm -rf $(VENV) data out demo site .pytest_cache
