"""Summary tables of a parsed corpus, for the overview notebook and for papers.

Every function takes tables of a `reportlib.Corpus` and returns a DataFrame whose columns are
listed in its docstring.
"""

from __future__ import annotations

import pandas as pd

from .conventions import CATEGORIES


def reports_overview(reports: pd.DataFrame) -> pd.DataFrame:
    """One row per report: report_id, label, category, place, lines ('start-end'), n_chars,
    n_paragraphs, duplicate (True where the report repeats an earlier one)."""
    table = reports[["report_id", "label", "category", "place", "n_chars", "n_paragraphs"]].copy()
    table.insert(4, "lines", reports["start_line"].astype(str) + "-" + reports["end_line"].astype(str))
    table["duplicate"] = reports["duplicate_of"] != ""
    return table.reset_index(drop=True)


def by_category(reports: pd.DataFrame, *, keep_duplicates: bool = False) -> pd.DataFrame:
    """Per category: n_reports, n_chars, mean_chars, share_chars (of all characters), in the
    fixed category order; duplicates are left out unless `keep_duplicates`."""
    if not keep_duplicates:
        reports = reports[reports["duplicate_of"] == ""]
    grouped = reports.groupby("category")["n_chars"].agg(n_reports="count", n_chars="sum")
    grouped = grouped.reindex([c for c in CATEGORIES if c in grouped.index])
    grouped["mean_chars"] = (grouped["n_chars"] / grouped["n_reports"]).round(0).astype(int)
    grouped["share_chars"] = (grouped["n_chars"] / grouped["n_chars"].sum()).round(3)
    return grouped.reset_index()


def structure(sections: pd.DataFrame, reports: pd.DataFrame) -> pd.DataFrame:
    """Per report: report_id, label, max_depth, level_1 … level_4 (headings at each level),
    top_style (numbering style of the top level: cn 一、, plain, …)."""
    counts = sections.pivot_table(index="report_id", columns="level", values="section_id",
                                  aggfunc="count", fill_value=0)
    counts = counts.reindex(columns=range(1, 5), fill_value=0)
    counts.columns = [f"level_{level}" for level in counts.columns]
    top = sections[sections["level"] == 1].groupby("report_id")["style"].first()
    table = reports[["report_id", "label", "max_depth"]].set_index("report_id").join(counts).join(top)
    table = table.rename(columns={"style": "top_style"}).fillna({"top_style": ""})
    return table.fillna(0).astype({f"level_{i}": int for i in range(1, 5)}).reset_index()


def redactions(reports: pd.DataFrame, paragraphs: pd.DataFrame) -> pd.DataFrame:
    """Per report: report_id, label, n_redactions, n_placeholder_years, lines_with_redactions
    (line numbers, comma-separated)."""
    lines = (paragraphs[paragraphs["n_redactions"] > 0].groupby("report_id")["line"]
             .agg(lambda s: ", ".join(map(str, s))))
    table = reports[["report_id", "label", "n_redactions", "n_placeholder_years"]].set_index("report_id")
    table["lines_with_redactions"] = lines
    return table.fillna({"lines_with_redactions": ""}).reset_index()


def damage_by_kind(damage: pd.DataFrame) -> pd.DataFrame:
    """Per kind of damage: kind, n (traces), n_reports, reports (ids), example (first excerpt with
    its line)."""
    grouped = damage.groupby("kind", sort=True)
    return pd.DataFrame({
        "n": grouped.size(),
        "n_reports": grouped["report_id"].nunique(),
        "reports": grouped["report_id"].agg(lambda s: ", ".join(sorted(set(s)))),
        "example": grouped.apply(lambda g: f"L{g['line'].iloc[0]}: {g['excerpt'].iloc[0]}", include_groups=False),
    }).reset_index()


def duplicate_scores(reports: pd.DataFrame) -> pd.DataFrame:
    """Per report: report_id, label, duplicate_score (shingle containment with its most similar
    earlier report), duplicate_of; highest first."""
    table = reports[["report_id", "label", "duplicate_score", "duplicate_of"]]
    return table.sort_values(["duplicate_score", "report_id"], ascending=[False, True]).reset_index(drop=True)
