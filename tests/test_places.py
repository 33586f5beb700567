"""Tests of reportlib.places: which tokens are places or people, on short texts written for the test."""

from __future__ import annotations

from types import SimpleNamespace

import pandas as pd
import pytest

from reportlib import compare, places


@pytest.fixture(autouse=True)
def _cache_in_tmp(tmp_path_factory, monkeypatch):
    monkeypatch.setenv("REPORTLIB_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "cache"))


@pytest.mark.parametrize("text, expected", [
    # a two-character name once before 社区 is enough
    ("东园社区党委组织居民议事，西园社区也跟进。", {"东园", "西园"}),
    # a village must recur with its suffix
    ("红旗村召开会议。红旗村党支部书记发言。", {"红旗"}),
    ("红旗村召开会议。", set()),
    # generic words before a suffix are not names
    ("推进行政村建设，行政村全覆盖；贫困村脱贫，贫困村退出。", set()),
    ("推进社区治理，推进社区服务，派驻社区，派驻社区。", set()),
    ("农村社区和城市社区，城市社区。", set()),
])
def test_local_names(text, expected):
    assert places.local_names(text) == expected


def test_city_stems_are_cities_without_suffix():
    stems = places.city_stems()
    assert {"常德", "连云港", "枣阳"} <= stems
    assert not {"和平", "光明"} & stems  # stems jieba lists as common words
    assert all(len(s) >= 2 for s in stems)


def test_person_names_after_titles():
    tagged = [("书记", "n"), ("韩正", "nr"), ("指出", "v"), ("支部", "n"), ("书记", "n"), ("带头", "v"),
              ("王小明", "x"), ("同志", "n"), ("王小明", "x"), ("同志", "n")]
    assert places.person_names(tagged) == {"韩正", "王小明"}  # 带头 is a common word after 书记, once


def test_report_place_terms_on_text():
    found = places.report_place_terms("市委书记韩正同志到东园社区调研，东园的党员很多。")
    assert {"韩正", "东园"} <= found and "社区" not in found


@pytest.mark.parametrize("term, expected", [("东园", True), ("东园社区", True), ("社区", False), ("园", False)])
def test_is_place_term(term, expected):
    assert places.is_place_term(term, {"东园", "上海"}) is expected


def test_vocabulary_leaves_out_the_places_of_each_report():
    texts = {"A": ("urban", "东园社区开展议事协商。东园居民参加议事协商，常德来的干部也参加。"),
             "B": ("rural", "村干部开展议事协商，村干部参加。")}
    ids = sorted(texts)
    co = SimpleNamespace(
        reports=pd.DataFrame({"report_id": ids, "label": ids, "category": [texts[r][0] for r in ids],
                              "place": "", "duplicate_of": ""}),
        paragraphs=pd.DataFrame({"report_id": ids, "source": "x.txt", "line": [1, 2],
                                 "text": [texts[r][1] for r in ids]}))
    kept = set(compare.report_counts(co)["term"])
    dropped = set(compare.report_counts(co, exclude_places=True)["term"])
    assert {"东园", "常德"} <= kept
    assert not {"东园", "东园社区", "常德"} & dropped and {"议事", "协商", "村干部"} <= dropped
