"""The corpus: scraped sources turned into tables of reports, sections, paragraphs, sentences,
noise and scraping damage, each row traceable to its source file and line.

>>> corpus = load("seeds/")                                  # doctest: +SKIP
>>> corpus.reports[["report_id", "start_line", "category"]]  # doctest: +SKIP
"""

from __future__ import annotations

import bisect
import itertools
import re
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Iterable, Sequence

import pandas as pd

from . import annotate, overrides as overrides_mod
from . import patterns as P
from .completeness import truncation_reason
from .errors import ValueInvalidError
from .io import Line, SourceText, read_corpus_sources
from .normalize import normalize_lines
from .rules import DEFAULT_RULES, Rules
from .segment import Classified, ReportLines, classify_line, inline_headings, split_reports, split_sentences

#: Columns of each table, in order; documented in `Corpus`.
COLUMNS = {
    "reports": ["report_id", "short_id", "source", "start_line", "end_line", "n_lines", "title", "label",
                "category", "category_source", "category_evidence", "place", "n_chars",
                "n_paragraphs", "n_sections", "max_depth", "duplicate_of", "duplicate_score",
                "n_redactions", "n_placeholder_years", "n_damage", "truncated", "truncated_reason",
                "start_reason"],
    "sections": ["section_id", "report_id", "source", "line", "offset", "level", "style", "marker",
                 "heading", "parent_id", "path"],
    "paragraphs": ["paragraph_id", "report_id", "source", "line", "end_line", "kind", "marker",
                   "item_marker", "content_offset", "body_offset", "section_id", "section_path",
                   "n_chars", "n_redactions", "note", "text", "norm"],
    "sentences": ["sentence_id", "paragraph_id", "report_id", "source", "line", "start", "end",
                  "text"],
    "noise": ["source", "line", "reason", "text"],
    "damage": ["report_id", "source", "line", "start", "end", "kind", "excerpt", "note"],
    "lines": ["source", "line", "report_id", "kind", "text", "ending"],
    "sources": ["source", "key", "encoding", "had_bom", "n_lines", "n_chars", "placeholder_years"],
    "skipped": ["source", "reason"],
}
#: A numbered heading longer than this probably swallowed the body text after it.
MAX_HEADING_CHARS = 40
#: Zero-padding of line numbers and of report ordinals in ids (wider where a file needs it).
LINE_WIDTH = 5
ORDINAL_WIDTH = 2
#: Noise reasons of the lines that say what a report is about when its own text does not: the
#: journal's abstract and keywords, the page's copy of the title, a summary above it (not the
#: authors' affiliations, which name a university whatever the report is about).
_FRONT_MATTER = re.compile(r"^(?:journal front matter|page title repeated|page summary)")


@dataclass(frozen=True)
class Corpus:
    """Tables of a parsed corpus (pandas DataFrames; line numbers are 1-based lines of the source).

    Identifiers are stable: they depend only on the file a row comes from and its place in that
    file, never on the other files read, so adding, removing or renaming another file changes no
    id. A file is named by its stem (``000_bd97441f39be4d57``; files sharing a stem by as many
    parent folders as it takes, ``2023/report``):

    * report_id ``<stem>#<k>``: the k-th report of the file (``000_bd97441f39be4d57#08``);
    * section_id ``<report_id>-H<line>``, paragraph_id ``<report_id>-L<line>``, sentence_id
      ``<paragraph_id>-S<k>`` (k-th sentence of the line), statistic ids
      ``<paragraph_id>-C<offset>`` (`reportlib.stats`);
    * numbers are zero-padded (k to 2 digits, lines to 5, offsets to 4, wider only where a file
      needs it), so ids sort as strings in reading order.

    Display labels are separate and short: ``short_id`` is ``#08`` in a one-file corpus and
    ``<n>#08`` (n = the file's place among the files read) otherwise, and ``label`` is the
    short id with a title; labels may change when files are added, ids do not.

    reports
        report_id, short_id, source, start_line, end_line, n_lines, title ('' if none), label
        (short display label), category (rural, urban, border, enterprise, university,
        government), category_source ('lexicon' or 'override'), category_evidence (scores and
        cue counts), place ('; '-joined places the report names), n_chars (characters of its
        non-blank lines), n_paragraphs, n_sections, max_depth, duplicate_of ('' or the report_id
        it repeats), duplicate_score (shingle containment with the most similar earlier report),
        n_redactions, n_placeholder_years, n_damage, truncated (True where the text stops
        early), truncated_reason (why: a bare heading at the end, an enumeration with only its
        first item, a last sentence cut off), start_reason (why a report starts at that line).
    sections
        section_id, report_id, source, line, offset (of the marker in the line: 0 for a heading
        line, more for a heading glued inside a long line), level (1 = top), style (cn 一、, paren_cn (一),
        arabic 1、/1., paren_arabic (1), circled ①, chapter 第一部分, plain: an unnumbered short line),
        marker, heading, parent_id, path (markers from the top, ' > '-joined).
    paragraphs
        One row per paragraph of a report: a non-blank line, or the lines of a hard-wrapped
        paragraph joined (PDF text broken every ~24 characters). paragraph_id, report_id,
        source, line (its first line), end_line (its last line), kind
        (title, heading, body), marker (list marker of a heading), item_marker (一是, 二要,
        首先 … opening a body line), content_offset (where text after the marker begins),
        body_offset (where body text after a heading begins; = len(text) for a bare heading),
        section_id, section_path, n_chars, n_redactions, note (what the parser noticed: a page
        counter stripped, a hard wrap joined), text (the line as in the source; for a wrapped
        paragraph its lines joined without separator, so offsets count from its first line), norm
        (its normalised view, of the same length: half-width, simplified script, unified quotes,
        glosses masked, placeholders marked; see `reportlib.normalize`). Every analysis reads
        ``norm``; tables show ``text``.
    sentences
        sentence_id, paragraph_id, report_id, source, line (where the sentence begins), start, end
        (offsets in the paragraph's text: the line's, for a one-line paragraph), text.
    noise
        Lines that belong to no report: source, line, reason, text.
    damage
        Traces of scraping damage, reported and not fixed: report_id, source, line, start, end,
        kind, excerpt, note.
    lines
        Every input line: source, line, report_id ('' for noise), kind, text, ending; joining
        text + ending in order rebuilds each decoded source exactly.
    sources
        source, key (the file's name in ids), encoding, had_bom, n_lines, n_chars,
        placeholder_years (years the scrape overwrote, '; '-joined).
    skipped
        Files found in a folder that could not be read (binary, empty, undecodable): source,
        reason. They are left out; every other file is read.
    """

    reports: pd.DataFrame
    sections: pd.DataFrame
    paragraphs: pd.DataFrame
    sentences: pd.DataFrame
    noise: pd.DataFrame
    damage: pd.DataFrame
    lines: pd.DataFrame
    sources: pd.DataFrame
    skipped: pd.DataFrame

    def drop_duplicates(self) -> "Corpus":
        """The corpus without reports marked as near-duplicates (and their rows)."""
        keep = set(self.reports.loc[self.reports["duplicate_of"] == "", "report_id"])
        tables = {name: _keep(getattr(self, name), keep) for name in
                  ("reports", "sections", "paragraphs", "sentences", "damage")}
        return replace(self, **tables)

    def report_text(self, report_id: str) -> str:
        """The text of one report: its non-blank lines joined by newlines."""
        rows = self.paragraphs[self.paragraphs["report_id"] == report_id]
        if rows.empty:
            raise ValueInvalidError("report_id", report_id, "a report_id of corpus.reports")
        return "\n".join(rows["text"])


def _keep(table: pd.DataFrame, report_ids: set[str]) -> pd.DataFrame:
    return table[table["report_id"].isin(report_ids)].reset_index(drop=True)


def load(paths: str | Path | Sequence[str | Path], *, overrides: str | Path | bool | None = None,
         strict: bool = False, rules: Rules = DEFAULT_RULES) -> Corpus:
    """Parse files and folders (``*.txt`` found recursively, in sorted order) into a `Corpus`.

    `overrides` is a CSV of curated labels (see `reportlib.overrides`); by default an
    ``overrides.csv`` beside the given files or in a given folder is used; pass False to use the
    lexicon alone. `rules` holds the parser's thresholds (`reportlib.rules.Rules`).
    A file found in a folder that cannot be read is skipped and listed in
    ``corpus.skipped`` (with `strict`, it is an error instead). Raises
    `reportlib.errors.InputError` for a missing path, for a bad file named directly, and when
    no file can be read.
    """
    sources, skipped = read_corpus_sources(paths, strict=strict)
    if not isinstance(rules, Rules):
        raise ValueInvalidError("rules", type(rules).__name__, "a reportlib.rules.Rules")
    builder = _Builder(short_prefix=len(sources) > 1, rules=rules)
    for index, source in enumerate(sources, start=1):
        builder.add_source(source, index)
    builder.rows["skipped"] = [dict(source=e.path, reason=e.reason) for e in skipped]
    corpus = builder.finish()
    tables = overrides_mod.find_overrides(paths) if overrides is None else [overrides] if overrides else []
    if tables:
        reports = corpus.reports
        for table in tables:
            reports = overrides_mod.apply(reports, overrides_mod.read(table))
        corpus = replace(corpus, reports=_relabel(reports))
    return corpus


def _relabel(reports: pd.DataFrame) -> pd.DataFrame:
    """Every label starts with its short id (an override gives the text after it)."""
    reports = reports.copy()
    reports["label"] = [label if label.startswith(f"{short} ") else f"{short} {label}"
                        for short, label in zip(reports["short_id"], reports["label"])]
    return reports


class _Builder:
    """Collects rows source by source, then builds the tables."""

    def __init__(self, *, short_prefix: bool = False, rules: Rules = DEFAULT_RULES) -> None:
        self.rules = rules
        self.rows: dict[str, list[dict]] = {name: [] for name in COLUMNS}
        self.report_texts: list[str] = []
        self.short_prefix = short_prefix
        self.line_width = LINE_WIDTH

    def add_source(self, source: SourceText, index: int = 1) -> None:
        lines = source.lines()
        years = annotate.placeholder_years(source.text)
        key = source.key or Path(source.source).stem
        self.rows["sources"].append(dict(
            source=source.source, key=key, encoding=source.encoding, had_bom=source.had_bom,
            n_lines=len(lines), n_chars=len(source.text), placeholder_years="; ".join(sorted(years))))
        views = [n.view for n in normalize_lines([line.text for line in lines])]
        self.views = {line.number: view for line, view in zip(lines, views)}
        classified = [classify_line(Line(line.source, line.number, view, line.ending), rules=self.rules)
                      for line, view in zip(lines, views)]
        reports, noise = split_reports(classified, rules=self.rules)
        # decided on the views; the tables show the original text (also of lines re-marked as
        # noise or title while grouping, which are new objects)
        decided = {id(c): c for c in [*classified, *noise, *(c for r in reports for c in r.lines)]}
        for c in decided.values():
            _restore_original(c, lines[c.line.number - 1], self.views[c.line.number])
        self.line_width = max(LINE_WIDTH, len(str(len(lines))))
        width = max(ORDINAL_WIDTH, len(str(len(reports))))
        owner: dict[int, str] = {}
        previous_end = 0
        for k, report in enumerate(reports, start=1):
            report_id = f"{key}#{k:0{width}d}"
            short_id = f"{index if self.short_prefix else ''}#{k:0{width}d}"
            start = report.lines[0].line.number
            front = "\n".join(self.views[c.line.number] for c in noise
                              if previous_end < c.line.number < start and _FRONT_MATTER.search(c.reason))
            self._add_report(report_id, short_id, report, years, front)
            previous_end = report.lines[-1].line.number
            owner.update({c.line.number: report_id for c in report.lines})
        self.rows["noise"].extend(dict(source=c.line.source, line=c.line.number, reason=c.reason,
                                       text=c.line.text) for c in noise)
        kinds = {c.line.number: c.kind for r in reports for c in r.lines} | {c.line.number: "noise" for c in noise}
        self.rows["lines"].extend(dict(source=line.source, line=line.number, report_id=owner.get(line.number, ""),
                                       kind=kinds[line.number], text=line.text, ending=line.ending)
                                  for line in lines)

    def _add_report(self, report_id: str, short_id: str, report: ReportLines, years: set[str],
                    front_matter: str = "") -> None:
        content = [c for c in report.lines if c.kind != "blank"]
        section_rows = _sections(report_id, content, self.line_width, self.rules)
        self.rows["sections"].extend(section_rows)
        sections: dict[int, dict] = {}
        for row in section_rows:
            sections.setdefault(row["line"], row)
        paragraphs = self._add_paragraphs(report_id, content, sections)
        n_damage = self._add_damage(report_id, content)
        title = " ".join(c.heading for c in content if c.kind == "title" and c.heading)
        body = "\n".join(c.line.text for c in content)
        view = "\n".join(self.views[c.line.number] for c in content)
        title_view = " ".join(_view_of(c.heading, c, self.views[c.line.number]) for c in content if c.kind == "title")
        category, evidence = annotate.categorize(title_view, view, rules=self.rules, front_matter=front_matter)
        places = annotate.find_places(view)
        truncation = truncation_reason(content, section_rows)
        self.report_texts.append(view)
        first, last = report.lines[0].line, report.lines[-1].line
        self.rows["reports"].append(dict(
            report_id=report_id, short_id=short_id, source=first.source, start_line=first.number,
            end_line=last.number, n_lines=len(report.lines), title=title,
            label=_label(short_id, title, places, content),
            category=category, category_source="lexicon", category_evidence=evidence,
            place="; ".join(places), n_chars=sum(len(c.line.text) for c in content),
            n_paragraphs=paragraphs, n_sections=len(sections),
            max_depth=max((s["level"] for s in section_rows), default=0),
            n_redactions=annotate.count_redactions(body),
            n_placeholder_years=annotate.count_placeholder_years(body, years),
            n_damage=n_damage,
            truncated=bool(truncation), truncated_reason=truncation,
            start_reason=report.start_reason))

    def _add_paragraphs(self, report_id: str, content: list[Classified], sections: dict[int, dict]) -> int:
        current = {"section_id": "", "path": ""}
        groups = _paragraph_groups(content)
        for group in groups:
            c = group[0]
            current = sections.get(c.line.number, current)
            paragraph_id = f"{report_id}-L{c.line.number:0{self.line_width}d}"
            text = "".join(x.line.text for x in group)
            view = "".join(self.views[x.line.number] for x in group)
            self.rows["paragraphs"].append(dict(
                paragraph_id=paragraph_id, report_id=report_id, source=c.line.source,
                line=c.line.number, end_line=group[-1].line.number, kind=c.kind, marker=c.marker,
                item_marker=c.item_marker, content_offset=c.content_offset, body_offset=c.body_offset,
                section_id=current["section_id"], section_path=current["path"],
                n_chars=len(text), n_redactions=annotate.count_redactions(text), note=c.reason,
                text=text, norm=view))
            ends = list(itertools.accumulate(len(x.line.text) for x in group))
            for k, (start, end) in enumerate(split_sentences(view, c.content_offset), start=1):
                self.rows["sentences"].append(dict(
                    sentence_id=f"{paragraph_id}-S{k:02d}", paragraph_id=paragraph_id,
                    report_id=report_id, source=c.line.source,
                    line=group[min(bisect.bisect_right(ends, start), len(group) - 1)].line.number,
                    start=start, end=end, text=text[start:end]))
        return len(groups)

    def _add_damage(self, report_id: str, content: list[Classified]) -> int:
        before = len(self.rows["damage"])
        previous_item = ""
        for c in content:
            found = annotate.find_damage(self.views[c.line.number])
            if c.kind == "heading" and c.style != "plain" and len(c.heading) > MAX_HEADING_CHARS:
                found.append((c.content_offset, c.content_offset + len(c.heading), "heading glued to body",
                              f"no full stop within {MAX_HEADING_CHARS} characters after the marker"))
            lost = _lost_item_marker(previous_item, c)
            if lost:
                found.append(lost)
            previous_item = c.item_marker or previous_item if c.kind == "body" else ""
            self.rows["damage"].extend(dict(
                report_id=report_id, source=c.line.source, line=c.line.number, start=a, end=b,
                kind=kind, excerpt=c.line.text[max(0, a - 4):b + 4], note=note) for a, b, kind, note in found)
        return len(self.rows["damage"]) - before

    def finish(self) -> Corpus:
        originals, scores = annotate.find_duplicates(self.report_texts, rules=self.rules)
        reports = self.rows["reports"]
        for row, original, score in zip(reports, originals, scores):
            row["duplicate_of"] = reports[original]["report_id"] if original is not None else ""
            row["duplicate_score"] = score
        return Corpus(**{name: pd.DataFrame(rows, columns=COLUMNS[name]) for name, rows in self.rows.items()})


def _restore_original(c: Classified, line: Line, view: str) -> None:
    """Give a line classified by its normalised view back its original text and heading."""
    c.line = line
    if c.heading:
        at = view.find(c.heading, c.content_offset if c.kind == "heading" else 0)
        c.heading = line.text[at:at + len(c.heading)] if at >= 0 else c.heading


def _view_of(heading: str, c: Classified, view: str) -> str:
    """The normalised view of a heading taken from `c`'s original line."""
    at = c.line.text.find(heading)
    return view[at:at + len(heading)] if at >= 0 else heading


def _paragraph_groups(content: list[Classified]) -> list[list[Classified]]:
    """Lines grouped into paragraphs: a line the parser marked as continuing a hard wrap joins
    the paragraph above it."""
    groups: list[list[Classified]] = []
    for c in content:
        if groups and c.reason.startswith("continues line"):
            groups[-1].append(c)
        else:
            groups.append([c])
    return groups


def _sections(report_id: str, content: Iterable[Classified], line_width: int = 5,
              rules: Rules = DEFAULT_RULES) -> list[dict]:
    """Section rows in reading order: nesting follows the order in which numbering styles appear.

    A heading line gives a section at offset 0; a long line (a page or document glued on one
    line) also gives one for each heading found inside it (`reportlib.segment.inline_headings`).
    """
    stack: list[dict] = []
    rows: list[dict] = []
    for c in content:
        found = [(0, c.style, c.marker, c.heading)] if c.kind == "heading" else []
        if len(c.line.text) >= rules.min_glued_line_chars:
            found += [h for h in inline_headings(c.line.text, rules=rules) if h[0] > 0]
        for offset, style, marker, heading in found:
            while stack and style in [s["style"] for s in stack]:
                if stack.pop()["style"] == style:
                    break
            suffix = f".{offset:04d}" if offset else ""
            row = dict(section_id=f"{report_id}-H{c.line.number:0{line_width}d}{suffix}", report_id=report_id,
                       source=c.line.source, line=c.line.number, offset=offset, level=len(stack) + 1, style=style,
                       marker=marker, heading=heading, parent_id=stack[-1]["section_id"] if stack else "",
                       path=" > ".join([s["marker"] or s["heading"][:8] for s in stack] + [marker or heading[:8]]))
            stack.append(row)
            rows.append(row)
    return rows


def _lost_item_marker(previous: str, c: Classified):
    """'三法律法规…' after '二是…': an enumeration whose 是/要 was lost."""
    if c.kind != "body" or c.item_marker or not previous:
        return None
    expected = P.CN_DIGITS[P.CN_DIGITS.index(previous[0]) + 1] if previous[0] in "一二三四五六七八" else ""
    if expected and c.line.text.lstrip().startswith(expected) and previous[1:2] in "是要":
        offset = c.content_offset
        return (offset, offset + 1, "lost enumeration word",
                f"'{expected}' after '{previous}' without 是/要: an enumeration marker lost a character")
    return None


def _label(short_id: str, title: str, places: list[str], content: list[Classified]) -> str:
    """A short display label: the short id, then the title, else the most local place and the
    first heading, cut to 14 characters."""
    heading = next((c.heading for c in content if c.kind == "heading"), "") or content[0].line.text
    text = (title or f"{places[-1] if places else ''}{heading}").strip()
    return f"{short_id} {text[:14]}{'…' if len(text) > 14 else ''}"
