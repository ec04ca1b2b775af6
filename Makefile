# Two commands on a fresh machine with Python 3.11 and make:
#   make run   - create .venv, install, serve on 127.0.0.1:9090 with the seed preloaded
#                (ANOTA_PORT=9391 make run serves on another port; ANOTA_HOST, another address)
#   make test  - install what the tests need (Anota in .venv, Label Studio in .ls-venv) and run them all
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
LS_VENV := .ls-venv
LABEL_STUDIO_VERSION := 1.23.2

.PHONY: run test install install-test bytecode label-studio postgres browser clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip uv

# uv installs the same packages as pip, about four times faster. Unlike pip it
# compiles no bytecode unless asked, and where PYTHONDONTWRITEBYTECODE is set
# (CI here) every process would compile what it imports: `import spacy` took
# 4.4-5.8 s that way against 1.9-2.2 s compiled, on the loaded 2-core machine.
$(VENV)/.installed: $(BIN)/python setup.cfg pyproject.toml
	$(BIN)/uv pip install --python $(BIN)/python --quiet --compile-bytecode -e .
	touch $@

# Anota's own modules, compiled as uv compiles the packages it installs: an
# editable install leaves them out, and where PYTHONDONTWRITEBYTECODE is set
# every command compiled them again. `anota export --format jsonl`: 0.12 s of
# CPU, and 2 MB of a 23 MB peak (what compiling left in the heap). Run on each
# install, so that edits since the last one are compiled too (the rest is skipped).
bytecode: $(VENV)/.installed
	$(BIN)/python -m compileall -q server schemas plugins

# The test extra (pytest, psycopg, Hugging Face's datasets with pyarrow and
# pandas) is for `make test` only: `make run` on a fresh machine skips it.
$(VENV)/.test-installed: $(VENV)/.installed
	$(BIN)/uv pip install --python $(BIN)/python --quiet --compile-bytecode -e '.[test]'
	touch $@

install: $(VENV)/.installed bytecode

install-test: $(VENV)/.test-installed

# Label Studio for the end-to-end tests, in its own venv: it pins Django, pandas
# and its own label-studio-sdk. The marker keeps it between runs.
$(LS_VENV)/.ls-installed-$(LABEL_STUDIO_VERSION): | $(BIN)/python
	$(PYTHON) -m venv $(LS_VENV)
	$(BIN)/uv pip install --python $(LS_VENV)/bin/python --quiet --compile-bytecode label-studio==$(LABEL_STUDIO_VERSION)
	touch $@

label-studio: $(LS_VENV)/.ls-installed-$(LABEL_STUDIO_VERSION)

run: install
	$(BIN)/anota serve

# PostgreSQL for tests/test_postgres.py: Debian's server, installed only when its
# binaries are missing (the tests start their own throwaway cluster).
postgres:
	@ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1 || command -v postgres >/dev/null || \
	  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql; }

# Chromium and its driver for tests/e2e/test_e2e_browser.py (Selenium drives it
# through Label Studio's editor): Debian's, installed only when missing.
browser:
	@{ command -v chromium && command -v chromedriver; } >/dev/null || \
	  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver; }

# ANOTA_REQUIRE_POSTGRES: here a PostgreSQL that cannot start fails its tests instead of skipping them.
# On every core (pytest-xdist): each test file in one worker, the end-to-end files together (tests/conftest.py).
test: install-test label-studio postgres browser
	ANOTA_REQUIRE_POSTGRES=1 $(BIN)/python -m pytest -n auto --dist loadgroup

clean:
	rm -rf $(VENV) $(LS_VENV) .ls-cache build *.egg-info
