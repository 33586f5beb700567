"""Parse time and peak memory for the seed and for 100× concatenations of it: exact copies
(found by hashing) and copies tagged line by line (every pair compared by shingles).

Run:  .venv/bin/python benchmarks/bench_parse.py
Targets (issue 2): the seed in under 0.5 s in process after import; 100× (about 4 million
characters) in under 20 s and under 1 GB peak memory.
"""

from __future__ import annotations

import resource
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

import reportlib

SEED = Path(__file__).resolve().parent.parent / "seeds" / "000_bd97441f39be4d57.txt"


def measure(path: Path, repeat: int) -> tuple[float, float, int]:
    """Best wall time of `repeat` loads, peak traced memory (MB) of one load, and report count."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        corpus = reportlib.load(path, overrides=False)
        best = min(best, time.perf_counter() - start)
    tracemalloc.start()
    reportlib.load(path, overrides=False)
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    return best, peak, len(corpus.reports)


def tagged(text: str, n: int) -> list[str]:
    """`n` copies of `text` whose body lines end with the copy number, so no report is an exact
    copy of another and the near-duplicate search has to compare them all."""
    return ["\n".join(line + f"第{i}份" if len(line) > 30 else line for line in text.split("\n"))
            for i in range(n)]


def main() -> int:
    reportlib.load(SEED, overrides=False)  # warm-up: imports, gazetteer, data files
    seed_time, seed_peak, seed_reports = measure(SEED, repeat=5)
    print(f"seed: {seed_time:.3f} s (best of 5), peak traced {seed_peak:.0f} MB, {seed_reports} reports")
    text = SEED.read_text(encoding="utf-8")
    for name, copies in (("100x exact copies", [text] * 100), ("100x tagged copies", tagged(text, 100))):
        with tempfile.TemporaryDirectory() as tmp:
            big = Path(tmp) / "seed_x100.txt"
            big.write_text("\n".join(copies), encoding="utf-8")
            big_time, big_peak, big_reports = measure(big, repeat=1)
            n_chars = len(big.read_text(encoding="utf-8"))
        print(f"{name}: {big_time:.2f} s, peak traced {big_peak:.0f} MB, {big_reports} reports, {n_chars} characters")
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"process max RSS: {rss:.0f} MB; python {sys.version.split()[0]}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
