"""Consistency checks: the arithmetic between statistics a report states together.

A check exists only where the text itself states the relation, in one line, so the rules are
conservative: a pair of numbers that merely sit side by side (``新增企业42家…中小企业134家``)
is never checked. The patterns:

parts_sum
    A whole marked as a total (共有/共计/合计/总计/一共 right before it in its clause), followed
    by parts whose counted noun ends with the whole's noun, same unit, all exact, before any
    其中: ``全校共有党员299人,正式党员229人,预备党员70人`` → 229 + 70 = 299.
subset_sum
    Parts introduced by 其中 after such a whole: 其中 says they are subsets, not that they are
    exhaustive, so the check is that they do not exceed the whole: 148 + 99 + 42 ≤ 299.
paren_breakdown
    A count followed at once by a parenthesis of two or more counts of the same unit:
    ``预备党员70人(教职工3人,学生67人)`` → 3 + 67 = 70.
percent_of
    A count, then 占/达到/超过 + a named whole + a percentage, where the whole is a count
    stated earlier in the line (outside parentheses, not smaller than the part) whose counted
    noun is that name without 全体/全校/… (总数 means the line's first count of that unit):
    ``在职教工党员148人,占全体党员比例为49.5%`` → 148 / 299 = 49.5%. A percentage change
    (dimension ``percent_change``, 增长15%) is never read as a share.
enumeration_count
    A count with its items listed by name (each of two characters or more), either in a
    parenthesis right after the count and its noun (``4个党总支(经济系、管理系、法律系、外语系)``)
    or 、-separated right before a count that is followed by its noun, when the text marks the
    list as the set counted: a list opened by 辖/包括/分别是/即 (``辖滨海、…、西园7个社区``),
    closed by 等 (``监察室、基建处、工会等三个部门``) or counted in Chinese numerals as a named
    set (``科技金融、…、数字金融五篇大文章``). A list before an Arabic count with no such mark
    usually names kinds of what is counted (``打通丁字路、断头路26条``, ``省委、省政府16次``) and
    is not checked; one-character items are alternatives (``11个县（市、区）``), not items.
    With 等 the list may be partial ("A、B等40条": A and B are among the 40), so only a list
    longer than the count can fail, and a shorter one is no check at all.

Tolerance is half a unit of the last digit the text states (49.5% → 0.05 percentage points;
exact integer counts → 0), read the same from full-width and traditional-script text
(４９．５％, 2.3萬). A qualifier turns equality into the relation `reportlib.qualifiers`
gives it (one table for the extractor and the checks), widened by the tolerance:

- ``exact``: |observed - stated| ≤ tolerance;
- ``at_least`` (以上, 不少于 …, inclusive): observed ≥ stated - tolerance;
- ``more_than`` (超过, 逾 …, strict): observed > stated - tolerance (超过总数的50%);
- ``at_most`` (以下, 不超过 …, inclusive): observed ≤ stated + tolerance;
- ``less_than`` (不足, 低于 …, strict): observed < stated + tolerance;
- ``about`` (约, 左右 …): |observed - stated| ≤ the wider of the tolerance and 5% of the
  stated value (`reportlib.qualifiers.ABOUT_RELATIVE_TOLERANCE`).

The ``tolerance`` a check records is the one it used (for ``about``, the widened one).
Sums and shares with a 多/余/约 value are not checked.
"""

from __future__ import annotations

import re
from decimal import Decimal
from functools import lru_cache

import pandas as pd

from reportlib import conventions as C
from reportlib.numerals import normalize_numbers, precision_of
from reportlib.qualifiers import (
    ABOUT_RELATIVE_TOLERANCE,
    QUALIFIER_SEMANTICS,
    qualifier_alternation,
    qualifier_words,
)

#: Columns of `checks_table`, in order.
CHECK_COLUMNS = [
    "check_id", "report_id", "source", "line", "kind", "stat_ids", "numbers", "computation",
    "expected", "observed", "tolerance", "verdict", "pattern", "excerpt",
]
_WHOLE_PREFIXES = re.compile(r"^(?:全体|全部|全校|全院|全市|全县|全区|所有|全)")
_TOTAL_WORDS = {"总数", "总量", "总人数", "总额"}
_TOTAL_CUE = re.compile(r"共有|共计|合计|总计|一共|总共|(?<!公)共(?!产|青|同|建|享|识|性)")
_LIST_OPENERS = re.compile(r"下辖|辖|包括|包含|涵盖|分别是|分别为|(?<!立)即(?!将|时|便|使|可)")
_STOPS = set("，。；：,;:()（）“”《》!?！？")


@lru_cache(maxsize=1)
def _share_link() -> re.Pattern[str]:
    """占/达到/超过 + a named whole (+ 的, 比例, 为, and a qualifier word such as 不足) before a share."""
    return re.compile(
        r"^[,，]?(?P<verb>占|达到|超过|超過|约占|約占)(?P<whole>[^,，;；。%\d()（）]{1,12}?)(?:的)?(?:比例|比重)?"
        rf"(?:为|是)?(?:{qualifier_alternation('prefix')})?$"
    )


def _fmt(value: float | Decimal) -> str:
    """A number as a short readable string (229, 49.5, 28800)."""
    text = f"{float(value):.4f}".rstrip("0").rstrip(".")
    return text if text else "0"


def _number_text(stat: dict) -> str:
    """The written number of a statistic without its unit or qualifier (2.88万, 49.5)."""
    surface = re.sub(r"\s", "", normalize_numbers(stat["surface"]))
    match = re.match(rf"[\d.,{C.CN_NUMERAL_CHARS}点]+", surface)
    return match.group(0) if match else surface


def _tolerance(stats: list[dict]) -> Decimal:
    """Half the coarsest stated precision among `stats` (exact integers give 0)."""
    steps = [precision_of(_number_text(s)) for s in stats]
    coarsest = max(steps)
    return Decimal(0) if coarsest == 1 and all(float(s["value"]).is_integer() for s in stats) else coarsest / 2


def _clause_before(text: str, pos: int) -> str:
    """The text of `pos`'s clause before `pos` (back to the previous ,;。 or parenthesis)."""
    i = pos
    while i > 0 and text[i - 1] not in _STOPS:
        i -= 1
    return text[i:pos]


def _in_parentheses(text: str, pos: int) -> bool:
    """True if offset `pos` of `text` lies inside an open parenthesis."""
    before = text[:pos]
    return max(before.rfind("("), before.rfind("（")) > max(before.rfind(")"), before.rfind("）"))


def _check(kind: str, stats: list[dict], computation: str, expected: float, observed: float,
           tolerance: Decimal, holds: bool, pattern: str, text: str) -> dict:
    """One check record (provenance is added by `checks_table`)."""
    return {
        "kind": kind, "stat_ids": "; ".join(str(s.get("stat_id", "")) for s in stats),
        "numbers": "; ".join(s["surface"] for s in stats), "computation": computation,
        "expected": float(expected), "observed": round(float(observed), 4),
        "tolerance": float(tolerance), "verdict": "holds" if holds else "fails",
        "pattern": pattern, "excerpt": text[stats[0]["start"]:stats[-1]["end"]][:160],
    }


def _used_tolerance(expected: float, tolerance: Decimal, qualifier: str) -> Decimal:
    """The tolerance a comparison uses: the stated precision's, widened for ``about``."""
    if QUALIFIER_SEMANTICS[qualifier].relation == "≈":
        return max(tolerance, ABOUT_RELATIVE_TOLERANCE * abs(Decimal(str(expected))))
    return tolerance


def _compare(observed: float, expected: float, tolerance: Decimal, qualifier: str) -> tuple[bool, Decimal]:
    """(does `observed` agree with a stated `expected` value and its qualifier, the tolerance used).

    The relation and whether it is inclusive come from `QUALIFIER_SEMANTICS`.

    >>> _compare(3.0, 3.0, Decimal(0), "at_least"), _compare(3.0, 3.0, Decimal(0), "more_than")
    ((True, Decimal('0')), (False, Decimal('0')))
    >>> _compare(104.0, 100.0, Decimal(0), "about")
    (True, Decimal('5.000'))
    """
    relation, inclusive = QUALIFIER_SEMANTICS[qualifier]
    tol = _used_tolerance(expected, tolerance, qualifier)
    eps = 1e-9
    if relation in ("≥", ">"):
        margin = observed - (expected - float(tol))
    elif relation in ("≤", "<"):
        margin = (expected + float(tol)) - observed
    else:
        return abs(observed - expected) <= float(tol) + eps, tol
    return (margin >= -eps if inclusive else margin > eps), tol


def _counts(stats: list[dict]) -> list[dict]:
    return [s for s in stats if s["dimension"] == "count" and pd.isna(s.get("value_high"))]


def _parts_sum(text: str, stats: list[dict]) -> list[dict]:
    """parts_sum and subset_sum checks: a whole, its parts, and the parts after 其中."""
    out = []
    counts = [s for s in _counts(stats) if not _in_parentheses(text, s["start"])]
    for i, whole in enumerate(counts):
        head = whole["what"]
        if not head or whole["qualifier"] != "exact" or not _TOTAL_CUE.search(_clause_before(text, whole["start"])):
            continue
        parts = [s for s in counts[i + 1:] if s["unit_norm"] == whole["unit_norm"]
                 and s["what"] != head and s["what"].endswith(head)]
        groups: dict[str, list[dict]] = {"parts_sum": [], "subset_sum": []}
        for part in parts:
            after_qizhong = "其中" in text[whole["end"]:part["start"]]
            groups["subset_sum" if after_qizhong else "parts_sum"].append(part)
        for kind, group in groups.items():
            if len(group) < 2 or any(p["qualifier"] != "exact" for p in group):
                continue
            total = sum(Decimal(str(p["value"])) for p in group)
            tol = _tolerance(group + [whole])
            terms = " + ".join(_fmt(p["value"]) for p in group)
            if kind == "parts_sum":
                holds = abs(total - Decimal(str(whole["value"]))) <= tol
                computation = f"{terms} = {_fmt(total)} vs stated {_fmt(whole['value'])}"
                pattern = f"whole then parts whose noun ends with {head}"
            else:
                holds = total <= Decimal(str(whole["value"])) + tol
                computation = f"{terms} = {_fmt(total)} ≤ {_fmt(whole['value'])} ({_fmt(Decimal(str(whole['value'])) - total)} in no listed part)"
                pattern = f"其中 introduces parts of the {head} count (not said to be exhaustive)"
            out.append(_check(kind, group + [whole], computation, whole["value"], total, tol,
                              holds, pattern, text))
        if parts:
            break
    return out


def _paren_breakdown(text: str, stats: list[dict]) -> list[dict]:
    """paren_breakdown checks: N unit(a n1 unit, b n2 unit)."""
    out = []
    counts = _counts(stats)
    for whole in counts:
        if text[whole["end"]:whole["end"] + 1] not in ("(", "（"):
            continue
        close = re.search(r"[)）]", text[whole["end"]:])
        if not close:
            continue
        stop = whole["end"] + close.start()
        inner = [s for s in counts if whole["end"] < s["start"] < stop and s["unit_norm"] == whole["unit_norm"]]
        if len(inner) < 2 or any(s["qualifier"] != "exact" for s in inner + [whole]):
            continue
        total = sum(Decimal(str(s["value"])) for s in inner)
        tol = _tolerance(inner + [whole])
        terms = " + ".join(_fmt(s["value"]) for s in inner)
        out.append(_check("paren_breakdown", inner + [whole],
                          f"{terms} = {_fmt(total)} vs stated {_fmt(whole['value'])}",
                          whole["value"], total, tol, abs(total - Decimal(str(whole["value"]))) <= tol,
                          "count followed by a parenthesis of counts of the same unit", text))
    return out


def _denominator(text: str, stats: list[dict], part: dict, whole_name: str) -> dict | None:
    """The stated count a share refers to, or None when the text names no such count."""
    candidates = [s for s in _counts(stats) if s["start"] < part["start"] and s is not part
                  and s["unit_norm"] == part["unit_norm"] and not _in_parentheses(text, s["start"])
                  and s["value"] >= part["value"]]
    if whole_name in _TOTAL_WORDS:
        return candidates[0] if candidates else None
    core = _WHOLE_PREFIXES.sub("", whole_name)
    named = [s for s in candidates if s["what"] == core]
    return named[0] if named else None


def _percent_of(text: str, stats: list[dict]) -> list[dict]:
    """percent_of checks: part count, 占/达到/超过 + named whole, percentage."""
    out = []
    for i, share in enumerate(stats):
        if share["dimension"] != "percent" or share["unit_norm"] != "percent" or i == 0 or not pd.isna(share.get("value_high")):
            continue
        part = stats[i - 1]
        link = _share_link().match(text[part["end"]:share["start"]])
        if part["dimension"] != "count" or not link or part["qualifier"] != "exact":
            continue
        whole = _denominator(text, stats, part, link.group("whole"))
        if whole is None or whole["qualifier"] != "exact":
            continue
        observed = part["value"] / whole["value"] * 100
        qualifier = qualifier_words("prefix").get(link.group("verb"), share["qualifier"])  # 超过总数的50%
        holds, tol = _compare(observed, share["value"], precision_of(_number_text(share)) / 2, qualifier)
        out.append(_check("percent_of", [part, whole, share],
                          f"{_fmt(part['value'])} / {_fmt(whole['value'])} = {observed:.2f}% vs stated {share['surface']}",
                          share["value"], observed, tol, holds,
                          f"count, {link.group('verb')}{link.group('whole')}, percentage", text))
    return out


def _items_after(text: str, stat: dict) -> list[str] | None:
    """Items named in a parenthesis right after a count and its noun (4个党总支(经济系、…))."""
    after = re.match(r"[^\d()（）,，。；;、]{0,8}[(（](?:分别是|分别为|即|包括)?([^()（）]*)[)）]",
                     text[stat["end"]:])
    return after.group(1).split("、") if after and "、" in after.group(1) else None


def _items_before(text: str, stat: dict) -> tuple[list[str], str] | None:
    """Items named with 、 right before a count the text marks as counting them, and the mark:
    '等' (the list may be partial), 'opener' (辖/包括/…) or 'chinese' (五篇大文章)."""
    if text[stat["end"]:stat["end"] + 1] in _STOPS | {"", "和", "与", "及", "的"}:
        return None  # no counted noun follows: the list names kinds of something before it
    before = _clause_before(text, stat["start"])
    opener = None
    for opener in _LIST_OPENERS.finditer(before):
        pass
    mark = "等" if before.endswith("等") else "opener" if opener else (
        "chinese" if not re.match(r"\d", normalize_numbers(stat["surface"])) else None)
    if opener:
        before = before[opener.end():]
    items = re.sub(r"(?:等|这|共)$", "", before).split("、")
    if mark is None or len(items) < 2 or "等" in items[-1] or len(items[-1]) > 6:
        return None
    return items, mark


def _enumeration(text: str, stat: dict) -> tuple[list[str], str, str] | None:
    """(items, mark, pattern) of a count whose items the text lists, or None."""
    after = _items_after(text, stat)
    if after:
        items, mark, pattern = after, "paren", "count followed by its items in a parenthesis"
    else:
        before = _items_before(text, stat)
        if before is None:
            return None
        items, mark = before
        pattern = {"等": "items listed with 、 and closed by 等 before the count",
                   "opener": "items listed with 、 after 辖/包括/… right before the count",
                   "chinese": "items listed with 、 right before a count in Chinese numerals"}[mark]
    if any(len(item) < 2 or len(item) > 16 or re.search(r"\d", item) for item in items):
        return None
    return items, mark, pattern


def _enumeration_count(text: str, stats: list[dict]) -> list[dict]:
    """enumeration_count checks: the number of named items equals the stated count."""
    out = []
    for stat in _counts(stats):
        listed = _enumeration(text, stat) if stat["qualifier"] == "exact" else None
        if listed is None:
            continue
        items, mark, pattern = listed
        if mark == "等" and len(items) < stat["value"]:
            continue  # "A、B等40条": a partial list, no count of it is stated
        out.append(_check("enumeration_count", [stat], f"count of {'、'.join(items)} = {len(items)} vs stated {stat['surface']}",
                          stat["value"], len(items), Decimal(0), len(items) == stat["value"], pattern, text))
    return out


def check_line(text: str, stats: list[dict]) -> list[dict]:
    """All checks the statistics of one line allow; `stats` are records of
    `reportlib.stats.extract_statistics` (as dicts, optionally with a stat_id), in order.

    Each check has kind, stat_ids, numbers, computation, expected, observed, tolerance,
    verdict (holds or fails), pattern and excerpt.
    """
    stats = sorted(stats, key=lambda s: s["start"])
    return (_parts_sum(text, stats) + _paren_breakdown(text, stats)
            + _percent_of(text, stats) + _enumeration_count(text, stats))


def checks_table(statistics: pd.DataFrame, paragraphs: pd.DataFrame) -> pd.DataFrame:
    """The consistency checks of a corpus, from `reportlib.stats.statistics_table` output.

    Columns: check_id (the id of the check's first statistic, ``-K`` and the check's kind, so
    ids are stable when files or numbers are added), report_id, source, line, kind (parts_sum,
    subset_sum, paren_breakdown, percent_of, enumeration_count), stat_ids ('; '-joined), numbers
    (surfaces, '; '-joined), computation (readable formula), expected (the stated value),
    observed (the computed value), tolerance (the one the verdict used), verdict (holds, fails),
    pattern (the textual cue of the relation), excerpt (the line from the first to the last
    number involved). The text read is the paragraph's normalised view where it has one.
    """
    from .errors import require_frame

    require_frame(statistics, "statistics", ("source", "line", "start", "surface", "stat_id"))
    require_frame(paragraphs, "paragraphs", ("source", "line", "report_id", "text"))
    view = "norm" if "norm" in paragraphs.columns else "text"
    texts = {(p[0], int(p[1])): (p[2], p[3]) for p in paragraphs[["source", "line", "report_id", view]].itertuples(
        index=False, name=None)}
    rows = []
    for (source, line), group in statistics.groupby(["source", "line"], sort=False):
        report_id, text = texts[(source, int(line))]
        for check in check_line(text, group.to_dict("records")):
            first = check["stat_ids"].split("; ")[0]
            rows.append({"check_id": f"{first}-K{check['kind']}", "report_id": report_id, "source": source,
                         "line": int(line), **check})
    table = pd.DataFrame(rows, columns=CHECK_COLUMNS)
    table["check_id"] = _unique(table["check_id"])
    return table


def _unique(ids: pd.Series) -> pd.Series:
    """Ids with a counter appended to repeats (two checks of one kind on the same first number)."""
    counts = ids.groupby(ids).cumcount()
    return ids.where(counts == 0, ids + "-" + (counts + 1).astype(str))
