"""Consistency checks: stated relations in the seed, written cases, and no invented relations."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
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
    assert list(zip(failing["report_id"], failing["line"])) == [("000_bd97441f39be4d57#08", 167)]
    assert (table["kind"].value_counts().to_dict()
            == {"enumeration_count": 4, "percent_of": 4, "parts_sum": 1, "subset_sum": 1, "paren_breakdown": 1})
    assert table["check_id"].is_unique


# -- the official documents: every check that remains was read in its source line ------------

OFFICIAL = Path(__file__).resolve().parent / "data" / "official"
#: (file, line, items counted, stated count, verdict), each read in the source line:
OFFICIAL_CHECKS = [
    # 养牛、种竹、新型农业主体培育、示范创建等四项工作实现突破发展: four named items, 等 closes the list
    ("02_border_chongzuo_city_2024_gov_work_report.txt", 17, 4, "四项", "holds"),
    # 全力做好科技金融、绿色金融、普惠金融、养老金融、数字金融五篇大文章: the five "articles" named
    ("03_urban_shanghai_2024_gov_work_report.txt", 83, 5, "五篇", "holds"),
    # 全力推进人工智能、航空航天、先进装备、生物制造、清洁能源、先进材料等6个重大科技专项
    ("06_gov_sichuan_2026_gov_work_report_scraped.txt", 107, 6, "6个", "holds"),
    # “六横”…包括都江堰灌区、引大济岷、长征渠引水、向家坝灌区、引雅济安、南水北调西线6个工程
    ("06_gov_sichuan_2026_gov_work_report_scraped.txt", 122, 6, "6个", "holds"),
    # “六纵”…包括武都引水、升钟灌区、亭子口灌区、罐子坝灌区、川渝东北一体化水资源配置、大桥灌区6个工程
    ("06_gov_sichuan_2026_gov_work_report_scraped.txt", 122, 6, "6个", "holds"),
    # 完成生态保护红线、永久基本农田、城镇开发边界三条控制线划定工作
    ("08_party_19th_congress_report_python123.txt", 257, 3, "三条", "holds"),
]


@pytest.fixture(scope="module")
def official_checks():
    import reportlib

    corpus = reportlib.load(sorted(OFFICIAL.glob("*.txt")))
    return checks_table(statistics_table(corpus), corpus.paragraphs)


def test_official_documents_only_keep_checks_read_in_the_text(official_checks):
    found = [(Path(r.source).name, r.line, r.observed, r.numbers, r.verdict) for r in official_checks.itertuples()]
    assert found == OFFICIAL_CHECKS


@pytest.mark.parametrize("expected", OFFICIAL_CHECKS, ids=lambda c: f"{c[0][:2]}-L{c[1]}-{c[3]}")
def test_official_check_read_in_its_line(expected, official_checks):
    name, line, n_items, stated, verdict = expected
    rows = official_checks[(official_checks["source"].map(lambda s: Path(s).name) == name)
                           & (official_checks["line"] == line) & (official_checks["numbers"] == stated)]
    assert len(rows) >= 1
    row = rows.iloc[0]
    assert (row["kind"], row["observed"], row["verdict"]) == ("enumeration_count", n_items, verdict)
    source_line = (OFFICIAL / name).read_text(encoding="utf-8").splitlines()[line - 1]
    assert stated in source_line and all(item in source_line for item in row["computation"][9:].split(" = ")[0].split("、"))


@pytest.mark.parametrize("text", [
    # misreadings the first run of the official documents made, kept as written cases:
    # kinds of what is counted, listed before an Arabic count (not its items)
    "高质量办结人大代表建议、议案51件和政协委员提案85件。",
    "挂牌京剧、秦腔传习基地10个,中华优秀传统文化在传承中创新发展。",
    "打通丁字路、断头路26条,改造交通堵点3处。",
    "新增自治区节水标杆、节水型企业2家。",
    "制定、修改、废止政府规章70件,健全领办交办、督办考核等机制。",
    "新开、复航、加密44条国际及地区客货运航线。",
    "川渝省际铁路、高速公路、水路通道达到28条;",
    # subjects and verbs before a count
    "省委、省政府16次调度推进重大产业项目。",
    "个人养老金制度全面实施、开户602万人。",
    "谋划多年、惠及3400万人的引大济岷工程启动建设。",
    # alternatives in a parenthesis, not items
    "11个县(市、区)通过国家义务教育优质均衡县评估认定。",
    # 等 with fewer items than the count: a partial list
    "新昆楚大、临清等40条高速公路相继开通。",
    "乌东德、白鹤滩等14座大中型水电站建成发电。",
    # a name with a numeral, a road code
    "办好国际乒联混合团体世界杯、铁人三项世界杯。",
    "推动丝绸之路国际度假区东区、S101户外探险集散中心等项目建设。",
    # counts of the same noun side by side, with no total stated
    "新增“小升规”企业42家、专精特新“小巨人”企业3家,培育自治区创新型中小企业134家、专精特新中小企业40家。",
])
def test_official_misreadings_give_no_check(text):
    assert _checks(text) == []


def test_enumeration_with_deng_fails_only_when_the_list_is_longer():
    (check,) = _checks("除监察室、基建处、工会、团委等三个部门")
    assert (check["observed"], check["verdict"]) == (4, "fails")


def _fullwidth(text: str) -> str:
    return text.translate(str.maketrans("0123456789.", "０１２３４５６７８９．"))


def test_fullwidth_seed_gives_the_same_checks(seed_corpus, tmp_path):
    import reportlib

    (source,) = sorted(Path(p) for p in seed_corpus.reports["source"].unique())
    copy = tmp_path / source.name
    copy.write_text(_fullwidth(source.read_text(encoding="utf-8")), encoding="utf-8")
    wide = reportlib.load(copy)
    columns = ["check_id", "report_id", "line", "kind", "stat_ids", "expected", "observed", "tolerance", "verdict"]
    original = checks_table(statistics_table(seed_corpus), seed_corpus.paragraphs)[columns]
    fullwidth = checks_table(statistics_table(wide), wide.paragraphs)[columns]
    pd.testing.assert_frame_equal(fullwidth, original)
    r08 = fullwidth[fullwidth["verdict"] == "fails"].iloc[0]
    assert (r08["line"], r08["tolerance"]) == (167, 0.005)


# -- qualifiers: the relation comes from reportlib.qualifiers (以上 and 以下 include the number) ----

@pytest.mark.parametrize(("text", "verdict", "tolerance"), [
    ("共有党员200人,其中女党员100人,占全体党员的50%以上。", "holds", 0.5),   # at_least: 50 ≥ 49.5
    ("共有党员200人,其中女党员98人,占全体党员的50%以上。", "fails", 0.5),    # 49 < 49.5
    ("共有党员200人,其中女党员98人,超过全体党员的50%。", "fails", 0.5),     # more_than: 49 > 49.5 is false
    ("共有党员200人,其中女党员100人,占全体党员的50%以下。", "holds", 0.5),   # at_most: 50 ≤ 50.5
    ("共有党员200人,其中女党员102人,占全体党员的50%以下。", "fails", 0.5),
    ("共有党员200人,其中女党员98人,占全体党员不足50%。", "holds", 0.5),     # less_than: 49 < 50.5
    ("共有党员200人,其中女党员102人,占全体党员不足50%。", "fails", 0.5),
    # about: within 5% of the stated value, and that wider tolerance is the one recorded
    ("共有党员200人,其中女党员52人,约占全体党员的25%。", "holds", 1.25),
    ("共有党员200人,其中女党员52人,占全体党员的25%左右。", "holds", 1.25),
    ("共有党员200人,其中女党员60人,约占全体党员的25%。", "fails", 1.25),
])
def test_share_bounds_follow_the_qualifier_table(text, verdict, tolerance):
    (check,) = _checks(text)
    assert (check["kind"], check["verdict"], check["tolerance"]) == ("percent_of", verdict, tolerance)


@pytest.mark.parametrize(("observed", "qualifier", "holds"), [
    (3, "at_least", True), (3, "more_than", False), (4, "more_than", True), (2, "at_least", False),
    (3, "at_most", True), (3, "less_than", False), (2, "less_than", True), (4, "at_most", False),
    (3, "exact", True), (4, "exact", False), (3.1, "about", True), (3.2, "about", False),
])
def test_compare_reads_relation_and_inclusiveness(observed, qualifier, holds):
    from decimal import Decimal

    from reportlib.checks import _compare

    assert _compare(observed, 3.0, Decimal(0), qualifier)[0] is holds


def test_traditional_text_gives_the_same_checks():
    simplified = _checks("全校共有党员299人,正式党员229人,预备党员70人(教职工3人,学生67人)。")
    traditional = _checks("全校共有黨員299人,正式黨員229人,預備黨員70人(教職工3人,學生67人)。")
    assert [(c["kind"], c["expected"], c["observed"], c["verdict"]) for c in traditional] \
        == [(c["kind"], c["expected"], c["observed"], c["verdict"]) for c in simplified]
