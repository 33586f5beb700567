"""Splitting decoded sources into noise, reports, sections, paragraphs and sentences.

One line of a scrape is one paragraph.  Each line is classified (blank, noise, title, heading,
body); reports start at title lines, at markers of one report among several (篇一, 第2篇:,
范文三), at a numbered report title followed by its own 一、, at preamble sentences that lead into
a heading, and where top-level numbering restarts (一、 after the current report already had
headings).  Page chrome (navigation bars, download notices, counters, paywall notes, bylines,
journal front matter, a table of contents, a page title repeated before or after the article)
is noise with a reason naming its kind.  Every line ends up in exactly one report or in the
noise, and joining them in order rebuilds the input.

Hard-wrapped text (a PDF copied with a line break every ~24 characters) and headings glued
inside a line are found by `continuations` and `inline_headings`; the source lines themselves
are never changed.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from . import conventions as C
from . import patterns as P
from .conventions import to_halfwidth
from .io import Line
from .rules import DEFAULT_RULES, Rules

_HANZI = re.compile("[\u4e00-\u9fff]")
#: Text after a list marker that starts with one of these continues a sentence cut by the marker.
_SPLIT_SENTENCE_STARTS = ",;:、。)”"
_SENTENCE_SIGNAL = re.compile(f"[{re.escape(P.OPENERS + P.CLOSERS + C.SENTENCE_END_CHARS)}.…]")
_CN_VALUES = C.CN_DIGIT_VALUES
#: Spaces between Chinese characters (where a reader's pinyin glosses were blanked out): not
#: word breaks for the title test.
#: Start reasons that guess a new report from the numbering alone (no title, no marker).
_WEAK_STARTS = ("top-level numbering restarts", "preamble sentence")


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
def noise_patterns() -> tuple[tuple[re.Pattern[str], str, int], ...]:
    """The noise patterns of ``data/noise_patterns.tsv`` as (pattern, reason, max_chars); a row
    without its own limit gets 0, meaning `Rules.max_noise_chars`."""
    text = resources.files("reportlib.data").joinpath("noise_patterns.tsv").read_text("utf-8")
    rows = [r.split("\t") for r in text.splitlines() if r.strip() and not r.startswith("#")]
    return tuple((re.compile(row[0]), row[1], int(row[2]) if len(row) > 2 else 0)
                 for row in rows)


def noise_reason(text: str, *, rules: Rules = DEFAULT_RULES) -> str:
    """Why a line is page chrome ('' if it is not): the reason of the first matching pattern.

    A list bullet (- / · / •) before the line does not hide it: page headers list their metadata;
    nor do spaces between Chinese characters (a masked pinyin gloss, 来    源:), and a masked gloss
    does not split a line into the words of a navigation bar.
    """
    stripped = to_halfwidth(text).strip()
    ungapped = C.drop_gloss_gaps(stripped)  # a masked gloss is no gap between two words
    forms = {ungapped, P.BULLET.sub("", ungapped)}
    forms |= {C.join_hanzi(form) for form in forms}
    for pattern, reason, max_chars in noise_patterns():
        if len(stripped) <= (max_chars or rules.max_noise_chars) and any(pattern.search(form) for form in forms):
            return reason
    return ""


def chinese_number(numeral: str) -> int:
    """Value of a small Chinese or Arabic numeral as used in list markers (一 … 九十九), or of a
    numbered sign (① ⑵ Ⅲ)."""
    if numeral.isdecimal():
        return int(numeral)
    if len(numeral) == 1 and not "\u4e00" <= numeral <= "\u9fff":
        return int(unicodedata.numeric(numeral, 0))
    if "十" in numeral:
        tens, _, units = numeral.partition("十")
        return _CN_VALUES.get(tens, 1) * 10 + _CN_VALUES.get(units, 0) if tens or units else 10
    return _CN_VALUES.get(numeral[-1:], 0)


def classify_line(line: Line, *, rules: Rules = DEFAULT_RULES) -> Classified:
    """Say what one line is; see `Classified`.

    A page counter glued to the start of a line (第1页共7页农村…调研报告) is chrome but the rest is
    report text: the line is classified without the counter, its offsets point after it, and
    `reason` records what was stripped.
    """
    counter = P.PAGE_COUNTER_PREFIX.match(to_halfwidth(line.text))
    if counter and line.text[counter.end():].strip():
        masked = " " * counter.end() + line.text[counter.end():]
        c = _classify(Line(line.source, line.number, masked, line.ending), rules)
        c.line, c.reason = line, f"page counter stripped ({line.text[:counter.end()].strip()})"
        return c
    return _classify(line, rules)


def _classify(line: Line, rules: Rules) -> Classified:
    raw = line.text
    norm = to_halfwidth(raw)
    stripped = norm.strip()
    original = raw.strip()
    if not stripped:
        return Classified(line, "blank")
    reason = noise_reason(raw, rules=rules)
    if reason:
        return Classified(line, "noise", reason=reason)
    piece = _piece_marker(line, norm, rules)
    if piece is not None:
        return piece
    label = P.ORIGINAL_TITLE_LABEL.match(norm)
    if label and len(stripped) <= rules.max_title_chars and not P.TERMINAL_PUNCT.search(stripped):
        return Classified(line, "title", heading=raw[label.end():].strip(), body_offset=len(raw),
                          content_offset=len(raw) - len(raw.lstrip()))
    numbered = _numbered_heading(line, norm)
    if numbered is not None:
        return numbered
    unnumbered = P.TITLE_NUMBER_SUFFIX.sub("", C.join_hanzi(P.PINYIN_GLOSS.sub("", stripped)))
    title_word = P.TITLE.search(unnumbered)
    if _hanzi_count(stripped) >= 2 and len(stripped) <= rules.max_title_chars and \
            not P.TERMINAL_PUNCT.search(unnumbered) and title_word and title_word.start() > 0 and \
            not C.SECTION_NUMBER.match(stripped):
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


def _piece_marker(line: Line, norm: str, rules: Rules) -> Classified | None:
    """篇一 / 【篇二】 / 第3篇: / 范文一 / 精选范文, alone or before the report's title; 一 : before a
    report title.  A word count glued after the title (…调研报告4900字) is not part of it."""
    match = P.PIECE_MARKER.match(norm)
    if match is None:
        colon = P.PIECE_COLON.match(norm)
        if colon is None or not P.TITLE.search(norm[colon.end():].strip()):
            return None
        match = colon
    count = P.WORD_COUNT_SUFFIX.search(norm, match.end())
    end = count.start() if count else len(norm)
    rest = norm[match.end():end].strip()
    if rest and (len(rest) > rules.max_title_chars or P.TERMINAL_PUNCT.search(rest)):
        return None
    if "第" in match.group(0) and rest and ":" not in match.group(0) and \
            not P.TITLE.search(P.TITLE_NUMBER_SUFFIX.sub("", rest)):
        return None  # 第一篇 总论: a part of a book, not one report among several
    number = next((g for g in match.groups() if g), "")
    return Classified(line, "title", style="piece", marker=line.text[:match.end()].strip(),
                      number=chinese_number(number) if number else 0,
                      heading=line.text[match.end():end].strip(), body_offset=len(line.text),
                      content_offset=match.end())


def _numbered_heading(line: Line, norm: str) -> Classified | None:
    for style, pattern in P.HEADING_MARKERS.items():
        match = pattern.match(norm)
        if match is None:
            continue
        rest = norm[match.end():]
        if _hanzi_count(rest[:6]) == 0:
            return None
        if rest.lstrip()[:1] in _SPLIT_SENTENCE_STARTS:
            # 2、,把建立…: a document-sharing site's chunk number cut into a sentence, not a heading
            return Classified(line, "body", body_offset=match.end(), content_offset=match.end(),
                              reason=f"page-chunk number {line.text[:match.end()].strip()} inside a sentence")
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
    """Group classified lines of one source into reports; return (reports, noise lines).

    Lines that continue a hard-wrapped line become body lines (`reason` names the line they
    continue); a numbered report title followed by its own 一、 becomes a title.
    """
    lines = _mark_masthead_debris(_mark_related_articles(lines), rules)
    lines = _join_wrapped_titles(_mark_front_matter_text(_label_values(lines, rules)), rules)
    lines = _mark_navigation_menu(_mark_bulleted_header(_mark_outline(_mark_editors_note(lines), rules)))
    lines = _mark_header_above_breadcrumb(lines, rules)
    lines = _mark_page_titles(_mark_title_copies(lines))
    lines = _mark_masthead_title(lines, rules)
    lines = _mark_listed_titles(_join_wrapped(_mark_author_names(lines, rules), rules))
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
                           content_offset=c.content_offset, reason=c.reason)
        current.lines.append(c)
    reports, noise = _drop_empty_reports(reports, noise, rules)
    return (reports, noise) if reports else _abstract_as_report(noise)


def _join_wrapped_titles(lines: list[Classified], rules: Rules) -> list[Classified]:
    """A title broken by a hard wrap (…存在问题调研报 / 告): the line that ends like a title only
    with the next, short line is the title, and that line continues it."""
    marked = list(lines)
    for index, c in enumerate(lines[:-1]):
        following = lines[index + 1]
        if c.kind not in ("heading", "body") or c.style not in ("", "plain") or c.item_marker or \
                following.kind not in ("heading", "body") or following.marker:
            continue
        head, tail = (to_halfwidth(x.line.text).strip() for x in (c, following))
        joined = head + tail
        if not 0 < len(tail) <= 3 or len(joined) > rules.max_title_chars or P.TITLE.search(head) or \
                P.TERMINAL_PUNCT.search(joined) or not P.TITLE.search(joined):
            continue
        indent = len(c.line.text) - len(c.line.text.lstrip())
        marked[index] = Classified(c.line, "title", heading=c.line.text.strip(), body_offset=len(c.line.text),
                                   content_offset=indent, reason="title broken by a hard wrap")
        marked[index + 1] = Classified(following.line, "title", heading=following.line.text.strip(),
                                       body_offset=len(following.line.text), content_offset=0,
                                       reason=f"continues line {c.line.number} (hard wrap)")
    return marked


def _label_values(lines: list[Classified], rules: Rules) -> list[Classified]:
    """来源: on one line and 四川日报 on the next: the value of a metadata label is chrome too;
    so is the paragraph under a front-matter label alone on its line (作者简介:, 摘要:).  A report
    title under a label (内容预览: above 关于…的调查与思考) is the report's, never a label's value."""
    marked = list(lines)
    for index, c in enumerate(lines[:-1]):
        following = lines[index + 1]
        label = to_halfwidth(c.line.text).strip()
        front_matter = c.reason == "journal front matter" and len(label) <= 8
        # the label alone on its line (发布时间:2024-08-14 阅读: ends on an empty counter instead)
        alone = ":" not in label[:-1] and len(label) <= rules.max_label_chars
        dated = re.search(r"(日期|时间)\s*:$", label) is not None  # 发布日期: takes a date, not a title
        if dated and not re.search(r"\d", following.line.text):
            continue
        if c.kind == "noise" and label.endswith(":") and alone and \
                following.kind in ("heading", "body") and not following.marker and \
                (front_matter or len(following.line.text.strip()) <= rules.max_label_value_chars or
                 to_halfwidth(following.line.text).lstrip().startswith("《")):  # 《某某论坛》2024年第1期,…
            marked[index + 1] = _as_noise(following, f"{c.reason} (value of the label above)")
    return marked


#: The longest line a related-articles box lists as a title of another page.
_MAX_LISTED_TITLE_CHARS = 40


def _mark_related_articles(lines: list[Classified]) -> list[Classified]:
    """The titles listed under a related-articles box (猜你喜欢, 相关阅读 alone on its line) and the
    replies under a forum's comment thread (全部评论): chrome.  A box ends at the first sentence, a
    line too long for a title, or a title followed by its own text (the next report of a scrape);
    a comment thread, whose replies are sentences, only at such a title."""
    marked = list(lines)
    box = ""
    for index, c in enumerate(lines):
        text = to_halfwidth(c.line.text).strip()
        if c.kind == "noise":
            header = C.join_hanzi(text)
            box = "comments" if P.COMMENT_THREAD.match(header) else \
                "related" if P.RELATED_ARTICLES.match(header) else box
            continue
        if not box or c.kind == "blank":
            continue
        following = _next_content(index, lines)
        opens_text = c.kind in ("title", "heading") and following is not None and _is_sentence(following)
        if box == "comments":
            ends = opens_text and c.kind == "title"
        else:
            ends = _is_sentence(c) or opens_text or len(text) > _MAX_LISTED_TITLE_CHARS or \
                bool(P.TERMINAL_PUNCT.search(text))
        if ends:
            box = ""
            continue
        marked[index] = _as_noise(c, "comment thread (readers' replies)" if box == "comments"
                                  else "related-articles list (titles of other pages)")
    return marked


#: The longest line of masthead debris (365w, +, a run of emoji) and of a site's name repeated.
_MAX_DEBRIS_CHARS = 12
#: Digits with spaces and punctuation only (2022 2): a number the scrape damaged, text of the report.
_DAMAGED_NUMBER = re.compile(r"[\d\s.,:;/%()\-]+")


def _mark_masthead_debris(lines: list[Classified], rules: Rules) -> list[Classified]:
    """Before the text begins: a short line without a Chinese character (365w, +, a run of emoji;
    not digits alone, which are a damaged number), a short line that stands there three times or
    more (a site's name between spam), a site's name alone between two lines of chrome and a row
    of menu items between bars."""
    masthead = _masthead(lines, rules)
    counts = Counter(to_halfwidth(c.line.text).strip() for c in masthead if c.kind != "blank")
    marked = list(lines)
    for index, c in enumerate(masthead):
        text = to_halfwidth(c.line.text).strip()
        if c.kind in ("blank", "noise") or c.marker or \
                (len(text) > _MAX_DEBRIS_CHARS and not P.BAR_MENU.fullmatch(text)):
            continue
        if not _hanzi_count(text) and not _DAMAGED_NUMBER.fullmatch(text):
            marked[index] = _as_noise(c, "masthead debris (a short line without Chinese text)")
        elif counts[text] >= 3:
            marked[index] = _as_noise(c, "masthead line repeated (a site's name)")
        elif P.BAR_MENU.fullmatch(text):
            marked[index] = _as_noise(c, "navigation bar (items between bars)")
        elif len(C.join_hanzi(text)) <= _MAX_SITE_NAME_CHARS and not P.TITLE.search(text) and \
                not _mostly_personal_names(_names_text(c)) and _between_chrome(index, lines):
            marked[index] = _as_noise(c, "site name between page chrome")
    return marked


def _mark_header_above_breadcrumb(lines: list[Classified], rules: Rules) -> list[Classified]:
    """The lines above a breadcrumb before the text begins (a site's name, its menus): a page's
    header ends with its breadcrumb."""
    masthead = _masthead(lines, rules)
    breadcrumb = next((i for i, c in enumerate(masthead) if c.kind == "noise" and "breadcrumb" in c.reason), 0)
    return [_as_noise(c, "page header above the breadcrumb") if i < breadcrumb and c.kind not in ("blank", "noise")
            else c for i, c in enumerate(lines)]


#: The longest site name standing alone between two lines of chrome (大国新村 between the site's
#: links and its breadcrumb); a title is longer or has a genre word, an author's name is a byline.
_MAX_SITE_NAME_CHARS = 8


def _between_chrome(index: int, lines: list[Classified]) -> bool:
    above = next((x for x in reversed(lines[:index]) if x.kind != "blank"), None)
    below = next((x for x in lines[index + 1:] if x.kind != "blank"), None)
    return all(x is not None and x.kind == "noise" for x in (above, below))


_FRONT_MATTER_VALUE = "journal front matter (value of the label above)"


def _mark_front_matter_text(lines: list[Classified]) -> list[Classified]:
    """The text of a journal's abstract or keywords: the line after a front-matter label alone on
    its line (摘要, [摘  要], 关键词; blank lines between), and a paragraph with no label that stands
    between two lines of front matter (an affiliation above, the keywords below)."""
    marked = list(lines)
    text_lines = [k for k, c in enumerate(lines) if c.kind != "blank"]
    for position, k in enumerate(text_lines):
        c = lines[k]
        above = lines[text_lines[position - 1]] if position > 0 else None
        below = lines[text_lines[position + 1]] if position + 1 < len(text_lines) else None
        if c.kind not in ("heading", "body") or c.marker:
            continue
        label_above = above is not None and above.kind == "noise" and \
            bool(P.FRONT_MATTER_LABEL.match(C.join_hanzi(to_halfwidth(above.line.text))))
        between = all(x is not None and x.kind == "noise" and "journal front matter" in x.reason
                      for x in (above, below))
        if label_above or between:
            marked[k] = _as_noise(c, _FRONT_MATTER_VALUE if label_above else
                                  "journal front matter (between two of its lines)")
    return marked


_PAGE_TITLE_REPEATED = "page title repeated before the article's title"
_PAGE_SUMMARY = "page summary above the document's title"


def _mark_page_titles(lines: list[Classified]) -> list[Classified]:
    """The page's own heading above the document's title is chrome.

    Document and essay sites print the title (or the title turned into a question, …有哪些实用
    模板) as the page heading, then chrome (a date line, an editor's lead-in, a download
    button), then the document with its own title.  A title or short unpunctuated line with
    chrome below it is the page's heading when the next text line is a title or begins with the
    same words; the last copy, next to the text, is the report's.
    """
    marked = list(lines)
    for index, c in enumerate(lines):
        if c.style == "piece" and c.heading:
            following = _next_content(index, lines)
            if following is not None and following.kind == "body" and _begins_with(following, c):
                marked[index] = _as_noise(c, _PAGE_TITLE_REPEATED)  # 第1篇 X, then X glued to its text
            continue
        if c.kind not in ("title", "heading") or c.style not in ("", "plain"):
            continue
        between, following = _chrome_then_content(index, lines)
        if following is None:
            continue
        at = index + 1 + len(between)
        again = _next_content(at, lines) if following.kind == "body" else None
        if c.kind == "title" and again is not None and again.kind == "title" and _same_title(c, again):
            # the title, a paragraph of the page's description, then the document with its title
            marked[index] = _as_noise(c, _PAGE_TITLE_REPEATED)
            marked[at] = _as_noise(following, _PAGE_SUMMARY)
            continue
        if _begins_with(following, c) and following.line.text.strip() != c.line.text.strip():
            marked[index] = _as_noise(c, _PAGE_TITLE_REPEATED)  # glued to the text below
            continue
        if following.kind == "title" and following.style != "piece" and _same_title(c, following):
            marked[index] = _as_noise(c, _PAGE_TITLE_REPEATED)  # the same title twice in a row
            continue
        if not any(x.kind == "noise" for x in between):
            continue
        if _begins_with(following, c) or (following.kind == "title" and _same_title(c, following)):
            marked[index] = _as_noise(c, _PAGE_TITLE_REPEATED)
        elif following.kind == "title" and following.style != "subtitle" and not _under_numbered_heading(index, lines):
            marked[index] = _as_noise(c, "page heading above the document's title")
    return marked


_EDITORS_NOTE_LINES = 3


def _mark_editors_note(lines: list[Classified]) -> list[Classified]:
    """The paragraphs under an editor's note label (编者按 or 开栏语 alone on its line) are the
    editor's, up to the one that announces the column (即日起本报开设…栏目, 敬请关注), within
    `_EDITORS_NOTE_LINES` lines; where no line announces it, the article's text may follow the
    label directly and only the label is chrome."""
    def words(c: Classified) -> str:
        return C.join_hanzi(C.drop_gloss_gaps(to_halfwidth(c.line.text)))

    marked = list(lines)
    for index, c in enumerate(lines):
        if c.kind != "noise" or not P.EDITORS_NOTE_LABEL.match(words(c)):
            continue
        below = [k for k in range(index + 1, len(lines)) if lines[k].kind != "blank"][:_EDITORS_NOTE_LINES]
        end = next((k for k in below
                    if lines[k].kind != "noise" and P.COLUMN_ANNOUNCEMENT.search(words(lines[k]))), None)
        for k in below:
            if end is None or k > end:
                break
            if lines[k].kind != "noise":
                marked[k] = _as_noise(lines[k], "editor's note")
    return marked


_BETWEEN_TITLE_COPIES = "between the page's heading and the document's title"
#: Sentences a news page may print between its heading and the article's own title (the lead).
_MAX_LEAD_SENTENCES = 2
#: How many lines above a title its page copy may stand (a journal mirror's masthead runs to 30).
_MAX_TITLE_COPY_DISTANCE = 60


def _mark_title_copies(lines: list[Classified]) -> list[Classified]:
    """A page heading that the document repeats as its title further down, with no sentence
    between (only chrome, bylines, affiliations, stray marks) or, at the top of the page, a news
    lead of at most `_MAX_LEAD_SENTENCES` sentences: the first copy and every line between are
    chrome, the last copy opens the report.

    A copy may differ a little (a site shortens the title for its heading, or the second copy
    carries a label 原标题:); see `_title_variant`.  Where the document's own title block has a main
    title above the repeated line (the page headed with the subtitle), the block starts there.
    Lines with a heading number or a piece marker (a table of contents and the reports it lists)
    are left to the other rules.
    """
    marked = list(lines)
    keys = [_title_key(c) for c in lines]
    first_text = next((k for k, c in enumerate(lines) if c.kind not in ("blank", "noise")), len(lines))
    kept: set[int] = set()  # copies that open the document (its title and subtitle)
    for j, key in enumerate(keys):
        if not key:
            continue
        for k in _split_copy(j, keys, lines):
            marked[k] = _as_noise(lines[k], _PAGE_TITLE_REPEATED)
        sentences = 0
        for i in range(j - 1, max(-1, j - 1 - _MAX_TITLE_COPY_DISTANCE), -1):
            earlier = lines[i]
            if _is_sentence(earlier):
                sentences += 1
            if sentences > _MAX_LEAD_SENTENCES or earlier.marker or earlier.style == "piece":
                break
            if earlier.kind in ("blank", "noise") or not _title_variant(keys[i], key):
                continue
            if sentences and i > first_text:
                break  # a news lead between two copies only at the top of the page
            if _lists_titles(i, j, keys, lines):
                break  # a list of the reports' titles: a table of contents (see _drop_reason)
            start = _title_block_start(i, j, lines)
            kept.update((start, j))
            for k in range(i, start):
                if marked[k].kind not in ("blank", "noise") and k not in kept:
                    reason = _PAGE_TITLE_REPEATED if k == i else \
                        _PAGE_SUMMARY if _is_sentence(lines[k]) else _BETWEEN_TITLE_COPIES
                    marked[k] = _as_noise(lines[k], reason)
            break
    return marked


_MAX_SPLIT_WORD_CHARS = 6


def _split_copy(copy: int, keys: list[str], lines: list[Classified]) -> list[int]:
    """The lines of a copy of the title split into words, one per line (机关 / 党支部 / 建设 / …),
    above `lines[copy]` (blank lines, chrome and whole copies between): their indexes, or [].
    `keys` are the lines' `_title_key`s."""
    key = keys[copy]
    position = copy - 1
    while position >= 0 and (lines[position].kind in ("blank", "noise") or _title_variant(keys[position], key)):
        position -= 1
    run: list[int] = []
    words = ""
    while position >= 0 and len(words) < len(key):
        c = lines[position]
        if c.kind == "blank":
            position -= 1
            continue
        piece = C.words_only(c.line.text)
        if c.kind == "noise" or c.marker or not piece or len(piece) > _MAX_SPLIT_WORD_CHARS:
            break
        run.append(position)
        words = piece + words
        position -= 1
    # the heading may leave out a masked place before the title (X区公立医院… → 公立医院…)
    whole = words == key or (key.endswith(words) and 4 * len(words) >= 3 * len(key))
    return run if len(run) >= 2 and whole else []


def _lists_titles(first: int, copy: int, keys: list[str], lines: list[Classified]) -> bool:
    """Whether a line between two copies of a title comes again after the text below the second
    (not in the second's own title block, as a subtitle does): the first copy is then an entry
    of a list of titles, each repeated by its report.  `keys` are the lines' `_title_key`s."""
    end = min(len(lines), copy + 1 + _MAX_TITLE_COPY_DISTANCE)
    text = next((k for k in range(copy + 1, end) if _is_sentence(lines[k])), end)
    below = [key for key in keys[text:end] if key]
    return any(_title_variant(keys[k], key) for k in range(first + 1, copy) for key in below)


def _title_key(c: Classified) -> str:
    """The words of a line that can be a title (not blank, chrome, a sentence or a numbered
    heading), without a label 原标题:, a column tag before it (【…】), a piece number or a site's
    suffix; '' for other lines."""
    if c.kind in ("blank", "noise") or c.marker or c.style == "piece" or _is_sentence(c):
        return ""
    text = P.COLUMN_TAG.sub("", P.ORIGINAL_TITLE_LABEL.sub("", to_halfwidth(c.line.text).strip()))
    words = re.sub("的", "", C.words_only(P.TITLE_NUMBER_SUFFIX.sub("", C.drop_gloss_gaps(text))))
    return words if len(words) >= 8 else ""


def _title_variant(a: str, b: str) -> bool:
    """Two copies of one title: the shorter at least three quarters as long as the longer, and
    inside it or read in order inside it (a heading that leaves out a quoted phrase)."""
    if not a or not b:
        return False
    short, long = sorted((a, b), key=len)
    if 4 * len(short) < 3 * len(long):
        return False  # a line of a title wrapped over several lines is not a copy of it
    if short in long:
        return True
    letters = iter(long)
    return all(ch in letters for ch in short)


def _title_block_start(first: int, copy: int, lines: list[Classified]) -> int:
    """Where the document's title block ends by `lines[copy]` starts: at a main title directly
    above it (blank lines aside), else at the copy itself; not at a list of names or at a line
    that names a whole report."""
    start = copy
    for k in range(copy - 1, first, -1):
        c = lines[k]
        if c.kind == "blank":
            continue
        text = C.drop_gloss_gaps(to_halfwidth(c.line.text))
        if c.kind in ("title", "heading") and c.style in ("", "plain") and not c.marker and \
                _hanzi_count(text) >= 6 and not P.NAMES_ONLY.match(text) and \
                not P.REPORT_TITLE_END.search(text.strip()):
            start = k
        break
    return start


def _under_numbered_heading(index: int, lines: list[Classified]) -> bool:
    """Whether the text line above `lines[index]` (blank lines and chrome aside) is a numbered
    heading (三、调查对象): the line is then that heading's text, not a page's heading."""
    above = next((c for c in reversed(lines[:index]) if c.kind not in ("blank", "noise")), None)
    return above is not None and above.kind == "heading" and bool(above.marker) and above.style != "plain"


def _begins_with(line: Classified, title: Classified) -> bool:
    """Whether `line` begins with the words of `title` (punctuation, spaces, a report marker such as
    第1篇, a page-chunk number 1、 or a bare 1 glued to the title, and a leading year aside)."""
    x, y = (re.sub(r"^\d{4}年?", "", C.words_only(text))
            for text in (P.TITLE_NUMBER_SUFFIX.sub("", P.PIECE_MARKER.sub("", to_halfwidth(title.line.text).strip())),
                         C.ANY_LIST_MARKER.sub("", to_halfwidth(line.line.text), count=1)))
    unnumbered = re.sub(r"^\d{1,3}(?=[\u4e00-\u9fff])", "", y)  # a page number glued on: 1某市…
    return len(x) >= 6 and (y.startswith(x) or unnumbered.startswith(x))


def _mark_outline(lines: list[Classified], rules: Rules) -> list[Classified]:
    """The lines under a table-of-contents label (目录, 提纲, 目录/提纲:……) up to the first sentence,
    or up to the first entry the page gives again (the text begins and repeats them): the report's
    headings listed by the site, or the titles of the reports of a collection."""
    marked = list(lines)
    for index, c in enumerate(lines):
        if c.kind != "noise" or c.reason != "table of contents":
            continue
        entries: set[str] = set()
        for position in range(index + 1, len(lines)):
            x = lines[position]
            text = to_halfwidth(x.line.text).strip()
            key = C.words_only(text)
            if x.kind == "blank" or (x.kind == "noise" and x.reason == "table of contents"):
                continue
            if x.kind == "noise" or key in entries or len(text) > rules.max_title_chars or \
                    P.TERMINAL_PUNCT.search(text):
                break
            entries.add(key)
            marked[position] = _as_noise(x, "table of contents")
    return marked


def _mark_navigation_menu(lines: list[Classified]) -> list[Classified]:
    """Three or more bulleted short lines in a row before the first sentence (• 工作总结 / • 工作计划
    / • 心得体会): a site's menu of sections, chrome."""
    first_sentence = next((i for i, c in enumerate(lines) if _is_sentence(c)), len(lines))
    marked = list(lines)
    run: list[int] = []
    for index, c in enumerate([*lines[:first_sentence], None]):
        if c is not None and c.kind == "blank":
            continue
        item = None if c is None else P.BULLET.sub("", to_halfwidth(c.line.text).strip(), count=1)
        if c is not None and P.BULLET.match(to_halfwidth(c.line.text).strip()) and \
                len(item) <= _MAX_MENU_ITEM_CHARS and not P.TERMINAL_PUNCT.search(item):
            run.append(index)  # items already found to be chrome count towards the menu too
            continue
        if len(run) >= 3:
            for i in run:
                if marked[i].kind != "noise":
                    marked[i] = _as_noise(lines[i], "navigation menu (a bulleted list of site sections)")
        run = []
    return marked


#: A menu item of a site's navigation is a section name of a few words.
_MAX_MENU_ITEM_CHARS = 12


def _mark_bulleted_header(lines: list[Classified]) -> list[Classified]:
    """A bulleted line (- 书名) directly above bulleted page metadata (- 主编, - 8908字) is part of
    the page header: scrapes render a page's header as a list, and a title in it names the
    book or site, the document's own title follows the list."""
    marked = list(lines)
    for index, c in enumerate(lines):
        following = next((x for x in lines[index + 1:] if x.kind != "blank"), None)
        if c.kind in ("title", "heading") and P.BULLET.match(c.line.text.strip()) and \
                following is not None and following.kind == "noise" and \
                P.BULLET.match(following.line.text.strip()):
            marked[index] = _as_noise(c, f"page header (a bulleted list above {following.reason})")
    return marked


def _masthead(lines: list[Classified], rules: Rules) -> list[Classified]:
    """The lines before the text begins: up to the first sentence, numbered heading or marker."""
    masthead = []
    for c in lines[:rules.max_masthead_lines]:
        if _is_sentence(c) or (c.kind == "heading" and c.style != "plain") or c.style == "piece":
            break
        masthead.append(c)
    return masthead


def _mark_masthead_title(lines: list[Classified], rules: Rules) -> list[Classified]:
    """A long title (主标题——副标题, or with 、 and :) before the text begins, where no line of the
    masthead is a title yet: its first line without sentence punctuation with enough Chinese."""
    masthead = _masthead(lines, rules)
    if any(c.kind == "title" for c in masthead):
        return lines
    marked = list(lines)
    for index, c in enumerate(masthead):
        text = to_halfwidth(c.line.text).strip()
        if c.kind in ("body", "heading") and not c.marker and len(text) <= rules.max_long_title_chars and \
                _hanzi_count(text) >= rules.min_long_title_hanzi and index + 1 < len(lines):
            marked[index] = Classified(c.line, "title", heading=c.line.text.strip(), body_offset=len(c.line.text),
                                       content_offset=len(c.line.text) - len(c.line.text.lstrip()), reason=c.reason)
            break
    return marked


def _is_sentence(c: Classified) -> bool:
    """A body line with sentence punctuation and words (not a stray ? left by the scrape)."""
    return c.kind == "body" and bool(P.TERMINAL_PUNCT.search(to_halfwidth(c.line.text))) and \
        _hanzi_count(c.line.text) >= 2


def _mark_author_names(lines: list[Classified], rules: Rules) -> list[Classified]:
    """A line of personal names only (王某某 / 张某 李某) next to the title, before any text.

    In the masthead (before the first body line or numbered heading, within
    `rules.max_masthead_lines`) where that masthead has a title or the names stand directly above
    journal front matter (摘要:, 关键词:), so a short heading of a text without a title is never
    taken for a name; and anywhere right under a title (and its subtitle) when at least half of the
    names are personal names (a common surname, two or three characters, no place suffix).
    """
    masthead = _masthead(lines, rules)
    titled = any(c.kind == "title" for c in masthead)
    marked = list(lines)
    for index, c in enumerate(lines):
        if index >= len(masthead) and (c.kind in ("blank", "noise") or not _under_title(index, lines)):
            continue
        names = _names_text(c)
        under_title = _under_title(index, lines) and _mostly_personal_names(names)
        if index < len(masthead):
            placed = titled or _before_front_matter(index, lines) or _is_lone_byline(index, lines) or under_title
        else:
            placed = under_title
        if placed and c.kind in ("heading", "title", "body") and not c.marker and c.style != "piece" and \
                P.NAMES_ONLY.match(names) and not P.HEADING_WORD.search(names) and not _names_a_place(names) and \
                not P.TITLE.search(c.line.text.strip()) and not _repeats_a_line_above(index, lines):
            above = next((x for x in reversed(marked[:index]) if x.kind != "blank"), None)
            in_breadcrumb = above is not None and above.kind == "noise" and \
                ("navigation" in above.reason or "breadcrumb" in above.reason)
            marked[index] = _as_noise(c, "breadcrumb navigation (section name)" if in_breadcrumb
                                      else "byline (names before or after the title)")
    return marked


@lru_cache(maxsize=1)
def surnames() -> frozenset[str]:
    """Common surnames (``data/surnames.txt``), single characters and compound ones."""
    text = resources.files("reportlib").joinpath("data/surnames.txt").read_text(encoding="utf-8")
    return frozenset(word for line in text.splitlines() if not line.startswith("#") for word in line.split())


def _is_lone_byline(index: int, lines: list[Classified]) -> bool:
    """王某某 (or 林 某 黄某某 占某某) alone as the page's first text line, directly above a sentence:
    the authors' names.

    Only names of two or three characters (a spaced 林 某 counts as two) that do not end like a
    place (李家村); a lone name must start with a common surname, and of several names one must
    (surnames that begin words of the genre, 向 or 安, are not in the list), so a short heading is
    not taken for a name."""
    c = lines[index]
    text = _names_text(c).strip()
    names = P.NAME.findall(text)
    if c.kind not in ("heading", "title") or not P.NAMES_ONLY.match(text) or not names or \
            not all(2 <= len(re.sub(r"\s+", "", name)) <= 3 for name in names) or \
            not (all if len(names) == 1 else any)(_is_personal_name(name) for name in names):
        return False
    if any(x.kind not in ("blank", "noise") for x in lines[:index]):
        return False
    following = _next_content(index, lines)
    return following is not None and following.kind == "body" and \
        bool(P.TERMINAL_PUNCT.search(to_halfwidth(following.line.text)))


def _names_a_place(text: str) -> bool:
    """Whether a 'name' of the line ends like a place (王家村, 李庄镇): a place, not an author."""
    return any(re.sub(r"\s+", "", name)[-1:] in _PLACE_SUFFIXES for name in P.NAME.findall(text))


def _mostly_personal_names(text: str) -> bool:
    names = P.NAME.findall(text)
    return bool(names) and 2 * sum(_is_personal_name(n) for n in names) >= len(names)


def _under_title(index: int, lines: list[Classified]) -> bool:
    """Whether `lines[index]` stands right under a title, or under a title and its subtitle (blank
    lines aside): where a page prints the authors' names."""
    above = [c for c in reversed(lines[max(0, index - 6):index]) if c.kind != "blank"][:2]
    if not above:
        return False
    if above[0].kind == "title":
        return True
    return len(above) == 2 and above[1].kind == "title" and bool(P.SUBTITLE.match(to_halfwidth(above[0].line.text)))


def _names_text(c: Classified) -> str:
    """A line read as a list of names: glosses and authors' affiliation numbers (王某1.2) left out."""
    return P.NAME_NOTE_MARK.sub("", C.drop_gloss_gaps(to_halfwidth(c.line.text)))


_PLACE_SUFFIXES = "村镇乡县市区省州旗"


def _is_personal_name(name: str) -> bool:
    name = re.sub(r"\s+", "", name)
    return 2 <= len(name) <= 3 and name[-1] not in _PLACE_SUFFIXES and _has_surname(name)


def _repeats_a_line_above(index: int, lines: list[Classified]) -> bool:
    """Whether the line says what a title above it said, punctuation aside (两新党建,大有可为 under
    the page's 两新党建大有可为): a copy of the title, not a list of names."""
    words = C.words_only(lines[index].line.text)
    return any(C.words_only(c.line.text) == words for c in lines[:index]
               if c.kind == "title" or c.reason == _PAGE_TITLE_REPEATED)


def _has_surname(name: str) -> bool:
    """Whether `name` starts with a common surname (单 or 欧阳; 鲍娜仁高娃 too): 非公党建 does not."""
    name = name.strip()
    return name[:1] in surnames() or name[:2] in surnames()


def _before_front_matter(index: int, lines: list[Classified]) -> bool:
    following = next((c for c in lines[index + 1:] if c.kind != "blank"), None)
    return following is not None and following.kind == "noise" and "journal front matter" in following.reason


def _join_wrapped(lines: list[Classified], rules: Rules) -> list[Classified]:
    """Continued lines are body; so is a wrapped paragraph's first line unless it is numbered."""
    joined = continuations(lines, rules=rules)
    firsts = set(joined.values())
    return [Classified(c.line, "body", reason=f"continues line {joined[c.line.number]} (hard wrap)")
            if c.line.number in joined else
            Classified(c.line, "body", reason="first line of a hard-wrapped paragraph",
                       body_offset=c.content_offset, content_offset=c.content_offset)
            if c.line.number in firsts and not c.marker else c for c in lines]


def _mark_listed_titles(lines: list[Classified]) -> list[Classified]:
    """1. 关于…的调研报告 followed by its own 一、: the title of one report in a list of reports."""
    marked = list(lines)
    for index, c in enumerate(lines):
        following = _next_content(index, lines)
        if c.kind == "heading" and c.style != "plain" and P.REPORT_TITLE_END.search(c.heading) \
                and following is not None and following.kind == "heading" \
                and following.style not in ("plain", c.style) and following.number == 1:
            marked[index] = Classified(c.line, "title", style="listed", marker=c.marker, number=c.number,
                                       heading=c.heading, body_offset=c.body_offset,
                                       content_offset=c.content_offset, reason=c.reason)
    return marked


def continuations(lines: list[Classified], *, rules: Rules = DEFAULT_RULES) -> dict[int, int]:
    """Hard wraps: line number → number of the first line of the paragraph it continues.

    A line continues the previous text line when that line does not end a sentence, the line
    itself is not a numbered heading, a report marker or chrome, and either only a page counter
    stands between them (a page break), or the text is hard-wrapped (see `wrap_width`) and the
    previous line fills the width.
    """
    width = wrap_width(lines, rules=rules)
    first: dict[int, int] = {}
    previous: Classified | None = None
    page_break = False
    for c in lines:
        if c.kind == "noise" and c.reason == "page counter":
            page_break = True
            continue
        if c.kind in ("blank", "noise"):
            previous, page_break = None, False
            continue
        if previous is not None and _continues(previous, c, width, page_break, rules):
            first[c.line.number] = first.get(previous.line.number, previous.line.number)
        previous, page_break = c, False
    return first


def _continues(previous: Classified, c: Classified, width: int, page_break: bool, rules: Rules) -> bool:
    text = to_halfwidth(previous.line.text).rstrip()
    if P.SENTENCE_FINAL.search(text) or (c.kind == "heading" and c.style != "plain") or c.style == "piece":
        return False
    return page_break or (width > 0 and len(text) >= width - rules.wrap_slack)


def wrap_width(lines: list[Classified], *, rules: Rules = DEFAULT_RULES) -> int:
    """The width at which a text was hard-wrapped, or 0 if its lines do not share one."""
    lengths = [len(c.line.text.rstrip()) for c in lines if c.kind not in ("blank", "noise")]
    lengths = [n for n in lengths if n >= rules.min_wrap_width]
    if not lengths:
        return 0
    width = max(set(lengths), key=lambda n: (lengths.count(n), n))
    filled = sum(width - rules.wrap_slack <= n <= width for n in lengths)
    return width if filled >= rules.min_wrapped_lines and filled >= rules.min_wrapped_share * len(lengths) else 0


def inline_headings(text: str, *, rules: Rules = DEFAULT_RULES) -> list[tuple[int, str, str, str]]:
    """Headings glued inside a line: (offset of the marker, style, marker, heading text).

    A 一、 counts after a character that is not a numeral (not 其一、, 第一、), 1.1 when followed
    by Chinese text that is not a unit (not 1.3万), (一) after a sentence end, 1、 after Chinese
    text; 一、 and 1、 markers must count up from one in order, so an enumeration elsewhere
    (共有3、4号) is not taken for a heading.

    >>> inline_headings("基层党建的深度剖析一、引言1.1研究背景近年来")
    [(9, 'cn', '一、', '引言'), (13, 'decimal', '1.1', '研究背景近年来')]
    """
    norm = to_halfwidth(text)
    found = []
    expected = {"cn": 1, "arabic": 1}
    for match in P.INLINE_HEADING.finditer(norm):
        style = match.lastgroup
        marker = match.group(style).strip()
        if style in expected:
            if chinese_number(marker[:-1]) != expected[style]:
                continue
            expected[style] += 1
        start = match.start(style) + len(match.group(style)) - len(match.group(style).lstrip())
        found.append((start, style, text[start:start + len(marker)], _inline_heading_text(norm, match.end(), rules)))
    return [h for h in found if h[3]]


def _inline_heading_text(norm: str, start: int, rules: Rules) -> str:
    end = start
    while end < len(norm) and end - start < rules.max_inline_heading_chars:
        if (end > start and P.INLINE_HEADING.match(norm, end)) or P.CLAUSE_END.match(norm, end):
            break
        end += 1
    return norm[start:end].strip()


def _as_noise(c: Classified, reason: str) -> Classified:
    return Classified(c.line, "noise", reason=reason)


def _drop_empty_reports(reports: list[ReportLines], noise: list[Classified], rules: Rules):
    """A 'report' with almost no body text (page chrome, a repeated title) is noise.

    The reason names what it is where that can be told: a table of contents (titles or report
    markers only), the page title repeated before the article's title or as a footer, or a
    byline/masthead before the title.  A source with any text keeps at least its largest
    report, however short, so that a short text is never lost to the noise table.  A report
    opened only by restarted numbering or a preamble sentence (not by a title or a marker)
    continues the report before it when either of the two is short: an untitled opening before
    一、, or a text cut short after its 一、, is report text, not chrome.
    """
    reports = _merge_short_restarts(reports, rules)
    sizes = [_body_hanzi(r) for r in reports]
    # the largest by its body, then by all its text (a title alone beats stray marks)
    biggest = max(sizes, default=0)
    ties = [i for i, size in enumerate(sizes) if size == biggest]
    largest = max(ties, key=lambda i: sum(_hanzi_count(c.line.text) for c in reports[i].lines), default=-1)
    dropped = {i for i, body in enumerate(sizes)
               if body < rules.min_report_hanzi and i != largest and not _is_short_document(reports[i])}
    kept = [r for i, r in enumerate(reports) if i not in dropped]
    for index in sorted(dropped):
        reason = _drop_reason(index, reports, dropped) or \
            f"too little text for a report ({sizes[index]} Chinese characters in its body)"
        noise.extend(_as_noise(c, reason if c.kind != "blank" else "blank line outside any report")
                     for c in reports[index].lines)
    noise.sort(key=lambda c: c.line.number)
    return kept, noise


#: The least Chinese text of an abstract that stands as a page's only text.
_MIN_ABSTRACT_HANZI = 40


def _abstract_as_report(noise: list[Classified]) -> tuple[list[ReportLines], list[Classified]]:
    """A page whose only text is a journal's abstract (a record of an article, a mirror that keeps
    its front matter alone): the abstract is the report, after its label; nothing else is."""
    candidates = [c for c in noise if "journal front matter" in c.reason and _hanzi_count(c.line.text) >=
                  _MIN_ABSTRACT_HANZI and not P.KEYWORDS_LABEL.match(to_halfwidth(c.line.text))]
    if not candidates:
        return [], noise
    abstract = max(candidates, key=lambda c: _hanzi_count(c.line.text))
    label = P.ABSTRACT_LABEL.match(to_halfwidth(abstract.line.text))
    offset = label.end() if label else 0
    body = Classified(abstract.line, "body", body_offset=offset, content_offset=offset,
                      reason="the page's only text: its abstract")
    return [ReportLines("the page's only text: its abstract", [body])], [c for c in noise if c is not abstract]


def _is_short_document(report: ReportLines) -> bool:
    """A short piece with a structure of its own (一、 二、 三、 with text under them, a survey plan
    between two reports; a title, a numbered heading and a sentence under it, where the page cuts
    the text short): a document, not a run of chrome."""
    numbered = [c for c in report.headings if c.marker and c.style != "plain"]
    under = [c for c in report.lines if c.kind == "body" or (c.kind == "heading" and c.style == "plain")]
    if len({c.number for c in numbered}) >= 3 and len(under) >= 2:
        return True
    # a titled text cut short after its first numbered heading: 标题 / 一、… / a sentence under it
    first = next((c for c in report.lines if c.kind != "blank"), None)
    return first is not None and first.kind == "title" and bool(numbered) and \
        any(_is_sentence(c) for c in report.lines if c.line.number > numbered[0].line.number)


def _merge_short_restarts(reports: list[ReportLines], rules: Rules) -> list[ReportLines]:
    merged: list[ReportLines] = []
    for report in reports:
        short = min(_body_hanzi(report), _body_hanzi(merged[-1]) if merged else 0) < rules.min_report_hanzi
        if merged and short and report.start_reason.startswith(_WEAK_STARTS):
            merged[-1].lines.extend(report.lines)
        else:
            merged.append(report)
    return merged


def _body_hanzi(report: ReportLines) -> int:
    return sum(_hanzi_count(c.line.text[c.body_offset:]) for c in report.lines)


def _drop_reason(index: int, reports: list[ReportLines], dropped: set[int]) -> str:
    lines = [c for c in reports[index].lines if c.kind != "blank"]
    titles = [c for c in lines if c.kind == "title" and c.style != "subtitle"]
    if titles and len(titles) == len(lines) and (len(titles) >= 2 or titles[0].style == "piece"):
        return "table of contents"
    listed = [c for c in lines if c.kind in ("title", "heading") and P.REPORT_TITLE_END.search(c.heading)]
    if len(listed) >= 2 and all(c.kind in ("title", "heading") for c in lines):
        return "table of contents"
    kept_titles = [(i, c) for i, r in enumerate(reports) if i not in dropped
                   for c in r.lines if c.kind == "title"]
    if any(_same_title(t, c) for t in titles for i, c in kept_titles if i > index):
        return "page title repeated before the article's title"
    if any(_same_title(t, c) for t in titles for i, c in kept_titles if i < index):
        return "title repeated as a footer"
    following = next((reports[i] for i in range(index + 1, len(reports)) if i not in dropped), None)
    if following is not None and all(i in dropped for i in range(index)) and \
            following.lines[0].kind == "title":
        return "byline or masthead before the title"
    return ""


def _same_title(a: Classified, b: Classified) -> bool:
    """The same title, also when a site added its name (…调研报告_某某范文网) or a label (【精选推荐】)
    to it, or wrote it with or without 的 and spaces."""
    x, y = (re.sub(r"[\W_的]+", "", P.TITLE_NUMBER_SUFFIX.sub("", to_halfwidth(c.heading).strip()))
            for c in (a, b))
    return min(len(x), len(y)) >= 6 and (x in y or y in x)


def _start_reason(index: int, lines: list[Classified], current: ReportLines | None, rules: Rules) -> str:
    c = lines[index]
    if c.style == "piece" and not c.heading and current is not None and not _has_content(current) and \
            any(x.kind == "title" for x in current.lines):
        return ""  # 范文一 alone under the title it numbers
    if c.style == "piece":
        return f"report marker ({c.marker})"
    if current is None:
        return "first text line"
    if c.kind == "title" and c.style != "subtitle" and (_has_content(current) or _repeats_title(c, current)):
        return f"numbered report title ({c.marker})" if c.style == "listed" else "title line"
    if c.kind == "title":
        return ""
    above = next((x for x in reversed(lines[:index]) if x.kind != "blank"), None)
    if c.kind == "body" and _has_content(current) and above is not None and above.kind == "noise" and \
            above.reason == _PAGE_TITLE_REPEATED and _begins_with(c, above):
        return "title glued to the text, below the page's copy of it"
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


def _repeats_title(c: Classified, current: ReportLines) -> bool:
    """A title already listed above without text (a table of contents) opens its own report;
    a report marker's title repeated on the next line (篇一 X, then X) is the document's own."""
    return any(x.kind == "title" and x.style != "piece" and _same_title(x, c) for x in current.lines)


def _has_content(report: ReportLines) -> bool:
    return any(c.kind in ("heading", "body") for c in report.lines)


def _next_content(index: int, lines: list[Classified]) -> Classified | None:
    return _chrome_then_content(index, lines)[1]


def _chrome_then_content(index: int, lines: list[Classified]) -> tuple[list[Classified], Classified | None]:
    """The blank and noise lines after `lines[index]`, and the first text line after them (None
    at the end)."""
    for position in range(index + 1, len(lines)):
        if lines[position].kind not in ("blank", "noise"):
            return lines[index + 1:position], lines[position]
    return lines[index + 1:], None


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
