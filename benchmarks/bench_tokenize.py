"""Tokenization throughput: reportlib.tokenize against plain jieba.lcut on the same text.

Run from the project root:

    python benchmarks/bench_tokenize.py [--repeat 100]

Three measurements, each on the seed and on a REPEAT× concatenation of it (every copy's lines
get a copy number appended, so no two paragraphs are equal and the cache cannot short-cut the
cold run):

* plain:  ``jieba.lcut(line)`` for every line, jieba's global tokenizer, no user dictionary;
* cold:   ``tokenize_paragraphs`` with an empty cache directory (segments, filters, writes cache);
* cached: ``tokenize_paragraphs`` again on the same paragraphs (reads the cache).

Both tokenizers are initialised before timing (dictionary loading is not counted). The cache
goes to a temporary folder. Peak memory is the tracemalloc peak of each step (Python
allocations only). Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import logging
import os
import tempfile
import time
import tracemalloc
from pathlib import Path

import jieba
import pandas as pd

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_bd97441f39be4d57.txt"


def measure(func, *, memory: bool):
    """Run func once; return seconds, or the peak MiB of Python allocations when `memory`.

    Time and memory are measured in separate runs: tracing allocations slows Python down.
    """
    if not memory:
        start = time.perf_counter()
        func()
        return time.perf_counter() - start
    tracemalloc.start()
    func()
    peak = tracemalloc.get_traced_memory()[1] / 2**20
    tracemalloc.stop()
    return peak


def three_steps(lines: list[str], *, memory: bool) -> tuple[float, float, float]:
    """plain, cold and cached measurements on `lines` (a fresh cache folder each time)."""
    from reportlib import tokenize as tk

    frame = pd.DataFrame({"text": lines})
    plain = measure(lambda: [jieba.lcut(line) for line in lines], memory=memory)
    with tempfile.TemporaryDirectory() as cache:
        os.environ["REPORTLIB_CACHE_DIR"] = cache
        cold = measure(lambda: tk.tokenize_paragraphs(frame), memory=memory)
        warm = measure(lambda: tk.tokenize_paragraphs(frame), memory=memory)
    return plain, cold, warm


def lines_of(repeat: int) -> list[str]:
    base = [line for line in SEED.read_text(encoding="utf-8").splitlines() if line.strip()]
    if repeat == 1:
        return base
    return [f"{line}{copy}" for copy in range(repeat) for line in base]


def run(repeat: int) -> list[str]:
    from reportlib import tokenize as tk

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    tk.tokenize("党建")  # initialise the reportlib tokenizer outside the timings
    rows = []
    for name, n in (("seed", 1), (f"seed × {repeat}", repeat)):
        lines = lines_of(n)
        chars = sum(map(len, lines))
        plain, cold, warm = three_steps(lines, memory=False)
        mem = three_steps(lines, memory=True)
        rows.append(f"| {name} | {chars:,} | {chars / plain / 1e3:,.0f} | {chars / cold / 1e3:,.0f} "
                    f"| {chars / warm / 1e3:,.0f} | {plain / cold:.2f}× | {cold / warm:.0f}× "
                    f"| {mem[0]:.0f} / {mem[1]:.0f} / {mem[2]:.0f} |")
    header = ["| text | characters | plain jieba (k chars/s) | cold (k chars/s) | cached (k chars/s) "
              "| cold speed vs plain | cached vs cold | peak MiB plain / cold / cached |",
              "|---|---:|---:|---:|---:|---:|---:|---:|"]
    return header + rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=100, help="copies of the seed in the long text")
    print("\n".join(run(parser.parse_args().repeat)))


if __name__ == "__main__":
    main()
