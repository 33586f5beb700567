# The two commands (see README.md):  make figures  |  make test
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
OUT    ?= out

.PHONY: figures run test lab parse clean-venv

# Create the virtual environment and install the project with its dev extra, once per
# change of pyproject.toml; make the Regular instance of the Chinese font once (about 30 s).
$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	$(BIN)/python -c "from reportlib.figures.style import font_path; font_path()"
	touch $(STAMP)

## Main job: the run of `reportlib run` on the seed corpus, in place: every table into out/tables,
## every notebook executed where it is (outputs stored), every figure into figures/.
figures: $(STAMP)
	$(BIN)/reportlib run seeds/ -o $(OUT) --in-place

## The same run on any corpus:  make run CORPUS=path/to/reports RESULTS=results LANG_=en
run: $(STAMP)
	$(BIN)/reportlib run $(CORPUS) -o $(RESULTS) --lang $(or $(LANG_),zh)

parse: $(STAMP)
	$(BIN)/reportlib parse seeds/ -o $(OUT) --all

## The whole test suite: pytest and nbval (strict: every stored output is compared).
test: $(STAMP)
	$(BIN)/ruff check reportlib tests benchmarks
	$(BIN)/python -m pytest --nbval --nbval-sanitize-with tests/nbval_sanitize.cfg tests notebooks

## JupyterLab on the project's environment.
lab: $(STAMP)
	$(BIN)/jupyter lab --notebook-dir=notebooks

clean-venv:
	rm -rf $(VENV)
