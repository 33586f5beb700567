"""Vocabulary figures: distinctive terms, report similarity, word clouds, two categories compared.

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

import numpy as np
import pandas as pd
from matplotlib.colors import to_hex
from matplotlib.figure import Figure
from scipy.cluster.hierarchy import dendrogram, leaves_list, linkage
from scipy.spatial.distance import squareform
from wordcloud import WordCloud

from reportlib.errors import ValueInvalidError, require_frame
from reportlib.figures.glossary import check_lang, label, translate
from reportlib.figures.style import (
    CATEGORY_COLOURS,
    FULL_WIDTH,
    OTHER_COLOUR,
    SEQUENTIAL_CMAP,
    font_path,
    new_figure,
)

#: Seed of the word-cloud layout: the same weights always give the same picture.
WORDCLOUD_SEED = 20240601
_CLOUD_PIXELS = (800, 520)


def _check(frame: object, name: str, lang: str) -> None:
    check_lang(lang)
    require_frame(frame, name, nonempty=True)


def _term(term: str, lang: str) -> str:
    return translate(term, lang) if lang == "en" else term


def _category(code: str, lang: str) -> str:
    return label(code, lang, with_chinese=False)


def distinctive_terms_heatmap(matrix: pd.DataFrame, *, lang: str = "zh") -> Figure:
    """Heatmap of terms (rows) × categories (columns), shaded by mean TF-IDF weight.

    `matrix` is ``compare.distinctive_matrix(top, weights)``: index terms, columns category
    codes. English rows read "first secretary (第一书记)" so the original term stays visible.
    """
    _check(matrix, "matrix", lang)
    height = 0.9 + 0.16 * len(matrix)
    fig = new_figure(width=FULL_WIDTH * 0.62, height=height)
    ax = fig.add_subplot()
    image = ax.imshow(matrix.to_numpy(dtype=float), cmap=SEQUENTIAL_CMAP, aspect="auto")
    ax.set_yticks(range(len(matrix)), labels=[label(t, lang) for t in matrix.index], fontsize=6.5)
    ax.xaxis.tick_top()
    ax.set_xticks(range(matrix.shape[1]), labels=[_category(c, lang) for c in matrix.columns],
                  rotation=40 if lang == "en" else 0, ha="left" if lang == "en" else "center",
                  rotation_mode="anchor")
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


def similarity_heatmap(sim: pd.DataFrame, reports: pd.DataFrame, *, lang: str = "zh") -> Figure:
    """Report × report cosine similarity, ordered by hierarchical clustering, with its dendrogram.

    `sim` is ``compare.similarity(corpus)``; `reports` is ``corpus.reports`` (report_id, label,
    category) for the labels. Rows and columns follow the leaves of average-linkage clustering
    on 1 − cosine (scipy), so reports that resemble each other sit together.
    """
    _check(sim, "sim", lang)
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
    ax.set_xticks(range(len(ids)), labels=labels, rotation=60, ha="right", fontsize=6.5)
    ax.set_yticks(range(len(ids)), labels=labels, fontsize=6.5)
    for (i, j), value in np.ndenumerate(values):
        if i != j:
            ax.text(j, i, f"{value:.2f}", ha="center", va="center", fontsize=4.5,
                    color="white" if value > 0.5 else "0.2")
    fig.colorbar(image, ax=[top, ax], shrink=0.6, pad=0.02).set_label(label("余弦相似度", lang, with_chinese=False))
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


def wordcloud_grid(weights: pd.DataFrame, *, lang: str = "zh", n: int = 30, ncols: int = 3,
                   seed: int = WORDCLOUD_SEED) -> Figure:
    """One word cloud per category, from the same weights, font and seed, laid out as a grid.

    `weights` is ``compare.category_weights(corpus)`` (terms × categories); each cloud shows the
    category's `n` heaviest terms, sized by weight, in the category's colour.
    """
    _check(weights, "weights", lang)
    if not isinstance(n, int) or n < 1 or not isinstance(ncols, int) or ncols < 1:
        raise ValueInvalidError("n/ncols", (n, ncols), "positive ints")
    nrows = -(-weights.shape[1] // ncols)
    fig = new_figure(width=FULL_WIDTH, height=FULL_WIDTH / ncols * 0.72 * nrows + 0.2)
    for i, category in enumerate(weights.columns):
        ax = fig.add_subplot(nrows, ncols, i + 1)
        colour = to_hex(CATEGORY_COLOURS.get(category, OTHER_COLOUR))
        ax.imshow(_cloud(_top_weights(weights[category], n, lang), colour, seed=seed), interpolation="bilinear")
        ax.set_title(_category(category, lang), color=colour)
        ax.set_axis_off()
    return fig


def compare_two_categories(table: pd.DataFrame, second: str, *, lang: str = "zh", n: int = 30,
                           seed: int = WORDCLOUD_SEED) -> Figure:
    """Two word clouds side by side: terms typical of one category against another.

    `table` is ``compare.keyness_between(corpus, first, second)`` and `second` the category it
    was compared with: the left cloud holds the `n` terms with the highest positive z (typical
    of `first`), the right one the `n` with the most negative z (typical of `second`); size is |z|.
    """
    _check(table, "table", lang)
    if table["category"].nunique() != 1:
        raise ValueInvalidError("table", "several categories", "the output of compare.keyness_between")
    first = str(table["category"].iloc[0])
    z = table.set_index("term")["z"]
    fig = new_figure(width=FULL_WIDTH, height=FULL_WIDTH * 0.36)
    for i, (category, sizes) in enumerate([(first, z), (second, -z)]):
        ax = fig.add_subplot(1, 2, i + 1)
        colour = to_hex(CATEGORY_COLOURS.get(category, OTHER_COLOUR))
        ax.imshow(_cloud(_top_weights(sizes, n, lang), colour, seed=seed), interpolation="bilinear")
        ax.set_title(_category(category, lang), color=colour)
        ax.set_axis_off()
    return fig
