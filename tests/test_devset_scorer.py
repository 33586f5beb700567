"""The development-set scorer (benchmarks/devset/score.py): its arithmetic on two tiny pages
written here, with a manifest written here (the real pages are not in the repository)."""

import csv
import hashlib
import importlib.util
import io
import math
from pathlib import Path

import pandas as pd
import pytest

from reportlib.errors import ValueInvalidError

SCORE_PY = Path(__file__).resolve().parent.parent / "benchmarks" / "devset" / "score.py"
_spec = importlib.util.spec_from_file_location("devset_score", SCORE_PY)
score = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(score)

# p01: a breadcrumb (chrome, caught by the noise patterns), then a titled rural report.
P01 = ("当前位置:首页 > 范文大全 > 调研报告\n"
       "关于某县农村基层党组织建设的调研报告\n"
       "为了解农村基层党组织建设情况,我们深入乡镇和村党支部开展调研。\n"
       "一、基本情况\n"
       "全县共有村党支部120个,农村党员3200多名,其中35岁以下党员占15%左右。\n"
       "\n"
       "二、存在问题\n"
       "一是部分村党支部书记年龄偏大,二是农村党员流动性强。\n")
# p02: an enterprise report ending in a sign-off of the site (chrome the parser keeps as report text).
P02 = ("非公企业党建工作调研报告\n"
       "近年来,全区非公企业党建工作取得明显成效,现将调研情况报告如下。\n"
       "一、基本情况\n"
       "全区共有非公企业1500余家,已建立党组织的企业占60%。\n"
       "想看完整版的朋友可以在评论区留言索取。\n")

STATS = [  # page_id, line, surface, value, value_high, unit, qualifier
    ("p01", 5, "120个", 120, "", "个", "exact"),
    ("p01", 5, "3200多名", 3200, "", "名", "more_than"),
    ("p01", 5, "35岁以下", 35, "", "岁", "at_most"),
    ("p01", 5, "15%左右", 15, "", "%", "about"),
    ("p02", 4, "1500余家", 1500, "", "家", "more_than"),  # 60% left out: one unmatched prediction
]


def _write_csv(path: Path, header: list[str], rows: list) -> None:
    with path.open("w", encoding="utf-8", newline="") as fh:
        writer = csv.writer(fh, lineterminator="\n")
        writer.writerow(header)
        writer.writerows(rows)


def _page_row(page_id, text, sector, first, chrome, *, sha=None):
    digest = sha or hashlib.sha256(text.encode("utf-8")).hexdigest()
    return [page_id, f"https://example.org/{page_id}", digest, "simplified", sector, first, chrome, 1, ""]


@pytest.fixture()
def devset(tmp_path):
    pages_dir, manifest_dir = tmp_path / "pages", tmp_path / "manifest"
    pages_dir.mkdir()
    manifest_dir.mkdir()
    (pages_dir / "p01.txt").write_text(P01, encoding="utf-8")
    (pages_dir / "p02.txt").write_text(P02, encoding="utf-8")
    (pages_dir / "p03.txt").write_text(P02, encoding="utf-8")
    _write_csv(manifest_dir / "pages_x.csv", score.PAGE_COLUMNS, [
        _page_row("p01", P01, "rural", 2, "1"),
        _page_row("p02", P02, "enterprise", 1, "5"),
        _page_row("p03", P02, "enterprise", 1, "", sha="0" * 64),  # text changed since annotation
        _page_row("p04", P02, "urban", 1, ""),  # file never saved
    ])
    _write_csv(manifest_dir / "statistics_x.csv", score.STAT_COLUMNS, STATS)
    return pages_dir, manifest_dir


def test_parse_ranges():
    assert score.parse_ranges("1-3;7") == {1, 2, 3, 7}
    assert score.parse_ranges("") == set()
    assert score.parse_ranges(" 4 ; 10-11 ") == {4, 10, 11}


@pytest.mark.parametrize("bad", ["3-1", "a", "0", "1-"])
def test_parse_ranges_rejects_bad_ranges(bad):
    with pytest.raises(ValueInvalidError, match="chrome_lines"):
        score.parse_ranges(bad)


def test_missing_and_changed_pages_are_skipped_with_one_line_each(devset):
    pages_dir, manifest_dir = devset
    pages, stats = score.read_manifests(manifest_dir)
    err = io.StringIO()
    per_page, skipped = score.score_all(pages_dir, pages, stats, err=err)
    assert list(per_page["page_id"]) == ["p01", "p02"]
    assert skipped == {"missing or changed": 2}
    messages = err.getvalue().splitlines()
    assert len(messages) == 2
    assert "p03.txt" in messages[0] and "sha256" in messages[0]
    assert "p04.txt" in messages[1] and "missing" in messages[1]


def test_page_counts(devset):
    pages_dir, manifest_dir = devset
    pages, stats = score.read_manifests(manifest_dir)
    per_page, _ = score.score_all(pages_dir, pages, stats, err=io.StringIO())
    p01, p02 = (per_page.set_index("page_id").loc[p] for p in ("p01", "p02"))
    # p01: the breadcrumb goes to noise, so the one chrome line counts as caught
    assert (p01["n_chrome"], p01["chrome_caught"]) == (1, 1)
    assert (p01["n_body"], p01["body_lost"]) == (6, 0)  # lines 2-5, 7, 8 (line 6 is blank)
    assert (p01["predicted_start"], p01["first_ok"], p01["sector_ok"]) == (2, 1, 1)
    # p02: the sign-off stays in the report, so its chrome line is not caught
    assert (p02["n_chrome"], p02["chrome_caught"]) == (1, 0)
    assert (p02["n_body"], p02["body_lost"]) == (4, 0)
    assert (p01["n_gold"], p01["n_pred"], p01["n_match"]) == (4, 4, 4)
    assert (p01["value_ok"], p01["qualifier_ok"]) == (4, 4)
    assert (p02["n_gold"], p02["n_pred"], p02["n_match"]) == (1, 2, 1)


def test_summary_shares(devset):
    pages_dir, manifest_dir = devset
    pages, stats = score.read_manifests(manifest_dir)
    per_page, _ = score.score_all(pages_dir, pages, stats, err=io.StringIO())
    summary = score.summarize(per_page).set_index("group")
    overall = summary.loc["overall"]
    assert overall["pages"] == 2
    assert overall["sector_acc"] == 1.0 and overall["first_line"] == 1.0
    assert overall["chrome_caught"] == pytest.approx(0.5)
    assert overall["lines_lost"] == 0.0
    assert overall["stat_precision"] == pytest.approx(5 / 6)
    assert overall["stat_recall"] == 1.0
    assert overall["value_agree"] == 1.0
    assert overall["qualifier_agree"] == 1.0
    assert summary.loc["sector=enterprise", "chrome_caught"] == 0.0
    assert summary.loc["sector=rural", "chrome_caught"] == 1.0
    assert list(summary.index) == ["overall", "sector=enterprise", "sector=rural", "script=simplified"]


def test_a_report_line_sent_to_noise_counts_as_lost(tmp_path):
    """Annotating p01's breadcrumb as report text (first_report_line 1, no chrome) turns the
    same noise row into one lost report line and a missed first line."""
    path = tmp_path / "p01.txt"
    path.write_text(P01, encoding="utf-8")
    page = {"page_id": "p01", "script": "simplified", "sector": "rural",
            "first_report_line": 1, "chrome_lines": ""}
    counts = score.score_page(path, page, pd.DataFrame(columns=score.STAT_COLUMNS), stats_annotated=False)
    assert (counts["n_body"], counts["body_lost"]) == (7, 1)
    assert counts["first_ok"] == 0
    assert (counts["n_gold"], counts["n_pred"]) == (0, 0)


def test_match_statistics_uses_each_annotation_once_and_compares_values():
    gold = pd.DataFrame([
        {"line": 3, "surface": "3个", "value": 3.0, "value_high": math.nan, "qualifier": "exact"},
        {"line": 3, "surface": "3个", "value": 3.0, "value_high": math.nan, "qualifier": "exact"},
        {"line": 4, "surface": "1/3左右", "value": 0.333333, "value_high": math.nan, "qualifier": "about"},
        {"line": 5, "surface": "150至200户", "value": 150.0, "value_high": 200.0, "qualifier": "exact"},
    ])
    predicted = pd.DataFrame([
        {"line": 3, "surface": "3个", "value": 3.0, "value_high": math.nan, "qualifier": "exact"},
        {"line": 3, "surface": "3个", "value": 3.0, "value_high": math.nan, "qualifier": "exact"},
        {"line": 3, "surface": "3个", "value": 3.0, "value_high": math.nan, "qualifier": "exact"},
        {"line": 4, "surface": "1/3左右", "value": 1 / 3, "value_high": math.nan, "qualifier": "about"},
        {"line": 5, "surface": "150至200户", "value": 150.0, "value_high": math.nan, "qualifier": "exact"},
        {"line": 6, "surface": "150至200户", "value": 150.0, "value_high": 200.0, "qualifier": "exact"},
    ])
    result = score.match_statistics(gold, predicted)
    # third 3个 and the line-6 row have no annotation left; the range lost its upper end
    assert result == {"n_gold": 4, "n_pred": 6, "n_match": 4, "value_ok": 3, "qualifier_ok": 4}
    assert score.match_statistics(gold, None)["n_match"] == 0


def test_main_prints_the_table_and_writes_the_csv(devset, tmp_path, capsys):
    pages_dir, manifest_dir = devset
    out = tmp_path / "per_page.csv"
    assert score.main([str(pages_dir), "--manifest-dir", str(manifest_dir), "--out", str(out)]) == 0
    printed = capsys.readouterr()
    assert "scored: 2; skipped: 2" in printed.out
    assert "overall" in printed.out and "sector=rural" in printed.out
    assert len(printed.err.splitlines()) == 2
    assert list(pd.read_csv(out)["page_id"]) == ["p01", "p02"]


def test_a_page_id_used_twice_is_refused(devset, capsys):
    pages_dir, manifest_dir = devset
    _write_csv(manifest_dir / "pages_y.csv", score.PAGE_COLUMNS, [_page_row("p01", P01, "rural", 2, "1")])
    with pytest.raises(ValueInvalidError, match="p01"):
        score.read_manifests(manifest_dir)
    assert score.main([str(pages_dir), "--manifest-dir", str(manifest_dir)]) == 2
    assert "bad manifest" in capsys.readouterr().err


def test_match_statistics_accepts_a_contained_surface_only_with_the_same_value():
    gold = pd.DataFrame([
        {"line": 2, "surface": "不足5人", "value": 5.0, "value_high": math.nan, "qualifier": "less_than"},
        {"line": 2, "surface": "约300名", "value": 300.0, "value_high": math.nan, "qualifier": "about"},
        {"line": 3, "surface": "12个", "value": 12.0, "value_high": math.nan, "qualifier": "exact"},
        {"line": 4, "surface": "2个", "value": 2.0, "value_high": math.nan, "qualifier": "exact"},
    ])
    predicted = pd.DataFrame([
        {"line": 2, "surface": "5人", "value": 5.0, "value_high": math.nan, "qualifier": "less_than"},
        {"line": 2, "surface": "300名", "value": 300.0, "value_high": math.nan, "qualifier": "exact"},
        {"line": 3, "surface": "2个", "value": 2.0, "value_high": math.nan, "qualifier": "exact"},
        {"line": 5, "surface": "2个", "value": 2.0, "value_high": math.nan, "qualifier": "exact"},
    ])
    result = score.match_statistics(gold, predicted)
    # 2个 lies inside 12个 but its value differs; the line-5 row has no annotation on its line
    assert result == {"n_gold": 4, "n_pred": 4, "n_match": 2, "value_ok": 2, "qualifier_ok": 1}


def test_match_statistics_pairs_equal_surfaces_before_contained_ones():
    gold = pd.DataFrame([
        {"line": 1, "surface": "约3个", "value": 3.0, "value_high": math.nan, "qualifier": "about"},
        {"line": 1, "surface": "3个", "value": 3.0, "value_high": math.nan, "qualifier": "exact"},
    ])
    predicted = pd.DataFrame([
        {"line": 1, "surface": "3个", "value": 3.0, "value_high": math.nan, "qualifier": "exact"},
        {"line": 1, "surface": "3个", "value": 3.0, "value_high": math.nan, "qualifier": "about"},
    ])
    result = score.match_statistics(gold, predicted)
    assert result == {"n_gold": 2, "n_pred": 2, "n_match": 2, "value_ok": 2, "qualifier_ok": 2}
