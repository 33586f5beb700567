"""The offline explorer page, without a browser: self-contained, complete, deterministic, small."""

from __future__ import annotations

import json
import re
import warnings
from pathlib import Path

import pytest

import reportlib
from reportlib.explore import build_explorer, main, write_explorer
from reportlib.explore.normalize import char_map, library_normalizer, normalized_texts

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
OFFICIAL = ROOT / "tests" / "data" / "official"
MAX_BYTES = 5 * 1024 * 1024

#: Ways a page fetches from the network: an attribute or CSS url pointing at http(s) or a
#: protocol-relative address, an @import, or a script call that loads data.
NETWORK = re.compile(
    r"""(?:\b(?:src|href|action|poster|srcset)\s*=\s*["']?\s*(?:https?:)?//)"""
    r"""|(?:url\(\s*["']?\s*(?:https?:)?//)|@import|\bfetch\(|XMLHttpRequest|\bimportScripts\(""",
    re.IGNORECASE)

TWO_REPORTS = """关于某村基层党建工作的调研报告

一、基本情况
该村共有党员42名，其中女党员8名。村党支部坚持三会一课制度，每月开展主题党日活动。
二、主要做法
一是加强阵地建设，村级活动场所面积达到200平方米。二是推行党员积分管理，全年开展志愿服务30余次。
"""


def _data(page: str) -> dict:
    match = re.search(r'<script type="application/json" id="explorer-data">(.*?)</script>', page, re.S)
    assert match, "the page has no data element"
    return json.loads(match.group(1))


def _js_slice(text: str, start: int, end: int) -> str:
    """text.slice(start, end) as JavaScript does it (offsets in UTF-16 code units)."""
    return text.encode("utf-16-le")[2 * start:2 * end].decode("utf-16-le")


def test_offsets_count_utf16_units_as_javascript_does():
    from reportlib.explore.data import utf16_offset

    text = "党员\U0001F600共42名"
    at = text.index("42")
    assert _js_slice(text, utf16_offset(text, at), utf16_offset(text, at + 2)) == "42"
    assert utf16_offset(text, at) == at + 1 and utf16_offset("三会一课", 2) == 2


@pytest.fixture(scope="module")
def seed_corpus():
    return reportlib.load(SEEDS)


@pytest.fixture(scope="module")
def seed_page(seed_corpus) -> str:
    return build_explorer(seed_corpus)


def test_no_network_references(seed_page):
    found = [m.group(0) for m in NETWORK.finditer(seed_page)]
    assert found == []
    assert "font-src data:" in seed_page and "default-src 'none'" in seed_page


def test_network_pattern_catches_what_it_should():
    for bad in ('<script src="https://cdn.example.org/x.js">', "<link href='//fonts.example.org/css'>",
                "src: url(http://example.org/f.woff2)", '@import "x.css";', "fetch('data.json')"):
        assert NETWORK.search(bad), bad
    assert not NETWORK.search('src:url(data:font/woff2;base64,AAAA) format("woff2")')


def test_page_holds_the_corpus_once(seed_page, seed_corpus):
    data = _data(seed_page)
    assert data["paragraphs"]["text"] == seed_corpus.paragraphs["text"].tolist()
    assert data["reports"]["id"] == seed_corpus.reports["report_id"].tolist()
    # Each paragraph text is stored once: KWIC and statistics are offsets into it.
    longest = max(seed_corpus.paragraphs["text"], key=len)
    assert seed_page.count(json.dumps(longest, ensure_ascii=False)[1:-1].replace("<", "\\u003c")) == 1


def test_statistics_point_at_their_surface(seed_page, seed_corpus):
    data, table = _data(seed_page), reportlib.stats.statistics_table(seed_corpus)
    stats, texts = data["statistics"], data["paragraphs"]["text"]
    assert len(stats["stat_id"]) == len(table) > 0
    surfaces = [_js_slice(texts[p], a, b) for p, a, b in zip(stats["paragraph"], stats["start"], stats["end"])]
    assert surfaces == [str(s) for s in table["surface"]]
    for p, a, b, s in zip(stats["paragraph"], stats["sentence_start"], stats["sentence_end"], stats["start"]):
        assert a == -1 or a <= s < b <= len(texts[p].encode("utf-16-le")) // 2


def test_keyness_comparisons_and_terms(seed_page, seed_corpus):
    data = _data(seed_page)
    categories = sorted(set(seed_corpus.drop_duplicates().reports["category"]))
    assert data["categories"] == categories
    n = len(categories)
    assert len(data["keyness"]) == n + n * (n - 1) // 2
    entry = data["keyness"][categories[0]]
    assert {"term", "count_in", "count_out", "z", "n_reports", "single_report"} <= set(entry)
    assert entry["z"] == sorted(entry["z"], reverse=True)
    assert all(0 <= i < len(data["terms"]) for i in entry["term"])


def test_interface_strings_in_both_languages(seed_page):
    ui = _data(seed_page)["ui"]
    assert ui["zh"]["ui_tab_search"] == "全文检索" and ui["en"]["ui_tab_search"] == "Search"
    assert set(ui["zh"]) == set(ui["en"])
    assert ui["en"]["rural"] == "rural" and ui["zh"]["rural"] == "农村"


def test_font_subset_is_embedded(seed_page):
    assert seed_page.count("@font-face") == 1
    assert re.search(r"src:url\(data:font/woff2;base64,[A-Za-z0-9+/=]{1000,}\)", seed_page)


def test_normalized_view_keeps_offsets():
    texts = ["三会一课，占比５０％", "ＡＢＣ　abc"]
    assert [len(t) for t in normalized_texts(texts)] == [len(t) for t in texts]
    assert normalized_texts(texts)[1] == library_normalizer()(texts[1])
    source, target = char_map()
    assert len(source) == len(target) and source == "".join(sorted(source))
    mapping = dict(zip(source, target))
    assert mapping["Ａ"] == "A" and mapping["５"] == "5" and mapping["\u3000"] == " "


def test_traditional_query_maps_to_simplified_when_the_library_normalizes():
    pytest.importorskip("reportlib.normalize", reason="reportlib.normalize not available yet")
    mapping = dict(zip(*char_map()))
    assert mapping.get("會") == "会" and mapping.get("課") == "课"


def test_deterministic(seed_page, seed_corpus):
    assert build_explorer(seed_corpus) == seed_page


def test_size_of_seed_and_official_documents():
    corpus = reportlib.load([SEEDS, OFFICIAL])
    size = len(build_explorer(corpus, lang="en").encode("utf-8"))
    print(f"explorer page for seed + official documents: {size:,} bytes")
    assert size < MAX_BYTES


def test_bad_lang():
    with pytest.raises(reportlib.ValueInvalidError, match="lang"):
        build_explorer(None, lang="fr")


def test_cli_writes_the_page(tmp_path, capsys):
    source = tmp_path / "two.txt"
    source.write_text(TWO_REPORTS, encoding="utf-8")
    out = tmp_path / "explorer.html"
    assert main([str(source), "-o", str(out), "--lang", "en"]) == 0
    page = out.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and '<html lang="en">' in page
    assert _data(page)["paragraphs"]["text"][0].startswith("关于某村")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["explorer.html", "two.txt"]  # no temporary left
    assert capsys.readouterr().err == ""


def test_cli_missing_path(tmp_path, capsys):
    out = tmp_path / "explorer.html"
    assert main([str(tmp_path / "missing.txt"), "-o", str(out)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "missing.txt" in err and "no such file" in err
    assert not out.exists()


def test_failed_write_leaves_the_old_page(tmp_path, monkeypatch):
    out = tmp_path / "explorer.html"
    out.write_text("old", encoding="utf-8")
    source = tmp_path / "two.txt"
    source.write_text(TWO_REPORTS, encoding="utf-8")

    def broken(*args, **kwargs):
        raise reportlib.InputError("font", "cannot subset")

    monkeypatch.setattr("reportlib.explore.font_face", broken)
    assert main([str(source), "-o", str(out)]) == 2
    assert out.read_text(encoding="utf-8") == "old"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["explorer.html", "two.txt"]


def test_write_explorer_accepts_paths(tmp_path):
    source = tmp_path / "two.txt"
    source.write_text(TWO_REPORTS, encoding="utf-8")
    written = write_explorer([source], tmp_path / "page.html")
    assert written == tmp_path / "page.html" and written.stat().st_size > 10_000


def test_font_subset_is_deterministic_and_small():
    from reportlib.explore import font

    first = font.woff2_subset("三会一课党建")
    font._subset.cache_clear()
    second = font.woff2_subset("党建三会一课\n")
    assert first == second and first[:4] == b"wOF2"
    assert len(first) < 50_000


def test_show_wraps_the_page_in_an_iframe(monkeypatch):
    pytest.importorskip("IPython")
    import reportlib.explore as explore

    monkeypatch.setattr(explore, "build_explorer", lambda corpus, lang: f'<p class="x">{lang} & "q"</p>')
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        shown = explore.show(object(), lang="en")
    assert type(shown).__name__ == "HTML"
    assert shown.data.startswith('<div><iframe srcdoc="&lt;p class=&quot;x&quot;&gt;en &amp; &quot;q&quot;&lt;/p&gt;"')


def test_every_interface_string_the_script_uses_is_in_the_glossary():
    from importlib import resources

    from reportlib.explore import _interface_strings

    script = (resources.files("reportlib.explore") / "app.js").read_text(encoding="utf-8")
    used = set(re.findall(r'"(ui_[a-z0-9_]+)"', script))
    strings = _interface_strings([], [])
    assert used and used <= set(strings["zh"]) and used <= set(strings["en"])
    assert all(strings["zh"][key] != key and strings["en"][key] != key for key in used)


def test_keyness_entry_keeps_optional_columns_and_both_ends():
    import pandas as pd

    from reportlib.explore import data

    n = 600
    table = pd.DataFrame({"category": "rural", "term": [f"t{i:03d}" for i in range(n)],
                          "count_in": [1] * n, "count_out": [i % 7 for i in range(n)],
                          "z": [float(n - i) for i in range(n)], "n_reports": [1] * n,
                          "single_report": [True] * n, "dispersion": [0.5] * n, "is_cue": [False] * n})
    terms: dict[str, int] = {}
    entry = data._keyness_entry(table, terms)
    assert {"dispersion", "is_cue"} <= set(entry) and "q_value" not in entry
    kept = [t for t, _ in sorted(terms.items(), key=lambda kv: kv[1])]
    assert kept[0] == "t000" and kept[-1] == "t599"  # the highest and the lowest z
    assert data.N_TOP + data.N_BOTTOM <= len(entry["term"]) <= data.N_TOP + data.N_BOTTOM + data.N_FREQUENT
    assert entry["z"] == sorted(entry["z"], reverse=True)
