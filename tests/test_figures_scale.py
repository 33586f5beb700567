"""What each figure draws for few and for many reports: indicators, summaries, thresholds."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from matplotlib.collections import LineCollection
from scipy.cluster.hierarchy import linkage

from reportlib.figures import overview, scale, vocabulary
from reportlib.figures import statistics as fs
from reportlib.figures import topics as topic_figures


def _stat(rid, what, value, unit="person", dimension="count", qualifier="exact", high=np.nan, line=10):
    return {"stat_id": f"{rid}-S{line}", "report_id": rid, "source": "a.txt", "line": line, "start": 0,
            "surface": "", "value": value, "value_high": high, "unit_norm": unit, "dimension": dimension,
            "qualifier": qualifier, "what": what, "sentence": what}


STATS = pd.DataFrame([
    _stat("a1", "党员", 120, line=3), _stat("a1", "党员", 90, line=9), _stat("a2", "党员", 45, qualifier="more_than"),
    _stat("a2", "流动党员", 12), _stat("a3", "党员", 60, qualifier="about"),
    _stat("a3", "35岁以下党员", 20, "percent", "percent", high=30.0), _stat("a3", "调研组", 3, "item"),
])
REPORTS = pd.DataFrame({"report_id": ["a1", "a2", "a3"], "label": ["a1 甲", "a2 乙", "a3 丙"],
                        "category": ["rural", "urban", "rural"], "n_chars": [1000, 2000, 3000],
                        "duplicate_of": ["", "", ""]})


def _many_reports(n: int) -> pd.DataFrame:
    categories = ["rural", "urban", "other", "border"]
    return pd.DataFrame({"report_id": [f"m{i:04d}" for i in range(n)], "label": "",
                         "category": [categories[i % 4] for i in range(n - 1)] + ["university"],
                         "n_chars": np.arange(n) + 500, "duplicate_of": [""] * n})


def test_indicator_table_keeps_each_reports_first_citation():
    table = fs.indicator_table(STATS)
    assert list(table.columns) == list(fs.INDICATOR_TABLE_COLUMNS)
    rows = {(r.indicator, r.report_id): r for r in table.itertuples()}
    assert set(rows) == {("党员总数", "a1"), ("党员总数", "a2"), ("党员总数", "a3"), ("流动党员数", "a2"),
                         ("35岁以下党员占比", "a3")}
    assert (rows[("党员总数", "a1")].value, rows[("党员总数", "a1")].line) == (120, 3)
    assert rows[("党员总数", "a1")].n_citations == 2
    assert rows[("35岁以下党员占比", "a3")].value_high == 30.0


def test_indicator_chart_labels_points_with_their_source_and_qualifier():
    fig = fs.indicator_chart(STATS, REPORTS, lang="en")
    titles = [ax.get_title() for ax in fig.axes if ax.axison]
    assert titles[0] == "number of Party members\nn = 3 reports", "most cited first"
    assert len(titles) == 3
    members = fig.axes[0]
    assert [t.get_text() for t in members.get_yticklabels()] == ["a3 L10", "a1 L3", "a2 L10"]
    assert [t.get_text() for t in members.texts] == ["≈60", "120", ">45"]
    share = next(ax for ax in fig.axes if ax.get_title().startswith("share of members aged 35"))
    assert [line.get_xdata().tolist() for line in share.get_lines()][0] == [20.0, 30.0], "a range is a line"
    assert "3 indicators cited by N = 3 reports" in fig.get_suptitle()


def test_indicator_chart_top_n_and_chosen_indicators():
    assert len([a for a in fs.indicator_chart(STATS, REPORTS, top_n=1).axes if a.axison]) == 1
    fig = fs.indicator_chart(STATS, REPORTS, indicators=["流动党员数"], lang="zh")
    assert [a.get_title() for a in fig.axes if a.axison] == ["流动党员数\n共1篇报告"]
    with pytest.raises(Exception, match="indicators"):
        fs.indicator_chart(STATS, REPORTS, indicators=["没有的指标"])


def test_indicator_chart_switches_to_boxes_above_the_threshold():
    reports = _many_reports(scale.MAX_LABELLED_POINTS + 5)
    stats = pd.DataFrame([_stat(r, "党员", 10 + i) for i, r in enumerate(reports["report_id"])])
    fig = fs.indicator_chart(stats, reports, lang="en")
    (ax,) = [a for a in fig.axes if a.axison]
    ticks = [t.get_text() for t in ax.get_yticklabels()]
    assert ticks == ["rural (n = 8)", "urban (n = 7)", "border regions (n = 7)", "universities (n = 1 report)",
                     "other (n = 7)"], "sector order, other last, one report marked"
    assert "box per sector" in fig.get_suptitle()


def test_statistics_overview_per_sector_above_the_threshold():
    reports = _many_reports(scale.MAX_REPORT_ROWS + 1)
    stats = pd.DataFrame([_stat(r, "党员", 1) for r in reports["report_id"][:20]])
    fig = fs.statistics_overview(stats, reports=reports, lang="zh")
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["农村 (10篇)", "城市/街道社区 (10篇)",
                                                            "边境地区 (10篇)", "高校 (仅1篇报告)", "其他 (10篇)"]
    assert ax.get_xlabel() == "每篇报告平均引用的统计数字"
    assert [p.get_width() for p in ax.patches] == pytest.approx([0.5, 0.5, 0.5, 0, 0.5])
    small = fs.statistics_overview(STATS, reports=REPORTS, lang="en")
    assert [t.get_text() for t in small.axes[0].get_yticklabels()] == ["a1", "a2", "a3"], "ids once, no Chinese"


def test_report_lengths_and_structure_summarise_above_the_threshold():
    reports = _many_reports(scale.MAX_REPORT_ROWS + 1)
    fig = overview.report_lengths_by_category(reports, lang="en")
    ax = fig.axes[0]
    assert len(ax.get_yticklabels()) == 5 and "N = 41 reports" in fig.get_suptitle()
    sections = pd.DataFrame({"report_id": list(reports["report_id"]) * 2, "level": [1] * 41 + [2] * 41})
    fig = overview.structure_overview(sections, reports, lang="en")
    ax = fig.axes[0]
    assert ax.get_xlabel() == "mean headings per report"
    assert [p.get_width() for p in ax.patches] == [1.0] * 10, "one heading per level on average, 5 sectors"


def _similarity(n: int) -> pd.DataFrame:
    rng = np.random.default_rng(0)
    x = rng.random((n, 4))
    x /= np.linalg.norm(x, axis=1, keepdims=True)
    ids = [f"m{i:04d}" for i in range(n)]
    return pd.DataFrame(x @ x.T, index=ids, columns=ids)


def test_similarity_heatmap_numbers_only_while_cells_are_large_enough():
    reports = _many_reports(20)
    few = vocabulary.similarity_heatmap(_similarity(scale.MAX_CELL_NUMBERS).iloc[:15, :15], reports, lang="en")
    assert len(few.axes[1].texts) == 15 * 14
    assert {t.get_fontsize() for t in few.axes[1].texts} == {6}
    more = vocabulary.similarity_heatmap(_similarity(16), reports, lang="en")
    assert len(more.axes[1].texts) == 0
    assert [t.get_text() for t in more.axes[1].get_yticklabels()][0].split()[1] in {"rural", "urban", "other"}


def test_sector_similarity_above_the_threshold():
    reports = _many_reports(60)
    sim = _similarity(60)
    table = vocabulary.sector_similarity(sim, reports)
    assert list(table.index) == ["rural", "urban", "border", "university", "other"]
    rural = [r for r, c in zip(reports["report_id"], reports["category"]) if c == "rural"]
    values = sim.loc[rural, rural].to_numpy()
    expected = (values.sum() - np.trace(values)) / (len(rural) * (len(rural) - 1))
    assert table.loc["rural", "rural"] == pytest.approx(expected)
    assert np.isnan(table.loc["university", "university"]), "one report has no pair"
    fig = vocabulary.similarity_heatmap(sim, reports, lang="en")
    assert [t.get_text() for t in fig.axes[0].get_yticklabels()][3] == "universities (n = 1 report)"


def test_dendrogram_is_cut_to_its_last_clusters_above_the_threshold():
    reports = _many_reports(200)
    features = np.random.default_rng(1).random((200, 5))
    fig = topic_figures.report_dendrograms({"TF-IDF": linkage(features, "average")}, reports, lang="en")
    labels = [t.get_text() for t in fig.axes[0].get_yticklabels()]
    assert len(labels) == scale.DENDROGRAM_LEAVES
    sizes = [int(text.split()[0]) for text in labels]
    assert sum(sizes) == 200
    assert "cut to its last 30 clusters" in fig.get_suptitle()


def test_english_dendrogram_leaves_show_id_and_sector():
    features = np.random.default_rng(1).random((3, 5))
    fig = topic_figures.report_dendrograms({"TF-IDF": linkage(features, "average")}, REPORTS, lang="en")
    assert sorted(t.get_text() for t in fig.axes[0].get_yticklabels()) == ["a1 rural", "a2 urban", "a3 rural"]


def test_topic_heatmap_groups_many_rows():
    reports = _many_reports(50)
    shares = pd.DataFrame(np.random.default_rng(2).dirichlet([1, 1, 1], 50), index=reports["report_id"],
                          columns=[1, 2, 3])
    groups = dict(zip(reports["report_id"], reports["category"]))
    fig = topic_figures.topic_heatmap(shares, row_groups=groups, lang="en")
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["rural", "urban", "border regions", "universities",
                                                            "other"]
    right = ax.child_axes[0]
    assert [t.get_text() for t in right.get_yticklabels()] == ["n = 13", "n = 12", "n = 12", "n = 1", "n = 12"]
    fallback = topic_figures.topic_heatmap(shares, lang="en")
    assert all(t.get_text().startswith("main topic T") for t in fallback.axes[0].get_yticklabels())


def test_keyness_dotplot_draws_z_threshold_and_counts():
    table = pd.DataFrame({"category": "urban", "term": ["社区", "楼宇", "中性", "村级", "农户"],
                          "count_in": [40, 22, 5, 1, 0], "count_out": [3, 1, 5, 30, 12],
                          "z": [5.0, 3.0, 0.0, -4.0, -2.5]})
    fig = vocabulary.keyness_dotplot(table, "rural", n=2, lang="zh")
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["社区  (40 : 3)", "楼宇  (22 : 1)", "农户  (0 : 12)",
                                                            "村级  (1 : 30)"]
    assert sorted(line.get_xdata()[0] for line in ax.get_lines()) == [-1.96, 0, 1.96]
    assert ax.collections[1].get_offsets()[:, 0].tolist() == [5.0, 3.0, -2.5, -4.0]
    with pytest.warns(DeprecationWarning, match="keyness_dotplot"):
        vocabulary.compare_two_categories(table, "rural")


def test_k_selection_threshold_and_seeds():
    scores = pd.DataFrame({"method": ["nmf", "nmf", "lda", "lda"], "k": [3, 4, 3, 4], "coherence": [0.1] * 4,
                           "stability": [0.8, 0.95, 0.5, 0.6], "n_seeds": [10, 10, 3, 3]})
    fig = topic_figures.k_selection(scores, min_stability=0.9, lang="en")
    bottom = fig.axes[1]
    assert bottom.get_ylabel() == "stability across seeds\n(LDA 3, NMF 10 seeds)"
    (threshold,) = [c for c in bottom.collections if isinstance(c, LineCollection)]
    assert threshold.get_segments()[0][0][1] == 0.9
    assert "stability threshold 0.9" in [t.get_text() for t in bottom.texts]
