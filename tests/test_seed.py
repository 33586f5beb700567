"""The seed corpus is the file the project was created from, byte for byte."""

import hashlib
import re

from conftest import SEEDS, SEED_FILE


def test_seed_checksum_matches_readme():
    readme = (SEEDS / "README.md").read_text(encoding="utf-8")
    recorded = re.search(r"`([0-9a-f]{64})`", readme).group(1)
    assert hashlib.sha256(SEED_FILE.read_bytes()).hexdigest() == recorded


def test_seed_size_matches_readme():
    readme = (SEEDS / "README.md").read_text(encoding="utf-8")
    assert f"| {SEED_FILE.stat().st_size} |" in readme
