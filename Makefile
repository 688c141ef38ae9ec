# Two commands do everything on a fresh machine: `make serve` and `make test`.
# Each sets up what it needs first (.venv from requirements.txt, with Debian's
# python3.X-venv if Python lacks venv; for the tests also requirements-test.txt,
# Debian's Chromium, fonts, Java and libatomic1, and the npm checking tools in
# package.json), then runs the site's own program, scripts/explainer.
# scripts/debian-packages.sh installs Debian packages (as root, or through sudo)
# or stops at once with the one apt-get line an administrator must run.

PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
SITE := PYTHONPATH=scripts NO_MKDOCS_2_WARNING=1 $(PY) -m explainer
APT_PACKAGES := chromium fonts-noto-cjk fonts-dejavu-core default-jre-headless libatomic1
DEBIAN_PACKAGES := sh scripts/debian-packages.sh
# Debian's python3.X-venv, when .venv has no pip yet and this Python has no ensurepip (shell text).
VENV_PACKAGE = $$($(PY) -m pip --version >/dev/null 2>&1 || $(PYTHON) -c 'import ensurepip' 2>/dev/null || \
  $(PYTHON) -c 'import sys; print("python%d.%d-venv" % sys.version_info[:2])')

.PHONY: serve build test test-quick check stale translations-reviewed addresses system-deps bench card-font fresh-check

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

# The tests read and serve the site as publishing builds it: on a placeholder GitHub Pages project
# address (a sub-path), with edit links. zizmor checks the workflows (its offline audits).
test: system-deps $(VENV)/.installed-test node_modules/.installed
	$(SITE) check
	$(SITE) stale
	$(SITE) build --as-published
	$(SITE) addresses
	$(VENV)/bin/zizmor --offline --quiet .github/workflows
	PYTHONPATH=scripts $(PY) -m pytest

# Everything that needs only Python (no Chromium, Java or Node): the sources, the build, the built
# HTML and the command line; not the browser, the Nu HTML Checker or cite.js under Node. A minute or two.
test-quick: $(VENV)/.installed-test
	$(SITE) check
	$(SITE) build --as-published
	PYTHONPATH=scripts $(PY) -m pytest -m "not browser and not tools"

# After a page title gains a character the share cards' fonts lack (the build names it): remake
# the subsets in fonts/ from the system's Noto Sans CJK SC and DejaVu Sans, then commit fonts/.
card-font: $(VENV)/.installed
	$(SITE) card-font

# Measure, not test: clean build time, page and first-load sizes, search indexes, Lighthouse scores
# (they move from run to run, so they stay out of `make test`). Writes build/bench.json too.
bench: system-deps $(VENV)/.installed-test node_modules/.installed
	$(SITE) bench $(BENCH_ARGS)

# .venv counts as set up only once pip has installed everything (the .installed marks):
# a failed install leaves no mark, so the next make tries again. A .venv without a working
# pip (e.g. `python3 -m venv` failed for want of python3.X-venv) is made anew.
$(VENV)/.installed: requirements.txt
	@rm -f $@
	@$(DEBIAN_PACKAGES) $(VENV_PACKAGE)
	@if ! $(PY) -m pip --version >/dev/null 2>&1; then \
	  rm -rf $(VENV) && echo "$(PYTHON) -m venv $(VENV)" && $(PYTHON) -m venv $(VENV); \
	fi
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements.txt
	@touch $@

# What only the tests need (pytest, Playwright, pypdf), on top of the build's packages.
$(VENV)/.installed-test: requirements-test.txt $(VENV)/.installed
	@rm -f $@
	$(PY) -m pip install --quiet --disable-pip-version-check -r requirements-test.txt
	@touch $@

# The W3C Nu HTML Checker, axe-core and Lighthouse, pinned in package-lock.json.
node_modules/.installed: package.json package-lock.json | system-deps
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# Browser tests drive Debian's Chromium (Playwright's own browser download is not used) with
# fonts for both languages (DejaVu: English text is measured); Playwright's driver (node)
# needs libatomic1; vnu.jar needs Java; npm comes from Debian when the machine has none.
system-deps:
	@$(DEBIAN_PACKAGES) $(APT_PACKAGES) $(VENV_PACKAGE) $$(command -v npm >/dev/null 2>&1 || echo nodejs npm)

# On fresh minimal Debian 12 and 13 roots (debootstrap; needs root): make test, make serve,
# and a normal user's make serve stopping with the install line. See scripts/fresh-check.sh.
fresh-check:
	bash scripts/fresh-check.sh $(FRESH_RELEASES)
