"""Paragraph topics and clusters: what the reports talk about, and how reports and paragraphs group.

With about a dozen reports a document-level topic model says little; paragraphs (a few hundred) are
the unit modelled here, and a report is described by the mean topic mixture of its paragraphs.

Every function takes a DataFrame with a ``tokens`` column (a list of strings per row, as
``reportlib.tokenize.tokenize_paragraphs`` returns) and the identifying columns it needs
(paragraph_id, report_id, source, line, category, text), so it runs on small synthetic tables as
well as on a loaded corpus. Every random step has a fixed seed: the same input gives the same
tables.

Two models are offered: ``'nmf'`` (non-negative matrix factorisation of a TF-IDF matrix, random
initialisation seeded by ``seed``) and ``'lda'`` (latent Dirichlet allocation on counts, batch
learning seeded by ``seed``). The IDF is this corpus's own (computed over the modelled
paragraphs, smoothed, sublinear term frequency), not a general-language table.

The number of topics is chosen by :func:`choose_k` from :func:`evaluate_k`'s scores, with the
rule in :data:`CHOOSE_K_RULE`. The rule, its k grid, its seeds and its threshold are fixed here,
before the data is looked at (:data:`K_GRID`, :data:`K_SEEDS`, :data:`MIN_STABILITY`,
:data:`N_TOP`); :func:`k_sensitivity` shows whether another set of seeds would pick another k.

>>> import pandas as pd
>>> rural, firms = ["村干部", "报酬", "集体经济", "村级"], ["企业", "员工", "流动", "非公"]
>>> toks = [rural[i:] + rural[:1] for i in range(4)] + [firms[i:] + firms[:1] for i in range(4)]
>>> frame = pd.DataFrame({"paragraph_id": [f"P{i}" for i in range(8)], "tokens": toks})
>>> model = fit_topics(frame, k=2, min_df=1, max_df=1.0)
>>> sorted(model.weights.idxmax(axis=1).value_counts().tolist())
[4, 4]
"""

from __future__ import annotations

import itertools
import math
from collections import Counter
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Iterable, Sequence

import numpy as np
import pandas as pd
from joblib import Parallel, delayed
from scipy.cluster import hierarchy
from scipy.optimize import linear_sum_assignment
from scipy.spatial.distance import pdist
from sklearn.cluster import KMeans
from sklearn.decomposition import NMF, LatentDirichletAllocation
from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer
from sklearn.metrics import adjusted_rand_score, silhouette_score
from sklearn.preprocessing import normalize

from reportlib.errors import InputError, ValueInvalidError, require_frame

METHODS = ("nmf", "lda")

#: The k tried. Fewer than 3 topics cannot separate even the main sectors (rural, urban,
#: enterprise); more than 12 leaves a few hundred paragraphs with topics of a handful each.
K_GRID = range(3, 13)
#: Seeds of the runs per k. Ten runs give 45 pairs for stability; notebooks import this tuple
#: rather than choosing their own (seeds 0-4 and 0-9 picked different k on the seed corpus).
K_SEEDS = tuple(range(10))
#: The seed sets compared by :func:`k_sensitivity`: two disjoint halves and the whole.
K_SEED_SETS = (tuple(range(5)), tuple(range(5, 10)), tuple(range(10)))
#: A k is "stable" when the best-match Jaccard of top terms between runs is at least this: with
#: 10 top terms, 0.9 means that on average 9 of 10 terms of a topic come back in another run.
MIN_STABILITY = 0.9
#: Top terms per topic for coherence, stability and labels (10 is the usual NPMI list length).
N_TOP = 10
#: The method k is chosen for. LDA is several times slower than NMF (three quarters of the time of
#: scoring both) and, on this genre, never reaches the stability threshold (its topics change with
#: the seed), so it is not scored over k: it is fitted at NMF's k, for comparison only.
K_METHOD = "nmf"
#: k is scored on at most this many paragraphs, drawn at random with `SAMPLE_SEED`: the cost of
#: the 100 fits grows with the paragraphs (about 6 s a fit at 1,300 paragraphs on this machine's
#: cores), and 1,000 paragraphs hold the genre's vocabulary well enough to rank k. A smaller
#: corpus is scored whole.
MAX_K_PARAGRAPHS = 1000
SAMPLE_SEED = 0
#: A group's topic is "carried by one report" when one report holds more than this share of the
#: group's (report-level) topic weight: more than half means the other reports together hold less.
CARRIED_BY_ONE_REPORT = 0.5

#: How :func:`choose_k` decides, in words (the notebook quotes it).
CHOOSE_K_RULE = (
    "among the k whose stability across seeds is at least {min_stability} (mean best-match "
    "Jaccard of the top {n_top} terms between runs), the k with the highest mean NPMI coherence "
    "of its topics' top terms over the corpus's own paragraphs; ties go to the smaller k; if no k "
    "is that stable, the most stable k"
)

_LABEL_COLUMNS = ["model", "k", "topic", "label_zh", "label_en", "check_terms"]


@dataclass(frozen=True, eq=False)
class TopicModel:
    """A fitted paragraph topic model.

    ``terms`` is the vocabulary; ``components`` (k × vocabulary) the topic-term weights;
    ``weights`` a DataFrame indexed by paragraph_id with columns 1..k holding each paragraph's
    topic mixture (rows sum to 1; a paragraph with no modelled term has all zeros).
    """

    method: str
    k: int
    seed: int
    terms: tuple[str, ...]
    components: np.ndarray
    weights: pd.DataFrame


@dataclass(frozen=True)
class KChoice:
    """The chosen number of topics for one method and the rule, in words, that chose it."""

    method: str
    k: int
    rule: str


def paragraph_table(corpus, *, drop_duplicates: bool = True, exclude_places: bool = False) -> pd.DataFrame:
    """``corpus.paragraphs`` with tokens and their report's category and label.

    Reports that repeat another (``duplicate_of`` set) are left out unless ``drop_duplicates`` is
    False. ``exclude_places`` leaves place and person names out of the tokens, as the vocabulary
    tables do (``reportlib.compare.paragraph_tokens``, ``reportlib.places``). Columns: those of
    ``corpus.paragraphs`` plus tokens, category and label.
    """
    from reportlib.compare import paragraph_tokens

    out = paragraph_tokens(corpus, keep_duplicates=not drop_duplicates, exclude_places=exclude_places)
    info = corpus.reports.set_index("report_id")
    out["label"] = out["report_id"].map(info["label"]) if "label" in info else ""
    return out.reset_index(drop=True)


def model_paragraphs(paragraphs: pd.DataFrame, *, min_tokens: int = 10,
                     exclude_kinds: Sequence[str] = ("title",)) -> pd.DataFrame:
    """The paragraphs worth modelling: at least ``min_tokens`` tokens and not of ``exclude_kinds``.

    Bare headings (一、主要做法) have a handful of tokens and would form topics of their own; the
    default threshold of 10 tokens keeps inline headings that run on into text. The ``kind``
    column is used when present. Rows keep their order; the index is reset.
    """
    _require(paragraphs, ("tokens",), "paragraphs")
    keep = paragraphs["tokens"].map(len) >= min_tokens
    if "kind" in paragraphs.columns:
        keep &= ~paragraphs["kind"].isin(list(exclude_kinds))
    return paragraphs[keep].reset_index(drop=True)


def _identity(tokens: Sequence[str]) -> Sequence[str]:
    return tokens


def term_matrix(paragraphs: pd.DataFrame, *, weighting: str = "tfidf", min_df: int | float = 2,
                max_df: float = 0.5):
    """Paragraph × term matrix of ``paragraphs['tokens']`` and its vocabulary.

    ``weighting`` is ``'tfidf'`` (this corpus's smoothed IDF, sublinear tf, rows L2-normalised) or
    ``'count'``. Terms in fewer than ``min_df`` paragraphs or in more than ``max_df`` of them are
    left out. Returns ``(scipy sparse matrix, tuple of terms)``.
    """
    _require(paragraphs, ("tokens",), "paragraphs")
    if weighting not in ("tfidf", "count"):
        raise ValueInvalidError("weighting", weighting, "'tfidf' or 'count'")
    options = dict(analyzer=_identity, min_df=min_df, max_df=max_df)
    if weighting == "tfidf":
        vectorizer = TfidfVectorizer(sublinear_tf=True, **options)
    else:
        vectorizer = CountVectorizer(**options)
    matrix = vectorizer.fit_transform(list(paragraphs["tokens"]))
    return matrix, tuple(vectorizer.get_feature_names_out())


def fit_topics(paragraphs: pd.DataFrame, *, k: int, method: str = "nmf", seed: int = 0,
               min_df: int | float = 2, max_df: float = 0.5) -> TopicModel:
    """Fit ``k`` topics over ``paragraphs`` (columns paragraph_id, tokens) with ``method``.

    See the module docstring for the two methods; ``min_df`` and ``max_df`` are passed to
    :func:`term_matrix`.
    """
    if method not in METHODS:
        raise ValueInvalidError("method", method, f"one of {METHODS}")
    if not isinstance(k, int) or k < 1 or k > len(paragraphs):
        raise ValueInvalidError("k", k, f"an int from 1 to the number of paragraphs ({len(paragraphs)})")
    _require(paragraphs, ("paragraph_id", "tokens"), "paragraphs")
    weighting = "tfidf" if method == "nmf" else "count"
    matrix, terms = term_matrix(paragraphs, weighting=weighting, min_df=min_df, max_df=max_df)
    return _fit_matrix(matrix, terms, paragraphs["paragraph_id"], k=k, method=method, seed=seed)


def _estimator(method: str, k: int, seed: int):
    if method == "nmf":
        return NMF(n_components=k, init="random", random_state=seed, max_iter=2000, tol=1e-5)
    return LatentDirichletAllocation(n_components=k, learning_method="batch", max_iter=25, random_state=seed)


def _fit_matrix(matrix, terms: tuple[str, ...], ids, *, k: int, method: str, seed: int) -> TopicModel:
    """Fit one model on a term matrix already built (so evaluate_k builds it once per method)."""
    model = _estimator(method, k, seed)
    raw = model.fit_transform(matrix)
    totals = raw.sum(axis=1, keepdims=True)
    shares = np.divide(raw, totals, out=np.zeros_like(raw), where=totals > 0)
    weights = pd.DataFrame(shares, index=pd.Index(ids, name="paragraph_id"),
                           columns=pd.RangeIndex(1, k + 1, name="topic"))
    return TopicModel(method, k, seed, terms, model.components_, weights)


def top_terms(model: TopicModel, *, n: int = 10) -> pd.DataFrame:
    """The ``n`` heaviest terms of each topic; columns model, k, topic, rank, term, weight."""
    rows = []
    by_term = np.argsort(np.array(model.terms, dtype=object), kind="stable")  # ties: term order
    for topic, row in enumerate(model.components, start=1):
        order = by_term[np.argsort(-row[by_term], kind="stable")][:n]
        rows += [(model.method, model.k, topic, rank, model.terms[j], round(float(row[j]), 6))
                 for rank, j in enumerate(order, start=1)]
    return pd.DataFrame(rows, columns=["model", "k", "topic", "rank", "term", "weight"])


def _term_lists(model: TopicModel, n: int) -> list[list[str]]:
    table = top_terms(model, n=n)
    return [list(part["term"]) for _, part in table.groupby("topic", sort=True)]


def npmi_coherence(topics: Sequence[Sequence[str]], documents: Iterable[Iterable[str]]) -> list[float]:
    """Mean normalised PMI of each topic's term pairs, over document co-occurrence.

    For terms a and b, with N documents, P(a) the share of documents containing a and P(a, b) the
    share containing both: NPMI = log(P(a, b) / (P(a) P(b))) / -log P(a, b); it is -1 when a and b
    never occur together and 1 when they always do (P(a, b) = 1). A topic's coherence is the mean
    over its term pairs (0.0 for a topic of fewer than two terms).

    >>> npmi_coherence([["a", "b"]], [["a", "b"], ["a"], ["c"], ["b", "c"]])
    [0.0]
    """
    postings, n_docs = _postings(documents)
    return [_mean_npmi(terms, postings, n_docs) for terms in topics]


def _mean_npmi(terms: Sequence[str], postings: dict[str, set[int]], n_docs: int) -> float:
    scores = []
    for a, b in itertools.combinations(terms, 2):
        both = len(postings.get(a, set()) & postings.get(b, set()))
        if both == 0:
            scores.append(-1.0)
        elif both == n_docs:
            scores.append(1.0)
        else:
            p_ab = both / n_docs
            p_a, p_b = len(postings[a]) / n_docs, len(postings[b]) / n_docs
            scores.append(math.log(p_ab / (p_a * p_b)) / -math.log(p_ab))
    return float(np.mean(scores)) if scores else 0.0


def topic_match(terms_a: Sequence[Sequence[str]], terms_b: Sequence[Sequence[str]]) -> float:
    """Mean Jaccard similarity of two topic sets' top terms after the best one-to-one matching.

    >>> topic_match([["a", "b"], ["c", "d"]], [["c", "d"], ["a", "x"]])
    0.666667
    """
    sim = np.array([[len(set(a) & set(b)) / len(set(a) | set(b)) for b in terms_b] for a in terms_a])
    rows, cols = linear_sum_assignment(-sim)
    return round(float(sim[rows, cols].sum() / max(len(terms_a), len(terms_b))), 6)


def seed_runs(paragraphs: pd.DataFrame, *, ks: Iterable[int] = K_GRID, methods: Sequence[str] = METHODS,
              seeds: Sequence[int] = K_SEEDS, n_top: int = N_TOP, min_df: int | float = 2,
              max_df: float = 0.5, n_jobs: int = 1) -> pd.DataFrame:
    """One fitted model per (method, k, seed), reduced to what k selection needs.

    The term matrix is built once per method and shared by all its fits (``n_jobs`` fits run in
    parallel; the result does not depend on it). Columns: method, k, seed, terms (the topics'
    top ``n_top`` terms, a tuple of tuples), coherence (a tuple: NPMI of each topic, see
    :func:`npmi_coherence`). Pass it to :func:`evaluate_k` or :func:`k_sensitivity` as ``runs``.
    """
    _require(paragraphs, ("tokens",), "paragraphs")
    ks = list(ks)
    for method in methods:
        if method not in METHODS:
            raise ValueInvalidError("methods", method, f"each one of {METHODS}")
    for k in ks:
        if isinstance(k, bool) or not isinstance(k, (int, np.integer)) or not 1 <= k <= len(paragraphs):
            raise ValueInvalidError("ks", k, f"ints from 1 to the number of paragraphs ({len(paragraphs)})")
    postings, n_docs = _postings(paragraphs["tokens"])
    grid = [(method, k, seed) for method in methods for k in ks for seed in seeds]
    matrices = {m: term_matrix(paragraphs, weighting="tfidf" if m == "nmf" else "count", min_df=min_df,
                               max_df=max_df) for m in methods}
    ids = paragraphs["paragraph_id"] if "paragraph_id" in paragraphs else pd.RangeIndex(len(paragraphs))
    terms = Parallel(n_jobs=n_jobs, max_nbytes=None)(  # no read-only memmaps: NMF writes into its input
        delayed(_fitted_terms)(*matrices[m], ids, m, k, seed, n_top) for m, k, seed in grid)
    rows = [(m, k, seed, t, tuple(_mean_npmi(topic, postings, n_docs) for topic in t))
            for (m, k, seed), t in zip(grid, terms)]
    return pd.DataFrame(rows, columns=["method", "k", "seed", "terms", "coherence"])


def evaluate_k(paragraphs: pd.DataFrame, *, ks: Iterable[int] = K_GRID,
               methods: Sequence[str] = METHODS, seeds: Sequence[int] = K_SEEDS,
               n_top: int = N_TOP, min_df: int | float = 2, max_df: float = 0.5,
               n_jobs: int = 1, runs: pd.DataFrame | None = None) -> pd.DataFrame:
    """Coherence and stability of each method for each k.

    For every (method, k) one model is fitted per seed (see :func:`seed_runs`; pass its table as
    ``runs`` to reuse fits, then only the runs of ``seeds`` are used). Columns: method, k,
    coherence (mean over seeds of the mean NPMI of the topics' top ``n_top`` terms, see
    :func:`npmi_coherence`), coherence_min (the least coherent topic of the first seed's model),
    stability (mean over all pairs of seeds of :func:`topic_match`), n_seeds.
    """
    if len(seeds) < 2:
        raise ValueInvalidError("seeds", seeds, "at least two seeds, to measure stability")
    if runs is None:
        runs = seed_runs(paragraphs, ks=ks, methods=methods, seeds=seeds, n_top=n_top, min_df=min_df,
                         max_df=max_df, n_jobs=n_jobs)
    ks = list(ks)
    runs = runs[runs["seed"].isin(seeds) & runs["method"].isin(methods) & runs["k"].isin(ks)]
    rows = []
    for method in methods:
        for k in ks:
            part = runs[(runs["method"] == method) & (runs["k"] == k)].set_index("seed")
            if set(part.index) != set(seeds):
                raise ValueInvalidError("runs", f"runs lacking {method}, k={k} for some of {tuple(seeds)}",
                                        "a seed_runs table covering every method, k and seed asked for")
            terms, coherence = list(part.loc[list(seeds), "terms"]), list(part.loc[list(seeds), "coherence"])
            stability = np.mean([topic_match(a, b) for a, b in itertools.combinations(terms, 2)])
            rows.append((method, k, round(float(np.mean([np.mean(c) for c in coherence])), 6),
                         round(float(min(coherence[0])), 6), round(float(stability), 6), len(seeds)))
    return pd.DataFrame(rows, columns=["method", "k", "coherence", "coherence_min", "stability", "n_seeds"])


def _postings(documents: Iterable[Iterable[str]]) -> tuple[dict[str, set[int]], int]:
    postings: dict[str, set[int]] = {}
    n_docs = 0
    for i, doc in enumerate(documents):
        n_docs += 1
        for term in set(doc):
            postings.setdefault(term, set()).add(i)
    return postings, n_docs


def _fitted_terms(matrix, terms: tuple[str, ...], ids, method: str, k: int, seed: int,
                  n_top: int) -> tuple[tuple[str, ...], ...]:
    # Only the topic-term weights are needed: LDA's fit() gives the same components_ as
    # fit_transform() without the final pass over the documents.
    estimator = _estimator(method, k, seed).fit(matrix)
    model = TopicModel(method, k, seed, terms, estimator.components_, pd.DataFrame())
    return tuple(tuple(t) for t in _term_lists(model, n_top))


def k_sensitivity(paragraphs: pd.DataFrame | None = None, *, seed_sets: Sequence[Sequence[int]] = K_SEED_SETS,
                  ks: Iterable[int] = K_GRID, methods: Sequence[str] = METHODS,
                  min_stability: float = MIN_STABILITY, n_top: int = N_TOP, runs: pd.DataFrame | None = None,
                  **options) -> pd.DataFrame:
    """The k that :func:`choose_k` picks under each set of seeds, to show how much k rests on them.

    Fits are made once over the union of the seed sets (or taken from ``runs``, a
    :func:`seed_runs` table; ``options`` go to it). Columns: method, seeds (e.g. '0-4'), k,
    coherence and stability of that k under those seeds, same_as_all (whether it is the k chosen
    under the last, usually the largest, seed set).
    """
    union = sorted({s for seeds in seed_sets for s in seeds})
    ks = list(ks)
    if runs is None:
        if paragraphs is None:
            raise ValueInvalidError("paragraphs", None, "a paragraphs table, unless `runs` is given")
        runs = seed_runs(paragraphs, ks=ks, methods=methods, seeds=union, n_top=n_top, **options)
    rows = []
    for method in methods:
        chosen = []
        for seeds in seed_sets:
            scores = evaluate_k(None, ks=ks, methods=[method], seeds=tuple(seeds), n_top=n_top, runs=runs)
            k = choose_k(scores, method=method, min_stability=min_stability, n_top=n_top).k
            row = scores.set_index("k").loc[k]
            chosen.append([method, _seed_label(seeds), k, row["coherence"], row["stability"]])
        rows += [r + [r[2] == chosen[-1][2]] for r in chosen]
    return pd.DataFrame(rows, columns=["method", "seeds", "k", "coherence", "stability", "same_as_all"])


@dataclass(frozen=True, eq=False)
class KSelection:
    """The choice of k: scores of every method and k, the k chosen per method, how the choice
    moves with the seeds, and the paragraphs it was scored on."""

    scores: pd.DataFrame
    choices: dict
    sensitivity: pd.DataFrame
    sample: pd.DataFrame
    n_paragraphs: int


def k_selection_sample(paragraphs: pd.DataFrame, *, n: int = MAX_K_PARAGRAPHS) -> pd.DataFrame:
    """The paragraphs k is scored on: all of them, or `n` drawn with `SAMPLE_SEED` (in order)."""
    if len(paragraphs) <= n:
        return paragraphs
    return paragraphs.sample(n=n, random_state=SAMPLE_SEED).sort_index()


def select_k(paragraphs: pd.DataFrame, *, n_jobs: int = 2) -> KSelection:
    """Score every k of `K_GRID` with `K_METHOD` on `K_SEEDS`, choose k by :data:`CHOOSE_K_RULE`,
    and show the choice under each of `K_SEED_SETS`.

    Scoring uses :func:`k_selection_sample`; `n_jobs` fits run at once (same results).
    """
    sample = k_selection_sample(paragraphs)
    runs = seed_runs(sample, methods=[K_METHOD], seeds=K_SEEDS, n_jobs=n_jobs)
    scores = evaluate_k(None, methods=[K_METHOD], seeds=K_SEEDS, runs=runs)
    choices = {K_METHOD: choose_k(scores, method=K_METHOD)}
    sensitivity = k_sensitivity(runs=runs, methods=[K_METHOD])
    return KSelection(scores, choices, sensitivity, sample, len(paragraphs))


def _seed_label(seeds: Sequence[int]) -> str:
    seeds = sorted(seeds)
    if seeds == list(range(seeds[0], seeds[-1] + 1)):
        return f"{seeds[0]}-{seeds[-1]}"
    return ",".join(map(str, seeds))


def choose_k(scores: pd.DataFrame, *, method: str = "nmf", min_stability: float = MIN_STABILITY,
             n_top: int = N_TOP) -> KChoice:
    """Pick k for ``method`` from :func:`evaluate_k` output by :data:`CHOOSE_K_RULE`."""
    part = scores[scores["method"] == method]
    if part.empty:
        raise ValueInvalidError("method", method, f"a method scored in the table {sorted(set(scores['method']))}")
    stable = part[part["stability"] >= min_stability]
    if stable.empty:
        best = part.sort_values(["stability", "k"], ascending=[False, True]).iloc[0]
    else:
        best = stable.sort_values(["coherence", "k"], ascending=[False, True]).iloc[0]
    rule = CHOOSE_K_RULE.format(min_stability=min_stability, n_top=n_top)
    return KChoice(method, int(best["k"]), rule)


def typical_paragraphs(model: TopicModel, paragraphs: pd.DataFrame, *, n: int = 3,
                       width: int = 60) -> pd.DataFrame:
    """The ``n`` paragraphs with the highest share of each topic, so a reader can check a label.

    Columns: topic, rank, paragraph_id, report_id, source, line, weight (the paragraph's share of
    the topic), excerpt (the first ``width`` characters of text).
    """
    _require(paragraphs, ("paragraph_id", "report_id", "source", "line", "text"), "paragraphs")
    info = paragraphs.set_index("paragraph_id")
    rows = []
    for topic in model.weights.columns:
        share = model.weights[topic]
        order = sorted(share.index, key=lambda p: (-share[p], p))[:n]
        for rank, pid in enumerate(order, start=1):
            row = info.loc[pid]
            rows.append((topic, rank, pid, row["report_id"], row["source"], int(row["line"]),
                         round(float(share[pid]), 4), str(row["text"])[:width]))
    columns = ["topic", "rank", "paragraph_id", "report_id", "source", "line", "weight", "excerpt"]
    return pd.DataFrame(rows, columns=columns)


def read_topic_labels(path: str | Path | None = None) -> pd.DataFrame:
    """The researcher's topic labels; columns model, k, topic, label_zh, label_en, check_terms.

    ``check_terms`` holds the topic's top terms ('|'-joined) when the label was written, so a
    label is not silently reused for a topic that has changed. Without ``path`` the packaged
    ``reportlib/data/topic_labels.csv`` is read.
    """
    if path is None:
        with resources.as_file(resources.files("reportlib") / "data" / "topic_labels.csv") as p:
            return read_topic_labels(p)
    path = Path(path)
    if not path.is_file():
        raise InputError(path, "no such topic-label file")
    labels = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    missing = [c for c in _LABEL_COLUMNS if c not in labels.columns]
    if missing:
        raise InputError(path, f"topic-label file lacks column(s) {missing}")
    labels["k"] = labels["k"].astype(int)
    labels["topic"] = labels["topic"].astype(int)
    return labels[_LABEL_COLUMNS]


def topic_labels(model: TopicModel, *, labels: pd.DataFrame | None = None, n_check: int = 5,
                 min_overlap: float = 0.4) -> pd.DataFrame:
    """Match the label file to ``model``'s topics, saying which labels are missing or stale.

    A label applies when its row has the model's method, k and topic and its ``check_terms`` share
    a Jaccard similarity of at least ``min_overlap`` with the topic's current top ``n_check``
    terms. Columns: topic, label_zh, label_en, status ('ok', 'missing': no row, 'changed': the
    topic's terms no longer match the label's), top_terms. Where the status is not 'ok' the label
    columns show 'T<topic>: <three top terms>' instead of guessing.
    """
    labels = read_topic_labels() if labels is None else labels
    rows_of = labels[(labels["model"] == model.method) & (labels["k"] == model.k)].set_index("topic")
    rows = []
    for topic, terms in enumerate(_term_lists(model, n_check), start=1):
        fallback = f"T{topic}: " + " ".join(terms[:3])
        if topic not in rows_of.index:
            rows.append((topic, fallback, fallback, "missing", "|".join(terms)))
            continue
        row = rows_of.loc[topic]
        checked = set(str(row["check_terms"]).split("|"))
        overlap = len(checked & set(terms)) / len(checked | set(terms))
        if overlap < min_overlap:
            rows.append((topic, fallback, fallback, "changed", "|".join(terms)))
        else:
            rows.append((topic, row["label_zh"], row["label_en"], "ok", "|".join(terms)))
    return pd.DataFrame(rows, columns=["topic", "label_zh", "label_en", "status", "top_terms"])


def missing_topic_labels(model: TopicModel, *, labels: pd.DataFrame | None = None) -> pd.DataFrame:
    """The rows of :func:`topic_labels` whose status is not 'ok' (empty when all labels apply)."""
    table = topic_labels(model, labels=labels)
    return table[table["status"] != "ok"].reset_index(drop=True)


def topic_shares(model: TopicModel, paragraphs: pd.DataFrame, *, by: str = "category",
                 level: str = "paragraph") -> pd.DataFrame:
    """Mean topic mixture of each group of ``by`` (category, report_id, ...).

    ``level="paragraph"``: the mean over the group's modelled paragraphs (each paragraph counts
    once, so a long report weighs more); ``level="report"``: the mean over the group's reports of
    their paragraph means (:func:`report_shares`; each report counts once). Paragraphs without any
    modelled term are left out. Rows are groups (sorted), columns topics 1..k, each row sums to 1.
    """
    if level not in ("paragraph", "report"):
        raise ValueInvalidError("level", level, "'paragraph' or 'report'")
    _require(paragraphs, ("paragraph_id", by), "paragraphs")
    if level == "report":
        shares = report_shares(model, paragraphs, by=by)
        topics_only = shares[list(model.weights.columns)]
        means = topics_only.groupby(shares[by].to_numpy(), sort=True).mean().rename_axis(by)
        means.columns = model.weights.columns
        return means
    weights = model.weights[model.weights.sum(axis=1) > 0]
    groups = paragraphs.set_index("paragraph_id")[by].reindex(weights.index)
    return weights.groupby(groups.to_numpy(), sort=True).mean().rename_axis(by)


def report_shares(model: TopicModel, paragraphs: pd.DataFrame, *, by: str = "category") -> pd.DataFrame:
    """Topic shares per report, then per group of ``by`` as the mean over its reports.

    A report's share of a topic is the mean over its modelled paragraphs; a group's share is the
    mean over its reports, so a long report counts as much as a short one. Columns: ``by``,
    report_id, then topics 1..k (one row per report, sorted; just report_id when ``by`` is it).
    """
    _require(paragraphs, ("paragraph_id", "report_id", by), "paragraphs")
    weights = model.weights[model.weights.sum(axis=1) > 0]
    info = paragraphs.set_index("paragraph_id").reindex(weights.index)
    per_report = weights.groupby(info["report_id"].to_numpy(), sort=True).mean()
    group = info.groupby("report_id")[by].first().reindex(per_report.index)
    per_report.insert(0, "report_id", per_report.index)
    if by != "report_id":
        per_report.insert(0, by, group.to_numpy())
    return per_report.reset_index(drop=True)


def topic_specificity(model: TopicModel, paragraphs: pd.DataFrame, *, by: str = "category",
                      ratio: float = 2.0, floor: float = 0.5,
                      carried: float = CARRIED_BY_ONE_REPORT) -> pd.DataFrame:
    """Which topics belong to one group of ``by`` and which are shared by all, from report shares.

    Shares are report-level (:func:`report_shares`): a group's share of a topic is the mean of its
    reports' shares, and ``ratio`` compares it with the mean share of the reports outside the
    group, so one long report does not carry a topic by its number of paragraphs. A topic is
    'specific' to its top group when that ratio is at least ``ratio`` and no other group reaches
    it; 'shared' when every group's share is at least ``floor`` times the mean over all reports;
    otherwise 'uneven'. Columns: topic, kind, top_group, share_top, share_rest, ratio,
    groups_over_ratio, min_group, share_min, top_group_reports, top_report, top_report_part (the
    heaviest report's part of the top group's summed report shares), n_reports (reports in the
    top group), carried_by_one_report (top_report_part > ``carried``; always so with one report).
    """
    shares = report_shares(model, paragraphs, by=by)
    rows = [_specificity_row(shares[topic], shares[by], shares["report_id"], ratio, floor, carried, topic)
            for topic in model.weights.columns]
    columns = ["topic", "kind", "top_group", "share_top", "share_rest", "ratio", "groups_over_ratio",
               "min_group", "share_min", "top_group_reports", "top_report", "top_report_part", "n_reports",
               "carried_by_one_report"]
    return pd.DataFrame(rows, columns=columns)


def _specificity_row(share: pd.Series, groups: pd.Series, reports: pd.Series, ratio: float, floor: float,
                     carried: float, topic: int) -> tuple:
    means = share.groupby(groups.to_numpy(), sort=True).mean()
    ratios = {g: means[g] / max(float(share[groups != g].mean()), 1e-12) if (groups != g).any() else np.inf
              for g in means.index}
    top = max(means.index, key=lambda g: (ratios[g], g))
    over = sorted(g for g, r in ratios.items() if r >= ratio)
    low = min(means.index, key=lambda g: (means[g], g))
    if over == [top]:
        kind = "specific"
    elif means[low] >= floor * float(share.mean()):
        kind = "shared"
    else:
        kind = "uneven"
    in_top = pd.Series(share[groups == top].to_numpy(), index=reports[groups == top].to_numpy())
    heaviest = max(in_top.index, key=lambda r: (in_top[r], r))
    part = float(in_top[heaviest] / in_top.sum()) if in_top.sum() > 0 else 0.0
    rest = float(share[groups != top].mean()) if (groups != top).any() else 0.0
    return (topic, kind, top, round(float(means[top]), 4), round(rest, 4), round(float(ratios[top]), 3),
            "|".join(over), low, round(float(means[low]), 4), "|".join(sorted(in_top.index)), heaviest,
            round(part, 3), len(in_top), part > carried)


def report_tfidf(paragraphs: pd.DataFrame, *, by: str = "report_id", min_df: int | float = 2) -> pd.DataFrame:
    """TF-IDF of each group's pooled tokens, by reportlib's one definition.

    ``reportlib.compare.tfidf_from_counts``: IDF over these groups (smoothed), sublinear tf, rows
    scaled to unit length after dropping the terms in fewer than ``min_df`` groups (an int, or a
    share of the groups). With ``min_df=1`` on the paragraphs of ``paragraph_table(corpus)`` it
    gives the weights of ``compare.tfidf(corpus)``. Rows are groups (sorted), columns the terms
    (sorted), zeros where a group does not use a term.
    """
    from reportlib.compare import tfidf_from_counts

    _require(paragraphs, ("tokens", by), "paragraphs")
    pooled = paragraphs.groupby(by, sort=True)["tokens"].agg(lambda col: [t for toks in col for t in toks])
    counts = pd.DataFrame([(g, t, n) for g, toks in pooled.items() for t, n in Counter(toks).items()],
                          columns=[by, "term", "count"])
    threshold = min_df if isinstance(min_df, (int, np.integer)) else math.ceil(min_df * len(pooled))
    table = tfidf_from_counts(counts, by=by, min_df=int(threshold))
    matrix = table.pivot_table(index=by, columns="term", values="weight", fill_value=0.0)
    matrix = matrix.reindex(index=pooled.index, fill_value=0.0).sort_index(axis=1)
    matrix.columns.name = None
    return matrix


def report_linkage(features: pd.DataFrame, *, method: str = "average", metric: str = "cosine") -> np.ndarray:
    """Hierarchical clustering of the rows of ``features`` (scipy linkage matrix, rows in order)."""
    if len(features) < 2:
        raise ValueInvalidError("features", f"{len(features)} row(s)", "at least two rows to cluster")
    return hierarchy.linkage(pdist(features.to_numpy(dtype=float), metric=metric), method=method)


def cut_linkage(linkage: np.ndarray, index: pd.Index, *, n_clusters: int) -> pd.Series:
    """Cluster numbers (1..n) of ``index`` when ``linkage`` is cut into at most ``n_clusters``."""
    labels = hierarchy.fcluster(linkage, t=n_clusters, criterion="maxclust")
    return pd.Series(labels, index=index, name="cluster")


def cluster_agreement(clusters: pd.Series, categories: pd.Series, *, n_permutations: int = 999,
                      seed: int = 0) -> dict[str, float]:
    """Adjusted Rand index of ``clusters`` against ``categories`` (aligned on their index).

    Returns ``{'ari': …, 'p_value': …}``; the p-value is the share of ``n_permutations`` random
    relabellings of the categories (plus the observed one) whose ARI is at least the observed ARI,
    so a reader sees whether the agreement is more than chance for so few items.
    """
    categories = categories.reindex(clusters.index)
    if categories.isna().any():
        raise ValueInvalidError("categories", sorted(set(clusters.index) - set(categories.dropna().index)),
                                "a category for every clustered item")
    observed = adjusted_rand_score(categories, clusters)
    rng = np.random.default_rng(seed)
    codes = pd.factorize(categories.to_numpy())[0]
    cluster_codes = pd.factorize(clusters.to_numpy())[0]
    hits = sum(_ari(rng.permutation(codes), cluster_codes) >= observed - 1e-9 for _ in range(n_permutations))
    return {"ari": round(float(observed), 6), "p_value": round((hits + 1) / (n_permutations + 1), 6)}


def _ari(a: np.ndarray, b: np.ndarray) -> float:
    """Adjusted Rand index of two integer labellings (scikit-learn's formula, fast for permutations)."""
    n_b = int(b.max()) + 1
    table = np.bincount(a * n_b + b, minlength=(int(a.max()) + 1) * n_b).reshape(-1, n_b).astype(float)
    pairs = (table * (table - 1) / 2).sum()
    rows, cols = table.sum(axis=1), table.sum(axis=0)
    row_pairs, col_pairs = (rows * (rows - 1) / 2).sum(), (cols * (cols - 1) / 2).sum()
    n = len(a)
    expected = row_pairs * col_pairs / (n * (n - 1) / 2)
    maximum = (row_pairs + col_pairs) / 2
    return 1.0 if maximum == expected else float((pairs - expected) / (maximum - expected))


def cluster_paragraphs(features, *, k: int, seed: int = 0) -> np.ndarray:
    """k-means cluster numbers (0..k-1) of the L2-normalised rows of ``features`` (10 seeded starts)."""
    data = normalize(_as_matrix(features))
    return KMeans(n_clusters=k, n_init=10, random_state=seed).fit_predict(data)


def silhouette_by_k(features, *, ks: Iterable[int] = range(2, 13), seed: int = 0) -> pd.DataFrame:
    """Mean cosine silhouette of :func:`cluster_paragraphs` for each k; columns k, silhouette, sizes.

    ``sizes`` lists the cluster sizes, largest first, so one giant cluster is visible.
    """
    data = normalize(_as_matrix(features))
    rows = []
    for k in ks:
        labels = cluster_paragraphs(data, k=k, seed=seed)
        sizes = sorted(np.bincount(labels, minlength=k).tolist(), reverse=True)
        score = silhouette_score(data, labels, metric="cosine")
        rows.append((k, round(float(score), 6), " ".join(map(str, sizes))))
    return pd.DataFrame(rows, columns=["k", "silhouette", "sizes"])


def _as_matrix(features):
    return features.to_numpy(dtype=float) if isinstance(features, pd.DataFrame) else features


def _require(frame: pd.DataFrame, columns: Sequence[str], name: str) -> None:
    require_frame(frame, name, columns)
