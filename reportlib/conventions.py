"""The conventions of Chinese report text, defined once: numerals, punctuation, list markers,
placeholders and the report categories.

Every other module imports these names instead of writing its own character class, so that a
change (a numeral added, a new placeholder style) reaches the segmenter, the annotator, the
tokenizer and the statistics alike.  Names say what they match; ``*_CLASS`` names are regex
character classes as strings (to build larger patterns), upper-case names ending in a noun are
compiled patterns.  Patterns are written for text passed through `to_halfwidth` (half-width
digits and ASCII punctuation) unless their comment says otherwise.

>>> CN_DIGIT_VALUES["两"], CN_SMALL_UNITS["百"], CN_BIG_UNITS["亿"]
(2, 100, 100000000)
>>> bool(re.fullmatch(CN_NUMERAL_CLASS + "+", "两千三百"))
True
>>> to_halfwidth("占比５０％：")
'占比50%:'
"""

from __future__ import annotations

import re

# --- Categories -------------------------------------------------------------------------------

#: Report categories in display order: the six sectors of grassroots Party building, then
#: ``other`` for texts outside them (a speech, a general essay).
CATEGORIES = ("rural", "urban", "border", "enterprise", "university", "government", "other")

# --- Numerals ---------------------------------------------------------------------------------

#: Chinese digit characters and their values (两 and 〇 included).
CN_DIGIT_VALUES = {
    "零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
    "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
}
#: The digit characters, in a fixed order (零〇一二两三四五六七八九).
CN_DIGITS = "".join(CN_DIGIT_VALUES)
#: One to nine in counting order: ``CN_ONE_TO_NINE[n - 1]`` is the numeral for n.
CN_ONE_TO_NINE = "一二三四五六七八九"
#: Units below 万 that multiply the digit before them.
CN_SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
#: Units that scale everything before them.
CN_BIG_UNITS = {"万": 10_000, "亿": 100_000_000}
#: Every character of a Chinese numeral: digits and units.
CN_NUMERAL_CHARS = CN_DIGITS + "".join(CN_SMALL_UNITS) + "".join(CN_BIG_UNITS)
#: Characters of the small numbers that number headings and list items (一 … 九十九, 〇, 百).
CN_MARKER_CHARS = "〇零一二三四五六七八九十百两"

#: Regex class: one Chinese digit.
CN_DIGIT_CLASS = f"[{CN_DIGITS}]"
#: Regex class: one character of a Chinese numeral (digits and units 十百千万亿).
CN_NUMERAL_CLASS = f"[{CN_NUMERAL_CHARS}]"
#: Regex class: one character of a heading or list-item number (一 … 九十九).
CN_MARKER_CLASS = f"[{CN_MARKER_CHARS}]"
#: Regex class: anything but a heading-number character (to strip the rest of a marker).
NOT_CN_MARKER_CLASS = f"[^{CN_MARKER_CHARS}]"
#: Regex class: a Chinese or Arabic digit, unit, or the marks of a written number (for tokens
#: that are numbers only: 2024, 1.5%, 三千, 几十).
NUMBER_TOKEN_CLASS = rf"[\d.,%+\-/:·{CN_NUMERAL_CHARS}几]"
#: One to ten: the numerals of enumerations (一是 … 十要), list markers ((一), 一、) and dates.
CN_ONE_TO_TEN = CN_ONE_TO_NINE + "十"
#: Regex class: one of 一 … 十.
CN_ONE_TO_TEN_CLASS = f"[{CN_ONE_TO_TEN}]"
#: Regex class: the numerals of small counts written in words (两个, 三项 …).
CN_SMALL_COUNT_CLASS = f"[{CN_ONE_TO_TEN}两]"
#: Regex class: a single digit one to nine, 两 included (the low end of a rough count 两三个).
CN_LOW_DIGIT_CLASS = f"[{CN_ONE_TO_NINE}两]"
#: Regex class: a single digit two to nine (the high end of a rough count 两三个, 四、五次).
CN_HIGH_DIGIT_CLASS = f"[{CN_ONE_TO_NINE[1:]}]"
#: A heading or list-item number: one to three marker characters.
CN_MARKER_NUMBER = f"{CN_MARKER_CLASS}{{1,3}}"

# --- Half-width -------------------------------------------------------------------------------

#: Full-width ASCII variants U+FF01..U+FF5E map to U+0021..U+007E; the ideographic space to a space.
HALFWIDTH_TABLE = {cp: cp - 0xFEE0 for cp in range(0xFF01, 0xFF5F)} | {0x3000: 0x20}
_FULLWIDTH_CHAR = re.compile("[\uff01-\uff5e\u3000]")


#: White space between two Chinese characters: a gloss masked to spaces (醫    院), a quote mark or
#: a line break turned into a space (建设 工作).  Chinese text puts no spaces between words, so
#: whatever reads words (cue counting, the tokenizer) joins the two.
SPACE_BETWEEN_HANZI = re.compile(r"(?<=[\u4e00-\u9fff])\s+(?=[\u4e00-\u9fff])")


#: A run of three or more spaces between Chinese characters: a pinyin gloss masked in the
#: normalised view ((jìn) and the like are at least three characters long).
MASKED_GLOSS_GAP = re.compile(r"(?<=[\u4e00-\u9fff]) {3,}(?=[\u4e00-\u9fff])")


def drop_gloss_gaps(text: str) -> str:
    """`text` without the gaps masked glosses leave between Chinese characters; single spaces stay.

    >>> drop_gloss_gaps("周进     军 王景梅")
    '周进军 王景梅'
    """
    return MASKED_GLOSS_GAP.sub("", text)


def words_only(text: str) -> str:
    """`text` half-width with only its letters, digits and characters: what two copies of a title
    or a line share when punctuation and spacing differ.

    >>> words_only("两新党建,大有可为 ")
    '两新党建大有可为'
    """
    return re.sub(r"[\W_]+", "", to_halfwidth(text))


def join_hanzi(text: str) -> str:
    """`text` without white space between Chinese characters (for reading words, not offsets).

    >>> join_hanzi("医    院党建 工作, 2 个")
    '医院党建工作, 2 个'
    """
    return SPACE_BETWEEN_HANZI.sub("", text)


def to_halfwidth(text: str) -> str:
    """Map full-width ASCII (１２３，％：) and the ideographic space to half-width.

    The result has the same length as `text`, so character offsets stay valid.

    >>> to_halfwidth("（一）党员２９９人")
    '(一)党员299人'
    """
    return text.translate(HALFWIDTH_TABLE) if _FULLWIDTH_CHAR.search(text) else text


# --- Sentences --------------------------------------------------------------------------------

#: Characters that end a sentence (after `to_halfwidth`).
SENTENCE_END_CHARS = "。!?;"
#: Sentence ends: Chinese and ASCII terminators, and '.' between non-digits (some reports use
#: '.' as their full stop); closing quotes and brackets that follow stay with the sentence.
SENTENCE_END = re.compile(rf"(?:[{SENTENCE_END_CHARS}]|(?<!\d)[.](?!\d)|……)+[”’」』)]*")
#: One sentence terminator (a line holding one is a sentence, not a heading).
TERMINAL_PUNCT = re.compile(rf"[{SENTENCE_END_CHARS}]|(?<!\d)[.](?!\d)")
#: Clause punctuation inside a sentence.
CLAUSE_PUNCT = re.compile(r"[,:、]")
#: Opening and closing quotes and book-title marks: nothing inside them ends a sentence.
OPENERS = "《“‘「『"
CLOSERS = "》”’」』"

# --- List markers -----------------------------------------------------------------------------

#: Heading and list markers by numbering style, in the usual nesting order of Chinese official
#: writing: 第一部分, 一、, (一), 1、 or 1., (1), ①.
LIST_MARKERS: dict[str, re.Pattern[str]] = {
    "chapter": re.compile(rf"^\s*第{CN_MARKER_NUMBER}(?:部分|章|篇)\s*[、.:]?\s*"),
    "cn": re.compile(rf"^\s*({CN_MARKER_NUMBER})\s*[、.]\s*"),
    "paren_cn": re.compile(rf"^\s*[(]\s*({CN_MARKER_NUMBER})\s*[)]\s*[、.]?\s*"),
    "arabic": re.compile(r"^\s*(\d{1,2})\s*(?:[、]|[.](?!\d))\s*"),
    "paren_arabic": re.compile(r"^\s*[(]\s*(\d{1,2})\s*[)]\s*"),
    "circled": re.compile(r"^\s*([①②③④⑤⑥⑦⑧⑨⑩])\s*"),
}
#: A decimal section number opening a line (3.1 经济建设, 2.3.1 …): the numbered heading of a paper's
#: section, never a report's title, whatever words it ends on.
SECTION_NUMBER = re.compile(r"^\s*\d{1,2}(?:\.\d{1,2}){1,3}\s*(?=[\u4e00-\u9fff])")
#: Any list marker at the start of a line, whatever its style.
ANY_LIST_MARKER = re.compile("|".join(f"(?:{p.pattern})" for p in LIST_MARKERS.values()))
#: Enumerations inside a paragraph (一是, 二要, 首先, 第三,): items, not headings.
ITEM_MARKER = re.compile(
    rf"^\s*(?:{CN_MARKER_NUMBER}(?:是|要|则|来|方面)|首先|其次|再次|再者|最后|第{CN_MARKER_NUMBER}(?:是|要|,))"
)

# --- Placeholders -----------------------------------------------------------------------------

#: Redactions: runs of two or more underscores (full-width low lines too) standing for removed names.
REDACTION = re.compile(r"[_＿]{2,}")
#: A year of the twentieth or twenty-first century, as a regex string.
YEAR = r"(?:19|20)\d\d"
#: Evidence that a scrape overwrote years with one placeholder value: a year doubled ("20242024年"),
#: a range from a year to itself ("2024-2024年"), or a list of the same year ("2024年、2024年").
PLACEHOLDER_EVIDENCE_BODY = rf"({YEAR})(?:\1|\s*[-—–~至到]\s*\1(?!\d)|年[、,]\s*\1年)"
PLACEHOLDER_EVIDENCE = re.compile(rf"(?<!\d){PLACEHOLDER_EVIDENCE_BODY}")
#: Any year, repeated or as a range ("2024年", "20242024年", "2024-2025年"): what the tokenizer
#: masks so that no year, placeholder or real, becomes a token.
YEAR_OR_REPEATED_YEAR = re.compile(rf"(?<!\d)(?:{YEAR})+(?:\s*[-—–~至到]\s*{YEAR})?(?!\d)年?")
#: Measure words and place suffixes that follow a placeholder count or name (x个, XX村).
PLACEHOLDER_FOLLOWERS = "个名人家户村镇乡县市区次项条元万亿所处座支批件位"
#: Placeholder forms by kind (applied to half-width text); see `reportlib.normalize.placeholder_spans`.
PLACEHOLDER_FORMS: dict[str, re.Pattern[str]] = {
    # 20XX, 201x, 20xx年: a year with its last digits hidden.
    "year": re.compile(r"(?<![\dA-Za-z])(?:1[89]|20)(?:\d[xX]|[xX]{2})(?![A-Za-z\d])年?"),
    # X.X平方公里: a decimal number written with letters.
    "number": re.compile(r"(?<![A-Za-z\d])[xX]+(?:\.[xX]+)+(?![A-Za-z\d])"),
    # x个, xx 个, X个, XX, X建 (党建), ×××个: letters standing for a count or a name.
    "letters": re.compile(
        rf"(?<![A-Za-z])(?:[xX]{{2,}}(?![A-Za-z])|[xX](?![A-Za-z])(?=\s?[\u4e00-\u9fff])"
        rf"|(?<=[\u4e00-\u9fff])[xX](?![A-Za-z])|×{{2,}}|×(?=\s?[{PLACEHOLDER_FOLLOWERS}]))"
    ),
    # **, *家, *村: asterisks for a name.
    "stars": re.compile(r"\*{2,}|\*(?=[\u4e00-\u9fff])"),
    # 〔...〕, [...], 〔XX〕: brackets holding only dots, letters x or stars.
    "brackets": re.compile(r"〔[.…·xX*×\s]+〕|\[[.…·xX*×\s]+\]|【[.…·xX*×\s]+】"),
    # __大, ___: underscores for removed names (one underscore counts too).
    "redaction": re.compile(r"[_＿]+"),
}


def placeholder_year_pattern(year: str) -> re.Pattern[str]:
    """Occurrences of placeholder `year`: '2024年', '20242024年', '2024-2024年'."""
    year = re.escape(year)
    return re.compile(rf"(?<!\d){year}(?:{year})*(?:\s*[-—–~至到]\s*{year})?(?!\d)年?")
