"""The conventions of Chinese report text are defined once, in reportlib.conventions."""

import re
from pathlib import Path

import pytest

import reportlib
from reportlib import annotate, compare, conventions, describe, io, overrides, patterns
from reportlib.figures import style

PACKAGE = Path(reportlib.__file__).parent
#: Modules allowed to spell out Chinese digit classes and year patterns: the definitions themselves.
DEFINERS = {"conventions.py", "normalize.py", "patterns.py", "numerals.py"}
#: Modules that still hold copies of their own because another branch is rewriting them; the lead
#: empties this set once those branches are merged and import from reportlib.conventions.
KNOWN_DUPLICATES_OWNED_ELSEWHERE: set[str] = set()

_CLASS = re.compile(r"\[\^?((?:\\.|[^\]\\\n])*)\]")
_CN_ONE_TO_TEN = set("一二三四五六七八九十")
#: Signs of a placeholder-year pattern of one's own: a 19xx/20xx year or a doubled four-digit year.
_YEAR_PATTERN_SIGNS = ("(?:19|20)", r"\d{4})(?:\1")


def _modules():
    return sorted(p for p in PACKAGE.rglob("*.py") if p.name not in DEFINERS)


def _violations(path: Path) -> list[str]:
    source = path.read_text(encoding="utf-8")
    found = [f"digit class [{m.group(1)}]" for m in _CLASS.finditer(source)
             if len(set(m.group(1)) & _CN_ONE_TO_TEN) >= 3]
    found += [f"year pattern {sign}" for sign in _YEAR_PATTERN_SIGNS if sign in source]
    return found


@pytest.mark.parametrize("path", _modules(), ids=lambda p: p.relative_to(PACKAGE).as_posix())
def test_no_module_compiles_its_own_digit_class_or_year_pattern(path):
    if path.name in KNOWN_DUPLICATES_OWNED_ELSEWHERE:
        pytest.skip("known duplicate, owned by another branch")
    assert _violations(path) == [], f"{path.name}: import these from reportlib.conventions"


def test_known_exceptions_are_still_needed():
    """Once a module in the exception set imports from conventions, drop it from the set."""
    stale = [name for name in sorted(KNOWN_DUPLICATES_OWNED_ELSEWHERE) if not _violations(PACKAGE / name)]
    assert stale == [], f"remove {stale} from KNOWN_DUPLICATES_OWNED_ELSEWHERE"


@pytest.mark.parametrize("source, found", [
    ('re.compile(r"[一二三四五六七八九十]+")', 1),
    ('re.compile(r"[^〇零一二三四五六七八九十百两]")', 1),
    ('re.compile(r"[一二]")', 0),
    ('re.compile(r"(\\d{4})(?:\\1)+年?")', 1),
    ('YEAR = r"(?:19|20)\\d\\d"', 1),
    ('"一二三四五六七八"  # a string, not a class', 0),
])
def test_the_detector_itself(tmp_path, source, found):
    module = tmp_path / "m.py"
    module.write_text(source, encoding="utf-8")
    assert len(_violations(module)) == found


def test_one_category_list_with_other_last():
    assert conventions.CATEGORIES[-1] == "other"
    assert len(set(conventions.CATEGORIES)) == 7
    for module in (annotate, compare, describe, overrides, style):
        assert module.CATEGORIES is conventions.CATEGORIES, module.__name__
    assert style.CATEGORY_COLOURS["other"] == style.OTHER_COLOUR


def test_one_halfwidth_function():
    assert io.to_halfwidth is conventions.to_halfwidth
    assert conventions.to_halfwidth("（一）２０２４年，") == "(一)2024年,"


def test_numeral_tables_agree():
    assert conventions.CN_DIGIT_VALUES["两"] == 2 and conventions.CN_DIGIT_VALUES["〇"] == 0
    assert [conventions.CN_DIGIT_VALUES[c] for c in conventions.CN_ONE_TO_NINE] == list(range(1, 10))
    assert re.fullmatch(conventions.CN_NUMERAL_CLASS + "+", "五十四万亿")
    assert not re.fullmatch(conventions.CN_DIGIT_CLASS, "十")
    assert patterns.CN_DIGITS == conventions.CN_MARKER_CHARS


@pytest.mark.parametrize("text, years", [
    ("20242024年", ["2024"]), ("2024-2024年", ["2024"]), ("2024年、2024年", ["2024"]),
    ("2023-2024年", []), ("120242024", []),
])
def test_placeholder_evidence(text, years):
    assert [m.group(1) for m in conventions.PLACEHOLDER_EVIDENCE.finditer(text)] == years


@pytest.mark.parametrize("text, found", [
    ("2024年", ["2024年"]), ("20242024年", ["20242024年"]), ("2024-2024年", ["2024-2024年"]),
    ("12024年", []), ("2023年", []),
])
def test_placeholder_year_pattern(text, found):
    assert conventions.placeholder_year_pattern("2024").findall(text) == found


@pytest.mark.parametrize("text, style_name", [
    ("第一部分 总体情况", "chapter"), ("一、基本情况", "cn"), ("(二)主要做法", "paren_cn"),
    ("3.强化保障", "arabic"), ("(4)完善制度", "paren_arabic"), ("⑤建立台账", "circled"),
])
def test_list_markers(text, style_name):
    assert [name for name, p in conventions.LIST_MARKERS.items() if p.match(text)] == [style_name]
    assert conventions.ANY_LIST_MARKER.match(text)


@pytest.mark.parametrize("text, ends", [("好。走吧!", 2), ("3.5亿元", 0), ("他说:“好。”然后", 1)])
def test_sentence_end(text, ends):
    assert len(conventions.SENTENCE_END.findall(text)) == ends
