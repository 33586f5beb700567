"""Score reportlib on the development set of real scraped pages (annotated by hand).

Run, from the project root:

    .venv/bin/python benchmarks/devset/score.py PAGES_DIR [--manifest-dir benchmarks/devset] [--out FILE]

PAGES_DIR holds the saved pages (``a01.txt`` …); the manifest folder holds ``pages_*.csv``
(page_id, url, sha256, script, sector, first_report_line, chrome_lines, n_reports, notes) and
``statistics_*.csv`` (page_id, line, surface, value, value_high, unit, qualifier). A page whose
file is missing or whose SHA-256 differs from the manifest gets one line on stderr and is
skipped (and counted). Each page is parsed alone with ``reportlib.load(path, overrides=False)``.

Metrics (each printed overall, by annotated sector and by script):

* sector accuracy: the first report's ``category`` equals the annotated sector (share of pages);
* chrome caught: annotated chrome lines found in ``corpus.noise`` (share of those lines);
* report lines lost: non-blank, non-chrome lines at or after ``first_report_line`` found in
  ``corpus.noise`` (share of those lines; target at most 1 %);
* first line found: the first report's ``start_line`` equals ``first_report_line`` (share);
* statistics precision and recall: rows of ``reportlib.stats.statistics_table`` matched to the
  annotation on the same line, by equal surface or, when one surface contains the other, by
  equal value (see `match_statistics`), each annotated row used once; only pages with at least one
  annotated statistic count; value agreement (value and value_high, relative tolerance 1e-3)
  and qualifier agreement are shares of the matches.

Deterministic and offline. ``--out FILE`` writes the per-page counts as CSV.
"""

from __future__ import annotations

import argparse
import hashlib
import math
import sys
from collections import Counter
from pathlib import Path

import pandas as pd

import reportlib
import reportlib.stats
from reportlib.errors import ReportlibError, ValueInvalidError

PAGE_COLUMNS = ["page_id", "url", "sha256", "script", "sector", "first_report_line",
                "chrome_lines", "n_reports", "notes"]
STAT_COLUMNS = ["page_id", "line", "surface", "value", "value_high", "unit", "qualifier"]
COUNT_COLUMNS = ["sector_ok", "first_ok", "n_chrome", "chrome_caught", "n_body", "body_lost",
                 "stats_annotated", "n_gold", "n_pred", "n_match", "value_ok", "qualifier_ok"]
VALUE_TOLERANCE = 1e-3


def read_manifests(manifest_dir: str | Path) -> tuple[pd.DataFrame, pd.DataFrame]:
    """All ``pages_*.csv`` and ``statistics_*.csv`` of `manifest_dir`, concatenated in file-name
    order: (pages with PAGE_COLUMNS sorted by page_id, statistics with STAT_COLUMNS).

    Raises `ValueInvalidError` when a page_id appears twice."""
    folder = Path(manifest_dir)
    pages = _concat(sorted(folder.glob("pages_*.csv")), PAGE_COLUMNS)
    stats = _concat(sorted(folder.glob("statistics_*.csv")), STAT_COLUMNS)
    repeated = sorted(set(pages.loc[pages["page_id"].duplicated(), "page_id"]))
    if repeated:
        raise ValueInvalidError("page_id", repeated, "unique across the pages_*.csv files")
    pages["chrome_lines"] = pages["chrome_lines"].fillna("")
    pages["first_report_line"] = pages["first_report_line"].astype(int)
    stats["line"] = stats["line"].astype(int)
    return pages.sort_values("page_id", kind="stable").reset_index(drop=True), stats


def _concat(paths: list[Path], columns: list[str]) -> pd.DataFrame:
    frames = [pd.read_csv(p, dtype={"page_id": str, "surface": str, "unit": str,
                                    "chrome_lines": str, "sha256": str}, keep_default_na=False,
                          na_values={"value": [""], "value_high": [""]}) for p in paths]
    frames = [f[columns] for f in frames]
    return pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=columns)


def parse_ranges(text: str) -> set[int]:
    """Line numbers of a range list: ``'1-3;7'`` gives {1, 2, 3, 7}; '' gives an empty set.

    Raises `ValueInvalidError` for anything else (``'3-1'``, ``'a'``)."""
    lines: set[int] = set()
    for part in str(text).split(";"):
        part = part.strip()
        if not part:
            continue
        low, dash, high = part.partition("-")
        if not (low.strip().isdigit() and (high.strip().isdigit() or not dash)):
            raise ValueInvalidError("chrome_lines", text, "ranges like '1-3;7' of 1-based lines")
        first, last = int(low), int(high or low)
        if not 1 <= first <= last:
            raise ValueInvalidError("chrome_lines", text, "ranges like '1-3;7' of 1-based lines")
        lines.update(range(first, last + 1))
    return lines


def check_file(pages_dir: str | Path, page_id: str, sha256: str) -> tuple[Path | None, str]:
    """The saved page's path and '' if its bytes hash to `sha256`, else (None, the reason)."""
    path = Path(pages_dir) / f"{page_id}.txt"
    if not path.is_file():
        return None, f"{path}: missing"
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    if digest != sha256.strip().lower():
        return None, f"{path}: sha256 {digest} differs from the manifest's {sha256}"
    return path, ""


def score_page(path: Path, page: dict, gold: pd.DataFrame, *, stats_annotated: bool) -> dict:
    """Counts for one page: COUNT_COLUMNS plus the predicted sector, start line and number of
    reports. Lines are the parser's (``corpus.lines``), numbered as in the annotation.

    `page` is a manifest row; `gold` the page's annotated statistics (may be empty)."""
    corpus = reportlib.load(path, overrides=False)
    first = corpus.reports.sort_values("start_line").head(1)
    sector = str(first["category"].iloc[0]) if len(first) else ""
    start = int(first["start_line"].iloc[0]) if len(first) else 0
    noise = set(corpus.noise["line"].astype(int))
    chrome = parse_ranges(page["chrome_lines"])
    body = {int(n) for n, text in zip(corpus.lines["line"], corpus.lines["text"])
            if n >= page["first_report_line"] and n not in chrome and str(text).strip()}
    counts = {"page_id": page["page_id"], "script": page["script"], "sector": page["sector"],
              "predicted_sector": sector, "first_report_line": page["first_report_line"],
              "predicted_start": start, "predicted_reports": len(corpus.reports),
              "sector_ok": int(sector == page["sector"]),
              "first_ok": int(start == page["first_report_line"]), "n_chrome": len(chrome),
              "chrome_caught": len(chrome & noise), "n_body": len(body),
              "body_lost": len(body & noise), "stats_annotated": int(stats_annotated)}
    predicted = reportlib.stats.statistics_table(corpus) if stats_annotated else None
    counts.update(match_statistics(gold, predicted))
    return counts


def match_statistics(gold: pd.DataFrame, predicted: pd.DataFrame | None) -> dict:
    """Match predicted to annotated statistics of one page, each annotated row used once.

    A prediction matches an annotation on the same line whose surface is equal to its own or,
    failing that, whose surface contains its own or is contained in it while the two values
    agree (``不足5人`` annotated, ``5人`` predicted with value 5). Equal surfaces are paired
    first. Returns n_gold, n_pred, n_match, value_ok (value and value_high agree),
    qualifier_ok; all zero when `predicted` is None (page without annotated statistics)."""
    if predicted is None:
        return {"n_gold": 0, "n_pred": 0, "n_match": 0, "value_ok": 0, "qualifier_ok": 0}
    pool: dict[int, list[dict]] = {}
    for row in gold.to_dict("records"):
        pool.setdefault(int(row["line"]), []).append(row)
    rows = predicted.to_dict("records")
    pairs = []
    for loose in (False, True):
        for row in [r for r in rows if not r.get("_paired")]:
            want = _partner(row, pool.get(int(row["line"]), []), loose=loose)
            if want is not None:
                pool[int(row["line"])].remove(want)
                row["_paired"] = True
                pairs.append((row, want))
    value_ok = sum(int(_close(r["value"], w["value"]) and _close(r["value_high"], w["value_high"]))
                   for r, w in pairs)
    qualifier_ok = sum(int(str(r["qualifier"]) == str(w["qualifier"])) for r, w in pairs)
    return {"n_gold": len(gold), "n_pred": len(predicted), "n_match": len(pairs),
            "value_ok": value_ok, "qualifier_ok": qualifier_ok}


def _partner(row: dict, candidates: list[dict], *, loose: bool) -> dict | None:
    """The first candidate with the same surface as `row` or, when `loose`, one whose surface
    contains row's or is contained in it and whose value agrees; None if there is none."""
    got = str(row["surface"])
    for want in candidates:
        surface = str(want["surface"])
        if surface == got:
            return want
        if loose and got and surface and (got in surface or surface in got) \
                and _close(row["value"], want["value"]):
            return want
    return None


def _close(got, want) -> bool:
    got_missing = got is None or (isinstance(got, float) and math.isnan(got))
    want_missing = want is None or (isinstance(want, float) and math.isnan(want))
    if got_missing or want_missing:
        return got_missing and want_missing
    return math.isclose(float(got), float(want), rel_tol=VALUE_TOLERANCE, abs_tol=1e-9)


def score_all(pages_dir: str | Path, pages: pd.DataFrame, stats: pd.DataFrame,
              *, err=None) -> tuple[pd.DataFrame, Counter]:
    """Per-page counts for every page that could be read, and a Counter of skipped pages by
    reason ('missing or changed', 'parse error'); one line per skipped page goes to `err`
    (default: sys.stderr)."""
    err = sys.stderr if err is None else err
    skipped: Counter = Counter()
    rows = []
    for page in pages.to_dict("records"):
        path, problem = check_file(pages_dir, page["page_id"], page["sha256"])
        if path is None:
            print(problem, file=err)
            skipped["missing or changed"] += 1
            continue
        gold = stats[stats["page_id"] == page["page_id"]]
        try:
            rows.append(score_page(path, page, gold, stats_annotated=len(gold) > 0))
        except ReportlibError as exc:
            print(f"{path}: {exc}", file=err)
            skipped["parse error"] += 1
    columns = ["page_id", "script", "sector", "predicted_sector", "first_report_line",
               "predicted_start", "predicted_reports"] + COUNT_COLUMNS
    return pd.DataFrame(rows, columns=columns), skipped


def summarize(per_page: pd.DataFrame) -> pd.DataFrame:
    """One row overall, one per annotated sector and one per script: group, pages, the six
    shares (NaN where there is nothing to count) and the statistics counts."""
    groups = [("overall", per_page)]
    groups += [(f"sector={k}", g) for k, g in per_page.groupby("sector", sort=True)]
    groups += [(f"script={k}", g) for k, g in per_page.groupby("script", sort=True)]
    return pd.DataFrame([_summary_row(name, g) for name, g in groups])


def _share(num, den) -> float:
    return float(num) / float(den) if den else float("nan")


def _summary_row(name: str, g: pd.DataFrame) -> dict:
    total = g[COUNT_COLUMNS].sum()
    share = _share
    return {"group": name, "pages": len(g),
            "sector_acc": share(total["sector_ok"], len(g)),
            "chrome_caught": share(total["chrome_caught"], total["n_chrome"]),
            "lines_lost": share(total["body_lost"], total["n_body"]),
            "first_line": share(total["first_ok"], len(g)),
            "stat_precision": share(total["n_match"], total["n_pred"]),
            "stat_recall": share(total["n_match"], total["n_gold"]),
            "value_agree": share(total["value_ok"], total["n_match"]),
            "qualifier_agree": share(total["qualifier_ok"], total["n_match"]),
            "n_gold": int(total["n_gold"]), "n_pred": int(total["n_pred"]),
            "n_match": int(total["n_match"])}


def format_table(summary: pd.DataFrame) -> str:
    """The summary as a fixed-width text table, shares in per cent ('-' where undefined)."""
    shares = ["sector_acc", "chrome_caught", "lines_lost", "first_line", "stat_precision",
              "stat_recall", "value_agree", "qualifier_agree"]
    shown = summary.copy()
    for column in shares:
        shown[column] = shown[column].map(lambda v: "-" if pd.isna(v) else f"{100 * v:.1f}%")
    return shown.to_string(index=False)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Score reportlib on the hand-annotated development set.")
    parser.add_argument("pages_dir", help="folder with the saved pages (a01.txt …)")
    parser.add_argument("--manifest-dir", default=str(Path(__file__).resolve().parent),
                        help="folder with pages_*.csv and statistics_*.csv (default: this folder)")
    parser.add_argument("--out", help="write the per-page counts to this CSV file")
    args = parser.parse_args(argv)
    try:
        pages, stats = read_manifests(args.manifest_dir)
        for ranges in pages["chrome_lines"]:
            parse_ranges(ranges)
    except (ReportlibError, KeyError, ValueError) as exc:
        print(f"{args.manifest_dir}: bad manifest: {exc}", file=sys.stderr)
        return 2
    per_page, skipped = score_all(args.pages_dir, pages, stats)
    print(f"pages in manifests: {len(pages)}; scored: {len(per_page)}; "
          f"skipped: {sum(skipped.values())} {dict(sorted(skipped.items()))}")
    if len(per_page):
        print(format_table(summarize(per_page)))
    if args.out:
        per_page.to_csv(args.out, index=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
