"""Set before pytest collects anything, so nbval's notebook kernels inherit it: figures written
during tests go to a temporary folder, never into the work tree.  (Caches of tokens and of the
font instance live in the user's cache folder, outside the work tree, keyed by their inputs.)"""

import os
import shutil
import tempfile
from pathlib import Path

_SCRATCH = Path(tempfile.mkdtemp(prefix="reportlib-tests-"))
os.environ["REPORTLIB_FIGURES_DIR"] = str(_SCRATCH / "figures")
(_SCRATCH / "figures").mkdir()


def pytest_sessionfinish(session, exitstatus):
    shutil.rmtree(_SCRATCH, ignore_errors=True)
