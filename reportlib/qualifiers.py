"""One qualifier table: the words that bound a number, and what each bound means.

``data/qualifiers.csv`` lists each word (以上, 不足, 约 …) with its position around the number
(``prefix`` before it, ``infix`` between the number and its unit as in 3200多个, ``suffix``
after the unit, ``time_suffix`` after a unit of time only) and the qualifier it gives. The
extractor (`reportlib.stats`) reads the words from it, and the checks (`reportlib.checks`) read
what a qualifier means from `QUALIFIER_SEMANTICS`, so the two cannot disagree.

The six qualifiers, as (relation, inclusive) of the true value to the stated one:

========== ======== ========= ==========================================================
qualifier  relation inclusive words
========== ======== ========= ==========================================================
exact      =        yes       no qualifier word
more_than  >        no        超过, 超, 逾, 多于, 高于; 多 and 余 between number and unit
at_least   ≥        yes       以上, 及以上, 不少于, 不低于, 至少
about      ≈        yes       约, 大约, 近, 将近, 接近, 左右 (within `ABOUT_RELATIVE_TOLERANCE`)
at_most    ≤        yes       以下, 及以下, 以内, 不超过, 最多; 内 after a time (3天内)
less_than  <        no        不足, 不到, 低于, 少于
========== ======== ========= ==========================================================

以上 and 以下 include the number itself, as in Chinese legal and administrative usage:
35岁以下 takes in 35, 3人以上 takes in 3. Only 超过/逾/多/余 (above) and 不足/不到/低于/少于
(below) leave the number out. Traditional-script forms (超過, 約, 餘 …) are rows of their own.

>>> qualifier_words("suffix")["以上"]
'at_least'
>>> QUALIFIER_SEMANTICS["less_than"]
Semantics(relation='<', inclusive=False)
"""

from __future__ import annotations

import csv
import re
from collections.abc import Mapping
from decimal import Decimal
from functools import lru_cache
from importlib import resources
from types import MappingProxyType
from typing import NamedTuple

from reportlib.errors import ValueInvalidError

#: The qualifier names, in this order.
QUALIFIERS = ("exact", "more_than", "at_least", "about", "at_most", "less_than")
#: Where a qualifier word stands: before the number, between number and unit, after the unit,
#: after a unit of time only (一周内: 内 after 5个 is no qualifier, 5个内设机构).
POSITIONS = ("prefix", "infix", "suffix", "time_suffix")
#: Columns of ``data/qualifiers.csv``.
QUALIFIER_COLUMNS = ("word", "position", "qualifier", "note")
#: How far an ``about`` value may be from the true one, as a share of the stated value.
ABOUT_RELATIVE_TOLERANCE = Decimal("0.05")


class Semantics(NamedTuple):
    """What a qualifier says of the true value: its `relation` to the stated value
    (=, >, ≥, ≈, ≤, <) and whether the stated value itself is `inclusive`ly allowed."""

    relation: str
    inclusive: bool


#: qualifier → (relation, inclusive) of the true value to the stated value.
QUALIFIER_SEMANTICS: dict[str, Semantics] = {
    "exact": Semantics("=", True),
    "more_than": Semantics(">", False),
    "at_least": Semantics("≥", True),
    "about": Semantics("≈", True),
    "at_most": Semantics("≤", True),
    "less_than": Semantics("<", False),
}


class QualifierWord(NamedTuple):
    """One row of ``data/qualifiers.csv``."""

    word: str
    position: str
    qualifier: str
    note: str


def _checked(row: dict) -> QualifierWord:
    """A table row, or `ValueInvalidError` naming the bad field."""
    if not row.get("word"):
        raise ValueInvalidError("qualifiers.csv word", row.get("word"), "a non-empty word")
    if row.get("position") not in POSITIONS:
        raise ValueInvalidError(f"qualifiers.csv position of {row['word']}", row.get("position"), f"one of {POSITIONS}")
    if row.get("qualifier") not in QUALIFIERS[1:]:
        raise ValueInvalidError(f"qualifiers.csv qualifier of {row['word']}", row.get("qualifier"),
                                f"one of {QUALIFIERS[1:]}")
    return QualifierWord(row["word"], row["position"], row["qualifier"], row.get("note") or "")


@lru_cache(maxsize=1)
def load_qualifier_table() -> tuple[QualifierWord, ...]:
    """The rows of ``data/qualifiers.csv`` (columns word, position, qualifier, note), checked."""
    text = resources.files("reportlib").joinpath("data/qualifiers.csv").read_text(encoding="utf-8")
    rows = tuple(_checked(row) for row in csv.DictReader(text.splitlines()))
    seen: set[tuple[str, str]] = set()
    for row in rows:
        if (row.word, row.position) in seen:
            raise ValueInvalidError("qualifiers.csv row", f"{row.word},{row.position}", "each word once per position")
        seen.add((row.word, row.position))
    return rows


@lru_cache(maxsize=len(POSITIONS))
def qualifier_words(position: str) -> Mapping[str, str]:
    """word → qualifier for the words at `position` (prefix, infix, suffix), longest first
    (a read-only mapping).

    >>> list(qualifier_words("infix").items())[:2]
    [('多', 'more_than'), ('余', 'more_than')]
    """
    if position not in POSITIONS:
        raise ValueInvalidError("position", position, f"one of {POSITIONS}")
    rows = [row for row in load_qualifier_table() if row.position == position]
    return MappingProxyType({row.word: row.qualifier for row in sorted(rows, key=lambda r: -len(r.word))})


def qualifier_alternation(position: str) -> str:
    """A regular-expression alternation of the words at `position`, longest first."""
    return "|".join(re.escape(word) for word in qualifier_words(position))


def semantics_table():
    """One row per qualifier: qualifier, relation (=, >, ≥, ≈, ≤, <), inclusive, words (the
    simplified-script words of the table that give it, '、'-joined), for display."""
    import pandas as pd

    words: dict[str, list[str]] = {q: [] for q in QUALIFIERS}
    for row in load_qualifier_table():
        if "traditional" not in row.note and row.word not in words[row.qualifier]:
            words[row.qualifier].append(row.word)  # 多 is an infix and, after a time unit, a suffix
    return pd.DataFrame([(q, QUALIFIER_SEMANTICS[q].relation, QUALIFIER_SEMANTICS[q].inclusive, "、".join(words[q]))
                         for q in QUALIFIERS], columns=["qualifier", "relation", "inclusive", "words"])
