# The two commands that do all the set-up on a fresh machine:
#   make demo   install, then extract the bundled corpus into out/boardpapers.db and out/items.jsonl
#   make test   install, then run the test suite
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
OUT ?= out

.PHONY: demo test install clean

demo: install
	mkdir -p $(OUT)
	$(BIN)/boardpapers ingest corpus --db $(OUT)/boardpapers.db
	$(BIN)/boardpapers export --db $(OUT)/boardpapers.db --output $(OUT)/items.jsonl
	@echo "database: $(OUT)/boardpapers.db   items: $(OUT)/items.jsonl"

test: install
	$(BIN)/python -m pytest -q

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip "setuptools>=77"
	$(BIN)/pip install --quiet -e '.[test]'
	touch $@

clean:
	rm -rf $(VENV) $(OUT) *.egg-info
