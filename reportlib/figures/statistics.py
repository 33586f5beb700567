"""Figures of the statistics the reports cite (from `reportlib.stats.statistics_table`).

Every function takes rows of the statistics table, returns a ``matplotlib.figure.Figure``,
draws its labels in Chinese (``lang="zh"``) or English (``lang="en"``, Chinese kept where the
glossary has no translation) and cites the source file and line(s) of its numbers under
the plot. Qualifiers are drawn, not hidden: a range is a bar from its low to its high value,
an "about" value is a hollow marker with ≈, a bound carries its sign (>, ≥, ≤, <).

:func:`indicator_chart` compares reports on the genre's recurring indicators
(:mod:`reportlib.indicators`): one panel per indicator, one labelled row per report up to
MAX_LABELLED_POINTS reports, a box per sector above; :func:`statistics_overview` draws one bar
per report up to MAX_REPORT_ROWS reports and the mean per sector above (see
:mod:`reportlib.figures.scale`).

Example::

    from reportlib.figures import statistics as fs
    rates = table.query("report_id == 'R08' and line == 178")
    fig = fs.membership_rates(rates, reference="全国本专科大学生党员比例", lang="en")
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from matplotlib.figure import Figure
from matplotlib.ticker import FuncFormatter, MaxNLocator

from reportlib.errors import ValueInvalidError, require_frame
from reportlib.figures.glossary import check_lang, chinese_only, label_or, translate
from reportlib.figures.overview import report_tick_labels
from reportlib.figures.scale import (
    MAX_LABELLED_POINTS,
    MAX_REPORT_ROWS,
    category_colour,
    category_label,
    category_order,
    category_rank,
    legend_columns,
    n_reports_text,
)
from reportlib.figures.style import (
    FULL_WIDTH,
    OKABE_ITO,
    SINGLE_COLUMN,
    new_figure,
    paper_figure,
)
from reportlib.qualifiers import QUALIFIER_SEMANTICS, QUALIFIERS

STAT_COLUMNS = ("report_id", "source", "line", "surface", "value", "value_high", "unit_norm",
                "dimension", "qualifier", "what")
DIMENSIONS = ("count", "money", "area", "percent", "percent_change", "fraction", "ratio", "age", "time",
              "length", "mass")
QUALIFIER_SIGNS = {q: ("" if q == "exact" else QUALIFIER_SEMANTICS[q].relation) for q in QUALIFIERS}
"""Sign drawn before a value per qualifier, from the one qualifier table (`reportlib.qualifiers`)."""
MAX_CAPTION_FILES = 3
"""Most source files named in a caption; above it, their number."""
_COLOURS = list(OKABE_ITO.values())
_X_BINS = 4
"""At most this many x intervals: tick labels like 3,000,000 need about half an inch each."""


def _require(rows: pd.DataFrame) -> None:
    require_frame(rows, "rows (a statistics_table)", STAT_COLUMNS, nonempty=True)


def _text(term: str, lang: str, fallback: str = "") -> str:
    """A glossary term in `lang`; in English an unknown term becomes '<fallback> (<term>)'."""
    text = translate(term, lang)
    if lang == "en" and fallback and chinese_only(text):
        return f"{fallback} ({term})"
    return text


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


def _files_caption(statistics: pd.DataFrame, lang: str) -> str:
    files = sorted({Path(str(x)).name for x in statistics["source"].unique()})
    if len(files) > MAX_CAPTION_FILES:
        return (f"来源: {len(files):,}个文件 (全部段落)" if lang == "zh"
                else f"Source: {len(files):,} files (all paragraphs)")
    joined = ", ".join(files)
    return f"来源: {joined} (全部段落)" if lang == "zh" else f"Source: {joined} (all paragraphs)"


@paper_figure
def statistics_overview(statistics: pd.DataFrame, *, reports: pd.DataFrame | None = None,
                        lang: str = "zh") -> Figure:
    """Stacked horizontal bars: how many statistics each report cites, by dimension.

    `reports` (corpus.reports: report_id, label, category) adds the reports that cite none and
    their labels. Above MAX_REPORT_ROWS reports (or with a category column) the bars are per
    category: the mean number of statistics per report by dimension, n reports in the label.
    The legend sits under the plot, outside the bars.
    """
    _require(statistics)
    check_lang(lang)
    counts = statistics.groupby(["report_id", "dimension"]).size().unstack(fill_value=0)
    ids = sorted(set(counts.index) | (set(reports["report_id"]) if reports is not None else set()))
    counts = counts.reindex(index=ids, fill_value=0)
    dims = [d for d in DIMENSIONS if d in counts.columns] + sorted(set(counts.columns) - set(DIMENSIONS))
    if len(ids) > MAX_REPORT_ROWS and reports is not None:
        counts, ticks, xlabel = _overview_by_category(counts, reports, lang)
    else:
        frame = (reports.set_index("report_id").reindex(ids).reset_index() if reports is not None
                 else pd.DataFrame({"report_id": ids, "label": ""}))
        ticks, xlabel = report_tick_labels(frame.fillna({"label": ""}), lang), _text("引用的统计数字", lang)
    fig = new_figure(width=SINGLE_COLUMN, height=1.1 + 0.17 * max(len(counts), len(dims) + 2))
    ax = fig.add_subplot()
    left = pd.Series(0.0, index=counts.index)
    for i, dim in enumerate(dims):
        ax.barh(range(len(counts)), counts[dim], left=left, color=_COLOURS[i % len(_COLOURS)],
                label=_text(f"dim_{dim}", lang), height=0.7)
        left = left + counts[dim]
    ax.set_yticks(range(len(counts)), ticks)
    ax.invert_yaxis()
    ax.set_xlabel(xlabel)
    fig.legend(title=_text("维度", lang), loc="outside right upper", frameon=False, handlelength=1.2)
    caption = _files_caption(statistics, lang)
    if len(ids) > MAX_REPORT_ROWS:
        caption = f"{n_reports_text(len(ids), lang)}; {caption}"
    fig.supxlabel(caption, fontsize=6)
    return fig


def _overview_by_category(counts: pd.DataFrame, reports: pd.DataFrame, lang: str):
    category = reports.set_index("report_id")["category"].reindex(counts.index).fillna("other")
    sizes = category.value_counts().to_dict()
    means = counts.groupby(category).mean()
    means = means.reindex(category_order(means.index))
    ticks = [category_label(c, lang, sizes[c]) for c in means.index]
    return means, ticks, _text("每篇报告平均引用的统计数字", lang)


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


@paper_figure
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
    ax.annotate(f"{_text(_short(reference), lang, 'reference')} {value_label(ref.iloc[0])}",
                (ref["value"].iloc[0], len(others)), xytext=(3, 0), textcoords="offset points",
                color=OKABE_ITO["vermillion"], fontsize=6.5, va="center")
    ax.set_ylim(-0.6, len(others) + 0.6)  # a row of its own above the rates for the reference
    names = [(labels or {}).get(getattr(r, "stat_id", ""), _short(r.what)) for r in others.itertuples()]
    ax.set_yticks(range(len(others)), [_text(n, lang, f"rate {i + 1}") for i, n in enumerate(names)])
    ax.set_xlim(0, max(others["value_high"].fillna(0).max(), others["value"].max()) * 1.25)
    ax.set_xlabel(_text("学生党员比例 (%)", lang))
    fig.supxlabel(source_caption(rates, lang=lang), fontsize=6)
    return fig


@paper_figure
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
        ax.set_yticks(range(len(part)), [_text(n, lang, f"item {i + 1}") for i, n in enumerate(names)])
        ax.invert_yaxis()
        ax.set_xlim(0, (part["value_high"].fillna(part["value"]).max()) * 1.35)
        ax.xaxis.set_major_locator(MaxNLocator(nbins=_X_BINS))
        ax.xaxis.set_major_formatter(FuncFormatter(_plain_tick))
        xlabel = _text(f"unit_{part['unit_norm'].iloc[0]}", lang)
        if panel_by == "line":
            xlabel += f" (第{unit}行)" if lang == "zh" else f" (line {unit})"
        ax.set_xlabel(xlabel)
    if title:
        fig.suptitle(_text(title, lang, "stated figures"))
    fig.supxlabel(source_caption(rows, lang=lang), fontsize=6)
    return fig


# -- comparable indicators ----------------------------------------------------------------------

INDICATOR_TABLE_COLUMNS = ("indicator", "report_id", "stat_id", "value", "value_high", "qualifier",
                           "unit_norm", "surface", "source", "line", "n_citations")


def indicator_table(statistics: pd.DataFrame) -> pd.DataFrame:
    """One row per (indicator, report): the report's first citation of the indicator.

    ``statistics`` is a statistics table; the indicators are matched with
    :func:`reportlib.indicators.match_indicators` unless it already has an ``indicator``
    column. Columns: indicator, report_id, stat_id, value, value_high, qualifier, unit_norm,
    surface, source, line (of the first citation, by line) and n_citations (how many of the
    report's statistics name the indicator). Statistics without an indicator are left out.
    """
    from reportlib.indicators import match_indicators

    _require(statistics)
    table = statistics if "indicator" in statistics.columns else match_indicators(statistics)
    table = table[table["indicator"].fillna("") != ""]
    if "stat_id" not in table.columns:
        table = table.assign(stat_id="")
    ordered = table.sort_values(["indicator", "report_id", "line", "start" if "start" in table else "line"],
                                kind="stable")
    first = ordered.groupby(["indicator", "report_id"], sort=True).head(1)
    n = ordered.groupby(["indicator", "report_id"], sort=True).size().rename("n_citations")
    out = first.merge(n.reset_index(), on=["indicator", "report_id"])
    return out[list(INDICATOR_TABLE_COLUMNS)].reset_index(drop=True)


def _chosen_indicators(table: pd.DataFrame, indicators, top_n: int) -> list[str]:
    if indicators is not None:
        chosen = [i for i in indicators if i in set(table["indicator"])]
        if not chosen:
            raise ValueInvalidError("indicators", list(indicators), f"some of {sorted(set(table['indicator']))}")
        return chosen
    if not isinstance(top_n, int) or top_n < 1:
        raise ValueInvalidError("top_n", top_n, "a positive int")
    cited = table.groupby("indicator")["report_id"].nunique()
    ranked = sorted(cited.items(), key=lambda item: (-item[1], item[0]))
    return [name for name, _ in ranked[:top_n]]


def _source_tick(report_id: str, line: int, lang: str) -> str:
    """'R01 L83' / 'R01 第83行': a report's short id and the line of the statistic."""
    rid = str(report_id)
    if "#" in rid:
        stem, number = rid.rsplit("#", 1)
        rid = f"{stem[:10]}#{number}"
    return f"{rid} 第{int(line)}行" if lang == "zh" else f"{rid} L{int(line)}"


def _log_scale(values: pd.Series) -> bool:
    positive = values[values > 0]
    return len(positive) == len(values) and len(values) > 1 and positive.max() / positive.min() > 100


def _indicator_points(ax, part: pd.DataFrame, lang: str) -> None:
    """One row per report: range line, hollow marker for ≈, value label; tick = source."""
    part = part.sort_values(["_rank", "value"], kind="stable").reset_index(drop=True)
    for y, row in enumerate(part.itertuples()):
        colour = category_colour(row.category)
        if not pd.isna(row.value_high):
            ax.plot([row.value, row.value_high], [y, y], color=colour, lw=2.5, solid_capstyle="butt")
        ax.plot(row.value, y, "o", ms=3.5, mec=colour, mfc="white" if row.qualifier == "about" else colour)
        x = row.value if pd.isna(row.value_high) else row.value_high
        ax.annotate(value_label(row), (x, y), xytext=(3, 0), textcoords="offset points",
                    va="center", fontsize=6)
    ids = part["_tick"].fillna(part["report_id"]) if "_tick" in part else part["report_id"]
    ax.set_yticks(range(len(part)), [_source_tick(r, n, lang) for r, n in zip(ids, part["line"])],
                  fontsize=6)
    for tick, category in zip(ax.get_yticklabels(), part["category"]):
        tick.set_color(category_colour(category))
    ax.set_ylim(len(part) - 0.5, -0.5)
    low = min(part["value"].min(), 0) if not _log_scale(part["value"]) else part["value"].min() / 2
    high = part["value_high"].fillna(part["value"]).max()
    ax.set_xlim(low, high * (4 if _log_scale(part["value"]) else 1.45) if high > 0 else 1)


def _indicator_boxes(ax, part: pd.DataFrame, lang: str) -> None:
    """A box per sector of the reports' values (the low end of a range), n per sector."""
    present = category_order(part["category"])
    data = [part.loc[part["category"] == c, "value"].to_numpy(dtype=float) for c in present]
    boxes = ax.boxplot(data, orientation="horizontal", patch_artist=True, widths=0.6,
                       flierprops={"markersize": 1.5, "markeredgewidth": 0.3},
                       medianprops={"color": "black", "linewidth": 0.8})
    for patch, category in zip(boxes["boxes"], present):
        patch.set_facecolor(category_colour(category))
    sizes = part["category"].value_counts()
    ax.set_yticks(range(1, len(present) + 1), [category_label(c, lang, int(sizes[c])) for c in present],
                  fontsize=6)
    ax.invert_yaxis()


@paper_figure
def indicator_chart(statistics: pd.DataFrame, reports: pd.DataFrame, *, indicators=None,
                    top_n: int = 12, lang: str = "zh") -> Figure:
    """Small multiples: one panel per indicator, each report's value, coloured by sector.

    ``statistics`` is a statistics table (indicators matched if it has no ``indicator``
    column), ``reports`` is corpus.reports (report_id, category). The panels are ``indicators``
    (Chinese names) or the ``top_n`` indicators cited by most reports. In a panel of up to
    MAX_LABELLED_POINTS reports every report has its row, labelled with its id and line, its
    value drawn as a dot (hollow for ≈), a range as a line from low to high, the qualifier
    sign (>, ≥, ≈, ≤, <) before the value; above that, one box per sector (values at the low
    end of ranges) with n per sector. The title says N reports and which panels are boxes.
    """
    _require(statistics)
    check_lang(lang)
    require_frame(reports, "reports", ("report_id", "category"), nonempty=True)
    table = indicator_table(statistics)
    if table.empty:
        raise ValueInvalidError("statistics", "no statistic with an indicator", "at least one matched statistic")
    chosen = _chosen_indicators(table, indicators, top_n)
    category = reports.set_index("report_id")["category"]
    table = table[table["indicator"].isin(chosen)].assign(
        category=lambda t: t["report_id"].map(category).fillna("other"))
    table = table.assign(_rank=table["category"].map(category_rank))
    if "short_id" in reports:  # ticks name reports by their short display id
        table = table.assign(_tick=table["report_id"].map(reports.set_index("report_id")["short_id"]))
    sizes = table.groupby("indicator").size()
    ncols = min(len(chosen), 3 if lang == "zh" else 2)
    nrows = -(-len(chosen) // ncols)
    rows_per_panel = [min(int(sizes[i]), MAX_LABELLED_POINTS) if sizes[i] <= MAX_LABELLED_POINTS
                      else table.loc[table["indicator"] == i, "category"].nunique() for i in chosen]
    height = 0.9 + nrows * (0.75 + 0.14 * max(rows_per_panel))
    fig = new_figure(width=FULL_WIDTH, height=height)
    axes = fig.subplots(nrows, ncols, squeeze=False).ravel()
    n_boxes = 0
    for ax, name in zip(axes, chosen):
        part = table[table["indicator"] == name]
        if len(part) > MAX_LABELLED_POINTS:
            _indicator_boxes(ax, part, lang)
            n_boxes += 1
        else:
            _indicator_points(ax, part, lang)
        if _log_scale(part["value"]):
            ax.set_xscale("log")
        else:
            ax.xaxis.set_major_locator(MaxNLocator(nbins=_X_BINS))
        ax.xaxis.set_major_formatter(FuncFormatter(_plain_tick))
        ax.tick_params(axis="x", labelsize=6)
        ax.set_title(f"{label_or(name, lang, 'indicator', with_chinese=False)}\n"
                     + n_reports_text(len(part), lang).replace("N = ", "n = "), fontsize=7)
        unit = part["unit_norm"].mode().iloc[0]
        ax.set_xlabel(_text(f"unit_{unit}", lang), fontsize=6.5)
    for ax in axes[len(chosen):]:
        ax.set_axis_off()
    fig.suptitle(_indicator_caption(table, chosen, n_boxes, lang), fontsize=7)
    _indicator_legend(fig, table, lang)
    return fig


def _indicator_caption(table: pd.DataFrame, chosen: list[str], n_boxes: int, lang: str) -> str:
    n = table["report_id"].nunique()
    if lang == "zh":
        text = f"{n:,}篇报告引用的{len(chosen)}个指标"
        return text + (f"; 超过{MAX_LABELLED_POINTS}篇报告的指标画每类箱线图" if n_boxes else "")
    text = f"{len(chosen)} indicators cited by N = {n:,} reports"
    return text + (f"; panels of over {MAX_LABELLED_POINTS} reports: box per sector" if n_boxes else "")


def _indicator_legend(fig: Figure, table: pd.DataFrame, lang: str) -> None:
    from matplotlib.patches import Patch

    present = category_order(table["category"])
    sizes = table.groupby("category")["report_id"].nunique()
    labels = [category_label(c, lang, int(sizes[c])) for c in present]
    handles = [Patch(color=category_colour(c), label=text) for c, text in zip(present, labels)]
    fig.legend(handles=handles, loc="outside lower center", ncols=legend_columns(labels, FULL_WIDTH),
               frameon=False, handlelength=1.2, columnspacing=1.0)
