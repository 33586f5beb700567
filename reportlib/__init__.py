"""reportlib: scraped Chinese field-research reports on grassroots Party building, as data.

>>> import reportlib
>>> corpus = reportlib.load("seeds/")        # doctest: +SKIP
>>> corpus.reports.head()                    # doctest: +SKIP
"""

from .corpus import Corpus, load
from .errors import InputError, ReportlibError, ValueInvalidError

__all__ = ["Corpus", "load", "InputError", "ReportlibError", "ValueInvalidError"]
__version__ = "0.1.0"
