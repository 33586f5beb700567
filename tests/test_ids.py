"""Stable ids: a file's rows keep their ids whatever other files are read; broken files are skipped."""

import shutil

import pytest

import reportlib
from conftest import SEED_FILE
from reportlib.completeness import truncation_reason
from reportlib.io import source_keys

ONE_REPORT = ("农村党建调研报告\n一、基本情况\n" + "全乡共有党员320名,其中女党员45名。" * 12
              + "\n二、存在问题\n" + "村干部报酬偏低。" * 20 + "\n")


def _ids(corpus, source_name):
    mine = corpus.reports[corpus.reports["source"].str.endswith(source_name)]
    paragraphs = corpus.paragraphs[corpus.paragraphs["report_id"].isin(mine["report_id"])]
    return mine["report_id"].tolist(), paragraphs["paragraph_id"].tolist()


def test_adding_a_file_that_sorts_first_changes_no_id(tmp_path, seed_corpus):
    folder = tmp_path / "corpus"
    folder.mkdir()
    shutil.copy(SEED_FILE, folder / SEED_FILE.name)
    (folder / "000_aaa.txt").write_text(ONE_REPORT, encoding="utf-8")
    both = reportlib.load(folder)
    assert both.reports["source"].iloc[0].endswith("000_aaa.txt")  # the new file is read first
    assert _ids(both, SEED_FILE.name) == _ids(seed_corpus, SEED_FILE.name)
    alone = reportlib.load(folder / "000_aaa.txt")
    assert _ids(alone, "000_aaa.txt") == _ids(both, "000_aaa.txt") == (["000_aaa#01"], _ids(alone, "000_aaa.txt")[1])


def test_ids_sort_in_reading_order(seed_corpus):
    for table, column in ((seed_corpus.reports, "report_id"), (seed_corpus.paragraphs, "paragraph_id"),
                          (seed_corpus.sections, "section_id"), (seed_corpus.sentences, "sentence_id")):
        ids = table[column].tolist()
        assert ids == sorted(ids), column
        assert len(set(ids)) == len(ids), column


def test_id_scheme(seed_corpus):
    first = seed_corpus.paragraphs.iloc[0]
    assert first.report_id == "000_bd97441f39be4d57#01"
    assert first.paragraph_id == f"000_bd97441f39be4d57#01-L{first.line:05d}"
    assert seed_corpus.reports["short_id"].tolist() == [f"#{n:02d}" for n in range(1, 13)]


def test_files_sharing_a_stem_are_told_apart(tmp_path):
    (tmp_path / "2023").mkdir()
    (tmp_path / "2024").mkdir()
    files = [tmp_path / "2023" / "report.txt", tmp_path / "2024" / "report.txt", tmp_path / "other.txt"]
    assert source_keys(files) == ["2023/report", "2024/report", "other"]


def test_a_broken_file_in_a_folder_is_skipped(tmp_path):
    (tmp_path / "a.txt").write_text(ONE_REPORT, encoding="utf-8")
    (tmp_path / "b.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    corpus = reportlib.load(tmp_path)
    assert corpus.skipped["source"].str.endswith("b.txt").tolist() == [True]
    assert "PNG" in corpus.skipped["reason"].iloc[0]
    assert corpus.reports["report_id"].tolist() == ["a#01"]
    with pytest.raises(reportlib.InputError, match="b.txt"):
        reportlib.load(tmp_path, strict=True)
    with pytest.raises(reportlib.InputError, match="b.txt"):
        reportlib.load(tmp_path / "b.txt")  # named directly: an error, as before


def test_a_folder_of_only_broken_files_is_an_error(tmp_path):
    (tmp_path / "a.txt").write_bytes(b"")
    (tmp_path / "b.txt").write_bytes(b"\x00\x01")
    with pytest.raises(reportlib.InputError, match="none of the 2 files"):
        reportlib.load(tmp_path)


def test_overrides_beside_a_single_file_are_used(tmp_path):
    (tmp_path / "a.txt").write_text(ONE_REPORT, encoding="utf-8")
    (tmp_path / "overrides.csv").write_text(
        "source,start_line,report_id,category,place,title,label\na.txt,1,,enterprise,,,某乡\n", encoding="utf-8")
    report = reportlib.load(tmp_path / "a.txt").reports.iloc[0]
    assert (report.category, report.category_source, report.label) == ("enterprise", "override", "#01 某乡")


def test_truncated_seed_reports(seed_corpus):
    flagged = seed_corpus.reports.set_index("short_id")["truncated_reason"]
    # read in the seed: #06 ends on the heading of its (三) (line 151, no body after it);
    # #07 ends after the (一) of its 四、 (line 164); #11, the partial copy, after the (一) of its 三、
    assert flagged["#06"] == "ends on a heading with no body (line 151)"
    assert flagged["#07"].startswith("enumeration stops after its first item ((一)")
    assert flagged["#11"].startswith("enumeration stops after its first item")
    assert flagged[["#01", "#02", "#03", "#04", "#05", "#08", "#09", "#12"]].eq("").all()


@pytest.mark.parametrize("texts, expected", [
    (["一、基本情况", "全县有党员。", "二、存在问题", "报酬低。"], ""),
    (["一、基本情况", "全县有党员。", "二、存在问题"], "ends on a heading with no body (line 3)"),
    (["一、基本情况", "全县有党员,其中村干部" + "很多" * 20 + ","], "enumeration stops"),
    (["一、基本情况", "全县有党员。", "二、存在问题", "村干部报酬偏低而且" + "工作任务繁重" * 8],
     "no closing punctuation"),
    (["一、基本情况", "全县有党员。", "二、存在问题", "报酬低。", "某某镇党委"], ""),  # a signature
])
def test_truncation_rules(texts, expected):
    from reportlib.io import Line
    from reportlib.segment import classify_line

    lines = [classify_line(Line("x", i, t, "\n")) for i, t in enumerate(texts, start=1)]
    sections = [{"level": 1, "style": c.style, "line": c.line.number, "marker": c.marker}
                for c in lines if c.kind == "heading"]
    reason = truncation_reason(lines, sections)
    assert (reason == "") if not expected else expected in reason
