"""Tables for papers: every table of a run as CSV, the key ones also as LaTeX (booktabs).

`write_all_tables` writes, into one folder, the parse tables (reports, sections, paragraphs,
sentences, noise, damage, sources, skipped), the vocabulary tables (tfidf, keyness, similarity,
with place names left out as in notebook 02) and the statistics tables (statistics, checks),
all UTF-8 CSV with ``\\n`` line ends; and LaTeX versions of the key tables: reports overview,
reports per sector, top keyness terms per sector, consistency checks. The LaTeX uses booktabs
rules (``\\toprule``, ``\\midrule``, ``\\bottomrule``); Chinese text needs xeCJK (or ctex) in
the paper's preamble.

>>> print(to_latex(__import__("pandas").DataFrame({"term": ["党建_1"], "z": [2.5]})))
\\begin{tabular}{lr}
\\toprule
term & z \\\\
\\midrule
党建\\_1 & 2.5 \\\\
\\bottomrule
\\end{tabular}
<BLANKLINE>
"""

from __future__ import annotations

import time
from pathlib import Path

import pandas as pd

PARSE_TABLES = ("reports", "sections", "paragraphs", "sentences", "noise", "damage", "sources", "skipped")
_LATEX_SPECIAL = {"\\": r"\textbackslash{}", "&": r"\&", "%": r"\%", "$": r"\$", "#": r"\#", "_": r"\_",
                  "{": r"\{", "}": r"\}", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}"}
#: Rows of keyness per sector in the LaTeX table.
LATEX_TOP_TERMS = 10


def write_csv(table: pd.DataFrame, path: Path) -> Path:
    """`table` as UTF-8 CSV without index, floats to 6 decimals (byte-identical reruns)."""
    table.to_csv(path, index=False, encoding="utf-8", lineterminator="\n", float_format="%.6f")
    return path


def escape_latex(value: object) -> str:
    """A cell as LaTeX text: special characters escaped, floats to 3 decimals."""
    if isinstance(value, float):
        value = "" if pd.isna(value) else f"{value:.3f}".rstrip("0").rstrip(".")
    return "".join(_LATEX_SPECIAL.get(ch, ch) for ch in str(value))


def to_latex(table: pd.DataFrame, *, caption: str = "") -> str:
    """A booktabs tabular of `table` (numbers right-aligned), in a table float if `caption`."""
    align = "".join("r" if pd.api.types.is_numeric_dtype(table[c]) and table[c].dtype != bool else "l"
                    for c in table.columns)
    lines = [rf"\begin{{tabular}}{{{align}}}", r"\toprule",
             " & ".join(escape_latex(c) for c in table.columns) + r" \\", r"\midrule"]
    lines += [" & ".join(escape_latex(v) for v in row) + r" \\" for row in table.itertuples(index=False)]
    lines += [r"\bottomrule", r"\end{tabular}"]
    if caption:
        lines = [r"\begin{table}", r"\centering", rf"\caption{{{escape_latex(caption)}}}", *lines, r"\end{table}"]
    return "\n".join(lines) + "\n"


def write_latex(table: pd.DataFrame, path: Path, *, caption: str = "") -> Path:
    path.write_text(to_latex(table, caption=caption), encoding="utf-8")
    return path


def write_all_tables(corpus, folder: str | Path, *, timings: dict[str, float] | None = None) -> list[Path]:
    """Write every table of `corpus` into `folder` (created); see the module docstring.

    `timings`, when given, receives the seconds each stage took (tokenize, vocabulary,
    statistics, tables).
    """
    from . import compare, describe, stats
    from .checks import checks_table
    from .tokenize import tokenize_paragraphs

    folder = Path(folder)
    folder.mkdir(parents=True, exist_ok=True)
    timings = {} if timings is None else timings
    written = [write_csv(getattr(corpus, name), folder / f"{name}.csv") for name in PARSE_TABLES]
    start = time.monotonic()
    tokenize_paragraphs(corpus.paragraphs)
    timings["tokenize"] = round(time.monotonic() - start, 2)
    start = time.monotonic()
    written += compare.write_tables(corpus, folder, exclude_places=True)
    keyness = compare.keyness(corpus, exclude_places=True)
    timings["vocabulary"] = round(time.monotonic() - start, 2)
    start = time.monotonic()
    statistics = stats.statistics_table(corpus)
    checks = checks_table(statistics, corpus.paragraphs)
    written += [write_csv(statistics, folder / "statistics.csv"), write_csv(checks, folder / "checks.csv")]
    timings["statistics"] = round(time.monotonic() - start, 2)
    top = keyness.groupby("category", sort=False).head(LATEX_TOP_TERMS)
    written += [
        write_latex(describe.reports_overview(corpus.reports), folder / "reports.tex", caption="Reports"),
        write_latex(describe.by_category(corpus.reports), folder / "reports_by_category.tex",
                    caption="Reports per sector (duplicates left out)"),
        write_latex(top[["category", "term", "count_in", "count_out", "z"]], folder / "keyness_top_terms.tex",
                    caption=f"Top {LATEX_TOP_TERMS} keyness terms per sector"),
        write_latex(checks[["check_id", "kind", "computation", "verdict"]], folder / "checks.tex",
                    caption="Consistency checks of cited statistics"),
    ]
    return written
