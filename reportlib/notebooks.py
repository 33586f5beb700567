"""Execute the project's notebooks headless, in order, in place.

``python -m reportlib.notebooks notebooks/`` runs every ``*.ipynb`` of the folder in name
order, top to bottom, in a fresh kernel each, with the folder as working directory, and
stores the outputs in the notebooks.  No timing metadata is recorded, so a rerun on the same
input leaves the files unchanged.
"""

from __future__ import annotations

import sys
from pathlib import Path

from .errors import InputError, ReportlibError

KERNEL = "python3"
TIMEOUT_SECONDS = 1200


def run_notebooks(folder: str | Path) -> list[Path]:
    """Execute every notebook in `folder` (sorted by name); return the paths run."""
    import nbformat
    from nbclient import NotebookClient

    folder = Path(folder)
    notebooks = sorted(folder.glob("*.ipynb"))
    if not notebooks:
        raise InputError(folder, "no notebooks (*.ipynb) in folder")
    for path in notebooks:
        notebook = nbformat.read(path, as_version=4)
        client = NotebookClient(notebook, timeout=TIMEOUT_SECONDS, kernel_name=KERNEL,
                                resources={"metadata": {"path": str(folder)}}, record_timing=False)
        client.execute()
        for cell in notebook.cells:
            cell.get("metadata", {}).pop("execution", None)
        text = nbformat.writes(notebook) + "\n"
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
    return notebooks


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    folder = args[0] if args else "notebooks"
    try:
        for path in run_notebooks(folder):
            print(f"executed {path}")
    except ReportlibError as error:
        print(f"reportlib: {error}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
