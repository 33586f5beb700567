"""Traces of scraping and OCR damage in one line of a report, found by rules for the genre.

The rules are data (``reportlib/data/damage_patterns.tsv``: pattern, kind, note), reported per
line with offsets and never "fixed". Some kinds need a second look that a regular expression
cannot give, using the tokenizer's dictionary (jieba's word frequencies plus reportlib's user
dictionary):

- ``doubled character`` (的的, 在在): not damage in AABB reduplication (实实在在, 和和美美), nor
  when the second character starts a word with the next one (在在职 is 在 + 在职);
- ``lost value`` (比例在。, 占全县党员的。): a comparison or 为/在/达/占 right before a sentence
  end where a number is expected; not damage when the character before it makes a word with it
  (存在。, 问题所在。, 大有作为。, 发达。), nor when 占 starts a word (占领, 占有);
- ``repeated word`` (落户落户): a two-character word written twice; only when the pair is a word
  of the dictionary and not a count such as 一个一个.

Other kinds (misrecognised characters such as 领城 for 领域, a stray character before 年来,
ASCII full stops, quote marks turned into spaces, headings run into a paragraph, phrases of
three or more characters written twice) are the patterns alone.

>>> [d[2] for d in find_damage("在在职党员中，比例在。落户落户")]
['lost value', 'repeated word']
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import lru_cache
from importlib import resources

from .errors import InputError
from .io import to_halfwidth

_Check = Callable[[str, "re.Match[str]"], bool]


@lru_cache(maxsize=1)
def damage_patterns() -> tuple[tuple[re.Pattern[str], str, str], ...]:
    """The patterns of ``data/damage_patterns.tsv`` as (pattern, kind, note)."""
    text = resources.files("reportlib.data").joinpath("damage_patterns.tsv").read_text("utf-8")
    rows = []
    for number, row in enumerate(text.splitlines(), start=1):
        if not row.strip() or row.startswith("#"):
            continue
        fields = row.split("\t")
        if len(fields) != 3:
            raise InputError(f"damage_patterns.tsv:{number}", f"expected 3 tab-separated fields, got {len(fields)}")
        rows.append((re.compile(fields[0]), fields[1], fields[2]))
    return tuple(rows)


def find_damage(text: str) -> list[tuple[int, int, str, str]]:
    """Traces of scraping damage in one line: (start, end, kind, note), by pattern then position."""
    norm = to_halfwidth(text)
    return [(m.start(), m.end(), kind, note)
            for pattern, kind, note in damage_patterns() for m in pattern.finditer(norm)
            if not _CHECKS.get(kind, _never)(norm, m)]


def _never(text: str, match: re.Match[str]) -> bool:
    return False


@lru_cache(maxsize=1)
def _frequencies() -> dict[str, int]:
    from .tokenize import _tokenizer

    return _tokenizer().FREQ


def is_word(chars: str) -> bool:
    """Whether `chars` is a word of the tokenizer's dictionary (jieba's FREQ, with the user terms).

    >>> is_word("在职"), is_word("在在")
    (True, False)
    """
    return _frequencies().get(chars, 0) > 0


def _is_reduplication(text: str, start: int, end: int) -> bool:
    """AABB words (实实在在, 和和美美): the doubled pair stands beside another doubled pair."""
    before = text[max(0, start - 2):start]
    after = text[end:end + 2]
    return (len(before) == 2 and before[0] == before[1]) or (len(after) == 2 and after[0] == after[1])


def _doubled_is_fine(text: str, match: re.Match[str]) -> bool:
    start, end = match.start(), match.end()
    return _is_reduplication(text, start, end) or is_word(text[end - 1:end + 1])


def _value_is_there(text: str, match: re.Match[str]) -> bool:
    start, found = match.start(), match.group(0)
    if found.startswith("占") and len(found) > 1:
        return is_word(text[start:start + 2])
    return len(found) == 1 and start > 0 and is_word(text[start - 1:start + 1])


def _repeat_is_fine(text: str, match: re.Match[str]) -> bool:
    pair = match.group(1)
    return pair[0] == "一" or not is_word(pair)


_CHECKS: dict[str, _Check] = {"doubled character": _doubled_is_fine, "lost value": _value_is_there,
                              "repeated word": _repeat_is_fine}
