"""Cited statistics: golden positives and negatives lifted from the seed, variants, the table."""

from __future__ import annotations

import math
from pathlib import Path

import pandas as pd
import pytest

from reportlib import qualifiers
from reportlib.stats import (
    QUALIFIERS,
    STATISTICS_COLUMNS,
    excluded_spans,
    extract_statistics,
    load_fixed_expressions,
    load_units,
    placeholder_spans,
    score_against_golden,
    statistics_table,
    write_tables,
)

CASES = Path(__file__).parent / "cases"
FORMS = pd.read_csv(CASES / "statistics_forms.csv", dtype=str, keep_default_na=False)
GOLDEN = pd.read_csv(CASES / "statistics.csv", dtype={"surface": str, "unit": str, "what": str}, keep_default_na=False,
                     na_values={"value_high": [""]})
NEGATIVES = pd.read_csv(CASES / "statistics_negatives.csv", dtype=str, keep_default_na=False)
SEED_LINES = (Path(__file__).resolve().parent.parent / "seeds" / "000_bd97441f39be4d57.txt").read_text(
    encoding="utf-8").splitlines()


def _by_surface(text: str, surface: str) -> list:
    return [s for s in extract_statistics(text) if s.surface == surface]


def test_golden_table_is_large_and_well_formed():
    assert len(GOLDEN) >= 60
    assert set(GOLDEN["qualifier"]) <= set(QUALIFIERS)
    assert set(GOLDEN["unit"]) - {"%"} <= set(load_units())
    for row in GOLDEN.itertuples():
        assert row.surface in SEED_LINES[row.line - 1], (row.line, row.surface)


@pytest.mark.parametrize("row", GOLDEN.to_dict("records"), ids=lambda r: f"L{r['line']}-{r['surface']}")
def test_golden_statistic_is_extracted(row):
    found = _by_surface(SEED_LINES[row["line"] - 1], row["surface"])
    assert found, f"{row['surface']} not found on line {row['line']}"
    stat = found[0]
    assert stat.value == pytest.approx(row["value"])
    if math.isnan(row["value_high"]):
        assert stat.value_high is None
    else:
        assert stat.value_high == pytest.approx(row["value_high"])
    assert stat.unit == row["unit"]
    assert stat.qualifier == row["qualifier"]


def test_negatives_table_is_large_enough():
    assert len(NEGATIVES) >= 40


@pytest.mark.parametrize("row", NEGATIVES.to_dict("records"), ids=lambda r: r["text"][:16])
def test_negative_gives_no_statistic(row):
    found = extract_statistics(row["text"])
    if row["not_surface"]:
        assert not [s for s in found if s.surface == row["not_surface"]]
    else:
        assert found == []


@pytest.mark.parametrize(("text", "reason"), [
    ("精准选派第一书记", "ordinal"), ("《颍上县2024-2024年规划》", "title"), ("20242024年", "placeholder_year"),
    ("1959年成立", "year"), ("6月18日至20日", "date"), ("一是", "enumeration"), ("三会一课", "fixed_expression"),
    ("四个方面问题", "enumerated_points"), ("(三)", "list_marker"), ("__年10月", "redacted_date"),
])
def test_excluded_spans_name_their_reason(text, reason):
    assert reason in {r for _s, _e, r in excluded_spans(text)}


VARIANTS = [
    ("全市共建立商务楼宇党建服务站点620多个", "全市共建立商务楼宇党建服务站点六百二十多个", "全市共建立商务楼宇党建服务站点６２０多个"),
    ("覆盖1.3万户企业", "覆盖一万三千户企业", "覆盖１．３万户企业", "覆蓋1.3萬戶企業", "覆盖1.3 万户企业"),
    ("办结率95%以上", "办结率百分之九十五以上", "办结率９５％以上"),
    ("设6-8个服务窗口", "设六至八个服务窗口", "设６-８个服务窗口", "設6~8個服務窗口", "设6——8个服务窗口"),
    ("每150至200户配备", "每一百五十至二百户配备", "每１５０至２００户配备"),
    ("发放每月70元-80元的生活补贴", "发放每月七十元-八十元的生活补贴", "发放每月７０元-８０元的生活补贴"),
    ("毕业班党员比例达25-30%", "毕业班党员比例达百分之二十五至百分之三十", "毕业班党员比例达２５-３０％"),
    ("拿出336万元", "拿出三百三十六万元", "拿出３３６万元", "拿出336萬元"),
    ("平均年龄48.1岁", "平均年龄四十八点一岁", "平均年龄４８．１岁", "平均年齡48.1歲", "平均年龄48。1岁", "平均年齡四十八點一歲"),
    ("比例为49.5%", "比例为百分之四十九点五", "比例为４９．５％"),
    ("理事会由50余家理事单位组成", "理事会由五十余家理事单位组成", "理事会由５０余家理事单位组成", "理事會由50餘家理事單位組成"),
    ("建立基层党组织37个", "建立基层党组织三十七个", "建立基层党组织３７个", "建立基層黨組織37個", "建立基层党组织37 个"),
]


@pytest.mark.parametrize("variants", VARIANTS, ids=lambda v: v[0])
def test_fullwidth_traditional_and_chinese_variants_give_the_same_values(variants):
    def key(text):
        return [(s.value, s.value_high, load_units()[s.unit][0], s.qualifier) for s in extract_statistics(text)]

    expected = key(variants[0])
    assert expected, variants[0]
    for variant in variants[1:]:
        assert key(variant) == expected, variant


@pytest.mark.parametrize(("text", "value", "high", "qualifier"), [
    ("两千三百余个", 2300, None, "more_than"), ("二百余万元", 2_000_000, None, "more_than"),
    ("五十四万亿元", 54e12, None, "exact"), ("2-3万人", 20000, 30000, "exact"),
    ("约300人", 300, None, "about"), ("不超过5个", 5, None, "at_most"), ("逾百分之六十", 60, None, "more_than"),
    ("不少于10万元", 100_000, None, "at_least"), ("15%左右", 15, None, "about"), ("不足3人", 3, None, "less_than"),
    ("60岁及以上", 60, None, "at_least"), ("35岁以下", 35, None, "at_most"), ("为期一年", 1, None, "exact"),
    ("3人以上", 3, None, "at_least"), ("超过3人", 3, None, "more_than"), ("不到3人", 3, None, "less_than"),
    ("最多5个", 5, None, "at_most"), ("至少5个", 5, None, "at_least"), ("高于5%", 5, None, "more_than"),
    ("低于5%", 5, None, "less_than"), ("5个以内", 5, None, "at_most"), ("将近5个", 5, None, "about"),
])
def test_values_and_qualifiers(text, value, high, qualifier):
    (stat,) = extract_statistics(text)
    assert (stat.value, stat.value_high, stat.qualifier) == (value, high, qualifier)


def test_offsets_slice_the_surface_and_duration_is_time():
    text = "抽调41名干部,组成4个调研组,进行为期一年的调研。"
    stats = extract_statistics(text)
    assert [text[s.start:s.end] for s in stats] == ["41名", "4个", "一年"]
    assert [s.what for s in stats[:2]] == ["干部", "调研组"]
    assert stats[2].dimension == "time"


def test_body_offset_skips_the_heading():
    text = "(三)依托载体强基础。形成9个乡镇"
    assert [s.surface for s in extract_statistics(text, body_offset=10)] == ["9个"]
    assert extract_statistics(text, body_offset=len(text)) == []


def test_fixed_expression_file_has_the_issue_examples():
    fixed, tails = load_fixed_expressions()
    for expression in ["三会一课", "两新组织", "一岗双责", "三级联动", "三级联创", "一村一品", "四议两公开",
                       "三个代表", "五个好", "两学一做", "三带头", "三个相适应", "四有"]:
        assert expression in fixed
    assert "个方面" in tails


@pytest.fixture(scope="module")
def seed_table(seed_corpus):
    return statistics_table(seed_corpus)


def test_table_columns_and_provenance(seed_table, seed_corpus):
    assert list(seed_table.columns) == STATISTICS_COLUMNS
    assert seed_table["stat_id"].is_unique
    lines = {(p.source, p.line): p.text for p in seed_corpus.paragraphs.itertuples()}
    for row in seed_table.itertuples():
        assert lines[(row.source, row.line)][row.start:row.end] == row.surface
    assert set(seed_table["qualifier"]) <= set(QUALIFIERS)


def test_precision_and_recall_on_the_seed(seed_table):
    score = score_against_golden(seed_table, GOLDEN)
    assert score["precision"] >= 0.95
    assert score["recall"] >= 0.95
    assert score["values_agree"] == 1.0
    assert score["what_agree"] >= 0.85


def test_no_statistic_on_noise_or_in_the_preamble_free_rural_report(seed_table):
    assert not (seed_table["line"] > 266).any()
    assert "000_bd97441f39be4d57#01" not in set(seed_table["report_id"])


def test_write_tables_is_deterministic(seed_corpus, tmp_path):
    first = write_tables(seed_corpus, tmp_path / "a")
    second = write_tables(seed_corpus, tmp_path / "b")
    assert [p.name for p in first] == ["statistics.csv", "checks.csv"]
    for a, b in zip(first, second):
        assert a.read_bytes() == b.read_bytes()
    assert pd.read_csv(first[0]).shape[0] == len(GOLDEN)


# -- figures -----------------------------------------------------------------------------

from reportlib.figures import statistics as fs  # noqa: E402
from reportlib.figures.glossary import missing_terms  # noqa: E402
from reportlib.errors import ValueInvalidError  # noqa: E402


def test_overview_figure_has_a_bar_row_per_report(seed_table, seed_corpus):
    fig = fs.statistics_overview(seed_table, reports=seed_corpus.reports, lang="en")
    (ax,) = fig.axes
    assert len(ax.get_yticklabels()) == len(seed_corpus.reports)
    assert ax.get_xlabel() == "cited statistics"
    assert "line" not in fig.get_supxlabel() and "000_bd97441f39be4d57.txt" in fig.get_supxlabel()


def test_membership_rates_draw_ranges_about_values_and_cite_the_line(seed_table):
    rates = seed_table.query("report_id == '000_bd97441f39be4d57#08' and line == 178")
    fig = fs.membership_rates(rates, reference="全国本专科大学生党员比例", lang="en")
    (ax,) = fig.axes
    assert len(ax.get_yticklabels()) == len(rates) - 1
    texts = [t.get_text() for t in ax.texts]
    assert "25–30%" in texts and "≈15%" in texts
    assert "line 178 (000_bd97441f39be4d57#08)" in fig.get_supxlabel()
    with pytest.raises(ValueInvalidError, match="reference"):
        fs.membership_rates(rates, reference="no such rate")


def test_stated_figures_panel_per_unit_and_per_line(seed_table):
    network = seed_table.query("report_id == '000_bd97441f39be4d57#09' and line == 195")
    assert len(fs.stated_figures(network, lang="zh").axes) == network["unit_norm"].nunique()
    spending = seed_table.query("report_id == '000_bd97441f39be4d57#09' and line in (199, 200) and unit_norm == 'yuan'")
    fig = fs.stated_figures(spending, panel_by="line", lang="en")
    assert [ax.get_xlabel() for ax in fig.axes] == ["yuan (line 199)", "yuan (line 200)"]
    assert "lines 199–200 (000_bd97441f39be4d57#09)" in fig.get_supxlabel()


def test_english_figure_labels_are_in_the_glossary():
    """Every dimension, unit and indicator a statistics figure can name has an English label."""
    from reportlib.indicators import load_indicators

    codes = [f"dim_{d}" for d in fs.DIMENSIONS] + [f"unit_{u}" for u, _ in load_units().values()]
    indicators = list(load_indicators()["indicator"])
    assert indicators and missing_terms(codes + indicators) == []


# -- lines of official documents annotated by reading before they were run. First run: precision
# 0.954, recall 0.899 (倍 missing, 20周年 read as weeks, 二期 as a count, "6个100"); those rules were
# then fixed, so these lines are now regression cases, no longer held out. 20年来 was annotated a
# duration here; the development set's annotators take N年来 as a time frame, and so does the
# extractor now (see statistics_forms.csv).

OFFICIAL = Path(__file__).resolve().parent / "data" / "official"
HELD_OUT = {
    ("02_border_chongzuo_city_2024_gov_work_report.txt", 7): [("三年", 3.0, "exact"), ("6.2％", 6.2, "exact"), ("15％", 15.0, "exact"), ("16％", 16.0, "exact"), ("2.2％", 2.2, "exact"), ("27.2％", 27.2, "exact"), ("11.3％", 11.3, "exact"), ("3.5％", 3.5, "exact"), ("6.9％", 6.9, "exact"), ("103.97亿元", 10397000000.0, "exact"), ("1117.56亿元", 111756000000.0, "exact"), ("9．8倍", 9.8, "exact"), ("8.2％", 8.2, "exact"), ("19亿元", 1900000000.0, "exact"), ("334.6亿元", 33460000000.0, "exact"), ("16.6倍", 16.6, "exact"), ("9.2％", 9.2, "exact"), ("23.7％", 23.7, "exact"), ("13亿元", 1300000000.0, "exact"), ("93亿元", 9300000000.0, "exact"), ("6.2倍", 6.2, "exact"), ("10.1％", 10.1, "exact"), ("20.11亿元", 2011000000.0, "exact"), ("260.36亿元", 26036000000.0, "exact"), ("11.9倍", 11.9, "exact"), ("13.7％", 13.7, "exact"), ("20.1亿元", 2010000000.0, "exact"), ("2393.7亿元", 239370000000.0, "exact"), ("118.1倍", 118.1, "exact"), ("26.8％", 26.8, "exact"), ("15年", 15.0, "exact"), ("17年", 17.0, "exact"), ("9年", 9.0, "exact"), ("6208元", 6208.0, "exact"), ("39502元", 39502.0, "exact"), ("5.4倍", 5.4, "exact"), ("10.2％", 10.2, "exact"), ("1927元", 1927.0, "exact"), ("17918元", 17918.0, "exact"), ("8.3倍", 8.3, "exact"), ("11.4％", 11.4, "exact")],
    ("02_border_chongzuo_city_2024_gov_work_report.txt", 11): [("19％", 19.0, "exact"), ("100家", 100.0, "exact"), ("2个", 2.0, "exact"), ("10项", 10.0, "exact"), ("7家", 7.0, "exact"), ("5家", 5.0, "exact"), ("8家", 8.0, "exact")],
    ("07_party_20th_congress_report_wikisource.txt", 75): [("五十四万亿元", 54000000000000.0, "exact"), ("一百一十四万亿元", 114000000000000.0, "exact"), ("百分之十八点五", 18.5, "exact"), ("七点二个百分点", 7.2, "exact"), ("三万九千八百元", 39800.0, "exact"), ("八万一千元", 81000.0, "exact"), ("十四亿多人", 1400000000.0, "more_than"), ("十一点六个百分点", 11.6, "exact"), ("百分之六十四点七", 64.7, "exact"), ("一万亿元", 1000000000000.0, "exact"), ("二万八千亿元", 2800000000000.0, "exact")],
    ("07_party_20th_congress_report_wikisource.txt", 85): [("七十八点二岁", 78.2, "exact"), ("一万六千五百元", 16500.0, "exact"), ("三万五千一百元", 35100.0, "exact"), ("一千三百万人以上", 13000000.0, "at_least"), ("十亿四千万人", 1040000000.0, "exact"), ("百分之九十五", 95.0, "exact"), ("四千二百多万套", 42000000.0, "more_than"), ("二千四百多万户", 24000000.0, "more_than"), ("十亿三千万人", 1030000000.0, "exact")],
}


@pytest.mark.skipif(not OFFICIAL.is_dir(), reason="the official corpus is not next to the project")
@pytest.mark.parametrize("key", list(HELD_OUT), ids=lambda k: f"{k[0][:2]}-L{k[1]}")
def test_held_out_official_lines(key):
    text = (OFFICIAL / key[0]).read_text(encoding="utf-8").splitlines()[key[1] - 1]
    found = [(s.surface, s.value, s.qualifier) for s in extract_statistics(text)]
    assert found == HELD_OUT[key]


# -- what is counted: phrase boundaries ------------------------------------------------------

@pytest.mark.parametrize(("line", "surface", "what"), [
    # a long phrase is cut to the head after its last 的, not to its last 16 characters
    (254, "2个", "基层党组织委员会"),
    # a noun run into its verb is cut at a word boundary, not inside 提供
    (137, "77个", "建档立卡贫困村脱贫致富"),
    # 除…不足3人外: 外 closes 除…外, it is not the counted noun
    (184, "3人", "部门党员"),
])
def test_what_is_cut_at_word_boundaries(line, surface, what):
    (stat,) = [s for s in _by_surface(SEED_LINES[line - 1], surface)
               if s.qualifier == "less_than" or surface != "3人"][:1]
    assert stat.what == what


@pytest.mark.parametrize(("text", "dimensions"), [
    ("大学本科以上学历1179人,较换届前提高43%", ["count", "percent_change"]),
    ("技术合同成交额突破3000亿元、增长15.1%", ["money", "percent_change"]),
    ("增加值分别增长6.8%、12.3%、7.8%", ["percent_change"] * 3),
    ("医用耗材平均降幅达34.2%", ["percent_change"]),
    ("占比从26.7%提高到52.1%", ["percent", "percent"]),
    ("办结率95%以上", ["percent"]),
])
def test_percent_change_is_not_a_share(text, dimensions):
    assert [s.dimension for s in extract_statistics(text)] == dimensions


def test_seed_growth_rate_is_marked(seed_table):
    row = seed_table.set_index("stat_id").loc["000_bd97441f39be4d57#02-L00083-C0125"]  # line 83, 增加了43%
    assert (row["surface"], row["dimension"], row["unit_norm"]) == ("43%", "percent_change", "percent")
    assert (seed_table["dimension"] == "percent_change").sum() == 1


@pytest.mark.parametrize("text", ["推动S101户外探险集散中心建设", "创建5A级景区3个"])
def test_codes_with_latin_letters_are_not_counts(text):
    assert all(s.surface != "101户" and s.value != 5 for s in extract_statistics(text))


def test_spending_figure_has_plain_ticks_and_its_own_title(seed_table):
    spending = seed_table.query("report_id == '000_bd97441f39be4d57#09' and line in (199, 200) and unit_norm == 'yuan'")
    fig = fs.stated_figures(spending, title="颍上县村级活动场所与村干部经费", panel_by="line", lang="en")
    fig.canvas.draw()
    assert fig.get_suptitle() == "Yingshang County: village venues and village cadres' pay"
    top = fig.axes[0]
    assert top.xaxis.get_offset_text().get_text() == ""
    assert "3,000,000" in [label.get_text() for label in top.get_xticklabels()]


# -- numbers as real pages write them: tests/cases/statistics_forms.csv, texts written for the cases --

def _expected_forms(text: str) -> list[tuple]:
    rows = FORMS[(FORMS["text"] == text) & (FORMS["surface"] != "")]
    return [(r.surface, float(r.value), float(r.value_high) if r.value_high else None, r.unit, r.unit_norm,
             r.dimension, r.qualifier) for r in rows.itertuples()]


def test_forms_table_is_well_formed():
    stated = FORMS[FORMS["surface"] != ""]
    assert len(FORMS) >= 60 and FORMS["form"].nunique() >= 40
    assert set(stated["qualifier"]) <= set(QUALIFIERS)
    assert all(row.surface in row.text for row in stated.itertuples())


@pytest.mark.parametrize("text", list(dict.fromkeys(FORMS["text"])), ids=lambda t: t[:14])
def test_form_gives_exactly_its_statistics(text):
    found = extract_statistics(text)
    assert [(s.surface, s.value, s.value_high, s.unit, s.unit_norm, s.dimension, s.qualifier)
            for s in found] == _expected_forms(text)
    assert all(text[s.start:s.end] == s.surface for s in found)


@pytest.mark.parametrize(("text", "placeholders"), [
    ("建成x个站点,xx 个中心,X个平台", ["x", "xx", "X"]),
    ("×××个支部,XX人参加,*家企业,**个社区", ["×××", "XX", "*", "**"]),
    ("面积X.X平方公里,20XX年成立,201x年开始", ["X.X", "20XX", "201x"]),
    ("〔...〕共有党员30人,〔 〕", ["〔...〕", "〔 〕"]),
    # not placeholders: a multiplication sign, a code, a document year, a withheld name
    ("建成3×4米的宣传栏,编号X1", []),
    ("根据〔2019〕3号文件", []),
    ("XX县委组织部", []),
])
def test_placeholder_spans_find_withheld_numbers_only(text, placeholders):
    assert [text[start:end] for start, end in placeholder_spans(text)] == placeholders


def test_placeholder_year_is_masked_and_left_out_of_what():
    assert "placeholder" in {reason for _s, _e, reason in excluded_spans("20XX年成立")}
    (stat,) = extract_statistics("20XX年共发展党员30人")
    assert (stat.surface, stat.what) == ("30人", "发展党员")


def test_glued_percentage_has_no_phrase_of_its_own():
    first, second = extract_statistics("男女党员比例分别为9.9%14.8%")
    assert (first.what, second.what) == ("男女党员比例分别", "")


# -- one qualifier table (reportlib.qualifiers) --------------------------------------------------

#: The qualifier words the issue fixes, written out here so that the table is checked against them.
ISSUE_QUALIFIER_WORDS = {
    "at_least": ["以上", "及以上", "不少于", "不低于", "至少"],
    "at_most": ["以下", "及以下", "以内", "不超过", "最多"],
    "less_than": ["不足", "不到", "低于", "少于"],
    "more_than": ["超过", "多", "余", "逾", "多于", "高于"],
    "about": ["约", "大约", "近", "将近", "接近", "左右"],
}


@pytest.mark.parametrize(("qualifier", "word"), [(q, w) for q, words in ISSUE_QUALIFIER_WORDS.items() for w in words])
def test_qualifier_table_has_the_issue_words(qualifier, word):
    assert {row.word: row.qualifier for row in qualifiers.load_qualifier_table()}[word] == qualifier


@pytest.mark.parametrize("row", qualifiers.load_qualifier_table(), ids=lambda r: f"{r.position}-{r.word}")
def test_extraction_reads_every_word_of_the_table(row):
    text = {"prefix": f"{row.word}3人", "infix": f"3{row.word}人", "suffix": f"3人{row.word}",
            "time_suffix": f"3天{row.word}"}[row.position]
    (stat,) = extract_statistics(text)
    assert (stat.value, stat.qualifier) == (3, row.qualifier)


def test_qualifier_names_and_semantics():
    assert QUALIFIERS == qualifiers.QUALIFIERS == ("exact", "more_than", "at_least", "about", "at_most", "less_than")
    semantics = qualifiers.QUALIFIER_SEMANTICS
    assert list(semantics) == list(QUALIFIERS)
    assert [(semantics[q].relation, semantics[q].inclusive) for q in ("at_least", "more_than", "at_most", "less_than")] \
        == [("≥", True), (">", False), ("≤", True), ("<", False)]


def test_a_time_suffix_bounds_only_a_time():
    assert [(s.surface, s.qualifier) for s in extract_statistics("一周内完成,3个内设机构")] == [
        ("一周内", "at_most"), ("3个", "exact")]


@pytest.mark.parametrize("bad", [{"word": ""}, {"position": "middle"}, {"qualifier": "up_to"}, {"qualifier": "exact"}])
def test_bad_qualifier_rows_are_rejected(bad):
    row = {"word": "以上", "position": "suffix", "qualifier": "at_least", "note": ""} | bad
    with pytest.raises(ValueInvalidError, match="qualifiers.csv"):
        qualifiers._checked(row)


def test_endnote_digit_glued_to_a_year_is_not_read_as_a_number():
    text = "女党员占8%。22010年起实行新办法"
    assert [(text[s:e], reason) for s, e, reason in excluded_spans(text)] == [("2010年", "year")]
    assert [s.surface for s in extract_statistics(text)] == ["8%"]


@pytest.mark.parametrize("text", ["共有党员一万一千三百万人", "投入资金三百万五十万元", "两千两千个"])
def test_malformed_numerals_give_no_statistic_and_no_error(text):
    """Scraped or generated text can run two numerals together; extraction must not fail on it."""
    assert all(s.value >= 0 for s in extract_statistics(text))


def test_statistics_in_a_numbered_line_that_runs_on_without_a_full_stop(tmp_path):
    # a document-sharing chunk: '1、' then title and body glued on one line, no full stop for long
    text = ("1、某市非公企业党建工作调研报告 某市非公经济起步早,企业高度集聚,共有非公企业1.9万多家,"
            "其中规模以下企业1.7万多家,外资企业400多家。近年来党组织覆盖面不断扩大。\n"
            "2、,把建立党的组织作为基础性工程,扎实推进两个覆盖工作,发展党员900多人。\n")
    path = tmp_path / "page.txt"
    path.write_text(text, encoding="utf-8")
    import reportlib

    table = statistics_table(reportlib.load(path, overrides=False))
    assert table["surface"].tolist() == ["1.9万多家", "1.7万多家", "400多家", "900多人"]
    assert table["line"].tolist() == [1, 1, 1, 2]


def test_statistics_in_numbered_items_and_a_plain_heading_are_read(tmp_path):
    text = ("某校学生入党意愿调研报告\n一、基本情况\n据抽样统计40家单位,具体情况如下:\n"
            "1.受访学生中有312 位女性,占比70.59%;\n2.有入党意愿的学生210 名。\n")
    table = _table_of(tmp_path, text)
    assert table["surface"].tolist() == ["40家", "312 位", "70.59%", "210 名"]


def test_statistics_in_a_title_and_its_subtitle_are_read(tmp_path):
    """A title names its sample (基于140个边境县的调查); a date or an ordinal in it stays out."""
    text = ("2023年边境地区基层党建研究——基于140个边境县的调查\n"
            "——对全国31个省的252个村的第二次调查\n一、基本情况\n全县共有党员3000名。\n")
    table = _table_of(tmp_path, text)
    assert list(zip(table["line"], table["surface"])) == [(1, "140个"), (2, "31个"), (2, "252个"), (4, "3000名")]


def _table_of(tmp_path, text: str):
    """The statistics table of `text` saved as one page."""
    import reportlib

    path = tmp_path / "page.txt"
    path.write_text(text, encoding="utf-8")
    return statistics_table(reportlib.load(path, overrides=False))
