"""Corpus overview figures: how long each report is, and how its sections are nested.

Both functions take the DataFrames of a loaded corpus (``corpus.reports``,
``corpus.sections``), return a ``matplotlib.figure.Figure`` and draw their labels in Chinese
(``lang="zh"``) or English (``lang="en"``). Up to
:data:`~reportlib.figures.scale.MAX_REPORT_ROWS` reports each gets its row; above that the
figures summarise per category (a box of lengths, the mean headings per level) and say so.

Example::

    from reportlib.figures import overview
    from reportlib.figures.style import save_figure
    fig = overview.report_lengths_by_category(corpus.reports, lang="en")
    save_figure(fig, "report_lengths_by_category_en")
"""

from __future__ import annotations

import pandas as pd
from matplotlib import colormaps
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from reportlib.errors import require_frame
from reportlib.figures.glossary import check_lang, chinese_only, label, translate
from reportlib.figures.scale import (
    MAX_REPORT_ROWS,
    ROW_HEIGHT,
    category_colour,
    category_label,
    category_order,
    category_rank,
    legend_columns,
    n_reports_text,
)
from reportlib.figures.style import (
    SEQUENTIAL_CMAP,
    SINGLE_COLUMN,
    new_figure,
    paper_figure,
)

REPORT_COLUMNS = ("report_id", "label", "category", "n_chars", "duplicate_of")
SECTION_COLUMNS = ("report_id", "level")
LEVEL_TERMS = ("一级标题", "二级标题", "三级标题", "四级标题")
_MARGIN_HEIGHT = 0.9
_LEGEND_SPACING = {"handlelength": 1.2, "columnspacing": 1.0, "handletextpad": 0.4}


def _ordered(reports: pd.DataFrame) -> pd.DataFrame:
    """Reports sorted by category (figure order, ``other`` last), then report_id."""
    key = reports["category"].map(category_rank)
    out = reports.assign(_rank=key).sort_values(["_rank", "category", "report_id"], kind="stable")
    return out.drop(columns="_rank").reset_index(drop=True)


def report_tick_labels(reports: pd.DataFrame, lang: str) -> list[str]:
    """Each report's tick label: its label, prefixed by its id unless it starts with it.

    In English the label is translated where the glossary has it; a Chinese-only label is left
    out and the id stands alone (the bar's colour gives the sector).
    """
    labels = []
    ids = reports["short_id"] if "short_id" in reports else reports["report_id"]  # short display ids
    for rid, text in zip(ids.astype(str), reports["label"].fillna("").astype(str)):
        rest = text[len(rid):].strip() if text.startswith(rid) else text.strip()
        rest = translate(rest, lang) if rest else ""
        if lang == "en" and chinese_only(rest):
            rest = ""
        labels.append(f"{rid} {rest}".strip())
    return labels


def _category_labels(reports: pd.DataFrame, lang: str) -> list[str]:
    counts = _counts(reports)
    return [category_label(c, lang, counts[c]) for c in category_order(counts)]


def _height(n_rows: int, n_legend_rows: int) -> float:
    return _MARGIN_HEIGHT + ROW_HEIGHT * (n_rows + n_legend_rows)


def _counts(reports: pd.DataFrame) -> dict[str, int]:
    return reports["category"].value_counts().to_dict()


def _category_legend(fig: Figure, reports: pd.DataFrame, lang: str) -> None:
    present = category_order(_counts(reports))
    labels = _category_labels(reports, lang)
    handles = [Patch(color=category_colour(c), label=text) for c, text in zip(present, labels)]
    fig.legend(
        handles=handles, loc="outside lower center", ncols=legend_columns(labels, SINGLE_COLUMN),
        frameon=False, title=label("类别", lang, with_chinese=False), **_LEGEND_SPACING,
    )


def _summary_note(fig: Figure, n: int, what: str, lang: str) -> None:
    fig.suptitle(f"{n_reports_text(n, lang)}; {what}", fontsize=7)


@paper_figure
def report_lengths_by_category(reports: pd.DataFrame, *, lang: str = "zh") -> Figure:
    """Report lengths (``n_chars``) by category: one bar per report, or a box per category.

    ``reports`` needs columns report_id, label, category, n_chars, duplicate_of ('' or the
    report_id of the original). Up to MAX_REPORT_ROWS reports, bars are grouped by category in
    figure order, coloured by category, a duplicate drawn hollow and hatched with the id of its
    original at the bar's end. Above it, one box per category (median, quartiles, whiskers at
    1.5 IQR) with n per category, and the number of duplicates in the title.
    """
    check_lang(lang)
    require_frame(reports, "reports", REPORT_COLUMNS, nonempty=True)
    frame = _ordered(reports)
    if len(frame) > MAX_REPORT_ROWS:
        return _length_boxes(frame, lang)
    labels = _category_labels(frame, lang)
    legend_rows = -(-len(labels) // legend_columns(labels, SINGLE_COLUMN))
    fig = new_figure(width=SINGLE_COLUMN, height=_height(len(frame), legend_rows + 1))
    ax = fig.add_subplot()
    y = list(range(len(frame)))
    colours = [category_colour(c) for c in frame["category"]]
    short = dict(zip(frame["report_id"], frame["short_id"])) if "short_id" in frame else {}
    duplicate = frame["duplicate_of"].fillna("").astype(str).map(lambda r: short.get(r, r))
    bars = ax.barh(y, frame["n_chars"], color=colours, edgecolor=colours, linewidth=0.6)
    for bar, original in zip(bars, duplicate):
        if original:
            bar.set_facecolor("white")
            bar.set_hatch("//////")
            ax.annotate(
                f"{translate('重复', lang)}: {original}", (bar.get_width(), bar.get_y() + 0.4),
                xytext=(3, 0), textcoords="offset points", va="center", fontsize=6.5,
            )
    ax.set_yticks(y, labels=report_tick_labels(frame, lang))
    ax.invert_yaxis()
    ax.set_xlabel(label("字符数", lang, with_chinese=False))
    ax.margins(x=0.12)
    _category_legend(fig, frame, lang)
    return fig


def _category_boxes(ax, frame: pd.DataFrame, column: str, lang: str) -> None:
    counts = _counts(frame)
    present = category_order(counts)
    data = [frame.loc[frame["category"] == c, column].to_numpy(dtype=float) for c in present]
    boxes = ax.boxplot(data, orientation="horizontal", patch_artist=True, widths=0.6,
                       flierprops={"markersize": 2, "markeredgewidth": 0.4},
                       medianprops={"color": "black", "linewidth": 0.8})
    for patch, category in zip(boxes["boxes"], present):
        patch.set_facecolor(category_colour(category))
        patch.set_alpha(0.8)
    ax.set_yticks(range(1, len(present) + 1), labels=[category_label(c, lang, counts[c]) for c in present])
    ax.invert_yaxis()


def _length_boxes(frame: pd.DataFrame, lang: str) -> Figure:
    fig = new_figure(width=SINGLE_COLUMN, height=1.2 + 0.3 * frame["category"].nunique())
    ax = fig.add_subplot()
    _category_boxes(ax, frame, "n_chars", lang)
    ax.set_xlabel(label("字符数", lang, with_chinese=False))
    n_dup = int((frame["duplicate_of"].fillna("").astype(str) != "").sum())
    what = (f"每类一箱线图, 重复{n_dup}篇" if lang == "zh"
            else f"one box per sector, {n_dup:,} duplicates")
    _summary_note(fig, len(frame), what, lang)
    return fig


def _level_counts(sections: pd.DataFrame, order: pd.Series) -> pd.DataFrame:
    """Headings per report (rows, in ``order``) and level (columns 1..max level)."""
    levels = pd.to_numeric(sections["level"], errors="raise").astype(int)
    counts = pd.crosstab(sections["report_id"], levels)
    columns = list(range(1, int(levels.max()) + 1)) if len(levels) else []
    return counts.reindex(index=order, columns=columns, fill_value=0)


def _level_name(level: int, lang: str) -> str:
    if level <= len(LEVEL_TERMS):
        return label(LEVEL_TERMS[level - 1], lang, with_chinese=False)
    return f"{level}级标题" if lang == "zh" else f"level {level}"


@paper_figure
def structure_overview(
    sections: pd.DataFrame, reports: pd.DataFrame, *, lang: str = "zh"
) -> Figure:
    """Stacked horizontal bars of headings per level: per report, or per category above the threshold.

    ``sections`` needs columns report_id and level (1 = top level); ``reports`` needs
    report_id, label, category (and is ordered as in :func:`report_lengths_by_category`).
    Reports without headings keep their row, with no bar. Darker shades are deeper levels.
    Above MAX_REPORT_ROWS reports each bar is a category's mean headings per report, its tick
    label giving n.
    """
    check_lang(lang)
    require_frame(sections, "sections", SECTION_COLUMNS, nonempty=True)
    require_frame(reports, "reports", ("report_id", "label", "category"), nonempty=True)
    frame = _ordered(reports)
    counts = _level_counts(sections, frame["report_id"])
    summary = len(frame) > MAX_REPORT_ROWS
    if summary:
        counts = counts.groupby(frame.set_index("report_id")["category"]).mean()
        counts = counts.reindex(category_order(counts.index))
        sizes = _counts(frame)
        ticks = [category_label(c, lang, sizes[c]) for c in counts.index]
    else:
        ticks = report_tick_labels(frame, lang)
    n_levels = len(counts.columns)
    legend_rows = -(-n_levels // 4)
    fig = new_figure(width=SINGLE_COLUMN, height=_height(len(counts), legend_rows + 1 + summary))
    ax = fig.add_subplot()
    _stack_levels(ax, counts, lang)
    ax.set_yticks(range(len(counts)), labels=ticks)
    ax.invert_yaxis()
    ax.set_xlabel(label("平均标题数" if summary else "标题数", lang, with_chinese=False))
    fig.legend(loc="outside lower center", ncols=min(n_levels, 4), frameon=False,
               title=label("标题层级", lang, with_chinese=False), **_LEGEND_SPACING)
    if summary:
        _summary_note(fig, len(frame), "每类平均" if lang == "zh" else "mean per sector", lang)
    return fig


def _stack_levels(ax, counts: pd.DataFrame, lang: str) -> None:
    cmap = colormaps[SEQUENTIAL_CMAP]
    n_levels = len(counts.columns)
    left = pd.Series(0.0, index=counts.index)
    y = list(range(len(counts)))
    for i, level in enumerate(counts.columns):
        shade = 0.35 + 0.6 * (i / max(n_levels - 1, 1))
        ax.barh(y, counts[level].to_numpy(), left=left.to_numpy(), color=cmap(shade),
                edgecolor="white", linewidth=0.4, label=_level_name(level, lang))
        left = left + counts[level]
