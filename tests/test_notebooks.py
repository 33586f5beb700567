"""The notebooks are thin drivers, and every code cell nbval compares has a stored output.

nbval silently skips comparing a cell that has no stored output, so a cell that lost its output
would no longer be tested; cells meant to print nothing carry the tag ``no-output``.
"""

import ast
import json
from pathlib import Path

import pytest

NOTEBOOKS = sorted((Path(__file__).resolve().parent.parent / "notebooks").glob("*.ipynb"))
MAX_FUNCTION_LINES = 10


def code_cells(path):
    cells = json.loads(path.read_text(encoding="utf-8"))["cells"]
    return [(i, c) for i, c in enumerate(cells) if c["cell_type"] == "code"]


def test_the_four_notebooks_exist():
    assert [p.name[:2] for p in NOTEBOOKS] == ["01", "02", "03", "04"]


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
