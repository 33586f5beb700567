"""Every figure at its print size, for 12 and for 1,000 reports: legible, no overlap, nothing cut off.

The tables are synthetic, built here: a small corpus (12 reports, six sectors, one sector with a
single report) and a large one (1,000 reports, seven sectors including ``other``). Each figure
function is drawn with the Agg renderer at its own size, and every visible text (tick labels
actually drawn, titles, axis labels, annotations, legend texts, figure titles) is checked: at
least 6 pt, inside the canvas, overlapping no other text; English figures carry no Chinese-only
text; the caller's rcParams are unchanged.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import matplotlib as mpl
import numpy as np
import pandas as pd
import pytest
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.text import Text
from scipy.cluster.hierarchy import linkage

from reportlib.figures import overview, vocabulary
from reportlib.figures import statistics as fs
from reportlib.figures import topics as topic_figures
from reportlib.figures.style import CATEGORIES, FULL_WIDTH

MIN_POINTS = 6.0
MAX_HEIGHT = 9.7  # inches: a journal page's text height
SLACK = 0.75  # pixels of glyph-box slack at 100 dpi: touching is not overlapping
HAN = re.compile(r"[\u3400-\u9fff]")
WORD = re.compile(r"[A-Za-z]{2,}")

# what, unit_norm, dimension, qualifier, value range: statistics of the kinds the genre cites
STAT_KINDS = [
    ("党员", "person", "count", (20, 3000)),
    ("流动党员", "person", "count", (1, 200)),
    ("35岁以下党员", "percent", "percent", (5, 60)),
    ("党支部", "item", "count", (1, 40)),
    ("村集体经济收入", "yuan", "money", (1e4, 5e6)),
    ("党员活动室", "m2", "area", (30, 800)),
    ("第一书记", "person", "count", (1, 30)),
    ("调研组", "item", "count", (1, 5)),
]
QUALIFIERS = ["exact", "exact", "more_than", "at_least", "about", "at_most", "less_than"]


@dataclass
class Corpus:
    reports: pd.DataFrame
    sections: pd.DataFrame
    statistics: pd.DataFrame
    similarity: pd.DataFrame
    linkages: dict
    shares_by_report: pd.DataFrame
    shares_by_category: pd.DataFrame


def _reports(n: int, sectors: list[str], rng) -> pd.DataFrame:
    weights = np.linspace(2.0, 0.5, len(sectors))
    category = rng.choice(sectors, size=n, p=weights / weights.sum()) if n > len(sectors) else sectors[:n]
    if n <= 12:  # every sector present, the last one with a single report
        category = (sectors * 3)[:n]
        category = [c if c != sectors[-1] else sectors[0] for c in category]
        category[-1] = sectors[-1]
    ids = [f"r{i:04d}" for i in range(1, n + 1)]
    return pd.DataFrame({
        "report_id": ids, "label": [f"{r} 某县基层党建调研" for r in ids], "category": list(category),
        "n_chars": rng.integers(800, 20000, size=n), "duplicate_of": [""] * (n - 1) + [ids[0]],
    })


def _statistics(reports: pd.DataFrame, rng) -> pd.DataFrame:
    rows = []
    for rid in reports["report_id"]:
        for k in rng.choice(len(STAT_KINDS), size=4, replace=False):
            what, unit, dimension, (low, high) = STAT_KINDS[k]
            value = float(round(rng.uniform(low, high)))
            ranged = rng.random() < 0.1
            rows.append({"stat_id": f"{rid}-S{len(rows):04d}", "report_id": rid, "source": "synthetic.txt",
                         "line": int(rng.integers(1, 900)), "start": 0, "end": 1, "surface": str(value),
                         "value": value, "value_high": value * 1.2 if ranged else np.nan, "unit": "",
                         "unit_norm": unit, "dimension": dimension,
                         "qualifier": "exact" if ranged else str(rng.choice(QUALIFIERS)),
                         "what": what, "sentence": f"{what}{value}"})
    return pd.DataFrame(rows)


def _corpus(n: int, sectors: list[str], seed: int) -> Corpus:
    rng = np.random.default_rng(seed)
    reports = _reports(n, sectors, rng)
    ids = list(reports["report_id"])
    sections = pd.DataFrame({"report_id": np.repeat(ids, 4), "level": rng.integers(1, 4, size=4 * n)})
    features = rng.random((n, 6)) + np.eye(6)[[sectors.index(c) % 6 for c in reports["category"]]]
    unit = features / np.linalg.norm(features, axis=1, keepdims=True)
    similarity = pd.DataFrame(unit @ unit.T, index=ids, columns=ids)
    links = {"主题构成": linkage(features, method="average", metric="cosine"),
             "TF-IDF": linkage(features[:, ::-1], method="average", metric="cosine")}
    shares = pd.DataFrame(features / features.sum(axis=1, keepdims=True), index=ids, columns=range(1, 7))
    by_category = shares.groupby(reports.set_index("report_id")["category"]).mean()
    return Corpus(reports, sections, _statistics(reports, rng), similarity, links, shares, by_category)


SMALL = _corpus(12, list(CATEGORIES), seed=1)
LARGE = _corpus(1000, [*CATEGORIES, "other"], seed=2)

TERMS = ["第一书记", "三会一课", "两新组织", "流动党员", "集体经济", "网格化管理", "软弱涣散", "结对共建",
         "未收录词甲", "未收录词乙", "商务楼宇", "驻区单位", "区域化党建", "服务型党组织", "党工委", "村干部"]


def _keyness() -> pd.DataFrame:
    z = np.linspace(6, -6, len(TERMS))
    return pd.DataFrame({"category": "urban", "term": TERMS, "count_in": np.arange(len(TERMS)) * 7 + 3,
                         "count_out": np.arange(len(TERMS))[::-1] * 5 + 2, "z": z})


def _weights(categories) -> pd.DataFrame:
    rng = np.random.default_rng(3)
    return pd.DataFrame(rng.random((len(TERMS), len(categories))), index=TERMS, columns=list(categories))


def _scores() -> pd.DataFrame:
    ks = list(range(3, 13))
    return pd.DataFrame({"method": ["nmf"] * 10 + ["lda"] * 10, "k": ks * 2,
                         "coherence": np.linspace(0.05, 0.2, 20), "stability": np.linspace(0.4, 1.0, 20),
                         "n_seeds": [10] * 10 + [3] * 10})


def _distinctive(corpus: Corpus) -> pd.DataFrame:
    rows = []
    for category, part in corpus.reports.groupby("category"):
        for rank, term in enumerate(TERMS[:6], start=1):
            rows.append({"group": category, "rank": rank, "term": term, "log_ratio": 3.0 / rank,
                         "reports": "|".join(part["report_id"])})
    return pd.DataFrame(rows)


def _rates() -> pd.DataFrame:
    names = ["全国本专科大学生党员比例", "复旦本科生党员比例", "上海本科生党员比例", "某学院学生党员比例"]
    values = [(8.0, np.nan, "exact"), (25.0, 30.0, "exact"), (15.0, np.nan, "about"), (40.0, np.nan, "more_than")]
    return pd.DataFrame([{"stat_id": f"x-S{i}", "report_id": "r0001", "source": "synthetic.txt", "line": 5,
                          "surface": "", "value": v, "value_high": h, "unit_norm": "percent",
                          "dimension": "percent", "qualifier": q, "what": w}
                         for i, (w, (v, h, q)) in enumerate(zip(names, values))])


def _figures(corpus: Corpus, lang: str) -> dict:
    """Every figure function, called on `corpus` (name → a zero-argument call)."""
    categories = sorted(set(corpus.reports["category"]), key=lambda c: (c not in CATEGORIES, c))
    sizes = corpus.reports["category"].value_counts().to_dict()
    stated = corpus.statistics[corpus.statistics["report_id"] == "r0001"]
    return {
        "report_lengths": lambda: overview.report_lengths_by_category(corpus.reports, lang=lang),
        "structure": lambda: overview.structure_overview(corpus.sections, corpus.reports, lang=lang),
        "distinctive_heatmap": lambda: vocabulary.distinctive_terms_heatmap(
            _weights(categories), n_reports=sizes, lang=lang),
        "similarity": lambda: vocabulary.similarity_heatmap(corpus.similarity, corpus.reports, lang=lang),
        "keyness": lambda: vocabulary.keyness_dotplot(_keyness(), "rural", n=8, lang=lang),
        "k_selection": lambda: topic_figures.k_selection(_scores(), chosen={"nmf": 6}, lang=lang),
        "topics_by_category": lambda: topic_figures.topic_heatmap(
            corpus.shares_by_category, n_reports=sizes, lang=lang),
        "topics_by_report": lambda: topic_figures.topic_heatmap(
            corpus.shares_by_report, row_groups=dict(zip(corpus.reports["report_id"], corpus.reports["category"])),
            row_term="报告", lang=lang),
        "dendrograms": lambda: topic_figures.report_dendrograms(corpus.linkages, corpus.reports, lang=lang),
        "silhouette": lambda: topic_figures.silhouette_chart(pd.DataFrame(
            {"k": [2, 3, 4] * 2, "silhouette": [0.1, 0.2, 0.15, 0.3, 0.25, 0.2],
             "features": ["TF-IDF"] * 3 + ["主题构成"] * 3}), lang=lang),
        "distinctive_bars": lambda: topic_figures.distinctive_terms_bars(_distinctive(corpus), lang=lang),
        "statistics_overview": lambda: fs.statistics_overview(corpus.statistics, reports=corpus.reports, lang=lang),
        "indicators": lambda: fs.indicator_chart(corpus.statistics, corpus.reports, lang=lang),
        "membership_rates": lambda: fs.membership_rates(_rates(), reference="全国本专科大学生党员比例", lang=lang),
        "stated_figures": lambda: fs.stated_figures(stated, title="上海社区工作者队伍", lang=lang),
    }


def _all_axes(fig):
    stack, seen = list(fig.axes), []
    while stack:
        ax = stack.pop(0)
        seen.append(ax)
        stack.extend(ax.child_axes)
    return seen


def _drawn_texts(fig, renderer) -> list[Text]:
    """Every visible, non-empty text drawn on the canvas (only the tick labels really drawn)."""
    tick_labels, drawn = set(), []
    for ax in _all_axes(fig):
        for axis in ax._axis_map.values():
            for tick in axis.majorTicks + axis.minorTicks:
                tick_labels.update({id(tick.label1), id(tick.label2)})
            if ax.get_visible() and ax.axison:
                for tick in axis._update_ticks():
                    drawn += [t for t in (tick.label1, tick.label2) if t.get_visible()]
    drawn += [t for t in fig.findobj(Text) if id(t) not in tick_labels]
    return [t for t in dict.fromkeys(drawn) if t.get_visible() and t.get_text().strip()
            and all(a.get_visible() for a in _ancestors(t))]


def _ancestors(text: Text) -> list:
    return [text.axes] if text.axes is not None else []


def _overlaps(boxes: np.ndarray) -> list[tuple[int, int]]:
    x0, y0, x1, y1 = (boxes[:, i][:, None] for i in range(4))
    wide = np.minimum(x1, x1.T) - np.maximum(x0, x0.T) > 2 * SLACK
    tall = np.minimum(y1, y1.T) - np.maximum(y0, y0.T) > 2 * SLACK
    pairs = np.argwhere(np.triu(wide & tall, k=1))
    return [tuple(p) for p in pairs]


def check_print(fig, lang: str) -> None:
    width, height = fig.get_size_inches()
    assert width <= FULL_WIDTH + 1e-9 and height <= MAX_HEIGHT, (width, height)
    FigureCanvasAgg(fig)
    fig.canvas.draw()
    renderer = fig.canvas.get_renderer()
    texts = _drawn_texts(fig, renderer)
    assert texts
    small = [(t.get_text(), t.get_fontsize()) for t in texts if t.get_fontsize() < MIN_POINTS - 1e-9]
    assert not small, f"text under {MIN_POINTS} pt: {small[:5]}"
    boxes = np.array([t.get_window_extent(renderer).extents for t in texts])
    w, h = fig.canvas.get_width_height()
    outside = [texts[i].get_text() for i, (x0, y0, x1, y1) in enumerate(boxes)
               if x0 < -SLACK or y0 < -SLACK or x1 > w + SLACK or y1 > h + SLACK]
    assert not outside, f"text outside the canvas: {outside[:5]}"
    clashes = [(texts[i].get_text(), texts[j].get_text()) for i, j in _overlaps(boxes)]
    assert not clashes, f"overlapping texts: {clashes[:5]}"
    if lang == "en":
        chinese = [t.get_text() for t in texts if HAN.search(t.get_text()) and not WORD.search(t.get_text())]
        assert not chinese, f"Chinese-only text in an English figure: {chinese[:5]}"


# Figures whose content grows with the number of reports; the others (k selection, silhouettes,
# keyness, rates, stated figures, category × term tables) draw the same marks for 12 or 1,000.
SCALED = ("report_lengths", "structure", "similarity", "topics_by_category", "topics_by_report",
          "dendrograms", "distinctive_bars", "statistics_overview", "indicators", "distinctive_heatmap")
CASES = [(size, lang, name) for size in ("small", "large") for lang in ("zh", "en")
         for name in _figures(SMALL, lang) if size == "small" or name in SCALED]


@pytest.mark.parametrize(("size", "lang", "name"), CASES, ids=["-".join(c) for c in CASES])
def test_figure_at_print_size(size, lang, name):
    corpus = SMALL if size == "small" else LARGE
    before = dict(mpl.rcParams)
    fig = _figures(corpus, lang)[name]()
    assert dict(mpl.rcParams) == before, "a figure function changed the caller's rcParams"
    check_print(fig, lang)


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_wordcloud_grid_at_print_size(lang):
    """Word clouds do not change with the number of reports (one per sector): the small case only."""
    weights = _weights(CATEGORIES[:3])  # three clouds: each takes seconds to lay out
    before = dict(mpl.rcParams)
    fig = vocabulary.wordcloud_grid(weights, n=10, n_reports={"rural": 5, "urban": 1, "border": 2}, lang=lang)
    assert [ax.get_title() for ax in fig.axes][1] == ("城市/街道社区 (仅1篇报告)" if lang == "zh"
                                                      else "urban (n = 1 report)")
    assert dict(mpl.rcParams) == before
    check_print(fig, lang)
    counts = vocabulary.wordcloud_counts(weights, n=10, lang=lang)
    assert counts.groupby("category", sort=False).size().tolist() == [10] * 3
    first = counts[counts["category"] == "rural"]
    assert first["weight"].is_monotonic_decreasing and first["rank"].tolist() == list(range(1, 11))
    assert first["term"].tolist() == weights["rural"].sort_values(ascending=False).index[:10].tolist()


def test_the_checks_catch_what_they_look_for():
    """Controls: a figure with small, overlapping, cut-off and Chinese-only text fails each check."""
    from reportlib.figures.style import new_figure, paper_figure

    @paper_figure
    def fig_with(**text):
        fig = new_figure(width=3.0, height=2.0)
        fig.text(0.1, 0.5, text.get("s", "abc words"), fontsize=text.get("size", 8))
        fig.text(*text.get("at", (0.6, 0.5)), "other words", fontsize=8)
        return fig

    with pytest.raises(AssertionError, match="under 6"):
        check_print(fig_with(size=5), "zh")
    with pytest.raises(AssertionError, match="overlapping"):
        check_print(fig_with(at=(0.12, 0.5)), "zh")
    with pytest.raises(AssertionError, match="outside"):
        check_print(fig_with(at=(0.95, 0.5)), "zh")
    with pytest.raises(AssertionError, match="Chinese-only"):
        check_print(fig_with(s="基层党建"), "en")


HOSTILE_RC = {"font.size": 20, "font.sans-serif": ["DejaVu Sans"], "xtick.labelsize": 3, "ytick.labelsize": 14,
              "legend.fontsize": 3, "axes.titlesize": 20, "axes.labelsize": 2}


def _pixels(fig) -> np.ndarray:
    import io

    from PIL import Image

    buffer = io.BytesIO()
    fig.savefig(buffer, format="png", dpi=60)
    return np.asarray(Image.open(io.BytesIO(buffer.getvalue())))


@pytest.mark.parametrize("name", ["silhouette", "k_selection", "statistics_overview", "similarity",
                                  "topics_by_category"])
def test_figure_draws_the_same_later_under_other_settings(name):
    """Jupyter's inline backend draws after the call, under the caller's rcParams (here odd ones)."""
    from reportlib.figures.style import use_paper_style

    call = _figures(SMALL, "en")[name]
    fig = call()
    with mpl.rc_context(HOSTILE_RC):
        later = _pixels(fig)
    with use_paper_style():
        inside = _pixels(call())
    assert later.shape == inside.shape and np.array_equal(later, inside)
