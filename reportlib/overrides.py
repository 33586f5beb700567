"""Curated labels that override what the lexicon decides.

An overrides file is a CSV with the columns ``source, start_line, report_id, category, place,
title, label``.  A row names its report by ``source`` (file name) and ``start_line``, or by
``report_id``; empty cells leave the computed value alone.  A row that names no report is an
error, so that curated labels never vanish silently when report boundaries move.  A folder given to `reportlib.load`
is searched for ``overrides.csv`` (next to the text files it reads).
"""

from __future__ import annotations

import io
from pathlib import Path
from typing import Sequence

import pandas as pd

from .conventions import CATEGORIES
from .errors import InputError

FILE_NAME = "overrides.csv"
FIELDS = ("category", "place", "title", "label")
KEYS = ("source", "start_line", "report_id")


def find_overrides(paths: str | Path | Sequence[str | Path]) -> list[Path]:
    """Every ``overrides.csv`` in a given folder or beside a given file, each once, in order."""
    if isinstance(paths, (str, Path)):
        paths = [paths]
    found: dict[Path, None] = {}
    for raw in paths:
        folder = Path(raw) if Path(raw).is_dir() else Path(raw).parent
        candidate = folder / FILE_NAME
        if candidate.is_file():
            found.setdefault(candidate, None)
    return list(found)


def read(path: str | Path | bool) -> pd.DataFrame:
    """Read and check an overrides file."""
    path = Path(path) if not isinstance(path, bool) else None
    if path is None:
        raise InputError("overrides", "expected the path of an overrides CSV")
    try:
        text = Path(path).read_text(encoding="utf-8-sig")
        rows = "\n".join(line for line in text.splitlines() if not line.lstrip().startswith("#"))
        table = pd.read_csv(io.StringIO(rows), dtype=str, keep_default_na=False)  # ids hold '#': no comment=
    except (OSError, pd.errors.ParserError, pd.errors.EmptyDataError, UnicodeDecodeError) as error:
        raise InputError(path, f"cannot read overrides CSV ({error})") from None
    missing = [c for c in (*KEYS, *FIELDS) if c not in table.columns]
    if missing:
        raise InputError(path, f"overrides CSV lacks column(s) {', '.join(missing)}; "
                               f"expected {', '.join((*KEYS, *FIELDS))}")
    bad = sorted(set(table["category"]) - set(CATEGORIES) - {""})
    if bad:
        raise InputError(path, f"category = {bad[0]!r} is invalid; must be one of {', '.join(CATEGORIES)}")
    table.attrs["path"] = str(path)
    return table


def apply(reports: pd.DataFrame, table: pd.DataFrame) -> pd.DataFrame:
    """Reports with the overrides applied; `category_source` says 'override' where one was."""
    reports = reports.copy()
    for number, row in enumerate(table.itertuples(index=False), start=1):
        match = _matching(reports, row)
        if not match.any():
            where = f"report_id {row.report_id}" if row.report_id else f"{row.source} line {row.start_line}"
            raise InputError(table.attrs.get("path", FILE_NAME),
                             f"row {number}: no report starts at {where}; fix or remove the row "
                             "(report boundaries may have moved)")
        for field in FIELDS:
            value = getattr(row, field)
            if value:
                reports.loc[match, field] = value
        if row.category:
            reports.loc[match, "category_source"] = "override"
    return reports


def _matching(reports: pd.DataFrame, row) -> pd.Series:
    if row.report_id:
        return reports["report_id"] == row.report_id
    names = reports["source"].map(lambda s: Path(s).name)
    return (names == Path(row.source).name) & (reports["start_line"].astype(str) == str(row.start_line))
