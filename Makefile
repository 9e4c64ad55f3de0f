# Randnotiz: `make site` builds the site, `make test` runs every test.
# Both work from a fresh clone: they create .venv and install the pinned packages.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEV_STAMP := $(VENV)/.installed-dev
ZENSICAL_STAMP := $(VENV)/.installed-zensical

export NO_MKDOCS_2_WARNING := 1

.PHONY: site docs serve test test-fast fuzz lint bench check clean browser golden zensical

$(STAMP): requirements.txt pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

$(DEV_STAMP): $(STAMP) requirements-dev.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

docs: $(STAMP)
	$(BIN)/randnotiz build

# Built into .site.new/ and swapped in when complete: site/ is never half a site.
site: docs
	$(BIN)/python scripts/publish_site.py --strict

serve: docs
	$(BIN)/mkdocs serve --livereload --dev-addr 127.0.0.1:8000

check: $(STAMP)
	$(BIN)/randnotiz check

browser:
	@test -x /usr/bin/chromium || { \
	  echo "installing Debian's chromium for the browser tests"; \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; }

# Zensical, the successor of Material for MkDocs, for tests/test_zensical.py. Optional:
# when pip cannot install it, `make test` goes on and that test is skipped, saying why.
$(ZENSICAL_STAMP): $(DEV_STAMP) requirements-zensical.txt
	@if $(BIN)/python -m pip install --quiet --disable-pip-version-check -r requirements-zensical.txt; then \
	  touch $@; \
	else \
	  echo "zensical: pip could not install requirements-zensical.txt (see above);"; \
	  echo "zensical: tests/test_zensical.py will be skipped"; \
	fi

zensical: $(ZENSICAL_STAMP)

test: $(DEV_STAMP) browser $(ZENSICAL_STAMP)
	$(BIN)/ruff check .
	$(BIN)/python -m pytest -q

test-fast: $(DEV_STAMP)
	$(BIN)/python -m pytest -q -m "not browser and not slow"

# Longer than `make test`: new fuzz inputs on every run, 1,000 per reader
# (RANDNOTIZ_FUZZ_EXAMPLES=N for more or fewer; a failure found is kept in .hypothesis/
# and tried first next time), and the crash tests at more moments. Prints the figures.
fuzz: $(DEV_STAMP)
	RANDNOTIZ_LONG=1 $(BIN)/python -m pytest -q -s tests/test_fuzz.py tests/test_fuzz_findings.py \
	  tests/test_hostile_files.py tests/test_crash.py

golden: $(DEV_STAMP)
	$(BIN)/python -m pytest -q tests/test_golden.py --update-golden

lint: $(DEV_STAMP)
	$(BIN)/ruff check .

bench: $(DEV_STAMP)
	$(BIN)/python scripts/bench.py

clean:
	rm -rf site .pytest_cache
