"""The seed machine-converted to traditional script (OpenCC's STCharacters, with full-width
punctuation and pinyin glosses as converters leave them) parses as the simplified seed does."""

import re

import pytest

import reportlib
from conftest import SEED_FILE
from reportlib.normalize import _entries


@pytest.fixture(scope="module")
def traditional_seed(tmp_path_factory):
    to_traditional = {k: v for k, v in _entries("STCharacters.txt") if len(k) == 1 and len(v) == 1}
    text = "".join(to_traditional.get(ch, ch) for ch in SEED_FILE.read_text(encoding="utf-8"))
    text = text.replace(",", "，").replace(":", "：")
    text = re.sub("社區", "社區(qū)", text, count=5)  # a converter's pinyin gloss, in the first places only
    path = tmp_path_factory.mktemp("traditional") / "seed_traditional.txt"
    path.write_text(text, encoding="utf-8")
    return reportlib.load(path, overrides=False)


def test_traditional_script_is_converted(traditional_seed):
    assert "黨" in "".join(traditional_seed.paragraphs["text"])  # the text is really traditional
    assert "党" in "".join(traditional_seed.paragraphs["norm"])


def test_same_reports_and_sectors_as_the_simplified_seed(traditional_seed, seed_corpus_lexicon_only):
    ours = traditional_seed.reports[["start_line", "end_line", "category"]].values.tolist()
    assert ours == seed_corpus_lexicon_only.reports[["start_line", "end_line", "category"]].values.tolist()
    assert (traditional_seed.reports["duplicate_of"] != "").tolist() == \
        (seed_corpus_lexicon_only.reports["duplicate_of"] != "").tolist()


def test_same_tokens_where_no_gloss(traditional_seed, seed_corpus_lexicon_only):
    from reportlib.tokenize import tokenize_paragraphs

    ours = tokenize_paragraphs(traditional_seed.paragraphs.head(40))["tokens"].tolist()
    theirs = tokenize_paragraphs(seed_corpus_lexicon_only.paragraphs.head(40))["tokens"].tolist()
    same = sum(a == b for a, b in zip(ours, theirs))
    assert same >= 36  # a few lines differ where OpenCC's first candidate is not the seed's character
