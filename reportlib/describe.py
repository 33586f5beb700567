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


def corpus_summary(corpus) -> pd.DataFrame:
    """What was read, as one small table: item, n (files read and skipped, reports, duplicates,
    truncated reports, paragraphs, sentences, noise lines, damage traces)."""
    reports = corpus.reports
    rows = [("files read", len(corpus.sources)), ("files skipped", len(corpus.skipped)),
            ("reports", len(reports)), ("near-duplicate reports", int((reports["duplicate_of"] != "").sum())),
            ("truncated reports", int(reports["truncated"].sum())), ("paragraphs", len(corpus.paragraphs)),
            ("sentences", len(corpus.sentences)), ("noise lines", len(corpus.noise)),
            ("damage traces", len(corpus.damage))]
    return pd.DataFrame(rows, columns=["item", "n"])


def truncated(reports: pd.DataFrame) -> pd.DataFrame:
    """The reports whose text stops early: report_id, label, category, lines, truncated_reason."""
    table = reports[reports["truncated"]]
    lines = table["start_line"].astype(str) + "-" + table["end_line"].astype(str)
    return table[["report_id", "label", "category"]].assign(lines=lines, reason=table["truncated_reason"]) \
        .reset_index(drop=True)


def noise_by_reason(noise: pd.DataFrame) -> pd.DataFrame:
    """Noise lines per reason: reason, n, n_sources, example (first line with its number)."""
    if noise.empty:
        return pd.DataFrame(columns=["reason", "n", "n_sources", "example"])
    grouped = noise.groupby("reason", sort=True)
    return pd.DataFrame({
        "n": grouped.size(),
        "n_sources": grouped["source"].nunique(),
        "example": grouped.apply(lambda g: f"L{g['line'].iloc[0]}: {str(g['text'].iloc[0])[:30]}",
                                 include_groups=False),
    }).reset_index().sort_values(["n", "reason"], ascending=[False, True]).reset_index(drop=True)


def head_note(table: pd.DataFrame, n: int) -> str:
    """'all 12 rows' or 'the first 30 of 1,000 rows': what a shortened display shows."""
    return f"all {len(table):,} rows" if len(table) <= n else f"the first {n} of {len(table):,} rows"


def most_similar_pairs(similarity: pd.DataFrame, reports: pd.DataFrame, *, n: int = 8) -> pd.DataFrame:
    """The `n` most similar pairs of a similarity matrix: first, second (report_ids), labels,
    categories, similarity, duplicate (True where one is marked the other's duplicate)."""
    ids = list(similarity.index)
    values = similarity.to_numpy(dtype=float)
    info = reports.set_index("report_id")
    pairs = [(values[i, j], ids[i], ids[j]) for i in range(len(ids)) for j in range(i + 1, len(ids))]
    pairs.sort(key=lambda p: (-p[0], p[1], p[2]))
    rows = []
    for value, a, b in pairs[:n]:
        duplicate = info.at[b, "duplicate_of"] == a or info.at[a, "duplicate_of"] == b
        rows.append((a, b, info.at[a, "label"], info.at[b, "label"], info.at[a, "category"], info.at[b, "category"],
                     round(value, 3), bool(duplicate)))
    return pd.DataFrame(rows, columns=["first", "second", "first_label", "second_label", "first_category",
                                       "second_category", "similarity", "duplicate"])


def largest_categories(reports: pd.DataFrame, *, n: int = 2) -> list[str]:
    """The `n` categories with the most reports (duplicates left out; ties in category order)."""
    from .errors import ValueInvalidError

    counts = reports[reports["duplicate_of"] == ""]["category"].value_counts()
    order = {c: i for i, c in enumerate(CATEGORIES)}
    ranked = sorted(counts.index, key=lambda c: (-counts[c], order.get(c, len(order)), c))
    if len(ranked) < n:
        raise ValueInvalidError("n", n, f"at most the number of categories with reports ({len(ranked)})")
    return ranked[:n]
