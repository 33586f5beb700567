"""The command line: tables written, summary printed, one-line errors with exit status 2."""

import subprocess
import sys

import pandas as pd
import pytest

from reportlib.cli import TABLES, main
from conftest import SEEDS


def test_parse_writes_tables_and_summary(tmp_path, capsys):
    assert main(["parse", str(SEEDS), "-o", str(tmp_path / "out")]) == 0
    printed = capsys.readouterr().out
    assert "12 reports in 1 file(s); 9 noise lines" in printed
    assert "000_bd97441f39be4d57#11" in printed and "enterprise" in printed
    for name in TABLES:
        assert (tmp_path / "out" / f"{name}.csv").is_file()
    reports = pd.read_csv(tmp_path / "out" / "reports.csv", keep_default_na=False)
    assert reports.loc[10, "duplicate_of"] == "000_bd97441f39be4d57#01"


@pytest.mark.parametrize("name, data, reason", [
    ("missing.txt", None, "no such file or folder"),
    ("", None, "folder holds no .txt files"),
    ("e.txt", b"", "file is empty"),
    ("p.txt", b"\x89PNG\r\n\x1a\n\0\0", "binary file (a PNG image)"),
    ("g.txt", b"\xff\xff\xff", "cannot decode as UTF-8 or GB18030"),
])
def test_bad_input_one_line_exit_2_nothing_written(tmp_path, name, data, reason):
    inputs = tmp_path / "in"
    inputs.mkdir()
    target = inputs / name if name else inputs
    if data is not None:
        target.write_bytes(data)
    result = subprocess.run([sys.executable, "-m", "reportlib.cli", "parse", str(target), "-o",
                             str(tmp_path / "out")], capture_output=True, text=True)
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and reason in result.stderr and str(target) in result.stderr
    assert "Traceback" not in result.stderr
    assert not (tmp_path / "out").exists()


def test_help_explains_commands(capsys):
    with pytest.raises(SystemExit):
        main(["--help"])
    text = capsys.readouterr().out
    assert "parse" in text and "vocab" in text and "stats" in text
    with pytest.raises(SystemExit):
        main(["parse", "--help"])
    assert "reports.csv" in capsys.readouterr().out


def test_import_is_quiet():
    result = subprocess.run([sys.executable, "-c", "import reportlib; reportlib.load(%r)" % str(SEEDS)],
                            capture_output=True, text=True)
    assert result.returncode == 0 and result.stdout == "" and result.stderr == ""


@pytest.mark.parametrize("make_target", [
    lambda d: (d / "a-file").write_text("x") and d / "a-file",
    lambda d: (d / "a-file").write_text("x") and d / "a-file" / "sub",
])
def test_unwritable_output_is_one_line_exit_2(tmp_path, make_target):
    target = make_target(tmp_path)
    result = subprocess.run([sys.executable, "-m", "reportlib.cli", "parse", str(SEEDS), "-o", str(target)],
                            capture_output=True, text=True)
    assert result.returncode == 2
    assert result.stderr.startswith("reportlib: ") and result.stderr.count("\n") == 1
    assert "Traceback" not in result.stderr


def test_version(capsys):
    with pytest.raises(SystemExit):
        main(["--version"])
    assert capsys.readouterr().out.startswith("reportlib 0.")


def test_vocab_can_leave_places_out(tmp_path):
    assert main(["vocab", str(SEEDS), "-o", str(tmp_path / "with")]) == 0
    assert main(["vocab", str(SEEDS), "-o", str(tmp_path / "without"), "--exclude-places"]) == 0
    with_places = set(pd.read_csv(tmp_path / "with" / "keyness.csv")["term"])
    without = set(pd.read_csv(tmp_path / "without" / "keyness.csv")["term"])
    assert "桃源县" in with_places and "桃源县" not in without
