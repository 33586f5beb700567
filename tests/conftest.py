"""Test session set-up: figures and caches go to temporary folders, never into the work tree."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED_FILE = SEEDS / "000_bd97441f39be4d57.txt"
OFFICIAL = ROOT.parent / "shared" / "corpora" / "official"

# Set before any notebook kernel starts, so nbval's kernels inherit them.
_SCRATCH = Path(tempfile.mkdtemp(prefix="reportlib-tests-"))
os.environ["REPORTLIB_FIGURES_DIR"] = str(_SCRATCH / "figures")
os.environ.setdefault("REPORTLIB_CACHE_DIR", str(_SCRATCH / "cache"))
(_SCRATCH / "figures").mkdir()


def pytest_sessionfinish(session, exitstatus):
    shutil.rmtree(_SCRATCH, ignore_errors=True)


@pytest.fixture(scope="session")
def seed_corpus():
    import reportlib

    return reportlib.load(SEEDS)


@pytest.fixture(scope="session")
def seed_corpus_lexicon_only():
    import reportlib

    return reportlib.load(SEEDS, overrides=False)
