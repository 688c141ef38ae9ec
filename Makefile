# Two commands do everything on a fresh machine: `make serve` and `make test`.
# Each sets up what it needs first (.venv from requirements.txt; for the tests,
# Debian's Chromium, CJK fonts and Java, and the npm checking tools in
# package.json), then runs the site's own program, scripts/explainer.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
SITE := PYTHONPATH=scripts NO_MKDOCS_2_WARNING=1 $(PY) -m explainer
APT_PACKAGES := chromium fonts-noto-cjk default-jre-headless
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: serve build test check stale translations-reviewed addresses system-deps bench

serve: $(VENV)/.installed
	$(SITE) serve

build: $(VENV)/.installed
	$(SITE) build

check: $(VENV)/.installed
	$(SITE) check

# Which English texts translate an older version of the Chinese.
stale: $(VENV)/.installed
	$(SITE) stale

# After reviewing the stale translations: record the Chinese versions they now match.
translations-reviewed: $(VENV)/.installed
	$(SITE) stale --accept

# After adding a page, section, question or glossary term: record its address for good.
addresses: build
	$(SITE) addresses --update

test: $(VENV)/.installed-test system-deps node_modules/.installed
	$(SITE) check
	$(SITE) stale
	$(SITE) build
	$(SITE) addresses
	PYTHONPATH=scripts $(PY) -m pytest

# Measure, not test: clean build time, page and first-load sizes, search indexes, Lighthouse scores
# (they move from run to run, so they stay out of `make test`). Writes build/bench.json too.
bench: $(VENV)/.installed-test system-deps node_modules/.installed
	$(SITE) bench $(BENCH_ARGS)

$(VENV)/.installed: requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

# What only the tests need (pytest, Playwright, pypdf), on top of the build's packages.
$(VENV)/.installed-test: requirements-test.txt $(VENV)/.installed
	@rm -f $@
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-test.txt
	@touch $@

# The W3C Nu HTML Checker, axe-core and Lighthouse, pinned in package-lock.json.
node_modules/.installed: package.json package-lock.json | system-deps
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# Browser tests drive Debian's Chromium (Playwright's own browser download is not used);
# vnu.jar needs Java; npm comes from Debian when the machine has none.
system-deps:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	command -v npm >/dev/null 2>&1 || missing="$$missing nodejs npm"; \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing; \
	fi
