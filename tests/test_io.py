"""Reading files: encodings, line endings, full-width text, and bad input."""

import codecs

import pytest

from reportlib.errors import InputError
from reportlib.io import collect_files, decode_bytes, read_source, to_halfwidth

TEXT = "一、基本情况\n全校共有党员299人，占比49.5％。\n"


@pytest.mark.parametrize("encoding, prefix", [
    ("utf-8", b""), ("utf-8", codecs.BOM_UTF8), ("gb18030", b""), ("gbk", b""), ("utf-16", b""),
])
def test_encodings_are_detected(encoding, prefix):
    source = decode_bytes(prefix + TEXT.encode(encoding), "x.txt")
    assert source.text == TEXT


@pytest.mark.parametrize("ending", ["\n", "\r\n", "\r"])
def test_line_endings_keep_line_numbers_and_rebuild(ending):
    text = TEXT.replace("\n", ending) + "末行"
    source = decode_bytes(text.encode("utf-8"), "x.txt")
    lines = source.lines()
    assert [line.number for line in lines] == [1, 2, 3]
    assert lines[1].text == "全校共有党员299人，占比49.5％。"
    assert "".join(line.text + line.ending for line in lines) == text


def test_form_feed_and_line_separator_do_not_end_lines():
    source = decode_bytes("甲\x0c乙\u2028丙\n丁".encode("utf-8"), "x.txt")
    assert [line.text for line in source.lines()] == ["甲\x0c乙\u2028丙", "丁"]


def test_halfwidth_keeps_length():
    text = "（一）党员２９９人，占４９．５％："
    assert to_halfwidth(text) == "(一)党员299人,占49.5%:"
    assert len(to_halfwidth(text)) == len(text)


@pytest.mark.parametrize("data, reason", [
    (b"", "file is empty"),
    (b"  \n\n", "only white space"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "PNG image"),
    (b"abc\x00def", "NUL byte at offset 3"),
    (b"\xff\xfe\xfd\x80abc", None),
])
def test_bad_bytes_name_the_file_and_reason(data, reason):
    with pytest.raises(InputError, match=r"^bad\.txt: ") as info:
        decode_bytes(data, "bad.txt")
    if reason:
        assert reason in str(info.value)


def test_undecodable_bytes_say_which_byte():
    with pytest.raises(InputError, match=r"cannot decode as UTF-8 or GB18030 \(byte 0x80 at offset 2\)"):
        decode_bytes("党".encode("gb18030") + b"\x80\x80", "bad.txt")


def test_missing_path_and_empty_folder(tmp_path):
    with pytest.raises(InputError, match="no such file or folder"):
        collect_files(tmp_path / "missing")
    with pytest.raises(InputError, match="folder holds no .txt files"):
        collect_files(tmp_path)


def test_folders_are_searched_recursively_in_sorted_order(tmp_path):
    (tmp_path / "b").mkdir()
    for name in ("b/2.txt", "a.txt", "b/1.txt", "c.csv"):
        (tmp_path / name).write_text("x", encoding="utf-8")
    assert [p.relative_to(tmp_path).as_posix() for p in collect_files(tmp_path)] == ["a.txt", "b/1.txt", "b/2.txt"]


def test_read_source_reports_unreadable_file(tmp_path):
    with pytest.raises(InputError, match="cannot read file"):
        read_source(tmp_path)
