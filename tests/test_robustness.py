"""Other scrapes: written variants of the seed, arbitrary text, and real official documents."""

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import reportlib
from conftest import SEED_FILE

OFFICIAL = Path(__file__).parent / "data" / "official"
FULLWIDTH = {cp: cp + 0xFEE0 for cp in range(0x21, 0x7F)}


def starts(corpus):
    """Start line, category and the ordinal of the original a report repeats (ids differ by file)."""
    table = corpus.reports[["start_line", "category", "duplicate_of"]].copy()
    table["duplicate_of"] = table["duplicate_of"].str.partition("#")[2]
    return table.values.tolist()


@pytest.fixture(scope="module")
def seed_text():
    return SEED_FILE.read_text(encoding="utf-8")


@pytest.mark.parametrize("variant", ["gb18030", "crlf", "fullwidth", "bom"])
def test_variants_of_the_seed_parse_alike(tmp_path, seed_corpus_lexicon_only, seed_text, variant):
    text = seed_text.translate(FULLWIDTH) if variant == "fullwidth" else seed_text
    text = text.replace("\n", "\r\n") if variant == "crlf" else text
    data = text.encode("gb18030") if variant == "gb18030" else text.encode("utf-8")
    path = tmp_path / "seed.txt"
    path.write_bytes(b"\xef\xbb\xbf" + data if variant == "bom" else data)
    corpus = reportlib.load(path)
    assert starts(corpus) == starts(seed_corpus_lexicon_only)
    assert corpus.reports["n_redactions"].tolist() == seed_corpus_lexicon_only.reports["n_redactions"].tolist()
    rebuilt = "".join(corpus.lines["text"] + corpus.lines["ending"])
    assert rebuilt == text


def test_two_reports_glued_without_separator(tmp_path):
    body = "全县共有基层党组织一百多个,党员队伍不断壮大,组织生活日益规范,各项制度落实到位。" * 4
    text = (f"某县农村基层党建工作调研报告\n一、基本情况\n{body}\n二、存在问题\n{body}\n"
            f"一、城市社区党建的主要做法\n{body}\n二、对策建议\n{body}\n")
    (tmp_path / "glued.txt").write_text(text, encoding="utf-8")
    corpus = reportlib.load(tmp_path / "glued.txt")
    assert corpus.reports["start_line"].tolist() == [1, 6]
    assert corpus.reports["title"].tolist() == ["某县农村基层党建工作调研报告", ""]


def test_text_without_headings_is_one_report(tmp_path):
    (tmp_path / "plain.txt").write_text("党员干部深入基层调研,了解群众需求。" * 20, encoding="utf-8")
    corpus = reportlib.load(tmp_path)
    assert len(corpus.reports) == 1 and corpus.reports["n_sections"].iloc[0] == 0


def test_seed_order_does_not_matter(tmp_path, seed_text):
    lines = seed_text.split("\n")
    swapped = "\n".join(lines[:1] + lines[87:108] + lines[1:87] + lines[108:])
    (tmp_path / "swapped.txt").write_text(swapped, encoding="utf-8")
    corpus = reportlib.load(tmp_path / "swapped.txt")
    assert corpus.reports["category"].tolist()[:3] == ["border", "rural", "urban"]
    assert corpus.reports["start_line"].tolist()[:3] == [2, 23, 67]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.text(alphabet=st.sampled_from(list("一二三、()（）1.。党员建设报告调研\n\r _2024年为根据 ")) | st.characters(blacklist_categories=("Cs",)),
               min_size=1, max_size=400))
def test_arbitrary_text_never_crashes_and_always_rebuilds(text):
    if not text.strip() or "\x00" in text:
        return  # empty and binary input are errors, tested in test_io
    source = reportlib.io.decode_bytes(text.encode("utf-8"), "any.txt")
    builder = reportlib.corpus._Builder()
    builder.add_source(source)
    corpus = builder.finish()
    assert "".join(corpus.lines["text"] + corpus.lines["ending"]) == source.text
    assert corpus.lines["line"].is_unique


@pytest.mark.parametrize("path", sorted(OFFICIAL.glob("*.txt")), ids=lambda p: p.name[:12])
def test_official_documents_are_one_report_each(path):
    corpus = reportlib.load(path)
    assert len(corpus.reports) == 1
    assert corpus.sections["level"].max() >= 1
    rebuilt = "".join(corpus.lines["text"] + corpus.lines["ending"])
    assert rebuilt.encode("utf-8") == path.read_bytes()


def test_official_page_chrome_is_noise():
    corpus = reportlib.load(OFFICIAL / "06_gov_sichuan_2026_gov_work_report_scraped.txt")
    reasons = dict(zip(corpus.noise["text"].str.strip(), corpus.noise["reason"]))
    assert "page controls" in reasons["打印本页"]
    assert "publication date" in reasons["2026年02月10日 07时41分"]


def test_a_short_text_is_still_a_report(tmp_path):
    (tmp_path / "short.txt").write_text("某村党建工作调研报告\n本村共有党员三十名,组织生活正常。\n", encoding="utf-8")
    corpus = reportlib.load(tmp_path)
    assert len(corpus.reports) == 1 and corpus.noise.empty


def test_reduplicated_words_are_not_damage():
    from reportlib.annotate import find_damage
    assert find_damage("要实实在在地做,过和和美美的日子") == []
    assert [d[2] for d in find_damage("此项工作的的重要性")] == ["doubled character"]


def test_scraped_page_clutter_is_noise():
    corpus = reportlib.load(OFFICIAL / "05_border_yunnan_2026_gov_work_report_scraped.txt")
    noise = set(corpus.noise["text"].str.strip())
    assert {"大", "中", "小", "】"} <= noise
    wiki = reportlib.load(OFFICIAL / "07_party_20th_congress_report_wikisource.txt")
    assert "Public domain" in set(wiki.noise["text"])


def test_official_page_header_is_noise_with_its_kind():
    corpus = reportlib.load(OFFICIAL / "05_border_yunnan_2026_gov_work_report_scraped.txt")
    reasons = dict(zip(corpus.noise["text"].str.strip(), corpus.noise["reason"]))
    assert reasons["云南要闻"] == "breadcrumb navigation (section name)"
    assert corpus.reports["title"].iloc[0].startswith("2026年政府工作报告")
    sichuan = reportlib.load(OFFICIAL / "06_gov_sichuan_2026_gov_work_report_scraped.txt")
    reasons = dict(zip(sichuan.noise["line"], sichuan.noise["reason"]))
    assert reasons[4] == "site name or address"  # 四川日报 after 来源:
    assert reasons[141] == "title repeated as a footer"
