"""Whether a report stops early: a scrape often cuts a report off at a page boundary.

A report is *truncated* when its text ends

* on a numbered heading with no body after it (the next page would have held the body; a short
  unnumbered last line is a signature or a date more often than a heading);
* inside an enumeration: its last numbered heading opens a list (一、 or (一) or 1、) that never
  reaches a second item, below a heading of a higher level (the top level of a report with a
  single top-level heading counts too);
* mid-sentence: its last line is a long body line (more than `MAX_UNPUNCTUATED_CHARS`
  characters) that ends without sentence-final punctuation, or any body line that ends on a
  comma, enumeration comma or colon.

A short last line without punctuation is not taken for a cut: reports end on a signature, a
date or a slogan. The reason is one readable sentence; '' means the report looks complete.

>>> from reportlib.io import Line
>>> from reportlib.segment import classify_line
>>> lines = [classify_line(Line("x", i, t, "\\n")) for i, t in enumerate(["一、基本情况", "全县有党员1200名。"], 1)]
>>> truncation_reason(lines, [{"level": 1, "style": "cn", "line": 1, "marker": "一、"}])
'enumeration stops after its first item (一、, line 1)'
"""

from __future__ import annotations

from collections.abc import Sequence

#: A body line longer than this that ends without a full stop is a sentence cut off (shorter
#: lines are signatures, dates or slogans, which reports end on without punctuation).
MAX_UNPUNCTUATED_CHARS = 40
#: What a complete last sentence may end with (after closing quotes and brackets are stripped).
SENTENCE_FINAL = "。.!?！？…;；"
CLOSING = "”’」』)）》】\"' \t"
OPEN_ENDINGS = ",，、:："


def truncation_reason(content: Sequence, sections: Sequence[dict]) -> str:
    """Why a report's text stops early, or '' (see the module docstring).

    `content` holds the report's non-blank classified lines (`reportlib.segment.Classified`:
    kind, body_offset, line), `sections` its section rows (level, style, line, marker).
    """
    if not content:
        return ""
    last = content[-1]
    text = last.line.text
    if last.kind == "heading" and last.style != "plain" and not text[last.body_offset:].strip():
        return f"ends on a heading with no body (line {last.line.number})"
    enumeration = _open_enumeration(sections)
    if enumeration:
        return enumeration
    if last.kind == "body":
        stripped = text.rstrip(CLOSING)
        if stripped and stripped[-1] in OPEN_ENDINGS:
            return f"last sentence ends on '{stripped[-1]}' (line {last.line.number})"
        if stripped and stripped[-1] not in SENTENCE_FINAL and len(stripped.strip()) > MAX_UNPUNCTUATED_CHARS:
            return f"last sentence has no closing punctuation (line {last.line.number})"
    return ""


def _open_enumeration(sections: Sequence[dict]) -> str:
    """'enumeration stops after its first item (…)' when the last numbered list has one item."""
    numbered = [s for s in sections if s["style"] not in ("plain", "chapter")]
    if not numbered:
        return ""
    last = numbered[-1]
    siblings = [s for s in numbered if s["level"] == last["level"] and s["style"] == last["style"]
                and s["line"] >= _parent_line(sections, last)]
    if len(siblings) == 1:
        return f"enumeration stops after its first item ({last['marker']}, line {last['line']})"
    return ""


def _parent_line(sections: Sequence[dict], section: dict) -> int:
    """The line of the nearest heading above `section` at a higher level (0 if none)."""
    above = [s["line"] for s in sections if s["line"] < section["line"] and s["level"] < section["level"]]
    return max(above, default=0)
