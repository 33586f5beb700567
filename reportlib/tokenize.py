"""Word segmentation that keeps the domain's fixed expressions whole.

jieba is wrapped once here: one explicit ``jieba.Tokenizer`` instance (never jieba's global
tokenizer, never ``jieba.load_userdict``) with the party-building user dictionary in
``reportlib/data/userdict.txt`` loaded into that instance only. It is built lazily at the first



Tokens leave out stop words (``reportlib/data/stopwords.txt``: function words, measure words,
numerals), punctuation, numbers, redaction placeholders (runs of ``_``) and the scrape's
placeholder years (2024年, 20242024年, 2024-2024年). Domain words such as 党, 组织, 群众 are
kept: they are the subject.

>>> tokenize("对传统的三会一课制度进行创新")
['传统', '三会一课', '制度', '创新']
"""

from __future__ import annotations

import contextlib
import functools
import hashlib
import json
import logging
import os
import re
import tempfile
import threading
import unicodedata
from collections.abc import Iterator
from pathlib import Path

import jieba
import pandas as pd

from . import conventions
from .conventions import to_halfwidth
from .errors import ValueInvalidError

#: Bump when the masking or filtering rules change, so cached tokens are not reused.
RULES_VERSION = "2"

#: Years and the scrape's placeholder years ("2024年", "20242024年", "2024-2024年"): never tokens.
_YEARS = conventions.YEAR_OR_REPEATED_YEAR
_NUMBER = re.compile(rf"^{conventions.NUMBER_TOKEN_CLASS}+$")
_LOCK = threading.Lock()


def cache_dir() -> Path | None:
    """The folder of the token cache: ``$REPORTLIB_CACHE_DIR`` when set, else None (no cache on disk).

    Nothing is written to disk unless a cache folder is configured, here or by the ``cache``
    argument of `tokenize_texts` (``reportlib run`` passes ``RESULTS/cache``). The folder is not
    created here.
    """
    configured = os.environ.get("REPORTLIB_CACHE_DIR")
    return Path(configured).expanduser() if configured else None


def _data_bytes(name: str) -> bytes:
    return (Path(__file__).parent / "data" / name).read_bytes()


@functools.lru_cache(maxsize=1)
def stopwords() -> frozenset[str]:
    """The stop-word list (``reportlib/data/stopwords.txt``), one word per line."""
    text = _data_bytes("stopwords.txt").decode("utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip())


@functools.lru_cache(maxsize=1)
def user_terms() -> tuple[str, ...]:
    """The terms of the user dictionary (``reportlib/data/userdict.txt``), in file order."""
    text = _data_bytes("userdict.txt").decode("utf-8")
    return tuple(line.split()[0] for line in text.splitlines() if line.strip())


@functools.lru_cache(maxsize=1)
def signature() -> str:
    """A hash of everything that decides segmentation: dictionary, stop words, jieba, rules."""
    digest = hashlib.sha256()
    for part in (_data_bytes("userdict.txt"), _data_bytes("stopwords.txt"),
                 jieba.__version__.encode(), RULES_VERSION.encode()):
        digest.update(hashlib.sha256(part).digest())
    return digest.hexdigest()[:16]


@contextlib.contextmanager
def _quiet_jieba() -> Iterator[None]:
    """Raise jieba's logger above DEBUG while it builds its dictionary, then restore it."""
    logger = logging.getLogger("jieba")
    level = logger.level
    logger.setLevel(logging.WARNING)
    try:
        yield
    finally:
        logger.setLevel(level)


@functools.lru_cache(maxsize=1)
def _tokenizer() -> jieba.Tokenizer:
    """Build the reportlib tokenizer once: default dictionary plus the user dictionary."""
    tokenizer = jieba.Tokenizer()
    folder = cache_dir()
    if folder is not None:  # else jieba keeps its dictionary cache in the system's temporary folder
        (folder / "jieba").mkdir(parents=True, exist_ok=True)
        tokenizer.tmp_dir = str(folder / "jieba")
    with _quiet_jieba():
        tokenizer.initialize()
        text = _data_bytes("userdict.txt").decode("utf-8")
        for line in text.splitlines():
            if line.strip():
                word, freq, tag = line.split()
                tokenizer.add_word(word, int(freq), tag)
        tokenizer.lcut("党建")  # warm-up: the first real call is not the slow one
    return tokenizer


def _mask(text: str) -> str:
    """Half-width text with redactions and placeholder years replaced by spaces, and no spaces
    left between Chinese characters (masked glosses, lost quote marks split no word)."""
    text = to_halfwidth(unicodedata.normalize("NFC", text))
    text = conventions.REDACTION.sub(" ", conventions.join_hanzi(text))
    return _YEARS.sub(" ", text)


def _keep(token: str, stop: frozenset[str]) -> bool:
    if token in stop or _NUMBER.match(token):
        return False
    return any(unicodedata.category(ch)[0] in "LN" for ch in token)


def tokenize(text: str) -> list[str]:
    """Segment `text` into content tokens with the reportlib tokenizer.

    Stop words, punctuation, numbers, redaction placeholders and placeholder years are left
    out; user-dictionary terms come out whole.

    >>> tokenize("20242024年，___参加全国两会，深入拓展区域化党建")
    ['参加', '全国', '两会', '深入', '拓展', '区域化党建']
    """
    if not isinstance(text, str):
        raise ValueInvalidError("text", text, "a str")
    stop = stopwords()
    return [t for t in _tokenizer().lcut(_mask(text)) if _keep(t, stop)]


def _text_key(text: str) -> str:
    return hashlib.blake2b(text.encode("utf-8"), digest_size=16).hexdigest()


def _cache_file(folder: Path) -> Path:
    return folder / "tokens" / f"tokens-{signature()}.json"


def _read_cache(path: Path) -> dict[str, list[str]]:
    if not path.is_file():
        return {}
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}  # an unreadable cache is rebuilt, never trusted
    return data if isinstance(data, dict) else {}


def _write_cache(path: Path, data: dict[str, list[str]]) -> None:
    """Write atomically: a temporary file in the same directory, then a rename."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tokens-", suffix=".tmp")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(data, handle, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


#: Tokens of texts seen in this process (by text hash), so that the analyses of one corpus share
#: one segmentation without writing anything; emptied when it grows past MEMO_LIMIT texts.
_MEMO: dict[str, tuple[str, ...]] = {}
MEMO_LIMIT = 500_000


def tokenize_texts(texts: list[str], *, cache: str | Path | bool | None = None) -> list[list[str]]:
    """Tokenize many texts, each distinct text once.

    Tokens are kept in memory for the process, so repeated analyses of a corpus segment it only
    once. On disk, a cache is used only where asked for: ``cache`` is a folder, or None to use
    `cache_dir` (``$REPORTLIB_CACHE_DIR``, unset by default); False turns every cache off. The
    file (``<folder>/tokens/tokens-<signature>.json``) is keyed by a hash of each text, and its
    name carries a hash of the user dictionary, the stop words, jieba's version and the masking
    rules, so changing any of them starts a new cache.
    """
    if cache is False:
        return [tokenize(t) for t in texts]
    folder = Path(cache) if isinstance(cache, (str, Path)) else cache_dir()
    with _LOCK:
        keys = [_text_key(t) for t in texts]
        found = {k: list(_MEMO[k]) for k in keys if k in _MEMO}
        stored = _read_cache(_cache_file(folder)) if folder is not None else {}
        found.update({k: stored[k] for k in keys if k not in found and k in stored})
        todo = {k: t for k, t in zip(keys, texts) if k not in found}
        found.update({k: tokenize(t) for k, t in todo.items()})
        _remember(found)
        if folder is not None and any(k not in stored for k in found):
            _write_cache(_cache_file(folder), {**stored, **found})
        return [list(found[k]) for k in keys]


def _remember(tokens: dict[str, list[str]]) -> None:
    if len(_MEMO) + len(tokens) > MEMO_LIMIT:
        _MEMO.clear()
    _MEMO.update({k: tuple(v) for k, v in tokens.items()})


def tokenize_paragraphs(paragraphs: pd.DataFrame, *, cache: str | Path | bool | None = None) -> pd.DataFrame:
    """Add a ``tokens`` column (list of str) to a paragraphs table.

    `paragraphs` needs a ``text`` column (as in ``corpus.paragraphs``: paragraph_id, report_id,
    source, line, kind, marker, body_offset, section_id, section_path, text); the returned copy
    has every column of the input plus ``tokens``. Each distinct text is segmented once per
    process; see `tokenize_texts` for the optional cache on disk.
    """
    if "text" not in getattr(paragraphs, "columns", ()):
        raise ValueInvalidError("paragraphs", type(paragraphs).__name__, "a DataFrame with a 'text' column")
    out = paragraphs.copy()
    column = "norm" if "norm" in out.columns else "text"  # the normalised view, where the corpus gives one
    out["tokens"] = tokenize_texts([str(t) for t in out[column]], cache=cache)
    return out
