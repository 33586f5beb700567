"""The seed corpus parsed: values checked by reading it, and invariants of every table."""

import csv
from pathlib import Path

import pandas as pd
import pytest

import reportlib
from reportlib.corpus import COLUMNS

CASES = Path(__file__).parent / "cases"
EXPECTED = list(csv.DictReader((CASES / "seed_reports.csv").open(encoding="utf-8")))


def test_twelve_reports(seed_corpus):
    assert seed_corpus.reports["report_id"].tolist() == [row["report_id"] for row in EXPECTED]


@pytest.mark.parametrize("row", EXPECTED, ids=[r["report_id"] for r in EXPECTED])
def test_report_as_read(seed_corpus_lexicon_only, row):
    report = seed_corpus_lexicon_only.reports.set_index("report_id").loc[row["report_id"]]
    assert (report.start_line, report.end_line) == (int(row["start_line"]), int(row["end_line"]))
    assert report.category == row["category"], report.category_evidence
    assert report.category_source == "lexicon"
    assert report.duplicate_of == row["duplicate_of"]
    assert row["place_includes"] in report.place
    assert report.n_redactions == int(row["n_redactions"])
    assert report.n_placeholder_years == int(row["n_placeholder_years"])
    first = seed_corpus_lexicon_only.paragraphs.query("report_id == @row['report_id']").iloc[0]
    assert first.text.startswith(row["first_text"])


def test_noise_is_the_page_counters(seed_corpus):
    assert seed_corpus.noise["line"].tolist() == [1, *range(267, 275)]
    assert seed_corpus.noise["text"].iloc[0] == "87"
    assert seed_corpus.noise["text"].iloc[1] == "95位用户关注"


def test_every_line_belongs_to_one_report_or_to_noise(seed_corpus):
    lines = seed_corpus.lines
    assert lines["line"].tolist() == list(range(1, len(lines) + 1))
    in_reports = lines[lines["report_id"] != ""]
    for report in seed_corpus.reports.itertuples():
        owned = in_reports[in_reports["report_id"] == report.report_id]["line"]
        assert owned.min() == report.start_line and owned.max() == report.end_line
    assert set(lines.loc[lines["report_id"] == "", "line"]) == set(seed_corpus.noise["line"])


def test_lines_rebuild_the_input(seed_corpus):
    from conftest import SEED_FILE
    rebuilt = "".join(seed_corpus.lines["text"] + seed_corpus.lines["ending"])
    assert rebuilt.encode("utf-8") == SEED_FILE.read_bytes()


def test_duplicate_is_far_above_every_other_pair(seed_corpus):
    scores = seed_corpus.reports.set_index("report_id")["duplicate_score"]
    assert scores["000_bd97441f39be4d57#11"] > 0.8
    assert scores.drop("000_bd97441f39be4d57#11").max() < 0.1


def test_drop_duplicates(seed_corpus):
    kept = seed_corpus.drop_duplicates()
    assert "000_bd97441f39be4d57#11" not in set(kept.reports["report_id"]) | set(kept.paragraphs["report_id"])
    assert len(kept.reports) == 11


def test_tables_have_documented_columns(seed_corpus):
    for name, columns in COLUMNS.items():
        assert getattr(seed_corpus, name).columns.tolist() == columns, name


def test_paragraph_and_sentence_provenance(seed_corpus):
    from conftest import SEED_FILE
    source_lines = SEED_FILE.read_text(encoding="utf-8").split("\n")
    for p in seed_corpus.paragraphs.sample(40, random_state=0).itertuples():
        assert source_lines[p.line - 1] == p.text
    for s in seed_corpus.sentences.sample(80, random_state=0).itertuples():
        assert source_lines[s.line - 1][s.start:s.end] == s.text


def test_sections_of_the_college_report(seed_corpus):
    sections = seed_corpus.sections.query("report_id == '000_bd97441f39be4d57#08'")
    top = sections[sections["level"] == 1]
    assert top["marker"].tolist() == ["一、", "二、", "三、", "四、"]
    assert top["heading"].iloc[2] == "当前基层党建依然存在的突出问题"
    assert len(sections[sections["parent_id"] == top["section_id"].iloc[3]]) == 6


def test_shanghai_plain_headings_are_top_level(seed_corpus):
    sections = seed_corpus.sections.query("report_id == '000_bd97441f39be4d57#02'")
    assert sections["style"].eq("plain").all() and sections["level"].eq(1).all()
    assert sections["heading"].iloc[0] == "凝聚基层党的建设引领社会治理的共识"


def test_enumerations_are_items_not_headings(seed_corpus):
    p = seed_corpus.paragraphs.set_index("line")
    assert p.loc[22, "kind"] == "body" and p.loc[22, "item_marker"] == "一是"
    assert p.loc[21, "kind"] == "heading" and p.loc[22, "section_path"] == "四、 > (一) > 1、"


def test_damage_found_where_read(seed_corpus):
    damage = seed_corpus.damage
    found = set(zip(damage["line"], damage["kind"]))
    assert {(89, "garbled character"), (96, "garbled character"), (157, "misrecognised character"),
            (240, "lost enumeration word"), (42, "doubled character"),
            (226, "heading inside a paragraph")} <= found
    assert len(damage.query("line == 226 and kind == 'heading inside a paragraph'")) == 5
    assert not damage.query("line == 226 and kind == 'garbled character'").excerpt.str.contains("。几年来").any()
    garbled = damage.query("line == 89 and kind == 'garbled character'").iloc[0]
    assert (garbled.start, garbled.end) == (0, 1)  # the stray 奎 itself
    assert {(153, "repeated phrase")} <= found  # 党支部党支部


def test_overrides_change_labels_only_where_given(seed_corpus, seed_corpus_lexicon_only):
    a, b = seed_corpus.reports, seed_corpus_lexicon_only.reports
    assert a.loc[6, "label"] == "#07 市财政局党总支"
    pd.testing.assert_series_equal(a["category"], b["category"])


@pytest.mark.parametrize("row, message", [
    (",,a#01,suburban,,,", "'suburban' is invalid"),
    ("a.txt,3,,,,,X", "row 1: no report starts at a.txt line 3"),
])
def test_bad_override_rows_are_named(tmp_path, row, message):
    (tmp_path / "a.txt").write_text("一、基本情况\n" + "党员" * 200 + "。\n", encoding="utf-8")
    (tmp_path / "overrides.csv").write_text(
        f"source,start_line,report_id,category,place,title,label\n{row}\n", encoding="utf-8")
    with pytest.raises(reportlib.InputError, match=message):
        reportlib.load(tmp_path)


def test_loading_twice_gives_identical_tables(seed_corpus):
    again = reportlib.load(Path(seed_corpus.sources["source"].iloc[0]).parent)
    for name in COLUMNS:
        pd.testing.assert_frame_equal(getattr(again, name), getattr(seed_corpus, name))


def test_submodules_load_on_first_use(seed_corpus):
    hits = reportlib.compare.kwic(seed_corpus, "第一书记", window=5)
    assert len(hits) > 0 and set(hits["report_id"]) >= {"000_bd97441f39be4d57#05"}
