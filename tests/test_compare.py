"""Tests of reportlib.compare on the seed corpus and on small written corpora."""

from __future__ import annotations

import math
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pandas as pd
import pytest

import reportlib
from reportlib import compare
from reportlib.errors import ValueInvalidError

SEEDS = Path(__file__).parents[1] / "seeds"
SEED_FILE = SEEDS / "000_bd97441f39be4d57.txt"
KEYNESS_COLUMNS = ["category", "term", "count_in", "count_out", "prior", "delta", "z", "n_reports", "single_report",
                   "n_paragraphs", "dispersion", "category_n_reports", "p_value", "q_value", "is_cue", "distinctive"]


@pytest.fixture(autouse=True)
def _cache_in_tmp(tmp_path_factory, monkeypatch):
    monkeypatch.setenv("REPORTLIB_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "cache"))


@pytest.fixture(scope="module")
def corpus():
    return reportlib.load(str(SEEDS))


def small_corpus(texts: dict[str, tuple[str, str]], duplicate_of: dict[str, str] | None = None):
    """A corpus-like object: report_id -> (category, text), one paragraph per report."""
    duplicate_of = duplicate_of or {}
    ids = sorted(texts)
    reports = pd.DataFrame({"report_id": ids, "label": ids, "category": [texts[r][0] for r in ids],
                            "place": "", "duplicate_of": [duplicate_of.get(r, "") for r in ids]})
    paragraphs = pd.DataFrame({"report_id": ids, "source": "x.txt", "line": range(1, len(ids) + 1),
                               "text": [texts[r][1] for r in ids]})
    return SimpleNamespace(reports=reports, paragraphs=paragraphs)


def test_log_odds_matches_hand_computation():
    # A: 党建 ×3, 村 ×1; B: 社区 ×2, 村 ×1; prior_scale 7 makes α equal to the pooled counts.
    co = small_corpus({"R1": ("rural", "党建,党建,党建,村"), "R2": ("urban", "社区,社区,村")})
    table = compare.keyness(co, prior_scale=7)
    row = table[(table["category"] == "rural") & (table["term"] == "党建")].iloc[0]
    # δ = ln(6/5) − ln(3/7); var = 1/6 + 1/3
    assert row["delta"] == pytest.approx(math.log(6 / 5) - math.log(3 / 7))
    assert row["z"] == pytest.approx(1.4561017438602757)
    assert (row["count_in"], row["count_out"], row["prior"]) == (3, 0, pytest.approx(3.0))


def test_two_categories_are_mirror_images():
    co = small_corpus({"R1": ("rural", "村干部 党建 群众 村干部"), "R2": ("urban", "社区 党建 社区 群众")})
    table = compare.keyness(co).set_index(["category", "term"])
    for term in ["党建", "群众"]:
        assert table.loc[("rural", term), "z"] == pytest.approx(-table.loc[("urban", term), "z"])
    assert table.loc[("rural", "村干部"), "z"] > 0 and table.loc[("urban", "社区"), "z"] > 0
    assert ("rural", "社区") not in table.index  # a term the category never uses has no row


def test_keyness_on_seed_names_each_sectors_own_words(corpus):
    table = compare.keyness(corpus, exclude_places=True)
    assert list(table.columns) == KEYNESS_COLUMNS
    top = {c: g.head(15)["term"].tolist() for c, g in table.groupby("category")}
    assert {"企业", "非公有制经济组织", "业主"} <= set(top["enterprise"])
    assert {"社区", "街道", "驻区单位"} <= set(top["urban"])
    assert {"学生党员", "联合党支部"} <= set(top["university"])
    assert "边境地区" in top["border"]
    assert {"村级", "村干部", "村集体经济"} <= set(top["rural"])
    assert "广电" in top["government"]


def test_single_report_flag(corpus):
    table = compare.keyness(corpus)
    one_report = table[table["category"].isin(["border", "enterprise", "university"])]
    assert one_report["single_report"].all()  # these categories have one report each
    rural = table[table["category"] == "rural"].set_index("term")
    assert rural.loc["村级", "n_reports"] == 3 and not rural.loc["村级", "single_report"]
    assert (table["single_report"] == (table["n_reports"] == 1)).all()


def test_counts_add_up(corpus):
    table = compare.keyness(corpus)
    totals = compare.report_counts(corpus).groupby("term")["count"].sum()
    joined = table.assign(total=table["count_in"] + table["count_out"])
    assert (joined["total"].to_numpy() == totals.reindex(joined["term"]).to_numpy()).all()


def test_places_can_be_excluded(corpus):
    with_places = set(compare.keyness(corpus)["term"])
    without = set(compare.keyness(corpus, exclude_places=True)["term"])
    for place in ["上海", "桃源县", "颍上县", "墟沟", "枣阳市", "湖北省"]:
        assert place in with_places and place not in without
    assert {"城市", "社区", "边境地区", "农村", "全市"} <= without  # generic words are not places


def duplicate_pair(corpus) -> tuple[str, str]:
    """(duplicate report_id, the report it repeats): the seed has exactly one such pair."""
    reports = corpus.reports[corpus.reports["duplicate_of"].fillna("") != ""]
    assert len(reports) == 1
    return reports["report_id"].iloc[0], reports["duplicate_of"].iloc[0]


def test_duplicates_out_by_default(corpus):
    duplicate, _ = duplicate_pair(corpus)
    assert duplicate not in set(compare.report_counts(corpus)["report_id"])
    assert duplicate in set(compare.report_counts(corpus, keep_duplicates=True)["report_id"])
    assert compare.similarity(corpus).shape == (11, 11)


def test_similarity_matrix(corpus):
    sim = compare.similarity(corpus, keep_duplicates=True)
    values = sim.to_numpy()
    assert list(sim.index) == list(sim.columns) == corpus.reports["report_id"].tolist()
    assert np.allclose(np.diag(values), 1.0) and np.allclose(values, values.T)
    off = values - np.eye(len(values))
    # the duplicate repeats part of its original: each is the other's nearest report, far above any other pair
    duplicate, original = duplicate_pair(corpus)
    d, o = list(sim.index).index(duplicate), list(sim.index).index(original)
    assert sim.index[off[d].argmax()] == original and sim.index[off[o].argmax()] == duplicate
    assert off[o, d] > 0.5 > np.delete(off, [o, d], axis=0).max()


def test_tfidf_uses_the_corpus_idf(corpus):
    table = compare.tfidf(corpus)
    n = table["report_id"].nunique()
    row = table[table["term"] == "广电"].iloc[0]  # only in R04
    assert row["df"] == 1 and row["idf"] == pytest.approx(math.log((1 + n) / 2) + 1)
    norms = (table["weight"] ** 2).groupby(table["report_id"]).sum()
    assert np.allclose(norms, 1.0)


def test_top_terms_table(corpus):
    top = compare.top_terms(corpus, n=5)
    assert list(top.columns) == ["category", "rank", "term", "weight", "n_reports", "n_paragraphs", "dispersion",
                                 "category_n_reports", "is_cue"]
    assert top.groupby("category")["rank"].apply(list).map(lambda r: r == [1, 2, 3, 4, 5]).all()
    assert top.iloc[0]["category"] == "rural"
    assert (top.groupby("category")["weight"].apply(lambda w: w.is_monotonic_decreasing)).all()
    enterprise = top[top["category"] == "enterprise"]["term"].tolist()
    assert "非公有制经济组织" in enterprise


def test_distinctive_matrix(corpus):
    top = compare.top_terms(corpus, n=10)
    weights = compare.category_weights(corpus)
    matrix = compare.distinctive_matrix(top, weights, n=3)
    assert list(matrix.columns) == ["rural", "urban", "border", "enterprise", "university", "government"]
    assert matrix.index.is_unique and len(matrix) <= 18
    assert matrix.index[0] == top.iloc[0]["term"]


def test_kwic_finds_text_not_tokens(corpus):
    hits = compare.kwic(corpus, "第一书记", window=6)
    lines = SEED_FILE.read_text(encoding="utf-8").splitlines()
    assert len(hits) == sum(line.count("第一书记") for line in lines) == 7
    assert hits["report_id"].nunique() == 1  # one rural report speaks of 第一书记
    for row in hits.itertuples():
        assert len(row.left) <= 6 and len(row.right) <= 6
        assert row.left + row.keyword + row.right in lines[row.line - 1]
        assert lines[row.line - 1][row.start:row.start + len(row.keyword)] == row.keyword
    # a substring inside a longer token is found too
    assert len(compare.kwic(corpus, "书记抓")) >= 1
    assert list(compare.kwic(corpus, "并不存在的词").columns) == ["report_id", "source", "line", "start", "left",
                                                              "keyword", "right", "duplicate"]


def test_kwic_within_one_category(corpus):
    everywhere = compare.kwic(corpus, "村级")
    rural = compare.kwic(corpus, "村级", category="rural")
    categories = corpus.reports.set_index("report_id")["category"]
    assert set(categories[rural["report_id"]]) == {"rural"}
    assert 0 < len(rural) < len(everywhere)


def test_kwic_duplicates(corpus):
    duplicates = set(corpus.reports.loc[corpus.reports["duplicate_of"].fillna("") != "", "report_id"])
    every = compare.kwic(corpus, "三会一课")  # duplicates kept by default, and marked
    assert duplicates & set(every["report_id"])
    assert (every["duplicate"] == every["report_id"].isin(duplicates)).all()
    without = compare.kwic(corpus, "三会一课", keep_duplicates=False)
    assert not duplicates & set(without["report_id"]) and not without["duplicate"].any()
    assert len(without) == (~every["duplicate"]).sum()


def test_write_tables_is_deterministic(corpus, tmp_path):
    first = compare.write_tables(corpus, tmp_path / "a")
    second = compare.write_tables(corpus, tmp_path / "b")
    assert [p.name for p in first] == ["tfidf.csv", "keyness.csv", "similarity.csv"]
    for a, b in zip(first, second):
        assert a.read_bytes() == b.read_bytes()
    header = [p.read_text(encoding="utf-8").splitlines()[0] for p in first]
    assert header[0] == "category,rank,term,weight,n_reports,n_paragraphs,dispersion,category_n_reports,is_cue"
    assert header[1] == ",".join(KEYNESS_COLUMNS)
    assert header[2].startswith("report_id,label," + ",".join(corpus.reports["report_id"].iloc[:2]))
    assert pd.read_csv(first[2]).shape == (11, 13)


@pytest.mark.parametrize("call, match", [
    (lambda co: compare.top_terms(co, n=0), "`n`"),
    (lambda co: compare.keyness(co, prior_scale=-1), "`prior_scale`"),
    (lambda co: compare.kwic(co, ""), "`keyword`"),
    (lambda co: compare.kwic(co, "党", window=-1), "`window`"),
    (lambda co: compare.keyness_between(co, "urban", "urban"), "`first`"),
    (lambda co: compare.keyness_between(co, "rural", "mars"), "`second`"),
    (lambda co: compare.keyness(SimpleNamespace(reports=None)), "corpus.reports"),
    (lambda co: compare.keyness("seeds/"), "`corpus`"),
    (lambda co: compare.kwic(42, "党"), "`corpus`"),
    (lambda co: compare.keyness(co, level="paragraph"), "`level`"),
    (lambda co: compare.kwic(co, "党", category="mars"), "rural"),  # names the valid categories
    (lambda co: compare.keyness_between(co, "Urban", "rural"), "urban"),
])
def test_invalid_arguments(corpus, call, match):
    with pytest.raises(ValueInvalidError, match=match):
        call(corpus)


def test_keyness_between_has_both_ends(corpus):
    table = compare.keyness_between(corpus, "urban", "rural")
    assert list(table.columns) == KEYNESS_COLUMNS
    assert table.iloc[0]["term"] == "社区" and table.iloc[-1]["term"] == "村级"
    assert table["z"].is_monotonic_decreasing


def test_vocabulary_figures(corpus):
    from reportlib.figures import vocabulary

    top = compare.top_terms(corpus, n=6)
    weights = compare.category_weights(corpus)
    heat = vocabulary.distinctive_terms_heatmap(compare.distinctive_matrix(top, weights, n=3), lang="en")
    ax = heat.axes[0]
    assert [t.get_text() for t in ax.get_xticklabels()][0] == "rural"
    assert any("(" in t.get_text() for t in ax.get_yticklabels())  # "english (中文)" labels
    sim = vocabulary.similarity_heatmap(compare.similarity(corpus, keep_duplicates=True), corpus.reports)
    labels = [t.get_text() for t in sim.axes[1].get_yticklabels()]
    ids = [label.split(" ")[0] for label in labels]
    assert len(labels) == 12 and set(ids) == set(corpus.reports["short_id"])
    duplicate, original = duplicate_pair(corpus)
    short = dict(zip(corpus.reports["report_id"], corpus.reports["short_id"]))
    assert abs(ids.index(short[duplicate]) - ids.index(short[original])) == 1  # the duplicate pair sits together
    clouds = vocabulary.wordcloud_grid(weights[["rural", "urban"]], n=5, ncols=2)
    assert [a.get_title() for a in clouds.axes] == ["农村", "城市/街道社区"]
    assert all(a.images and a.images[0].get_array().std() > 0 for a in clouds.axes)  # not blank
    with pytest.raises(ValueInvalidError, match="`lang`"):
        vocabulary.wordcloud_grid(weights, lang="fr")


# --- terms that survive a reviewer -------------------------------------------------------------

def small_paragraphs(rows: list[tuple[str, str, str]]):
    """A corpus-like object from (report_id, category, paragraph text) rows; tokens split on spaces."""
    ids = sorted({r for r, _, _ in rows})
    category = {r: c for r, c, _ in rows}
    reports = pd.DataFrame({"report_id": ids, "label": ids, "category": [category[r] for r in ids],
                            "place": "", "duplicate_of": ""})
    paragraphs = pd.DataFrame({"report_id": [r for r, _, _ in rows], "source": "x.txt",
                               "line": range(1, len(rows) + 1), "text": [t for _, _, t in rows]})
    return SimpleNamespace(reports=reports, paragraphs=paragraphs)


def test_gries_dp_hand_computed():
    # Two rural reports of 4 and 2 tokens (s = 2/3, 1/3); 协商 is used twice in A, once in B: DP = 0
    # (spread as the sizes are); 议事 once in A only: DP = ½ (|1 − 2/3| + |0 − 1/3|) = 1/3.
    co = small_paragraphs([("A", "rural", "协商,协商,议事,党员"), ("B", "rural", "协商,党员"),
                           ("C", "urban", "社区,党员")])
    spread = compare.term_spread(compare.paragraph_tokens(co), by="category").set_index(["category", "term"])
    assert spread.loc[("rural", "协商"), "dispersion"] == pytest.approx(0.0)
    assert spread.loc[("rural", "议事"), "dispersion"] == pytest.approx(1 / 3)
    assert spread.loc[("rural", "协商"), ["n_reports", "n_paragraphs", "group_n_reports"]].tolist() == [2, 2, 2]
    assert math.isnan(spread.loc[("urban", "社区"), "dispersion"])  # one report: undefined


def test_dp_over_paragraphs_at_report_level():
    # level="report": the parts are the report's paragraphs; a term on one line of four is concentrated
    co = small_paragraphs([("A", "rural", "名单,名单,名单,党员"), ("A", "rural", "党员,群众,干部,制度"),
                           ("A", "rural", "党员,群众,干部,制度"), ("A", "rural", "党员,群众,干部,制度"),
                           ("B", "urban", "党员,社区")])
    table = compare.keyness(co, level="report", prior_scale=10)
    assert list(table.columns) == KEYNESS_COLUMNS[:1] + ["report_id"] + KEYNESS_COLUMNS[1:]
    row = table[(table["report_id"] == "A") & (table["term"] == "名单")].iloc[0]
    assert row["n_paragraphs"] == 1 and row["dispersion"] == pytest.approx(0.75)
    assert not row["distinctive"]  # one paragraph is not enough
    assert row["category"] == "rural" and row["category_n_reports"] == 1


def test_benjamini_hochberg_matches_definition():
    p = np.array([0.001, 0.2, 0.012, 0.04, 0.03])
    q = compare.benjamini_hochberg(p)
    # sorted p: .001 .012 .03 .04 .2 -> p·m/rank: .005 .03 .05 .05 .2, then running minimum from the top
    assert q.tolist() == pytest.approx([0.005, 0.2, 0.03, 0.05, 0.05])
    assert compare.benjamini_hochberg([]).size == 0


@pytest.mark.parametrize("term, expected", [("村级", True), ("村级组织", True), ("边境地区", True),
                                            ("学生", True), ("协商", False), ("班子", False)])
def test_is_cue(term, expected):
    assert compare.is_cue(term) is expected


def test_keyness_columns_on_seed(corpus):
    table = compare.keyness(corpus, exclude_places=True)
    assert list(table.columns) == KEYNESS_COLUMNS
    assert np.allclose(table["p_value"], 2 * (1 - __import__("scipy").stats.norm.cdf(table["z"].abs())))
    assert (table["q_value"] >= table["p_value"] - 1e-12).all()
    expected = ((table["n_paragraphs"] >= 2) & ~table["is_cue"] & (table["q_value"] < compare.FDR_LEVEL)
                & (table["z"] > 0))
    assert (table["distinctive"] == expected).all()
    assert not table.loc[table["distinctive"], "term"].map(compare.is_cue).any()
    sizes = corpus.drop_duplicates().reports.groupby("category").size()
    assert (table["category_n_reports"] == table["category"].map(sizes)).all()
    one = table["category_n_reports"] == 1
    assert table.loc[one, "dispersion"].isna().all() and table.loc[~one, "dispersion"].between(0, 1).all()
    # the cues the reviewer found handed back are flagged, and none is distinctive
    flagged = table[table["term"].isin(["村级", "社区", "街道", "非公", "学生党员", "广电"])]
    assert flagged["is_cue"].all() and not flagged["distinctive"].any()


def test_tfidf_carries_spread(corpus):
    table = compare.tfidf(corpus)
    assert list(table.columns)[:7] == ["report_id", "category", "term", "count", "df", "idf", "weight"]
    assert {"n_reports", "n_paragraphs", "dispersion", "category_n_reports"} <= set(table.columns)
    assert (table["n_paragraphs"] >= 1).all() and (table["n_reports"] <= table["category_n_reports"]).all()
