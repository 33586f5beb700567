"""Findings in words, computed from the tables: the Markdown the notebooks print.

A notebook's prose says what a method does and what to look for; what the data show is printed
by these functions, so no sentence can contradict the outputs on another corpus. Each function
takes the tables it describes and returns Markdown (display it with ``IPython.display.Markdown``).

>>> import pandas as pd
>>> reports = pd.DataFrame({"report_id": ["a#01", "a#02"], "label": ["#01 甲", "#02 乙"],
...     "category": ["rural", "urban"], "n_chars": [900, 1200], "duplicate_of": ["", ""],
...     "truncated": [False, True], "source": ["a.txt", "a.txt"]})
>>> text = sector_sizes(reports)
>>> text.split(". ")[0]
'2 reports from 1 file: rural 1, urban 1'
>>> "1 report looks truncated" in text
True
"""

from __future__ import annotations

import pandas as pd

from .annotate import CATEGORIES


def ordered_categories(present) -> list[str]:
    """The categories in `present`, in the fixed order of CATEGORIES (others after, sorted)."""
    present = set(present)
    return [c for c in CATEGORIES if c in present] + sorted(present - set(CATEGORIES))


def _plural(n: int, word: str) -> str:
    return f"{n:,} {word}{'' if n == 1 else 's'}"


def sector_sizes(reports: pd.DataFrame) -> str:
    """How many reports per category, which categories rest on one report, extremes of length,
    duplicates and truncated reports (duplicates are left out of the counts per category)."""
    kept = reports[reports["duplicate_of"] == ""]
    counts = kept["category"].value_counts()
    order = ordered_categories(counts.index)
    parts = [f"{_plural(len(reports), 'report')} from {_plural(reports['source'].nunique(), 'file')}: "
             + ", ".join(f"{c} {counts[c]}" for c in order) + "."]
    single = [c for c in order if counts[c] == 1]
    if single:
        parts.append(f"Categories with a single report (their \"sector\" is one author): {', '.join(single)}.")
    longest, shortest = kept.loc[kept["n_chars"].idxmax()], kept.loc[kept["n_chars"].idxmin()]
    parts.append(f"The longest report is {longest['label']} ({longest['n_chars']:,} characters), "
                 f"the shortest {shortest['label']} ({shortest['n_chars']:,}).")
    duplicates = int((reports["duplicate_of"] != "").sum())
    if duplicates:
        parts.append(f"{_plural(duplicates, 'report')} nearly repeat{'s' if duplicates == 1 else ''} an earlier "
                     f"one and {'is' if duplicates == 1 else 'are'} left out of the counts above.")
    n_truncated = int(reports["truncated"].sum()) if "truncated" in reports else 0
    if n_truncated:
        parts.append(f"{_plural(n_truncated, 'report')} look{'s' if n_truncated == 1 else ''} truncated "
                     "(see the table of truncated reports).")
    return " ".join(parts)


def keyness_findings(keyness: pd.DataFrame, *, n_terms: int = 5) -> str:
    """Per category: how many reports, how many terms pass the `distinctive` filters, the top ones
    with the number of reports and paragraphs they occur in; a warning for one-report categories.

    `keyness` is `reportlib.compare.keyness` output (category, term, z, distinctive, is_cue,
    n_reports, n_paragraphs, category_n_reports)."""
    lines = []
    for category in ordered_categories(keyness["category"].unique()):
        part = keyness[keyness["category"] == category]
        size = int(part["category_n_reports"].iloc[0]) if "category_n_reports" in part else 0
        kept = part[part["distinctive"]].head(n_terms)
        cues = int(part["is_cue"].sum())
        terms = ", ".join(f"{r.term} ({r.n_reports} rep., {r.n_paragraphs} para.)" for r in kept.itertuples())
        note = " — n = 1 report: its vocabulary is one author's" if size == 1 else ""
        lines.append(f"- **{category}** ({_plural(size, 'report')}{note}): {int(part['distinctive'].sum())} "
                     f"distinctive of {len(part):,} terms tested, {cues} cue terms set aside"
                     + (f"; top: {terms}." if terms else "; none passes the filters."))
    return "\n".join(lines)


def topic_findings(specificity: pd.DataFrame, names: dict) -> str:
    """One line per topic: its kind (specific, shared, uneven), top category and whether one report
    carries it. `specificity` is `reportlib.topics.topic_specificity` output."""
    lines = []
    for row in specificity.itertuples(index=False):
        name = names.get(row.topic, f"T{row.topic}")
        carried = getattr(row, "carried_by_one_report", False)
        where = f"top category {row.top_group}" + (f", carried by one report ({row.top_report})" if carried else "")
        lines.append(f"- **{name}**: {row.kind}; {where}.")
    return "\n".join(lines)


def statistics_findings(statistics: pd.DataFrame, reports: pd.DataFrame) -> str:
    """How many statistics, by dimension, how many reports cite none, and how many map to an
    indicator (when the table has an ``indicator`` column)."""
    dims = statistics["dimension"].value_counts()
    citing = statistics["report_id"].nunique()
    parts = [f"{_plural(len(statistics), 'statistic')} in {citing:,} of {_plural(len(reports), 'report')}; "
             + ", ".join(f"{d} {n:,}" for d, n in dims.items()) + "."]
    if len(reports) - citing:
        parts.append(f"{_plural(len(reports) - citing, 'report')} cite{'s' if len(reports) - citing == 1 else ''} "
                     "no statistic at all.")
    if "indicator" in statistics:
        matched = statistics[statistics["indicator"] != ""]
        parts.append(f"{len(matched):,} ({len(matched) / max(len(statistics), 1):.0%}) map to "
                     f"{matched['indicator'].nunique()} indicators; the rest stay unmatched.")
    return " ".join(parts)
