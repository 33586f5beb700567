"""The bilingual glossary: known terms, codes, fallback, missing terms, conflicting files."""

from __future__ import annotations

import pytest

from reportlib.errors import InputError, ValueInvalidError
from reportlib.figures import glossary
from reportlib.figures.style import CATEGORIES

KNOWN = [
    ("两新组织", "new economic and social organisations"),
    ("三会一课", "three meetings and one lesson"),
    ("第一书记", "first secretary"),
    ("党工委", "Party working committee"),
    ("软弱涣散", "weak and lax"),
    ("驻区单位", "units stationed in the district"),
    ("流动党员", "mobile Party members"),
    ("区域化党建", "area-based Party building"),
    ("网格化管理", "grid management"),
    ("结对共建", "paired joint building"),
    ("服务型党组织", "service-oriented Party organisations"),
    ("集体经济", "collective economy"),
    ("商务楼宇", "commercial office buildings"),
    ("做法与成效", "practices and results"),
    ("问题与原因", "problems and causes"),
    ("对策与建议", "measures and recommendations"),
]

CODES = [
    ("rural", "农村", "rural"),
    ("urban", "城市/街道社区", "urban"),
    ("border", "边境地区", "border regions"),
    ("enterprise", "非公企业", "non-public enterprises"),
    ("university", "高校", "universities"),
    ("government", "机关事业单位", "government bodies"),
    ("practice", "做法与成效", "practices and results"),
    ("problem", "问题与原因", "problems and causes"),
    ("measure", "对策与建议", "measures and recommendations"),
]


@pytest.mark.parametrize(("zh", "en"), KNOWN)
def test_known_terms_translate_both_ways(zh, en):
    assert glossary.translate(zh, "en") == en
    assert glossary.translate(zh, "zh") == zh
    assert glossary.translate(en, "zh") == zh
    assert glossary.translate(en, "en") == en


@pytest.mark.parametrize(("code", "zh", "en"), CODES)
def test_codes_stand_for_their_term(code, zh, en):
    assert glossary.translate(code, "zh") == zh
    assert glossary.translate(code, "en") == en
    assert glossary.label(code, "en") == f"{en} ({zh})"
    assert glossary.label(code, "zh") == zh


def test_every_category_has_a_translation():
    assert glossary.missing_terms(CATEGORIES) == []


def test_label_with_and_without_chinese():
    assert glossary.label("第一书记", "en") == "first secretary (第一书记)"
    assert glossary.label("第一书记", "en", with_chinese=False) == "first secretary"
    assert glossary.label("第一书记", "zh") == "第一书记"
    assert glossary.label("first secretary", "zh") == "第一书记"


def test_unknown_terms_fall_back_to_the_chinese():
    assert glossary.translate("未收录的词", "en") == "未收录的词"
    assert glossary.label("未收录的词", "en") == "未收录的词"
    assert glossary.label("未收录的词", "zh") == "未收录的词"


def test_missing_terms_lists_each_untranslated_term_once_in_order():
    terms = ["党员", "乙未收录", "rural", "甲未收录", "乙未收录", "first secretary"]
    assert glossary.missing_terms(terms) == ["乙未收录", "甲未收录"]
    assert glossary.missing_terms([]) == []


@pytest.mark.parametrize("call", [
    lambda: glossary.translate("党员", "fr"),
    lambda: glossary.label("党员", "EN"),
    lambda: glossary.translate("党员", None),
])
def test_invalid_lang_is_rejected(call):
    with pytest.raises(ValueInvalidError, match="`lang`"):
        call()


def test_bad_terms_are_rejected():
    with pytest.raises(ValueInvalidError, match="`term`"):
        glossary.translate(3, "en")
    with pytest.raises(ValueInvalidError, match="`terms`"):
        glossary.missing_terms("党员")


def test_shipped_core_glossary():
    table = glossary.load_glossary()
    assert list(table.columns) == list(glossary.GLOSSARY_COLUMNS)
    core = table[table["source"] == "core.csv"]
    assert len(core[core["code"] == ""]) >= 60, "domain terms and figure vocabulary"
    assert not table["zh"].duplicated().any()
    assert not core["en"].duplicated().any(), "English must turn back into one Chinese term"
    assert not core["en"].str.contains(r"[()]").any(), "labels add the Chinese in parentheses"
    assert (table["line"] >= 2).all()


def _write(folder, name, text):
    (folder / name).write_text(text, encoding="utf-8")


def test_conflicting_terms_across_files_name_both_files(tmp_path):
    _write(tmp_path, "a_core.csv", "zh,en\n党员,Party members\n")
    _write(tmp_path, "b_topics.csv", "zh,en\n群众,the masses\n党员,members\n")
    with pytest.raises(InputError, match=r"b_topics\.csv.*line 3.*a_core\.csv line 2"):
        glossary.load_glossary(directory=tmp_path)


def test_conflicting_terms_within_one_file(tmp_path):
    _write(tmp_path, "core.csv", "zh,en\n党员,Party members\n党员,members\n")
    with pytest.raises(InputError, match="core.csv.*line 3"):
        glossary.load_glossary(directory=tmp_path)


def test_conflicting_codes(tmp_path):
    _write(tmp_path, "a.csv", "zh,en,code\n农村,rural,rural\n")
    _write(tmp_path, "b.csv", "zh,en,code\n乡村,countryside,rural\n")
    with pytest.raises(InputError, match="code 'rural'"):
        glossary.load_glossary(directory=tmp_path)


def test_identical_repeats_are_kept_once(tmp_path):
    _write(tmp_path, "a.csv", "zh,en\n党员,Party members\n")
    _write(tmp_path, "b.csv", "en,zh\nParty members,党员\nthe masses,群众\n")
    table = glossary.load_glossary(directory=tmp_path)
    assert table[["zh", "en", "source"]].values.tolist() == [
        ["党员", "Party members", "a.csv"], ["群众", "the masses", "b.csv"],
    ]
    assert table["code"].tolist() == ["", ""]


@pytest.mark.parametrize(("text", "message"), [
    ("term,translation\n党员,Party members\n", "zh and en"),
    ("zh,en\n党员,\n", "line 2"),
    ("zh,en\n党员,Party members\n,the masses\n", "line 3"),
])
def test_malformed_files_are_errors(tmp_path, text, message):
    _write(tmp_path, "bad.csv", text)
    with pytest.raises(InputError, match=message):
        glossary.load_glossary(directory=tmp_path)


def test_files_other_than_csv_are_ignored(tmp_path):
    _write(tmp_path, "a.csv", "zh,en\n党员,Party members\n")
    _write(tmp_path, "notes.txt", "zh,en\n党员,members\n")
    assert len(glossary.load_glossary(directory=tmp_path)) == 1


@pytest.mark.parametrize(("text", "expected"), [
    ("基层党建", True), ("R11 乡镇党建(R01重复)", True), ("first secretary (第一书记)", False),
    ("TF-IDF", False), ("", False), ("n = 12", False),
])
def test_chinese_only(text, expected):
    assert glossary.chinese_only(text) is expected


def test_label_or_gives_an_english_fallback_for_unknown_terms():
    assert glossary.label_or("第一书记", "en", "item 1") == "first secretary (第一书记)"
    assert glossary.label_or("未收录的词", "en", "T3 term") == "T3 term (未收录的词)"
    assert glossary.label_or("未收录的词", "en", "T3 term", with_chinese=False) == "T3 term"
    assert glossary.label_or("未收录的词", "zh", "T3 term") == "未收录的词"
