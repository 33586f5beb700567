"""Topics and clusters on synthetic paragraphs with a known structure, and hand-computed scores."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest
from sklearn.metrics import adjusted_rand_score

from reportlib import topics
from reportlib.errors import InputError, ValueInvalidError

RURAL = ["村干部", "报酬", "集体经济", "村级", "农村", "土地", "村委会", "脱贫"]
FIRMS = ["企业", "非公", "流动", "员工", "老板", "出资人", "车间", "利润"]
SHARED = ["党员", "教育", "学习", "培训", "制度", "会议", "组织生活", "考核"]


def _synthetic(vocabularies, *, per_report=10, seed=7):
    """Paragraphs drawn from the given vocabularies: {report_id: (category, [vocabulary, ...])}.

    Each paragraph of a report takes 12 tokens from one of the report's vocabularies, in turn.
    """
    rng = np.random.default_rng(seed)
    rows = []
    for report_id, (category, vocabs) in vocabularies.items():
        for i in range(per_report):
            vocab = vocabs[i % len(vocabs)]
            tokens = list(rng.choice(vocab, size=12))
            rows.append({"paragraph_id": f"{report_id}-P{i + 1:03d}", "report_id": report_id,
                         "source": "synthetic.txt", "line": i + 1, "category": category,
                         "text": "".join(tokens), "tokens": tokens, "truth": vocab[0]})
    return pd.DataFrame(rows)


@pytest.fixture(scope="module")
def two_vocab():
    return _synthetic({"R01": ("rural", [RURAL]), "R02": ("rural", [RURAL]),
                       "R03": ("enterprise", [FIRMS]), "R04": ("enterprise", [FIRMS])})


@pytest.fixture(scope="module")
def three_vocab():
    return _synthetic({"R01": ("rural", [RURAL, SHARED]), "R02": ("rural", [RURAL, SHARED]),
                       "R03": ("enterprise", [FIRMS, SHARED]), "R04": ("enterprise", [FIRMS, SHARED])})


@pytest.mark.parametrize("method", topics.METHODS)
def test_two_vocabularies_give_two_topics(two_vocab, method):
    model = topics.fit_topics(two_vocab, k=2, method=method, min_df=1, max_df=1.0)
    found = model.weights.idxmax(axis=1)
    assert adjusted_rand_score(two_vocab["truth"], found) == 1.0
    terms = topics.top_terms(model, n=8)
    for _, part in terms.groupby("topic"):
        assert set(part["term"]) in (set(RURAL), set(FIRMS))
    assert np.allclose(model.weights.sum(axis=1), 1.0)


def test_two_vocabularies_give_two_paragraph_clusters(two_vocab):
    matrix, _ = topics.term_matrix(two_vocab, min_df=1, max_df=1.0)
    labels = topics.cluster_paragraphs(matrix, k=2)
    assert adjusted_rand_score(two_vocab["truth"], labels) == 1.0
    scores = topics.silhouette_by_k(matrix, ks=range(2, 6))
    assert scores.sort_values("silhouette", ascending=False)["k"].iloc[0] == 2
    assert scores.loc[scores["k"] == 2, "sizes"].item() == "20 20"


@pytest.mark.parametrize("features", ["topics", "tfidf"])
def test_report_dendrogram_recovers_categories(two_vocab, features):
    if features == "topics":
        model = topics.fit_topics(two_vocab, k=2, min_df=1, max_df=1.0)
        table = topics.topic_shares(model, two_vocab, by="report_id")
    else:
        table = topics.report_tfidf(two_vocab, min_df=1)
    clusters = topics.cut_linkage(topics.report_linkage(table), table.index, n_clusters=2)
    categories = two_vocab.groupby("report_id")["category"].first()
    agreement = topics.cluster_agreement(clusters, categories, n_permutations=99)
    assert agreement["ari"] == 1.0
    # 4 reports in two pairs: 8 of the 24 orderings give the same partition (ARI 1)
    assert 0.2 < agreement["p_value"] < 0.5


def test_cluster_agreement_needs_every_category(two_vocab):
    clusters = pd.Series([1, 2], index=["R01", "R09"])
    with pytest.raises(ValueInvalidError, match="R09"):
        topics.cluster_agreement(clusters, pd.Series(["rural"], index=["R01"]))


def test_specific_and_shared_topics(three_vocab):
    model = topics.fit_topics(three_vocab, k=3, min_df=1, max_df=1.0)
    terms = topics.top_terms(model, n=1).set_index("topic")["term"]
    table = topics.topic_specificity(model, three_vocab).set_index("topic")
    kind_of = {terms[t]: (table.loc[t, "kind"], table.loc[t, "top_group"]) for t in table.index}
    for term, (kind, group) in kind_of.items():
        if term in RURAL:
            assert (kind, group) == ("specific", "rural")
        elif term in FIRMS:
            assert (kind, group) == ("specific", "enterprise")
        else:
            assert term in SHARED and kind == "shared"
    shares = topics.topic_shares(model, three_vocab, by="category")
    assert list(shares.index) == ["enterprise", "rural"]
    assert np.allclose(shares.sum(axis=1), 1.0)


def test_runs_are_deterministic(three_vocab):
    for method in topics.METHODS:
        a = topics.fit_topics(three_vocab, k=3, method=method, seed=3, min_df=1, max_df=1.0)
        b = topics.fit_topics(three_vocab, k=3, method=method, seed=3, min_df=1, max_df=1.0)
        assert np.array_equal(a.components, b.components)
        pd.testing.assert_frame_equal(a.weights, b.weights)
    first = topics.evaluate_k(three_vocab, ks=[2, 3], seeds=(0, 1), min_df=1, max_df=1.0)
    second = topics.evaluate_k(three_vocab, ks=[2, 3], seeds=(0, 1), min_df=1, max_df=1.0)
    pd.testing.assert_frame_equal(first, second)
    assert first["stability"].between(0, 1).all() and first["coherence"].between(-1, 1).all()


def test_npmi_hand_computed():
    docs = [["a", "b"], ["a"], ["b"], ["c"], ["c"]]
    # P(a) = P(b) = 2/5, P(a, b) = 1/5: log(5/4) / log(5)
    assert topics.npmi_coherence([["a", "b"]], docs)[0] == pytest.approx(math.log(5 / 4) / math.log(5))
    # a-c never together (-1); b-c never together (-1)
    assert topics.npmi_coherence([["a", "b", "c"]], docs)[0] == pytest.approx((math.log(5 / 4) / math.log(5) - 2) / 3)
    # always together: +1; independent (P(ab) = P(a)P(b)): 0
    assert topics.npmi_coherence([["x", "y"]], [["x", "y"], ["x", "y"], ["z"], ["w"]]) == [pytest.approx(1.0)]
    assert topics.npmi_coherence([["a", "b"]], [["a", "b"], ["a"], ["b"], []]) == [pytest.approx(0.0)]
    assert topics.npmi_coherence([["a"]], docs) == [0.0]


def test_topic_match_is_permutation_invariant():
    a = [["a", "b", "c"], ["d", "e", "f"]]
    assert topics.topic_match(a, a[::-1]) == 1.0
    assert topics.topic_match(a, [["a", "b", "x"], ["y", "z", "w"]]) == pytest.approx(0.25)


def test_choose_k_rule():
    scores = pd.DataFrame({"method": ["nmf"] * 4, "k": [3, 4, 5, 6],
                           "coherence": [0.10, 0.30, 0.30, 0.20], "coherence_min": [0.0] * 4,
                           "stability": [0.9, 0.5, 0.7, 0.8]})
    choice = topics.choose_k(scores, min_stability=0.6)
    assert choice.k == 5  # k=4 is more coherent but not stable enough; 5 beats 6 on coherence
    assert "0.6" in choice.rule and "NPMI" in choice.rule
    assert topics.choose_k(scores, min_stability=0.95).k == 3  # none stable enough: most stable
    with pytest.raises(ValueInvalidError, match="lda"):
        topics.choose_k(scores, method="lda")


def test_labels_ok_missing_or_changed(two_vocab):
    model = topics.fit_topics(two_vocab, k=2, min_df=1, max_df=1.0)
    current = topics.top_terms(model, n=5)
    first = "|".join(current.loc[current["topic"] == 1, "term"])
    labels = pd.DataFrame([
        {"model": "nmf", "k": 2, "topic": 1, "label_zh": "甲", "label_en": "A", "check_terms": first},
        {"model": "nmf", "k": 2, "topic": 2, "label_zh": "乙", "label_en": "B", "check_terms": "x|y|z"},
        {"model": "nmf", "k": 3, "topic": 3, "label_zh": "丙", "label_en": "C", "check_terms": first},
    ])
    table = topics.topic_labels(model, labels=labels)
    assert table["status"].tolist() == ["ok", "changed"]
    assert table.loc[0, "label_en"] == "A"
    assert table.loc[1, "label_en"].startswith("T2: ")
    missing = topics.missing_topic_labels(model, labels=labels.iloc[:1])
    assert missing["topic"].tolist() == [2] and missing["status"].tolist() == ["missing"]


def test_label_file_errors(tmp_path):
    with pytest.raises(InputError, match="no such"):
        topics.read_topic_labels(tmp_path / "absent.csv")
    bad = tmp_path / "labels.csv"
    bad.write_text("model,k,topic\nnmf,2,1\n", encoding="utf-8")
    with pytest.raises(InputError, match="label_zh"):
        topics.read_topic_labels(bad)


def test_model_paragraphs_drops_short_and_titles():
    frame = pd.DataFrame({"kind": ["title", "heading", "body", "body"],
                          "tokens": [["a"] * 12, ["b"] * 3, ["c"] * 10, ["d"] * 9]})
    assert topics.model_paragraphs(frame)["tokens"].map(len).tolist() == [10]


def test_bad_options_are_named(two_vocab):
    with pytest.raises(ValueInvalidError, match="method"):
        topics.fit_topics(two_vocab, k=2, method="lsa")
    with pytest.raises(ValueInvalidError, match="`k`"):
        topics.fit_topics(two_vocab, k=0)
    with pytest.raises(ValueInvalidError, match="tokens"):
        topics.fit_topics(two_vocab.drop(columns="tokens"), k=2)


# --- figures ---------------------------------------------------------------------------------

from reportlib.figures import topics as topic_figures  # noqa: E402


def _scores():
    return pd.DataFrame({"method": ["nmf"] * 3 + ["lda"] * 3, "k": [3, 4, 5] * 2,
                         "coherence": [0.1, 0.2, 0.15, 0.05, 0.04, 0.03],
                         "stability": [0.6, 1.0, 0.8, 0.4, 0.5, 0.3]})


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_k_selection_figure(lang):
    fig = topic_figures.k_selection(_scores(), chosen={"nmf": 4}, lang=lang)
    top, bottom = fig.axes
    assert len(top.get_lines()) == 2 and len(bottom.get_lines()) == 2
    assert bottom.get_xlabel() == ("主题数" if lang == "zh" else "number of topics")
    assert [t.get_text() for t in top.get_legend().get_texts()] == ["LDA", "NMF"]


def test_topic_heatmap_labels_and_cells(three_vocab):
    model = topics.fit_topics(three_vocab, k=3, min_df=1, max_df=1.0)
    shares = topics.topic_shares(model, three_vocab)
    fig = topic_figures.topic_heatmap(shares, topic_labels={1: "甲"}, lang="en")
    ax = fig.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["non-public enterprises", "rural"]
    assert [t.get_text() for t in ax.get_xticklabels()] == ["T1 (甲)", "T2", "T3"]
    assert len(ax.texts) == 6


def test_report_dendrograms_colour_leaves_by_category(two_vocab):
    table = topics.report_tfidf(two_vocab, min_df=1)
    reports = pd.DataFrame({"report_id": table.index, "label": ["甲", "乙", "丙", "丁"],
                            "category": ["rural", "rural", "enterprise", "enterprise"]})
    fig = topic_figures.report_dendrograms({"TF-IDF": topics.report_linkage(table)}, reports, lang="zh")
    ticks = fig.axes[0].get_yticklabels()
    colour = {t.get_text(): t.get_color() for t in ticks}
    assert set(colour) == {"甲", "乙", "丙", "丁"}
    assert colour["甲"] == colour["乙"] != colour["丙"] == colour["丁"]


def test_silhouette_and_terms_figures():
    scores = pd.DataFrame({"k": [2, 3, 2, 3], "silhouette": [0.1, 0.2, 0.5, 0.4],
                           "features": ["TF-IDF", "TF-IDF", "主题构成", "主题构成"]})
    fig = topic_figures.silhouette_chart(scores, lang="en")
    assert [t.get_text() for t in fig.axes[0].get_legend().get_texts()] == ["TF-IDF", "topic mixture"]
    terms = pd.DataFrame({"group": ["rural", "rural", "border"], "rank": [1, 2, 1], "term": ["村干部", "报酬", "农民"],
                          "log_ratio": [2.0, 1.0, 3.0], "reports": ["R09|R10", "R09|R10", "R03"]})
    fig = topic_figures.distinctive_terms_bars(terms, lang="en", ncols=3)
    titles = [ax.get_title() for ax in fig.axes if ax.axison]
    assert titles == ["rural (R09, R10)", "border regions (R03)"]


def test_figures_reject_bad_input():
    with pytest.raises(ValueInvalidError, match="lang"):
        topic_figures.k_selection(_scores(), lang="fr")
    with pytest.raises(ValueInvalidError, match="stability"):
        topic_figures.k_selection(_scores().drop(columns="stability"))


# --- the seed corpus -------------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_paragraphs(seed_corpus):
    return topics.paragraph_table(seed_corpus)


def test_paragraph_table_leaves_out_the_duplicate(seed_paragraphs, seed_corpus):
    duplicates = set(seed_corpus.reports.loc[seed_corpus.reports["duplicate_of"].fillna("") != "", "report_id"])
    assert duplicates and not duplicates & set(seed_paragraphs["report_id"])
    assert len(topics.paragraph_table(seed_corpus, drop_duplicates=False)) > len(seed_paragraphs)
    assert seed_paragraphs["category"].notna().all()
    # one report (the last of the file) is the only enterprise report
    enterprise = set(seed_paragraphs.loc[seed_paragraphs["category"] == "enterprise", "report_id"])
    assert enterprise == {seed_corpus.reports["report_id"].iloc[-1]}


def test_seed_topics_and_labels(seed_paragraphs):
    modelled = topics.model_paragraphs(seed_paragraphs)
    model = topics.fit_topics(modelled, k=4)
    assert topics.missing_topic_labels(model).empty  # the label file matches the model it labels
    typical = topics.typical_paragraphs(model, modelled, n=2)
    assert (typical["weight"] > 0.5).all()
    # every typical paragraph can be found at its line in the source
    lines = modelled.set_index("paragraph_id")
    for row in typical.itertuples():
        assert lines.loc[row.paragraph_id, "line"] == row.line


# --- rules fixed before the data ---------------------------------------------------------------


def test_k_rule_constants():
    assert list(topics.K_GRID) == list(range(3, 13)) and topics.K_SEEDS == tuple(range(10))
    assert topics.K_SEED_SETS[-1] == topics.K_SEEDS and 0 < topics.MIN_STABILITY <= 1
    scores = pd.DataFrame({"method": ["nmf"] * 2, "k": [3, 4], "coherence": [0.2, 0.3],
                           "coherence_min": [0.0] * 2,
                           "stability": [topics.MIN_STABILITY, topics.MIN_STABILITY - 0.01]})
    assert topics.choose_k(scores).k == 3  # the default threshold is the constant


def test_runs_are_reused_and_give_the_same_scores(three_vocab):
    options = {"ks": [2, 3], "seeds": (0, 1, 2), "min_df": 1, "max_df": 1.0}
    runs = topics.seed_runs(three_vocab, **options)
    assert list(runs.columns) == ["method", "k", "seed", "terms", "coherence"] and len(runs) == 2 * 2 * 3
    direct = topics.evaluate_k(three_vocab, **options)
    pd.testing.assert_frame_equal(topics.evaluate_k(three_vocab, **options, runs=runs), direct)
    subset = topics.evaluate_k(three_vocab, ks=[2, 3], seeds=(0, 1), min_df=1, max_df=1.0)
    pd.testing.assert_frame_equal(topics.evaluate_k(None, ks=[2, 3], seeds=(0, 1), runs=runs), subset)
    with pytest.raises(ValueInvalidError, match="runs"):
        topics.evaluate_k(None, ks=[2, 3], seeds=(0, 7), runs=runs)


def test_k_sensitivity_table(three_vocab):
    runs = topics.seed_runs(three_vocab, ks=[2, 3, 4], seeds=(0, 1, 2, 3), min_df=1, max_df=1.0)
    table = topics.k_sensitivity(seed_sets=((0, 1), (2, 3), (0, 1, 2, 3)), ks=[2, 3, 4], runs=runs,
                                 min_stability=0.5)
    assert list(table.columns) == ["method", "seeds", "k", "coherence", "stability", "same_as_all"]
    assert table["seeds"].tolist() == ["0-1", "2-3", "0-3"] * 2
    for method, part in table.groupby("method"):
        scores = topics.evaluate_k(None, ks=[2, 3, 4], methods=[method], seeds=(0, 1, 2, 3), runs=runs)
        assert part["k"].iloc[-1] == topics.choose_k(scores, method=method, min_stability=0.5).k
        assert (part["same_as_all"] == (part["k"] == part["k"].iloc[-1])).all()


def test_specificity_is_from_report_shares():
    # rural: one long report (R01, 30 paragraphs all topic 1) and one short one (R02, 3 paragraphs,
    # topic 2); urban: two reports with a quarter of topic 1. Paragraph means would give rural
    # topic 1 a share of 30/33; report means give ½, and R01 alone carries it.
    rows, weights = [], []
    def add(report, category, n, topic1):
        for i in range(n):
            rows.append({"paragraph_id": f"{report}-{i}", "report_id": report, "category": category})
            weights.append([topic1(i), 1 - topic1(i)])
    add("R01", "rural", 30, lambda i: 1.0)
    add("R02", "rural", 3, lambda i: 0.0)
    add("R03", "urban", 4, lambda i: float(i == 0))
    add("R04", "urban", 4, lambda i: float(i == 0))
    frame = pd.DataFrame(rows)
    model = topics.TopicModel("nmf", 2, 0, ("a", "b"), np.eye(2),
                              pd.DataFrame(weights, index=pd.Index(frame["paragraph_id"], name="paragraph_id"),
                                           columns=pd.RangeIndex(1, 3, name="topic")))
    shares = topics.report_shares(model, frame)
    assert shares.set_index("report_id").loc["R01", 1] == 1.0
    by_report = topics.topic_shares(model, frame, level="report")
    assert by_report.loc["rural", 1] == pytest.approx(0.5) and by_report.loc["urban", 1] == pytest.approx(0.25)
    assert topics.topic_shares(model, frame).loc["rural", 1] == pytest.approx(30 / 33)
    per_report = topics.topic_shares(model, frame, by="report_id", level="report")
    pd.testing.assert_frame_equal(per_report, topics.topic_shares(model, frame, by="report_id"))
    with pytest.raises(ValueInvalidError, match="level"):
        topics.topic_shares(model, frame, level="section")
    table = topics.topic_specificity(model, frame).set_index("topic")
    first = table.loc[1]
    assert first["share_top"] == pytest.approx(0.5) and first["n_reports"] == 2
    assert first["top_report"] == "R01" and first["top_report_part"] == 1.0 and first["carried_by_one_report"]
    assert first["top_group"] == "rural" and first["ratio"] == pytest.approx(2.0) and first["kind"] == "specific"
    second = table.loc[2]  # urban ¾ against rural ½; each urban report holds half
    assert second["top_group"] == "urban" and second["share_top"] == pytest.approx(0.75)
    assert second["top_report_part"] == pytest.approx(0.5) and not second["carried_by_one_report"]


def test_one_tfidf_definition(seed_corpus):
    from reportlib import compare

    mine = topics.report_tfidf(topics.paragraph_table(seed_corpus), min_df=1)
    theirs = compare.tfidf(seed_corpus).pivot_table(index="report_id", columns="term", values="weight",
                                                      fill_value=0.0)
    assert mine.shape == theirs.shape
    assert np.allclose(mine.to_numpy(), theirs.reindex(index=mine.index, columns=mine.columns).to_numpy())


def test_report_tfidf_min_df_matches_scikit_learn(two_vocab):
    from sklearn.feature_extraction.text import TfidfVectorizer

    frame = two_vocab.assign(tokens=[t + ([f"rare{i}"] if i % 7 == 0 else [])
                                     for i, t in enumerate(two_vocab["tokens"])])
    pooled = frame.groupby("report_id", sort=True)["tokens"].agg(lambda col: [t for toks in col for t in toks])
    vectorizer = TfidfVectorizer(analyzer=lambda x: x, min_df=2, sublinear_tf=True)
    expected = vectorizer.fit_transform(list(pooled)).toarray()
    mine = topics.report_tfidf(frame, min_df=2)
    assert list(mine.columns) == list(vectorizer.get_feature_names_out())
    assert np.allclose(mine.to_numpy(), expected)


def test_places_out_of_topic_tokens(seed_corpus):
    plain = topics.paragraph_table(seed_corpus)
    without = topics.paragraph_table(seed_corpus, exclude_places=True)
    assert len(plain) == len(without)
    terms = {t for toks in without["tokens"] for t in toks}
    assert not {"上海", "上海市委", "常德", "连云港"} & terms
    assert {"上海", "连云港"} <= {t for toks in plain["tokens"] for t in toks}


def test_fast_ari_equals_scikit_learn():
    from sklearn.metrics import adjusted_rand_score

    rng = np.random.default_rng(1)
    for _ in range(200):
        size = int(rng.integers(2, 30))
        a = np.unique(rng.integers(0, int(rng.integers(1, 6)), size=size), return_inverse=True)[1]
        b = np.unique(rng.integers(0, int(rng.integers(1, 6)), size=size), return_inverse=True)[1]
        assert topics._ari(a, b) == pytest.approx(adjusted_rand_score(a, b), abs=1e-9)
