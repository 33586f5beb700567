"""Comparable indicators: which recurring quantity of the genre a cited statistic reports.

Reports on grassroots Party building cite the same few quantities again and again (党员总数,
流动党员数, 35岁以下党员占比, 村集体经济收入, 活动场所面积 …) under many wordings. The data file
``reportlib/data/indicators.csv`` lists them, one row each, with the columns

* ``indicator`` (Chinese name) and ``indicator_en`` (its English name, also in the glossary file
  ``data/glossary/indicators.csv``);
* ``dimension`` (count, percent, money, area, age) and ``unit_norms`` (the allowed ``unit_norm``
  values, separated by ``|``): a statistic in another unit is never this indicator, so 大专以上
  学历 120名 (a head count) is not 大专以上学历占比;
* ``patterns`` (a regular expression searched in the statistic's ``what``), ``exclude`` (a
  regular expression that rules the row out when it is found in ``what``) and ``context`` (a
  regular expression that must also be found in the ``sentence``, for indicators such as
  建立党组织的非公企业数 that the noun alone does not establish);
* ``note`` (what the indicator means, for the reader).

The first row whose dimension, unit, pattern, exclusion and context all agree gives the
indicator, so rows are ordered from the specific to the general. A statistic that no row fits
keeps ``''``: nothing is forced into an indicator.

Example::

    from reportlib import indicators, stats
    table = indicators.match_indicators(stats.statistics_table(corpus))
    table[table["indicator"] != ""][["what", "value", "indicator", "indicator_evidence"]]
"""

from __future__ import annotations

import csv
import functools
import io
import re
from importlib import resources
from pathlib import Path
from typing import NamedTuple

import pandas as pd

from reportlib.errors import InputError, require_frame

INDICATOR_COLUMNS = ("indicator", "indicator_en", "dimension", "unit_norms", "patterns", "exclude",
                     "context", "note")
INDICATOR_DIMENSIONS = ("count", "percent", "money", "area", "age")
STATISTIC_COLUMNS = ("what", "unit_norm", "dimension", "sentence")


class Indicator(NamedTuple):
    """One row of the indicator file, with its regular expressions compiled."""

    name: str
    name_en: str
    dimension: str
    unit_norms: frozenset[str]
    pattern: re.Pattern
    exclude: re.Pattern | None
    context: re.Pattern | None
    line: int


def indicators_path() -> Path:
    """The indicator file shipped with reportlib."""
    return Path(str(resources.files("reportlib") / "data" / "indicators.csv"))


def load_indicators(path: str | Path | None = None) -> pd.DataFrame:
    """Read the indicator file (default :func:`indicators_path`) as a DataFrame.

    Columns: those of :data:`INDICATOR_COLUMNS` and ``line`` (1-based line in the file). Raises
    InputError naming the file and line for a missing column, an empty name, a dimension outside
    :data:`INDICATOR_DIMENSIONS`, an invalid regular expression or a repeated indicator.
    """
    path = indicators_path() if path is None else Path(path)
    reader = csv.DictReader(io.StringIO(path.read_text(encoding="utf-8-sig")))
    missing = [c for c in INDICATOR_COLUMNS if c not in (reader.fieldnames or [])]
    if missing:
        raise InputError(path, f"header lacks the columns {missing}; expected {list(INDICATOR_COLUMNS)}")
    rows = [{**{c: (record.get(c) or "").strip() for c in INDICATOR_COLUMNS}, "line": number}
            for number, record in enumerate(reader, start=2)]
    table = pd.DataFrame(rows, columns=[*INDICATOR_COLUMNS, "line"])
    for row in table.itertuples():
        _compile_row(row, path)
    repeated = table[table["indicator"].duplicated()]
    if not repeated.empty:
        raise InputError(path, f"line {repeated['line'].iloc[0]}: indicator "
                               f"{repeated['indicator'].iloc[0]!r} is listed twice")
    return table


def _regex(text: str, path: Path, line: int, column: str) -> re.Pattern | None:
    if not text:
        return None
    try:
        return re.compile(text)
    except re.error as error:
        raise InputError(path, f"line {line}: {column} {text!r} is not a regular expression ({error})") from None


def _compile_row(row, path: Path) -> Indicator:
    if not row.indicator or not row.indicator_en or not row.patterns or not row.unit_norms:
        raise InputError(path, f"line {row.line}: indicator, indicator_en, unit_norms and patterns "
                               "must be filled in")
    if row.dimension not in INDICATOR_DIMENSIONS:
        raise InputError(path, f"line {row.line}: dimension {row.dimension!r} must be one of "
                               f"{INDICATOR_DIMENSIONS}")
    return Indicator(row.indicator, row.indicator_en, row.dimension,
                     frozenset(u.strip() for u in row.unit_norms.split("|")),
                     _regex(row.patterns, path, row.line, "patterns"),
                     _regex(row.exclude, path, row.line, "exclude"),
                     _regex(row.context, path, row.line, "context"), row.line)


@functools.lru_cache(maxsize=4)
def _compiled(path: str | None) -> tuple[Indicator, ...]:
    table = load_indicators(path)
    where = indicators_path() if path is None else Path(path)
    return tuple(_compile_row(row, where) for row in table.itertuples())


def match_one(what: str, unit_norm: str, dimension: str, sentence: str = "", *,
              path: str | Path | None = None) -> tuple[str, str]:
    """The indicator of one statistic and the evidence for it, or ``('', '')``.

    >>> match_one("流动党员", "person", "count")
    ('流动党员数', "what '流动党员' ~ /流动党员/ matched '流动党员'")
    >>> match_one("大专以上学历", "person", "count")
    ('', '')
    """
    what, sentence = str(what or ""), str(sentence or "")
    for row in _compiled(None if path is None else str(path)):
        if row.dimension != dimension or unit_norm not in row.unit_norms:
            continue
        found = row.pattern.search(what)
        if not found or (row.exclude and row.exclude.search(what)):
            continue
        evidence = f"what '{what}' ~ /{row.pattern.pattern}/ matched '{found.group(0)}'"
        if row.context:
            context = row.context.search(sentence)
            if not context:
                continue
            evidence += f"; sentence ~ /{row.context.pattern}/ matched '{context.group(0)}'"
        return row.name, evidence
    return "", ""


def match_indicators(statistics: pd.DataFrame, *, path: str | Path | None = None) -> pd.DataFrame:
    """Return a copy of ``statistics`` with the columns ``indicator`` and ``indicator_evidence``.

    ``statistics`` is :func:`reportlib.stats.statistics_table` output (at least what, unit_norm,
    dimension, sentence). ``indicator`` is the Chinese name of the first indicator of the file
    (``path``, default :func:`indicators_path`) that fits, ``indicator_evidence`` says which
    pattern matched which text; both are ``''`` where no indicator fits.
    """
    require_frame(statistics, "statistics", STATISTIC_COLUMNS)
    found = [match_one(w, u, d, s, path=path) for w, u, d, s in
             zip(statistics["what"], statistics["unit_norm"], statistics["dimension"], statistics["sentence"])]
    out = statistics.copy()
    out["indicator"] = [f[0] for f in found]
    out["indicator_evidence"] = [f[1] for f in found]
    return out
