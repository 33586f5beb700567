"""Line classification, report starts, sections and sentences, from golden cases kept as data."""

import json
from pathlib import Path

import pytest

from reportlib.io import Line
from reportlib.segment import classify_line, split_sentences

CASES = Path(__file__).parent / "cases"
LINE_CASES = json.loads((CASES / "line_kinds.json").read_text(encoding="utf-8"))["cases"]
SENTENCE_CASES = json.loads((CASES / "sentences.json").read_text(encoding="utf-8"))["cases"]


@pytest.mark.parametrize("case", LINE_CASES, ids=[c["text"][:12] for c in LINE_CASES])
def test_line_kind(case):
    c = classify_line(Line("x.txt", 1, case["text"], "\n"))
    assert c.kind == case["kind"], c.reason
    if "reason" in case:
        assert case["reason"] in c.reason
    if c.kind in ("heading", "title"):
        assert (c.style if c.kind == "heading" else "") == case["style"]
        assert c.number == case["number"]
        if case["heading"]:
            assert c.heading == case["heading"]


def test_glued_heading_body_offset_points_at_body():
    text = "(一)明确责任,抓好党建制度落实。我市坚持“书记抓、抓书记”"
    c = classify_line(Line("x.txt", 1, text, ""))
    assert text[c.body_offset:].startswith("我市坚持")
    assert text[:c.content_offset] == "(一)"


def test_enumeration_items_are_marked():
    c = classify_line(Line("x.txt", 1, "二要抓好党的基层组织建设。", ""))
    assert (c.kind, c.item_marker) == ("body", "二要")


@pytest.mark.parametrize("case", SENTENCE_CASES, ids=[c["text"][:10] for c in SENTENCE_CASES])
def test_sentences(case):
    text = case["text"]
    assert [text[a:b] for a, b in split_sentences(text)] == case["sentences"]
