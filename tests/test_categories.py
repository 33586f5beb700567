"""Categories for any scrape: six sectors of grassroots Party building, or `other`."""

from pathlib import Path

import pytest

import reportlib
from reportlib.annotate import (
    CATEGORIES,
    categorize,
    category_cues,
)
from reportlib.rules import DEFAULT_RULES, Rules

OFFICIAL = Path(__file__).parent / "data" / "official"
PARTY = "党支部按期开展组织生活,党员参加三会一课,党组织书记带头讲党课。"

#: Written texts, one per sector, each with Party-building vocabulary and the sector's own words.
SECTOR_TEXTS = [
    ("rural", "某行政村村两委班子调整后,驻村第一书记带领党员领办合作社。"),
    ("urban", "街道党工委统筹社区、网格和楼宇党建,物业企业参与小区治理。"),
    ("border", "抵边村党支部组织党员戍边巡逻,落实兴边富民行动。"),
    ("enterprise", "两新组织党建覆盖非公有制企业,民营企业出资人支持建立党组织。"),
    ("university", "高校院系学生党支部配备辅导员,推行教师党支部书记双带头人。"),
    ("government", "机关党委指导各党支部,公立医院党委落实党委领导下的院长负责制。"),
]


@pytest.mark.parametrize("category, text", SECTOR_TEXTS, ids=[c for c, _ in SECTOR_TEXTS])
def test_sector_cues_from_the_genre(category, text):
    assert categorize("", text + PARTY)[0] == category


def test_categories_are_the_six_sectors_and_other():
    assert CATEGORIES == ("rural", "urban", "border", "enterprise", "university", "government", "other")
    assert set(category_cues()["category"]) == {*CATEGORIES, "party"}


@pytest.mark.parametrize("path", sorted(OFFICIAL.glob("*.txt")), ids=lambda p: p.name[:12])
def test_official_documents_are_other(path):
    """Government work reports, congress reports and a No. 1 Central Document: none is a report
    on grassroots Party building, so none belongs to a sector (each has under 2 Party-building
    cues per 1,000 characters; the seed reports have over 16)."""
    report = reportlib.load(path).reports.iloc[0]
    assert report.category == "other", report.category_evidence
    density = float(report.category_evidence.split()[1])
    assert density < DEFAULT_RULES.min_party_cues_per_1000


def test_a_report_of_a_non_communist_party_is_other():
    text = "民盟某市委员会调研基层组织建设,盟员参加支部活动,民盟支部主委带领盟员履职。" * 3
    category, evidence = categorize("民盟基层组织建设调研报告", text)
    assert category == "other" and "民盟" in evidence


def test_a_government_work_report_is_other_even_with_party_words():
    text = "各位代表:现在我代表市人民政府向大会报告工作。" + PARTY * 3 + "推进农村改革,发展乡村产业。"
    assert categorize("2024年政府工作报告", text)[0] == "other"


def test_evidence_shows_every_score():
    category, evidence = categorize("某村党建调研报告", "农村党员参加社区活动。" + PARTY)
    assert category == "rural"
    assert evidence.startswith("party ")
    assert [part.split()[0] for part in evidence.split("; ")] == ["party", "rural", "urban"]


def test_a_sparse_opening_of_the_genre_keeps_its_sector():
    """A page's opening may name its sector long before the Party: without evidence of another
    genre it stays in its sector; a text with no sector cue at all is other."""
    assert categorize("", "农村道路硬化,农业产量增长,农民收入提高。" * 5)[0] == "rural"
    assert categorize("", "今天天气很好,我们去公园散步。" * 5)[0] == "other"


def test_a_sparse_text_with_cues_of_another_genre_is_other():
    text = "农村道路硬化,农业产量增长,农民收入提高。" * 5 + "提请人民代表大会审议。"
    assert categorize("", text)[0] == "other"


def test_a_party_short_name_across_a_word_boundary_is_no_cue_of_another_genre():
    """居民进行, 边民进入, 农民建房 hold 民进 and 民建 but name no party: a sparse border text keeps
    its sector; the short name standing alone still counts."""
    text = "抵边村寨居民进行边境巡逻,边民进入边境地区务工,农民建房增多,守边固边任务繁重。" * 3
    category, evidence = categorize("", text)
    assert category == "border" and "民进" not in evidence and "民建" not in evidence
    assert "民进×1" in categorize("", "九三学社、民进的成员参加了边境地区调研。")[1]


def test_a_cited_work_is_no_cue_of_another_genre():
    """A village study quoting 《…在…全国代表大会上的报告》 cites the Congress report; it is not one."""
    text = ("乡村治理组织在乡村振兴中发挥作用,农村社会组织日益活跃。" * 4 +
            "参见《决胜全面建成小康社会——在中国共产党第十九次全国代表大会上的报告》。")
    assert categorize("", text)[0] == "rural"
    assert categorize("", text.replace("《", "").replace("》", ""))[0] == "other"


@pytest.mark.parametrize("text, sector", [
    ("离退休干部党支部设在老干部局,离退休干部党员参加组织生活。" * 2, "government"),
    ("县教育局党委对全县教育系统学校党组织开展调研,党员教师发挥作用。" * 2, "government"),
    ("村改居后的回迁社区,原村委会转为社区居委会,党组织随之调整。" * 2, "urban"),
    ("县供电公司成立联合党支部,党员服务队为群众检修线路。" * 2, "enterprise"),
    ("问卷中共青团员占60%,入党积极分子占30%,多数人希望入党。" * 2, "university"),
    ("街道推动小个专党建,在商圈和专业市场里建立党支部,覆盖小微企业。" * 2, "enterprise"),
    ("支部有党员40名,其中外出务工党员12名,流动党员管理难度大。" * 2, "rural"),
    ("全省律师事务所实现党组织全覆盖,律师行业党委指导律所党支部开展活动,党员律师发挥作用。" * 2, "enterprise"),
    ("县卫生局党委对乡镇卫生院党组织开展调研,党支部书记多由院长兼任。" * 2, "government"),
])
def test_cues_of_sectors_read_from_the_genre(text, sector):
    assert categorize("", text)[0] == sector


def test_a_congress_committee_investigation_is_other_despite_its_field_title():
    """A sparse text whose title names an investigation keeps its sector (a page's opening may not
    name the Party yet), unless another genre's cues recur: 人大常委会 twice."""
    body = "县人大常委会组织视察农村卫生工作,乡镇卫生院条件改善,农村医疗水平提高。" * 2
    assert categorize("农村卫生工作调查报告", body)[0] == "other"
    assert categorize("农村卫生工作调查报告", body.replace("县人大常委会组织", "课题组", 1))[0] == "rural"


def test_party_building_brought_into_firms_is_enterprise():
    assert categorize("党建入企:非公企业党组织的新探索", "")[0] == "enterprise"


def test_another_genre_named_in_the_title_is_other():
    body = "高校基层组织建设情况良好,学生党员发挥作用,高校党建工作扎实。" * 3
    assert categorize("九三学社课题组赴高校调研", body)[0] == "other"
    assert categorize("课题组赴高校调研", body)[0] == "university"


def test_glosses_masked_in_the_normalised_view_split_no_cue():
    assert categorize("", "醫    院黨      建工作,醫    院黨委領導")[0] == "government"


def test_traditional_script_is_classified_like_simplified():
    pytest.importorskip("reportlib.normalize")
    simplified = "某行政村村两委班子调整后,驻村第一书记带领党员领办合作社。" + PARTY
    traditional = ("某行政村村兩委班子調整後,駐村第一書記帶領黨員領辦合作社。"
                   "黨支部按期開展組織生活,黨員參加三會一課,黨組織書記帶頭講黨課。")
    assert categorize("", traditional)[0] == categorize("", simplified)[0] == "rural"


def test_pinyin_glosses_do_not_hide_cues():
    glossed = "非公(fēi)企(qǐ)業(yè)黨(dǎng)建(jiàn)覆蓋民營(yíng)企業(yè),黨(dǎng)員(yuán)參加組織生活。"
    plain = "非公企業黨建覆蓋民營企業,黨員參加組織生活。"
    assert categorize("", glossed) == categorize("", plain)  # same cues, same evidence
    assert categorize("", glossed)[0] == "enterprise"


def test_two_new_organizations_are_enterprise_cues():
    text = ("区委两新工委指导街道和社区做好新经济组织、新社会组织党建工作,"
            "两新组织党组织覆盖率逐年提高,党员发挥作用。")
    category, evidence = categorize("", text)
    assert category == "enterprise", evidence
    # without those words the same sentence frame goes to urban
    assert categorize("", "区委指导街道和社区做好党建工作,党组织覆盖率逐年提高,党员发挥作用。")[0] == "urban"


def test_a_field_research_title_keeps_a_sparse_survey_in_its_sector():
    body = ("调研组走访了三个行政村,农村道路、饮水和村集体经济收入等情况有了很大改善,农民收入逐年增加。" * 3
            + "各位代表对此十分关心。")
    assert categorize("", body)[0] == "other"  # few Party-building words, a cue of another genre
    assert categorize("某镇农村发展现状调研报告", body)[0] == "rural"
    assert categorize("某镇农村发展现状報告", body)[0] == "other"  # a report, but not a field survey


def test_townships_of_a_border_region_are_border():
    # rural cues (乡镇, 镇党委, 村支书: 48) outnumber the border one (边疆: 24), which reaches half of them
    text = ("某县某镇地处边疆,镇党委组织各村村支书和乡镇干部走访群众,农村党员带头。" + PARTY) * 3
    category, evidence = categorize("某镇示范区建设调研报告", text)
    assert category == "border", evidence
    assert categorize("某镇示范区建设调研报告", text, rules=Rules(min_border_share=0.6))[0] == "rural"


def test_a_rural_report_mentioning_the_border_once_stays_rural():
    text = ("某镇党委组织各村村支书学习,乡镇干部驻村帮扶,农村党员带头致富。" + PARTY) * 3 + "该镇离边境较远。"
    category, evidence = categorize("某镇农村党建调研报告", text)
    assert category == "rural", evidence


def test_the_work_report_of_a_consultative_conference_committee_is_other():
    text = "各位委员:我代表常务委员会,向大会报告工作。商会和企业界委员积极建言,商会工作有新进展。" * 3
    category, evidence = categorize("政治协商会议全国委员会常务委员会工作报告", text)
    assert category == "other", evidence


def test_office_buildings_and_platform_workers_are_enterprise():
    text = ("商务楼宇党建覆盖楼宇内企业,外卖骑手和快递员等新就业群体加入党组织。" + PARTY) * 3
    category, evidence = categorize("某区楼宇党建调研报告", text)
    assert category == "enterprise", evidence


def test_our_institution_in_a_hospital_survey_is_no_university_cue():
    text = ("我院机关党委组织各支部党员填写问卷,我院医院党建工作有新进展。" + PARTY) * 3
    category, evidence = categorize("", text)
    assert category == "government", evidence


def test_the_work_of_peoples_congresses_as_a_subject_is_another_genre():
    """A survey of how the Party leads the work of people's congresses names that genre in its title;
    a township report that mentions its congress work in passing keeps its sector."""
    body = "课题组通过问卷调研,了解机关干部对党的领导的认识,党员干部参与度较高。" * 3
    assert categorize("关于党对人大工作的领导现状调研报告", body)[0] == "other"
    rural = "乡镇党委抓好村党支部建设,村干部队伍稳定,农村党员发挥作用,乡镇人大工作有序开展。" * 3
    assert categorize("某镇党建工作调研报告", rural)[0] == "rural"


def test_village_or_community_is_the_village_level():
    """村(社区)党组织 is the village (or community) Party organisation of a county's survey: it counts
    as a village, not as a city community."""
    text = "全县软弱涣散村(社区)党组织整顿后,村(社区)党组织书记队伍得到加强,社区和村庄面貌改善。" * 2
    category, evidence = categorize("", text)
    assert category == "rural" and "村党组织×4" in evidence and "社区×2" in evidence
    assert categorize("", text.replace("村(社区)", "社区"))[0] == "urban"


def test_a_report_whose_words_name_no_sector_is_read_with_its_front_matter(tmp_path):
    """A journal page whose saved text is its abstract and one clause of its body: the abstract
    (front matter, noise) says what the report is about."""
    from reportlib import load

    abstract = "摘要:自贸区非公企业党建服务创新,提升非公企业对党建工作的满意度,探索两新组织党建新路径。"
    body = "新技术时代的党建工作面临新的要求,党建服务要不断创新,"
    assert categorize("", body)[0] == "other"
    category, evidence = categorize("", body, front_matter=abstract)
    assert category == "enterprise" and evidence.startswith("with the front matter before it")
    assert categorize("", "农村党建工作面临新的要求,村党支部要不断创新,", front_matter=abstract)[0] == "rural"
    (tmp_path / "page.txt").write_text(f"{abstract}\n关键词:非公企业;党建\n{body}\n", encoding="utf-8")
    reports = load(tmp_path / "page.txt", overrides=False).reports
    assert reports["start_line"].tolist() == [3] and reports["category"].tolist() == ["enterprise"]


def test_an_authors_affiliation_is_no_front_matter_for_the_sector(tmp_path):
    """The university an author works at says nothing of the report's sector: a text that names no
    sector stays `other` with only the byline and affiliation before it."""
    from reportlib import load

    text = ("王某某\n(某某大学 马克思主义学院,北京 100000)\n"
            "党员退出机制的历史考察,党员队伍的纯洁性是党的建设的重要内容。\n")
    (tmp_path / "page.txt").write_text(text, encoding="utf-8")
    corpus = load(tmp_path / "page.txt", overrides=False)
    assert corpus.reports["category"].tolist() == ["other"]
    assert "author affiliation" in " ".join(corpus.noise["reason"])
