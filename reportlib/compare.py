"""How each sector talks: term counts, TF-IDF, keyness and similarity across report categories.

Every function takes a loaded corpus (``reportlib.load``: it needs ``corpus.reports`` with
report_id, label, category, place, duplicate_of, and ``corpus.paragraphs`` with report_id and
text) and tokenizes paragraphs with `reportlib.tokenize` (cached on disk).

Which IDF: TF-IDF here uses **this corpus's own** document frequencies, one document per report.
``jieba.analyse.extract_tags`` instead weighs terms by an IDF table jieba ships, computed on a
general Chinese corpus; in that table party-building words are merely "rare", so it cannot tell
which of them set one report apart from the others.

Duplicates (reports with a ``duplicate_of``) are left out unless ``keep_duplicates=True``.
Place names can be left out with ``exclude_places=True`` (the reports' ``place`` values, their
stems, and administrative names such as 湖北省 or 上海市委 with their stems), so that categories
do not separate on 地名; the categories themselves still come from the reports' own evidence.
"""

from __future__ import annotations

import re
from collections import Counter
from pathlib import Path

import numpy as np
import pandas as pd

from .conventions import CATEGORIES
from .errors import ValueInvalidError, require_frame
from .tokenize import tokenize_paragraphs

#: Administrative place names: 湖北省, 枣阳市, 颍上县, 上海市委 (three or more characters, so that
#: generic words such as 全市, 我县 or 城市 are not caught; their first character rules them out).
_ADMIN_PLACE = re.compile(r"^(?![全我本各该此县市省])[\u4e00-\u9fff]{2,}?(?:自治区|省|市|县|州|旗)(?:委|政府)?$")
_PLACE_SUFFIX = re.compile(r"(?:自治区|省|市|县|州|旗|区|镇|乡|村|街道|社区)(?:委|政府)?$")


def _frame(corpus: object, name: str, columns: tuple[str, ...]) -> pd.DataFrame:
    frame = getattr(corpus, name, None)
    require_frame(frame, f"corpus.{name}", columns)
    return frame


def _reports(corpus: object, keep_duplicates: bool) -> pd.DataFrame:
    reports = _frame(corpus, "reports", ("report_id", "category", "duplicate_of"))
    if not keep_duplicates:
        reports = reports[reports["duplicate_of"].fillna("").astype(str) == ""]
    return reports.reset_index(drop=True)


def place_stems(places: list[str]) -> set[str]:
    """Place names and their stems without the administrative suffix (上海市委 → 上海市委, 上海).

    An entry may hold several places separated by ';' (as ``corpus.reports.place`` does).
    """
    stems = set()
    for place in (p for entry in places for p in re.split(r"[;；,，、]", str(entry))):
        place = place.strip()
        if len(place) >= 2:
            stems.add(place)
            stem = _PLACE_SUFFIX.sub("", place)
            if len(stem) >= 2:
                stems.add(stem)
    return stems


def _drop_places(counts: dict[str, Counter], places: list[str]) -> dict[str, Counter]:
    found = [t for c in counts.values() for t in c if _ADMIN_PLACE.match(t)]
    stems = place_stems(list(places) + found)

    def is_place(term: str) -> bool:
        return any(term.startswith(s) for s in stems)

    return {r: Counter({t: n for t, n in c.items() if not is_place(t)}) for r, c in counts.items()}


def report_counts(corpus: object, *, keep_duplicates: bool = False,
                  exclude_places: bool = False) -> pd.DataFrame:
    """Term counts per report: columns report_id, category, term, count (count ≥ 1).

    Rows are sorted by report_id, then term, so the table is the same on every run.
    """
    reports = _reports(corpus, keep_duplicates)
    paragraphs = _frame(corpus, "paragraphs", ("report_id", "text"))
    paragraphs = tokenize_paragraphs(paragraphs[paragraphs["report_id"].isin(reports["report_id"])])
    counts = {r: Counter() for r in reports["report_id"]}
    for report_id, tokens in zip(paragraphs["report_id"], paragraphs["tokens"]):
        counts[report_id].update(tokens)
    if exclude_places:
        places = reports["place"].fillna("").tolist() if "place" in reports else []
        counts = _drop_places(counts, places)
    category = dict(zip(reports["report_id"], reports["category"]))
    rows = [(r, category[r], t, n) for r in sorted(counts) for t, n in sorted(counts[r].items())]
    return pd.DataFrame(rows, columns=["report_id", "category", "term", "count"])


def _matrix(counts: pd.DataFrame, index: str) -> pd.DataFrame:
    """Terms × `index` values count matrix (terms sorted), zeros where absent."""
    matrix = counts.pivot_table(index="term", columns=index, values="count", aggfunc="sum", fill_value=0)
    return matrix.sort_index().sort_index(axis=1).astype(np.int64)


def _categories(present) -> list[str]:
    known = [c for c in CATEGORIES if c in set(present)]
    return known + sorted(set(present) - set(known))


def tfidf(corpus: object, *, keep_duplicates: bool = False, exclude_places: bool = False) -> pd.DataFrame:
    """TF-IDF of every term in every report, with this corpus's own IDF.

    Columns: report_id, category, term, count, df (reports using the term), idf, weight.
    ``idf = ln((1 + N) / (1 + df)) + 1`` over the N reports compared (smoothed, as scikit-learn
    does); ``weight = (1 + ln count) × idf`` (sublinear term frequency, so 工作 used 70 times does
    not drown a term used 5 times), scaled so each report's weights have unit length (a long
    report does not outweigh a short one).
    """
    counts = report_counts(corpus, keep_duplicates=keep_duplicates, exclude_places=exclude_places)
    n_reports = counts["report_id"].nunique()
    df = counts.groupby("term")["report_id"].nunique()
    out = counts.assign(df=counts["term"].map(df).astype(np.int64))
    out["idf"] = np.log((1 + n_reports) / (1 + out["df"])) + 1.0
    raw = (1.0 + np.log(out["count"])) * out["idf"]
    norm = np.sqrt((raw**2).groupby(out["report_id"]).transform("sum"))
    out["weight"] = raw / norm
    return out


def category_weights(corpus: object, *, keep_duplicates: bool = False,
                     exclude_places: bool = False) -> pd.DataFrame:
    """Mean TF-IDF weight of each term in each category's reports (terms × categories).

    A category's weight vector is the centroid of its reports' unit-length TF-IDF vectors, so a
    category with many reports is not favoured. Index: term (sorted); columns: categories.
    """
    table = tfidf(corpus, keep_duplicates=keep_duplicates, exclude_places=exclude_places)
    sizes = table.groupby("category")["report_id"].nunique()
    sums = table.pivot_table(index="term", columns="category", values="weight", aggfunc="sum", fill_value=0.0)
    weights = sums / sizes.reindex(sums.columns).to_numpy()
    return weights.sort_index()[_categories(weights.columns)]


def top_terms(corpus: object, *, n: int = 15, keep_duplicates: bool = False,
              exclude_places: bool = False) -> pd.DataFrame:
    """The `n` highest-weighted terms of each category in one tidy table.

    Columns: category, rank (1 = highest), term, weight (see `category_weights`), n_reports
    (reports of that category using the term). Ties are broken by term, so ranks are stable.
    """
    if not isinstance(n, int) or n < 1:
        raise ValueInvalidError("n", n, "a positive int")
    counts = report_counts(corpus, keep_duplicates=keep_duplicates, exclude_places=exclude_places)
    used = counts.groupby(["category", "term"])["report_id"].nunique()
    weights = category_weights(corpus, keep_duplicates=keep_duplicates, exclude_places=exclude_places)
    rows = []
    for category in weights.columns:
        column = weights[category][weights[category] > 0]
        ranked = sorted(column.items(), key=lambda item: (-item[1], item[0]))[:n]
        rows += [(category, rank, term, weight, int(used[(category, term)]))
                 for rank, (term, weight) in enumerate(ranked, start=1)]
    return pd.DataFrame(rows, columns=["category", "rank", "term", "weight", "n_reports"])


def distinctive_matrix(top: pd.DataFrame, weights: pd.DataFrame, *, n: int = 8) -> pd.DataFrame:
    """Terms × categories weights for the `n` top terms of each category (for a heatmap).

    `top` is a `top_terms` table, `weights` a `category_weights` table. Rows are grouped by the
    category whose list the term first appears in, in rank order.
    """
    chosen = top[top["rank"] <= n]
    order = list(dict.fromkeys(chosen.sort_values(["category", "rank"], key=_category_key)["term"]))
    return weights.loc[order]


def _category_key(values: pd.Series) -> pd.Series:
    if values.name != "category":
        return values
    ranks = {c: i for i, c in enumerate(CATEGORIES)}
    return values.map(lambda c: ranks.get(c, len(ranks)))


def _log_odds(y_in: np.ndarray, y_out: np.ndarray, alpha: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Weighted log-odds ratio with an informative Dirichlet prior and its z-score.

    Monroe, Colaresi & Quinn (2008), "Fightin' Words", eq. 16 and 18-20:
    δ = log((y_in+α)/(n_in+α0−y_in−α)) − log((y_out+α)/(n_out+α0−y_out−α)),
    var(δ) ≈ 1/(y_in+α) + 1/(y_out+α), z = δ / sqrt(var(δ)).
    """
    a0, n_in, n_out = alpha.sum(), y_in.sum(), y_out.sum()
    delta = (np.log((y_in + alpha) / (n_in + a0 - y_in - alpha))
             - np.log((y_out + alpha) / (n_out + a0 - y_out - alpha)))
    return delta, delta / np.sqrt(1.0 / (y_in + alpha) + 1.0 / (y_out + alpha))


def _keyness_table(label: str, y_in: np.ndarray, y_out: np.ndarray, terms: pd.Index,
                   used: pd.Series, prior_scale: float) -> pd.DataFrame:
    """One keyness row per term, the prior drawn from y_in + y_out; sorted by z, then term."""
    totals = y_in + y_out
    alpha = prior_scale * totals / totals.sum()
    delta, z = _log_odds(y_in, y_out, alpha)
    out = pd.DataFrame({"category": label, "term": terms, "count_in": y_in.astype(np.int64),
                        "count_out": y_out.astype(np.int64), "prior": alpha, "delta": delta, "z": z})
    out["n_reports"] = out["term"].map(used).fillna(0).astype(np.int64)
    out["single_report"] = out["n_reports"] == 1
    return out.sort_values(["z", "term"], ascending=[False, True], kind="mergesort")


def _check_prior(prior_scale: float) -> None:
    if isinstance(prior_scale, bool) or not isinstance(prior_scale, (int, float)) or not prior_scale > 0:
        raise ValueInvalidError("prior_scale", prior_scale, "a positive number")


def keyness(corpus: object, *, prior_scale: float = 500.0, keep_duplicates: bool = False,
            exclude_places: bool = False) -> pd.DataFrame:
    """Keyness of each category against all other reports by weighted log-odds (Fightin' Words).

    The informative Dirichlet prior is the whole compared corpus: α_w = prior_scale × (share of
    term w in all tokens), so α0 = prior_scale pseudo-tokens (500 by default, our choice; larger
    values shrink rare terms harder). Columns: category, term, count_in (uses in the category),
    count_out (uses in the other reports), prior (α_w), delta (log-odds ratio), z (delta over its
    standard error; |z| > 1.96 is the usual line), n_reports (reports of the category using the
    term), single_report (True when exactly one report of the category uses it: with one border
    report, "border vocabulary" is one author's vocabulary). Terms the category never uses are
    left out; rows are sorted by category, then z from high to low.
    """
    _check_prior(prior_scale)
    counts = report_counts(corpus, keep_duplicates=keep_duplicates, exclude_places=exclude_places)
    matrix = _matrix(counts, "category")
    used = counts.groupby(["category", "term"])["report_id"].nunique()
    total = matrix.sum(axis=1).to_numpy(dtype=float)
    parts = []
    for category in _categories(matrix.columns):
        y_in = matrix[category].to_numpy(dtype=float)
        table = _keyness_table(category, y_in, total - y_in, matrix.index, used[category], prior_scale)
        parts.append(table[table["count_in"] > 0])
    columns = ["category", "term", "count_in", "count_out", "prior", "delta", "z", "n_reports", "single_report"]
    return pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=columns)


def keyness_between(corpus: object, first: str, second: str, *, prior_scale: float = 500.0,
                    keep_duplicates: bool = False, exclude_places: bool = False) -> pd.DataFrame:
    """Keyness of category `first` against category `second` only (same columns as `keyness`).

    count_out counts uses in `second`; the prior is drawn from the two categories together.
    Positive z: typical of `first`; negative z: typical of `second`. Terms used by either are kept
    (so both ends of the scale are in the table); n_reports counts reports of `first`.
    """
    _check_prior(prior_scale)
    counts = report_counts(corpus, keep_duplicates=keep_duplicates, exclude_places=exclude_places)
    present = sorted(set(counts["category"]))
    for name, value in (("first", first), ("second", second)):
        if value not in present or first == second:
            raise ValueInvalidError(name, value, f"one of two different categories in {present}")
    counts = counts[counts["category"].isin([first, second])]
    matrix = _matrix(counts, "category")
    used = counts.groupby(["category", "term"])["report_id"].nunique()
    table = _keyness_table(first, matrix[first].to_numpy(dtype=float), matrix[second].to_numpy(dtype=float),
                           matrix.index, used[first], prior_scale)
    return table.reset_index(drop=True)


def similarity(corpus: object, *, keep_duplicates: bool = False, exclude_places: bool = False) -> pd.DataFrame:
    """Cosine similarity between reports on their TF-IDF vectors (see `tfidf`).

    A square table: index and columns are report_id (in report order), values in [0, 1], 1 on
    the diagonal. A report and its duplicate come out near 1 when ``keep_duplicates=True``.
    Labels for display are in ``corpus.reports.label``.
    """
    table = tfidf(corpus, keep_duplicates=keep_duplicates, exclude_places=exclude_places)
    ids = _reports(corpus, keep_duplicates)["report_id"].tolist()
    vectors = table.pivot_table(index="report_id", columns="term", values="weight", fill_value=0.0)
    vectors = vectors.reindex(index=ids, fill_value=0.0).sort_index(axis=1)
    values = vectors.to_numpy()
    cosine = np.clip(values @ values.T, 0.0, 1.0)
    matrix = pd.DataFrame(cosine, index=pd.Index(ids, name="report_id"), columns=ids)
    return matrix.round(12)


def kwic(corpus: object, keyword: str, *, window: int = 20, keep_duplicates: bool = False,
         category: str | None = None) -> pd.DataFrame:
    """Keyword in context: every occurrence of `keyword` in the paragraphs' text.

    Matching is on the raw text (a plain substring, not whole tokens), so 第一书记 is found
    inside “第一书记” and 三会一课 inside 三会一课制度. Columns: report_id, source, line (1-based
    line of the source file), start (character offset of the keyword in that line), left (up to
    `window` characters before), keyword (as it stands in the text), right (up to `window`
    characters after). Rows follow report and line order. `category` keeps only the reports of
    one category (to check a term where a table says it is distinctive).

    >>> kwic(corpus, "第一书记", window=10)  # doctest: +SKIP
    """
    if not isinstance(keyword, str) or not keyword:
        raise ValueInvalidError("keyword", keyword, "a non-empty str")
    if isinstance(window, bool) or not isinstance(window, int) or window < 0:
        raise ValueInvalidError("window", window, "an int >= 0")
    reports = _reports(corpus, keep_duplicates)
    if category is not None:
        reports = reports[reports["category"] == category]
    paragraphs = _frame(corpus, "paragraphs", ("report_id", "source", "line", "text"))
    paragraphs = paragraphs[paragraphs["report_id"].isin(reports["report_id"])]
    pattern = re.compile(re.escape(keyword))
    rows = []
    for report_id, source, line, text in paragraphs[["report_id", "source", "line", "text"]].itertuples(index=False):
        for match in pattern.finditer(text):
            rows.append((report_id, source, int(line), match.start(),
                         text[max(0, match.start() - window):match.start()],
                         match.group(0), text[match.end():match.end() + window]))
    return pd.DataFrame(rows, columns=["report_id", "source", "line", "start", "left", "keyword", "right"])


def write_tables(corpus: object, outdir: str | Path, *, n: int = 50, keep_duplicates: bool = False,
                 exclude_places: bool = False) -> list[Path]:
    """Write tfidf.csv, keyness.csv and similarity.csv (UTF-8, comma-separated) into `outdir`.

    tfidf.csv: `top_terms` with `n` terms per category (category, rank, term, weight, n_reports).
    keyness.csv: `keyness` (category, term, count_in, count_out, prior, delta, z, n_reports,
    single_report). similarity.csv: report_id, label, then one column per report_id (`similarity`).
    Floats are written with 6 decimals, so the files are byte-identical across runs. Returns the
    paths written, in that order.
    """
    out = Path(outdir)
    out.mkdir(parents=True, exist_ok=True)
    options = {"keep_duplicates": keep_duplicates, "exclude_places": exclude_places}
    sim = similarity(corpus, **options)
    labels = _reports(corpus, keep_duplicates).set_index("report_id")
    sim.insert(0, "label", labels["label"].reindex(sim.index) if "label" in labels else "")
    tables = {"tfidf.csv": top_terms(corpus, n=n, **options).set_index("category"),
              "keyness.csv": keyness(corpus, **options).set_index("category"),
              "similarity.csv": sim}
    paths = []
    for name, table in tables.items():
        path = out / name
        table.to_csv(path, encoding="utf-8", float_format="%.6f", lineterminator="\n")
        paths.append(path)
    return paths
