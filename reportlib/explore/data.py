"""The explorer's data: the corpus text stored once, everything else as indexes into it.

`payload(corpus)` returns a JSON-ready dict (columns as lists):

sources
    File names; reports point into it.
reports
    id, source (index into sources), start_line, end_line, label, title, category, place,
    n_chars, duplicate_of, and truncated when the corpus has that column.
paragraphs
    text (each paragraph once), report (index into reports), line (1-based line of its source).
normalized
    {paragraph index: text} for the paragraphs whose normalized view (same length as the text, so
    offsets found in one are offsets in the other) is not the text mapped through char_map
    character by character; the page maps the others itself.
char_map
    [from, to]: two strings of equal length; the query side of the normalization, applied to a
    search string in the page.
normalizer
    'library' (``reportlib.normalize``) or 'halfwidth' (the fallback, ``io.to_halfwidth``).
terms, keyness
    Term strings once; one entry per comparison ('rural' against the rest, 'rural|urban' for two
    sectors) with columns term (index into terms), count_in, count_out, z, n_reports,
    single_report and, when the library provides them, n_paragraphs, dispersion, q_value, is_cue,
    distinctive.
statistics
    stat_id, paragraph (index), start, end, sentence_start, sentence_end (-1 if unknown; offsets
    in UTF-16 code units, as JavaScript counts them), value,
    value_high (None if no range), unit, unit_norm, dimension, qualifier, what, and indicator
    when present.
topics
    k, top terms per topic, typical paragraphs (indexes) per topic, shares by sector.
"""

from __future__ import annotations

import itertools
import math

import pandas as pd

from .normalize import by_char, char_map, normalized_texts, normalizer_name

#: Terms kept per comparison: the most typical of each side and the most frequent.
N_TOP, N_BOTTOM, N_FREQUENT = 150, 100, 150
#: Optional keyness columns another stage may add; shipped when present.
OPTIONAL_KEYNESS = ("n_paragraphs", "dispersion", "q_value", "is_cue", "distinctive")
TOPIC_K, TOPIC_SEED, TOPIC_TERMS, TOPIC_TYPICAL = 6, 0, 10, 3
#: Fewer modelled paragraphs than this and no topics are fitted (the page says so).
MIN_TOPIC_PARAGRAPHS = 30


def _plain(value: object) -> object:
    """A JSON value: numpy scalars to Python, NaN to None, floats rounded to 4 places."""
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return None
    if hasattr(value, "item"):
        value = value.item()
    if isinstance(value, float):
        return None if math.isnan(value) else round(value, 4)
    return value


def _column(frame: pd.DataFrame, name: str) -> list:
    return [_plain(v) for v in frame[name].tolist()]


def _reports(corpus) -> dict:
    reports = corpus.reports
    sources = sorted(set(reports["source"]) | set(corpus.paragraphs["source"]))
    index = {s: i for i, s in enumerate(sources)}
    out = {"id": reports["report_id"].astype(str).tolist(),
           "source": [index[s] for s in reports["source"]]}
    for name in ("start_line", "end_line", "label", "title", "category", "place", "n_chars",
                 "duplicate_of", "truncated"):
        if name in reports.columns:
            out[name] = _column(reports, name)
    return {"sources": sources, "reports": out}


def _paragraphs(corpus) -> dict:
    paragraphs = corpus.paragraphs
    report_index = {r: i for i, r in enumerate(corpus.reports["report_id"])}
    texts = paragraphs["text"].astype(str).tolist()
    normalized = normalized_texts(texts)
    return {"paragraphs": {"text": texts,
                           "report": [report_index[r] for r in paragraphs["report_id"]],
                           "line": [int(v) for v in paragraphs["line"]]},
            "normalized": {str(i): n for i, (t, n) in enumerate(zip(texts, normalized)) if n != by_char(t)},
            "char_map": list(char_map()), "normalizer": normalizer_name()}


def paragraph_index(corpus) -> dict[tuple[str, int], int]:
    """(source, line) → position of the paragraph in ``corpus.paragraphs``."""
    keys = zip(corpus.paragraphs["source"], corpus.paragraphs["line"])
    return {(s, int(line)): i for i, (s, line) in enumerate(keys)}


def _kept_terms(table: pd.DataFrame) -> pd.DataFrame:
    """The rows worth plotting: both ends of the z scale and the most frequent terms."""
    table = table.sort_values(["z", "term"], ascending=[False, True], kind="mergesort")
    frequency = (table["count_in"] + table["count_out"]).rename("n")
    frequent = table.assign(n=frequency).sort_values(["n", "term"], ascending=[False, True],
                                                     kind="mergesort").head(N_FREQUENT)
    keep = set(table.index[:N_TOP]) | set(table.index[-N_BOTTOM:]) | set(frequent.index)
    return table.loc[[i for i in table.index if i in keep]]


def _keyness_entry(table: pd.DataFrame, terms: dict[str, int]) -> dict:
    table = _kept_terms(table)
    out = {"term": [terms.setdefault(t, len(terms)) for t in table["term"]]}
    for name in ("count_in", "count_out", "z", "n_reports", "single_report") + OPTIONAL_KEYNESS:
        if name in table.columns:
            out[name] = _column(table, name)
    return out


def _keyness(corpus) -> dict:
    from reportlib import compare

    terms: dict[str, int] = {}
    entries: dict[str, dict] = {}
    against_rest = compare.keyness(corpus)
    categories = sorted(set(against_rest["category"]))
    for category in categories:
        entries[category] = _keyness_entry(against_rest[against_rest["category"] == category], terms)
    for first, second in itertools.combinations(categories, 2):
        entries[f"{first}|{second}"] = _keyness_entry(compare.keyness_between(corpus, first, second), terms)
    ordered = sorted(terms, key=terms.get)
    return {"terms": ordered, "keyness": entries, "categories": categories}


def utf16_offset(text: str, index: int) -> int:
    """Character offset `index` in `text` as JavaScript counts it (UTF-16 code units)."""
    head = text[:index]
    return index + sum(1 for c in head if ord(c) > 0xFFFF)


def _sentence_span(text: str, sentence: object, start: int) -> tuple[int, int]:
    if not isinstance(sentence, str) or not sentence:
        return -1, -1
    at = text.rfind(sentence, 0, start + 1)
    at = text.find(sentence) if at < 0 else at
    if at < 0:
        return -1, -1
    return utf16_offset(text, at), utf16_offset(text, at + len(sentence))


def _statistics(corpus, where: dict[tuple[str, int], int]) -> dict:
    from reportlib import stats

    table = stats.statistics_table(corpus)
    texts = corpus.paragraphs["text"].tolist()
    rows = [where[(s, int(line))] for s, line in zip(table["source"], table["line"])]
    spans = [_sentence_span(texts[p], sentence, int(start))
             for p, sentence, start in zip(rows, table["sentence"], table["start"])]
    out = {"stat_id": table["stat_id"].astype(str).tolist(), "paragraph": rows,
           "sentence_start": [a for a, _ in spans], "sentence_end": [b for _, b in spans]}
    out["start"] = [utf16_offset(texts[p], int(a)) for p, a in zip(rows, table["start"])]
    out["end"] = [utf16_offset(texts[p], int(b)) for p, b in zip(rows, table["end"])]
    for name in ("value", "value_high", "unit", "unit_norm", "dimension",
                 "qualifier", "what", "indicator"):
        if name in table.columns:
            out[name] = _column(table.astype({name: object}).where(table[name].notna(), None), name)
    return out


def _topics(corpus, where: dict[tuple[str, int], int]) -> dict:
    from reportlib import topics

    paragraphs = topics.model_paragraphs(topics.paragraph_table(corpus))
    if len(paragraphs) < MIN_TOPIC_PARAGRAPHS:
        return {"k": 0, "terms": [], "typical": [], "shares": {}}
    k = TOPIC_K
    model = topics.fit_topics(paragraphs, k=k, seed=TOPIC_SEED)
    top = topics.top_terms(model, n=TOPIC_TERMS)
    typical = topics.typical_paragraphs(model, paragraphs, n=TOPIC_TYPICAL)
    shares = topics.topic_shares(model, paragraphs)
    return {"k": k,
            "terms": [top.loc[top["topic"] == t, "term"].tolist() for t in range(1, k + 1)],
            "typical": [[where[(s, int(line))] for s, line in
                         zip(group["source"], group["line"])] for _, group in typical.groupby("topic")],
            "shares": {str(cat): [round(float(v), 4) for v in row] for cat, row in shares.iterrows()}}


def payload(corpus) -> dict:
    """The explorer's data for `corpus` (see the module docstring for its keys)."""
    where = paragraph_index(corpus)
    data = _reports(corpus)
    data.update(_paragraphs(corpus))
    data.update(_keyness(corpus))
    data["statistics"] = _statistics(corpus, where)
    data["topics"] = _topics(corpus, where)
    return data
