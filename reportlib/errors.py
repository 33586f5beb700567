"""Errors reportlib raises on bad input.

Every error names the offending value (a file, a column, an option) and what was expected,
so that the command line can print it as one line without a traceback.
"""

from __future__ import annotations

from typing import Sequence


class ReportlibError(Exception):
    """Base class of every error reportlib raises on purpose."""


class InputError(ReportlibError):
    """A path, file or its bytes cannot be read as a scraped text corpus."""

    def __init__(self, path: object, reason: str) -> None:
        self.path = str(path)
        self.reason = reason
        super().__init__(f"{self.path}: {reason}")


class ValueInvalidError(ReportlibError, ValueError):
    """An argument has a value outside the allowed set."""

    def __init__(self, name: str, value: object, expected: str) -> None:
        super().__init__(f"`{name}` = {value!r} is invalid; must be {expected}")


class MissingFontError(ReportlibError):
    """The Chinese font that figures need is not installed."""


def require_frame(frame: object, name: str, columns: Sequence[str] = (), *, nonempty: bool = False) -> None:
    """Raise `ValueInvalidError` unless `frame` is a DataFrame with `columns` (and rows, if `nonempty`)."""
    import pandas as pd

    if not isinstance(frame, pd.DataFrame):
        raise ValueInvalidError(name, type(frame).__name__, "a pandas DataFrame")
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise ValueInvalidError(name, f"a DataFrame lacking {missing}", f"columns {list(columns)}")
    if nonempty and frame.empty:
        raise ValueInvalidError(name, "an empty DataFrame", "at least one row")
