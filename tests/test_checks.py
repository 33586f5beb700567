"""Consistency checks: stated relations in the seed, written cases, and no invented relations."""

from __future__ import annotations

import pytest

from reportlib.checks import CHECK_COLUMNS, check_line, checks_table
from reportlib.stats import extract_statistics, statistics_table


def _checks(text: str) -> list[dict]:
    return check_line(text, [s.to_dict() for s in extract_statistics(text)])


COLLEGE = ("党员人数:截止__年10月,全校共有党员299人,正式党员229人,预备党员70人(教职工3人,学生67人)。"
           "其中,在职教工党员148人,占全体党员比例为49.5%,占全院教职员工比例为56.92%,;学生党员99人,"
           "占全体学生比例为5.5%;离退休党员42人,占全体党员比例14.53%。")


def test_college_report_checks():
    by_kind = {}
    for check in _checks(COLLEGE):
        by_kind.setdefault(check["kind"], []).append(check)
    (parts,) = by_kind["parts_sum"]
    assert (parts["observed"], parts["expected"], parts["verdict"]) == (299, 299, "holds")
    (paren,) = by_kind["paren_breakdown"]
    assert (paren["observed"], paren["verdict"]) == (70, "holds")
    (subset,) = by_kind["subset_sum"]
    assert subset["observed"] == 289 and subset["verdict"] == "holds"
    shares = {c["numbers"].split("; ")[-1]: c for c in by_kind["percent_of"]}
    assert set(shares) == {"49.5%", "14.53%"}   # 56.92% and 5.5% name wholes the text never states
    assert shares["49.5%"]["verdict"] == "holds" and shares["49.5%"]["tolerance"] == pytest.approx(0.05)
    assert shares["14.53%"]["verdict"] == "fails"
    assert shares["14.53%"]["observed"] == pytest.approx(42 / 299 * 100, abs=1e-4)


def test_shanghai_workforce_shares_against_the_total():
    text = ("目前,全市已统一选聘社区工作者2.88万人,大专以上学历的2.3万人,达到总数的80%;"
            "35岁以下的1.49万人,超过总数的50%,整个社区工作者队伍学历水平大大提升。")
    checks = _checks(text)
    assert [c["computation"].split(" vs")[0] for c in checks] == ["23000 / 28800 = 79.86%", "14900 / 28800 = 51.74%"]
    assert all(c["verdict"] == "holds" for c in checks)


@pytest.mark.parametrize(("text", "verdict"), [
    ("辖滨海、大巷、桃园、东园、南巷、院前、西园7个社区和2个直属公司", "holds"),
    ("4个党总支(经济系、管理系、法律系、外语系)", "holds"),
    ("下属 3个支部(分别是行政党支部、事业党支部、农村产权交易中心党支部)", "holds"),
    ("除监察室、基建处、工会等三个部门党员不足3人外", "holds"),
    ("辖滨海、大巷、桃园6个社区", "fails"),
])
def test_enumeration_counts(text, verdict):
    (check,) = [c for c in _checks(text) if c["kind"] == "enumeration_count"]
    assert check["verdict"] == verdict


@pytest.mark.parametrize(("text", "verdict"), [
    ("共有党员100人,正式党员90人,预备党员10人。", "holds"),
    ("共有党员100人,正式党员90人,预备党员12人。", "fails"),
    ("预备党员70人(教职工3人,学生66人)", "fails"),
    ("共有党员200人,其中女党员50人,占全体党员比例为25%。", "holds"),
    ("共有党员200人,其中女党员50人,占全体党员比例为52%。", "fails"),
])
def test_written_relations(text, verdict):
    (check,) = _checks(text)
    assert check["verdict"] == verdict


@pytest.mark.parametrize("text", [
    # numbers side by side without a stated relation
    "现有干部职工69人,支部委员7名,共有党员54名。",
    "形成9个乡镇、30个示范村、5个社区、4个企业的先进典型群体,培育示范户4923户。",
    "全市已有746名社区书记纳入事业编制,1879名社区书记实行事业岗位、事业待遇。",
    # a share of a whole that is never stated
    "学生党员99人,占全体学生比例为5.5%。",
    # a list followed by a count of something else
    "近年来针对党员发展、组织生活、党员教育管理等出台了18项规范性规章制度",
    # approximate values are not summed
    "共有党员300多人,正式党员200人,预备党员100人。",
])
def test_no_invented_relations(text):
    assert _checks(text) == []


def test_seed_checks_table(seed_corpus):
    table = checks_table(statistics_table(seed_corpus), seed_corpus.paragraphs)
    assert list(table.columns) == CHECK_COLUMNS
    assert set(table["verdict"]) == {"holds", "fails"}
    failing = table[table["verdict"] == "fails"]
    assert list(zip(failing["report_id"], failing["line"])) == [("R08", 167)]
    assert (table["kind"].value_counts().to_dict()
            == {"enumeration_count": 4, "percent_of": 4, "parts_sum": 1, "subset_sum": 1, "paren_breakdown": 1})
    assert table["check_id"].is_unique
