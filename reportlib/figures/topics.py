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

from collections.abc import Mapping

import numpy as np
import pandas as pd
from matplotlib import colormaps
from matplotlib.figure import Figure
from matplotlib.patches import Patch
from scipy.cluster.hierarchy import dendrogram

from reportlib.errors import ValueInvalidError, require_frame
from reportlib.figures.glossary import check_lang, chinese_only, label, label_or
from reportlib.figures.scale import (
    DENDROGRAM_LEAVES,
    MAX_ID_LIST,
    MAX_REPORT_ROWS,
    category_colour,
    category_label,
    category_order,
    legend_columns,
    n_reports_text,
)
from reportlib.figures.style import (
    FULL_WIDTH,
    OKABE_ITO,
    OTHER_COLOUR,
    SEQUENTIAL_CMAP,
    SINGLE_COLUMN,
    new_figure,
    paper_figure,
)

METHOD_COLOURS = {"nmf": OKABE_ITO["blue"], "lda": OKABE_ITO["orange"]}
_MARKERS = {"nmf": "o", "lda": "s"}
_TITLE_CHARS = 24
"""Longest one-line panel title of distinctive_terms_bars (a 7.5 pt line in a third of a page)."""


def _check(frame: object, name: str, columns: tuple[str, ...], lang: str) -> None:
    check_lang(lang)
    require_frame(frame, name, columns, nonempty=True)


def _text(term: str, lang: str) -> str:
    return label(term, lang, with_chinese=False)


def _category_legend(fig: Figure, categories, lang: str) -> None:
    sizes = pd.Series(list(categories)).value_counts()
    present = category_order(sizes.index)
    labels = [category_label(c, lang, int(sizes[c])) for c in present]
    handles = [Patch(color=category_colour(c), label=text) for c, text in zip(present, labels)]
    fig.legend(handles=handles, loc="outside lower center", ncols=legend_columns(labels, FULL_WIDTH), frameon=False,
               title=_text("类别", lang), handlelength=1.2, columnspacing=1.0)


@paper_figure
def k_selection(scores: pd.DataFrame, *, chosen: Mapping[str, int] | None = None,
                min_stability: float | None = 0.9, lang: str = "zh") -> Figure:
    """Two stacked panels over k: mean NPMI coherence and stability across seeds, one line per method.

    ``scores`` is :func:`reportlib.topics.evaluate_k` output (method, k, coherence, stability and,
    if present, n_seeds: the stability axis label then gives the seeds per method); ``chosen``
    maps a method to its chosen k, drawn as a ringed point on both panels; ``min_stability``
    (the threshold of :func:`reportlib.topics.choose_k`) is a dashed line on the stability
    panel (None: no line).
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
    if min_stability is not None:
        axes[1].hlines(min_stability, 0, 1, transform=axes[1].get_yaxis_transform(), color="0.3",
                       linewidth=0.6, linestyle="--")
        axes[1].annotate(f"{_text('稳定性阈值', lang)} {min_stability:g}", (0.01, min_stability),
                         xycoords=("axes fraction", "data"), xytext=(0, -2), textcoords="offset points",
                         va="top", fontsize=6, color="0.3")
    if "n_seeds" in scores.columns:
        seeds = scores.groupby("method")["n_seeds"].max()
        axes[1].set_ylabel(f"{_text('跨种子稳定性', lang)}\n("
                           + ", ".join(f"{m.upper()} {int(v)}" for m, v in seeds.items())
                           + (" 个种子)" if lang == "zh" else " seeds)"))
    axes[1].set_ylim(0, 1.05)
    axes[1].set_xlabel(_text("主题数", lang))
    axes[1].set_xticks(sorted(scores["k"].unique()))
    axes[0].legend(frameon=False, loc="best")
    return fig


def _topic_columns(columns, topic_labels: Mapping[int, str], lang: str) -> list[str]:
    """Column labels: the topic's label, or 'T3' (English: 'T3 term' beside a Chinese-only label)."""
    out = []
    for t in columns:
        text = topic_labels.get(t, f"T{t}")
        out.append(f"T{t} ({text})" if lang == "en" and chinese_only(text) else text)
    return out


def _group_rows(shares: pd.DataFrame, row_groups: Mapping[str, str] | None) -> tuple[pd.DataFrame, pd.Series, str]:
    """Mean shares per group of rows: ``row_groups`` if given, else each row's dominant topic."""
    if row_groups:
        key = pd.Series([row_groups.get(r, "other") for r in shares.index], index=shares.index)
        table = shares.groupby(key).mean()
        table = table.reindex(category_order(table.index))
        return table, key.value_counts(), "category"
    key = pd.Series([f"T{t}" for t in shares.idxmax(axis=1)], index=shares.index)
    table = shares.groupby(key).mean()
    table = table.reindex(sorted(table.index, key=lambda t: int(t[1:])))
    return table, key.value_counts(), "dominant"


@paper_figure
def topic_heatmap(shares: pd.DataFrame, *, topic_labels: Mapping[int, str] | None = None,
                  row_labels: Mapping[str, str] | None = None, row_term: str = "类别",
                  n_reports: Mapping[str, int] | None = None,
                  row_groups: Mapping[str, str] | None = None, lang: str = "zh") -> Figure:
    """Heatmap of groups (rows) × topics (columns), shaded and annotated by mean topic share.

    ``shares`` is :func:`reportlib.topics.topic_shares` output. Rows that are category codes are
    translated through the glossary; ``row_labels`` overrides them (for reports: their labels).
    ``topic_labels`` maps topic numbers to column labels (from ``topics.topic_labels``).
    ``n_reports`` (row → reports) writes n on the right of each row. Above MAX_REPORT_ROWS rows
    the rows are averaged per group: ``row_groups`` (row → category; n per row on the right),
    else the rows' dominant topic; the title says so.
    """
    _check(shares, "shares", (), lang)
    topic_labels = dict(topic_labels or {})
    title = ""
    if len(shares) > MAX_REPORT_ROWS:
        n_rows = len(shares)
        shares, sizes, how = _group_rows(shares, row_groups)
        n_reports, row_labels = sizes.to_dict(), None
        title = _grouped_title(n_rows, how, lang)
        if how == "dominant":
            row_labels = {r: (f"主要主题 {r}" if lang == "zh" else f"main topic {r}") for r in shares.index}
    rows = [(row_labels or {}).get(r, _text(str(r), lang)) for r in shares.index]
    if lang == "en":
        rows = [r if not chinese_only(r) else str(i) for r, i in zip(rows, shares.index)]
    cols = _topic_columns(shares.columns, topic_labels, lang)
    width = FULL_WIDTH if len(cols) > 5 or lang == "en" else SINGLE_COLUMN
    fig = new_figure(width=width, height=1.3 + 0.28 * len(rows) + 0.06 * max(map(len, cols)))
    ax = fig.add_subplot()
    values = shares.to_numpy(dtype=float)
    image = ax.imshow(values, cmap=colormaps[SEQUENTIAL_CMAP], vmin=0, vmax=max(values.max(), 1e-9),
                      aspect="auto")
    for (i, j), value in np.ndenumerate(values):
        ax.text(j, i, f"{value:.2f}", ha="center", va="center", fontsize=6,
                color="white" if value > 0.6 * values.max() else "black")
    ax.set_xticks(range(len(cols)), labels=cols, rotation=90)
    ax.set_yticks(range(len(rows)), labels=rows)
    ax.set_ylabel(_text(row_term, lang))
    if n_reports:
        _row_counts(ax, [n_reports.get(r) for r in shares.index], lang)
    fig.colorbar(image, ax=ax, shrink=0.8, label=_text("平均主题份额", lang))
    if title:
        fig.suptitle(title, fontsize=7)
    return fig


def _row_counts(ax, counts: list, lang: str) -> None:
    """n reports per row, as tick labels of a secondary y axis on the right."""
    right = ax.secondary_yaxis("right")
    right.set_yticks(range(len(counts)), labels=["" if c is None else f"n = {int(c):,}" for c in counts],
                     fontsize=6.5)
    right.tick_params(length=0)


def _grouped_title(n_rows: int, how: str, lang: str) -> str:
    if lang == "zh":
        return f"{n_rows:,}行按{'类别' if how == 'category' else '主要主题'}取平均"
    return f"{n_rows:,} rows averaged per {'sector' if how == 'category' else 'main topic'}"


def _leaf_names(reports: pd.DataFrame, lang: str) -> list[str]:
    """zh: the report's label; en: its id and sector in English."""
    if lang == "zh":
        return [str(t) for t in reports["label"]]
    return [f"{r} {_text(str(c), lang)}" for r, c in zip(reports["report_id"], reports["category"])]


def _members(matrix: np.ndarray, n: int) -> dict[int, list[int]]:
    """Leaves below every node of a scipy linkage matrix (node ids n, n+1, … for merges)."""
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    for i, (a, b) in enumerate(np.asarray(matrix)[:, :2].astype(int)):
        members[n + i] = members[a] + members[b]
    return members


def _cluster_leaf(leaves: list[int], categories: list[str], lang: str) -> tuple[str, str]:
    """Label and colour of a truncated leaf: its size and majority sector with its share."""
    counts = pd.Series([categories[i] for i in leaves]).value_counts()
    top = category_order(counts[counts == counts.max()].index)[0]
    share = round(100 * counts[top] / len(leaves))
    name = _text(top, lang)
    text = f"{len(leaves)}篇, {name} {share}%" if lang == "zh" else f"{len(leaves)} reports, {name} {share}%"
    return (text if len(leaves) > 1 else f"1篇, {name}" if lang == "zh" else f"1 report, {name}"), category_colour(top)


@paper_figure
def report_dendrograms(linkages: Mapping[str, np.ndarray], reports: pd.DataFrame, *, lang: str = "zh") -> Figure:
    """Side-by-side dendrograms of the reports, one per feature set, labels coloured by category.

    ``linkages`` maps a panel title (a glossary term such as '主题构成' or 'TF-IDF') to a scipy
    linkage matrix whose leaves are the rows of ``reports`` in order (columns report_id, label,
    category). Leaves read the report's label (zh) or its id and sector (en). Above
    MAX_REPORT_ROWS reports the tree is cut to its last DENDROGRAM_LEAVES clusters
    (``truncate_mode='lastp'``), each leaf giving its size and majority sector, coloured by it.
    """
    _check(reports, "reports", ("report_id", "label", "category"), lang)
    if not linkages:
        raise ValueInvalidError("linkages", linkages, "at least one linkage matrix")
    truncated = len(reports) > MAX_REPORT_ROWS
    n_leaves = DENDROGRAM_LEAVES if truncated else len(reports)
    fig = new_figure(width=FULL_WIDTH, height=max(3.2, 0.9 + 0.13 * n_leaves))
    axes = np.atleast_1d(fig.subplots(1, len(linkages)))
    categories = [str(c) for c in reports["category"]]
    names = _leaf_names(reports, lang)
    for ax, (title, matrix) in zip(axes, linkages.items()):
        if truncated:
            _truncated_tree(ax, matrix, categories, lang)
        else:
            tree = dendrogram(matrix, orientation="left", labels=names, ax=ax, color_threshold=0,
                              above_threshold_color="#555555", no_plot=False)
            for tick, leaf in zip(ax.get_yticklabels(), tree["leaves"]):
                tick.set_color(category_colour(categories[leaf]))
                tick.set_fontsize(7)
        ax.set_title(_text(title, lang))
        ax.set_xlabel(_text("余弦距离", lang))
    if truncated:
        what = f"保留最后{n_leaves}个聚类" if lang == "zh" else f"tree cut to its last {n_leaves} clusters"
        fig.suptitle(f"{n_reports_text(len(reports), lang)}; {what}", fontsize=7)
    _category_legend(fig, categories, lang)
    return fig


def _truncated_tree(ax, matrix: np.ndarray, categories: list[str], lang: str) -> None:
    members = _members(matrix, len(categories))
    tree = dendrogram(matrix, orientation="left", ax=ax, truncate_mode="lastp", p=DENDROGRAM_LEAVES,
                      color_threshold=0, above_threshold_color="#555555", show_leaf_counts=False,
                      no_labels=True)
    labels = [_cluster_leaf(members[node], categories, lang) for node in tree["leaves"]]
    positions = 5 + 10 * np.arange(len(labels))
    ax.set_yticks(positions, labels=[t for t, _ in labels], fontsize=6.5)
    for tick, (_, colour) in zip(ax.get_yticklabels(), labels):
        tick.set_color(colour)


@paper_figure
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


@paper_figure
def distinctive_terms_bars(table: pd.DataFrame, *, lang: str = "zh", ncols: int | None = None) -> Figure:
    """Small multiples: per group, bars of its distinctive terms' log2 ratio against the others.

    ``table`` is :func:`reportlib.section_types.distinctive_terms` output (group, rank, term,
    log_ratio, reports). Each panel is titled with the group and the reports it rests on. English
    term labels keep the Chinese term beside them, so ``ncols`` defaults to 3 for Chinese and 2
    for English.
    """
    _check(table, "table", ("group", "rank", "term", "log_ratio", "reports"), lang)
    ncols = ncols or (3 if lang == "zh" else 2)
    groups = category_order(table["group"])
    nrows = -(-len(groups) // ncols)
    n_terms = int(table.groupby("group").size().max())
    fig = new_figure(width=FULL_WIDTH, height=0.6 + nrows * (0.5 + 0.17 * n_terms))
    axes = np.atleast_1d(fig.subplots(nrows, ncols)).ravel()
    for ax, group in zip(axes, groups):
        part = table[table["group"] == group].sort_values("rank")
        terms = [label_or(t, lang, f"term {i + 1}") for i, t in enumerate(part["term"])]
        ax.barh(range(len(part)), part["log_ratio"], color=category_colour(group))
        ax.set_yticks(range(len(part)), labels=terms, fontsize=6.5)
        ax.invert_yaxis()
        title = f"{_text(group, lang)} ({_report_list(part['reports'].iloc[0], lang)})"
        ax.set_title(title if len(title) <= _TITLE_CHARS else title.replace(" (", "\n(", 1), fontsize=7.5)
        ax.set_xlabel(_text("对数比", lang), fontsize=7)
    for ax in axes[len(groups):]:
        ax.set_axis_off()
    return fig


def _report_list(reports: str, lang: str) -> str:
    """'R09, R10' for up to MAX_ID_LIST reports, else '12篇报告' / 'n = 12 reports'."""
    ids = [r for r in str(reports).split("|") if r]
    if len(ids) <= MAX_ID_LIST:
        return ", ".join(ids)
    return f"{len(ids)}篇报告" if lang == "zh" else f"n = {len(ids):,} reports"
