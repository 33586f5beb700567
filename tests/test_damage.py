"""Tests of reportlib.damage on short texts written for the test: damage found, and look-alikes left alone."""

from __future__ import annotations

import pytest

from reportlib import annotate, damage


@pytest.fixture(autouse=True)
def _cache_in_tmp(tmp_path_factory, monkeypatch):
    monkeypatch.setenv("REPORTLIB_CACHE_DIR", str(tmp_path_factory.getbasetemp() / "cache"))


FOUND = [
    ("此项工作的的重要性", "doubled character", "的的"),
    ("会议是是必要的", "doubled character", "是是"),
    ("党员比例在。下一步", "lost value", "在"),
    ("占比达到。", "lost value", "达到"),
    ("流动党员占全县党员的。", "lost value", "占全县党员的"),
    ("吸引企业落户落户园区", "repeated word", "落户落户"),
    ("员工具有 雇佣 性质", "lost quote mark", " "),
    ("开辟新领城", "misrecognised character", "领城"),
    ("加强基屋建设", "misrecognised character", "基屋"),
    ("发展党贝三名", "misrecognised character", "党贝"),
    ("完善制庋", "misrecognised character", "制庋"),
    ("抓好觉组织建设", "misrecognised character", "觉"),
    ("夯实党建根底工作", "synonym spinning", "根底"),
    ("完善村级根底设施", "synonym spinning", "根底"),
    ("引导广阔党员干部发挥作用", "synonym spinning", "广阔"),
]

LEFT_ALONE = [
    "要实实在在地做,过和和美美的日子",   # AABB reduplication
    "组织在在职党员中开展活动",          # 在 + 在职
    "这正是问题所在。",                  # 所在 is a word
    "青年大有作为。",                    # 作为 is a word
    "经济发达。",                        # 发达
    "坚决制止侵占。",                    # 侵占
    "企业占领市场的。",                  # 占领 starts a word
    "党员比例在百分之三十。",            # the value is there
    "一个一个地落实",                    # a count, not a repeated word
    "自觉组织学习,感觉良好",             # 自觉 / 感觉
    "他的理论根底深厚。",                # 根底 as 'grounding' is a word
    "农村天地广阔,大有作为。",           # 广阔 of a place
    "引导广大党员干部发挥作用",          # the right word
]


@pytest.mark.parametrize("text, kind, excerpt", FOUND)
def test_damage_found(text, kind, excerpt):
    found = [(text[s:e], k) for s, e, k, _ in damage.find_damage(text)]
    assert (excerpt, kind) in found


@pytest.mark.parametrize("text", LEFT_ALONE)
def test_look_alikes_left_alone(text):
    assert damage.find_damage(text) == []


def test_space_only_between_chinese_characters():
    assert [d[2] for d in damage.find_damage("三会一课 制度")] == ["lost quote mark"]
    assert damage.find_damage("Party building 党建") == []
    assert damage.find_damage("2024 年") == []


def test_offsets_point_at_the_damage():
    text = "认识此项工作的的重要性"
    (start, end, kind, note), = damage.find_damage(text)
    assert text[start:end] == "的的" and kind == "doubled character" and note


def test_dictionary_check():
    assert damage.is_word("在职") and not damage.is_word("在在") and not damage.is_word("领城")


def test_annotate_keeps_the_old_names():
    assert annotate.find_damage is damage.find_damage
    assert annotate.damage_patterns is damage.damage_patterns


def test_every_kind_has_a_note():
    kinds = {kind for _, kind, note in damage.damage_patterns() if note}
    assert {"lost value", "repeated word", "lost quote mark", "misrecognised character"} <= kinds
    assert all(note for _, _, note in damage.damage_patterns())
