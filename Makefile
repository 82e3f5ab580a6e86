# newscrawl: the two set-up commands are `make crawl SITE=ttv` and `make test`.
# Both create .venv with the Python 3.11 found on the machine and install the project into it.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SITE ?= ttv
ARGS ?=
PYTEST_ARGS ?=

.PHONY: venv crawl test replay clean bench-speed

$(STAMP): pyproject.toml
	@command -v $(PYTHON) >/dev/null || { echo "error: $(PYTHON) not found (set PYTHON=/path/to/python3.11)" >&2; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $(STAMP)

venv: $(STAMP)

## crawl: run one site's spider (live network), e.g. make crawl SITE=ttv ARGS="-a max_pages=5"
crawl: $(STAMP)
	$(BIN)/newscrawl crawl $(SITE) $(ARGS)

## replay: the offline TTV crawl over the fixture site
replay: $(STAMP)
	$(BIN)/newscrawl crawl ttv -a replay=tests/fixtures/ttv/site $(ARGS)

## test: the full test suite (what CI runs)
test: $(STAMP)
	$(BIN)/python -m pytest $(PYTEST_ARGS)

clean:
	rm -rf $(VENV) .pytest_cache build *.egg-info

## bench-accuracy: per-field accuracy of newscrawl vs trafilatura and newspaper4k (writes benchmarks/RESULTS.md)
.PHONY: bench-accuracy
BENCH_ACCURACY_STAMP := $(VENV)/.installed-bench-accuracy

$(BENCH_ACCURACY_STAMP): $(STAMP) pyproject.toml
	$(BIN)/python -m pip install --quiet -e '.[test,bench]'
	touch $(BENCH_ACCURACY_STAMP)

bench-accuracy: $(BENCH_ACCURACY_STAMP)
	$(BIN)/python -m benchmarks.accuracy $(ARGS)

## bench-speed: extraction time as ratios to a bare lxml parse and to trafilatura; RSS over 50,000 pages
bench-speed: $(BENCH_ACCURACY_STAMP)
	$(BIN)/python -m benchmarks.speed $(ARGS)
