# detente: the two commands a fresh clone needs are `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint check clean install browser train

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	$(BIN)/detente demo

lint: $(STAMP)
	$(BIN)/ruff check src tests scripts training
	$(BIN)/ruff format --check src tests scripts training
	$(BIN)/mypy

# Report pages are tested in Debian's headless Chromium (no browser download).
browser:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null; \
	  else echo "chromium is missing: browser tests will be skipped (apt-get install chromium)"; fi; }

test: $(STAMP) lint browser
	$(BIN)/pytest

# Rebuild the learned classifier (src/detente/events/model/) from training/corpus; CPU torch.
train: $(STAMP)
	$(BIN)/pip install --quiet -e ".[train]"
	HF_HUB_OFFLINE=1 $(BIN)/python training/train.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache
