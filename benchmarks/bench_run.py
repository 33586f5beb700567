"""Time and memory of ``reportlib run`` end to end, stage by stage, on a large corpus.

``.venv/bin/python benchmarks/bench_run.py [CORPUS] [--reports 1000] [--keep DIR]``

Without CORPUS, a corpus of `--reports` distinct reports is generated first with
``benchmarks/make_corpus.py`` (seeded). The run writes into a temporary folder (or `--keep`).
Printed: a Markdown table of seconds per stage (parse, tokenize, vocabulary, statistics, each
notebook: notebook 02 holds the vocabulary figures, 03 the topics, 04 the statistics charts, 05
the explorer; every notebook exports its own figures) and the peak resident memory of this
process (parse, tables) and of the notebook kernels (the largest child process).
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent


def _peak_mib(who: int) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # kilobytes on Linux


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?")
    parser.add_argument("--reports", type=int, default=1000)
    parser.add_argument("--keep", metavar="DIR")
    args = parser.parse_args(argv)
    from reportlib.run import run

    with tempfile.TemporaryDirectory() as tmp:
        corpus = Path(args.corpus) if args.corpus else Path(tmp) / "corpus"
        if not args.corpus:
            sys.path.insert(0, str(HERE))
            from make_corpus import main as make

            started = time.monotonic()
            make([str(corpus), "--reports", str(args.reports)])
            print(f"generated in {time.monotonic() - started:.0f} s")
        n_chars = sum(len(p.read_text(encoding="utf-8")) for p in corpus.rglob("*.txt"))
        results = Path(args.keep) if args.keep else Path(tmp) / "results"
        started = time.monotonic()
        report = run([corpus], results, echo=lambda *_: None)
        total = time.monotonic() - started
    print(f"corpus: {n_chars:,} characters\n")
    print("| stage | seconds |\n|---|---|")
    for stage, seconds in report.seconds.items():
        print(f"| {stage} | {seconds:.1f} |")
    print(f"| **whole run** | **{total:.1f}** |\n")
    print(f"peak RSS: this process (parse, tables) {_peak_mib(resource.RUSAGE_SELF):,.0f} MiB; "
          f"largest notebook kernel {_peak_mib(resource.RUSAGE_CHILDREN):,.0f} MiB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
