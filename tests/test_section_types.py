"""Section-type classification: golden headings from the corpus, the rules, propagation."""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from reportlib.errors import InputError, ValueInvalidError
from reportlib.section_types import (
    SECTION_TYPES,
    classify_heading,
    classify_sections,
    distinctive_terms,
    find_cues,
    heading_clause,
    load_cues,
    paragraph_section_types,
)

CASES = json.loads((Path(__file__).parent / "cases" / "section_headings.json").read_text(encoding="utf-8"))["cases"]


def test_golden_table_is_large_enough_and_covers_every_type():
    assert len(CASES) >= 25
    assert {c["own_type"] for c in CASES} == set(SECTION_TYPES)


@pytest.mark.parametrize("case", CASES, ids=[f"{c['report']}-L{c['line']}" for c in CASES])
def test_corpus_headings(case):
    found = classify_heading(case["heading"])
    assert (found.own_type, found.first_type) == (case["own_type"], case["first_type"])


def test_longer_cue_wins_overlap():
    assert [cue for _, cue, _ in find_cues("党总支基本情况")] == ["基本情况"]
    assert [cue for _, cue, _ in find_cues("党建工作开展情况")] == ["情况"]


def test_heading_clause_stops_at_sentence_end_but_not_in_numbers():
    assert heading_clause("1. 构建工作格局.始终把党建工作") == "构建工作格局"
    assert heading_clause("辖区面积11.79平方公里") == "辖区面积11.79平方公里"
    assert heading_clause("一、农村基层党建工作的主要做法和基本经验:") == "农村基层党建工作的主要做法和基本经验"


def test_mixed_heading_keeps_all_types_in_order():
    found = classify_heading("二、存在的问题及对策建议")
    assert found.types == ("problem", "measure")
    assert found.cues == ("存在的问题", "对策", "建议")


def _sections():
    return pd.DataFrame(
        {
            "section_id": ["R07-S1", "R07-S2", "R07-S3", "R07-S4", "R07-S5"],
            "report_id": ["000_bd97441f39be4d57#07"] * 5,
            "parent_id": ["", "", "R07-S2", "R07-S3", ""],
            "heading": ["一、党总支基本情况", "三、党建工作中存在问题", "(一)组织教育活动不到位。", "1、对策在此", "四、党建整改措施"],
        }
    )


def test_subsections_inherit_the_top_level_type():
    out = classify_sections(_sections())
    assert out["own_type"].tolist() == ["background", "problem", "other", "measure", "measure"]
    assert out["top_section_id"].tolist() == ["R07-S1", "R07-S2", "R07-S2", "R07-S2", "R07-S5"]
    assert out["section_type"].tolist() == ["background", "problem", "problem", "problem", "measure"]


def test_paragraphs_take_their_section_type_and_preamble_is_other():
    types = classify_sections(_sections())
    paragraphs = pd.DataFrame({"paragraph_id": ["a", "b", "c"], "section_id": ["", "R07-S4", "R07-S5"]})
    assert paragraph_section_types(paragraphs, types)["section_type"].tolist() == ["other", "problem", "measure"]


def test_cycle_in_parents_is_an_error():
    sections = pd.DataFrame({"section_id": ["a", "b"], "parent_id": ["b", "a"], "heading": ["x", "y"]})
    with pytest.raises(ValueInvalidError, match="cycles"):
        classify_sections(sections)


def test_missing_columns_are_named():
    with pytest.raises(ValueInvalidError, match="parent_id"):
        classify_sections(pd.DataFrame({"section_id": ["a"], "heading": ["x"]}))


def test_bad_cue_file(tmp_path):
    bad = tmp_path / "cues.csv"
    bad.write_text("cue,type\n问题,trouble\n", encoding="utf-8")
    with pytest.raises(ValueInvalidError, match="trouble"):
        load_cues(bad)
    with pytest.raises(InputError, match="no such cue file"):
        load_cues(tmp_path / "absent.csv")


def test_packaged_cues_are_unique_and_typed():
    cues = load_cues()
    assert cues["cue"].is_unique
    assert set(cues["type"]) == {"background", "practice", "problem", "measure"}


def test_distinctive_terms_of_problem_sections():
    paragraphs = pd.DataFrame(
        {
            "report_id": ["R1", "R1", "R2", "R2", "R3"],
            "category": ["rural", "rural", "enterprise", "enterprise", "rural"],
            "section_type": ["problem", "problem", "problem", "problem", "measure"],
            "tokens": [["村干部", "报酬", "党员"], ["村干部", "党员"], ["企业主", "党员"], ["企业主", "流动"], ["村干部"] * 9],
        }
    )
    out = distinctive_terms(paragraphs, n=1)
    top = dict(zip(out["group"], out["term"]))
    assert top == {"enterprise": "企业主", "rural": "村干部"}
    rural = out[out["group"] == "rural"].iloc[0]
    assert (rural["count"], rural["n_tokens"], rural["count_rest"], rural["n_tokens_rest"]) == (2, 5, 0, 4)
    assert rural["reports"] == "R1"  # the measure paragraph of R3 is not counted
    with pytest.raises(ValueInvalidError, match="section_type"):
        distinctive_terms(paragraphs, section_type="problems")


def test_seed_corpus_problem_sections(seed_corpus):
    table = classify_sections(seed_corpus.drop_duplicates().sections)
    top = table[table["parent_id"] == ""]
    with_problems = set(top.loc[top["own_type"] == "problem", "report_id"])
    # read in the seed: problem sections in 000_bd97441f39be4d57#03 L95, 000_bd97441f39be4d57#04 L111, 000_bd97441f39be4d57#07 L158, 000_bd97441f39be4d57#08 L176, 000_bd97441f39be4d57#09 L201,
    # 000_bd97441f39be4d57#10 L227, 000_bd97441f39be4d57#12 L255 and L260; 000_bd97441f39be4d57#05 L133 names problems and measures together (mixed)
    assert with_problems == {"000_bd97441f39be4d57#03", "000_bd97441f39be4d57#04", "000_bd97441f39be4d57#07", "000_bd97441f39be4d57#08", "000_bd97441f39be4d57#09", "000_bd97441f39be4d57#10", "000_bd97441f39be4d57#12"}
    assert top.loc[top["report_id"] == "000_bd97441f39be4d57#05", "own_type"].tolist() == ["practice", "mixed"]
    # 000_bd97441f39be4d57#07 (一) under 三、党建工作中存在问题 (L158) inherits problem
    sub = table[(table["report_id"] == "000_bd97441f39be4d57#07") & (table["line"] == 159)]
    assert sub[["own_type", "section_type"]].values.tolist() == [["other", "problem"]]
