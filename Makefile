# Two commands on a fresh machine: `make run` and `make test`.
VENV   ?= .venv
PY     := $(VENV)/bin/python
PIP    := $(PY) -m pip --disable-pip-version-check -q

.PHONY: run test lint bench clean

$(PY):
	python3 -m venv $(VENV)

# Re-install only when the project's metadata changes.
$(VENV)/.app-installed: pyproject.toml setup.py | $(PY)
	$(PIP) install -e .
	touch $@

$(VENV)/.test-installed: pyproject.toml setup.py | $(PY)
	$(PIP) install -e '.[test]'
	touch $@ $(VENV)/.app-installed

run: $(VENV)/.app-installed
	$(VENV)/bin/selfassess

# The suite runs on every core (pytest-xdist); `$(PY) -m pytest tests/test_x.py` runs one file on one.
test: lint
	$(PY) -m pytest -q -n auto --dist worksteal

# ruff (lint and format) and mypy; `make test` runs this first, so CI enforces it.
lint: $(VENV)/.test-installed
	$(VENV)/bin/ruff check selfassess tests bench setup.py
	$(VENV)/bin/ruff format --check selfassess tests bench setup.py
	$(VENV)/bin/mypy

bench: $(VENV)/.test-installed
	$(PY) bench/run.py

clean:
	rm -rf $(VENV) build *.egg-info .pytest_cache
