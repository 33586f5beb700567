"""The Chinese font, cut down to the characters a page uses, as a WOFF2 data URL.

A machine without Chinese fonts (a bare Linux box, headless Chromium) shows boxes for every
Chinese character; the explorer embeds this subset so it reads the same everywhere.
"""

from __future__ import annotations

import base64
import functools
import io

#: Always kept: printable ASCII, so digits and Latin letters typed in a search box render.
ASCII = "".join(chr(c) for c in range(0x20, 0x7F))


def woff2_subset(text: str) -> bytes:
    """The project's Chinese font with only the glyphs for the characters of `text`, as WOFF2.

    Deterministic: the same characters give the same bytes (the font's own timestamps are kept).
    The last few subsets are kept in memory (compressing one takes seconds).
    """
    return _subset("".join(sorted({c for c in text if not c.isspace()} | set(ASCII))))


@functools.lru_cache(maxsize=4)
def _subset(characters: str) -> bytes:
    from fontTools import subset

    from reportlib.figures.style import font_path

    options = subset.Options()
    options.flavor = "woff2"
    options.name_IDs = ["*"]
    options.notdef_outline = True
    font = subset.load_font(str(font_path()), options)
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=[ord(c) for c in characters])
    subsetter.subset(font)
    buffer = io.BytesIO()
    subset.save_font(font, buffer, options)
    return buffer.getvalue()


def font_face(text: str, *, family: str) -> str:
    """A CSS ``@font-face`` rule for `family` whose source is the subset of `text` inline."""
    data = base64.b64encode(woff2_subset(text)).decode("ascii")
    return (f'@font-face{{font-family:"{family}";font-style:normal;font-weight:400;'
            f'src:url(data:font/woff2;base64,{data}) format("woff2");}}')
