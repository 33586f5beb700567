"""The statistics the reports cite: value, unit, qualifier, what is counted, and where.

A statistic is a number with a unit or measure word from ``data/units.csv`` (个, 名, 人, 户, 倍,
万元, 平方米, %, 岁, 年 …), optionally a range (150至200户, 6-8个, 25~30%, 150——200户, 70元-80元)
and a qualifier read from ``data/qualifiers.csv`` through `reportlib.qualifiers`, one of
`QUALIFIERS`: ``exact``; ``more_than`` (超过/逾/高于, 多/余 as in 3200多个: above the number);
``at_least`` (以上/及以上/不少于/至少: the number or more); ``about`` (约/近/左右);
``at_most`` (以下/及以下/以内/不超过/最多: the number or less); ``less_than`` (不足/不到/低于/少于:
below it). 以上 and 以下 include the number itself: 35岁以下 takes in 35, 3人以上 takes in 3.

Numbers are read as pages write them (`reportlib.numerals.normalize_numbers`, offsets kept):
full-width digits and ％, traditional script (3.5萬戶, 兩個, 1.2億元, 45歲; the measure words
are rows of ``data/units.csv``), one space before the unit (68 个, 68.94 %), 。 as a decimal
point between digits (4。5平方公里 → 4.5), figures glued together (9.9%14.8%, 20.4%36-60岁),
百分之三十, and fractions (1/3左右, 三分之一): a fraction has dimension and unit_norm ``fraction``
and its value is the share of one (1/3 → 0.333…, not 33.3 percent), its unit the written form
(/ or 分之). 没有一名/无一名/没有一个 + a noun and its predicate is a count of zero (exact);
没有一个相对固定的活动场所, with a 的 after it, is the article and no count.

A percentage after a verb of change (增长/提高/下降 …15%, 降幅达34.2%, and the rest of a 、-list
after 分别增长) is a growth rate, not a share: its dimension is ``percent_change``, not
``percent``. 提高到52.1% (a level reached) stays ``percent``.

What is *not* a statistic is masked before matching (`excluded_spans` says why): document
titles 《…》, years and dates (1959年, 6月18日至20日, __年10月, 2019/10/1), placeholders for a
withheld number (XX人, xx 个, ×××个, **个, X.X平方公里, 20XX年, 201x年, 〔...〕; counted by
`placeholder_spans`), years written doubled or as a range to themselves (20242024年, 2024-2024年),
ordinals (第一书记, 第17次), enumerations (一是, 二要), list markers ((一), 1、), codes with Latin
letters (S101户外 is a road, not 101 households),
fixed expressions from ``data/numeral_expressions.txt`` (三会一课, 三个代表, 铁人三项 …) and
counts of the text's own points (四个方面). A bare number without a unit is not a statistic.
一 with a measure word is read as the article "a" (一名共产党员), except after a noun at the
end of a clause (党委一个,) and in a duration (为期一年, dimension ``time``). Counts inside
parentheses (下属3个支部, 教职工3人) are statistics like any other.

``what`` is a reading aid found by rule, not a parse (`reportlib.counted.what_is_counted`).

>>> [(s.value, s.unit, s.qualifier) for s in extract_statistics("组建楼宇党组织3200多个。")]
[(3200.0, '个', 'more_than')]
>>> extract_statistics("坚持三会一课制度,一是抓班子。")
[]
"""

from __future__ import annotations

import csv
import dataclasses
import itertools
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import pandas as pd

from reportlib import checks
from reportlib import conventions as C
from reportlib.counted import what_is_counted
from reportlib.errors import ValueInvalidError
from reportlib.numerals import (
    ARABIC_FRACTION,
    CHINESE_FRACTION,
    HALF_FRACTION,
    MULTIPLIERS,
    NUMBER,
    neighbour_range,
    normalize_numbers,
    parse_decimal,
    parse_fraction,
)
from reportlib.qualifiers import QUALIFIERS, qualifier_alternation, qualifier_words

__all__ = [
    "MASK", "QUALIFIERS", "STATISTICS_COLUMNS", "Statistic", "excluded_spans", "extract_statistics",
    "load_fixed_expressions", "load_units", "mask_excluded", "placeholder_spans", "score_against_golden",
    "statistics_table", "write_tables",
]

#: Columns of `statistics_table`, in order.
STATISTICS_COLUMNS = [
    "stat_id", "report_id", "source", "line", "start", "end", "section_path", "surface",
    "value", "value_high", "unit", "unit_norm", "dimension", "qualifier", "what", "sentence",
]
MASK = "■"
#: Characters that stand for a number the page withheld (XX人, 20××年, **个, □□户).
PLACEHOLDER_CHARS = "xXｘＸ×*＊□○"

#: A numeral glued right after a unit (6个100, 七个百分百: a slogan): digits from 二, and 十百千.
_GLUED_NUMERAL = "[\\d" + C.CN_DIGITS.translate({ord(c): None for c in "零〇一"}) + "".join(C.CN_SMALL_UNITS) + "]"

_NEGATIVE_PATTERNS = {
    "title": r"《[^《》]*》",
    "placeholder_year": C.PLACEHOLDER_EVIDENCE.pattern + "年?",  # 20242024年, 2024-2024年: no statistic
    "year": rf"\d{{4}}\s*[-—–~至到]\s*\d{{4}}\s?年|\d{{4}}\s?年|{C.CN_DIGIT_CLASS}{{4}}年|〔\d{{4}}〕",
    "redacted_date": r"_{2,}年(?:\d{1,2}月(?:\d{1,2}日)?)?",
    "date": r"\d{1,2}\s?月(?:\s?\d{1,2}\s?日(?:\s*[至到\-—、]\s*\d{1,2}日)*)?"
            rf"|{C.CN_ONE_TO_TEN_CLASS}{{1,3}}月{C.CN_ONE_TO_TEN_CLASS}{{1,3}}日"
            r"|\d{4}[/／]\d{1,2}(?:[/／]\d{1,2})?|\d{1,2}[/／]\d{1,2}[/／]\d{2,4}",
    "ordinal": rf"第\s?[\d{C.CN_DIGITS}十百千]+",
    "enumeration": rf"(?<![\d{C.CN_NUMERAL_CHARS}]){C.CN_ONE_TO_TEN_CLASS}{{1,3}}[是要则来](?!\d)",
    "list_marker": rf"^\s*(?:[(（][{C.CN_ONE_TO_TEN}\d]{{1,3}}[)）]|{C.CN_ONE_TO_TEN_CLASS}{{1,3}}[、.．]"
                   rf"|\d{{1,2}}[、.．](?!\d))|[(（]{C.CN_ONE_TO_TEN_CLASS}{{1,3}}[)）]|[(（]\d{{1,2}}[)）]",
    "scrape_noise": r"\d+位用户关注",
    "generation": r"\d0后",
    "code": r"[A-Za-z]+-?\d+(?:\.\d+)?|\d+[A-Za-z]+",
    # “三个同步”, “两个维护”: a counted slogan in quotation marks names a policy, not a count
    # (“两支队伍”, “三周清零”)
    "slogan": rf"(?<=[“\"「『‘']){C.CN_SMALL_COUNT_CLASS}{{1,2}}[个個项項条條支张張件周天日户戶年]"
              rf"[\u4e00-\u9fff]{{1,4}}(?=[”\"」』’'])",
    # 经历了两个阶段: / 有以下三种情况: / 存在两个不容忽视的问题: an enumeration announced before a colon
    "announcement": rf"{C.CN_SMALL_COUNT_CLASS}{{1,2}}[个個种種类類条條](?:[^，。；,;:：\d]{{1,8}}的)?"
                    rf"[\u4e00-\u9fff]{{0,4}}(?=\s*[:：])",
    # 近两年来, 二十年来, 70余年来, 两年多过去: time-frame adverbials, not durations (the annotators
    # of the development set, six pages of seven)
    "time_frame": rf"近?[{C.CN_ONE_TO_TEN}两\d]{{1,3}}\s?[多余]?\s?年(?=来|以来|间)"
                  # 近百年党的历程, 百年来: a century of history
                  rf"|近百年|百年(?=来|以来)"
                  # 这十年: this decade
                  rf"|(?<=这)[{C.CN_ONE_TO_TEN}两百千\d]{{1,4}}\s?年"
                  rf"|[{C.CN_ONE_TO_TEN}两\d]{{1,2}}\s?年多(?=过去|過去)"
                  # 近两年, 过去的四年中, 40年前: when, not how long
                  rf"|(?<=近)[{C.CN_ONE_TO_TEN}两\d]{{1,2}}\s?年(?![\d级])"
                  rf"|(?<=过去)的?[{C.CN_ONE_TO_TEN}两\d]{{1,2}}\s?年|[{C.CN_ONE_TO_TEN}两\d]{{1,3}}\s?[多余]?\s?年前",
    # 十七届人大四次会议: the session of a congress, an ordinal
    "session": rf"[届][^，。；,;:\d]{{0,8}}?[{C.CN_ONE_TO_TEN}\d]{{1,3}}次(?=(?:全体)?(?:会议|全会|大会))",
    # 这两个比例, 这四个主体: a count of one numeral that points back at a short list just named
    # (这十二个村庄 counts the villages studied)
    "anaphora": rf"(?<=[这那哪]){C.CN_SMALL_COUNT_CLASS}[个個种種类類项項条條点]",
    # “一城两区三园”: a slogan of several numbered items in quotation marks
    "numbered_slogan": rf"(?<=[“\"「『‘'])(?:{C.CN_SMALL_COUNT_CLASS}{{1,2}}[\u4e00-\u9fff]{{1,3}}?){{2,}}"
                       r"(?=[”\"」』’'])",
    # 边境线四周, 村子四周: all around, not four weeks (为期四周, 四周内 stay durations)
    "surroundings": r"(?<![期时了过续用])四周(?!时间|内|后|以来|以上|左右|的时间)",
    # …调研报告7篇, 范文3篇: the size of a collection in a page's title
    "collection_size": r"(?<=报告|范文|汇编|合集|大全|精选|通用|实用)\s?\d{1,2}\s?篇",
    # 六七十年代, 90年代: a decade, not a duration
    "decade": rf"[{C.CN_ONE_TO_TEN}\d]{{1,3}}\s?年代",
    # 市直机关一支部、二支部: the name of a branch, not a count of teams
    "branch_name": rf"[{C.CN_ONE_TO_TEN}\d]{{1,2}}支(?=部)",
    # 二年级, 3年级: a school year, not a duration
    "school_year": rf"[{C.CN_ONE_TO_TEN}两\d]{{1,2}}\s?年级",
    # 每两周一次, 每3个月召开1次: the period of a rate (its count, 一次, is the statistic)
    "rate_period": rf"(?<=每)[{C.CN_ONE_TO_TEN}两\d]{{1,2}}\s?(?:个)?(?:周|星期|月|季度|年|天|日)"
                   rf"(?=\s?[\u4e00-\u9fff]{{0,3}}?[{C.CN_ONE_TO_TEN}两\d])",
    # ?012年: a year whose first digit the scrape lost
    "damaged_year": r"(?<![\d.])0\d{2}\s?年",
    # 某庄三里社区, 十里铺: a place name
    "place_li": rf"[{C.CN_ONE_TO_TEN}]里(?=社区|村|屯|街|河|庄|铺|桥|店|湾|坪|镇|乡|营)",
    # 守护八千里边关, 八百里河山: a distance of verse, not a measured one (30里 stays)
    "verse_distance": rf"(?<![\d{C.CN_NUMERAL_CHARS}])[{C.CN_ONE_TO_TEN}两]?[百千万]里(?![路程])",
    # 某巷25号1栋及2栋: building numbers of an address
    "address": r"(?<=[号號])\s?\d{1,3}\s?[栋棟幢](?:\s?[及和、]\s?\d{1,3}\s?[栋棟幢])*",
    # 三道沟村, 二道河子: a place name
    "place_name": rf"[{C.CN_ONE_TO_TEN}头]道(?=沟|溝|河|湾|灣|岭|嶺|梁|岔|营|營|区|區|江|街)",
    # 组织部二处, 组织二局五处副处长: the numbered division of an office, a name
    "office_division": rf"(?<=[局厅部委])[{C.CN_ONE_TO_TEN}\d]{{1,2}}[处處]",
    # 10/1起试行: a month and day with a slash before 起 (from), a date and no count of cases
    "slash_date": r"\d{1,2}\s?/\s?\d{1,2}(?=\s?(?:起|开始|以来))",
    # 二00九年: a year written in Chinese and Arabic digits at once
    "mixed_year": rf"[一二][0〇零][\d{C.CN_DIGITS}]{{2}}\s?年",
    # 一年多来, 20年内首次: when, not how long
    "time_frame_more": rf"[{C.CN_ONE_TO_TEN}两\d]{{1,3}}\s?年多(?=来|以来)|\d{{1,3}}\s?年内(?=首次|第一次)",
    # 1.2起草工作报告, 3起到作用: 起 opening a verb, no count of cases
    "qi_verb": r"\d+(?:\.\d+)*\s?(?=起(?:草|来|到|步|点|始|码|身|飞|源|伏|初|止|诉|航|床|用|见|居))",
    # “151人才工程”: a talent programme named by its numbers
    "talent_programme": r"\d+\s?(?=人才(?:工程|计划))",
    # 2021元旦: a year before New Year's Day (元旦), a date and no money
    "new_year": r"\d{4}\s?(?=元旦)",
    # 排在前两位: a rank, not a count of persons
    "rank": rf"(?<=前)[{C.CN_ONE_TO_TEN}两\d]{{1,2}}\s?(?=位|名)",
    # 以下四个难题, 如下三点: the text announces its own points
    "listed_points": rf"(?<=以下|如下){C.CN_SMALL_COUNT_CLASS}{{1,2}}[个項项条种类点方]",
}
#: Verbs that may stand between a prefix qualifier and its number (至少开展一次, 超过了330万).
_QUALIFIED_VERBS = "了|要|需要|需|有|达|达到|占|开展|召开|组织|举办|参加|培训|发展"
#: Words before a bare 百/千/万 that make it a rough number, with the qualifier they give
#: (上百 'in the hundreds' is read as about a hundred).
_ROUND_QUALIFIERS = {"将近": "about", "接近": "about", "近": "about", "上": "about", "逾": "more_than",
                     "超过": "more_than", "超過": "more_than", "超": "more_than"}
_ROUND_WORDS = "|".join(sorted(_ROUND_QUALIFIERS, key=len, reverse=True))
_ROUND_VALUES = {"百": 100.0, "千": 1000.0, "万": 10000.0, "亿": 100000000.0}
#: Range separators: 150至200户, 6-8个, 25~30%, 80—90人, 150——200户, and 、 between two single
#: digits (搬四、五次家; only neighbouring digits make a range, see `_span_and_values`).
_RANGE_SEPARATOR = (r"至|到|~|〜|-|–|—{1,2}|―{1,2}"
                    rf"|(?<={C.CN_LOW_DIGIT_CLASS})、(?={C.CN_HIGH_DIGIT_CLASS}(?!{C.CN_DIGIT_CLASS}|、))")
#: At most one space between a number and its multiplier or unit (68 个, 68.94 %, 1.3 万户).
_SPACE = r"[ \u00a0\u3000]?"
_NEGATION = re.compile(r"(?:并没有|並沒有|没有|沒有|并无|並無|未有|无|無)$")
_MODIFIER_AFTER = re.compile(r"[^，。；,;：:、]{0,10}的")
_ARTICLE_KEEP_BEFORE = re.compile(r"(?:为期|為期|历时|歷時|长达|長達|连续|連續|用了|用|经过|經過)$")
#: 每月一次, 每周一次, 每两周一次 (its period masked as rate_period): a frequency, so 一 is a count,
#: not the article.
_FREQUENCY_BEFORE = re.compile(rf"每(?:{re.escape(MASK)}+[\u4e00-\u9fff]{{0,3}}|[年季月周星期天日次人户村]{{1,2}})$")
#: A count with 万 or 亿 written in digits and no unit word (总人口36.03万, 205.7万(见表1), 40多万边民,
#: 从165万增长至290万, 1329万[1]): anything but more digits or letters may follow it.
_NOT_AFTER_MYRIAD = re.compile(r"\s?[\dA-Za-z.%]")
#: Units that count only after digits (21村); in words they point back or make a slogan (两村, 一村一品).
_DIGITS_ONLY_UNITS = frozenset({"村"})
_POST_NOMINAL_UNITS = {"个", "個", "名", "人", "家", "户", "戶", "所", "处", "處"}


@dataclass(frozen=True)
class Statistic:
    """One cited statistic in a string; `start`/`end` are character offsets into that string."""

    start: int
    end: int
    surface: str
    value: float
    value_high: float | None
    unit: str
    unit_norm: str
    dimension: str
    qualifier: str
    what: str
    sentence: str

    def to_dict(self) -> dict:
        """The record as a plain dict (the string-level columns of `statistics_table`)."""
        return dataclasses.asdict(self)


@lru_cache(maxsize=1)
def load_units() -> dict[str, tuple[str, str]]:
    """Units from ``data/units.csv``: unit as written → (unit_norm, dimension)."""
    text = resources.files("reportlib").joinpath("data/units.csv").read_text(encoding="utf-8")
    rows = [line for line in text.splitlines() if line.strip() and not line.startswith("#")]
    return {row["unit"]: (row["unit_norm"], row["dimension"]) for row in csv.DictReader(rows)}


@lru_cache(maxsize=1)
def load_fixed_expressions() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """``data/numeral_expressions.txt`` as (fixed expressions, counted nouns of enumerations)."""
    text = resources.files("reportlib").joinpath("data/numeral_expressions.txt").read_text(encoding="utf-8")
    lines = [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    fixed = tuple(sorted({ln for ln in lines if not ln.startswith("~")}, key=len, reverse=True))
    tails = tuple(sorted({ln[1:] for ln in lines if ln.startswith("~")}, key=len, reverse=True))
    return fixed, tails


#: Units that also end a place's name: XX县, ××市 mask a place, not a number.
_PLACE_NAME_UNITS = frozenset({"省", "县", "縣", "市"})


@lru_cache(maxsize=2)
def _unit_alternation(*, except_places: bool = False) -> str:
    """The units of ``data/units.csv`` as one alternation, longest first (百分之 is a number form);
    without `_PLACE_NAME_UNITS` when `except_places`."""
    units = [u for u in load_units() if u != "百分之" and not (except_places and u in _PLACE_NAME_UNITS)]
    return "|".join(re.escape(u) for u in sorted(units, key=len, reverse=True))


def _placeholder_pattern(unit_alt: str) -> str:
    """Placeholders standing for a number: a run of x/X/×/*/□ (with digits: 20XX, 201x; X.X;
    xx0余人) before a unit, 万/亿, 年/月/日 or %, and 〔…〕 holding only dots, spaces and such marks."""
    marks = re.escape(PLACEHOLDER_CHARS)
    run = (rf"(?<![A-Za-z])\d+\.?[{marks}]+(?:\.[{marks}\d]+|\d{{1,3}}(?=\s?年))?"
           rf"|(?<![A-Za-z\d])[{marks}]+(?:\.[{marks}\d]+|\d{{1,3}})?")
    bracket = rf"〔(?=[^〕]*[^\d〕])[\s.…。·\d{marks}]*〕|〔〕"
    return rf"(?:{run})(?={_SPACE}(?:余|多)?{_SPACE}(?:{unit_alt}|万|亿|年|月|日|%))|{bracket}"


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern]:
    """All regular expressions of the extractor, compiled once."""
    unit_alt = _unit_alternation()
    fixed, tails = load_fixed_expressions()
    negatives = dict(_NEGATIVE_PATTERNS)
    negatives["placeholder"] = _placeholder_pattern(_unit_alternation(except_places=True))
    negatives["fixed_expression"] = "|".join(re.escape(f) for f in fixed)
    negatives["enumerated_points"] = rf"{NUMBER}(?:{'|'.join(re.escape(t) for t in tails)})"
    infix, prefix = qualifier_alternation("infix"), qualifier_alternation("prefix")
    statistic = (
        rf"(?P<num>{NUMBER})(?:{_SPACE}(?P<mid>{infix}))?(?:{_SPACE}(?P<mult>万亿|亿|万))?{_SPACE}(?P<unit1>{unit_alt})?"
        rf"(?:\s*(?P<sep>{_RANGE_SEPARATOR})\s*(?P<num2>{NUMBER})(?P<mid2>{infix})?(?P<mult2>万亿|亿|万)?)?"
        rf"{_SPACE}(?P<unit>{unit_alt})?"
    )
    return {
        "negatives": {name: re.compile(rx, re.MULTILINE) for name, rx in negatives.items()},
        "statistic": re.compile(statistic),
        "fraction": re.compile(rf"{ARABIC_FRACTION}|{CHINESE_FRACTION}|{HALF_FRACTION}"),
        # 近万家, 上百只, 逾千人: a bare 百/千/万 after a word of rough size (not 成百上千, 成千上万)
        "round": re.compile(rf"(?<!成百)(?<!成千)(?P<word>{_ROUND_WORDS})(?P<num>[百千万亿])(?P<mid>{infix})?"
                            rf"{_SPACE}(?P<unit>{unit_alt})(?![来以])"),
        # 十几处, 二十几双: tens and some (not 几十 nor 几十几, which are vague)
        "some_tens": re.compile(rf"(?<![{C.CN_NUMERAL_CHARS}几])(?P<num>[{C.CN_ONE_TO_NINE}]?十)几"
                                rf"{_SPACE}(?P<unit>{unit_alt})"),
        # 半个月, 半個小時, 半年多: half a month, an hour or a year (not 上半年, a date, nor 每半年, a rate)
        "half_duration": re.compile(r"(?<![上下前后後每多大])半(?P<unit>[个個](?:月|小时|小時|钟头|鐘頭|世纪|世紀)"
                                    r"|年(?=多|以上|左右))"),
        # 不少于5人, 约有300名, 超过了330万, 至少要三五年, 至少开展一次: the qualifier, a verb between
        "prefix": re.compile(rf"(?<!最)(?<!附)({prefix})(?:[^，。；,;：:、\d{MASK}]{{0,5}}的|{_QUALIFIED_VERBS})?$"),
        "suffix": re.compile(qualifier_alternation("suffix")),
        "time_suffix": re.compile(qualifier_alternation("time_suffix")),
        "change_verb": re.compile(
            r"(?:(?:增长|增長|提高|提升|上升|增加|下降|降低|减少|減少|回落|下滑)了?"
            r"|(?:增幅|涨幅|漲幅|降幅|增速)(?:为|為|是|达|達)?)"
            rf"(?:达|{prefix})?$"),
        # 占党员总数的12.6。: a share whose % sign the scrape lost
        "bare_share": re.compile(r"占(?:[^，。；,;：:\d%]{0,12}?的)?(?P<num>\d{1,3}\.\d{1,2})"
                                 r"(?=\s*(?:[，。；,;)）]|$))"),
        "sentence_end": re.compile(r"[。！？；!?;]|(?<!\d)\.|\.(?!\d)"),
    }


def excluded_spans(text: str) -> list[tuple[int, int, str]]:
    """Spans of `text` that hold numbers but no statistic, as (start, end, reason), sorted.

    Reasons: title, placeholder_year, year, redacted_date, date, ordinal, enumeration,
    list_marker, scrape_noise, generation, code (S101, 5A), placeholder (XX人, 20XX年, 〔…〕),
    fixed_expression, enumerated_points.

    >>> excluded_spans("选派第一书记")
    [(2, 4, 'ordinal')]
    """
    normal = normalize_numbers(text)
    spans = []
    for reason, pattern in _patterns()["negatives"].items():
        spans.extend((m.start(), m.end(), reason) for m in pattern.finditer(normal) if m.end() > m.start())
    return sorted(spans)


def placeholder_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each placeholder in `text` that stands for a withheld number: XX人,
    xx 个, ×××个, **个, X.X平方公里, 20XX年, 201x年, 〔...〕. None of them is a statistic.

    >>> placeholder_spans("共有党员XX人,其中正式党员30人")
    [(4, 6)]
    """
    return [(start, end) for start, end, reason in excluded_spans(text) if reason == "placeholder"]


def mask_excluded(text: str, *, body_offset: int = 0) -> str:
    """`text` with numbers normalised (`reportlib.numerals.normalize_numbers`) and every excluded
    span (and text before `body_offset`) masked.

    The result has the same length as `text`, so offsets carry over.
    """
    chars = list(normalize_numbers(text))
    for start, end, _reason in excluded_spans(text):
        chars[start:end] = MASK * (end - start)
    chars[:body_offset] = MASK * min(body_offset, len(chars))
    return "".join(chars)


def _qualifier(masked: str, start: int, infix: str | None, suffix: str | None) -> str:
    """The qualifier from the words before the number, a suffix (以上, 左右) or an infix (多/余),
    as ``data/qualifiers.csv`` names it."""
    prefix = _patterns()["prefix"].search(masked[max(0, start - 12):start])
    if prefix:
        return qualifier_words("prefix")[prefix.group(1)]
    if suffix:
        return qualifier_words("suffix").get(suffix) or qualifier_words("time_suffix")[suffix]
    return qualifier_words("infix")[infix] if infix else "exact"


def _sentence(text: str, start: int) -> str:
    """The sentence of `text` that contains offset `start` (。！？；, and '.' not between digits)."""
    begin, stop = 0, len(text)
    for match in _patterns()["sentence_end"].finditer(normalize_numbers(text)):
        if match.end() <= start:
            begin = match.end()
        else:
            stop = match.end()
            break
    return text[begin:stop].strip()


def _unit_span(match: re.Match, *, ranged: bool = True) -> tuple[str, int, str | None, str | None] | None:
    """(unit, end of unit, high number, its 多/余) for a match, or None if it has no unit;
    with `ranged` False, the low number alone."""
    unit1, unit, num2 = match.group("unit1"), match.group("unit"), match.group("num2")
    if ranged and num2 and unit and unit1 in (None, unit):
        return unit, match.end("unit"), num2, match.group("mid2")
    if ranged and num2 and not unit and not unit1 and match.group("num").startswith("百分之"):
        return "百分之", match.end("num2"), num2, match.group("mid2")
    if ranged and num2 and not unit and not unit1 and \
            all(re.search(r"\d\s?(?:万|亿|萬|億)$", n) for n in (match.group("num"), num2)):
        return "", match.end("num2"), num2, match.group("mid2")  # 1000万至1100万: a range in 万, no unit word
    if unit1:
        return unit1, match.end("unit1"), None, None
    if unit and not num2:
        return unit, match.end("unit"), None, None
    if match.group("num").startswith("百分之"):
        return "百分之", match.end("num"), None, None
    written = match.string[match.start("num"):match.end()]
    if not num2 and re.search(r"\d\s?(?:多|余|餘)?\s?(?:万|亿|萬|億)$", written) and \
            not _NOT_AFTER_MYRIAD.match(match.string, match.end()):
        return "", match.end(), None, None  # 总人口36.03万, : a count with 万 and no unit word
    return None


def _values(match: re.Match, num2: str | None) -> tuple[float, float | None]:
    """(value, value_high) of a match; 2-3万 applies 万 to both ends, 360多万 multiplies after 多;
    two neighbouring digits (两三个, 三四十人) are a range."""
    scale = MULTIPLIERS.get(match.group("mult") or "", 1)
    if not num2 and (rough := neighbour_range(match.group("num"))):
        return float(rough[0] * scale), float(rough[1] * scale)  # 两三个, 三四十人
    low = parse_decimal(match.group("num")) * scale
    if not num2:
        return float(low), None
    high = parse_decimal(num2) * MULTIPLIERS.get(match.group("mult2") or "", 1)
    multiplier = num2[-2:] if num2.endswith("万亿") else num2[-1]
    if multiplier in MULTIPLIERS and not re.search("[万亿]", match.group("num")):
        low *= MULTIPLIERS[multiplier]
    return float(low), float(high)


def _span_and_values(match: re.Match) -> tuple[str, int, str | None, float, float | None] | None:
    """(unit, end of unit, 多/余 of the high end, value, value_high) of a match, or None without
    a unit. A 'range' whose high end is below its low end (30人——20人) is the low number alone."""
    span = _unit_span(match)
    if span is None:
        return None
    low, high = _values(match, span[2])
    if high is not None and (high < low or (match.group("sep") == "、" and high != low + 1)):
        span = _unit_span(match, ranged=False)
        if span is None:
            return None
        low, high = _values(match, None)
    return span[0], span[1], span[3], low, high


def _is_article(text: str, num: str, unit: str, unit_end: int, qualifier: str, dimension: str,
                start: int) -> bool:
    """True for 一 used as the article 'a' (一名共产党员, 一次), not as a count of one."""
    if num != "一" or qualifier != "exact" or unit.startswith(("个半", "個半")):
        return False
    if _FREQUENCY_BEFORE.search(text[:start]):
        return False
    if dimension == "time":
        return not _ARTICLE_KEEP_BEFORE.search(text[:start])
    follows = text[unit_end:unit_end + 1]
    return unit not in _POST_NOMINAL_UNITS or follows not in ("", *"，。；,;、")


def _not_a_count(masked: str, start: int, num: str, unit_key: str, unit_end: int) -> bool:
    """几十个 (vague) and 6个100, 七个百分百 (slogans counting a number) are no statistics, nor
    are villages counted in words without a measure word (两村之间: the two just named);
    a percentage glued to the next figure (20.4%36-60岁) is one, and so is a count glued to
    another count with its unit (5镇4乡), and so is a count before a level (7个二级学院)."""
    if start > 0 and masked[start - 1] in "几数幾數" and num[0] in "十百千":
        return True
    if unit_key in _DIGITS_ONLY_UNITS and not num[:1].isdigit():
        return True  # 两村之间, 一村一品: villages named before, a slogan
    glued = re.match(_GLUED_NUMERAL, masked[unit_end:unit_end + 1]) and masked[unit_end + 1:unit_end + 2] != "级"
    return bool(glued) and load_units()[unit_key][0] != "percent" and not _next_count(masked, unit_end)


def _next_count(masked: str, end: int) -> bool:
    """A count follows with its own unit (辖5镇4乡, 五大项30小项): a list of counts, not a slogan."""
    infix = qualifier_alternation("infix")
    following = re.match(rf"{NUMBER}(?:{infix})?{_SPACE}(?:万|亿)?{_SPACE}({_unit_alternation()})", masked[end:])
    return following is not None and load_units()[following.group(1)][0] != "percent"


def _negation(masked: str, start: int, num: str, qualifier: str, unit_end: int) -> re.Match | None:
    """The 没有/无 that makes 一 with a measure word a count of zero (没有一名党员掉队), or None.

    A 的 later in the clause marks the article instead: 没有一个相对固定的活动场所 (no fixed venue)
    describes what is lacking, it counts nothing."""
    if num != "一" or qualifier != "exact" or _MODIFIER_AFTER.match(masked, unit_end):
        return None
    return _NEGATION.search(masked[:start])


def _statistic(text: str, normal: str, start: int, end: int, *, value: float, unit: str, unit_norm: str,
               dimension: str, qualifier: str, value_high: float | None = None, floor: int = 0) -> Statistic:
    """The `Statistic` of ``text[start:end]``: its surface, what it counts and its sentence read
    from the span, the rest as given."""
    return Statistic(
        start=start, end=end, surface=text[start:end], value=value, value_high=value_high, unit=unit,
        unit_norm=unit_norm, dimension=dimension, qualifier=qualifier,
        what=what_is_counted(normal, start, end, dimension=dimension, floor=floor),
        sentence=_sentence(text, start),
    )


def _record(text: str, masked: str, normal: str, match: re.Match, floor: int) -> Statistic | None:
    """The statistic of one regex match, or None when it is not one (no unit, article 一).

    没有一名/无一个 (the negation before the article 一) is a count of zero."""
    try:
        reading = _span_and_values(match)
    except ValueInvalidError:  # not a well-formed numeral (一万一千三百万): no statistic, no crash
        return None
    if reading is None:
        return None
    unit_key, unit_end, mid2, low, high = reading
    if unit_key.startswith("个半") or unit_key.startswith("個半"):
        low += 0.5  # 一个半小时: one and a half hours
    start, num = match.start("num"), match.group("num")
    if _not_a_count(masked, start, num, unit_key, unit_end):
        return None
    unit_norm, dimension = load_units()[unit_key] if unit_key else ("", "count")
    suffix = _patterns()["suffix"].match(masked, unit_end)
    if suffix is None and dimension == "time":
        suffix = _patterns()["time_suffix"].match(masked, unit_end)
    end = suffix.end() if suffix else unit_end
    qualifier = _qualifier(masked, start, match.group("mid") or mid2, suffix.group(0) if suffix else None)
    if unit_norm == "percent" and _patterns()["change_verb"].search(masked[:start]):
        dimension = "percent_change"
    negation = _negation(masked, start, num, qualifier, unit_end)
    if negation:
        start, low = negation.start(), 0.0
    elif high is None and _is_article(masked, num, unit_key, unit_end, qualifier, dimension, start):
        return None
    unit = text[unit_end - len(unit_key):unit_end] if unit_key != "百分之" else text[start:start + 3]
    return _statistic(text, normal, start, end, value=low, value_high=high, unit=unit, unit_norm=unit_norm,
                      dimension=dimension, qualifier=qualifier, floor=floor)


def _fractions(text: str, masked: str, normal: str) -> list[Statistic]:
    """The fractions of `text` (1/3左右, 约三分之一, 一半以上): dimension and unit_norm ``fraction``,
    the value as a share of one (1/3 → 0.333…), unit as written (/, 分之, or 一半 / 半数 itself)."""
    out = []
    for match in _patterns()["fraction"].finditer(masked):
        try:
            value = parse_fraction(match.group(0))
        except ValueInvalidError:
            continue  # 10/1 is no proper fraction
        start = match.start()
        suffix = _patterns()["suffix"].match(masked, match.end())
        end = suffix.end() if suffix else match.end()
        unit = "分之" if match.group("denom_cn") else text[start:match.end()] if match.group("half") else \
            next(ch for ch in text[start:match.end()] if ch in "/／\\")
        out.append(_statistic(
            text, normal, start, end, value=float(value), unit=unit, unit_norm="fraction", dimension="fraction",
            qualifier=_qualifier(masked, start, None, suffix.group(0) if suffix else None)))
    return out


def _round_numbers(text: str, masked: str, normal: str) -> list[Statistic]:
    """Rough numbers written as a bare 百/千/万 after 近, 上, 逾 (近万家, 上百只, 逾千人): the value is
    a hundred, a thousand or ten thousand; 近/上 give ``about``, 逾/超过 ``more_than``, and 多/余
    after the number ``more_than``.  近百年来 (a time frame) and 成千上万 (an idiom) are none."""
    return [_statistic(text, normal, start, end, value=_ROUND_VALUES[match.group("num")], unit=unit,
                       unit_norm=unit_norm, dimension=dimension,
                       qualifier="more_than" if match.group("mid") else _ROUND_QUALIFIERS[match.group("word")])
            for match, start, end, unit, unit_norm, dimension in _rough_matches("round", text, masked)]


def _some_tens(text: str, masked: str, normal: str) -> list[Statistic]:
    """Tens and some in words (十几处, 二十几双鞋): more than the round ten (10, 20) of the unit;
    十几年来 (a time frame) is none."""
    return [_statistic(text, normal, start, end, value=float(parse_decimal(match.group("num"))), unit=unit,
                       unit_norm=unit_norm, dimension=dimension, qualifier="more_than")
            for match, start, end, unit, unit_norm, dimension in _rough_matches("some_tens", text, masked)]


def _rough_matches(pattern: str, text: str, masked: str):
    """(match, start, end, unit as written, unit_norm, dimension) of each match of a rough-number
    pattern with its unit group, leaving out a time frame (近百年来, 十几年以来)."""
    for match in _patterns()[pattern].finditer(masked):
        unit_key = match.group("unit")
        unit_norm, dimension = load_units()[unit_key]
        start, end = match.start("num"), match.end("unit")
        if dimension == "time" and masked[end:end + 1] in ("来", "以"):
            continue
        yield match, start, end, text[end - len(unit_key):end], unit_norm, dimension


def _half_durations(text: str, masked: str, normal: str) -> list[Statistic]:
    """Half a month, an hour or a year in words (利用半个月左右时间, 半个小时, 半年多): the value 0.5 of
    its unit."""
    out = []
    for match in _patterns()["half_duration"].finditer(masked):
        start, end = match.span()
        unit_key = next((u for u in (match.group("unit"), match.group("unit")[1:]) if u in load_units()), "")
        if not unit_key:
            continue
        unit_norm, dimension = load_units()[unit_key]
        suffix = _patterns()["suffix"].match(masked, end) or _patterns()["time_suffix"].match(masked, end)
        end = suffix.end() if suffix else end
        out.append(_statistic(
            text, normal, start, end, value=0.5, unit=unit_key, unit_norm=unit_norm, dimension=dimension,
            qualifier=_qualifier(masked, start, None, suffix.group(0) if suffix else None)))
    return out


def _bare_shares(text: str, masked: str, normal: str) -> list[Statistic]:
    """A decimal after 占…的 that ends its clause with no unit (占全镇党员总数的12.6。): a share
    whose % sign the scrape lost.  Its unit is empty, as written; it is read as a percentage."""
    out = []
    for match in _patterns()["bare_share"].finditer(masked):
        start, end = match.span("num")
        out.append(_statistic(text, normal, start, end, value=float(match.group("num")), unit="",
                              unit_norm="percent", dimension="percent", qualifier="exact"))
    return out


def _blank(masked: str, stats: list[Statistic]) -> str:
    """`masked` with the spans of `stats` masked, so that no other reading takes their digits."""
    chars = list(masked)
    for stat in stats:
        chars[stat.start:stat.end] = MASK * (stat.end - stat.start)
    return "".join(chars)


def extract_statistics(text: str, *, body_offset: int = 0) -> list[Statistic]:
    """Every cited statistic in `text`, in order, with offsets into `text`.

    `body_offset` skips a list marker or heading at the start of the line (the parser's
    ``body_offset`` column): nothing before it is read as a statistic.  White space between two
    Chinese characters (a pinyin gloss masked in the normalised view, 兩個    小時; a lost quote
    mark) is read as absent, so it splits no number from its unit; offsets still point into
    `text`, and a surface spans the gloss.

    Each `Statistic` has start, end, surface, value, value_high (None unless a range), unit
    (as written), unit_norm, dimension (count, money, area, percent, percent_change, ratio, age,
    time, length, mass, fraction), qualifier (one of `QUALIFIERS`), what and sentence.

    >>> [(s.surface, s.value, s.value_high) for s in extract_statistics("每150至200户配备1名专职党群工作者")]
    [('150至200户', 150.0, 200.0), ('1名', 1.0, None)]
    >>> extract_statistics("全市共有１.３万户企业")[0].value
    13000.0
    >>> [(s.surface, s.value) for s in extract_statistics("时长为一个    半小时")]
    [('一个    半小时', 1.5)]
    """
    positions = [m.span() for m in C.SPACE_BETWEEN_HANZI.finditer(text)]
    if not positions:
        return _extract_statistics(text, body_offset=body_offset)
    kept = [i for i in range(len(text)) if not any(a <= i < b for a, b in positions)]
    compact = "".join(text[i] for i in kept)
    floor = sum(i < body_offset for i in kept)
    out = []
    for stat in _extract_statistics(compact, body_offset=floor):
        start, end = kept[stat.start], kept[stat.end - 1] + 1
        out.append(dataclasses.replace(stat, start=start, end=end, surface=text[start:end],
                                       sentence=_sentence(text, start)))
    return out


def _extract_statistics(text: str, *, body_offset: int = 0) -> list[Statistic]:
    masked = mask_excluded(text, body_offset=body_offset)
    normal = normalize_numbers(text)
    fractions = _fractions(text, masked, normal)
    fractions += _round_numbers(text, _blank(masked, fractions), normal)
    fractions += _bare_shares(text, _blank(masked, fractions), normal)
    fractions += _half_durations(text, _blank(masked, fractions), normal)
    fractions += _some_tens(text, _blank(masked, fractions), normal)
    masked = _blank(masked, fractions)
    records: list[Statistic] = []
    pos = 0
    while match := _patterns()["statistic"].search(masked, pos):
        record = _record(text, masked, normal, match, records[-1].end if records else 0)
        pos = record.end if record else match.end("num")
        if record is None:
            continue
        if (records and records[-1].dimension == "percent_change" and record.unit_norm == "percent"
                and masked[records[-1].end:record.start] in ("、", "和", "及")):
            record = dataclasses.replace(record, dimension="percent_change")  # 分别增长6.8%、12.3%
        records.append(record)
    return sorted(records + fractions, key=lambda stat: stat.start)


def _paragraph_statistics(row, sentences: list[tuple[int, int, str]],
                          line_ends: list[tuple[int, int]] | None = None) -> list[dict]:
    """Statistics of one paragraph row with provenance columns.

    The extractor reads the paragraph's normalised view (``norm``: half-width, simplified,
    placeholders marked) where the table has one; ``surface`` is the original text at the same
    offsets, as the source writes it.  `line_ends` gives, for a hard-wrapped paragraph, each of
    its lines' (number, end offset in the joined text), so a statistic gets the line it stands on.
    """
    view = getattr(row, "norm", None) or row.text
    out = []
    # a heading's and a title's own words are read too (一、全县有党员3000名; 据抽样统计40家企业,情况如下:;
    # ——对全国31个省252个村的调查)
    heading = getattr(row, "kind", "body") in ("heading", "title")
    offset = getattr(row, "content_offset", row.body_offset) if heading else row.body_offset
    for stat in extract_statistics(view, body_offset=int(offset)):
        record = stat.to_dict()
        line = next((number for number, end in line_ends if stat.start < end), int(row.line)) \
            if line_ends else int(row.line)
        record.update(stat_id=f"{row.paragraph_id}-C{stat.start:04d}", report_id=row.report_id,
                      source=row.source, line=line, section_path=row.section_path,
                      surface=row.text[stat.start:stat.end])
        hit = next((text for start, end, text in sentences if start <= stat.start < end), None)
        if hit is not None:
            record["sentence"] = hit
        out.append(record)
    return out


def statistics_table(corpus) -> pd.DataFrame:
    """Every statistic cited in the corpus paragraphs, one row each, with its provenance.

    Reads each paragraph's normalised view from its ``body_offset``, and a heading's or a title's
    from its ``content_offset`` (the list marker holds no statistic, the heading's words may: 1.受访
    学生中有312位女性;, and so may a title: 基于140个边境县的调查). Duplicated reports are kept;
    call ``corpus.drop_duplicates()`` first to leave them out.

    Columns: stat_id (``<paragraph_id>-C<offset>``: the report id, the line and the character
    offset, so an id never changes when other numbers or files are added), report_id, source,
    line (1-based line of the source file that holds the number: the paragraph's first line, or
    for a hard-wrapped paragraph the line the number stands on), start, end (character
    offsets in the paragraph's text), section_path, surface (the number, its 多/余, unit and
    qualifier words as the source writes them), value, value_high (the upper end of a range,
    else NaN), unit, unit_norm, dimension (count, money, area, percent, percent_change, ratio,
    fraction, age, time, length, mass), qualifier (see `reportlib.qualifiers`), what (short
    phrase of what is counted), sentence (the parser's sentence holding the statistic).
    """
    from .errors import require_frame

    require_frame(getattr(corpus, "paragraphs", None), "corpus.paragraphs",
                  ("paragraph_id", "report_id", "source", "line", "body_offset", "section_path", "text"))
    sentences: dict[str, list[tuple[int, int, str]]] = {}
    if len(corpus.sentences):
        for pid, start, end, text in corpus.sentences[["paragraph_id", "start", "end", "text"]].itertuples(
                index=False, name=None):
            sentences.setdefault(pid, []).append((int(start), int(end), text))
    texts = _wrapped_line_texts(corpus)
    records: list[dict] = []
    for row in corpus.paragraphs.itertuples(index=False):
        records.extend(_paragraph_statistics(row, sentences.get(row.paragraph_id, []),
                                             _line_ends(row, texts)))
    table = pd.DataFrame(records, columns=STATISTICS_COLUMNS)
    table["value_high"] = table["value_high"].astype(float)
    return table.reset_index(drop=True)


def _wrapped_line_texts(corpus) -> dict[tuple[str, int], str]:
    """(source, line) → text of the lines of hard-wrapped paragraphs (from ``corpus.lines``)."""
    paragraphs, lines = corpus.paragraphs, getattr(corpus, "lines", None)
    if lines is None or not len(lines) or "end_line" not in paragraphs:
        return {}
    wrapped = paragraphs[paragraphs["end_line"] > paragraphs["line"]]
    wanted = {(source, n) for source, first, last in wrapped[["source", "line", "end_line"]].itertuples(
        index=False, name=None) for n in range(int(first), int(last) + 1)}
    return {(source, int(n)): text for source, n, text in lines[["source", "line", "text"]].itertuples(
        index=False, name=None) if (source, int(n)) in wanted}


def _line_ends(row, texts: dict[tuple[str, int], str]) -> list[tuple[int, int]] | None:
    """(line number, end offset in the paragraph's text) of each line of a hard-wrapped paragraph
    (its lines joined without separator); None for a one-line paragraph."""
    end_line = int(getattr(row, "end_line", row.line))
    if end_line == int(row.line) or not texts:
        return None
    numbers = range(int(row.line), end_line + 1)
    ends = itertools.accumulate(len(texts.get((row.source, n), "")) for n in numbers)
    return list(zip(numbers, ends))


def write_tables(corpus, outdir: str | Path) -> list[Path]:
    """Write ``statistics.csv`` and ``checks.csv`` (UTF-8, columns of `statistics_table` and
    `reportlib.checks.checks_table`) into `outdir`, created if needed; return the two paths."""
    outdir = Path(outdir)
    outdir.mkdir(parents=True, exist_ok=True)
    statistics = statistics_table(corpus)
    paths = [outdir / "statistics.csv", outdir / "checks.csv"]
    statistics.to_csv(paths[0], index=False, encoding="utf-8", lineterminator="\n")
    checks.checks_table(statistics, corpus.paragraphs).to_csv(
        paths[1], index=False, encoding="utf-8", lineterminator="\n")
    return paths


def _what_agrees(predicted: str, golden: str) -> bool:
    """A golden `what` agrees when it is empty or one phrase contains the other."""
    return not golden or (bool(predicted) and (golden in predicted or predicted in golden))


def score_against_golden(table: pd.DataFrame, golden: pd.DataFrame) -> dict[str, float]:
    """Precision and recall of `table` (from `statistics_table`) against a hand-checked table.

    `golden` has columns report_id, line, surface, value, value_high, unit, qualifier, what.
    A prediction matches a golden row with the same report_id, line and surface (each golden
    row matches at most once). Returns n_golden, n_predicted, n_matched, precision, recall,
    and among matched rows the share with the same value and value_high (values_agree),
    unit and qualifier (unit_qualifier_agree) and an agreeing `what` (what_agree).
    """
    pool: dict[tuple, list] = {}
    for row in table.itertuples(index=False):
        pool.setdefault((row.report_id, int(row.line), row.surface), []).append(row)
    matched = []
    for gold in golden.itertuples(index=False):
        candidates = pool.get((gold.report_id, int(gold.line), gold.surface))
        if candidates:
            matched.append((gold, candidates.pop(0)))

    def same(a: float, b: float) -> bool:
        return (pd.isna(a) and pd.isna(b)) or a == b

    n = len(matched)
    share = (lambda hits: hits / n if n else 0.0)
    return {
        "n_golden": len(golden), "n_predicted": len(table), "n_matched": n,
        "precision": n / len(table) if len(table) else 0.0,
        "recall": n / len(golden) if len(golden) else 0.0,
        "values_agree": share(sum(same(g.value, p.value) and same(g.value_high, p.value_high) for g, p in matched)),
        "unit_qualifier_agree": share(sum(g.unit == p.unit and g.qualifier == p.qualifier for g, p in matched)),
        "what_agree": share(sum(_what_agrees(p.what, "" if pd.isna(g.what) else g.what) for g, p in matched)),
    }
