# The two commands of the README. Each makes .venv and installs what it needs first.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
SUM := $(shell cksum pyproject.toml | cut -d' ' -f1)
# What is installed, for which pyproject.toml: the service alone (demo), or with the test tools.
RUN_STAMP := $(VENV)/.installed-run-$(SUM)
TEST_STAMP := $(VENV)/.installed-test-$(SUM)

.PHONY: demo test bench clean chromium

$(RUN_STAMP): pyproject.toml
	@test -x $(VENV)/bin/python || $(PYTHON) -m venv $(VENV)
	@$(VENV)/bin/python -m pip install --quiet --disable-pip-version-check -e .
	@rm -f $(VENV)/.installed-run-* && touch $(RUN_STAMP)

$(TEST_STAMP): $(RUN_STAMP)
	@$(VENV)/bin/python -m pip install --quiet --disable-pip-version-check -e '.[test]'
	@rm -f $(VENV)/.installed-test-* && touch $(TEST_STAMP)

## Run the whole service here: SQLite, embedded Redis, web + worker + clock, Twilio simulated.
## `make demo PORT=5301` serves it on another port.
demo: $(RUN_STAMP)
	$(VENV)/bin/kinship demo $(if $(PORT),--port $(PORT))

## Run the test suite (real Redis; SQLite, and PostgreSQL too when TEST_DATABASE_URL is set).
test: $(TEST_STAMP) chromium
	$(VENV)/bin/python -m pytest $(PYTEST_ARGS)

# The browser tests drive Debian's Chromium through Playwright (never a downloaded browser).
chromium:
	@test -x /usr/bin/chromium || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "installing Debian's chromium for the browser tests"; \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "no /usr/bin/chromium and no way to install it: the browser tests will be skipped"; fi; }

## Print the benchmark figures.
bench: $(RUN_STAMP)
	@for script in bench/[!_]*.py; do echo "== $$script"; $(VENV)/bin/python $$script || exit 1; done

clean:
	rm -rf $(VENV) instance .pytest_cache .hypothesis
