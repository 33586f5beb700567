"""Bilingual glossary for figure labels: Chinese terms with their English translation.

The glossary is every CSV file in ``reportlib/data/glossary/`` (one per area: ``core.csv``,
``vocabulary.csv``, ``topics.csv``, ``statistics.csv`` …), read in sorted order. Columns:
``zh`` and ``en``, and optionally ``code``, a short ASCII key (the category codes ``rural`` …
``government`` and the section types ``practice``, ``problem`` …) that stands for the row's
term in either language. A term listed twice with different translations is an error that
names both files, so no file silently overrides another.

Example::

    >>> translate("第一书记", "en")
    'first secretary'
    >>> label("第一书记", "en")
    'first secretary (第一书记)'
    >>> translate("rural", "zh")
    '农村'
"""

from __future__ import annotations

import csv
import functools
import io
import re
from collections.abc import Iterable
from importlib import resources
from pathlib import Path
from typing import NamedTuple

import pandas as pd

from reportlib.errors import InputError, ValueInvalidError

LANGS = ("zh", "en")
GLOSSARY_COLUMNS = ("zh", "en", "code", "source", "line")


class _Tables(NamedTuple):
    to_en: dict[str, str]
    to_zh: dict[str, str]


def glossary_dir() -> Path:
    """The folder of glossary CSV files shipped with reportlib."""
    return Path(str(resources.files("reportlib") / "data" / "glossary"))


def load_glossary(*, directory: str | Path | None = None) -> pd.DataFrame:
    """Read every ``*.csv`` in ``directory`` (default :func:`glossary_dir`), sorted by name.

    Returns a DataFrame with columns zh, en, code ('' if none), source (file name) and line
    (1-based line in that file), one row per distinct term; exact repeats are dropped. Raises
    InputError for a file without zh/en columns, an empty cell, or a term (or code) given two
    different translations, naming both files and lines.
    """
    folder = glossary_dir() if directory is None else Path(directory)
    rows: list[dict[str, object]] = []
    seen_zh: dict[str, dict[str, object]] = {}
    seen_code: dict[str, dict[str, object]] = {}
    for path in sorted(folder.glob("*.csv")):
        for row in _read_rows(path):
            if _is_repeat(row, seen_zh, "zh", "en", path) | _is_repeat(
                row, seen_code, "code", "zh", path
            ):
                continue
            rows.append(row)
    return pd.DataFrame(rows, columns=list(GLOSSARY_COLUMNS))


def _read_rows(path: Path) -> list[dict[str, object]]:
    text = path.read_text(encoding="utf-8-sig")
    reader = csv.DictReader(io.StringIO(text))
    header = reader.fieldnames or []
    if "zh" not in header or "en" not in header:
        raise InputError(path, f"header {header} must name the columns zh and en")
    rows = []
    for number, record in enumerate(reader, start=2):
        zh, en = (record.get("zh") or "").strip(), (record.get("en") or "").strip()
        if not zh or not en:
            raise InputError(path, f"line {number}: both zh and en must be filled in")
        code = (record.get("code") or "").strip()
        rows.append({"zh": zh, "en": en, "code": code, "source": path.name, "line": number})
    return rows


def _is_repeat(row: dict, seen: dict, key: str, value: str, path: Path) -> bool:
    """True if row repeats an earlier entry exactly; raise if it contradicts one."""
    if not row[key]:
        return False
    first = seen.setdefault(str(row[key]), row)
    if first is row:
        return False
    if first[value] == row[value]:
        return True
    raise InputError(
        path,
        f"line {row['line']}: {key} {row[key]!r} = {row[value]!r} conflicts with "
        f"{first['source']} line {first['line']} ({first[value]!r})",
    )


@functools.lru_cache(maxsize=1)
def _tables() -> _Tables:
    table = load_glossary()
    to_en = dict(zip(table["zh"], table["en"]))
    to_zh: dict[str, str] = {}
    unique_en = table.drop_duplicates("en", keep=False)
    to_zh.update(zip(unique_en["en"], unique_en["zh"]))
    coded = table[table["code"] != ""]
    to_zh.update(zip(coded["code"], coded["zh"]))
    return _Tables(to_en, to_zh)


def check_lang(lang: object) -> None:
    """Raise `ValueInvalidError` unless `lang` is one of `LANGS`."""
    if lang not in LANGS:
        raise ValueInvalidError("lang", lang, f"one of {LANGS}")


def _check(term: object, lang: str) -> None:
    check_lang(lang)
    if not isinstance(term, str):
        raise ValueInvalidError("term", term, "a string")


def translate(term: str, lang: str = "en") -> str:
    """Return ``term`` in ``lang``: English for ``"en"``, Chinese for ``"zh"``.

    A code or an English term from the glossary is turned back into Chinese for ``"zh"``. A
    term the glossary lacks is returned unchanged (Chinese stays Chinese); see
    :func:`missing_terms`.
    """
    _check(term, lang)
    tables = _tables()
    zh = tables.to_zh.get(term, term)
    return zh if lang == "zh" else tables.to_en.get(zh, term)


def label(term: str, lang: str = "zh", *, with_chinese: bool = True) -> str:
    """Return a figure label for ``term``.

    ``lang="zh"`` gives the Chinese term; ``lang="en"`` gives ``"first secretary (第一书记)"``,
    or ``"first secretary"`` with ``with_chinese=False``. Unknown terms stay in Chinese.
    """
    _check(term, lang)
    zh = translate(term, "zh")
    if lang == "zh":
        return zh
    en = translate(term, "en")
    if en == zh or not with_chinese:
        return en
    return f"{en} ({zh})"


def missing_terms(terms: Iterable[str]) -> list[str]:
    """Return the distinct terms, in first-seen order, that have no translation."""
    if isinstance(terms, str):
        raise ValueInvalidError("terms", terms, "a list of terms, not one string")
    tables = _tables()
    missing: dict[str, None] = {}
    for term in terms:
        _check(term, "en")
        if term not in tables.to_en and term not in tables.to_zh:
            missing[term] = None
    return list(missing)


_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
_LATIN = re.compile(r"[A-Za-z]{2,}")


def chinese_only(text: str) -> bool:
    """True if ``text`` has Chinese characters and no Latin word (unreadable in an English figure).

    Ids such as 'R01' do not count as words: 'R11 乡镇党建' is Chinese-only.
    """
    return bool(_HAN.search(text)) and not _LATIN.search(text)


def label_or(term: str, lang: str, fallback: str, *, with_chinese: bool = True) -> str:
    """:func:`label`, but in English a term the glossary lacks becomes ``"<fallback> (<term>)"``.

    The fallback (such as ``"T3 term"`` or ``"item 4"``) is English and transliteration-free, so
    no English figure carries a Chinese-only label; the Chinese stays beside it unless
    ``with_chinese=False``.

    >>> label_or("未收录的词", "en", "T3 term")
    'T3 term (未收录的词)'
    """
    text = label(term, lang, with_chinese=with_chinese)
    if lang == "zh" or not chinese_only(text):
        return text
    return f"{fallback} ({term})" if with_chinese and term else fallback
