"""One command for any corpus: ``reportlib run PATH... -o RESULTS [--lang zh|en]``.

The run parses the corpus once, writes every table as CSV into ``RESULTS/tables/`` (the key
tables also as LaTeX, booktabs style), executes every notebook with the corpus and language as
parameters into ``RESULTS/notebooks/`` and collects their figures in ``RESULTS/figures/``. The
repository's notebooks are only read. Everything is built in a temporary folder beside
RESULTS and moved into place at the end, so a failure leaves RESULTS as it was.

``--in-place`` is the project's own build (``make figures``): the notebooks are executed where
they are, with the parameters stored in them, and written back; figures go to the ``figures/``
folder beside them; tables still go to ``RESULTS/tables``.

Tokens are computed once per run and shared by every stage and notebook through the cache
folder (``--cache``, default ``RESULTS/cache``); nothing is written elsewhere. Notebooks run two
at a time (the machine's two cores), and the time of each stage is returned and printed.
"""

from __future__ import annotations

import os
import shutil
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

from . import export
from .notebooks import execute_notebook, notebooks_in

FIGURE_SUFFIXES = (".pdf", ".svg", ".png")
LANGS = ("zh", "en")


@dataclass
class RunReport:
    """What a run did: seconds per stage, files written, files skipped."""

    seconds: dict[str, float] = field(default_factory=dict)
    written: list[Path] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)


@contextmanager
def _timed(report: RunReport, stage: str) -> Iterator[None]:
    start = time.monotonic()
    yield
    report.seconds[stage] = round(time.monotonic() - start, 2)


@contextmanager
def _environment(**values: str) -> Iterator[None]:
    """Set environment variables for the block, then restore them."""
    previous = {key: os.environ.get(key) for key in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for key, value in previous.items():
            if value is None:
                os.environ.pop(key, None)
            else:
                os.environ[key] = value


def default_notebooks() -> Path:
    """The project's notebooks: ``notebooks/`` in the working directory, else beside the package."""
    here = Path.cwd() / "notebooks"
    return here if here.is_dir() else Path(__file__).resolve().parent.parent / "notebooks"


def run(paths: Sequence[str | Path], results: str | Path, *, lang: str = "zh",
        notebooks: str | Path | None = None, in_place: bool = False, cache: str | Path | None = None,
        strict: bool = False, jobs: int = 2, echo=print) -> RunReport:
    """Parse `paths`, write the tables, execute the notebooks; see the module docstring."""
    from .corpus import load
    from .errors import ValueInvalidError

    if lang not in LANGS:
        raise ValueInvalidError("lang", lang, f"one of {LANGS}")
    results = Path(results)
    folder = Path(notebooks) if notebooks is not None else default_notebooks()
    sources = notebooks_in(folder)
    cache = Path(cache) if cache is not None else results / "cache"
    report = RunReport()
    with _timed(report, "parse"):
        corpus = load(paths, strict=strict)
    report.skipped = list(corpus.skipped.itertuples(index=False, name=None))
    results.parent.mkdir(parents=True, exist_ok=True)
    with _environment(REPORTLIB_CACHE_DIR=str(cache.resolve())), \
            tempfile.TemporaryDirectory(dir=results.parent, prefix=f".{results.name}-") as tmp:
        stage = Path(tmp)
        export.write_all_tables(corpus, stage / "tables", timings=report.seconds)
        (stage / "figures").mkdir()
        parameters = {"CORPUS": [str(Path(p).resolve()) for p in paths], "LANG": lang}
        env = {"REPORTLIB_FIGURES_DIR": str((stage / "figures").resolve()),
               "REPORTLIB_CACHE_DIR": str(cache.resolve())}
        cwd = folder if in_place else stage / "notebooks"
        cwd.mkdir(exist_ok=True)
        executed = _execute_all(sources, cwd=cwd, parameters=None if in_place else parameters,
                                env=env, jobs=jobs, echo=echo, report=report)
        with _timed(report, "write results"):
            if in_place:
                report.written += _write_back(executed) + _replace_figures(stage / "figures", folder.parent / "figures")
            else:
                for result in executed:
                    (stage / "notebooks" / result.path.name).write_text(result.text, encoding="utf-8")
                report.written += _move_into(stage, results, ("notebooks", "figures"))
            report.written += _move_into(stage, results, ("tables",))
    return report


def _execute_all(sources: list[Path], *, cwd: Path, parameters, env, jobs: int, echo, report: RunReport):
    """Execute the notebooks (`jobs` at a time), echoing progress; stop at the first failure."""
    def progress(name: str, number: int, total: int, elapsed: float) -> None:
        echo(_progress_line(name, number, total, elapsed))

    options = dict(cwd=cwd, parameters=parameters, env=env)
    if jobs <= 1 or len(sources) == 1:
        done = [execute_notebook(p, progress=progress, **options) for p in sources]
    else:
        with ProcessPoolExecutor(max_workers=jobs) as pool:
            futures = [pool.submit(execute_notebook, p, progress=_print_progress, **options) for p in sources]
            done = [f.result() for f in futures]
    for result in done:
        report.seconds[f"notebook {result.path.stem}"] = round(result.seconds, 2)
        echo(f"executed {result.path.name}: {result.n_cells} cells in {result.seconds:.1f} s")
    return done


def _progress_line(name: str, number: int, total: int, elapsed: float) -> str:
    return f"  {name}: cell {number} of {total} ({elapsed:.1f} s)"


def _print_progress(name: str, number: int, total: int, elapsed: float) -> None:
    """Progress from a worker process, which cannot call the caller's `echo`: printed directly."""
    print(_progress_line(name, number, total, elapsed), flush=True)


def _write_back(executed) -> list[Path]:
    written = []
    for result in executed:
        if result.path.read_text(encoding="utf-8") != result.text:
            result.path.write_text(result.text, encoding="utf-8")
        written.append(result.path)
    return written


def _replace_figures(staged: Path, target: Path) -> list[Path]:
    """Move the staged figures into `target`, removing figure files the run no longer makes."""
    target.mkdir(parents=True, exist_ok=True)
    made = {p.name for p in staged.iterdir()}
    for old in target.iterdir():
        if old.suffix in FIGURE_SUFFIXES and old.name not in made:
            old.unlink()
    moved = []
    for path in sorted(staged.iterdir()):
        os.replace(path, target / path.name)
        moved.append(target / path.name)
    return moved


def _move_into(stage: Path, results: Path, names: Sequence[str]) -> list[Path]:
    """Replace RESULTS/<name> by the staged folder, for each name."""
    results.mkdir(parents=True, exist_ok=True)
    moved = []
    for name in names:
        target = results / name
        if target.exists():
            shutil.rmtree(target)
        os.replace(stage / name, target)
        moved.extend(sorted(target.iterdir()))
    return moved


def main_summary(report: RunReport) -> str:
    """One line per stage with its time."""
    return "\n".join(f"  {stage:<32} {seconds:>8.1f} s" for stage, seconds in report.seconds.items())


if __name__ == "__main__":  # pragma: no cover
    from .cli import main

    sys.exit(main(["run", *sys.argv[1:]]))
