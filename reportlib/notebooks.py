"""Execute the project's notebooks headless, with parameters, in order.

Each notebook has one code cell tagged ``parameters`` (the papermill convention) holding its
defaults, e.g. ``CORPUS = ["../seeds"]`` and ``LANG = "zh"``. `execute_notebook` runs a notebook
top to bottom in a fresh kernel; given parameters, it inserts a cell tagged
``injected-parameters`` right after that cell, as papermill does, so the values used are stored
in the executed notebook. nbclient executes (papermill is not needed for this one step).

No timing metadata is recorded, so a rerun on the same input gives byte-identical files. The
kernel runs with ``PYDEVD_DISABLE_FILE_VALIDATION=1`` so the debugger prints no warning.

``python -m reportlib.notebooks notebooks/`` executes every notebook of a folder in place with its
stored parameters (kept for compatibility; ``reportlib run`` is the main entry point).
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

from .errors import InputError, ReportlibError

KERNEL = "python3"
TIMEOUT_SECONDS = 1800
PARAMETERS_TAG = "parameters"
INJECTED_TAG = "injected-parameters"


class NotebookError(ReportlibError):
    """A notebook cell raised an error; the message names the notebook, the cell and the error."""


@dataclass(frozen=True)
class Executed:
    """A notebook executed: where from, its text (nbformat JSON), cells run and seconds taken."""

    path: Path
    text: str
    n_cells: int
    seconds: float


def notebooks_in(folder: str | Path) -> list[Path]:
    """The ``*.ipynb`` files of `folder`, sorted by name; InputError when there are none."""
    folder = Path(folder)
    notebooks = sorted(folder.glob("*.ipynb"))
    if not notebooks:
        raise InputError(folder, "no notebooks (*.ipynb) in folder")
    return notebooks


def inject_parameters(notebook, parameters: Mapping[str, object]) -> None:
    """Insert (or replace) the ``injected-parameters`` cell after the ``parameters`` cell."""
    import nbformat

    cells = notebook.cells
    cells[:] = [c for c in cells if INJECTED_TAG not in c.get("metadata", {}).get("tags", [])]
    tagged = [i for i, c in enumerate(cells) if PARAMETERS_TAG in c.get("metadata", {}).get("tags", [])]
    if not tagged:
        raise InputError("notebook", f"no cell tagged '{PARAMETERS_TAG}' to receive {sorted(parameters)}")
    source = "# Parameters given to this run\n" + "\n".join(f"{k} = {v!r}" for k, v in parameters.items())
    cell = nbformat.v4.new_code_cell(source, metadata={"tags": [INJECTED_TAG]})
    cell.pop("id", None)
    cells.insert(tagged[0] + 1, cell)


def execute_notebook(path: str | Path, *, cwd: str | Path, parameters: Mapping[str, object] | None = None,
                     env: Mapping[str, str] | None = None,
                     progress: Callable[[str, int, int, float], None] | None = None) -> Executed:
    """Execute the notebook at `path` with the kernel's working directory `cwd`.

    `parameters` are injected (see `inject_parameters`); `env` is added to the kernel's
    environment; `progress(name, cell_number, n_cells, elapsed)` is called as each code cell
    starts. Raises `NotebookError` naming the notebook, the cell and the error.
    """
    import nbformat
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError

    path = Path(path)
    notebook = nbformat.read(path, as_version=4)
    if parameters:
        inject_parameters(notebook, parameters)
    code = [i for i, c in enumerate(notebook.cells) if c.cell_type == "code"]
    started = time.monotonic()

    def on_start(cell, cell_index):
        if progress is not None and cell_index in code:
            progress(path.stem, code.index(cell_index) + 1, len(code), time.monotonic() - started)

    client = NotebookClient(notebook, timeout=TIMEOUT_SECONDS, kernel_name=KERNEL, record_timing=False,
                            resources={"metadata": {"path": str(cwd)}}, on_cell_start=on_start,
                            extra_arguments=["--IPKernelApp.log_level=ERROR"])  # no kernel warnings on the terminal
    kernel_env = {**os.environ, "PYDEVD_DISABLE_FILE_VALIDATION": "1", **(env or {})}
    try:
        client.execute(env=kernel_env)
    except CellExecutionError as error:
        raise NotebookError(f"{path.name}: {_failed_cell(notebook, code)}: {_last_line(error)}") from None
    for cell in notebook.cells:
        cell.get("metadata", {}).pop("execution", None)
    return Executed(path, nbformat.writes(notebook) + "\n", len(code), time.monotonic() - started)


def _failed_cell(notebook, code: list[int]) -> str:
    for number, index in enumerate(code, start=1):
        if any(o.get("output_type") == "error" for o in notebook.cells[index].get("outputs", [])):
            return f"cell {number} of {len(code)}"
    return "a cell"


def _last_line(error: Exception) -> str:
    name, value = getattr(error, "ename", ""), getattr(error, "evalue", "")
    if name:
        return f"{name}: {value}".strip()
    lines = [line for line in str(error).splitlines() if line.strip()]
    return lines[-1] if lines else type(error).__name__


def run_in_place(folder: str | Path) -> list[Path]:
    """Execute every notebook in `folder` with its stored parameters and write it back if changed.

    All notebooks run before any is written, so a failure leaves every file as it was.
    """
    folder = Path(folder)
    done = [execute_notebook(p, cwd=folder) for p in notebooks_in(folder)]
    for result in done:
        if result.path.read_text(encoding="utf-8") != result.text:
            result.path.write_text(result.text, encoding="utf-8")
    return [r.path for r in done]


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    try:
        for path in run_in_place(args[0] if args else "notebooks"):
            print(f"executed {path}")
    except ReportlibError as error:
        print(f"reportlib: {error}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
