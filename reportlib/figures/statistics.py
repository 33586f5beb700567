"""Figures of the statistics the reports cite (from `reportlib.stats.statistics_table`).

Every function takes rows of the statistics table, returns a ``matplotlib.figure.Figure``,
draws its labels in Chinese (``lang="zh"``) or English (``lang="en"``, Chinese kept where the
glossary has no translation) and cites the source file and line(s) of its numbers under
the plot. Qualifiers are drawn, not hidden: a range is a bar from its low to its high value,
an "about" value is a hollow marker with ≈, a lower bound ("620多个", "95%以上") carries >/≥.

Example::

    from reportlib.figures import statistics as fs
    rates = table.query("report_id == 'R08' and line == 178")
    fig = fs.membership_rates(rates, reference="全国本专科大学生党员比例", lang="en")
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter

from reportlib.errors import ValueInvalidError, require_frame
from reportlib.figures.glossary import check_lang, translate
from reportlib.figures.style import FULL_WIDTH, OKABE_ITO, SINGLE_COLUMN, new_figure

STAT_COLUMNS = ("report_id", "source", "line", "surface", "value", "value_high", "unit_norm",
                "dimension", "qualifier", "what")
DIMENSIONS = ("count", "money", "area", "percent", "percent_change", "ratio", "age", "time", "length",
              "mass")
QUALIFIER_SIGNS = {"exact": "", "more_than": ">", "at_least": "≥", "about": "≈", "up_to": "≤"}
_COLOURS = list(OKABE_ITO.values())


def _require(rows: pd.DataFrame) -> None:
    require_frame(rows, "rows (a statistics_table)", STAT_COLUMNS, nonempty=True)


def _text(term: str, lang: str) -> str:
    """A glossary term in `lang` (unknown terms stay as given)."""
    return translate(term, lang)


def source_caption(rows: pd.DataFrame, *, lang: str = "zh") -> str:
    """'来源: <file> 第83–85行 (R02)' / 'Source: <file>, lines 83–85 (R02)' for the rows' lines."""
    check_lang(lang)
    parts = []
    for (source, report_id), group in rows.groupby(["source", "report_id"], sort=True):
        lines = sorted(set(int(x) for x in group["line"]))
        span = str(lines[0]) if len(lines) == 1 else (
            f"{lines[0]}–{lines[-1]}" if lines == list(range(lines[0], lines[-1] + 1))
            else ", ".join(map(str, lines)))
        if lang == "zh":
            parts.append(f"{Path(source).name} 第{span}行 ({report_id})")
        else:
            parts.append(f"{Path(source).name}, line{'s' if len(lines) > 1 else ''} {span} ({report_id})")
    return ("来源: " if lang == "zh" else "Source: ") + "; ".join(parts)


def value_label(row) -> str:
    """A statistic's value as drawn: qualifier sign, thousands separators, range with –."""
    def fmt(x: float) -> str:
        return f"{x:,.0f}" if float(x).is_integer() else f"{x:,.2f}".rstrip("0").rstrip(".")

    text = fmt(row.value) if pd.isna(row.value_high) else f"{fmt(row.value)}–{fmt(row.value_high)}"
    return QUALIFIER_SIGNS.get(row.qualifier, "") + text + ("%" if row.unit_norm == "percent" else "")


def _plain_tick(x: float, _pos: int) -> str:
    """A tick label in plain digits with thousands separators (3,000,000), no offset or 1e6."""
    return f"{x:,.0f}" if float(x).is_integer() else f"{x:,.2f}".rstrip("0").rstrip(".")


def statistics_overview(statistics: pd.DataFrame, *, reports: pd.DataFrame | None = None,
                        lang: str = "zh") -> Figure:
    """Stacked horizontal bars: how many statistics each report cites, by dimension.

    `reports` (corpus.reports) adds the reports that cite none and their labels.
    """
    _require(statistics)
    check_lang(lang)
    counts = statistics.groupby(["report_id", "dimension"]).size().unstack(fill_value=0)
    ids = sorted(set(counts.index) | (set(reports["report_id"]) if reports is not None else set()))
    counts = counts.reindex(index=ids, fill_value=0)
    dims = [d for d in DIMENSIONS if d in counts.columns]
    fig = new_figure(width=SINGLE_COLUMN, height=0.9 + 0.2 * len(ids))
    ax = fig.add_subplot()
    left = pd.Series(0, index=ids)
    for i, dim in enumerate(dims):
        ax.barh(range(len(ids)), counts[dim], left=left, color=_COLOURS[i % len(_COLOURS)],
                label=_text(f"dim_{dim}", lang), height=0.7)
        left = left + counts[dim]
    labels = dict(zip(reports["report_id"], reports["label"])) if reports is not None else {}
    ax.set_yticks(range(len(ids)), [f"{r} {labels.get(r, '')}".strip()[:14] for r in ids])
    ax.invert_yaxis()
    ax.set_xlabel(_text("引用的统计数字", lang))
    ax.legend(title=_text("维度", lang), loc="lower right", frameon=False)
    files = ", ".join(sorted(Path(s).name for s in statistics["source"].unique()))
    fig.supxlabel(f"来源: {files} (全部段落)" if lang == "zh" else f"Source: {files} (all paragraphs)",
                  fontsize=5.5)
    return fig


def _short(what: str) -> str:
    """A display label from a `what` phrase: 复旦本科生党员比例 → 复旦本科生."""
    for tail in ("党员比例", "比例"):
        if what.endswith(tail) and len(what) > len(tail):
            return what[: -len(tail)]
    return what


def _draw_value(ax, y: int, row, colour: str) -> None:
    """One statistic on a horizontal axis: range bar, hollow ≈ marker, or filled dot."""
    if not pd.isna(row.value_high):
        ax.plot([row.value, row.value_high], [y, y], color=colour, lw=3, solid_capstyle="butt")
    elif row.qualifier == "about":
        ax.plot(row.value, y, "o", mfc="white", mec=colour, ms=5)
    else:
        ax.plot(row.value, y, "o", color=colour, ms=4)
    x = row.value if pd.isna(row.value_high) else row.value_high
    ax.annotate(value_label(row), (x, y), xytext=(4, 0), textcoords="offset points",
                va="center", fontsize=6.5)


def membership_rates(rows: pd.DataFrame, *, reference: str, labels: dict[str, str] | None = None,
                     lang: str = "zh") -> Figure:
    """Student Party-membership rates by institution against a national reference figure.

    `rows` are percentage statistics (e.g. one line of the college report); the row whose
    `what` is `reference` is drawn as a vertical line, the others as dots (exact), hollow
    markers (about) or bars (ranges), sorted by value. `labels` maps stat_id → a Chinese
    label (default: `what` without its trailing 党员比例).
    """
    _require(rows)
    check_lang(lang)
    rates = rows[rows["unit_norm"] == "percent"]
    ref = rates[rates["what"] == reference]
    if ref.empty:
        raise ValueInvalidError("reference", reference, f"one of {sorted(rates['what'])}")
    others = rates[rates["what"] != reference].sort_values(["value", "what"], kind="stable")
    fig = new_figure(width=0.65 * FULL_WIDTH, height=1.0 + 0.19 * len(others))
    ax = fig.add_subplot()
    for y, row in enumerate(others.itertuples()):
        _draw_value(ax, y, row, OKABE_ITO["blue"])
    ax.axvline(ref["value"].iloc[0], color=OKABE_ITO["vermillion"], lw=0.8, ls="--")
    ax.annotate(f"{_text(_short(reference), lang)} {value_label(ref.iloc[0])}",
                (ref["value"].iloc[0], len(others) - 0.4), xytext=(3, 0), textcoords="offset points",
                color=OKABE_ITO["vermillion"], fontsize=6.5, va="top")
    names = [(labels or {}).get(getattr(r, "stat_id", ""), _short(r.what)) for r in others.itertuples()]
    ax.set_yticks(range(len(others)), [_text(n, lang) for n in names])
    ax.set_xlim(0, max(others["value_high"].fillna(0).max(), others["value"].max()) * 1.25)
    ax.set_xlabel(_text("学生党员比例 (%)", lang))
    fig.supxlabel(source_caption(rates, lang=lang), fontsize=5.5)
    return fig


def stated_figures(rows: pd.DataFrame, *, labels: dict[str, str] | None = None, title: str = "",
                   panel_by: str = "unit_norm", lang: str = "zh") -> Figure:
    """Bars of the statistics in `rows`, one panel per normalised unit (each its own scale).

    `labels` maps stat_id → a Chinese label (default: the `what` column); `title` is a
    Chinese glossary term; ``panel_by="line"`` makes one panel per source line instead (for
    one unit at different scales, e.g. a programme budget and a monthly wage). Ranges are
    bars from low to high with a lighter part above the low value.
    """
    _require(rows)
    check_lang(lang)
    if panel_by not in ("unit_norm", "line"):
        raise ValueInvalidError("panel_by", panel_by, "'unit_norm' or 'line'")
    labels = labels or {}
    rows = rows.assign(_panel=rows[panel_by])
    units = list(dict.fromkeys(rows["_panel"]))
    heights = [max(1, int((rows["_panel"] == u).sum())) for u in units]
    fig = new_figure(width=0.65 * FULL_WIDTH, height=0.6 + sum(0.2 * h + 0.45 for h in heights))
    grid = fig.subplots(len(units), 1, squeeze=False, gridspec_kw={"height_ratios": heights})
    for ax, unit in zip(grid.flat, units):
        part = rows[rows["_panel"] == unit]
        for y, row in enumerate(part.itertuples()):
            colour = _COLOURS[list(DIMENSIONS).index(row.dimension) % len(_COLOURS)]
            high = row.value if pd.isna(row.value_high) else row.value_high
            ax.barh(y, high, color=colour, height=0.6, alpha=0.45 if not pd.isna(row.value_high) else 1)
            ax.barh(y, row.value, color=colour, height=0.6)
            ax.annotate(value_label(row), (high, y), xytext=(3, 0), textcoords="offset points",
                        va="center", fontsize=6.5)
        names = [labels.get(getattr(r, "stat_id", ""), r.what) for r in part.itertuples()]
        ax.set_yticks(range(len(part)), [_text(n, lang) for n in names])
        ax.invert_yaxis()
        ax.set_xlim(0, (part["value_high"].fillna(part["value"]).max()) * 1.35)
        ax.xaxis.set_major_formatter(FuncFormatter(_plain_tick))
        xlabel = _text(f"unit_{part['unit_norm'].iloc[0]}", lang)
        if panel_by == "line":
            xlabel += f" (第{unit}行)" if lang == "zh" else f" (line {unit})"
        ax.set_xlabel(xlabel)
    if title:
        fig.suptitle(_text(title, lang))
    fig.supxlabel(source_caption(rows, lang=lang), fontsize=5.5)
    return fig
