"""reportlib: scraped Chinese field-research reports on grassroots Party building, as data.

>>> import reportlib
>>> corpus = reportlib.load("seeds/")        # doctest: +SKIP
>>> corpus.reports.head()                    # doctest: +SKIP
"""

from .corpus import Corpus, load
from .errors import InputError, ReportlibError, ValueInvalidError
from .rules import DEFAULT_RULES, Rules

__all__ = ["Corpus", "load", "Rules", "DEFAULT_RULES", "InputError", "ReportlibError", "ValueInvalidError"]
__version__ = "0.1.0"

_SUBMODULES = {"annotate", "checks", "cli", "compare", "completeness", "conventions", "counted", "damage",
               "describe", "export", "figures", "io", "normalize", "notebooks", "numerals", "overrides",
               "patterns", "places", "qualifiers", "rules", "run", "section_types", "segment", "stats",
               "summaries", "tokenize", "topics"}


def __getattr__(name: str):
    """Import analysis modules on first use: ``reportlib.compare.kwic(...)`` works after
    ``import reportlib`` without loading jieba or scikit-learn models at import time."""
    if name in _SUBMODULES:
        import importlib

        return importlib.import_module(f"{__name__}.{name}")
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
