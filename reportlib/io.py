"""Reading scraped text files: finding them, detecting their encoding, splitting lines.

Line numbers are 1-based and always refer to lines of the original file. Only ``\\r\\n``, ``\\r``
and ``\\n`` end a line (``str.splitlines`` would also split on form feeds and U+2028, which
editors do not count as lines).  ``to_halfwidth`` is `reportlib.conventions.to_halfwidth`,
kept here for existing callers.
"""

from __future__ import annotations

import codecs
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

from .conventions import to_halfwidth  # noqa: F401  (re-exported: reportlib.io.to_halfwidth)
from .errors import InputError

_LINE = re.compile(r"[^\r\n]*(?:\r\n|\r|\n)|[^\r\n]+")
_ENDING = re.compile(r"(?:\r\n|\r|\n)$")
_BINARY_SIGNATURES = {
    b"\x89PNG": "a PNG image",
    b"%PDF": "a PDF document",
    b"PK\x03\x04": "a ZIP archive (or Office document)",
    b"\xff\xd8\xff": "a JPEG image",
    b"GIF8": "a GIF image",
    b"\x7fELF": "an executable",
}


@dataclass(frozen=True)
class Line:
    """One line of a source file: its number, its text without the ending, and the ending."""

    source: str
    number: int
    text: str
    ending: str


@dataclass(frozen=True)
class SourceText:
    """A decoded source file."""

    source: str
    text: str
    encoding: str
    had_bom: bool

    def lines(self) -> list[Line]:
        """Split into `Line` records; joining ``text + ending`` of all lines rebuilds `text`."""
        return [
            Line(self.source, i, m.group(0)[: _ending_start(m.group(0))], m.group(0)[_ending_start(m.group(0)):])
            for i, m in enumerate(_LINE.finditer(self.text), start=1)
        ]


def _ending_start(chunk: str) -> int:
    m = _ENDING.search(chunk)
    return m.start() if m else len(chunk)


def collect_files(paths: str | Path | Iterable[str | Path]) -> list[Path]:
    """Expand files and folders (``*.txt``, recursively, in sorted order) into a list of files.

    Raises `InputError` for a missing path or a folder without text files.
    """
    if isinstance(paths, (str, Path)):
        paths = [paths]
    files: list[Path] = []
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*.txt") if p.is_file())
            if not found:
                raise InputError(path, "folder holds no .txt files")
            files.extend(found)
        elif path.is_file():
            files.append(path)
        else:
            raise InputError(path, "no such file or folder")
    if not files:
        raise InputError("(no paths)", "no input given; expected at least one file or folder")
    return files


def decode_bytes(data: bytes, source: str) -> SourceText:
    """Decode `data` as UTF-8 (with or without BOM), UTF-16 with BOM, or GB18030.

    Raises `InputError` for an empty or binary file and for bytes none of these decode.
    """
    if not data.strip():
        raise InputError(source, "file is empty" if not data else "file holds only white space")
    if data.startswith(codecs.BOM_UTF8):
        return SourceText(source, _strict(data[3:], "utf-8", source), "utf-8-sig", True)
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return SourceText(source, _strict(data, "utf-16", source), "utf-16", True)
    _reject_binary(data, source)
    try:
        return SourceText(source, data.decode("utf-8"), "utf-8", False)
    except UnicodeDecodeError:
        try:
            return SourceText(source, data.decode("gb18030"), "gb18030", False)
        except UnicodeDecodeError as error:
            # GB18030 accepts far more byte sequences than UTF-8; where it fails is the telling place.
            raise InputError(
                source,
                f"cannot decode as UTF-8 or GB18030 (byte 0x{data[error.start]:02x} at offset {error.start})",
            ) from None


def _strict(data: bytes, encoding: str, source: str) -> str:
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        raise InputError(source, f"cannot decode as {encoding} (offset {error.start})") from None


def _reject_binary(data: bytes, source: str) -> None:
    for signature, kind in _BINARY_SIGNATURES.items():
        if data.startswith(signature):
            raise InputError(source, f"binary file ({kind}), not text")
    nul = data.find(b"\x00")
    if nul >= 0:
        raise InputError(source, f"binary file, not text (NUL byte at offset {nul})")


def read_source(path: str | Path) -> SourceText:
    """Read and decode one file; see `decode_bytes`."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except OSError as error:
        raise InputError(path, f"cannot read file ({error.strerror or error})") from None
    return decode_bytes(data, str(path))


def read_sources(paths: str | Path | Sequence[str | Path]) -> list[SourceText]:
    """Collect and decode every input file, failing on the first bad one."""
    return [read_source(p) for p in collect_files(paths)]
