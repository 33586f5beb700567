"""The thresholds a researcher may tune for another corpus, in one frozen settings object.

The segmenter and the annotator read their thresholds from a `Rules` passed as the keyword
``rules`` (default `DEFAULT_RULES`), never from module globals, so that two corpora can be parsed
with different settings in one session.  Every value is checked when the object is made.

>>> rules = Rules(min_report_hanzi=100)
>>> rules.min_report_hanzi, rules.max_title_chars
(100, 40)
>>> Rules(duplicate_containment=1.5)
Traceback (most recent call last):
...
reportlib.errors.ValueInvalidError: `duplicate_containment` = 1.5 is invalid; must be a number in (0, 1]
"""

from __future__ import annotations

from dataclasses import dataclass, fields

from .errors import ValueInvalidError


@dataclass(frozen=True)
class Rules:
    """Thresholds of segmentation (reports, headings, noise) and annotation (categories, duplicates)."""

    max_title_chars: int = 40
    """Longest line (characters, after stripping) that can be a report title.  Titles of field
    reports run to about 30 characters with a subtitle on its own line; a longer line ending in
    调研/报告 is a sentence that happens to end in the genre word."""

    max_plain_heading_chars: int = 30
    """Longest unnumbered line without sentence punctuation that counts as a heading.  Short
    headings are phrases of 8–20 characters; longer unpunctuated lines are damaged sentences."""

    max_noise_chars: int = 80
    """Longest line tested against the noise patterns (page counters, share buttons, breadcrumbs):
    page chrome is short, and a long line of report text must never become noise."""

    parent_window: int = 3
    """A numbering restart (一、) at most this many body lines below a heading of a higher rank is
    that heading's first child, not a new report: a parent heading is followed by its first
    child within a short lead paragraph."""

    min_body_lines_before_restart: int = 4
    """Without any heading, this many body lines make a report that a 一、 can end: fewer lines
    are a preamble to the numbered sections that follow."""

    min_report_hanzi: int = 200
    """A run of lines with fewer Chinese characters than this in its body is chrome (a repeated
    title, a link list), not a report.  The shortest real reports run to a few thousand."""

    title_weight: int = 5
    """Title cues count this many times as much as cues in the body when choosing a category:
    a title names the sector in one word, the body repeats cues of every sector."""

    shingle_chars: int = 5
    """Shingle size (characters) for near-duplicate detection.  Five characters are longer than
    most words and stock phrases, short enough to survive small edits."""

    duplicate_containment: float = 0.5
    """Share of the shorter report's shingles found in the other one, from which the later report
    is a near-duplicate.  Distinct reports share at most a few percent of their 5-character
    shingles (stock phrases); a repeated report shares most of them."""

    def __post_init__(self) -> None:
        for item in fields(self):
            value = getattr(self, item.name)
            if item.name == "duplicate_containment":
                if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 < value <= 1:
                    raise ValueInvalidError(item.name, value, "a number in (0, 1]")
            elif isinstance(value, bool) or not isinstance(value, int) or value < _MINIMUM.get(item.name, 1):
                raise ValueInvalidError(item.name, value, f"an integer >= {_MINIMUM.get(item.name, 1)}")


#: Smallest allowed value of the integer fields (1 where not listed).
_MINIMUM = {"parent_window": 0, "min_body_lines_before_restart": 0, "min_report_hanzi": 0, "title_weight": 0}

#: The settings used when none are given.
DEFAULT_RULES = Rules()
