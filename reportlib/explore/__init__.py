"""One offline HTML page to explore a corpus: reports, terms, search, statistics, topics.

The page is a single file (script, style, data and a font subset inline; nothing fetched from
the network), so it can be sent to a co-author or opened from a USB stick.

>>> corpus = reportlib.load("seeds/")                          # doctest: +SKIP
>>> write_explorer(corpus, "explorer.html", lang="en")         # doctest: +SKIP
>>> show(corpus)                                               # doctest: +SKIP  (in JupyterLab)

Command line: ``reportlib explore PATH... -o explorer.html [--lang zh|en]``.
"""

from __future__ import annotations

import html
import json
import os
import re
import sys
import tempfile
from collections.abc import Sequence
from importlib import resources
from pathlib import Path

from reportlib.figures.glossary import check_lang, load_glossary, translate

from .data import payload
from .font import font_face

__all__ = ["build_explorer", "write_explorer", "show", "main"]

FONT_FAMILY = "ReportlibCJK"
_SLOT = re.compile(r"\{\{(\w+)\}\}")


def _asset(name: str) -> str:
    return (resources.files(__name__) / name).read_text(encoding="utf-8")


def _interface_strings(categories: list[str], dimensions: list[str]) -> dict[str, dict[str, str]]:
    """UI strings (glossary codes ui_*), sector names, dimension and qualifier names, per language."""
    table = load_glossary()
    codes = [c for c in table["code"] if c.startswith(("ui_", "qual_"))]
    codes += categories + [f"dim_{d}" for d in dimensions]
    return {lang: {code: translate(code, lang) for code in codes} for lang in ("zh", "en")}


def _json(value: object) -> str:
    """JSON safe inside a <script> element, with sorted keys (byte-identical for equal input)."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return text.replace("<", "\\u003c").replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def build_explorer(corpus, *, lang: str = "zh") -> str:
    """The explorer page for `corpus` (a `reportlib.Corpus`) as one HTML string.

    `lang` ('zh' or 'en') is the language the page opens in; a toggle switches it. The same
    corpus gives the same bytes.
    """
    check_lang(lang)
    data = payload(corpus)
    dimensions = sorted({d for d in data["statistics"].get("dimension", []) if d})
    data["ui"] = _interface_strings(data["categories"], dimensions)
    data["lang"] = lang
    data_json, script, style = _json(data), _asset("app.js"), _asset("style.css")
    template = _asset("template.html")
    # The font holds what the page shows: not the query-side map of characters (3,000 or more
    # traditional forms a reader may type but the corpus need not contain).
    shown = _json({key: value for key, value in data.items() if key != "char_map"})
    font = font_face(shown + script + template + style, family=FONT_FAMILY)
    slots = {"lang": lang, "title": html.escape(data["ui"][lang]["ui_title"]), "font": font,
             "style": style, "script": script, "data": data_json}
    return _SLOT.sub(lambda m: slots[m.group(1)], template)


def write_explorer(paths_or_corpus, output: str | os.PathLike[str], *, lang: str = "zh") -> Path:
    """Write the explorer of a corpus (or of the files and folders given) to `output`.

    The file is written next to `output` first and moved into place when complete. Returns
    the path written.
    """
    from reportlib.corpus import Corpus, load

    corpus = paths_or_corpus if isinstance(paths_or_corpus, Corpus) else load(paths_or_corpus)
    page = build_explorer(corpus, lang=lang)
    target = Path(output)
    fd, temporary = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent or ".")
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(page)
        os.chmod(temporary, 0o644)  # a page to share: readable like any file the user writes
        os.replace(temporary, target)
    finally:
        if os.path.exists(temporary):
            os.unlink(temporary)
    return target


def show(corpus, *, lang: str = "zh", height: int = 720):
    """The explorer inside a notebook: an ``IPython.display.HTML`` holding an iframe (srcdoc).

    `corpus` is a Corpus, or a page `build_explorer` made already. The page runs in its own
    frame, so its script and style do not touch the notebook's.
    """
    from IPython.display import HTML

    page = corpus if isinstance(corpus, str) else build_explorer(corpus, lang=lang)
    # Wrapped in a div: IPython warns about HTML that starts with <iframe.
    return HTML(f'<div><iframe srcdoc="{html.escape(page, quote=True)}" '
                f'style="width:100%;height:{int(height)}px;border:1px solid #ccc"></iframe></div>')


def main(argv: Sequence[str] | None = None) -> int:
    """``reportlib explore PATH... -o HTML``: the command line's ``explore`` (see `reportlib.cli`)."""
    from reportlib.cli import main as cli_main

    return cli_main(["explore", *(sys.argv[1:] if argv is None else argv)])
