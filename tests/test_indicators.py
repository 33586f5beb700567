"""Comparable indicators: matches, non-matches, unit mismatches, the data file and its glossary."""

from __future__ import annotations

import pandas as pd
import pytest

from reportlib import indicators
from reportlib.errors import InputError, ValueInvalidError
from reportlib.figures import glossary


def _rows(*stats: tuple[str, str, str, str]) -> pd.DataFrame:
    return pd.DataFrame(stats, columns=["what", "unit_norm", "dimension", "sentence"])


MATCHES = [
    ("流动党员", "person", "count", "", "流动党员数"),
    ("全村党员", "person", "count", "", ""),  # 全村 is not one of the totals' leading words
    ("党员", "person", "count", "全村共有党员86名", "党员总数"),
    ("35岁以下党员", "percent", "percent", "", "35岁以下党员占比"),
    ("党员中60岁及以上", "percent", "percent", "", "60岁以上党员占比"),
    ("大专以上学历", "percent", "percent", "", "大专以上学历占比"),
    ("党支部", "item", "count", "", "党支部数"),
    ("下设党总支", "item", "count", "", "党总支数"),
    ("村集体经济收入", "yuan", "money", "", "村集体经济收入"),
    ("党员活动室", "m2", "area", "", "活动场所面积"),
    ("农村党员平均年龄", "year_of_age", "age", "", "党员平均年龄"),
    ("非公企业", "organisation", "count", "全区已有非公企业120家建立了党组织", "建立党组织的非公企业数"),
    ("第一书记", "person", "count", "", "第一书记数"),
    ("入党积极分子", "person", "count", "", "入党积极分子数"),
]


@pytest.mark.parametrize(("what", "unit", "dimension", "sentence", "expected"), MATCHES,
                         ids=[m[0] for m in MATCHES])
def test_indicator_of_a_statistic(what, unit, dimension, sentence, expected):
    assert indicators.match_one(what, unit, dimension, sentence)[0] == expected


@pytest.mark.parametrize(("what", "unit", "dimension", "sentence"), [
    ("大专以上学历", "person", "count", ""),          # a head count, not a share
    ("流动党员", "percent", "percent", ""),          # no share of mobile members in the file
    ("党支部", "m2", "area", ""),                   # an area is not a number of branches
    ("村集体经济收入", "percent", "percent_change", ""),  # growth is not an amount
    ("党员活动室", "item", "count", ""),
], ids=["count-not-share", "share-not-count", "area", "growth", "rooms"])
def test_unit_or_dimension_mismatch_is_rejected(what, unit, dimension, sentence):
    assert indicators.match_one(what, unit, dimension, sentence) == ("", "")


@pytest.mark.parametrize(("what", "unit", "dimension", "sentence"), [
    ("支部书记", "person", "count", ""),             # excluded: 书记 are not branches
    ("离职村干部", "person", "count", ""),           # former cadres
    ("研发经费", "yuan", "money", ""),               # research spending is not Party funds
    ("非公企业", "organisation", "count", "全区共有非公企业120家"),  # no Party organisation said
    ("社区就业服务站", "item", "count", ""),
    ("调研组", "item", "count", ""),
    ("", "person", "count", ""),
], ids=["secretaries", "former", "research", "no-context", "jobs", "team", "empty"])
def test_non_matches_stay_empty(what, unit, dimension, sentence):
    assert indicators.match_one(what, unit, dimension, sentence) == ("", "")


def test_match_indicators_adds_two_columns_with_evidence():
    rows = _rows(("流动党员", "person", "count", "流动党员32名"),
                 ("非公企业", "organisation", "count", "有非公企业15家建立党组织"),
                 ("调研组", "item", "count", "成立调研组3个"))
    out = indicators.match_indicators(rows)
    assert list(out.columns) == [*rows.columns, "indicator", "indicator_evidence"]
    assert out["indicator"].tolist() == ["流动党员数", "建立党组织的非公企业数", ""]
    assert out["indicator_evidence"][0] == "what '流动党员' ~ /流动党员/ matched '流动党员'"
    assert "sentence ~ " in out["indicator_evidence"][1] and "建立党组织" in out["indicator_evidence"][1]
    assert out["indicator_evidence"][2] == ""
    assert rows.columns.tolist() == ["what", "unit_norm", "dimension", "sentence"], "input untouched"


def test_match_indicators_rejects_a_table_without_what():
    with pytest.raises(ValueInvalidError, match="what"):
        indicators.match_indicators(pd.DataFrame({"value": [1]}))


def test_shipped_indicator_file():
    table = indicators.load_indicators()
    assert len(table) >= 25
    assert set(table["dimension"]) <= set(indicators.INDICATOR_DIMENSIONS)
    assert not table["indicator_en"].duplicated().any()
    for name in ("党员总数", "党组织数", "党支部数", "党员平均年龄", "35岁以下党员占比", "流动党员数",
                 "村集体经济收入", "活动场所面积", "建立党组织的非公企业数", "第一书记数"):
        assert name in set(table["indicator"])


def test_every_indicator_is_in_the_glossary_with_its_english_name():
    table = indicators.load_indicators()
    for zh, en in zip(table["indicator"], table["indicator_en"]):
        assert glossary.translate(zh, "en") == en
        assert glossary.translate(en, "zh") == zh


HEADER = "indicator,indicator_en,dimension,unit_norms,patterns,exclude,context,note\n"


@pytest.mark.parametrize(("text", "message"), [
    ("indicator,indicator_en\n甲,a\n", "header lacks"),
    (HEADER + "甲,a,weight,kg,甲,,,\n", "line 2: dimension 'weight'"),
    (HEADER + "甲,a,count,item,(甲,,,\n", "line 2: patterns"),
    (HEADER + "甲,a,count,item,甲,,,\n甲,b,count,item,乙,,,\n", "line 3: indicator '甲' is listed twice"),
    (HEADER + "甲,a,count,,甲,,,\n", "line 2: .*must be filled in"),
], ids=["header", "dimension", "regex", "repeat", "empty"])
def test_bad_indicator_files_are_errors(tmp_path, text, message):
    path = tmp_path / "indicators.csv"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        indicators.load_indicators(path)


def test_another_indicator_file_can_be_given(tmp_path):
    path = tmp_path / "mine.csv"
    path.write_text(HEADER + "调研组数,research teams,count,item,调研组,,,\n", encoding="utf-8")
    out = indicators.match_indicators(_rows(("调研组", "item", "count", "")), path=path)
    assert out["indicator"].tolist() == ["调研组数"]
