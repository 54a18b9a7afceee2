# The two commands of the README: `make run` and `make test`. Everything else is set-up they need.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
INSTALLED := $(VENV)/.installed

YASGUI := $(shell sed -n 's/.*"@zazuko\/yasgui": "\(.*\)".*/\1/p' package.json)
CYTOSCAPE := $(shell sed -n 's/.*"cytoscape": "\(.*\)".*/\1/p' package.json)
CYTOSCAPE_DAGRE := $(shell sed -n 's/.*"cytoscape-dagre": "\(.*\)".*/\1/p' package.json)
VENDOR := web/static/vendor
ASSETS := $(VENDOR)/yasgui-$(YASGUI).min.js $(VENDOR)/yasgui-$(YASGUI).min.css \
	$(VENDOR)/cytoscape-$(CYTOSCAPE).min.js $(VENDOR)/cytoscape-dagre-$(CYTOSCAPE_DAGRE).min.js
CHROMIUM := /usr/lib/chromium/chromium
VIRTUOSO := /usr/bin/virtuoso-t

.PHONY: run test lint build assets browser virtuoso clean bench

run: $(INSTALLED) $(ASSETS)
	$(BIN)/mandates build
	$(BIN)/mandates serve

test: $(INSTALLED) $(ASSETS) $(CHROMIUM) $(VIRTUOSO)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/codespell
	$(BIN)/python -m pytest

# Front-end libraries: installed from the npm registry at the versions package-lock.json pins,
# copied into the package's static folder with the version in the file name (no CDN at run time).
# cytoscape-dagre's build names a source map we do not vendor: the line is dropped so that no
# browser asks for it.
assets: $(ASSETS)

$(ASSETS): package.json package-lock.json
	npm ci --ignore-scripts --no-audit --no-fund
	mkdir -p $(VENDOR)
	cp node_modules/@zazuko/yasgui/build/yasgui.min.js $(VENDOR)/yasgui-$(YASGUI).min.js
	cp node_modules/@zazuko/yasgui/build/yasgui.min.css $(VENDOR)/yasgui-$(YASGUI).min.css
	cp node_modules/cytoscape/dist/cytoscape.min.js $(VENDOR)/cytoscape-$(CYTOSCAPE).min.js
	sed '/sourceMappingURL/d' node_modules/cytoscape-dagre/dist/cytoscape-dagre.min.js \
		> $(VENDOR)/cytoscape-dagre-$(CYTOSCAPE_DAGRE).min.js

# Debian's Chromium for the browser tests (Playwright drives it; it downloads no browser).
browser: $(CHROMIUM)

$(CHROMIUM):
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium

# Debian's Virtuoso: the SPARQL server the tests build the graph into (scripts/virtuoso.py runs
# private instances; the package's own service is not used).
virtuoso: $(VIRTUOSO)

$(VIRTUOSO):
	apt-get update -qq
	DEBIAN_FRONTEND=noninteractive apt-get install -y -qq virtuoso-opensource

build: $(INSTALLED)
	$(BIN)/mandates build

lint: $(INSTALLED)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/codespell

$(INSTALLED): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet --editable '.[test]'
	touch $(INSTALLED)

clean:
	rm -rf $(VENV) var node_modules $(VENDOR)

# The benchmark (bench/README.md): the peers it compares, wrk (Debian) for load, then one run
# at 1M triples, ~35 min; figures printed and written to bench/RESULTS.md.
bench: $(INSTALLED)
	$(BIN)/pip install --quiet --editable '.[bench]'
	test -x /usr/bin/wrk || (apt-get update -qq && \
		DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk)
	$(BIN)/python -m bench.run
