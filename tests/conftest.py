"""Shared fixtures and paths (the temporary figure and cache folders are set in the root conftest.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
SEED_FILE = SEEDS / "000_bd97441f39be4d57.txt"


@pytest.fixture(scope="session")
def seed_corpus():
    import reportlib

    return reportlib.load(SEEDS)


@pytest.fixture(scope="session")
def seed_corpus_lexicon_only():
    import reportlib

    return reportlib.load(SEEDS, overrides=False)
