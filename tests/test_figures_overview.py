"""Corpus overview figures: bars, labels and legends on small tables and on the seed corpus."""

from __future__ import annotations

import io
import warnings
from pathlib import Path

import pandas as pd
import pytest
from matplotlib.colors import to_hex
from matplotlib.figure import Figure

import reportlib
from reportlib.errors import ValueInvalidError
from reportlib.figures import overview
from reportlib.figures.style import CATEGORY_COLOURS, OTHER_COLOUR, save_figure

SEEDS = Path(__file__).resolve().parents[1] / "seeds"

REPORTS = pd.DataFrame({
    "report_id": ["R01", "R02", "R03", "R04"],
    "label": ["R01 乡镇党建", "R02 上海市党建", "R03 乡镇党建(重复)", "R04 财政局党总支"],
    "category": ["rural", "urban", "rural", "government"],
    "n_chars": [3700, 4800, 1500, 1300],
    "duplicate_of": ["", "", "R01", ""],
})
SECTIONS = pd.DataFrame({
    "report_id": ["R01"] * 6 + ["R02"] + ["R03"] * 2,
    "level": [1, 2, 2, 3, 1, 2, 1, 1, 2],
})
# Rows in figure order: categories in CATEGORIES order, then report_id.
ORDER = ["R01", "R03", "R02", "R04"]


def _draw_strictly(fig: Figure) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        fig.savefig(io.BytesIO(), format="png")


def _ticks(ax) -> list[str]:
    return [t.get_text() for t in ax.get_yticklabels()]


def _legend_texts(fig: Figure) -> list[str]:
    (legend,) = fig.legends
    return [t.get_text() for t in legend.get_texts()]


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_report_lengths_bars_labels_and_colours(lang):
    fig = overview.report_lengths_by_category(REPORTS, lang=lang)
    _draw_strictly(fig)
    (ax,) = fig.axes
    assert ax.has_data()
    assert len(ax.patches) == 4
    assert [t.split()[0] for t in _ticks(ax)] == ORDER
    assert [p.get_width() for p in ax.patches] == [3700, 1500, 4800, 1300]
    colours = [to_hex(p.get_edgecolor()) for p in ax.patches]
    expected = [CATEGORY_COLOURS[c] for c in ("rural", "rural", "urban", "government")]
    assert colours == [c.lower() for c in expected]
    assert len(_legend_texts(fig)) == 3


def test_report_lengths_marks_the_duplicate():
    fig = overview.report_lengths_by_category(REPORTS, lang="en")
    (ax,) = fig.axes
    hatched = [p.get_hatch() for p in ax.patches]
    assert [bool(h) for h in hatched] == [False, True, False, False]
    assert to_hex(ax.patches[1].get_facecolor()) == "#ffffff"
    notes = [t.get_text() for t in ax.texts]
    assert notes == ["duplicate: R01"]
    zh_fig = overview.report_lengths_by_category(REPORTS, lang="zh")
    assert [t.get_text() for t in zh_fig.axes[0].texts] == ["重复: R01"]


def test_report_lengths_labels_by_language():
    zh = overview.report_lengths_by_category(REPORTS, lang="zh")
    en = overview.report_lengths_by_category(REPORTS, lang="en")
    assert zh.axes[0].get_xlabel() == "字符数"
    assert en.axes[0].get_xlabel() == "characters"
    assert _legend_texts(zh) == ["农村 (2篇)", "城市/街道社区 (仅1篇报告)", "机关事业单位 (仅1篇报告)"]
    assert _legend_texts(en) == ["rural (n = 2)", "urban (n = 1 report)", "government bodies (n = 1 report)"]
    assert _ticks(zh.axes[0])[0] == "R01 乡镇党建"
    assert _ticks(en.axes[0]) == ORDER, "Chinese-only labels are left out of the English figure"


def test_report_lengths_unknown_category_is_grey_and_label_gets_its_id():
    reports = REPORTS.assign(category=["rural", "urban", "rural", "mystery"],
                             label=["乡镇党建", "上海", "", "财政局"])
    fig = overview.report_lengths_by_category(reports)
    ax = fig.axes[0]
    assert to_hex(ax.patches[-1].get_facecolor()) == OTHER_COLOUR.lower()
    assert _ticks(ax) == ["R01 乡镇党建", "R03", "R02 上海", "R04 财政局"]
    assert _legend_texts(fig)[-1] == "mystery (仅1篇报告)"


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_structure_overview_stacks_levels_per_report(lang):
    fig = overview.structure_overview(SECTIONS, REPORTS, lang=lang)
    _draw_strictly(fig)
    (ax,) = fig.axes
    assert ax.has_data()
    assert len(ax.patches) == 4 * 3, "one bar per report and level"
    assert [t.split()[0] for t in _ticks(ax)] == ORDER
    per_level = [ax.patches[i * 4:(i + 1) * 4] for i in range(3)]
    widths = [[p.get_width() for p in level] for level in per_level]
    assert widths == [[2, 1, 1, 0], [3, 1, 0, 0], [1, 0, 0, 0]]
    assert [sum(col) for col in zip(*widths)] == [6, 2, 1, 0]
    legend = _legend_texts(fig)
    assert legend == (["一级标题", "二级标题", "三级标题"] if lang == "zh"
                      else ["level 1", "level 2", "level 3"])


def test_structure_overview_levels_beyond_four():
    sections = pd.DataFrame({"report_id": ["R01"] * 5, "level": [1, 2, 3, 4, 5]})
    fig = overview.structure_overview(sections, REPORTS, lang="en")
    assert _legend_texts(fig)[-1] == "level 5"
    assert len(fig.axes[0].patches) == 4 * 5


@pytest.mark.parametrize("call, match", [
    (lambda: overview.report_lengths_by_category(REPORTS.drop(columns="n_chars")), "n_chars"),
    (lambda: overview.report_lengths_by_category(REPORTS.iloc[0:0]), "empty"),
    (lambda: overview.report_lengths_by_category(REPORTS, lang="fr"), "`lang`"),
    (lambda: overview.report_lengths_by_category(REPORTS.to_dict()), "DataFrame"),
    (lambda: overview.structure_overview(SECTIONS.drop(columns="level"), REPORTS), "level"),
    (lambda: overview.structure_overview(SECTIONS.iloc[0:0], REPORTS), "empty"),
    (lambda: overview.structure_overview(SECTIONS, REPORTS, lang="de"), "`lang`"),
])
def test_invalid_inputs(call, match):
    with pytest.raises(ValueInvalidError, match=match):
        call()


def test_overview_figures_save_byte_identically(tmp_path):
    for run in ("a", "b"):
        save_figure(overview.report_lengths_by_category(REPORTS, lang="en"), "lengths",
                    directory=tmp_path / run)
        save_figure(overview.structure_overview(SECTIONS, REPORTS, lang="zh"), "structure",
                    directory=tmp_path / run)
    for path in sorted((tmp_path / "a").iterdir()):
        assert path.read_bytes() == (tmp_path / "b" / path.name).read_bytes(), path.name


def test_seed_corpus_overview():
    """Twelve reports; R11 is the shorter duplicate of R01; R01 has numbered headings 一、 and (一)."""
    corpus = reportlib.load(SEEDS)
    fig = overview.report_lengths_by_category(corpus.reports, lang="en")
    ax = fig.axes[0]
    assert len(ax.patches) == 12
    ticks = [t.split()[0] for t in _ticks(ax)]
    assert ticks[:5] == ["#01", "#05", "#09", "#10", "#11"]  # short ids of the rural reports
    assert [bool(p.get_hatch()) for p in ax.patches] == [t == "#11" for t in ticks]
    assert [t.get_text() for t in ax.texts] == ["duplicate: #01"]
    assert len(_legend_texts(fig)) == 6
    structure = overview.structure_overview(corpus.sections, corpus.reports, lang="zh")
    sax = structure.axes[0]
    ids = [t.split()[0] for t in _ticks(sax)]
    n_levels = len(_legend_texts(structure))
    assert len(sax.patches) == 12 * n_levels
    totals = [sum(sax.patches[i * 12 + row].get_width() for i in range(n_levels))
              for row in range(12)]
    by_short = dict(zip(corpus.reports["short_id"], corpus.reports["report_id"]))
    assert totals == [int((corpus.sections["report_id"] == by_short[sid]).sum()) for sid in ids]
    r01 = ids.index("#01")  # 一、落实各级党委… over (一)进一步强化…: two levels at least
    assert sax.patches[r01].get_width() > 0 and sax.patches[12 + r01].get_width() > 0
