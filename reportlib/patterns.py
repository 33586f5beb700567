"""Regular expressions that recognise the parts of a report, compiled once.

All patterns are applied to text passed through `reportlib.io.to_halfwidth`, so they are
written for half-width digits and punctuation only.  The conventions of the language (numerals,
sentence ends, list markers, placeholders) live in `reportlib.conventions`; this module keeps
the names the segmenter and annotator use, plus the patterns of the report genre (titles,
subtitles, preambles).
"""

from __future__ import annotations

import re

from . import conventions as C

#: Characters of heading and list-item numbers (kept under this name for existing callers).
CN_DIGITS = C.CN_MARKER_CHARS

#: Heading markers by numbering style, in the usual nesting order of Chinese official writing.
HEADING_MARKERS = C.LIST_MARKERS
STYLE_RANK = {name: rank for rank, name in enumerate(HEADING_MARKERS)}

#: Enumerations inside a paragraph: items, not headings.
ITEM_MARKER = C.ITEM_MARKER

#: Where a heading line ends and the body glued to it begins.
HEADING_END = re.compile(r"[。!?;:](?:[”’」』]?)|[.](?=\D)|[.]$")

SENTENCE_END = C.SENTENCE_END
OPENERS = C.OPENERS
CLOSERS = C.CLOSERS
TERMINAL_PUNCT = C.TERMINAL_PUNCT
CLAUSE_PUNCT = C.CLAUSE_PUNCT

#: Report titles: a short line without sentence punctuation ending in a genre word.
TITLE = re.compile(
    r"(?:调研报告|调查报告|考察报告|工作报告|情况报告|报告|的思考|的调查|的调研|的探索|的实践|的启示|"
    r"思考|浅析|浅谈|初探|探析|探索|研究|对策研究|调研|总结|综述|汇报)\s*$"
)

#: A subtitle ("——在…大会上的报告") belongs to the title above it.
SUBTITLE = re.compile(r"^\s*(?:[—-]{1,2}|──)")

#: Preamble sentences that open a report.  STRONG ones open a report before any heading;
#: WEAK ones only directly before a restart of top-level numbering.
STRONG_PREAMBLE = re.compile(
    r"^\s*(?:为了?|根据|按照|依据|遵照|受|应)[^。]{0,80}?"
    r"(?:调研|调查|了解|摸清|掌握|分析|要求|部署|安排|通知|精神|意见)"
)
WEAK_PREAMBLE = re.compile(
    r"^\s*(?:(?:加强|做好|推进|抓好|深化|开展|提升|推动)[^。,]{1,40}是|近年来|近些年来|近几年来|"
    r"当前|目前|今年以来|去年以来|\d{4}年以来|随着)"
)

REDACTION = C.REDACTION
PLACEHOLDER_EVIDENCE = C.PLACEHOLDER_EVIDENCE
placeholder_year_pattern = C.placeholder_year_pattern
