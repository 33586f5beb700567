"""Line classification, report starts, sections and sentences, from golden cases kept as data."""

import json
from pathlib import Path

import pytest

import reportlib
from reportlib.io import Line
from reportlib.segment import classify_line, split_sentences

CASES = Path(__file__).parent / "cases"
LINE_CASES = json.loads((CASES / "line_kinds.json").read_text(encoding="utf-8"))["cases"]
SENTENCE_CASES = json.loads((CASES / "sentences.json").read_text(encoding="utf-8"))["cases"]


@pytest.mark.parametrize("case", LINE_CASES, ids=[c["text"][:12] for c in LINE_CASES])
def test_line_kind(case):
    c = classify_line(Line("x.txt", 1, case["text"], "\n"))
    assert c.kind == case["kind"], c.reason
    if "reason" in case:
        assert case["reason"] in c.reason
    if c.kind in ("heading", "title"):
        assert (c.style if c.kind == "heading" else "") == case["style"]
        assert c.number == case["number"]
        if case["heading"]:
            assert c.heading == case["heading"]


def test_glued_heading_body_offset_points_at_body():
    text = "(一)明确责任,抓好党建制度落实。我市坚持“书记抓、抓书记”"
    c = classify_line(Line("x.txt", 1, text, ""))
    assert text[c.body_offset:].startswith("我市坚持")
    assert text[:c.content_offset] == "(一)"


def test_enumeration_items_are_marked():
    c = classify_line(Line("x.txt", 1, "二要抓好党的基层组织建设。", ""))
    assert (c.kind, c.item_marker) == ("body", "二要")


@pytest.mark.parametrize("case", SENTENCE_CASES, ids=[c["text"][:10] for c in SENTENCE_CASES])
def test_sentences(case):
    text = case["text"]
    assert [text[a:b] for a, b in split_sentences(text)] == case["sentences"]


def _load_text(tmp_path, text):
    import reportlib

    (tmp_path / "page.txt").write_text(text, encoding="utf-8")
    return reportlib.load(tmp_path / "page.txt", overrides=False)


OPENING = ("社区是城市治理的基本单元,社区党组织是党在城市全部工作的基础。\n"
           "为了解社区党建工作情况,调研组走访了五个社区,召开座谈会三次。\n"
           "调研组与社区书记、居民代表和驻区单位负责人进行了交流。\n"
           "现将调研情况报告如下。\n")


def test_a_short_text_after_a_restarted_numbering_continues_the_report(tmp_path):
    corpus = _load_text(tmp_path, OPENING + "一、基本情况\n街道现有社区八个,干部职工五十人。\n")
    assert len(corpus.reports) == 1
    assert not any("too little text" in r for r in corpus.noise["reason"])
    assert 6 not in set(corpus.noise["line"])


def test_a_short_untitled_opening_before_a_restarted_numbering_is_kept(tmp_path):
    body = "全镇共有基层党组织四十二个,党员一千二百名,组织生活制度落实到位,党员作用发挥明显。" * 4
    corpus = _load_text(tmp_path, OPENING + f"一、基本情况\n{body}\n二、存在问题\n{body}\n")
    assert list(corpus.reports["start_line"]) == [1]
    assert corpus.noise.empty


def test_two_long_untitled_texts_stay_two_reports(tmp_path):
    body = "全镇共有基层党组织四十二个,党员一千二百名,组织生活制度落实到位,党员作用发挥明显。" * 4
    text = OPENING + f"一、基本情况\n{body}\n二、存在问题\n{body}\n"
    corpus = _load_text(tmp_path, text + text.replace("社区", "村"))
    assert sorted(corpus.reports["start_line"]) == [1, 13]  # the second 一、 (its opening stays above)


BODY = "全镇共有基层党组织四十二个,党员一千二百名,组织生活制度落实到位,党员作用发挥明显。" * 6


def test_a_marker_with_a_word_count_and_the_title_repeated_below_is_one_report(tmp_path):
    corpus = _load_text(tmp_path, f"篇一 乡镇党委建设情况调研报告5200字\n\n乡镇党委建设情况调研报告\n\n{BODY}\n")
    assert list(corpus.reports["start_line"]) == [1]
    assert corpus.noise["line"].tolist() == []


def test_a_page_heading_repeated_with_a_piece_number_opens_the_report_below(tmp_path):
    text = "村级党组织建设调研报告\n以下是小编为大家整理的村级党组织建设调研报告,欢迎阅读!\n" \
           f"村级党组织建设调研报告一:\n{BODY}\n"
    corpus = _load_text(tmp_path, text)
    assert list(corpus.reports["start_line"]) == [3]
    assert set(corpus.noise["line"]) == {1, 2}


def test_names_above_an_abstract_are_a_byline(tmp_path):
    corpus = _load_text(tmp_path, f"王某某\n摘要:本文调查了某市社区党组织的建设情况。\n一、基本情况\n{BODY}\n")
    assert "byline" in corpus.noise.set_index("line").loc[1, "reason"]


def test_a_short_heading_above_body_text_is_not_a_byline(tmp_path):
    corpus = _load_text(tmp_path, f"组织建设\n{BODY}\n")
    assert 1 not in set(corpus.noise["line"])


def test_authors_joined_by_plus_are_a_byline(tmp_path):
    corpus = _load_text(tmp_path, f"边境地区基层党建工作探析\n张某某+李某某\n{BODY}\n")
    assert "byline" in corpus.noise.set_index("line").loc[2, "reason"]


def test_a_bulleted_title_above_bulleted_page_metadata_is_page_header(tmp_path):
    text = f"- 社区党建工作年度报告\n- 张某某 李某某主编\n- 2024-05-06 10:20:30\n社区党组织建设调研报告\n{BODY}\n"
    corpus = _load_text(tmp_path, text)
    assert "page header" in corpus.noise.set_index("line").loc[1, "reason"]
    assert list(corpus.reports["start_line"]) == [4]


def test_a_bulleted_title_above_text_stays_a_title(tmp_path):
    corpus = _load_text(tmp_path, f"- 社区党组织建设调研报告\n{BODY}\n")
    assert list(corpus.reports["start_line"]) == [1]
    assert corpus.noise.empty


@pytest.mark.parametrize("numeral, value", [("3", 3), ("十二", 12), ("二十", 20), ("①", 1), ("⑵", 2), ("Ⅲ", 3)])
def test_chinese_number_reads_list_markers_and_numbered_signs(numeral, value):
    from reportlib.segment import chinese_number

    assert chinese_number(numeral) == value


def test_a_notice_numbered_with_a_circled_digit_parses(tmp_path):
    """A site's notice numbered ① (凡本网注明…) once crashed the heading reader."""
    path = tmp_path / "page.txt"
    path.write_text("某村党建调研报告\n① 凡本网注明来源的所有文字,版权属于本网。\n"
                    + "全村共有党员四十二名,组织生活制度落实到位。" * 8 + "\n", encoding="utf-8")
    corpus = reportlib.load(path, overrides=False)
    assert corpus.reports["start_line"].tolist() == [1]
