"""The statistics the reports cite: value, unit, qualifier, what is counted, and where.

A statistic is a number with a unit or measure word from ``data/units.csv`` (个, 名, 人, 户, 倍,
万元, 平方米, %, 岁, 年 …), optionally a range (150至200户, 6-8个, 25-30%, 70元-80元) and a
qualifier (多/余/以上/超过/逾 → ``more_than``, 不少于/不低于/及以上 → ``at_least``,
约/近/左右 → ``about``, 不超过/不足/以内/以下 → ``up_to``, otherwise ``exact``).

The qualifier names follow the issue that specified them, not a ruling on Chinese usage: in
Chinese (and in legal usage) 以上 and 以下 usually *include* the number itself (35岁以下 takes in
35), so ``more_than`` from 以上 means "the number or more" and ``up_to`` from 以下/以内 "the
number or less"; only 超过/逾/多/余 and 不足 are strict. Read the qualifier as the category the
text's word falls in, and the checks treat every bound as inclusive.

A percentage after a verb of change (增长/提高/下降 …15%, 降幅达34.2%, and the rest of a 、-list
after 分别增长) is a growth rate, not a share: its dimension is ``percent_change``, not
``percent``. 提高到52.1% (a level reached) stays ``percent``.

What is *not* a statistic is masked before matching (`excluded_spans` says why): document
titles 《…》, years and dates (1959年, 6月18日至20日, __年10月), the scrape's placeholder
years (2024年, 20242024年, 2024-2024年), ordinals (第一书记, 第17次), enumerations (一是, 二要),
list markers ((一), 1、), codes with Latin letters (S101户外 is a road, not 101 households),
fixed expressions from ``data/numeral_expressions.txt`` (三会一课, 三个代表, 铁人三项 …) and
counts of the text's own points (四个方面). A bare number without a unit is not a statistic.
一 with a measure word is read as the article "a" (一名共产党员), except after a noun at the
end of a clause (党委一个,) and in a duration (为期一年, dimension ``time``). Counts inside
parentheses (下属3个支部, 教职工3人) are statistics like any other.

``what`` is a reading aid found by rule, not a parse: the noun right after a count (a lone
localizer such as 外 in 不足3人外 does not count), else the phrase before the number in its
clause, with leading verbs and trailing 为/达到/… removed. A long phrase is cut to its head:
after its last 的, then at a word boundary of the project's jieba tokenizer, never inside a
word. Limits: the rule has no grammar, so a noun run into its verb (建档立卡贫困村脱贫致富 for
77个, where 贫困村 is meant) or a subject kept with its noun (街道有非公企业家得福党委) remains.

>>> [(s.value, s.unit, s.qualifier) for s in extract_statistics("组建楼宇党组织3200多个。")]
[(3200.0, '个', 'more_than')]
>>> extract_statistics("坚持三会一课制度,一是抓班子。")
[]
"""

from __future__ import annotations

import csv
import dataclasses
import re
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources
from pathlib import Path

import pandas as pd

from reportlib import checks
from reportlib.numerals import MULTIPLIERS, NUMBER, parse_decimal, to_halfwidth_digits

#: Columns of `statistics_table`, in order.
STATISTICS_COLUMNS = [
    "stat_id", "report_id", "source", "line", "start", "end", "section_path", "surface",
    "value", "value_high", "unit", "unit_norm", "dimension", "qualifier", "what", "sentence",
]
QUALIFIERS = ("exact", "more_than", "at_least", "about", "up_to")
MASK = "■"

_PREFIX_QUALIFIERS = {
    "约": "about", "大约": "about", "近": "about", "将近": "about", "接近": "about",
    "超过": "more_than", "超": "more_than", "逾": "more_than", "多于": "more_than", "高于": "more_than",
    "不少于": "at_least", "不低于": "at_least", "至少": "at_least",
    "不超过": "up_to", "不足": "up_to", "不到": "up_to", "最多": "up_to", "少于": "up_to",
    "低于": "up_to",
}
_SUFFIX_QUALIFIERS = {
    "及以上": "at_least", "以上": "more_than", "及以下": "up_to", "以下": "up_to",
    "以内": "up_to", "左右": "about",
}
_NEGATIVE_PATTERNS = {
    "title": r"《[^《》]*》",
    "placeholder_year": r"(\d{4})(?:\1)+年?|(\d{4})\s*[-—–~至到]\s*\2年|2024年",
    "year": r"\d{4}\s*[-—–~至到]\s*\d{4}年|\d{4}年|[〇零一二三四五六七八九]{4}年",
    "redacted_date": r"_{2,}年(?:\d{1,2}月(?:\d{1,2}日)?)?",
    "date": r"\d{1,2}月(?:\d{1,2}日(?:\s*[至到\-—、]\s*\d{1,2}日)*)?"
            r"|[一二三四五六七八九十]{1,3}月[一二三四五六七八九十]{1,3}日",
    "ordinal": r"第[\d零〇一二两三四五六七八九十百千]+",
    "enumeration": r"(?<![\d零〇一二两三四五六七八九十百千万亿])[一二三四五六七八九十]{1,3}[是要则来](?!\d)",
    "list_marker": r"^\s*(?:[(（][一二三四五六七八九十\d]{1,3}[)）]|[一二三四五六七八九十]{1,3}[、.．]"
                   r"|\d{1,2}[、.．](?!\d))|[(（][一二三四五六七八九十]{1,3}[)）]|[(（]\d{1,2}[)）]",
    "scrape_noise": r"\d+位用户关注",
    "generation": r"\d0后",
    "code": r"[A-Za-z]+-?\d+(?:\.\d+)?|\d+[A-Za-z]+",
}
_CHANGE_VERB = re.compile(
    r"(?:(?:增长|提高|提升|上升|增加|下降|降低|减少|回落|下滑)了?|(?:增幅|涨幅|降幅|增速)(?:为|是|达)?)"
    r"(?:约|近|达|超过|超|逾)?$"
)
_ARTICLE_KEEP_BEFORE = re.compile(r"(?:为期|历时|长达|连续|用了|用|经过)$")
_STOP_CHARS = set("，。；：、,;:!?！？()（）“”\"'‘’《》<>〈〉【】[]■ \t.") | {MASK}
_QUOTES = set("“”‘’\"'")
_LOCALIZERS = set("外内中后前上下里间旁")
_NOUN_MAX, _PHRASE_MAX = 12, 16
_POST_NOMINAL_UNITS = {"个", "名", "人", "家", "户", "所", "处"}
_CUT_WORDS = (
    "纳入", "实行", "建成", "结成", "发放", "覆盖", "进行", "达到", "已", "因", "被", "组成",
    "成为", "参加", "实现", "均", "全部", "的", "和", "与", "及", "等", "是", "在", "到", "对",
    "将", "从", "向", "由", "占", "较", "比", "不", "作为", "即", "应", "充分", "扩大",
)
_LEAD_VERBS = re.compile(
    r".*(?:共有|现有|建有|设有|共建立|建立|组建|成立|覆盖|选聘|选派|投入|拿出|安排|发放|培育|"
    r"形成|抽调|组成|下属|制定|落实|配备|建成|表明|共|占|其中)"
)
_DATE_IN_PHRASE = re.compile(r"(?:_{2,}|\d{4})年(?:\d{1,2}月)?(?:\d{1,2}日)?")
_TRAILING_WORDS = re.compile(
    r"(?:为|达到|高达|达|共有|共|约|大约|近|将近|有|是|占|提高到|提高|增加到|增加了|扩大到|"
    r"增加|不少于|不低于|不超过|不足|超过|逾|至少|各|每|的)+$"
)


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
    return {row["unit"]: (row["unit_norm"], row["dimension"]) for row in csv.DictReader(text.splitlines())}


@lru_cache(maxsize=1)
def load_fixed_expressions() -> tuple[tuple[str, ...], tuple[str, ...]]:
    """``data/numeral_expressions.txt`` as (fixed expressions, counted nouns of enumerations)."""
    text = resources.files("reportlib").joinpath("data/numeral_expressions.txt").read_text(encoding="utf-8")
    lines = [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    fixed = tuple(sorted({ln for ln in lines if not ln.startswith("~")}, key=len, reverse=True))
    tails = tuple(sorted({ln[1:] for ln in lines if ln.startswith("~")}, key=len, reverse=True))
    return fixed, tails


@lru_cache(maxsize=1)
def _patterns() -> dict[str, re.Pattern]:
    """All regular expressions of the extractor, compiled once."""
    units = [u for u in load_units() if u != "百分之"]
    unit_alt = "|".join(re.escape(u) for u in sorted(units, key=len, reverse=True))
    fixed, tails = load_fixed_expressions()
    negatives = dict(_NEGATIVE_PATTERNS)
    negatives["fixed_expression"] = "|".join(re.escape(f) for f in fixed)
    negatives["enumerated_points"] = rf"{NUMBER}(?:{'|'.join(re.escape(t) for t in tails)})"
    suffix_alt = "|".join(sorted(_SUFFIX_QUALIFIERS, key=len, reverse=True))
    statistic = (
        rf"(?P<num>{NUMBER})(?P<mid>多|余)?(?P<mult>万亿|亿|万)?(?P<unit1>{unit_alt})?"
        rf"(?:\s*(?P<sep>至|到|-|—|~)\s*(?P<num2>{NUMBER})(?P<mid2>多|余)?(?P<mult2>万亿|亿|万)?)?"
        rf"(?P<unit>{unit_alt})?(?P<suffix>{suffix_alt})?"
    )
    prefix_alt = "|".join(sorted(_PREFIX_QUALIFIERS, key=len, reverse=True))
    return {
        "negatives": {name: re.compile(rx, re.M) for name, rx in negatives.items()},
        "statistic": re.compile(statistic),
        "prefix": re.compile(rf"(?<!最)(?<!附)({prefix_alt})(?:[^，。；,;：:、\d{MASK}]{{0,5}}的)?$"),
        "sentence_end": re.compile(r"[。！？；!?;]|(?<!\d)\.|\.(?!\d)"),
    }


def excluded_spans(text: str) -> list[tuple[int, int, str]]:
    """Spans of `text` that hold numbers but no statistic, as (start, end, reason), sorted.

    Reasons: title, placeholder_year, year, redacted_date, date, ordinal, enumeration,
    list_marker, scrape_noise, generation, code (S101, 5A), fixed_expression, enumerated_points.

    >>> excluded_spans("选派第一书记")
    [(2, 4, 'ordinal')]
    """
    normal = to_halfwidth_digits(text)
    spans = []
    for reason, pattern in _patterns()["negatives"].items():
        spans.extend((m.start(), m.end(), reason) for m in pattern.finditer(normal) if m.end() > m.start())
    return sorted(spans)


def mask_excluded(text: str, *, body_offset: int = 0) -> str:
    """`text` with half-width digits and every excluded span (and text before `body_offset`) masked.

    The result has the same length as `text`, so offsets carry over.
    """
    chars = list(to_halfwidth_digits(text))
    for start, end, _reason in excluded_spans(text):
        chars[start:end] = MASK * (end - start)
    chars[:body_offset] = MASK * min(body_offset, len(chars))
    return "".join(chars)


def _qualifier(masked: str, start: int, mid: str | None, suffix: str | None) -> str:
    """The qualifier from the words before the number, a suffix (以上, 左右) or 多/余."""
    prefix = _patterns()["prefix"].search(masked[max(0, start - 12):start])
    if prefix:
        return _PREFIX_QUALIFIERS[prefix.group(1)]
    if suffix:
        return _SUFFIX_QUALIFIERS[suffix]
    return "more_than" if mid else "exact"


def _following_noun(text: str, end: int) -> str:
    """The noun phrase right after a statistic (41名干部 → 干部), '' if a verb or stop follows.

    A run longer than 12 characters is cut at a word boundary (jieba), never inside a word;
    a lone localizer (不足3人外, 3人以内) is not a noun.
    """
    i = end + 1 if text.startswith("的", end) else end
    out: list[str] = []
    while i < len(text) and len(out) < 32 and not text[i].isdigit():
        if text[i] in _QUOTES:
            i += 1
            continue
        if text[i] in _STOP_CHARS or any(text.startswith(word, i) for word in _CUT_WORDS):
            break
        out.append(text[i])
        i += 1
    closed = i >= len(text) or text[i] in _STOP_CHARS
    noun = _words_within("".join(out), _NOUN_MAX, from_end=False)
    if len(noun) == 1 and (noun in _LOCALIZERS or not closed or len(out) > 1):
        return ""
    return noun


def _words_within(phrase: str, limit: int, *, from_end: bool) -> str:
    """`phrase` cut to at most `limit` characters at a word boundary, keeping its start
    (or, with `from_end`, its end); a phrase within the limit is returned as it is."""
    if len(phrase) <= limit:
        return phrase
    words = _segmenter().lcut(phrase)
    kept: list[str] = []
    for word in (reversed(words) if from_end else words):
        if sum(map(len, kept)) + len(word) > limit:
            break
        kept.append(word)
    return "".join(reversed(kept) if from_end else kept)


def _segmenter():
    """The project's jieba tokenizer (user dictionary loaded, silent), built on first use."""
    from reportlib.tokenize import _tokenizer  # noqa: PLC0415 - jieba loads only when needed

    return _tokenizer()


def _preceding_phrase(text: str, start: int, floor: int) -> str:
    """The phrase before a statistic within its clause (办结率95% → 办结率), verbs stripped."""
    i = start
    while i > floor and text[i - 1] not in _STOP_CHARS:
        i -= 1
    phrase = _TRAILING_WORDS.sub("", text[i:start])
    if not phrase and floor > 0:
        return _preceding_phrase(text, start, 0)
    lead = _LEAD_VERBS.match(phrase)
    if lead and lead.end() < len(phrase):
        phrase = phrase[lead.end():]
    phrase = _DATE_IN_PHRASE.sub("", phrase)
    if len(phrase) > _PHRASE_MAX and len(phrase.rpartition("的")[2]) >= 2:
        phrase = phrase.rpartition("的")[2]  # the head of a long noun phrase follows its last 的
    return _words_within(phrase, _PHRASE_MAX, from_end=True)


def _what(text: str, start: int, end: int, floor: int, dimension: str) -> str:
    """A short phrase for what is counted: the noun after a count, else the phrase before."""
    if dimension != "percent":
        noun = _following_noun(text, end)
        if noun:
            return noun
    return _preceding_phrase(text, start, floor)


def _sentence(text: str, start: int) -> str:
    """The sentence of `text` that contains offset `start` (。！？；, and '.' not between digits)."""
    begin, stop = 0, len(text)
    for match in _patterns()["sentence_end"].finditer(to_halfwidth_digits(text)):
        if match.end() <= start:
            begin = match.end()
        else:
            stop = match.end()
            break
    return text[begin:stop].strip()


def _unit_span(match: re.Match) -> tuple[str, int, str | None, str | None] | None:
    """(unit, end of unit, high number, its 多/余) for a match, or None if it has no unit."""
    unit1, unit, num2 = match.group("unit1"), match.group("unit"), match.group("num2")
    if num2 and unit and unit1 in (None, unit):
        return unit, match.end("unit"), num2, match.group("mid2")
    if num2 and not unit and not unit1 and match.group("num").startswith("百分之"):
        return "百分之", match.end("num2"), num2, match.group("mid2")
    if unit1:
        return unit1, match.end("unit1"), None, None
    if unit and not num2:
        return unit, match.end("unit"), None, None
    if match.group("num").startswith("百分之"):
        return "百分之", match.end("num"), None, None
    return None


def _values(match: re.Match, num2: str | None) -> tuple[float, float | None]:
    """(value, value_high) of a match; 2-3万 applies 万 to both ends, 360多万 multiplies after 多."""
    low = parse_decimal(match.group("num")) * MULTIPLIERS.get(match.group("mult") or "", 1)
    if not num2:
        return float(low), None
    high = parse_decimal(num2) * MULTIPLIERS.get(match.group("mult2") or "", 1)
    multiplier = num2[-2:] if num2.endswith("万亿") else num2[-1]
    if multiplier in MULTIPLIERS and not re.search("[万亿]", match.group("num")):
        low *= MULTIPLIERS[multiplier]
    return float(low), float(high)


def _is_article(text: str, num: str, unit: str, unit_end: int, qualifier: str, dimension: str,
                start: int) -> bool:  # noqa: PLR0913 - the facts one decision needs
    """True for 一 used as the article 'a' (一名共产党员, 一次), not as a count of one."""
    if num != "一" or qualifier != "exact":
        return False
    if dimension == "time":
        return not _ARTICLE_KEEP_BEFORE.search(text[:start])
    follows = text[unit_end:unit_end + 1]
    return unit not in _POST_NOMINAL_UNITS or follows not in ("", *"，。；,;、")


def _record(text: str, masked: str, match: re.Match, floor: int) -> Statistic | None:
    """The statistic of one regex match, or None when it is not one (no unit, article 一)."""
    span = _unit_span(match)
    if span is None:
        return None
    unit_key, unit_end, num2, mid2 = span
    start, num = match.start("num"), match.group("num")
    if start > 0 and masked[start - 1] in "几数" and num[0] in "十百千":
        return None
    if re.match(r"[\d二两三四五六七八九十百千]", masked[unit_end:unit_end + 1]):  # 6个100, 七个百分百: slogans
        return None
    suffix_match = re.match("|".join(sorted(_SUFFIX_QUALIFIERS, key=len, reverse=True)), masked[unit_end:])
    suffix = suffix_match.group(0) if suffix_match else None
    end = unit_end + (len(suffix) if suffix else 0)
    qualifier = _qualifier(masked, start, match.group("mid") or mid2, suffix)
    unit_norm, dimension = load_units()[unit_key]
    if unit_norm == "percent" and _CHANGE_VERB.search(masked[:start]):
        dimension = "percent_change"
    low, high = _values(match, num2)
    if _is_article(masked, num, unit_key, unit_end, qualifier, dimension, start):
        return None
    return Statistic(
        start=start, end=end, surface=text[start:end],
        value=low, value_high=high,
        unit=text[unit_end - len(unit_key):unit_end] if unit_key != "百分之" else text[start:start + 3],
        unit_norm=unit_norm, dimension=dimension, qualifier=qualifier,
        what=_what(to_halfwidth_digits(text), start, end, floor, dimension),
        sentence=_sentence(text, start),
    )


def extract_statistics(text: str, *, body_offset: int = 0) -> list[Statistic]:
    """Every cited statistic in `text`, in order, with offsets into `text`.

    `body_offset` skips a list marker or heading at the start of the line (the parser's
    ``body_offset`` column): nothing before it is read as a statistic.

    Each `Statistic` has start, end, surface, value, value_high (None unless a range), unit
    (as written), unit_norm, dimension (count, money, area, percent, ratio, age, time, length,
    mass),
    qualifier (exact, more_than, at_least, about, up_to), what and sentence.

    >>> [(s.surface, s.value, s.value_high) for s in extract_statistics("每150至200户配备1名专职党群工作者")]
    [('150至200户', 150.0, 200.0), ('1名', 1.0, None)]
    >>> extract_statistics("全市共有１.３万户企业")[0].value
    13000.0
    """
    masked = mask_excluded(text, body_offset=body_offset)
    records: list[Statistic] = []
    for match in _patterns()["statistic"].finditer(masked):
        record = _record(text, masked, match, records[-1].end if records else 0)
        if record is None:
            continue
        if (records and records[-1].dimension == "percent_change" and record.unit_norm == "percent"
                and masked[records[-1].end:record.start] in ("、", "和", "及")):
            record = dataclasses.replace(record, dimension="percent_change")  # 分别增长6.8%、12.3%
        records.append(record)
    return records


def _paragraph_statistics(row, sentences: pd.DataFrame | None) -> list[dict]:
    """Statistics of one paragraph row with provenance columns (stat_id is added later)."""
    out = []
    for stat in extract_statistics(row.text, body_offset=int(row.body_offset)):
        record = stat.to_dict()
        record.update(report_id=row.report_id, source=row.source, line=int(row.line),
                      section_path=row.section_path)
        if sentences is not None:
            hit = sentences[(sentences["start"] <= stat.start) & (stat.start < sentences["end"])]
            if len(hit):
                record["sentence"] = hit["text"].iloc[0]
        out.append(record)
    return out


def statistics_table(corpus) -> pd.DataFrame:
    """Every statistic cited in the corpus paragraphs, one row each, with its provenance.

    Reads each paragraph's ``text`` from its ``body_offset`` (list markers and bare headings
    hold no statistics). Duplicated reports are kept; call ``corpus.drop_duplicates()`` first
    to leave them out.

    Columns: stat_id ('R02-S001' …, numbered within a report in reading order), report_id,
    source, line (1-based line of the source file), start, end (character offsets in that
    line), section_path, surface (the number, its 多/余, unit and suffix qualifier as written),
    value, value_high (the upper end of a range, else NaN), unit (as written), unit_norm,
    dimension (count, money, area, percent, ratio, age, time, length, mass), qualifier (exact,
    more_than, at_least, about, up_to), what (short phrase of what is counted), sentence (the
    parser's sentence holding the statistic).
    """
    sentences = corpus.sentences.groupby(["source", "line"]) if len(corpus.sentences) else None
    records: list[dict] = []
    for row in corpus.paragraphs.itertuples(index=False):
        line_sentences = None
        if sentences is not None and (row.source, row.line) in sentences.groups:
            line_sentences = sentences.get_group((row.source, row.line))
        records.extend(_paragraph_statistics(row, line_sentences))
    table = pd.DataFrame(records, columns=[c for c in STATISTICS_COLUMNS if c != "stat_id"])
    counter = table.groupby("report_id", sort=False).cumcount() + 1
    table.insert(0, "stat_id", table["report_id"] + "-S" + counter.map("{:03d}".format))
    table["value_high"] = table["value_high"].astype(float)
    return table.reset_index(drop=True)


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
