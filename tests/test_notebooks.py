"""The notebooks are thin drivers, and every code cell nbval compares has a stored output.

nbval silently skips comparing a cell that has no stored output, so a cell that lost its output
would no longer be tested; cells meant to print nothing carry the tag ``no-output``.
"""

import ast
import json
import re
from pathlib import Path

import pytest

NOTEBOOKS = sorted((Path(__file__).resolve().parent.parent / "notebooks").glob("*.ipynb"))
MAX_FUNCTION_LINES = 10


def code_cells(path):
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    return [(i, c) for i, c in enumerate(cells) if c["cell_type"] == "code"]


def test_the_five_notebooks_exist():
    assert [p.name[:2] for p in NOTEBOOKS] == ["01", "02", "03", "04", "05"]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_every_code_cell_has_output_or_says_it_has_none(path):
    silent = [i for i, cell in code_cells(path)
              if not cell.get("outputs") and "no-output" not in cell.get("metadata", {}).get("tags", [])]
    assert not silent, f"cells {silent} have no stored output (tag them 'no-output' if meant)"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_code_cells_define_no_classes_and_no_long_functions(path):
    for index, cell in code_cells(path):
        source = "\n".join(line for line in "".join(cell["source"]).splitlines()
                           if not line.lstrip().startswith(("%", "!")))
        for node in ast.walk(ast.parse(source)):
            assert not isinstance(node, ast.ClassDef), f"cell {index} defines class {node.name}"
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                length = node.end_lineno - node.lineno + 1
                assert length <= MAX_FUNCTION_LINES, f"cell {index}: {node.name} has {length} lines"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_no_stderr_and_no_errors_stored(path):
    for index, cell in code_cells(path):
        for output in cell.get("outputs", []):
            assert output["output_type"] != "error", f"cell {index} stored an error"
            assert output.get("name") != "stderr", f"cell {index} wrote to stderr: {output.get('text')}"


SEED_TEXT = (Path(__file__).resolve().parent.parent / "seeds" / "000_bd97441f39be4d57.txt").read_text(encoding="utf-8")
SEED_SPECIFIC = re.compile(r"\bR\d{2}\b|#\d{2}\b|\bline\s*(?:==|in\b)|-S\d{3}\b|000_bd97441f39be4d57")


def _literals(source: str) -> list[str]:
    return [node.value for node in ast.walk(ast.parse(source))
            if isinstance(node, ast.Constant) and isinstance(node.value, str)]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_code_cells_hold_nothing_of_the_seed(path, seed_corpus):
    """No report id, line number, statistic id, place name or quotation of the seed in code."""
    places = {p for entry in seed_corpus.reports["place"] for p in entry.split("; ") if p}
    for index, cell in code_cells(path):
        source = "".join(cell["source"])
        assert not SEED_SPECIFIC.search(source), f"cell {index}: {SEED_SPECIFIC.search(source).group(0)!r}"
        for literal in _literals(source):
            for run in re.findall(r"[\u4e00-\u9fff]{5,}", literal):
                assert run not in SEED_TEXT, f"cell {index} quotes the seed: {run}"
            assert not [p for p in places if p in literal], f"cell {index} names a place of the seed: {literal}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_one_parameters_cell(path):
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    tagged = [c for c in cells if "parameters" in c.get("metadata", {}).get("tags", [])]
    assert len(tagged) == 1
    names = {t.id for node in ast.walk(ast.parse("".join(tagged[0]["source"])))
             if isinstance(node, ast.Assign) for t in node.targets}
    assert {"CORPUS", "LANG"} <= names
