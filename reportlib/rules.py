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

    min_party_cues_per_1000: float = 5.0
    """Below this many Party-building cues (党建, 党组织, 支部, 党员 …) per 1,000 characters a text is
    not a Party-building report and its category is `other` (unless its title names a field
    study): the seed's 12 reports have 16 to 47, nine government work reports, congress reports
    and a No. 1 Central Document 0 to 1.7."""

    min_border_share: float = 0.5
    """A text whose best sector is rural is a border report when its border cues score at least
    this share of its rural cues: border reports are about the townships and villages of a border
    region, so rural cues come with them (half *d* of the development set: two border pages at 0.53
    and 0.85; no rural page with any border cue)."""

    min_wrapped_lines: int = 3
    """A text is hard-wrapped (a PDF copied line by line) when at least this many body lines …"""

    min_wrapped_share: float = 0.3
    """… and this share of its body lines have the most common line length, within `wrap_slack`
    characters below it.  Paragraph lines of unwrapped text have no common length."""

    min_wrap_width: int = 12
    """Lines shorter than this are not counted when looking for the wrap width (headings, the
    short last line of a paragraph)."""

    wrap_slack: int = 2
    """A wrapped line may fall this many characters short of the width (a wide character or a
    punctuation mark pushed to the next line)."""

    max_label_chars: int = 12
    """A page-metadata or front-matter label alone on its line (来源:, 作者简介:) is at most this
    long with its colon; a longer line ending in a colon (发布时间:2024-08-14 阅读:) holds its own
    values and does not take the next line as one."""

    max_label_value_chars: int = 20
    """The value of a page-metadata label alone on its line (来源: above 四川日报) is at most this
    long; a longer line under such a label is text."""

    max_masthead_lines: int = 30
    """Journal mastheads and page headers run at most this many lines before the text begins;
    bylines and a long title are looked for only there."""

    max_long_title_chars: int = 60
    """A title found in the masthead (主标题——副标题, a title with 、 and :) may be this long …"""

    min_long_title_hanzi: int = 8
    """… and has at least this many Chinese characters (not a date, a name or a counter)."""

    max_inline_heading_chars: int = 30
    """A heading glued inside a long line ends at punctuation or after this many characters."""

    min_glued_line_chars: int = 500
    """Headings glued inside a line are looked for only in lines this long (a whole page or
    document on one line); in shorter lines a 1、 or 一、 inside a sentence is an enumeration."""

    def __post_init__(self) -> None:
        for item in fields(self):
            value = getattr(self, item.name)
            if item.name in _SHARES:
                if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 < value <= 1:
                    raise ValueInvalidError(item.name, value, "a number in (0, 1]")
            elif item.name == "min_party_cues_per_1000":
                if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0:
                    raise ValueInvalidError(item.name, value, "a number >= 0")
            elif isinstance(value, bool) or not isinstance(value, int) or value < _MINIMUM.get(item.name, 1):
                raise ValueInvalidError(item.name, value, f"an integer >= {_MINIMUM.get(item.name, 1)}")


#: Fields that are shares in (0, 1].
_SHARES = ("duplicate_containment", "min_wrapped_share", "min_border_share")
#: Smallest allowed value of the integer fields (1 where not listed).
_MINIMUM = {"parent_window": 0, "min_body_lines_before_restart": 0, "min_report_hanzi": 0, "title_weight": 0,
            "wrap_slack": 0}

#: The settings used when none are given.
DEFAULT_RULES = Rules()
