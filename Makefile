PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test eval bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip

$(STAMP): $(BIN)/python pyproject.toml
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

demo: $(STAMP)
	rm -f demo.duckdb
	$(BIN)/veille run examples/ --db demo.duckdb
	$(BIN)/veille timeline --actor "Vladimir Putin" --actor "Donald Trump" --db demo.duckdb
	$(BIN)/veille timeline --actor "Vladimir Putin" --actor "John Bolton" --db demo.duckdb

test: $(STAMP)
	$(BIN)/pytest -q

eval: $(STAMP)
	$(BIN)/python -m veille.evaluation.figures eval/figures.json tests/gold/seed.jsonl tests/gold/dev.jsonl

clean:
	rm -rf $(VENV) build src/*.egg-info
