"""Vocabulary figures: distinctive terms, report similarity, word clouds, keyness of two categories.

Each function takes a table from `reportlib.compare`, draws in Chinese (``lang="zh"``) or in
English (``lang="en"``, terms translated through the glossary where it has them, Chinese
otherwise) and returns a ``matplotlib.figure.Figure`` (no pyplot state).

Example::

    from reportlib import compare
    from reportlib.figures import vocabulary
    weights = compare.category_weights(corpus)
    fig = vocabulary.wordcloud_grid(weights, lang="en")
"""

from __future__ import annotations

import warnings
from collections.abc import Mapping

import numpy as np
import pandas as pd
from matplotlib.colors import to_hex
from matplotlib.figure import Figure
from scipy.cluster.hierarchy import dendrogram, leaves_list, linkage
from scipy.spatial.distance import squareform
from wordcloud import WordCloud

from reportlib.errors import ValueInvalidError, require_frame
from reportlib.figures.glossary import check_lang, label, label_or, translate
from reportlib.figures.scale import (
    MAX_CELL_NUMBERS,
    MAX_REPORT_ROWS,
    category_colour,
    category_label,
    category_order,
    n_reports_text,
)
from reportlib.figures.style import (
    CATEGORY_COLOURS,
    FULL_WIDTH,
    OKABE_ITO,
    OTHER_COLOUR,
    SEQUENTIAL_CMAP,
    font_path,
    new_figure,
    paper_figure,
)

#: Seed of the word-cloud layout: the same weights always give the same picture.
WORDCLOUD_SEED = 20240601
_CLOUD_PIXELS = (800, 520)


def _check(frame: object, name: str, lang: str) -> None:
    check_lang(lang)
    require_frame(frame, name, nonempty=True)


def _term(term: str, lang: str) -> str:
    return translate(term, lang) if lang == "en" else term


def _category(code: str, lang: str, n: Mapping[str, int] | None = None) -> str:
    return category_label(code, lang, None if n is None else n.get(code))


@paper_figure
def distinctive_terms_heatmap(matrix: pd.DataFrame, *, n_reports: Mapping[str, int] | None = None,
                              lang: str = "zh") -> Figure:
    """Heatmap of terms (rows) × categories (columns), shaded by mean TF-IDF weight.

    `matrix` is ``compare.distinctive_matrix(top, weights)``: index terms, columns category
    codes. English rows read "first secretary (第一书记)" so the original term stays visible; a
    term the glossary lacks reads "term 3 (…)". `n_reports` (category → reports) puts n under
    each column.
    """
    _check(matrix, "matrix", lang)
    height = 0.9 + 0.16 * len(matrix)
    fig = new_figure(width=FULL_WIDTH * 0.62, height=height)
    ax = fig.add_subplot()
    image = ax.imshow(matrix.to_numpy(dtype=float), cmap=SEQUENTIAL_CMAP, aspect="auto")
    ax.set_yticks(range(len(matrix)), labels=[label_or(t, lang, f"term {i + 1}")
                                              for i, t in enumerate(matrix.index)], fontsize=6.5)
    ax.xaxis.tick_top()
    ax.set_xticks(range(matrix.shape[1]), labels=[_category(c, lang, n_reports) for c in matrix.columns],
                  rotation=90)
    ax.tick_params(length=0)
    bar = fig.colorbar(image, ax=ax, shrink=0.5, pad=0.02)
    bar.set_label(label("平均TF-IDF权重", lang, with_chinese=False))
    return fig


def _cluster_order(sim: pd.DataFrame) -> tuple[list[int], np.ndarray]:
    """Leaf order of average-linkage clustering on 1 − cosine, and the linkage matrix."""
    distance = np.clip(1.0 - sim.to_numpy(dtype=float), 0.0, None)
    np.fill_diagonal(distance, 0.0)
    links = linkage(squareform((distance + distance.T) / 2, checks=False), method="average")
    return leaves_list(links).tolist(), links


def _report_labels(ids: list[str], reports: pd.DataFrame, lang: str) -> list[str]:
    table = reports.set_index("report_id")
    if lang == "zh":
        return [str(table.at[r, "label"]) if r in table.index else r for r in ids]
    return [f"{r} {_category(str(table.at[r, 'category']), lang)}" if r in table.index else r for r in ids]


@paper_figure
def similarity_heatmap(sim: pd.DataFrame, reports: pd.DataFrame, *, lang: str = "zh") -> Figure:
    """Report × report cosine similarity, ordered by hierarchical clustering, with its dendrogram.

    `sim` is ``compare.similarity(corpus)``; `reports` is ``corpus.reports`` (report_id, label,
    category) for the labels. Rows and columns follow the leaves of average-linkage clustering
    on 1 − cosine (scipy), so reports that resemble each other sit together. Cells carry their
    value (6 pt) up to MAX_CELL_NUMBERS reports. Above MAX_REPORT_ROWS reports the figure is
    category × category: the mean similarity of pairs of different reports, n per row and
    column (see :func:`sector_similarity`).
    """
    _check(sim, "sim", lang)
    require_frame(reports, "reports", ("report_id", "category"))
    if len(sim) > MAX_REPORT_ROWS:
        return _sector_heatmap(sim, reports, lang)
    order, links = _cluster_order(sim)
    ids = [sim.index[i] for i in order]
    fig = new_figure(width=FULL_WIDTH * 0.7, height=FULL_WIDTH * 0.62)
    grid = fig.add_gridspec(2, 1, height_ratios=[1, 5])
    top, ax = fig.add_subplot(grid[0]), fig.add_subplot(grid[1])
    tree = dendrogram(links, no_plot=True)
    for xs, ys in zip(tree["icoord"], tree["dcoord"]):
        top.plot((np.asarray(xs) - 5) / 10, ys, color="0.35", linewidth=0.7)
    top.set_xlim(-0.5, len(ids) - 0.5)
    top.set_axis_off()
    values = sim.loc[ids, ids].to_numpy(dtype=float)
    image = ax.imshow(values, cmap=SEQUENTIAL_CMAP, vmin=0.0, vmax=1.0, aspect="auto")
    labels = _report_labels(ids, reports, lang)
    ax.set_xticks(range(len(ids)), labels=labels, rotation=90, fontsize=6.5)
    ax.set_yticks(range(len(ids)), labels=labels, fontsize=6.5)
    if len(ids) <= MAX_CELL_NUMBERS:
        _cell_numbers(ax, values, fontsize=6, skip_diagonal=True)
    fig.colorbar(image, ax=[top, ax], shrink=0.6, pad=0.02).set_label(label("余弦相似度", lang, with_chinese=False))
    return fig


def _cell_numbers(ax, values: np.ndarray, *, fontsize: float, skip_diagonal: bool) -> None:
    for (i, j), value in np.ndenumerate(values):
        if not (skip_diagonal and i == j) and not np.isnan(value):
            ax.text(j, i, f"{value:.2f}"[1:] if 0 <= value < 1 else f"{value:.1f}", ha="center",
                    va="center", fontsize=fontsize, color="white" if value > 0.5 else "0.2")


def sector_similarity(sim: pd.DataFrame, reports: pd.DataFrame) -> pd.DataFrame:
    """Mean cosine similarity between the reports of two categories (pairs of different reports).

    Returns a square DataFrame, categories in figure order; a category's diagonal cell is the
    mean over its pairs of distinct reports (NaN for a single report).
    """
    category = reports.set_index("report_id")["category"].reindex(sim.index).fillna("other").to_numpy()
    values = sim.to_numpy(dtype=float).copy()
    np.fill_diagonal(values, np.nan)
    present = category_order(set(category))
    out = pd.DataFrame(index=present, columns=present, dtype=float)
    for a in present:
        for b in present:
            block = values[np.ix_(category == a, category == b)]
            with warnings.catch_warnings():
                warnings.simplefilter("ignore", RuntimeWarning)
                out.loc[a, b] = np.nanmean(block) if block.size else np.nan
    return out


def _sector_heatmap(sim: pd.DataFrame, reports: pd.DataFrame, lang: str) -> Figure:
    table = sector_similarity(sim, reports)
    sizes = reports.set_index("report_id")["category"].reindex(sim.index).fillna("other").value_counts()
    labels = [_category(c, lang, sizes.to_dict()) for c in table.index]
    fig = new_figure(width=FULL_WIDTH * 0.7, height=FULL_WIDTH * 0.55)
    ax = fig.add_subplot()
    values = table.to_numpy(dtype=float)
    image = ax.imshow(values, cmap=SEQUENTIAL_CMAP, vmin=0.0, vmax=1.0, aspect="auto")
    ax.set_xticks(range(len(labels)), labels=labels, rotation=90)
    ax.set_yticks(range(len(labels)), labels=labels)
    _cell_numbers(ax, values, fontsize=7, skip_diagonal=False)
    fig.colorbar(image, ax=ax, shrink=0.7, pad=0.02).set_label(label("平均相似度", lang, with_chinese=False))
    what = "类别间平均余弦相似度" if lang == "zh" else "mean cosine similarity between sectors"
    fig.suptitle(f"{n_reports_text(len(sim), lang)}; {what}", fontsize=7)
    return fig


def _cloud(weights: dict[str, float], colour: str, *, seed: int) -> np.ndarray:
    """Render one word cloud to an RGB array, all words in `colour`, fixed layout seed."""
    cloud = WordCloud(font_path=str(font_path()), width=_CLOUD_PIXELS[0], height=_CLOUD_PIXELS[1],
                      background_color="white", prefer_horizontal=1.0, random_state=seed,
                      color_func=lambda *args, **kwargs: colour, margin=4, relative_scaling=0.5)
    return cloud.generate_from_frequencies(weights).to_array()


def _top_weights(series: pd.Series, n: int, lang: str) -> dict[str, float]:
    series = series[series > 0]
    ranked = sorted(series.items(), key=lambda item: (-item[1], item[0]))[:n]
    out: dict[str, float] = {}
    for term, weight in ranked:
        out.setdefault(_term(term, lang), float(weight))
    return out


def wordcloud_counts(weights: pd.DataFrame, n: int = 30, *, lang: str = "zh") -> pd.DataFrame:
    """The terms :func:`wordcloud_grid` draws, with their weights: the table to print beside it.

    Columns: category, rank (1 = heaviest), term (Chinese), term_en (glossary English, '' if
    none), weight. A word cloud is an illustration; this table is what a reader can check.
    """
    _check(weights, "weights", lang)
    if not isinstance(n, int) or n < 1:
        raise ValueInvalidError("n", n, "a positive int")
    rows = []
    for category in weights.columns:
        series = weights[category][weights[category] > 0]
        ranked = sorted(series.items(), key=lambda item: (-item[1], item[0]))[:n]
        for rank, (term, weight) in enumerate(ranked, start=1):
            english = translate(str(term), "en")
            rows.append({"category": category, "rank": rank, "term": term,
                         "term_en": "" if english == term else english, "weight": float(weight)})
    return pd.DataFrame(rows, columns=["category", "rank", "term", "term_en", "weight"])


@paper_figure
def wordcloud_grid(weights: pd.DataFrame, *, lang: str = "zh", n: int = 30, ncols: int = 3,
                   seed: int = WORDCLOUD_SEED, n_reports: Mapping[str, int] | None = None) -> Figure:
    """One word cloud per category, from the same weights, font and seed, laid out as a grid.

    `weights` is ``compare.category_weights(corpus)`` (terms × categories); each cloud shows the
    category's `n` heaviest terms, sized by weight, in the category's colour; `n_reports`
    (category → reports) adds n to each title ("n = 1 report" for one). The clouds are an
    illustration: print :func:`wordcloud_counts` (the same terms and weights) beside them. In
    English a term the glossary lacks is drawn in Chinese (a cloud has no room for fallbacks).
    """
    _check(weights, "weights", lang)
    if not isinstance(n, int) or n < 1 or not isinstance(ncols, int) or ncols < 1:
        raise ValueInvalidError("n/ncols", (n, ncols), "positive ints")
    columns = category_order(weights.columns)
    nrows = -(-len(columns) // ncols)
    fig = new_figure(width=FULL_WIDTH, height=FULL_WIDTH / ncols * 0.72 * nrows + 0.2)
    for i, category in enumerate(columns):
        ax = fig.add_subplot(nrows, ncols, i + 1)
        colour = to_hex(CATEGORY_COLOURS.get(category, OTHER_COLOUR))
        ax.imshow(_cloud(_top_weights(weights[category], n, lang), colour, seed=seed), interpolation="bilinear")
        ax.set_title(_category(category, lang, n_reports), color=colour)
        ax.set_axis_off()
    return fig


#: |z| above which a term counts as typical of one side (two-sided 5 % level).
Z_THRESHOLD = 1.96


@paper_figure
def keyness_dotplot(table: pd.DataFrame, second: str, *, n: int = 15, z_threshold: float = Z_THRESHOLD,
                    lang: str = "zh") -> Figure:
    """Dot plot of the `n` terms most typical of each of two categories: z on x, terms on y.

    `table` is ``compare.keyness_between(corpus, first, second)`` (category, term, count_in,
    count_out, z) and `second` the category it was compared with. Terms typical of `first` (z > 0)
    sit on top, in its colour; those of `second` below, in its colour. Dashed lines mark
    ±`z_threshold`; each tick label ends with the term's counts (first : second).
    """
    _check(table, "table", lang)
    require_frame(table, "table", ("category", "term", "count_in", "count_out", "z"))
    if table["category"].nunique() != 1:
        raise ValueInvalidError("table", "several categories", "the output of compare.keyness_between")
    if not isinstance(n, int) or n < 1:
        raise ValueInvalidError("n", n, "a positive int")
    first = str(table["category"].iloc[0])
    ordered = table.sort_values(["z", "term"], ascending=[False, True], kind="stable")
    top = ordered[ordered["z"] > 0].head(n)
    bottom = ordered[ordered["z"] < 0].tail(n)
    rows = pd.concat([top, bottom], ignore_index=True)
    fig = new_figure(width=FULL_WIDTH * 0.62, height=1.2 + 0.15 * len(rows))
    ax = fig.add_subplot()
    colours = [category_colour(first) if z > 0 else category_colour(second) for z in rows["z"]]
    y = np.arange(len(rows))
    ax.hlines(y, 0, rows["z"], color=colours, linewidth=0.8)
    ax.scatter(rows["z"], y, color=colours, s=12, zorder=3)
    for x in (-z_threshold, z_threshold):
        ax.axvline(x, color=OKABE_ITO["black"], linewidth=0.6, linestyle="--")
    ax.axvline(0, color="0.6", linewidth=0.5)
    ticks = [f"{label_or(t, lang, f'term {i + 1}', with_chinese=True)}  ({a:,} : {b:,})"
             for i, (t, a, b) in enumerate(zip(rows["term"], rows["count_in"], rows["count_out"]))]
    ax.set_yticks(y, labels=ticks, fontsize=6.5)
    ax.set_ylim(len(rows) - 0.5, -0.5)
    for tick, colour in zip(ax.get_yticklabels(), colours):
        tick.set_color(colour)
    ax.set_xlabel(_keyness_xlabel(first, second, z_threshold, lang))
    return fig


def _keyness_xlabel(first: str, second: str, z_threshold: float, lang: str) -> str:
    a, b = _category(first, lang), _category(second, lang)
    if lang == "zh":
        return f"z值 (虚线: ±{z_threshold:g})\n括号内为词频 {a} : {b}"
    return f"z score (dashed: ±{z_threshold:g})\ncounts in brackets: {a} : {b}"


def compare_two_categories(table: pd.DataFrame, second: str, *, lang: str = "zh", n: int = 30,
                           seed: int = WORDCLOUD_SEED) -> Figure:
    """Deprecated: use :func:`keyness_dotplot` (z with counts, not word sizes). `seed` is ignored."""
    warnings.warn("compare_two_categories is deprecated; use keyness_dotplot", DeprecationWarning, stacklevel=2)
    return keyness_dotplot(table, second, n=min(n, 15), lang=lang)
