# Two commands on a fresh machine: `make demo` (drafts every example into out/) and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
EXAMPLES := $(patsubst examples/%/case.yaml,%,$(wildcard examples/*/case.yaml))

.PHONY: demo test install clean bench

$(VENV)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.test-installed: $(VENV)/.installed
	$(BIN)/python -m pip install --quiet -e '.[test,dask]'
	touch $@

$(VENV)/.bench-installed: $(VENV)/.test-installed
	$(BIN)/python -m pip install --quiet -e '.[bench]'
	touch $@

install: $(VENV)/.installed

demo: $(VENV)/.installed
	@for name in $(EXAMPLES); do \
	  echo "== $$name"; \
	  $(BIN)/litigator draft examples/$$name -o out/$$name --force || exit 1; \
	done
	@echo "Drafts are in out/: open out/*/complaint.docx"

test: $(VENV)/.test-installed
	$(BIN)/ruff check litigator tests bench
	$(BIN)/python -m pytest

bench: $(VENV)/.bench-installed
	$(BIN)/python bench/facts_speed.py
	$(BIN)/python bench/sales_speed.py
	$(BIN)/python bench/drafting_speed.py

clean:
	rm -rf out dist build .pytest_cache
