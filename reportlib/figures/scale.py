"""Figures that stay readable from a dozen reports to a thousand: thresholds and category labels.

Each threshold is the size above which a figure stops drawing one mark (bar, row, leaf, label)
per report and draws a summary per category instead; the figure says which it drew. The
numbers come from the print size: at :data:`ROW_HEIGHT` inches per row, 40 rows plus title,
axis and legend fill a page column (about 8 in), and 7.5 pt tick labels need 0.1 in each.

Categories keep one order and one colour in every figure: the six sectors in
:data:`~reportlib.figures.style.CATEGORIES` order, then any other code sorted, then ``other``
last (grey). A category with a single report is marked "n = 1 report" (仅1篇报告), so a
reader does not take one report for a sector.
"""

from __future__ import annotations

from collections.abc import Iterable

from reportlib.figures.glossary import label
from reportlib.figures.style import CATEGORIES, CATEGORY_COLOURS, OTHER_COLOUR

MAX_REPORT_ROWS = 40
"""Most reports drawn one row (bar, heatmap row, dendrogram leaf) each; above it, per category."""
MAX_CELL_NUMBERS = 15
"""Most rows of a report × report heatmap whose cells carry their value (≥ 6 pt fits a cell)."""
MAX_LABELLED_POINTS = 25
"""Most points in one panel labelled with their source; above it, a box per category."""
DENDROGRAM_LEAVES = 30
"""Leaves kept by ``truncate_mode='lastp'`` when a dendrogram has more than MAX_REPORT_ROWS."""
MAX_ID_LIST = 3
"""Most report ids listed in a panel title; above it, the number of reports."""
ROW_HEIGHT = 0.17
"""Inches per bar row (a 7.5 pt label and a gap)."""


_SECTORS = tuple(c for c in CATEGORIES if c != "other")


def category_order(categories: Iterable[str]) -> list[str]:
    """The distinct categories in figure order: the six sectors, others sorted, ``other`` last."""
    present = set(categories)
    ordered = [c for c in _SECTORS if c in present]
    rest = sorted(present - set(_SECTORS) - {"other"})
    return ordered + rest + (["other"] if "other" in present else [])


def category_rank(category: str) -> int:
    """Sort key of a category in :func:`category_order` (unknown codes before ``other``)."""
    if category in _SECTORS:
        return _SECTORS.index(category)
    return len(_SECTORS) + (1 if category == "other" else 0)


def category_colour(category: str) -> str:
    """The fixed colour of a category; grey for ``other`` and any unknown code."""
    return CATEGORY_COLOURS.get(category, OTHER_COLOUR)


def category_label(category: str, lang: str, n: int | None = None) -> str:
    """'rural (n = 5)' / '农村 (5篇)'; one report: 'rural (n = 1 report)' / '农村 (仅1篇报告)'."""
    name = label(category, lang, with_chinese=False)
    if n is None:
        return name
    if n == 1:
        return f"{name} (仅1篇报告)" if lang == "zh" else f"{name} (n = 1 report)"
    return f"{name} ({n}篇)" if lang == "zh" else f"{name} (n = {n})"


def n_reports_text(n: int, lang: str) -> str:
    """'N = 1,000 reports' / '共1,000篇报告' for a figure's caption."""
    return f"共{n:,}篇报告" if lang == "zh" else f"N = {n:,} report{'s' if n != 1 else ''}"


def legend_columns(labels: Iterable[str], width: float, *, fontsize: float = 7.5, most: int = 4) -> int:
    """How many legend columns of ``labels`` fit in ``width`` inches (at least 1, at most ``most``).

    A label's width is estimated from its characters (a Chinese character is one em, another
    character 0.55 em) plus the colour patch and the gap between columns (3 em).
    """
    ems = [sum(1.0 if ord(ch) > 0x2E80 else 0.55 for ch in text) + 3.0 for text in labels]
    if not ems:
        return 1
    per_column = max(ems) * fontsize / 72
    return max(1, min(most, len(ems), int(width * 0.95 // per_column)))
