"""Corpus overview figures: how long each report is, and how its sections are nested.

Both functions take the DataFrames of a loaded corpus (``corpus.reports``,
``corpus.sections``), return a ``matplotlib.figure.Figure`` and draw their labels in Chinese
(``lang="zh"``) or English with the Chinese term beside it (``lang="en"``).

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
from reportlib.figures.glossary import check_lang, label, translate
from reportlib.figures.style import (
    CATEGORIES,
    CATEGORY_COLOURS,
    OTHER_COLOUR,
    SEQUENTIAL_CMAP,
    SINGLE_COLUMN,
    new_figure,
)

REPORT_COLUMNS = ("report_id", "label", "category", "n_chars", "duplicate_of")
SECTION_COLUMNS = ("report_id", "level")
LEVEL_TERMS = ("一级标题", "二级标题", "三级标题", "四级标题")
_ROW_HEIGHT = 0.17
_MARGIN_HEIGHT = 0.9
_LEGEND_SPACING = {"handlelength": 1.2, "columnspacing": 1.0, "handletextpad": 0.4}


def _ordered(reports: pd.DataFrame) -> pd.DataFrame:
    """Reports sorted by category (in CATEGORIES order, others last), then report_id."""
    rank = {category: i for i, category in enumerate(CATEGORIES)}
    key = reports["category"].map(lambda c: rank.get(c, len(CATEGORIES)))
    out = reports.assign(_rank=key).sort_values(["_rank", "category", "report_id"], kind="stable")
    return out.drop(columns="_rank").reset_index(drop=True)


def _tick_labels(reports: pd.DataFrame, lang: str) -> list[str]:
    """Each report's label (translated if the glossary has it), prefixed by its id if absent."""
    labels = []
    for rid, text in zip(reports["report_id"], reports["label"].fillna("")):
        text = translate(str(text), lang)
        labels.append(text if text.startswith(str(rid)) else f"{rid} {text}".strip())
    return labels


def _legend_columns(n_entries: int, lang: str) -> int:
    return min(n_entries, 3 if lang == "zh" else 2)


def _height(n_rows: int, n_legend_rows: int) -> float:
    return _MARGIN_HEIGHT + _ROW_HEIGHT * (n_rows + n_legend_rows)


def _category_legend(fig: Figure, categories: list[str], lang: str) -> None:
    present = [c for c in CATEGORIES if c in categories]
    present += sorted(set(categories) - set(CATEGORIES))
    handles = [
        Patch(color=CATEGORY_COLOURS.get(c, OTHER_COLOUR), label=label(c, lang)) for c in present
    ]
    fig.legend(
        handles=handles, loc="outside lower center", ncols=_legend_columns(len(present), lang),
        frameon=False, title=label("类别", lang, with_chinese=False), **_LEGEND_SPACING,
    )


def report_lengths_by_category(reports: pd.DataFrame, *, lang: str = "zh") -> Figure:
    """Horizontal bars of ``n_chars`` per report, coloured by category, duplicates hatched.

    ``reports`` needs columns report_id, label, category, n_chars, duplicate_of ('' or the
    report_id of the original). Bars are grouped by category in the order of
    :data:`~reportlib.figures.style.CATEGORIES`; a duplicate is drawn hollow and hatched, with
    the id of its original at the bar's end.
    """
    check_lang(lang)
    require_frame(reports, "reports", REPORT_COLUMNS, nonempty=True)
    frame = _ordered(reports)
    n_categories = frame["category"].nunique()
    legend_rows = -(-n_categories // _legend_columns(n_categories, lang))
    fig = new_figure(width=SINGLE_COLUMN, height=_height(len(frame), legend_rows + 1))
    ax = fig.add_subplot()
    y = list(range(len(frame)))
    colours = [CATEGORY_COLOURS.get(c, OTHER_COLOUR) for c in frame["category"]]
    duplicate = frame["duplicate_of"].fillna("").astype(str)
    bars = ax.barh(y, frame["n_chars"], color=colours, edgecolor=colours, linewidth=0.6)
    for bar, original, colour in zip(bars, duplicate, colours):
        if original:
            bar.set_facecolor("white")
            bar.set_hatch("//////")
            ax.annotate(
                f"{translate('重复', lang)}: {original}", (bar.get_width(), bar.get_y() + 0.4),
                xytext=(3, 0), textcoords="offset points", va="center", fontsize=6.5,
            )
    ax.set_yticks(y, labels=_tick_labels(frame, lang))
    ax.invert_yaxis()
    ax.set_xlabel(label("字符数", lang, with_chinese=False))
    ax.margins(x=0.12)
    _category_legend(fig, list(frame["category"]), lang)
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


def structure_overview(
    sections: pd.DataFrame, reports: pd.DataFrame, *, lang: str = "zh"
) -> Figure:
    """Stacked horizontal bars: per report, the number of headings at each level.

    ``sections`` needs columns report_id and level (1 = top level); ``reports`` needs
    report_id, label, category (and is ordered as in :func:`report_lengths_by_category`).
    Reports without headings keep their row, with no bar. Darker shades are deeper levels.
    """
    check_lang(lang)
    require_frame(sections, "sections", SECTION_COLUMNS, nonempty=True)
    require_frame(reports, "reports", ("report_id", "label", "category"), nonempty=True)
    frame = _ordered(reports)
    counts = _level_counts(sections, frame["report_id"])
    n_levels = len(counts.columns)
    legend_rows = -(-n_levels // 4)
    fig = new_figure(width=SINGLE_COLUMN, height=_height(len(frame), legend_rows + 1))
    ax = fig.add_subplot()
    y = list(range(len(frame)))
    cmap = colormaps[SEQUENTIAL_CMAP]
    left = pd.Series(0, index=counts.index)
    for i, level in enumerate(counts.columns):
        shade = 0.35 + 0.6 * (i / max(n_levels - 1, 1))
        ax.barh(y, counts[level].to_numpy(), left=left.to_numpy(), color=cmap(shade),
                edgecolor="white", linewidth=0.4, label=_level_name(level, lang))
        left = left + counts[level]
    ax.set_yticks(y, labels=_tick_labels(frame, lang))
    ax.invert_yaxis()
    ax.set_xlabel(label("标题数", lang, with_chinese=False))
    fig.legend(loc="outside lower center", ncols=min(n_levels, 4), frameon=False,
               title=label("标题层级", lang, with_chinese=False), **_LEGEND_SPACING)
    return fig
