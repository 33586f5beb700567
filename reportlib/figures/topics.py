"""Topic and cluster figures: choosing k, topic shares, report dendrograms, paragraph silhouettes.

Each function takes a table from :mod:`reportlib.topics` (or :mod:`reportlib.section_types`),
draws its labels in Chinese (``lang="zh"``) or English (``lang="en"``, through the glossary; terms
it lacks stay Chinese) and returns a ``matplotlib.figure.Figure`` (no pyplot state).

Example::

    from reportlib import topics
    from reportlib.figures import topics as topic_figures
    scores = topics.evaluate_k(paragraphs)
    fig = topic_figures.k_selection(scores, chosen={"nmf": 4}, lang="en")
"""

from __future__ import annotations

from typing import Mapping

import numpy as np
import pandas as pd
from matplotlib import colormaps
from matplotlib.figure import Figure
from matplotlib.patches import Patch
from scipy.cluster.hierarchy import dendrogram

from reportlib.errors import ValueInvalidError, require_frame
from reportlib.figures.glossary import check_lang, label, translate
from reportlib.figures.style import (
    CATEGORIES,
    CATEGORY_COLOURS,
    FULL_WIDTH,
    OKABE_ITO,
    OTHER_COLOUR,
    SEQUENTIAL_CMAP,
    SINGLE_COLUMN,
    new_figure,
)

METHOD_COLOURS = {"nmf": OKABE_ITO["blue"], "lda": OKABE_ITO["orange"]}
_MARKERS = {"nmf": "o", "lda": "s"}


def _check(frame: object, name: str, columns: tuple[str, ...], lang: str) -> None:
    check_lang(lang)
    require_frame(frame, name, columns, nonempty=True)


def _text(term: str, lang: str) -> str:
    return label(term, lang, with_chinese=False)


def _category_legend(fig: Figure, categories, lang: str) -> None:
    present = [c for c in CATEGORIES if c in set(categories)]
    present += sorted(set(categories) - set(CATEGORIES))
    handles = [Patch(color=CATEGORY_COLOURS.get(c, OTHER_COLOUR), label=_text(c, lang)) for c in present]
    fig.legend(handles=handles, loc="outside lower center", ncols=min(len(present), 3), frameon=False,
               title=_text("类别", lang), handlelength=1.2, columnspacing=1.0)


def k_selection(scores: pd.DataFrame, *, chosen: Mapping[str, int] | None = None, lang: str = "zh") -> Figure:
    """Two stacked panels over k: mean NPMI coherence and stability across seeds, one line per method.

    ``scores`` is :func:`reportlib.topics.evaluate_k` output (method, k, coherence, stability);
    ``chosen`` maps a method to its chosen k, drawn as a ringed point on both panels.
    """
    _check(scores, "scores", ("method", "k", "coherence", "stability"), lang)
    chosen = dict(chosen or {})
    fig = new_figure(width=SINGLE_COLUMN, height=3.6)
    axes = fig.subplots(2, 1, sharex=True)
    for ax, column, term in zip(axes, ("coherence", "stability"), ("主题一致性", "跨种子稳定性")):
        for method, part in scores.groupby("method", sort=True):
            part = part.sort_values("k")
            colour = METHOD_COLOURS.get(method, OTHER_COLOUR)
            ax.plot(part["k"], part[column], marker=_MARKERS.get(method, "^"), markersize=3, color=colour,
                    linewidth=1, label=method.upper())
            if method in chosen:
                y = part.loc[part["k"] == chosen[method], column]
                ax.scatter([chosen[method]] * len(y), y, s=60, facecolors="none", edgecolors="black",
                           linewidths=0.8, zorder=3)
        ax.set_ylabel(_text(term, lang))
    axes[1].set_ylim(0, 1.05)
    axes[1].set_xlabel(_text("主题数", lang))
    axes[1].set_xticks(sorted(scores["k"].unique()))
    axes[0].legend(frameon=False, loc="best")
    return fig


def topic_heatmap(shares: pd.DataFrame, *, topic_labels: Mapping[int, str] | None = None,
                  row_labels: Mapping[str, str] | None = None, row_term: str = "类别",
                  lang: str = "zh") -> Figure:
    """Heatmap of groups (rows) × topics (columns), shaded and annotated by mean topic share.

    ``shares`` is :func:`reportlib.topics.topic_shares` output. Rows that are category codes are
    translated through the glossary; ``row_labels`` overrides them (for reports: their labels).
    ``topic_labels`` maps topic numbers to column labels (from ``topics.topic_labels``).
    """
    _check(shares, "shares", (), lang)
    topic_labels = dict(topic_labels or {})
    rows = [(row_labels or {}).get(r, _text(str(r), lang)) for r in shares.index]
    cols = [topic_labels.get(t, f"T{t}") for t in shares.columns]
    width = FULL_WIDTH if len(cols) > 5 or lang == "en" else SINGLE_COLUMN
    fig = new_figure(width=width, height=1.2 + 0.28 * len(rows) + 0.06 * max(map(len, cols)))
    ax = fig.add_subplot()
    values = shares.to_numpy(dtype=float)
    image = ax.imshow(values, cmap=colormaps[SEQUENTIAL_CMAP], vmin=0, vmax=max(values.max(), 1e-9),
                      aspect="auto")
    for (i, j), value in np.ndenumerate(values):
        ax.text(j, i, f"{value:.2f}", ha="center", va="center", fontsize=6,
                color="white" if value > 0.6 * values.max() else "black")
    ax.set_xticks(range(len(cols)), labels=cols, rotation=35, ha="right", rotation_mode="anchor")
    ax.set_yticks(range(len(rows)), labels=rows)
    ax.set_ylabel(_text(row_term, lang))
    fig.colorbar(image, ax=ax, shrink=0.8, label=_text("平均主题份额", lang))
    return fig


def report_dendrograms(linkages: Mapping[str, np.ndarray], reports: pd.DataFrame, *, lang: str = "zh") -> Figure:
    """Side-by-side dendrograms of the reports, one per feature set, labels coloured by category.

    ``linkages`` maps a panel title (a glossary term such as '主题构成' or 'TF-IDF') to a scipy
    linkage matrix whose leaves are the rows of ``reports`` in order (columns report_id, label,
    category).
    """
    _check(reports, "reports", ("report_id", "label", "category"), lang)
    if not linkages:
        raise ValueInvalidError("linkages", linkages, "at least one linkage matrix")
    fig = new_figure(width=FULL_WIDTH, height=3.2)
    axes = np.atleast_1d(fig.subplots(1, len(linkages)))
    names = [translate(str(t), lang) if lang == "en" else str(t) for t in reports["label"]]
    colours = [CATEGORY_COLOURS.get(c, OTHER_COLOUR) for c in reports["category"]]
    for ax, (title, matrix) in zip(axes, linkages.items()):
        tree = dendrogram(matrix, orientation="left", labels=names, ax=ax, color_threshold=0,
                          above_threshold_color="#555555", no_plot=False)
        for tick, leaf in zip(ax.get_yticklabels(), tree["leaves"]):
            tick.set_color(colours[leaf])
            tick.set_fontsize(7)
        ax.set_title(_text(title, lang))
        ax.set_xlabel(_text("余弦距离", lang))
    _category_legend(fig, list(reports["category"]), lang)
    return fig


def silhouette_chart(scores: pd.DataFrame, *, lang: str = "zh") -> Figure:
    """Mean silhouette over k of paragraph k-means, one line per feature set.

    ``scores`` has columns k, silhouette and features (a glossary term naming the features), as
    :func:`reportlib.topics.silhouette_by_k` outputs with a features column added.
    """
    _check(scores, "scores", ("k", "silhouette", "features"), lang)
    fig = new_figure(width=SINGLE_COLUMN, height=2.2)
    ax = fig.add_subplot()
    palette = [OKABE_ITO["blue"], OKABE_ITO["vermillion"], OKABE_ITO["bluish_green"]]
    for colour, (name, part) in zip(palette * 3, scores.groupby("features", sort=False)):
        part = part.sort_values("k")
        ax.plot(part["k"], part["silhouette"], marker="o", markersize=3, linewidth=1, color=colour,
                label=_text(str(name), lang))
    ax.axhline(0, color="#999999", linewidth=0.5)
    ax.set_xlabel(_text("聚类数", lang))
    ax.set_ylabel(_text("平均轮廓系数", lang))
    ax.set_xticks(sorted(scores["k"].unique()))
    ax.legend(frameon=False)
    return fig


def distinctive_terms_bars(table: pd.DataFrame, *, lang: str = "zh", ncols: int | None = None) -> Figure:
    """Small multiples: per group, bars of its distinctive terms' log2 ratio against the others.

    ``table`` is :func:`reportlib.section_types.distinctive_terms` output (group, rank, term,
    log_ratio, reports). Each panel is titled with the group and the reports it rests on. English
    term labels keep the Chinese term beside them, so ``ncols`` defaults to 3 for Chinese and 2
    for English.
    """
    _check(table, "table", ("group", "rank", "term", "log_ratio", "reports"), lang)
    ncols = ncols or (3 if lang == "zh" else 2)
    groups = [c for c in CATEGORIES if c in set(table["group"])]
    groups += sorted(set(table["group"]) - set(groups))
    nrows = -(-len(groups) // ncols)
    n_terms = int(table.groupby("group").size().max())
    fig = new_figure(width=FULL_WIDTH, height=0.6 + nrows * (0.5 + 0.17 * n_terms))
    axes = np.atleast_1d(fig.subplots(nrows, ncols)).ravel()
    for ax, group in zip(axes, groups):
        part = table[table["group"] == group].sort_values("rank")
        terms = [label(t, lang, with_chinese=True) for t in part["term"]]
        ax.barh(range(len(part)), part["log_ratio"], color=CATEGORY_COLOURS.get(group, OTHER_COLOUR))
        ax.set_yticks(range(len(part)), labels=terms, fontsize=6.5)
        ax.invert_yaxis()
        ax.set_title(f"{_text(group, lang)} ({part['reports'].iloc[0].replace('|', ', ')})", fontsize=7.5)
        ax.set_xlabel(_text("对数比", lang), fontsize=7)
    for ax in axes[len(groups):]:
        ax.set_axis_off()
    return fig
