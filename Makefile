# The two commands of the README: `make run` and `make test`. Everything else is set-up they need.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed

.PHONY: run test lint build clean

run: $(INSTALLED)
	$(BIN)/mandates build
	$(BIN)/mandates serve

test: $(INSTALLED)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/python -m pytest

build: $(INSTALLED)
	$(BIN)/mandates build

lint: $(INSTALLED)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

$(INSTALLED): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet --editable '.[test]'
	touch $(INSTALLED)

clean:
	rm -rf $(VENV) var
