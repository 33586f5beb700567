"""Reading scraped text files: finding them, detecting their encoding, splitting lines.

Line numbers are 1-based and always refer to lines of the original file. Only ``\\r\\n``, ``\\r``
and ``\\n`` end a line (``str.splitlines`` would also split on form feeds and U+2028, which
editors do not count as lines).  ``to_halfwidth`` is `reportlib.conventions.to_halfwidth`,
kept here for existing callers.
"""

from __future__ import annotations

import codecs
import re
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, replace
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
    """A decoded source file; `key` names it in report ids (see `source_keys`)."""

    source: str
    text: str
    encoding: str
    had_bom: bool
    key: str = ""

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
    return [path for path, _named in _collect(paths)]


def _collect(paths: str | Path | Iterable[str | Path]) -> list[tuple[Path, bool]]:
    """(file, named directly?) for every input file, each file once, in the order given."""
    if isinstance(paths, (str, Path)):
        paths = [paths]
    files: dict[Path, bool] = {}
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            found = sorted(p for p in path.rglob("*.txt") if p.is_file())
            if not found:
                raise InputError(path, "folder holds no .txt files")
            for p in found:
                files.setdefault(p, False)
        elif path.is_file():
            files[path] = True
        else:
            raise InputError(path, "no such file or folder")
    if not files:
        raise InputError("(no paths)", "no input given; expected at least one file or folder")
    unique: dict[Path, tuple[Path, bool]] = {}
    for path, named in files.items():
        unique.setdefault(path.resolve(), (path, named))
    return list(unique.values())


def source_keys(files: Sequence[Path]) -> list[str]:
    """The name of each file in report ids: its stem (``000_bd97441f39be4d57``).

    Files that share a stem are told apart by as many parent folders as it takes
    (``2023/report``, ``2024/report``), so a file keeps its key whatever other files are read,
    unless one with the same stem is added.
    """
    parts = [Path(f).resolve().with_suffix("").parts for f in files]
    depth = [1] * len(parts)
    while True:
        keys = ["/".join(p[-d:]) for p, d in zip(parts, depth)]
        counts = Counter(keys)
        clashing = [i for i, key in enumerate(keys) if counts[key] > 1 and depth[i] < len(parts[i])]
        if not clashing:
            return keys
        for i in clashing:
            depth[i] += 1


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


def read_sources(paths: str | Path | Sequence[str | Path], *, strict: bool = True) -> list[SourceText]:
    """Collect and decode every input file; see `read_corpus_sources` (this returns the texts only)."""
    return read_corpus_sources(paths, strict=strict)[0]


def read_corpus_sources(paths: str | Path | Sequence[str | Path], *,
                        strict: bool = False) -> tuple[list[SourceText], list[InputError]]:
    """Collect and decode every input file: (sources read, errors of the files skipped).

    A file named directly must be readable (`InputError` otherwise). A file found in a folder
    that cannot be read (binary, empty, undecodable) is skipped and its error returned, unless
    `strict`, when the first bad file raises. When no file at all can be read, the first
    error is raised.
    """
    collected = _collect(paths)
    keys = source_keys([path for path, _named in collected])
    sources: list[SourceText] = []
    skipped: list[InputError] = []
    for (path, named), key in zip(collected, keys):
        try:
            sources.append(replace(read_source(path), key=key))
        except InputError as error:
            if named or strict:
                raise
            skipped.append(error)
    if not sources:
        raise skipped[0] if len(skipped) == 1 else InputError(
            paths if isinstance(paths, (str, Path)) else ", ".join(map(str, paths)),
            f"none of the {len(skipped)} files can be read ({skipped[0].path}: {skipped[0].reason})")
    return sources, skipped
