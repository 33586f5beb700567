"""The search normalization the explorer ships: the library's own, character by character.

The page searches a normalized view of each paragraph and normalizes the query with the same
character map, so a traditional or full-width query finds simplified or half-width text. The
library's ``reportlib.normalize.normalize`` is used when it exists; otherwise
``reportlib.io.to_halfwidth`` (full-width ASCII and the ideographic space only).
"""

from __future__ import annotations

import functools
from collections.abc import Callable

#: Characters probed for the query-side map: full-width forms, the ideographic space and
#: the CJK Unified Ideographs with extension A (where traditional forms live).
PROBED_RANGES = ((0x3000, 0x3000), (0xFF01, 0xFF5E), (0x3400, 0x4DBF), (0x4E00, 0x9FFF))


def library_normalizer() -> Callable[[str], str]:
    """``reportlib.normalize.normalize`` if that module exists, else ``io.to_halfwidth``."""
    try:
        from reportlib.normalize import normalize
    except ImportError:
        from reportlib.io import to_halfwidth

        return to_halfwidth
    return normalize


def normalizer_name() -> str:
    """'library' when ``reportlib.normalize`` is used, 'halfwidth' for the fallback."""
    from reportlib.io import to_halfwidth

    return "halfwidth" if library_normalizer() is to_halfwidth else "library"


def by_char(text: str) -> str:
    """`text` with each character mapped through :func:`char_map` (what the page does itself)."""
    return text.translate(_table())


@functools.lru_cache(maxsize=1)
def _table() -> dict[int, str]:
    """The library's own character table when it exposes one (``normalize.char_table``), else
    the normalizer probed character by character over `PROBED_RANGES`."""
    try:
        from reportlib.normalize import char_table
    except ImportError:
        return _probed_table()
    return {k: v for k, v in char_table().items() if len(v) == 1 and v != chr(k)
            and k <= 0xFFFF and ord(v) <= 0xFFFF}


def _probed_table() -> dict[int, str]:
    normalize = library_normalizer()
    probe = "".join(chr(c) for a, b in PROBED_RANGES for c in range(a, b + 1))
    mapped = normalize("\n".join(probe)).split("\n")
    if len(mapped) != len(probe):
        mapped = [normalize(c) for c in probe]
    return {ord(c): m for c, m in zip(probe, mapped) if m != c and len(m) == 1}


def char_map() -> tuple[str, str]:
    """(from, to): equal-length strings, each character of `from` normalized to the one in `to`."""
    table = _table()
    keys = sorted(table)
    return "".join(chr(k) for k in keys), "".join(table[k] for k in keys)


def normalized_texts(texts: list[str]) -> list[str]:
    """Each text normalized as the library does, keeping its length (offsets stay valid).

    A text whose library normalization changes its length is mapped character by character.
    """
    normalize = library_normalizer()
    out = []
    for text in texts:
        result = normalize(text)
        out.append(result if len(result) == len(text) else by_char(text))
    return out
