"""Annotations of reports: sector category, places, redactions, placeholder years,
near-duplicates and traces of scraping damage.

Every annotation keeps its evidence: the cues that decided a category and how often they
occur, the similarity that made a report a duplicate, the line and offsets of each damage.
"""

from __future__ import annotations

import csv
import importlib.metadata
import re
from collections import Counter
from functools import lru_cache
from importlib import resources
from pathlib import Path

import numpy as np
import pandas as pd
from sklearn.feature_extraction.text import HashingVectorizer

from . import patterns as P
from .conventions import CATEGORIES, join_hanzi, to_halfwidth, words_only
from .damage import damage_patterns, find_damage  # noqa: F401  (moved to reportlib.damage; kept importable here)
from .errors import InputError, ValueInvalidError
from .rules import DEFAULT_RULES, Rules

#: The six sectors of grassroots Party building (CATEGORIES adds `other`: texts of another genre,
#: such as a government work report, a congress report, a report of a non-communist party).
SECTORS = tuple(c for c in CATEGORIES if c != "other")
#: Rows of the cue lexicon with this category count Party-building vocabulary, not a category.
PARTY_CUES = "party"
_PROVINCE_SUFFIXES = ("壮族自治区", "回族自治区", "维吾尔自治区", "特别行政区", "自治区", "省", "市")
_ADMIN_SUFFIX = re.compile(r"[省市县区州旗盟]")
_LOCAL_PLACE = re.compile(r"([\u4e00-\u9fff]{2})(街道|镇|乡)(?![镇村])")
#: A title naming a field-research report (…调研报告, …的调查): the genre itself, so a sector's
#: survey with little Party-building vocabulary in its opening is still that sector's report.
_FIELD_RESEARCH_TITLE = re.compile(r"调研|调查|考察")
#: 村(社区), 村(居): 'the village (or community)', the village level of a county's survey; it names no
#: urban community.
_VILLAGE_OR_COMMUNITY = re.compile(r"村\s*[(（]\s*(?:社区|居)\s*[)）]")
_NOT_IN_PLACE_NAME = set("的各全本该我县市区乡镇村城和与及在对向到等个了是为有农街社")


@lru_cache(maxsize=1)
def category_cues() -> pd.DataFrame:
    """The cue lexicon ``data/category_cues.csv``: columns category, cue, weight.

    category is one of `CATEGORIES`, or `PARTY_CUES` for Party-building vocabulary.
    """
    text = resources.files("reportlib.data").joinpath("category_cues.csv").read_text("utf-8")
    rows = [r for r in text.splitlines() if r.strip() and not r.startswith("#")]
    cues = pd.DataFrame(list(csv.DictReader(rows)))
    cues["weight"] = cues["weight"].astype(float)
    unknown = set(cues["category"]) - set(CATEGORIES) - {PARTY_CUES}
    if unknown:
        raise ValueInvalidError("category_cues.csv category", sorted(unknown)[0],
                                f"one of {(*CATEGORIES, PARTY_CUES)}")
    return cues


def categorize(title: str, body: str, *, rules: Rules = DEFAULT_RULES, front_matter: str = "") -> tuple[str, str]:
    """Category of a report and the evidence for it, from the cue lexicon.

    Score of a category = sum over its cues of weight × occurrences (title occurrences count
    `rules.title_weight` times).  The category is `other` on evidence of another genre: when the
    genre cues of `other` (政府工作报告, 各位代表, 民盟 …) outweigh the best sector, when the title
    holds one, or when any occur in a text with fewer than `rules.min_party_cues_per_1000`
    Party-building cues per 1,000 characters (a government work report mentions Party building
    in passing) whose title does not name a field study (调研, 调查, 考察) or in which those cues
    occur at least twice (a people's congress committee's investigation); and when no sector cue
    occurs at all.  Otherwise it is the best sector (border rather than rural when the border cues
    reach `rules.min_border_share` of the rural ones), also for a short opening with few
    Party-building words: a page of this genre is about its sector before it names the Party.
    村(社区) (the village, or the community) is read as 村: the village level, not a city's community.
    Where the report's own words name no sector (a journal page whose saved text is its abstract and
    a sentence of its body), `front_matter` (the abstract, keywords and page heading before it) is
    read with it, and the evidence says so.
    Returns (category, evidence); evidence gives the Party-building density, then every
    category's score and its cues with counts, best first:
    ``"party 21.3 per 1,000 chars: 党员×40; border 125: 边境×25; rural 33: 农村×11"``.
    """
    title, body = (_VILLAGE_OR_COMMUNITY.sub("村", join_hanzi(_normalized(P.PINYIN_GLOSS.sub("", to_halfwidth(t)))))
                   for t in (title, body))
    scores: dict[str, float] = {c: 0.0 for c in (*CATEGORIES, PARTY_CUES)}
    hits: dict[str, list[str]] = {c: [] for c in scores}
    occurrences: dict[str, int] = {c: 0 for c in scores}
    # a work cited by name (《…在…代表大会上的报告》) says what the text quotes, not its genre
    uncited = {text: P.CITED_WORK.sub("", text) for text in (title, body)}
    for row in category_cues().itertuples(index=False):
        t, b = (uncited[title], uncited[body]) if row.category == "other" else (title, body)
        n = _cue_count(b, row.cue) + rules.title_weight * _cue_count(t, row.cue)
        if n:
            scores[row.category] += row.weight * n
            occurrences[row.category] += n
            hits[row.category].append(f"{row.cue}×{n}")
    density = 1000 * scores[PARTY_CUES] / max(1, len(title) + len(body))
    ranked = sorted(CATEGORIES, key=lambda c: (-scores[c], CATEGORIES.index(c)))
    party = f"{PARTY_CUES} {density:.1f} per 1,000 chars"
    party += f": {', '.join(hits[PARTY_CUES])}" if hits[PARTY_CUES] else ""
    evidence = "; ".join([party] + [
        f"{c} {scores[c]:g}: {', '.join(hits[c])}" for c in ranked if scores[c] > 0])
    best = max(SECTORS, key=lambda c: (scores[c], -SECTORS.index(c)))
    if best == "rural" and scores["border"] >= rules.min_border_share * scores["rural"]:
        best = "border"  # the villages of a border region
    # a field study of a sector keeps its sector in a sparse opening, unless another genre's cues
    # recur (a people's congress committee's investigation: 人大常委会 twice)
    sparse = density < rules.min_party_cues_per_1000 and \
        (not _FIELD_RESEARCH_TITLE.search(title) or occurrences["other"] >= 2)
    other_title = any(cue in title for cue in _other_cues())
    if scores[best] == 0 and front_matter.strip():
        category, evidence = categorize(title, f"{body}\n{front_matter}", rules=rules)
        return category, f"with the front matter before it: {evidence}"
    if scores[best] == 0 or scores["other"] > scores[best] or other_title or (sparse and scores["other"] > 0):
        return "other", evidence
    return best, evidence


#: The short names of non-communist parties (民进, 民建, 民革, 民盟) also occur across a word
#: boundary: 居民进行, 边民进入, 农民建房, 人民革命.  Such an occurrence, after a character that ends a
#: word in 民 or before one that starts a verb, is not the party's name.
_PARTY_ABBREVIATION = re.compile(r"民[进建革盟]")
_ENDS_A_MIN_WORD = "居农边人市村牧渔移公选国军网灾难贫股平藏回全为惠利便爱亲安富乐访庶殖船山警社族"
_STARTS_A_VERB = {"进": "行入城一驻京村山厂步取出展", "建": "设房立造成起", "革": "命新", "盟": "约"}


def _cue_count(text: str, cue: str) -> int:
    """Occurrences of `cue` in `text`; a party's short name counts only where it stands as one."""
    if len(cue) != 2 or not _PARTY_ABBREVIATION.fullmatch(cue):
        return text.count(cue)
    return sum(1 for m in re.finditer(cue, text)
               if not (m.start() > 0 and text[m.start() - 1] in _ENDS_A_MIN_WORD)
               and not (m.end() < len(text) and text[m.end()] in _STARTS_A_VERB[cue[1]]))


@lru_cache(maxsize=1)
def _other_cues() -> tuple[str, ...]:
    cues = category_cues()
    return tuple(cues.loc[cues["category"] == "other", "cue"])


def _normalized(text: str) -> str:
    """Traditional characters read as simplified, where `reportlib.normalize` is available."""
    try:
        from .normalize import normalize
    except ImportError:
        return text
    return normalize(text)


@lru_cache(maxsize=1)
def gazetteer() -> dict[str, int]:
    """Names of China's provinces, prefectures and counties → administrative level (1, 2, 3).

    Read from the division table that ships with the ``cpca`` package (MIT licence);
    province names also count in their short form (上海, 湖北, 内蒙古).
    """
    try:
        path = importlib.metadata.distribution("cpca").locate_file("cpca/resources/adcodes.csv")
        text = Path(str(path)).read_text(encoding="utf-8")
    except (importlib.metadata.PackageNotFoundError, OSError):
        raise InputError("cpca", "the place-name gazetteer is missing; run: pip install cpca") from None
    names: dict[str, int] = {}
    for row in csv.DictReader(text.splitlines()):
        code, name = row["adcode"], row["name"]
        level = 1 if code[2:] == "0" * 10 else 2 if code[4:] == "0" * 8 else 3
        if level == 1:
            names[_short_province(name)] = 1
        if level == 1 or len(name) >= 3:
            names.setdefault(name, level)
    return names


@lru_cache(maxsize=1)
def _province_short_names() -> re.Pattern[str]:
    shorts = sorted((n for n, level in gazetteer().items() if level == 1 and n[-1] not in "省市区"),
                    key=lambda n: (-len(n), n))
    return re.compile("|".join(map(re.escape, shorts)))


def _stands_alone(text: str, name: str) -> bool:
    """A name counts if it occurs twice, or once after a non-Chinese character (not inside 财政和县级)."""
    starts = _starts(text, name)
    return len(starts) >= 2 or any(_after_non_hanzi(text, i) for i in starts)


def _after_boundary(text: str, name: str) -> bool:
    """Whether `name` opens a sentence or clause somewhere (墟沟街道是…), not only mid-phrase (派驻街道)."""
    return any(_after_non_hanzi(text, i) or text[i - 1] in "市县区" for i in _starts(text, name))


def _starts(text: str, name: str) -> list[int]:
    return [m.start() for m in re.finditer(re.escape(name), text)]


def _after_non_hanzi(text: str, index: int) -> bool:
    return index == 0 or not "\u4e00" <= text[index - 1] <= "\u9fff"


def _short_province(name: str) -> str:
    for suffix in _PROVINCE_SUFFIXES:
        if name.endswith(suffix) and len(name) - len(suffix) >= 2:
            return name[: -len(suffix)]
    return name


def find_places(text: str) -> list[str]:
    """Places a text names, by administrative level then first mention.

    Provinces, prefectures and counties come from the gazetteer (a prefecture or county named
    once must follow a non-Chinese character, so 财政和县级 does not give 政和县); townships
    and streets (X镇, X乡, X街道) from their suffix, when named at least twice, X is followed by
    the suffix in at least half of its occurrences, and the name once opens a clause or follows
    a city or county (so 推动街道 and 派驻街道 are not streets).  Short province names are
    kept only where the full name does not also occur (上海 and 上海市 give 上海市).
    """
    names = gazetteer()
    found: dict[str, tuple[int, int]] = {}
    for match in _province_short_names().finditer(text):
        found.setdefault(match.group(0), (1, match.start()))
    for end in (m.end() for m in _ADMIN_SUFFIX.finditer(text)):
        for size in range(2, min(8, end) + 1):
            candidate = text[end - size:end]
            if candidate in names and candidate not in found and _stands_alone(text, candidate):
                found[candidate] = (names[candidate], end - size)
    local = Counter(m.group(0) for m in _LOCAL_PLACE.finditer(text)
                    if not set(m.group(1)) & _NOT_IN_PLACE_NAME)
    for name, count in local.items():
        if count >= 2 and 2 * count >= text.count(name[:2]) and _after_boundary(text, name):
            found.setdefault(name, (4, text.find(name)))
    keep = [n for n in found if not any(n != m and n in m for m in found)]
    return sorted(keep, key=lambda n: found[n])


def placeholder_years(text: str) -> set[str]:
    """Years the scrape overwrote: those seen doubled, as a range to themselves or listed twice."""
    return {m.group(1) for m in P.PLACEHOLDER_EVIDENCE.finditer(to_halfwidth(text))}


def count_redactions(text: str) -> int:
    """Runs of underscores standing for removed names."""
    return len(P.REDACTION.findall(text))


def count_placeholder_years(text: str, years: set[str]) -> int:
    """Occurrences of the placeholder `years` in `text`."""
    norm = to_halfwidth(text)
    return sum(len(P.placeholder_year_pattern(y).findall(norm)) for y in sorted(years))


def find_duplicates(texts: list[str], *, rules: Rules = DEFAULT_RULES) -> tuple[list[int | None], list[float]]:
    """For each text, the index of an earlier text it nearly repeats (or None), and the score.

    Similarity is containment of character 5-gram shingles (after removing white space,
    punctuation and redactions): the share of the shorter text's shingles that the other text
    has too.  A text is a duplicate of the first earlier text with containment of at least
    `rules.duplicate_containment` (itself not a duplicate).  Exact copies (after that cleaning) are
    found by hashing first and score 1.0, so a scrape full of copies stays fast.
    """
    if not texts:
        return [], []
    cleaned = [_for_shingles(t) for t in texts]
    first_copy: dict[str, int] = {}
    for index, text in enumerate(cleaned):
        first_copy.setdefault(text, index)
    unique = sorted(set(first_copy.values()))
    containment = _containment([cleaned[i] for i in unique], rules.shingle_chars)
    position = {index: k for k, index in enumerate(unique)}
    originals: list[int | None] = []
    scores: list[float] = []
    for j, text in enumerate(cleaned):
        if first_copy[text] != j:  # an exact copy of an earlier text
            original = first_copy[text]
            originals.append(originals[original] if originals[original] is not None else original)
            scores.append(1.0)
            continue
        earlier = [i for i in unique if i < j]
        row = {i: containment[position[i], position[j]] for i in earlier}
        candidates = [i for i in earlier if originals[i] is None and row[i] >= rules.duplicate_containment]
        originals.append(candidates[0] if candidates else None)
        scores.append(round(float(row[candidates[0]] if candidates else max(row.values(), default=0.0)), 4))
    return originals, scores


def _containment(texts: list[str], shingle_chars: int) -> np.ndarray:
    """Pairwise share of the smaller text's character shingles found in the other text."""
    vectorizer = HashingVectorizer(analyzer="char", ngram_range=(shingle_chars, shingle_chars),
                                   n_features=2**22, binary=True, norm=None, alternate_sign=False)
    matrix = vectorizer.transform(texts)
    sizes = np.asarray(matrix.sum(axis=1)).ravel()
    shared = (matrix @ matrix.T).toarray()
    smaller = np.minimum.outer(sizes, sizes)
    return np.divide(shared, smaller, out=np.zeros_like(shared, dtype=float), where=smaller > 0)


def _for_shingles(text: str) -> str:
    return words_only(text)
