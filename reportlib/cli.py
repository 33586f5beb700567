"""The command line: ``reportlib run``, ``parse``, ``vocab``, ``stats`` and ``explore``.

Bad input gets one line on stderr naming the file and the reason, and exit status 2; output
tables are written to a temporary folder first and moved into place only when all succeeded.
A file found in a folder that cannot be read gets one line on stderr and a row in
``skipped.csv``; the others are read (exit status 0), unless ``--strict``.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path
from typing import Callable, Sequence

from . import __version__
from .errors import ReportlibError

TABLES = ("reports", "sections", "paragraphs", "sentences", "noise", "damage", "skipped")
EXIT_BAD_INPUT = 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="reportlib",
        description="Turn scraped Chinese field-research reports on grassroots Party building "
                    "into traceable tables (CSV, UTF-8).",
        epilog="Each command reads .txt files and folders (searched recursively, in sorted order; "
               "UTF-8, UTF-8 with BOM, UTF-16 with BOM or GB18030). Exit status 2 on bad input.")
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    _add_run(sub)
    _add_explore(sub)
    for name, help_text, description in (
        ("parse", "split a scrape into reports, sections, paragraphs, sentences and noise",
         "Writes reports.csv, sections.csv, paragraphs.csv, sentences.csv, noise.csv and damage.csv "
         "(scraping damage) to OUTDIR and prints a summary of the reports. With --all, also the "
         "tables of 'vocab' and 'stats'."),
        ("vocab", "compare the vocabulary of sectors: TF-IDF, keyness, report similarity",
         "Writes tfidf.csv (top terms per category, corpus IDF), keyness.csv (weighted log-odds "
         "with an informative Dirichlet prior, each category against the rest) and similarity.csv "
         "(cosine similarity of reports) to OUTDIR. Near-duplicate reports are left out."),
        ("stats", "extract the statistics the reports cite and check them against each other",
         "Writes statistics.csv (value, range, unit, qualifier, what is counted, provenance) and "
         "checks.csv (stated parts and wholes, counts and percentages, recomputed) to OUTDIR."),
    ):
        command = sub.add_parser(name, help=help_text, description=description)
        _add_corpus_arguments(command, "OUTDIR", "folder for the CSV files (created; existing files replaced)")
        if name == "parse":
            command.add_argument("--all", action="store_true",
                                 help="also write the tables of 'vocab' and 'stats'")
        if name in ("parse", "vocab"):
            command.add_argument("--exclude-places", action="store_true",
                                 help="leave place names out of the vocabulary tables (as notebook 02 does)")
    return parser


def _add_corpus_arguments(command, output: str, output_help: str, *, overrides: bool = True) -> None:
    """The arguments every command shares: PATH..., -o OUTPUT, --overrides, --strict."""
    command.add_argument("paths", nargs="+", metavar="PATH", help="text file or folder")
    command.add_argument("-o", "--output", required=True, metavar=output, help=output_help)
    if overrides:
        command.add_argument("--overrides", metavar="CSV",
                             help="curated categories, places and labels (default: overrides.csv "
                                  "in a given folder or beside a given file)")
    command.add_argument("--strict", action="store_true",
                         help="stop at a file that cannot be read instead of skipping it")


def _add_run(sub) -> None:
    command = sub.add_parser(
        "run", help="parse, write every table, execute every notebook, write every figure",
        description="Parses the corpus, writes every table as CSV (the key tables also as LaTeX) into "
                    "RESULTS/tables, executes every notebook with the corpus and language as parameters "
                    "into RESULTS/notebooks and writes their figures into RESULTS/figures. Nothing is "
                    "changed in RESULTS unless the whole run succeeds.")
    _add_corpus_arguments(command, "RESULTS", "folder for the results", overrides=False)
    command.add_argument("--lang", choices=("zh", "en"), default="zh", help="language of figure labels")
    command.add_argument("--notebooks", metavar="DIR", help="the notebooks to execute (default: notebooks/)")
    command.add_argument("--in-place", action="store_true",
                         help="execute the notebooks where they are with their stored parameters and "
                              "write figures/ beside them (the project's own build)")
    command.add_argument("--cache", metavar="DIR", help="token cache folder (default: RESULTS/cache)")
    command.add_argument("--jobs", type=int, default=2, help="notebooks executed at once (default 2)")


def _add_explore(sub) -> None:
    command = sub.add_parser(
        "explore", help="write one offline HTML page to explore the corpus",
        description="Writes one self-contained HTML file (scripts, styles, data and a font subset inline; "
                    "nothing is fetched from the network) with five views: reports, terms, search, "
                    "statistics and topics, each leading back to its file and line.")
    _add_corpus_arguments(command, "HTML", "the HTML file to write")
    command.add_argument("--lang", choices=("zh", "en"), default="zh", help="language of the interface")


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        if args.command == "run":
            return _run_all(args)
        if args.command == "explore":
            return _explore(args)
        return _run(args)
    except ReportlibError as error:
        print(f"reportlib: {error}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except OSError as error:
        print(f"reportlib: {args.output}: cannot write output ({error.strerror or error})", file=sys.stderr)
        return EXIT_BAD_INPUT
    except KeyboardInterrupt:
        return 130


def _run(args: argparse.Namespace) -> int:
    from .corpus import load

    corpus = load(args.paths, overrides=args.overrides, strict=args.strict)
    _report_skipped(corpus.skipped.itertuples(index=False, name=None))
    writers: list[Callable] = []
    if args.command == "parse":
        writers.append(_write_parse_tables)
    if args.command == "vocab" or getattr(args, "all", False):
        from .compare import write_tables as write_vocabulary
        writers.append(lambda corpus, outdir: write_vocabulary(corpus, outdir, exclude_places=args.exclude_places))
    if args.command == "stats" or getattr(args, "all", False):
        from .stats import write_tables as write_statistics
        writers.append(write_statistics)
    written = _write_atomically(Path(args.output), corpus, writers)
    if args.command == "parse":
        print(summary(corpus))
    print(f"wrote {len(written)} files to {args.output}: {', '.join(sorted(p.name for p in written))}")
    return 0


def _explore(args: argparse.Namespace) -> int:
    from .corpus import load
    from .explore import write_explorer

    corpus = load(args.paths, overrides=args.overrides, strict=args.strict)
    _report_skipped(corpus.skipped.itertuples(index=False, name=None))
    write_explorer(corpus, args.output, lang=args.lang)
    print(f"wrote {args.output}")
    return 0


def _report_skipped(skipped) -> None:
    for source, reason in skipped:
        print(f"reportlib: {source}: skipped ({reason})", file=sys.stderr)


def _run_all(args: argparse.Namespace) -> int:
    from .run import main_summary, run

    started = time.monotonic()
    report = run(args.paths, args.output, lang=args.lang, notebooks=args.notebooks, in_place=args.in_place,
                 cache=args.cache, strict=args.strict, jobs=args.jobs)
    _report_skipped(report.skipped)
    print(main_summary(report))
    print(f"wrote {len(report.written)} files under {args.output}"
          f"{' and the notebooks in place' if args.in_place else ''} in {time.monotonic() - started:.1f} s")
    return 0


def _write_parse_tables(corpus, outdir: Path) -> list[Path]:
    paths = []
    for name in TABLES:
        path = outdir / f"{name}.csv"
        getattr(corpus, name).to_csv(path, index=False, encoding="utf-8", lineterminator="\n")
        paths.append(path)
    return paths


def _write_atomically(outdir: Path, corpus, writers: list[Callable]) -> list[Path]:
    """Run the writers into a temporary folder beside `outdir`, then move the files in."""
    outdir.parent.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(dir=outdir.parent, prefix=f".{outdir.name}-") as tmp:
        staged: list[Path] = []
        for writer in writers:
            staged.extend(Path(p) for p in writer(corpus, Path(tmp)))
        outdir.mkdir(exist_ok=True)
        final = []
        for path in staged:
            target = outdir / path.name
            shutil.move(str(path), target)
            final.append(target)
    return final


def summary(corpus) -> str:
    """A readable table of the reports, and counts of what else was found."""
    reports = corpus.reports
    lines = [f"{'id':<4} {'lines':>9} {'category':<10} {'chars':>6} {'dup':<4} label"]
    for r in reports.itertuples(index=False):
        lines.append(f"{r.report_id:<4} {r.start_line:>4}-{r.end_line:<4} {r.category:<10} "
                     f"{r.n_chars:>6} {r.duplicate_of or '':<4} {r.label}")
    lines.append(f"{len(reports)} reports in {len(corpus.sources)} file(s); "
                 f"{len(corpus.noise)} noise lines; {int(reports['n_redactions'].sum())} redactions; "
                 f"{int(reports['n_placeholder_years'].sum())} placeholder years; "
                 f"{len(corpus.damage)} damage traces")
    return "\n".join(lines)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
