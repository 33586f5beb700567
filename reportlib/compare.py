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
stems, administrative names such as 湖北省 or 上海市委 with their stems, cities named without
their suffix, and the communities, villages, firms and quoted leaders each report names: see
`reportlib.places`), so that categories do not separate on 地名; the categories themselves
still come from the reports' own evidence.

A term is only worth reporting when it survives a reviewer: every term table carries how many
reports and paragraphs use it and how evenly (`dispersion`, Gries' DP), keyness tables add a
p-value and a Benjamini-Hochberg q-value, whether the term is a category cue (`is_cue`: then it
is in the table because it decided the category, which is circular), and ``distinctive``, the
conjunction of those checks.
"""

from __future__ import annotations

import re
from collections import Counter
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd
from scipy.stats import norm

from . import places as places_mod
from .conventions import CATEGORIES
from .errors import ValueInvalidError, require_frame
from .tokenize import tokenize_paragraphs

#: Administrative place names: 湖北省, 枣阳市, 颍上县, 上海市委 (three or more characters, so that
#: generic words such as 全市, 我县 or 城市 are not caught; their first character rules them out).
_ADMIN_PLACE = re.compile(r"^(?![全我本各该此县市省])[\u4e00-\u9fff]{2,}?(?:自治区|省|市|县|州|旗)(?:委|政府)?$")
_PLACE_SUFFIX = re.compile(r"(?:自治区|省|市|县|州|旗|区|镇|乡|村|街道|社区)(?:委|政府)?$")
#: False discovery rate at which a keyness term counts as distinctive (Benjamini & Hochberg 1995,
#: "Controlling the false discovery rate", JRSS B 57(1)): about 2,000 terms are tested per
#: category, so |z| > 1.96 alone would let about 100 through by chance.
FDR_LEVEL = 0.05
#: Columns that every keyness table has, in order (level="report" inserts report_id second).
KEYNESS_COLUMNS = ["category", "term", "count_in", "count_out", "prior", "delta", "z", "n_reports",
                   "single_report", "n_paragraphs", "dispersion", "category_n_reports", "p_value",
                   "q_value", "is_cue", "distinctive"]


def _frame(corpus: object, name: str, columns: tuple[str, ...]) -> pd.DataFrame:
    if not hasattr(corpus, "reports") and not hasattr(corpus, "paragraphs"):
        raise ValueInvalidError("corpus", type(corpus).__name__,
                                "a Corpus (reportlib.load) with reports and paragraphs tables")
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


def _place_terms(paragraphs: pd.DataFrame, places: list[str]) -> dict[str, set[str]]:
    """For each report, the place and person stems to leave out (see `reportlib.places`)."""
    found = {t for tokens in paragraphs["tokens"] for t in tokens if _ADMIN_PLACE.match(t)}
    shared = place_stems(list(places) + sorted(found)) | places_mod.city_stems()
    texts = paragraphs.groupby("report_id", sort=True)["text"].agg(lambda col: "\n".join(map(str, col)))
    return {r: shared | _report_places(text) for r, text in texts.items()}


@lru_cache(maxsize=8192)  # one entry per report: a corpus of thousands is tagged once per process
def _report_places(text: str) -> frozenset[str]:
    return frozenset(places_mod.report_place_terms(text))


def paragraph_tokens(corpus: object, *, keep_duplicates: bool = False,
                     exclude_places: bool = False) -> pd.DataFrame:
    """The compared paragraphs with their tokens: columns report_id, category, text, tokens.

    The same tokens every table of this module counts (places left out when `exclude_places`);
    `reportlib.topics.paragraph_table` uses it too, so notebooks share one definition.
    """
    reports = _reports(corpus, keep_duplicates)
    paragraphs = _frame(corpus, "paragraphs", ("report_id", "text"))
    paragraphs = tokenize_paragraphs(paragraphs[paragraphs["report_id"].isin(reports["report_id"])])
    paragraphs["category"] = paragraphs["report_id"].map(dict(zip(reports["report_id"], reports["category"])))
    if exclude_places and not paragraphs.empty:
        places = reports["place"].fillna("").tolist() if "place" in reports else []
        drop = _place_terms(paragraphs, places)
        paragraphs["tokens"] = [[t for t in tokens if not places_mod.is_place_term(t, drop[r])]
                                for r, tokens in zip(paragraphs["report_id"], paragraphs["tokens"])]
    return paragraphs.reset_index(drop=True)


def report_counts(corpus: object, *, keep_duplicates: bool = False,
                  exclude_places: bool = False) -> pd.DataFrame:
    """Term counts per report: columns report_id, category, term, count (count ≥ 1).

    Rows are sorted by report_id, then term, so the table is the same on every run.
    """
    reports = _reports(corpus, keep_duplicates)
    paragraphs = paragraph_tokens(corpus, keep_duplicates=keep_duplicates, exclude_places=exclude_places)
    return _count_table(paragraphs, reports)


def _count_table(paragraphs: pd.DataFrame, reports: pd.DataFrame) -> pd.DataFrame:
    counts = {r: Counter() for r in reports["report_id"]}
    for report_id, tokens in zip(paragraphs["report_id"], paragraphs["tokens"]):
        counts[report_id].update(tokens)
    category = dict(zip(reports["report_id"], reports["category"]))
    rows = [(r, category[r], t, n) for r in sorted(counts) for t, n in sorted(counts[r].items())]
    return pd.DataFrame(rows, columns=["report_id", "category", "term", "count"])


def _occurrences(paragraphs: pd.DataFrame) -> pd.DataFrame:
    """One row per (paragraph, term): columns paragraph (row number), report_id, category, term, count."""
    rows = [(i, r, c, t, n) for i, (r, c, tokens) in
            enumerate(zip(paragraphs["report_id"], paragraphs["category"], paragraphs["tokens"]))
            for t, n in Counter(tokens).items()]
    return pd.DataFrame(rows, columns=["paragraph", "report_id", "category", "term", "count"])


def _gries_dp(occ: pd.DataFrame, part: str, sizes: pd.Series) -> pd.Series:
    """Gries' DP of each term over the parts `part` of `occ`, parts weighted by `sizes` (tokens).

    DP = ½ Σ_i |v_i − s_i| with v_i the share of the term's uses in part i and s_i the share of
    all tokens in part i (Gries 2008, IJCL 13(4), p. 415); NaN when there is a single part.
    """
    share = sizes / sizes.sum()
    per_part = occ.groupby(["term", part])["count"].sum()
    v = per_part / per_part.groupby(level="term").transform("sum")
    s = share.reindex(per_part.index.get_level_values(part)).to_numpy()
    used = pd.DataFrame({"gap": (v - s).abs().to_numpy(), "s": s}, index=per_part.index)
    sums = used.groupby(level="term").sum()
    dp = 0.5 * (sums["gap"] + 1.0 - sums["s"])
    return dp.clip(lower=0.0) if len(sizes) > 1 else dp * np.nan


def term_spread(paragraphs: pd.DataFrame, *, by: str = "category") -> pd.DataFrame:
    """How widely each term is used within each group of `by` (category or report_id).

    `paragraphs` is a `paragraph_tokens` table. Columns: `by`, term, n_reports (reports of the
    group using the term), n_paragraphs (paragraphs of the group using it), dispersion, and
    group_n_reports (reports in the group). ``dispersion`` is Gries' DP (Gries 2008,
    "Dispersions and adjusted frequencies in corpora", IJCL 13(4)): 0 when the term is spread
    over the group's parts exactly as their sizes are, near 1 when it sits in one small part.
    For a category the parts are its reports (sized by their token counts), so with one report
    DP is undefined (NaN); for a report (``by="report_id"``) the parts are its paragraphs.
    """
    occ = _occurrences(paragraphs)
    part = "report_id" if by == "category" else "paragraph"
    sizes = pd.Series([len(t) for t in paragraphs["tokens"]], index=range(len(paragraphs)))
    frames = []
    for group, rows in occ.groupby(by, sort=True):
        if part == "report_id":
            mine = paragraphs[by] == group
            part_sizes = sizes[mine.to_numpy()].groupby(paragraphs.loc[mine, "report_id"].to_numpy()).sum()
        else:
            part_sizes = sizes[(paragraphs[by] == group).to_numpy()]
        spread = rows.groupby("term").agg(n_reports=("report_id", "nunique"), n_paragraphs=("paragraph", "nunique"))
        spread["dispersion"] = _gries_dp(rows, part, part_sizes[part_sizes > 0])
        spread["group_n_reports"] = paragraphs.loc[paragraphs[by] == group, "report_id"].nunique()
        frames.append(spread.reset_index().assign(**{by: group}))
    columns = [by, "term", "n_reports", "n_paragraphs", "dispersion", "group_n_reports"]
    return pd.concat(frames, ignore_index=True)[columns] if frames else pd.DataFrame(columns=columns)


@lru_cache(maxsize=1)
def _cues() -> tuple[str, ...]:
    """The cues that decide a category (not the rows that measure Party-building vocabulary)."""
    from .annotate import PARTY_CUES, category_cues

    cues = category_cues()
    return tuple(sorted(set(cues.loc[cues["category"] != PARTY_CUES, "cue"])))


#: A term inside a longer cue counts as that cue when it makes up at least this share of it
#: (两委 in 村两委), not when it is a generic part of it (工作 in 业务工作, 党组织 in 企业党组织).
CUE_PART_SHARE = 2 / 3


def is_cue(term: str) -> bool:
    """Whether `term` is a category cue of any category, contains one, or makes up most of one
    (`CUE_PART_SHARE`).

    The cues (``reportlib/data/category_cues.csv``) decided the categories, so a cue that comes
    out as "typical" of its category says nothing new.

    >>> is_cue("村级"), is_cue("村级组织"), is_cue("基层"), is_cue("工作")
    (True, True, False, False)
    """
    return any(cue in term or (term in cue and len(term) >= CUE_PART_SHARE * len(cue)) for cue in _cues())


def benjamini_hochberg(p_values) -> np.ndarray:
    """Benjamini-Hochberg adjusted p-values (q-values), in the order given.

    >>> benjamini_hochberg([0.01, 0.04, 0.03]).round(3).tolist()
    [0.03, 0.04, 0.04]
    """
    p = np.asarray(p_values, dtype=float)
    if p.size == 0:
        return p
    order = np.argsort(p, kind="mergesort")
    ranked = p[order] * p.size / np.arange(1, p.size + 1)
    adjusted = np.minimum.accumulate(ranked[::-1])[::-1].clip(max=1.0)
    out = np.empty_like(adjusted)
    out[order] = adjusted
    return out


def _matrix(counts: pd.DataFrame, index: str) -> pd.DataFrame:
    """Terms × `index` values count matrix (terms sorted), zeros where absent."""
    matrix = counts.pivot_table(index="term", columns=index, values="count", aggfunc="sum", fill_value=0)
    return matrix.sort_index().sort_index(axis=1).astype(np.int64)


def _categories(present) -> list[str]:
    known = [c for c in CATEGORIES if c in set(present)]
    return known + sorted(set(present) - set(known))


def tfidf_from_counts(counts: pd.DataFrame, *, by: str = "report_id", min_df: int = 1) -> pd.DataFrame:
    """The one TF-IDF definition of reportlib, on a tidy count table (columns `by`, term, count).

    Terms used by fewer than `min_df` groups are dropped first. Adds df (groups using the term),
    idf = ln((1 + N) / (1 + df)) + 1 over the N groups (smoothed, as scikit-learn does), and
    weight = (1 + ln count) × idf scaled to unit length within each group.
    """
    n_groups = counts[by].nunique()
    df = counts.groupby("term")[by].nunique()
    out = counts.assign(df=counts["term"].map(df).astype(np.int64))
    out = out[out["df"] >= min_df].copy()
    out["idf"] = np.log((1 + n_groups) / (1 + out["df"])) + 1.0
    raw = (1.0 + np.log(out["count"])) * out["idf"]
    norm = np.sqrt((raw**2).groupby(out[by]).transform("sum"))
    out["weight"] = raw / norm
    return out


def _with_spread(table: pd.DataFrame, paragraphs: pd.DataFrame) -> pd.DataFrame:
    spread = term_spread(paragraphs, by="category").rename(columns={"group_n_reports": "category_n_reports"})
    return table.merge(spread, on=["category", "term"], how="left", suffixes=("", "_spread"))


def tfidf(corpus: object, *, keep_duplicates: bool = False, exclude_places: bool = False) -> pd.DataFrame:
    """TF-IDF of every term in every report, with this corpus's own IDF.

    Columns: report_id, category, term, count, df (reports using the term), idf, weight, then
    n_reports, n_paragraphs, dispersion and category_n_reports of the term in the report's
    category (see `term_spread`). ``idf = ln((1 + N) / (1 + df)) + 1`` over the N reports compared
    (smoothed, as scikit-learn does); ``weight = (1 + ln count) × idf`` (sublinear term frequency,
    so 工作 used 70 times does not drown a term used 5 times), scaled so each report's weights
    have unit length (a long report does not outweigh a short one); see `tfidf_from_counts`.
    """
    reports = _reports(corpus, keep_duplicates)
    paragraphs = paragraph_tokens(corpus, keep_duplicates=keep_duplicates, exclude_places=exclude_places)
    out = tfidf_from_counts(_count_table(paragraphs, reports))
    return _with_spread(out, paragraphs)


def category_weights(corpus: object, *, keep_duplicates: bool = False,
                     exclude_places: bool = False) -> pd.DataFrame:
    """Mean TF-IDF weight of each term in each category's reports (terms × categories).

    A category's weight vector is the centroid of its reports' unit-length TF-IDF vectors, so a
    category with many reports is not favoured. Index: term (sorted); columns: categories.
    """
    table = tfidf(corpus, keep_duplicates=keep_duplicates, exclude_places=exclude_places)
    return _centroids(table)


def _centroids(table: pd.DataFrame) -> pd.DataFrame:
    sizes = table.groupby("category")["report_id"].nunique()
    sums = table.pivot_table(index="term", columns="category", values="weight", aggfunc="sum", fill_value=0.0)
    weights = sums / sizes.reindex(sums.columns).to_numpy()
    return weights.sort_index()[_categories(weights.columns)]


def top_terms(corpus: object, *, n: int = 15, keep_duplicates: bool = False,
              exclude_places: bool = False) -> pd.DataFrame:
    """The `n` highest-weighted terms of each category in one tidy table.

    Columns: category, rank (1 = highest), term, weight (see `category_weights`), n_reports
    (reports of that category using the term), n_paragraphs, dispersion, category_n_reports
    (see `term_spread`) and is_cue (see `is_cue`). Ties are broken by term, so ranks are stable.
    """
    if isinstance(n, bool) or not isinstance(n, int) or n < 1:
        raise ValueInvalidError("n", n, "a positive int")
    table = tfidf(corpus, keep_duplicates=keep_duplicates, exclude_places=exclude_places)
    weights = _centroids(table)
    spread = table.drop_duplicates(["category", "term"]).set_index(["category", "term"])
    rows = []
    for category in weights.columns:
        column = weights[category][weights[category] > 0]
        ranked = sorted(column.items(), key=lambda item: (-item[1], item[0]))[:n]
        rows += [(category, rank, term, weight) for rank, (term, weight) in enumerate(ranked, start=1)]
    out = pd.DataFrame(rows, columns=["category", "rank", "term", "weight"])
    extra = spread.loc[list(zip(out["category"], out["term"])),
                       ["n_reports", "n_paragraphs", "dispersion", "category_n_reports"]]
    out = pd.concat([out, extra.reset_index(drop=True)], axis=1)
    out["is_cue"] = out["term"].map(is_cue).astype(bool)
    return out


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
                   prior_scale: float) -> pd.DataFrame:
    """One keyness row per term, the prior drawn from y_in + y_out, with p and q over all terms."""
    totals = y_in + y_out
    alpha = prior_scale * totals / totals.sum()
    delta, z = _log_odds(y_in, y_out, alpha)
    out = pd.DataFrame({"category": label, "term": terms, "count_in": y_in.astype(np.int64),
                        "count_out": y_out.astype(np.int64), "prior": alpha, "delta": delta, "z": z})
    out["p_value"] = 2.0 * norm.sf(np.abs(z))
    out["q_value"] = benjamini_hochberg(out["p_value"])
    return out


def _finish_keyness(table: pd.DataFrame, spread: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    """Join the spread columns on `keys`, add is_cue and distinctive, order rows and columns."""
    out = table.merge(spread, on=[k for k in keys if k in spread.columns], how="left")
    out["n_reports"] = out["n_reports"].fillna(0).astype(np.int64)
    out["n_paragraphs"] = out["n_paragraphs"].fillna(0).astype(np.int64)
    out["single_report"] = out["n_reports"] == 1
    out["is_cue"] = out["term"].map(is_cue).astype(bool)
    out["distinctive"] = ((out["n_paragraphs"] >= 2) & ~out["is_cue"] & (out["q_value"] < FDR_LEVEL)
                          & (out["z"] > 0))
    columns = KEYNESS_COLUMNS[:1] + [k for k in keys if k not in ("category", "term")] + KEYNESS_COLUMNS[1:]
    out = out.sort_values(["z", "term"], ascending=[False, True], kind="mergesort")
    return out[columns]


def _check_prior(prior_scale: float) -> None:
    if isinstance(prior_scale, bool) or not isinstance(prior_scale, (int, float)) or not prior_scale > 0:
        raise ValueInvalidError("prior_scale", prior_scale, "a positive number")


def keyness(corpus: object, *, prior_scale: float = 500.0, keep_duplicates: bool = False,
            exclude_places: bool = False, level: str = "pooled") -> pd.DataFrame:
    """Keyness of each category (or report) against all other reports by weighted log-odds.

    Fightin' Words (Monroe, Colaresi & Quinn 2008). The informative Dirichlet prior is the whole
    compared corpus: α_w = prior_scale × (share of term w in all tokens), so α0 = prior_scale
    pseudo-tokens (500 by default, our choice; larger values shrink rare terms harder).

    ``level="pooled"``: each category's pooled tokens against all other reports'.
    ``level="report"``: each report against all other reports; a column report_id follows
    category (the report's category), n_reports is 1, and n_paragraphs and dispersion are taken
    over the report's paragraphs (DP with paragraphs as parts).

    Columns: category, term, count_in (uses in the category), count_out (uses in the other
    reports), prior (α_w), delta (log-odds ratio), z (delta over its standard error), n_reports
    (reports of the category using the term), single_report (n_reports == 1: with one border
    report, "border vocabulary" is one author's vocabulary), n_paragraphs (paragraphs of the
    category using it), dispersion (Gries' DP over the category's reports: 0 = spread evenly,
    near 1 = concentrated; NaN with one report; see `term_spread`), category_n_reports (reports
    in the category, to mark "n = 1 report"), p_value (two-sided, normal approximation of z),
    q_value (Benjamini-Hochberg over every term of the corpus tested for that category), is_cue
    (see `is_cue`), distinctive (n_paragraphs ≥ 2, not a cue, q_value < `FDR_LEVEL`, z > 0).
    Tokens within a report are not independent, so p and q are optimistic: read them as a
    ranking with a guard, not as exact error rates. Terms the category never uses are left out;
    rows are sorted by category, then z from high to low.
    """
    _check_prior(prior_scale)
    if level not in ("pooled", "report"):
        raise ValueInvalidError("level", level, "'pooled' or 'report'")
    reports = _reports(corpus, keep_duplicates)
    paragraphs = paragraph_tokens(corpus, keep_duplicates=keep_duplicates, exclude_places=exclude_places)
    counts = _count_table(paragraphs, reports)
    if level == "report":
        return _report_keyness(counts, paragraphs, reports, prior_scale)
    matrix = _matrix(counts, "category")
    total = matrix.sum(axis=1).to_numpy(dtype=float)
    spread = term_spread(paragraphs, by="category").rename(columns={"group_n_reports": "category_n_reports"})
    parts = []
    for category in _categories(matrix.columns):
        y_in = matrix[category].to_numpy(dtype=float)
        table = _keyness_table(category, y_in, total - y_in, matrix.index, prior_scale)
        parts.append(_finish_keyness(table[table["count_in"] > 0], spread, ["category", "term"]))
    return pd.concat(parts, ignore_index=True) if parts else pd.DataFrame(columns=KEYNESS_COLUMNS)


def _report_keyness(counts: pd.DataFrame, paragraphs: pd.DataFrame, reports: pd.DataFrame,
                    prior_scale: float) -> pd.DataFrame:
    matrix = _matrix(counts, "report_id")
    total = matrix.sum(axis=1).to_numpy(dtype=float)
    category = dict(zip(reports["report_id"], reports["category"]))
    sizes = reports.groupby("category")["report_id"].nunique()
    spread = term_spread(paragraphs, by="report_id").drop(columns="group_n_reports")
    parts = []
    for report_id in matrix.columns:
        y_in = matrix[report_id].to_numpy(dtype=float)
        table = _keyness_table(category[report_id], y_in, total - y_in, matrix.index, prior_scale)
        table = table[table["count_in"] > 0].assign(report_id=report_id)
        table["category_n_reports"] = int(sizes[category[report_id]])
        parts.append(_finish_keyness(table, spread, ["category", "report_id", "term"]))
    ordered = sorted(parts, key=lambda t: (_category_rank(t["category"].iloc[0]), t["report_id"].iloc[0]))
    columns = KEYNESS_COLUMNS[:1] + ["report_id"] + KEYNESS_COLUMNS[1:]
    return pd.concat(ordered, ignore_index=True) if parts else pd.DataFrame(columns=columns)


def _category_rank(category: str) -> int:
    return CATEGORIES.index(category) if category in CATEGORIES else len(CATEGORIES)


def check_category(corpus: object, name: str, value: object, *, keep_duplicates: bool = True) -> None:
    """Raise `ValueInvalidError` naming the valid categories unless `value` is one of the corpus's."""
    present = _categories(_reports(corpus, keep_duplicates)["category"].dropna().astype(str))
    if value not in present:
        raise ValueInvalidError(name, value, f"one of the corpus's categories {present}")


def keyness_between(corpus: object, first: str, second: str, *, prior_scale: float = 500.0,
                    keep_duplicates: bool = False, exclude_places: bool = False) -> pd.DataFrame:
    """Keyness of category `first` against category `second` only (same columns as `keyness`).

    count_out counts uses in `second`; the prior is drawn from the two categories together.
    Positive z: typical of `first`; negative z: typical of `second`. Terms used by either are kept
    (so both ends of the scale are in the table); n_reports, n_paragraphs and dispersion describe
    `first`; q_value is taken over every term of the table.
    """
    _check_prior(prior_scale)
    check_category(corpus, "first", first, keep_duplicates=keep_duplicates)
    check_category(corpus, "second", second, keep_duplicates=keep_duplicates)
    if first == second:
        raise ValueInvalidError("first", first, f"a category other than `second` ({second!r})")
    reports = _reports(corpus, keep_duplicates)
    paragraphs = paragraph_tokens(corpus, keep_duplicates=keep_duplicates, exclude_places=exclude_places)
    paragraphs = paragraphs[paragraphs["category"].isin([first, second])].reset_index(drop=True)
    matrix = _matrix(_count_table(paragraphs, reports[reports["category"].isin([first, second])]), "category")
    table = _keyness_table(first, matrix[first].to_numpy(dtype=float), matrix[second].to_numpy(dtype=float),
                           matrix.index, prior_scale)
    spread = term_spread(paragraphs[paragraphs["category"] == first].reset_index(drop=True), by="category")
    spread = spread.rename(columns={"group_n_reports": "category_n_reports"})
    out = _finish_keyness(table, spread, ["category", "term"])
    out["category_n_reports"] = int((reports["category"] == first).sum())
    return out.reset_index(drop=True)


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


def kwic(corpus: object, keyword: str, *, window: int = 20, keep_duplicates: bool = True,
         category: str | None = None) -> pd.DataFrame:
    """Keyword in context: every occurrence of `keyword` in the paragraphs' text.

    Matching is on the raw text (a plain substring, not whole tokens), so 第一书记 is found
    inside “第一书记” and 三会一课 inside 三会一课制度. Columns: report_id, source, line (1-based
    line of the source file), start (character offset of the keyword in that line), left (up to
    `window` characters before), keyword (as it stands in the text), right (up to `window`
    characters after), duplicate (True for rows from a report that repeats an earlier one,
    ``duplicate_of`` set: they are kept by default so every line of the scrape can be checked;
    ``keep_duplicates=False`` leaves them out). Rows follow report and line order. `category`
    keeps only the reports of one category (to check a term where a table says it is
    distinctive); an unknown category raises `ValueInvalidError` listing the valid ones.

    >>> kwic(corpus, "第一书记", window=10)  # doctest: +SKIP
    """
    if not isinstance(keyword, str) or not keyword:
        raise ValueInvalidError("keyword", keyword, "a non-empty str")
    if isinstance(window, bool) or not isinstance(window, int) or window < 0:
        raise ValueInvalidError("window", window, "an int >= 0")
    reports = _reports(corpus, keep_duplicates)
    if category is not None:
        check_category(corpus, "category", category)
        reports = reports[reports["category"] == category]
    duplicate = dict(zip(reports["report_id"], reports["duplicate_of"].fillna("").astype(str) != ""))
    paragraphs = _frame(corpus, "paragraphs", ("report_id", "source", "line", "text"))
    paragraphs = paragraphs[paragraphs["report_id"].isin(reports["report_id"])]
    pattern = re.compile(re.escape(keyword))
    rows = []
    for report_id, source, line, text in paragraphs[["report_id", "source", "line", "text"]].itertuples(index=False):
        for match in pattern.finditer(text):
            rows.append((report_id, source, int(line), match.start(),
                         text[max(0, match.start() - window):match.start()],
                         match.group(0), text[match.end():match.end() + window], bool(duplicate[report_id])))
    columns = ["report_id", "source", "line", "start", "left", "keyword", "right", "duplicate"]
    return pd.DataFrame(rows, columns=columns).astype({"duplicate": bool})


def write_tables(corpus: object, outdir: str | Path, *, n: int = 50, keep_duplicates: bool = False,
                 exclude_places: bool = False) -> list[Path]:
    """Write tfidf.csv, keyness.csv and similarity.csv (UTF-8, comma-separated) into `outdir`.

    tfidf.csv: `top_terms` with `n` terms per category (its columns). keyness.csv: `keyness`
    (`KEYNESS_COLUMNS`). similarity.csv: report_id, label, then one column per report_id (`similarity`).
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
