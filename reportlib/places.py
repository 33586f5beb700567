"""Which tokens of a report are places or people, so that vocabulary and topics can leave them out.

Field-research reports name their county, township, community, village, firm and the leader
they quote; a term table that keeps these names separates reports by 地名 and 人名, not by what
they say. The rules here are for the genre, not for one file:

- administrative names with their suffix (湖北省, 颍上县, 上海市委) and their stems (上海);
- cities and prefectures named without their suffix (常德, 连云港): the names of the gazetteer
  (``annotate.gazetteer``) whose level is a prefecture or a county-level city, with 市/地区/州/盟
  stripped, unless jieba's dictionary lists the stem as a common word (和平, 光明, 长治);
- local names before a local suffix (X社区, X村, X镇, X乡, X街道, X公司, X集团, X有限公司): a 2-4
  character X when X + suffix recurs in the report; a two-character X seen once before 社区
  (东园社区) is enough, and X is then a place everywhere in the report;
- person names after a title (书记韩正, 韩正同志): a 2-3 character token right after
  书记/同志/主任/市长/县长/部长/总书记 or right before 同志, when jieba tags it as a person name
  ('nr') or it stands in such a position at least twice.

Generic words before a suffix (行政村, 贫困村, 城市社区, 农村社区) are not names: X may not
contain a character of `NOT_IN_NAME` and may not be one of `GENERIC_MODIFIERS`.
"""

from __future__ import annotations

import functools
import re
from collections import Counter
from collections.abc import Iterable
from importlib import resources

#: Suffixes after which a 2-4 character local name stands.
LOCAL_SUFFIXES = ("有限公司", "社区", "街道", "公司", "集团", "村", "镇", "乡")
#: Titles after which (or, for 同志, before which) a person's name stands.
TITLES = ("总书记", "书记", "同志", "主任", "市长", "县长", "部长")
#: Characters that never occur in a local name as the reports use them (function words, the
#: administrative suffixes themselves, and 农/城/街/社 which make 农村, 城市, 街道, 社区).
NOT_IN_NAME = frozenset("的各全本该我县市区乡镇村城和与及在对向到等个了是为有农街社其每这那所")
#: Modifiers that stand before 村/社区/公司 as words, not names (data/place_generic_modifiers.txt).
GENERIC_MODIFIERS = frozenset(
    line.strip() for line in resources.files("reportlib.data").joinpath("place_generic_modifiers.txt")
    .read_text("utf-8").splitlines() if line.strip() and not line.startswith("#"))
#: jieba tags of proper names: a gazetteer stem jieba tags otherwise is a common word (和平 'nz').
_NAME_TAGS = ("ns", "nr", "nt")
_SUFFIX_RE = re.compile("|".join(LOCAL_SUFFIXES))
_HAN = re.compile(r"^[\u4e00-\u9fff]+$")
_NEEDS_TAGS = re.compile("|".join(map(re.escape, TITLES + LOCAL_SUFFIXES)))
_CITY_SUFFIX = re.compile(r"(?:自治州|地区|市|州|盟)$")


@functools.lru_cache(maxsize=1)
def _pos_tokenizer():
    """jieba's part-of-speech tagger over the reportlib tokenizer (built once: it reads a large table)."""
    import jieba.posseg

    from .tokenize import _tokenizer

    return jieba.posseg.POSTokenizer(_tokenizer())


def _dictionary() -> tuple[dict[str, int], dict[str, str]]:
    """jieba's word frequencies and part-of-speech tags (the reportlib tokenizer's dictionary)."""
    tagger = _pos_tokenizer()
    return tagger.tokenizer.FREQ, tagger.word_tag_tab


def _is_common_word(word: str) -> bool:
    freq, tags = _dictionary()
    return bool(freq.get(word)) and not tags.get(word, "").startswith(_NAME_TAGS)


@functools.lru_cache(maxsize=1)
def city_stems() -> frozenset[str]:
    """Cities and prefectures of the gazetteer without their suffix (常德, 连云港).

    Prefecture-level names and county-level cities (names ending in 市) are stripped of
    市/地区/州/自治州/盟; stems of one character, or that jieba lists as common words, are left out.
    """
    from .annotate import gazetteer

    stems = set()
    for name, level in gazetteer().items():
        if level == 2 or (level == 3 and name.endswith("市")):
            stem = _CITY_SUFFIX.sub("", name)
            if len(stem) >= 2 and stem != name and _HAN.match(stem) and not _is_common_word(stem):
                stems.add(stem)
    return frozenset(stems)


def _plausible_name(name: str) -> bool:
    return (bool(_HAN.match(name)) and not set(name) & NOT_IN_NAME and name not in GENERIC_MODIFIERS
            and not _is_common_word(name))


def local_names(text: str, words: Iterable[str] | None = None) -> set[str]:
    """Names of communities, villages, townships, streets and firms in one report's `text`.

    X + suffix must recur in the text, except for a two-character X before 社区 (seen once is
    enough). X must be one word of the segmentation `words` of `text` (jieba's, when not
    given), or X + suffix one word, so 优配 in 选优配强村 and 要赋予 in 要赋予村级 are no names; and X
    may not be a common word of jieba's dictionary (推进社区, 派驻社区). Returns the names X.

    >>> sorted(local_names("东园社区在前，红旗村和红旗村委会，推进行政村建设，推进社区"))
    ['东园', '红旗']
    """
    spans = _word_spans(text, words)
    seen: Counter = Counter()
    community: set[str] = set()
    for match in _SUFFIX_RE.finditer(text):
        start, suffix = match.start(), match.group(0)
        for size in (2, 3, 4):
            name = text[max(0, start - size):start]
            whole = (start - size, start) in spans or (start - size, match.end()) in spans
            if len(name) == size and whole and _plausible_name(name):
                seen[(name, suffix)] += 1
                if size == 2 and suffix == "社区":
                    community.add(name)
    return {name for (name, _), n in seen.items() if n >= 2} | community


def _word_spans(text: str, words: Iterable[str] | None) -> set[tuple[int, int]]:
    if words is None:
        from .tokenize import _tokenizer

        words = _tokenizer().cut(text)
    spans, position = set(), 0
    for word in words:
        spans.add((position, position + len(word)))
        position += len(word)
    return spans


def person_names(tagged: Iterable[tuple[str, str]]) -> set[str]:
    """Names of people after a title or before 同志, from (word, jieba tag) pairs of one report.

    >>> sorted(person_names([("书记", "n"), ("韩正", "nr"), ("同志", "n"), ("带头", "v")]))
    ['韩正']
    """
    pairs = list(tagged)
    counts: Counter = Counter()
    tags: dict[str, str] = {}
    for i, (word, tag) in enumerate(pairs):
        after_title = i > 0 and pairs[i - 1][0] in TITLES
        before = i + 1 < len(pairs) and pairs[i + 1][0] == "同志"
        if (after_title or before) and 2 <= len(word) <= 3 and _HAN.match(word) and word not in TITLES:
            counts[word] += 1
            tags[word] = tag
    return {w for w, n in counts.items() if tags[w].startswith("nr") or (n >= 2 and not _is_common_word(w))}


def report_place_terms(text: str) -> set[str]:
    """Local names and person names that one report's `text` names (see the module docstring)."""
    from .tokenize import _mask

    masked = _mask(text)
    tagged = _tag_where_needed(masked)
    return local_names(masked, [w for w, _ in tagged]) | person_names(tagged)


def _tag_where_needed(text: str) -> list[tuple[str, str]]:
    """(word, tag) pairs covering `text`, as jieba's tagger gives them for the whole text, but
    tagging only the blocks that hold a title or a local suffix (the others are kept as one
    untagged piece each). jieba tags each block between punctuation on its own, so the words of
    those blocks are the same as in the whole text; this saves most of the tagging time."""
    import jieba.posseg

    tagger = _pos_tokenizer()
    out: list[tuple[str, str]] = []
    position = 0
    for block in jieba.posseg.re_han_internal.finditer(text):
        start, end = block.span()
        if start > position:
            out.append((text[position:start], "x"))
        if _NEEDS_TAGS.search(block.group(0)):
            out += [(p.word, p.flag) for p in tagger.cut(block.group(0))]
        else:
            out.append((block.group(0), "x"))
        position = end
    if position < len(text):
        out.append((text[position:], "x"))
    return out


def is_place_term(term: str, stems: set[str] | frozenset[str]) -> bool:
    """Whether `term` is one of `stems` or begins with one (东园社区, 上海市委)."""
    return any(term[:n] in stems for n in range(1, len(term) + 1))
