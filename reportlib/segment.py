"""Splitting decoded sources into noise, reports, sections, paragraphs and sentences.

One line of a scrape is one paragraph.  Each line is classified (blank, noise, title, heading,
body); reports start at title lines, at preamble sentences that lead into a heading, and where
top-level numbering restarts (一、 after the current report already had headings).  Every line
ends up in exactly one report or in the noise, and joining them in order rebuilds the input.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from . import conventions as C
from . import patterns as P
from .conventions import to_halfwidth
from .io import Line
from .rules import DEFAULT_RULES, Rules

_HANZI = re.compile("[\u4e00-\u9fff]")
_SENTENCE_SIGNAL = re.compile(f"[{re.escape(P.OPENERS + P.CLOSERS + C.SENTENCE_END_CHARS)}.…]")


@dataclass
class Classified:
    """A source line with what it is: kind, heading style and number, marker, heading text."""

    line: Line
    kind: str  # blank | noise | title | heading | body
    style: str = ""
    number: int = 0
    marker: str = ""
    heading: str = ""
    body_offset: int = 0
    content_offset: int = 0
    item_marker: str = ""
    reason: str = ""


@dataclass
class ReportLines:
    """The lines of one report, and why it starts where it does."""

    start_reason: str
    lines: list[Classified] = field(default_factory=list)

    @property
    def headings(self) -> list[Classified]:
        return [c for c in self.lines if c.kind == "heading"]

    def count(self, kind: str) -> int:
        return sum(c.kind == kind for c in self.lines)


@lru_cache(maxsize=1)
def noise_patterns() -> tuple[tuple[re.Pattern[str], str], ...]:
    """The noise patterns of ``data/noise_patterns.tsv`` as (pattern, reason) pairs."""
    text = resources.files("reportlib.data").joinpath("noise_patterns.tsv").read_text("utf-8")
    rows = [r.split("\t") for r in text.splitlines() if r.strip() and not r.startswith("#")]
    return tuple((re.compile(pattern), reason) for pattern, reason in rows)


def chinese_number(numeral: str) -> int:
    """Value of a small Chinese or Arabic numeral as used in list markers (一 … 九十九)."""
    if numeral.isdigit():
        return int(numeral)
    if "十" in numeral:
        tens, _, units = numeral.partition("十")
        return C.CN_DIGIT_VALUES.get(tens, 1) * 10 + C.CN_DIGIT_VALUES.get(units, 0) if tens or units else 10
    return C.CN_DIGIT_VALUES.get(numeral[-1:], 0)


def classify_line(line: Line, *, rules: Rules = DEFAULT_RULES) -> Classified:
    """Say what one line is; see `Classified`.  Thresholds come from `rules`."""
    raw = line.text
    norm = to_halfwidth(raw)
    stripped = norm.strip()
    original = raw.strip()
    if not stripped:
        return Classified(line, "blank")
    if len(stripped) <= rules.max_noise_chars:
        for pattern, reason in noise_patterns():
            if pattern.search(stripped):
                return Classified(line, "noise", reason=reason)
    numbered = _numbered_heading(line, norm)
    if numbered is not None:
        return numbered
    if _hanzi_count(stripped) >= 2 and len(stripped) <= rules.max_title_chars and \
            not P.TERMINAL_PUNCT.search(stripped) and P.TITLE.search(stripped):
        return Classified(line, "title", heading=original, body_offset=len(raw),
                          content_offset=len(raw) - len(raw.lstrip()),
                          style="subtitle" if P.SUBTITLE.match(stripped) else "")
    item = P.ITEM_MARKER.match(norm)
    if _hanzi_count(stripped) >= 2 and not P.TERMINAL_PUNCT.search(stripped) and not item:
        if len(stripped) <= rules.max_plain_heading_chars and len(P.CLAUSE_PUNCT.findall(stripped.rstrip(":"))) <= 1:
            return Classified(line, "heading", style="plain", heading=original.rstrip(":："),
                              body_offset=len(raw), content_offset=len(raw) - len(raw.lstrip()))
    indent = len(raw) - len(raw.lstrip())
    return Classified(line, "body", item_marker=item.group(0).strip() if item else "",
                      body_offset=indent, content_offset=indent)


def _hanzi_count(text: str) -> int:
    return len(_HANZI.findall(text))


def _numbered_heading(line: Line, norm: str) -> Classified | None:
    for style, pattern in P.HEADING_MARKERS.items():
        match = pattern.match(norm)
        if match is None:
            continue
        rest = norm[match.end():]
        if _hanzi_count(rest[:6]) == 0:
            return None
        end = P.HEADING_END.search(rest)
        heading = line.text[match.end(): match.end() + (end.start() if end else len(rest))]
        body = match.end() + (end.end() if end else len(rest))
        while body < len(norm) and norm[body].isspace():
            body += 1
        number = chinese_number(match.group(1)) if match.groups() else 1
        if style == "chapter":
            number = chinese_number(re.sub(C.NOT_CN_MARKER_CLASS, "", match.group(0)))
        return Classified(line, "heading", style=style, number=number,
                          marker=line.text[: match.end()].strip(), heading=heading.strip(),
                          body_offset=body, content_offset=match.end())
    return None


def split_reports(lines: list[Classified], *, rules: Rules = DEFAULT_RULES
                  ) -> tuple[list[ReportLines], list[Classified]]:
    """Group classified lines of one source into reports; return (reports, noise lines)."""
    reports: list[ReportLines] = []
    noise: list[Classified] = []
    current: ReportLines | None = None
    for index, c in enumerate(lines):
        if c.kind == "noise" or (current is None and c.kind == "blank"):
            noise.append(c if c.kind == "noise" else _as_noise(c, "blank line outside any report"))
            continue
        reason = _start_reason(index, lines, current, rules)
        if reason:
            current = ReportLines(reason)
            reports.append(current)
        if c.style == "plain" and not any(x.kind in ("body", "heading") for x in current.lines):
            c = Classified(c.line, "title", heading=c.heading, body_offset=c.body_offset,
                           content_offset=c.content_offset)
        current.lines.append(c)
    return _drop_empty_reports(reports, noise, rules)


def _as_noise(c: Classified, reason: str) -> Classified:
    return Classified(c.line, "noise", reason=reason)


def _drop_empty_reports(reports: list[ReportLines], noise: list[Classified], rules: Rules):
    """A 'report' with almost no body text (page chrome, a repeated title) is noise.

    A source with any text keeps at least its largest report, however short, so that a short
    text is never lost to the noise table.
    """
    sizes = [sum(_hanzi_count(c.line.text[c.body_offset:]) for c in r.lines) for r in reports]
    largest = sizes.index(max(sizes)) if sizes else -1
    kept = []
    for index, (report, body) in enumerate(zip(reports, sizes)):
        if body < rules.min_report_hanzi and index != largest:
            reason = f"too little text for a report ({body} Chinese characters in its body)"
            noise.extend(_as_noise(c, reason) for c in report.lines)
        else:
            kept.append(report)
    noise.sort(key=lambda c: c.line.number)
    return kept, noise


def _start_reason(index: int, lines: list[Classified], current: ReportLines | None, rules: Rules) -> str:
    c = lines[index]
    if current is None:
        return "first text line"
    if c.kind == "title":
        return "title line" if _has_content(current) and c.style != "subtitle" else ""
    if c.kind == "heading" and _is_restart(c, index, lines, current, rules):
        return f"top-level numbering restarts ({c.marker})"
    if c.kind == "body" and current.headings:
        following = _next_content(index, lines)
        if following is None:
            return ""
        if P.STRONG_PREAMBLE.match(to_halfwidth(c.line.text)) and _opens_report(following, current):
            return "preamble sentence before a heading"
        if P.WEAK_PREAMBLE.match(to_halfwidth(c.line.text)) and following.kind == "heading" and \
                _is_restart(following, index, lines, current, rules):
            return "preamble sentence before restarted numbering"
    return ""


def _has_content(report: ReportLines) -> bool:
    return any(c.kind in ("heading", "body") for c in report.lines)


def _next_content(index: int, lines: list[Classified]) -> Classified | None:
    for position in range(index + 1, len(lines)):
        if lines[position].kind not in ("blank", "noise"):
            return lines[position]
    return None


def _opens_report(following: Classified, current: ReportLines) -> bool:
    """A heading that can be a report's first: 一、/第一部分, or a plain heading after numbered ones."""
    if following.kind != "heading":
        return False
    if following.style in ("cn", "chapter"):
        return following.number == 1
    top = current.headings[0].style if current.headings else ""
    return following.style == "plain" and top != "plain"


def _is_restart(c: Classified, index: int, lines: list[Classified], current: ReportLines,
                rules: Rules) -> bool:
    """一、 (or 第一部分) that begins a new report rather than a section of the current one."""
    if c.style not in ("cn", "chapter") or c.number != 1:
        return False
    headings = current.headings
    if not headings:
        titled = any(x.kind == "title" for x in current.lines)
        return not titled and current.count("body") >= rules.min_body_lines_before_restart
    parent = headings[-1]
    gap = sum(x.kind == "body" for x in current.lines if x.line.number > parent.line.number)
    is_parent = parent.style == "plain" or P.STYLE_RANK.get(parent.style, 99) < P.STYLE_RANK[c.style]
    if not is_parent:
        return True
    return gap >= rules.parent_window and not _nests(parent.style, c.style, headings)


def _nests(parent_style: str, child_style: str, headings: list[Classified]) -> bool:
    """Whether the report already placed `child_style` headings directly under `parent_style` ones."""
    return any(a.style == parent_style and b.style == child_style for a, b in zip(headings, headings[1:]))


def split_sentences(text: str, start: int = 0) -> list[tuple[int, int]]:
    """Sentence spans (start, end) in ``text[start:]``, as offsets into `text`.

    Sentences end at 。!?; …… and at a '.' between non-digits; closing quotes stay with the
    sentence; nothing inside 《…》 or “…” (or ‘…’ 「…」 『…』) ends a sentence.  White space
    around a sentence is left out of its span.

    >>> s = "他说:“好。走吧。”然后走了.第二句"
    >>> [s[a:b] for a, b in split_sentences(s)]
    ['他说:“好。走吧。”然后走了.', '第二句']
    """
    norm = to_halfwidth(text)
    spans: list[tuple[int, int]] = []
    depth = 0
    begin = start
    position = start
    while True:
        found = _SENTENCE_SIGNAL.search(norm, position)
        if found is None:
            break
        position = found.start()
        ch = norm[position]
        if ch in P.OPENERS:
            depth += 1
        elif ch in P.CLOSERS:
            depth = max(0, depth - 1)
        elif depth == 0:
            match = P.SENTENCE_END.match(norm, position)
            if match:
                spans.append((begin, match.end()))
                begin = position = match.end()
                continue
        position += 1
    spans.append((begin, len(norm)))
    return [_trim(norm, a, b) for a, b in spans if norm[a:b].strip()]


def _trim(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b
