"""Section types: what part of a report's plan a section belongs to, read from its heading.

Field-research reports follow a recognisable plan: what was done and achieved (做法/成效), what goes
wrong and why (问题/原因), what should be done (对策/建议), with some background (基本情况/背景).
This module classifies section headings into these types from a cue lexicon kept as data in
``reportlib/data/section_type_cues.csv`` (columns: cue, type, note).

Rules, in the order they apply:

1. Only the heading's first sentence is read (text up to the first 。！？；： or a '.' that ends a
   sentence), so an inline heading that runs on into body text is judged by its heading alone.
2. Cues are found left to right; where two cues overlap, the longer one wins (基本情况 is
   background although 情况 alone is practice).
3. ``own_type`` is the single type all found cues agree on; ``'mixed'`` when the heading names two
   or more types (存在的问题及对策建议 → mixed); ``'other'`` when it names none. ``first_type`` keeps
   the first-named type for readers who prefer that rule.
4. Propagation: every section takes the ``own_type`` of its top-level ancestor as its
   ``section_type`` (a sub-section (二)组织教育活动不到位 under 三、党建工作中存在问题 is a problem
   section whatever its own words say). Paragraphs take the type of their section; paragraphs
   before a report's first heading are ``'other'``.

>>> classify_heading("二、边境地区基层党建工作存在的主要问题及成因").own_type
'problem'
>>> classify_heading("二、存在的问题及对策建议").own_type, classify_heading("二、存在的问题及对策建议").first_type
('mixed', 'problem')
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from importlib import resources
from pathlib import Path
from typing import NamedTuple

import pandas as pd

from reportlib import conventions as C
from reportlib.errors import InputError, ValueInvalidError, require_frame

#: The section types a cue may name, in the order reports usually present them.
CUE_TYPES = ("background", "practice", "problem", "measure")
#: Every value ``own_type`` and ``section_type`` can take.
SECTION_TYPES = CUE_TYPES + ("mixed", "other")

_FIRST_SENTENCE_END = re.compile(r"[。！？；：!?;:]|\.(?!\d)|(?<!\d)\.")
_MARKER = re.compile(rf"^\s*(?:{C.CN_ONE_TO_TEN_CLASS}+[、.．]|[(（][{C.CN_ONE_TO_TEN}\d]+[)）]|\d+[、.．])\s*")


class HeadingType(NamedTuple):
    """The classification of one heading: its type, first-named type, all types and cues found."""

    own_type: str
    first_type: str
    types: tuple[str, ...]
    cues: tuple[str, ...]


def load_cues(path: str | Path | None = None) -> pd.DataFrame:
    """Read a cue lexicon; columns cue, type, note (``type`` one of :data:`CUE_TYPES`).

    Without ``path`` the packaged ``section_type_cues.csv`` is read (once, then cached).
    """
    if path is None:
        return _packaged_cues().copy()
    return _read_cues(Path(path))


@functools.lru_cache(maxsize=1)
def _packaged_cues() -> pd.DataFrame:
    with resources.as_file(resources.files("reportlib") / "data" / "section_type_cues.csv") as p:
        return _read_cues(p)


def _read_cues(path: Path) -> pd.DataFrame:
    if not path.is_file():
        raise InputError(path, "no such cue file")
    cues = pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8")
    missing = {"cue", "type"} - set(cues.columns)
    if missing:
        raise InputError(path, f"cue file lacks column(s) {sorted(missing)}; needs cue, type")
    for row in cues.itertuples():
        if row.type not in CUE_TYPES:
            raise ValueInvalidError(f"type of cue {row.cue!r}", row.type, f"one of {CUE_TYPES}")
        if not row.cue:
            raise InputError(path, f"empty cue in row {row.Index + 2}")
    if "note" not in cues.columns:
        cues["note"] = ""
    return cues[["cue", "type", "note"]].reset_index(drop=True)


def heading_clause(heading: str) -> str:
    """The part of ``heading`` that is read: the first sentence, list marker removed.

    >>> heading_clause("(三)活动方式陈旧,组织生活松懈。问题的成因很多")
    '活动方式陈旧,组织生活松懈'
    """
    text = _MARKER.sub("", heading.strip())
    end = _FIRST_SENTENCE_END.search(text)
    return text[: end.start()] if end else text


def find_cues(text: str, *, cues: pd.DataFrame | None = None) -> list[tuple[int, str, str]]:
    """Cues found in ``text`` as (offset, cue, type), left to right, longer cue winning overlaps."""
    table = load_cues() if cues is None else cues
    hits = []
    for cue, kind in zip(table["cue"], table["type"]):
        hits += [(m.start(), cue, kind) for m in re.finditer(re.escape(cue), text)]
    hits.sort(key=lambda hit: (hit[0], -len(hit[1])))
    chosen: list[tuple[int, str, str]] = []
    taken_until = -1
    for start, cue, kind in hits:
        if start >= taken_until:
            chosen.append((start, cue, kind))
            taken_until = start + len(cue)
    return chosen


def classify_heading(heading: str, *, cues: pd.DataFrame | None = None) -> HeadingType:
    """Classify one heading (see the module rules 1-3).

    >>> classify_heading("四、党建整改措施")
    HeadingType(own_type='measure', first_type='measure', types=('measure',), cues=('措施',))
    """
    found = find_cues(heading_clause(heading), cues=cues)
    types = tuple(dict.fromkeys(kind for _, _, kind in found))
    if not types:
        return HeadingType("other", "other", (), ())
    own = types[0] if len(types) == 1 else "mixed"
    return HeadingType(own, types[0], types, tuple(cue for _, cue, _ in found))


def classify_sections(sections: pd.DataFrame, *, cues: pd.DataFrame | None = None) -> pd.DataFrame:
    """Classify every section and propagate top-level types down (module rule 4).

    ``sections`` needs section_id, parent_id ('' or missing for a top-level section) and heading;
    its other columns are kept. Added columns: own_type, first_type, types ('problem+measure'),
    cues ('存在的问题|对策|建议'), top_section_id, section_type.
    """
    _require(sections, ("section_id", "parent_id", "heading"), "sections")
    out = sections.copy()
    found = [classify_heading(h, cues=cues) for h in out["heading"].fillna("")]
    out["own_type"] = [f.own_type for f in found]
    out["first_type"] = [f.first_type for f in found]
    out["types"] = ["+".join(f.types) for f in found]
    out["cues"] = ["|".join(f.cues) for f in found]
    parents = dict(zip(out["section_id"], out["parent_id"].fillna("").astype(str)))
    out["top_section_id"] = [_top_ancestor(s, parents) for s in out["section_id"]]
    own = dict(zip(out["section_id"], out["own_type"]))
    out["section_type"] = [own[top] for top in out["top_section_id"]]
    return out


def _top_ancestor(section_id: str, parents: dict[str, str]) -> str:
    seen = {section_id}
    while parents.get(section_id, "") in parents:
        section_id = parents[section_id]
        if section_id in seen:
            raise ValueInvalidError("parent_id", section_id, "a tree of sections without cycles")
        seen.add(section_id)
    return section_id


def paragraph_section_types(paragraphs: pd.DataFrame, sections: pd.DataFrame) -> pd.DataFrame:
    """``paragraphs`` with a ``section_type`` column taken from their section.

    ``sections`` is the output of :func:`classify_sections`; paragraphs whose section_id is empty
    or unknown (text before a report's first heading) get ``'other'``.
    """
    _require(paragraphs, ("section_id",), "paragraphs")
    _require(sections, ("section_id", "section_type"), "sections")
    kinds = dict(zip(sections["section_id"], sections["section_type"]))
    out = paragraphs.copy()
    out["section_type"] = [kinds.get(s, "other") for s in out["section_id"].fillna("")]
    return out


def distinctive_terms(
    paragraphs: pd.DataFrame,
    *,
    section_type: str = "problem",
    by: str = "category",
    n: int = 10,
    min_count: int = 2,
) -> pd.DataFrame:
    """Terms that set one group's ``section_type`` sections apart from the other groups' ones.

    ``paragraphs`` needs tokens (a list per row), section_type and the ``by`` column. Within the
    paragraphs of the chosen section type, each term's count in one group is compared with its
    count in all other groups by a smoothed log2 ratio of relative frequencies (add 0.5 to both
    counts). The IDF-free comparison uses only this corpus. Returns, per group, the ``n`` terms with
    the highest ratio among those occurring at least ``min_count`` times in the group; columns:
    group, rank, term, count, n_tokens, count_rest, n_tokens_rest, log_ratio, n_paragraphs,
    reports (the group's report_ids with such sections, '|'-joined).
    """
    if section_type not in SECTION_TYPES:
        raise ValueInvalidError("section_type", section_type, f"one of {SECTION_TYPES}")
    _require(paragraphs, ("tokens", "section_type", by, "report_id"), "paragraphs")
    chosen = paragraphs[paragraphs["section_type"] == section_type]
    counts = {g: Counter(t for toks in part["tokens"] for t in toks) for g, part in chosen.groupby(by, sort=True)}
    rows = []
    for group, own in counts.items():
        rest = sum((c for g, c in counts.items() if g != group), Counter())
        n_own, n_rest = sum(own.values()), sum(rest.values())
        part = chosen[chosen[by] == group]
        scored = [
            (term, c, rest[term], math.log2(((c + 0.5) / (n_own + 1)) / ((rest[term] + 0.5) / (n_rest + 1))))
            for term, c in own.items()
            if c >= min_count
        ]
        scored.sort(key=lambda s: (-s[3], -s[1], s[0]))
        reports = "|".join(sorted(part["report_id"].unique()))
        for rank, (term, c, c_rest, ratio) in enumerate(scored[:n], start=1):
            rows.append((group, rank, term, c, n_own, c_rest, n_rest, round(ratio, 6), len(part), reports))
    columns = ["group", "rank", "term", "count", "n_tokens", "count_rest", "n_tokens_rest", "log_ratio",
               "n_paragraphs", "reports"]
    return pd.DataFrame(rows, columns=columns)


def _require(frame: pd.DataFrame, columns: tuple[str, ...], name: str) -> None:
    require_frame(frame, name, columns)
