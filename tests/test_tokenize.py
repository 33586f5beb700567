"""Tests of reportlib.tokenize: golden segmentation, masking, the token cache, silence."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reportlib import tokenize as tk
from reportlib.errors import ValueInvalidError

CASES = Path(__file__).parent / "cases" / "segmentation.json"
GOLDEN = json.loads(CASES.read_text(encoding="utf-8"))["cases"]
SEED = Path(__file__).parents[1] / "seeds" / "000_bd97441f39be4d57.txt"
REPO = Path(__file__).parents[1]


@pytest.fixture(autouse=True)
def _cache_in_tmp(tmp_path, monkeypatch):
    monkeypatch.setenv("REPORTLIB_CACHE_DIR", str(tmp_path / "cache"))
    tk._MEMO.clear()


@pytest.mark.parametrize("case", GOLDEN, ids=[c["id"] for c in GOLDEN])
def test_golden_segmentation(case):
    assert tk.tokenize(case["text"]) == case["tokens"]


def test_golden_table_is_large_enough_and_from_the_seed():
    seed_lines = SEED.read_text(encoding="utf-8").splitlines()
    terms = [c for c in GOLDEN if c["id"].startswith("term-")]
    from_seed = [c for c in GOLDEN if c["id"].startswith("seed-")]
    assert len(terms) >= 30 and len(from_seed) >= 20
    for case in from_seed:
        line = int(case["id"].removeprefix("seed-L"))
        assert case["text"] in seed_lines[line - 1]


def test_user_dictionary_format_and_size():
    lines = (REPO / "reportlib" / "data" / "userdict.txt").read_text(encoding="utf-8").splitlines()
    rows = [line.split(" ") for line in lines]
    assert len(rows) >= 80
    assert all(len(r) == 3 and r[1].isdigit() and int(r[1]) > 0 and r[2].isalpha() for r in rows)
    words = [r[0] for r in rows]
    assert len(set(words)) == len(words)


@pytest.mark.parametrize("term", tk.user_terms())
def test_every_user_term_comes_out_whole(term):
    assert tk.tokenize(term) == [term]


def test_domain_words_are_not_stop_words():
    assert {"党", "组织", "群众", "党员", "党建", "支部"}.isdisjoint(tk.stopwords())
    assert {"的", "了", "和", "在", "是", "一是"} <= tk.stopwords()


@pytest.mark.parametrize("text", ["______", "＿＿＿", "2024年、2024年", "20242024年", "2024-2024年", "２０２４年"])
def test_placeholders_never_become_tokens(text):
    assert tk.tokenize(text) == []


def test_masks_are_word_boundaries():
    # a redaction or placeholder year inside a term separates its halves
    assert tk.tokenize("第一____书记") == ["书记"]
    assert tk.tokenize("三会2024年一课") == ["三会", "一课"]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.sampled_from(["党建", "三会一课", "______", "2024年", "、", ",", "群众", "的", "２０２４", "第一书记", "7"]),
                max_size=12).map("".join))
def test_tokens_are_clean(text):
    tokens = tk.tokenize(text)
    stop = tk.stopwords()
    for token in tokens:
        assert "_" not in token and "2024" not in token and token not in stop
        assert token.strip() == token and token


def test_rejects_non_text():
    with pytest.raises(ValueInvalidError, match="`text`"):
        tk.tokenize(None)
    with pytest.raises(ValueInvalidError, match="'text' column"):
        tk.tokenize_paragraphs(pd.DataFrame({"body": ["党建"]}))


def test_tokenize_paragraphs_adds_tokens_and_keeps_columns():
    paragraphs = pd.DataFrame({"paragraph_id": ["R01-P001", "R01-P002"], "text": ["抓好三会一课", "______"]})
    out = tk.tokenize_paragraphs(paragraphs)
    assert list(out.columns) == ["paragraph_id", "text", "tokens"]
    assert out["tokens"].tolist() == [["抓好", "三会一课"], []]
    assert "tokens" not in paragraphs.columns


def test_cache_is_reused_and_keyed_by_text(tmp_path, monkeypatch):
    paragraphs = pd.DataFrame({"text": ["精准选派第一书记", "结对共建"]})
    first = tk.tokenize_paragraphs(paragraphs)
    files = list((tmp_path / "cache" / "tokens").iterdir())
    assert [f.name for f in files] == [f"tokens-{tk.signature()}.json"]

    def fail(text):
        raise AssertionError(f"segmented again: {text}")

    monkeypatch.setattr(tk, "tokenize", fail)
    assert tk.tokenize_paragraphs(paragraphs)["tokens"].tolist() == first["tokens"].tolist()
    with pytest.raises(AssertionError, match="segmented again: 两新组织"):
        tk.tokenize_paragraphs(pd.DataFrame({"text": ["结对共建", "两新组织"]}))


def test_corrupt_cache_is_rebuilt(tmp_path):
    target = tmp_path / "cache" / "tokens" / f"tokens-{tk.signature()}.json"
    target.parent.mkdir(parents=True)
    target.write_text("{not json", encoding="utf-8")
    out = tk.tokenize_paragraphs(pd.DataFrame({"text": ["一岗双责"]}))
    assert out["tokens"].tolist() == [["一岗双责"]]
    assert json.loads(target.read_text(encoding="utf-8"))  # rewritten as valid JSON
    assert [p.name for p in target.parent.iterdir()] == [target.name]  # no temporary file left


def test_cache_off_writes_nothing(tmp_path):
    tk.tokenize_paragraphs(pd.DataFrame({"text": ["网格支部"]}), cache=False)
    assert not (tmp_path / "cache" / "tokens").exists()


def test_cache_dir_from_environment(tmp_path, monkeypatch):
    assert tk.cache_dir() == tmp_path / "cache"
    monkeypatch.delenv("REPORTLIB_CACHE_DIR")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert tk.cache_dir() is None  # no hidden cache under the home folder


def test_no_disk_cache_unless_asked(tmp_path, monkeypatch):
    monkeypatch.delenv("REPORTLIB_CACHE_DIR")
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    first = tk.tokenize_texts(["支部建在连上"])
    assert not (tmp_path / "home").exists() and not (tmp_path / "xdg").exists()
    assert tk.tokenize_texts(["支部建在连上"], cache=tmp_path / "explicit") == first
    assert (tmp_path / "explicit" / "tokens" / f"tokens-{tk.signature()}.json").is_file()


_CHILD = """
import sys, jieba
import reportlib.tokenize as tk
assert tk._tokenizer.cache_info().currsize == 0, "built at import"
tokens = tk.tokenize("精准选派第一书记")
assert tokens == ["精准", "选派", "第一书记"], tokens
assert "第一书记" not in jieba.dt.FREQ and not jieba.dt.user_word_tag_tab, "global jieba touched"
print("ok")
"""


def test_silent_lazy_and_separate_from_global_jieba(tmp_path):
    """A fresh process with an empty cache builds jieba's dictionary: stderr stays empty."""
    env = dict(os.environ, REPORTLIB_CACHE_DIR=str(tmp_path / "fresh"), PYTHONPATH=str(REPO))
    result = subprocess.run([sys.executable, "-c", _CHILD], capture_output=True, text=True, env=env, check=False)
    assert result.stderr == ""
    assert result.stdout == "ok\n"
    assert (tmp_path / "fresh" / "jieba" / "jieba.cache").is_file()
