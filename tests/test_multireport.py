"""Several reports in one page, tables of contents, hard wraps and headings glued in a line."""

import pytest

import reportlib
from reportlib.io import Line
from reportlib.segment import (
    classify_line,
    continuations,
    inline_headings,
    wrap_width,
)

BODY = "全镇共有基层党组织四十二个,党员一千二百名,组织生活制度落实到位,党员作用发挥明显。" * 6


def load_text(tmp_path, text):
    (tmp_path / "page.txt").write_text(text, encoding="utf-8")
    return reportlib.load(tmp_path / "page.txt", overrides=False)


def classified(text):
    return [classify_line(Line("x.txt", n, t, "\n")) for n, t in enumerate(text.split("\n"), start=1)]


@pytest.mark.parametrize("marker", ["篇一", "【篇一】", "第1篇:", "第一篇:", "范文一", "精选范文"])
def test_a_report_marker_opens_a_report(tmp_path, marker):
    second = "【篇二】" if marker.startswith("【") else marker.replace("一", "二").replace("1", "2")
    text = (f"{marker}\n某村党建工作调研报告\n一、做法\n{BODY}\n"
            f"{second}\n某社区党建工作调研报告\n一、做法\n{BODY}\n")
    corpus = load_text(tmp_path, text)
    assert corpus.reports["start_line"].tolist() == [1, 5]
    assert corpus.reports["start_reason"].tolist()[1] == f"report marker ({second})"
    assert [t.strip() for t in corpus.reports["title"]] == ["某村党建工作调研报告", "某社区党建工作调研报告"]


def test_marker_and_title_on_one_line(tmp_path):
    corpus = load_text(tmp_path, f"篇一:某村党建工作调研报告\n{BODY}\n篇二:某社区党建工作调研报告\n{BODY}\n")
    assert corpus.reports["title"].tolist() == ["某村党建工作调研报告", "某社区党建工作调研报告"]


def test_table_of_contents_of_markers_is_noise(tmp_path):
    text = (f"目录\n第一篇:某村党建工作调研报告\n第二篇:某社区党建工作调研报告\n"
            f"第一篇:某村党建工作调研报告\n一、做法\n{BODY}\n第二篇:某社区党建工作调研报告\n一、做法\n{BODY}\n")
    corpus = load_text(tmp_path, text)
    assert corpus.reports["start_line"].tolist() == [4, 7]
    assert corpus.noise["reason"].tolist() == ["table of contents"] * 3


def test_list_of_titles_after_a_collection_title_is_a_table_of_contents(tmp_path):
    text = (f"基层党建调研报告锦集3篇\n某村党建工作调研报告\n某社区党建工作调研报告\n"
            f"某村党建工作调研报告\n一、做法\n{BODY}\n某社区党建工作调研报告\n一、做法\n{BODY}\n")
    corpus = load_text(tmp_path, text)
    assert corpus.reports["start_line"].tolist() == [4, 7]
    assert corpus.noise["reason"].tolist() == ["page title of a collection", "table of contents", "table of contents"]


def test_numbered_list_of_report_titles_at_the_top_is_a_table_of_contents(tmp_path):
    text = (f"1.某村党建工作调研报告\n2.某社区党建工作调研报告\n"
            f"某村党建工作调研报告\n一、做法\n{BODY}\n某社区党建工作调研报告\n一、做法\n{BODY}\n")
    corpus = load_text(tmp_path, text)
    assert corpus.reports["start_line"].tolist() == [3, 6]
    assert corpus.noise["reason"].tolist() == ["table of contents"] * 2


def test_a_list_of_numbered_report_titles_opens_reports_not_sections(tmp_path):
    text = (f"1.关于某村党建工作的调研报告\n一、基本情况\n{BODY}\n二、对策\n{BODY}\n"
            f"2.关于某社区党建工作的调研报告\n一、基本情况\n{BODY}\n二、对策\n{BODY}\n")
    corpus = load_text(tmp_path, text)
    assert corpus.reports["start_line"].tolist() == [1, 6]
    assert corpus.reports["start_reason"].tolist()[1] == "numbered report title (2.)"
    assert corpus.reports["title"].tolist() == ["关于某村党建工作的调研报告", "关于某社区党建工作的调研报告"]


def test_a_numbered_section_about_research_stays_a_section(tmp_path):
    text = f"某县党建调研报告\n一、调研的基本情况\n{BODY}\n二、对策\n{BODY}\n"
    corpus = load_text(tmp_path, text)
    assert len(corpus.reports) == 1 and corpus.sections["heading"].tolist()[0] == "调研的基本情况"


WRAPPED = """某县农村基层党建调研报告
一、基本情况
全县共有村级党组织二百一十个,党员八
千六百名。近年来,县委坚持把抓基层打
基础作为长远之计,村级组织活动场所实
现全覆盖。
二、存在问题
部分村党组织书记年龄偏大,后备力量不
足,发展党员困难,流动党员管理难度大
,组织生活不够规范。"""


def test_hard_wrapped_lines_continue_the_line_above():
    lines = classified(WRAPPED)
    assert wrap_width(lines) == 18
    assert continuations(lines) == {4: 3, 5: 3, 6: 3, 9: 8, 10: 8}


def test_hard_wraps_make_no_headings_or_reports(tmp_path):
    corpus = load_text(tmp_path, WRAPPED)
    assert len(corpus.reports) == 1
    assert corpus.sections["heading"].tolist() == ["基本情况", "存在问题"]
    assert "".join(corpus.lines["text"] + corpus.lines["ending"]) == WRAPPED


def test_lines_of_a_scrape_that_is_not_wrapped_continue_nothing():
    text = f"某县党建调研报告\n一、做法\n{BODY}\n党员队伍结构\n{BODY[:30]}。\n二、对策\n{BODY}"
    assert continuations(classified(text)) == {}


def test_headings_glued_inside_a_line():
    text = "某县基层党建的深度剖析一、引言1.1研究背景近年来,全县有1.3万名党员。(二)主要做法全面推进"
    found = inline_headings(text)
    assert [(style, marker, heading) for _, style, marker, heading in found] == [
        ("cn", "一、", "引言"), ("decimal", "1.1", "研究背景近年来"), ("paren_cn", "(二)", "主要做法全面推进")]
    assert all(text[offset:].startswith(marker) for offset, _, marker, _ in found)


@pytest.mark.parametrize("text", ["其一、要加强学习,其二、要改进作风。", "全县有1.3万名党员,占2.5%。", "第一、二批次"])
def test_enumerations_and_numbers_are_not_inline_headings(text):
    assert inline_headings(text) == []


def test_a_sentence_continues_across_a_page_counter():
    text = f"某县党建调研报告\n一、方法\n调研组深入基层组织所在的社区、\n- 1 -\n村庄进行实地走访,召开座谈会。\n{BODY}"
    lines = classified(text)
    assert lines[3].reason == "page counter"
    assert continuations(lines) == {5: 3}


def test_a_whole_document_glued_on_one_line():
    text = "调研情况报告如下:。一、农村党组织的作用1、政治核心作用。党组织是领导核心。2、战斗堡垒作用。全县共有3、4个"
    found = [(style, marker) for _, style, marker, _ in inline_headings(text)]
    assert found == [("cn", "一、"), ("arabic", "1、"), ("arabic", "2、")]


def _needs(table, column):
    from reportlib.corpus import COLUMNS
    if column not in COLUMNS[table]:
        pytest.skip(f"corpus.{table} has no {column} column yet")


def test_a_wrapped_paragraph_is_one_paragraph_row(tmp_path):
    _needs("paragraphs", "end_line")
    corpus = load_text(tmp_path, WRAPPED)
    rows = corpus.paragraphs.query("kind == 'body'")
    assert rows[["line", "end_line"]].values.tolist() == [[3, 6], [8, 10]]
    assert rows["text"].iloc[0] == "".join(WRAPPED.split("\n")[2:6])
    sentences = corpus.sentences[corpus.sentences["paragraph_id"] == rows["paragraph_id"].iloc[0]]
    assert sentences["line"].tolist() == [3, 4]
    assert sentences["text"].tolist()[0] == "全县共有村级党组织二百一十个,党员八千六百名。"


def test_headings_glued_in_a_whole_document_line_are_sections(tmp_path):
    _needs("sections", "offset")
    text = ("第1页共7页农村党的基层组织建设调研报告为了解情况,调研组走访了三个村。" + BODY
            + "一、农村党组织的作用1、政治核心作用。" + BODY + "2、战斗堡垒作用。" + BODY)
    corpus = load_text(tmp_path, text)
    sections = corpus.sections
    expected = [["cn", "一、", 1], ["arabic", "1、", 2], ["arabic", "2、", 2]]
    assert sections[["style", "marker", "level"]].values.tolist() == expected
    assert all(text[o:].startswith(m) for o, m in zip(sections["offset"], sections["marker"]))
    assert corpus.paragraphs["note"].iloc[0] == "page counter stripped (第1页共7页)"


def test_a_report_marker_above_its_title_glued_to_the_text(tmp_path):
    # 第1篇 X / lead-in / X一、… : the marker line is the page's copy, the glued line opens the report
    text = (f"第1篇 某中学党建工作调研报告\n下面是小编为大家整理的某中学党建工作调研报告,供大家参考。\n"
            f"某中学党建工作调研报告一、基本情况{BODY}\n"
            f"第2篇 某小学党建工作调研报告\n某小学党建工作调研报告一、基本情况{BODY}\n")
    corpus = load_text(tmp_path, text)
    assert corpus.reports["start_line"].tolist() == [3, 5]
    assert set(corpus.noise["line"]) == {1, 2, 4}


WRAPPED_FIGURES = """某县农村基层党建调研报告
一、基本情况
全县共有村级党组织二百一十个,党员八
千六百名。近年来,县委坚持把抓基层打
基础作为长远之计,场所建成45个,实
现全覆盖。"""


def test_a_statistic_in_a_hard_wrapped_paragraph_names_the_line_it_stands_on(tmp_path):
    corpus = load_text(tmp_path, WRAPPED_FIGURES)
    assert corpus.paragraphs["end_line"].max() == 6  # one paragraph of lines 3 to 6
    table = reportlib.stats.statistics_table(corpus)
    assert dict(zip(table["surface"], table["line"])) == {"二百一十个": 3, "八千六百名": 3, "45个": 5}


def test_a_short_piece_with_its_own_numbered_parts_is_kept(tmp_path):
    """A survey plan (调查方案, 一、目的 二、时间 三、对象) before the report it plans is shorter than a
    report, but its numbered parts make it a document: its lines stay text, not chrome."""
    text = ("第一篇:某街道调查方案\n一、调查目的\n了解街道工作情况。\n二、调查时间\n2011年1月15日至31日\n"
            "三、调查对象\n街道办事处及居民\n××\n关于某街道办事处工作的调查报告\n某某专业××\n"
            f"{BODY}\n")
    corpus = load_text(tmp_path, text)
    assert corpus.reports["start_line"].tolist() == [1, 9]
    assert sorted(corpus.noise["line"]) == [8, 10]
