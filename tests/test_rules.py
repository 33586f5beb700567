"""The thresholds object: defaults, validation, and that each threshold reaches its stage."""

import dataclasses
import inspect

import pytest

from reportlib.annotate import categorize, find_duplicates
from reportlib.errors import ValueInvalidError
from reportlib.io import Line
from reportlib.rules import DEFAULT_RULES, Rules
from reportlib.segment import classify_line, continuations, inline_headings, split_reports, wrap_width


def test_defaults():
    assert dataclasses.asdict(DEFAULT_RULES) == {
        "max_title_chars": 40, "max_plain_heading_chars": 30, "max_noise_chars": 80, "parent_window": 3,
        "min_body_lines_before_restart": 4, "min_report_hanzi": 200, "title_weight": 5, "shingle_chars": 5,
        "duplicate_containment": 0.5, "min_party_cues_per_1000": 5.0, "min_border_share": 0.5,
        "min_wrapped_lines": 3,
        "min_wrapped_share": 0.3, "min_wrap_width": 12, "wrap_slack": 2, "max_label_chars": 12,
        "max_label_value_chars": 20, "max_masthead_lines": 30, "max_long_title_chars": 60, "min_long_title_hanzi": 8,
        "max_inline_heading_chars": 30, "min_glued_line_chars": 500,
    }


def test_every_field_is_documented():
    text = inspect.getsource(Rules)
    for field in dataclasses.fields(Rules):
        after = text.split(f"    {field.name}:", 1)[1]
        assert after.split("\n", 2)[1].strip().startswith('"""'), field.name


@pytest.mark.parametrize("name, value", [
    ("max_title_chars", 0), ("max_title_chars", -3), ("max_title_chars", 2.5), ("max_title_chars", "40"),
    ("max_noise_chars", True), ("parent_window", -1), ("min_report_hanzi", None), ("shingle_chars", 0),
    ("title_weight", -1), ("duplicate_containment", 0), ("duplicate_containment", 1.5),
    ("duplicate_containment", "0.5"), ("min_wrapped_share", 0), ("min_wrapped_share", 2),
    ("min_party_cues_per_1000", -1), ("min_party_cues_per_1000", "5"), ("wrap_slack", -1),
    ("min_glued_line_chars", 0),
])
def test_bad_values_are_rejected(name, value):
    with pytest.raises(ValueInvalidError, match=rf"`{name}` = "):
        Rules(**{name: value})


def test_rules_are_frozen():
    with pytest.raises(dataclasses.FrozenInstanceError):
        DEFAULT_RULES.min_report_hanzi = 1  # type: ignore[misc]


def test_title_length_reaches_classify_line():
    line = Line("x.txt", 1, "关于加强农村基层党组织建设的调研报告", "")
    assert classify_line(line).kind == "title"
    assert classify_line(line, rules=Rules(max_title_chars=10)).kind != "title"


def test_minimum_report_size_reaches_split_reports():
    texts = ["关于社区党建的调研报告", "社区党建工作取得成效。", "关于机关党建的调研报告", "机关党建。"]
    lines = [classify_line(Line("x.txt", i, text, "\n")) for i, text in enumerate(texts, 1)]
    kept_default, _ = split_reports(lines)
    kept_small, _ = split_reports(lines, rules=Rules(min_report_hanzi=0))
    assert len(kept_default) == 1   # the largest short report is kept, the other is noise
    assert len(kept_small) == 2


def test_title_weight_reaches_categorize():
    title, body = "农村党建调研", "社区党组织 社区党员"
    assert categorize(title, body)[0] == "rural"
    assert categorize(title, body, rules=Rules(title_weight=0))[0] == "urban"


def test_containment_threshold_reaches_find_duplicates():
    first = "加强基层党组织建设是巩固党的执政基础的关键所在。各级党组织要切实担起责任,抓好落实。"
    second = first[:20] + "社区治理需要多方参与,居民议事会每月召开一次,解决群众急难愁盼问题。"
    originals, scores = find_duplicates([first, second])
    assert originals == [None, None] and 0.2 < scores[1] < 0.5
    originals, _ = find_duplicates([first, second], rules=Rules(duplicate_containment=0.2))
    assert originals == [None, 0]


def test_party_cue_density_reaches_categorize():
    title, body = "", "社区居民议事会每月召开一次,解决群众急难愁盼问题。社区党组织牵头。提请人民代表大会审议。"
    assert categorize(title, body)[0] == "urban"
    assert categorize(title, body, rules=Rules(min_party_cues_per_1000=100))[0] == "other"


def test_wrap_thresholds_reach_the_wrap_finder():
    texts = ["某县党建调研报告", "全县共有农村党支部一百多个,党员三千余", "名,其中女党员占百分之二十,年轻党员"]
    lines = [classify_line(Line("x.txt", i, text, "\n")) for i, text in enumerate(texts, 1)]
    assert wrap_width(lines) == 0                                   # two full lines are not enough
    assert wrap_width(lines, rules=Rules(min_wrapped_lines=2)) == 19
    assert continuations(lines, rules=Rules(min_wrapped_lines=2)) == {3: 2}


def test_inline_heading_length_reaches_inline_headings():
    text = "某县党建调研一、基本情况和主要做法全面推进"
    assert inline_headings(text)[0][3] == "基本情况和主要做法全面推进"
    assert inline_headings(text, rules=Rules(max_inline_heading_chars=4))[0][3] == "基本情况"
