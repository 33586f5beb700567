"""Page chrome of real scrapes: noise with a reason naming its kind, never report text.

The pages are written for these tests; they reproduce what document-sharing sites, essay sites
and journal aggregators put around a report.
"""

import pytest

import reportlib
from reportlib.io import Line
from reportlib.normalize import normalize
from reportlib.segment import classify_line

BODY = "全镇共有基层党组织四十二个,党员一千二百名,组织生活制度落实到位,党员作用发挥明显。" * 6


def load_text(tmp_path, text):
    (tmp_path / "page.txt").write_text(text, encoding="utf-8")
    return reportlib.load(tmp_path / "page.txt", overrides=False)


def noise_reasons(corpus):
    return dict(zip(corpus.noise["text"].str.strip(), corpus.noise["reason"]))


DOWNLOAD_PAGE = f"""某镇农村基层党建工作调研报告_某某文库
设为首页 加入收藏 我的足迹 购物车
本文由会员分享,可在线阅读,更多相关请下载文档
下面是小编为大家整理的某镇农村基层党建工作调研报告,供大家参考。
61阅读
某镇农村基层党建工作调研报告
一、基本情况
{BODY}
二、存在问题
{BODY}
仅展示672字,全文4610字
精品资料 - - - 欢迎下载
"""


def test_download_page_chrome_is_noise_and_the_title_follows_it(tmp_path):
    corpus = load_text(tmp_path, DOWNLOAD_PAGE)
    assert corpus.reports["title"].tolist() == ["某镇农村基层党建工作调研报告"]
    assert corpus.reports["start_line"].tolist() == [6]
    reasons = noise_reasons(corpus)
    assert reasons["某镇农村基层党建工作调研报告_某某文库"] == "page title repeated before the article's title"
    assert reasons["设为首页 加入收藏 我的足迹 购物车"] == "navigation and account bar"
    assert reasons["61阅读"] == "reading counter"
    assert reasons["仅展示672字,全文4610字"] == "paywall note"
    assert "editor's lead-in" == reasons["下面是小编为大家整理的某镇农村基层党建工作调研报告,供大家参考。"]


JOURNAL_PAGE = f"""APP下载
2020-03-14 王某某
党建研究 2020年第3期
王某某
新时代村级党组织组织力提升的思考
摘要:本文以某县为例,分析了村级党组织组织力建设的现状、问题和对策,提出了若干建议。
关键词:组织力;村级党组织;乡村治理
中图分类号:D267 文献标识码:A 文章编号:1000-0000(2020)03-0001-05
一、问题的提出
{BODY}
二、对策
{BODY}
"""


def test_journal_masthead_and_front_matter_are_noise(tmp_path):
    corpus = load_text(tmp_path, JOURNAL_PAGE)
    assert corpus.reports["title"].tolist() == ["新时代村级党组织组织力提升的思考"]
    reasons = noise_reasons(corpus)
    assert reasons["2020-03-14 王某某"] == "publication date and byline"
    assert reasons["党建研究 2020年第3期"] == "journal issue (masthead)"
    assert reasons["王某某"] == "byline (names before or after the title)"
    assert all(reasons[t.split(":")[0] + ":" + t.split(":", 1)[1]] == "journal front matter"
               for t in corpus.noise["text"] if t.startswith(("摘要", "关键词", "中图分类号")))
    assert corpus.paragraphs["text"].iloc[1] == "一、问题的提出"


def test_a_short_heading_before_the_text_is_not_taken_for_a_name(tmp_path):
    corpus = load_text(tmp_path, f"某县党建工作调研报告\n前言\n{BODY}\n一、做法\n{BODY}\n")
    assert corpus.noise.empty
    assert corpus.paragraphs["text"].tolist()[1] == "前言"


def test_title_repeated_as_a_footer_is_not_a_second_report(tmp_path):
    corpus = load_text(tmp_path, f"某社区党建工作的调研\n一、做法\n{BODY}\n二、建议\n{BODY}\n某社区党建工作的调研\n")
    assert len(corpus.reports) == 1
    assert noise_reasons(corpus)["某社区党建工作的调研"] == "title repeated as a footer"


def test_page_counter_glued_to_the_title_is_stripped_from_the_title_only():
    text = "第1页共7页农村党的基层组织建设调研报告"
    c = classify_line(Line("x.txt", 1, text, "\n"))
    assert c.kind == "title" and c.heading == "农村党的基层组织建设调研报告"
    assert text[c.content_offset:] == "农村党的基层组织建设调研报告"
    assert c.reason == "page counter stripped (第1页共7页)"


def test_page_counter_glued_to_a_title_keeps_the_title_in_the_report(tmp_path):
    corpus = load_text(tmp_path,
                       f"第1页共7页农村党的基层组织建设调研报告\n一、现状\n{BODY}\n第2页共7页\n二、对策\n{BODY}\n")
    assert corpus.reports["title"].tolist() == ["农村党的基层组织建设调研报告"]
    assert corpus.reports["start_line"].tolist() == [1]
    assert noise_reasons(corpus)["第2页共7页"] == "page counter"


@pytest.mark.parametrize("line", [
    "党员通过阅读原著、下载课件等方式开展自学,全年共7页笔记材料交流。",
    "关键在于抓好村党组织书记队伍,作者所在调研组走访了十个村。",
])
def test_report_sentences_with_chrome_words_stay_report_text(tmp_path, line):
    corpus = load_text(tmp_path, f"某村党建调研报告\n一、情况\n{line}\n{BODY}\n")
    assert line in corpus.paragraphs["text"].tolist()
    assert corpus.noise.empty


def test_every_chrome_line_has_a_reason_and_the_page_rebuilds(tmp_path):
    corpus = load_text(tmp_path, DOWNLOAD_PAGE + JOURNAL_PAGE)
    assert (corpus.noise["reason"] != "").all()
    assert "".join(corpus.lines["text"] + corpus.lines["ending"]) == DOWNLOAD_PAGE + JOURNAL_PAGE


ARTICLE_PAGE = f"""中心智库 数据检索 在线投稿 设为首页 加入收藏
TOP
整合与覆盖:城市基层党建的格局重塑——基于某市的考察
2019-08-03王某某
党政研究 2019年第4期
王某某
〔摘要〕城市基层党建模式经历了多个发展阶段。
一、问题的提出
{BODY}
"""


def test_a_long_title_with_a_colon_is_found_after_the_chrome(tmp_path):
    corpus = load_text(tmp_path, ARTICLE_PAGE)
    assert corpus.reports["title"].tolist() == ["整合与覆盖:城市基层党建的格局重塑——基于某市的考察"]
    assert corpus.reports["start_line"].tolist() == [3]
    reasons = noise_reasons(corpus)
    assert reasons["王某某"] == "byline (names before or after the title)"
    assert reasons["2019-08-03王某某"] == "publication date and byline"


def test_bulleted_page_metadata_is_noise():
    reasons = [classify_line(Line("x.txt", 1, text, "\n")).reason for text in
               ("- 刘某 秦某主编", "- 8908字", "- 2024-12-23 17:53:27")]
    assert reasons == ["byline (editors of a book)", "word count of the page",
                       "publication date and time of the page"]


def test_a_first_sentence_is_not_taken_for_a_title(tmp_path):
    corpus = load_text(tmp_path, f"为了解全市社区党建情况,调研组走访了十个社区。\n一、做法\n{BODY}\n")
    assert corpus.reports["title"].tolist() == [""]


# -- news and template pages: written to reproduce what such pages put around a report --

NEWS_PAGE = f"""精品久久中文字幕_亚洲欧美一区二区在线观看
某某网
某某网>>某省频道>>盟市>>某 某 盟
某旗:聚焦“四个实现”推进牧区党建提质增效
2022年04月09日17:54 | 来源:某某网-某省频道
小字号
{BODY}
时政 某某网 2017-04-24
[某市新闻-某某网]
{BODY}
图为社区党员志愿者帮助农户销售农产品的微信截图
记者_张某某
通讯员 李某
相关推荐
推荐中...
"""


def test_news_page_chrome_is_noise(tmp_path):
    corpus = load_text(tmp_path, NEWS_PAGE)
    assert corpus.reports["title"].tolist() == ["某旗:聚焦“四个实现”推进牧区党建提质增效"]
    assert corpus.reports["start_line"].tolist() == [4]
    reasons = noise_reasons(corpus)
    assert reasons["精品久久中文字幕_亚洲欧美一区二区在线观看"] == "advertisement or spam"
    assert reasons["某某网>>某省频道>>盟市>>某 某 盟"] == "breadcrumb navigation"
    assert reasons["2022年04月09日17:54 | 来源:某某网-某省频道"] == "publication date and source of the page"
    assert reasons["时政 某某网 2017-04-24"] == "page metadata (column, site and date)"
    assert reasons["[某市新闻-某某网]"] == "source tag of a news page"
    assert reasons["图为社区党员志愿者帮助农户销售农产品的微信截图"] == "photo caption"
    assert reasons["记者_张某某"] == reasons["通讯员 李某"] == "byline"
    assert reasons["推荐中..."] == "loading placeholder of a page widget"
    assert len(corpus.paragraphs) == 3  # title and the two body lines, nothing else


TEMPLATE_PAGE = f"""欢迎来到某某范文网!
关于公立医院党支部建设情况调研报告(2024年)
时间:2024-03-30 12:42:02 来源:某某范文网
下面是小编为大家整理的关于公立医院党支部建设情况调研报告(2024年),供大家参考。
关于公立医院党支部建设情况调研报告(2024年)
一、基本情况
{BODY}
"""

QUESTION_PAGE = f"""关于医院党建工作调研报告有哪些实用模板
时间: 某某 分享
关于医院党建工作调研报告有哪些实用模板
那么关于医院的党建调研报告有哪些呢?下面是小编为大家整理的,欢迎阅读。
医院党建工作调研报告(一)
一、基本情况
{BODY}
"""

GLUED_PAGE = f"""关于全市模范机关创建工作的调研报告
加入Vip免费下载 立即下载
关于全市模范机关创建工作的调研报告 20XX年7月,全市机关党建工作会议召开。{BODY}
"""


@pytest.mark.parametrize("text, title, start", [
    (TEMPLATE_PAGE, "关于公立医院党支部建设情况调研报告(2024年)", 5),
    (QUESTION_PAGE, "医院党建工作调研报告(一)", 5),
    (GLUED_PAGE, "", 3),
])
def test_the_page_heading_above_chrome_is_not_the_report_title(tmp_path, text, title, start):
    corpus = load_text(tmp_path, text)
    assert corpus.reports["start_line"].tolist() == [start]
    assert corpus.reports["title"].tolist() == [title]
    assert set(corpus.noise["line"]) == set(range(1, start))
    assert {"page title repeated before the article's title", "page heading above the document's title"} & \
        set(corpus.noise["reason"])


def test_a_title_above_its_subtitle_and_first_heading_stays_the_title(tmp_path):
    text = f"某县农村党建调研报告\n——以某镇为例\n时间:2024-03-30\n一、基本情况\n{BODY}\n"
    corpus = load_text(tmp_path, text)
    assert corpus.reports["title"].str.startswith("某县农村党建调研报告").tolist() == [True]
    assert corpus.reports["start_line"].tolist() == [1]


def test_journal_names_of_five_characters_and_front_matter_with_lost_spaces(tmp_path):
    text = f"其其格 塞寒 鲍娜仁高娃\n摘? 要:牧区基层治理的基本理念是服务群众。\n关键词:牧区? ? ?基层治理\n{BODY}\n"
    corpus = load_text(tmp_path, text)
    assert corpus.reports["start_line"].tolist() == [4]
    assert set(corpus.noise["line"]) == {1, 2, 3}


@pytest.mark.parametrize("line, reason", [
    ("★ 杨某某", "byline (a starred author name)"),
    ("……(开头部分已省略461字)", "paywall note"),
    ("欢迎光临某某文库", "site greeting"),
])
def test_more_chrome_lines(line, reason):
    assert classify_line(Line("x.txt", 1, line, "\n")).reason == reason


@pytest.mark.parametrize("line", [
    "党员群众纷纷合影留念,场面十分感人,大家表示要继续努力。",
    "2024年3月,全市召开党建工作会议,来源于基层的经验得到推广。",
    "欢迎各位党员群众积极参与社区议事,共同建设美好家园。",
    "亚洲最大的光伏电站落户本县,带动三百余户脱贫。",
    "课题组走访了某县>某镇>某村三级党组织。",
])
def test_report_sentences_like_chrome_stay_text(tmp_path, line):
    corpus = load_text(tmp_path, f"某村党建调研报告\n一、情况\n{line}\n{BODY}\n")
    assert line in corpus.paragraphs["text"].tolist()


@pytest.mark.parametrize("line, reason", [
    ("首页 职场指南 调研报告", "breadcrumb navigation"),
    ("某某工作网 >报告范文", "breadcrumb navigation"),
    ("- 文档编号:13736784", "document metadata of a sharing site"),
    ("大小:46.20KB", "document metadata of a sharing site"),
    ("更新时间:2023-07-21 15:24:10 发布时间:24小时内", "document metadata of a sharing site"),
    ("上QQ阅读APP看书,第一时间看更新", "app download notice"),
    ("声明 : 本文档内容版权归属内容提供方 , 如果您对本文有版权争议 , 可与客服联系", "copyright notice"),
    ("某市某镇某村村貌。(某镇党委供图)", "photo caption"),
    ("某市某镇某村风景。 张某某 摄", "photo caption"),
    ("收藏 分享赚钱", "share buttons"),
    ("关键词    高校    学生党员    形象", "journal front matter"),
])
def test_chrome_of_sharing_sites_and_news_pages(line, reason):
    assert classify_line(Line("x.txt", 1, line, "\n")).reason == reason


@pytest.mark.parametrize("line", [
    "首页设计要简洁,党员登录后可以查看学习内容。",
    "党员可通过手机下载APP参加网上学习,实现学习全覆盖,效果很好。",
    "建立党员服务网,织密组织网,工作网络延伸到每个楼栋。",
    "关键词是服务,社区党组织要把服务群众作为工作的出发点。",
    "村民合影留念后,工作队继续走访了五户困难群众家庭。",
])
def test_sentences_with_words_of_that_chrome_stay_text(tmp_path, line):
    corpus = load_text(tmp_path, f"某村党建调研报告\n一、情况\n{line}\n{BODY}\n")
    assert line in corpus.paragraphs["text"].tolist()


def test_a_collection_page_title_numbered_pieces_and_a_spaced_title(tmp_path):
    text = (f"某县国有企业党建工作调研报告(实用5篇)\n时间:2023-10-09 04:56:30\n企业党建工作现状调研报告篇一\n"
            f"一、基本情况\n{BODY}\n2023 基层 党建 调查研究 报告\n基层党建调查研究报告   一、基本情况   {BODY}\n")
    corpus = load_text(tmp_path, text)
    assert corpus.reports["start_line"].tolist() == [3, 7]
    reasons = noise_reasons(corpus)
    assert reasons["某县国有企业党建工作调研报告(实用5篇)"] == "page title of a collection"
    assert reasons["2023 基层 党建 调查研究 报告"] == "page title repeated before the article's title"


def test_a_lone_name_above_the_first_sentence_is_a_byline(tmp_path):
    corpus = load_text(tmp_path, f"王某鹏\n十八大报告指出,党的基层组织是党全部工作和战斗力的基础。\n{BODY}\n")
    assert corpus.reports["start_line"].tolist() == [2]
    assert noise_reasons(corpus)["王某鹏"] == "byline (names before or after the title)"


@pytest.mark.parametrize("first", ["李家村", "党建引领", "高校党建", "基本情况"])
def test_a_short_heading_or_place_above_the_first_sentence_stays_text(tmp_path, first):
    corpus = load_text(tmp_path, f"{first}\n十八大报告指出,党的基层组织是党全部工作和战斗力的基础。\n{BODY}\n")
    assert corpus.noise.empty


@pytest.mark.parametrize("line, reason", [
    ("| 浏览量:", "reading counter"),
    ("閱讀:", "reading counter"),
    ("某镇党建调研报告.doc_第2页", "page list of a shared document"),
    ("某镇党建调研报告(最新版)_第3页", "page list of a shared document"),
    ("第2页 / 共9页", "page counter"),
    ("已阅读3页,还剩2页未读 继续免费阅读", "paywall note"),
    ("亲,该文档总共9页,到这儿已超出免费预览范围,如果喜欢就下载吧!", "paywall note"),
    ("---此处隐藏3100字,下载后查看---", "paywall note"),
    ("(阅读全部图文内容,您需要先登录!)", "paywall note"),
    ("版权说明:本文档由用户提供并上传,收益归属内容提供方", "download disclaimer"),
    ("资源描述", "download or sharing notice"),
    ("某村党员在党群服务中心学习。张某某、王某摄/某某图片", "photo caption"),
    ("△党员志愿者在村道清扫", "photo caption"),
    ("  核心提示:某区在商务楼宇中建立党组织,探索出一条新路。课题组对此作了调研。",
     "page summary above the document's title"),
    ("《 某某日报 》( 2023年06月12日 5 版)", "newspaper and page of the article"),
    ("12.05.2019  09:20", "publication date and time of the page"),
    ("(办公室 某某某供稿)", "byline"),
    ("发布机构 | 某某苏木 | 文 号 | |", "document metadata of a government site"),
    ("〉〉〉〉〉某某某", "navigation fragment"),
    ("標籤:", "page metadata"),
    ("Abstract", "journal front matter"),
    ("论文总字数:31250字", "document metadata of a sharing site"),
    ("××", "redacted name (byline)"),
    ("收藏 分享(赏)", "share buttons"),
    ("点击播报本文,约", "page controls"),
    ("《某某日报》 2015年03月31日", "newspaper and page of the article"),
    ("《某某卫生事业管理》", "journal or newspaper name"),
    ("2020年第3期45-48,共4页", "journal issue (masthead)"),
    ("【正文】", "page metadata"),
    ("○某某", "byline"),
    ("某市某区某镇人民政府镇长 某某某", "byline (the speaker of a work report)"),
    ("(某某大学中国乡村治理研究中心教授)", "author affiliation (journal front matter)"),
    ("某某教师之家 | 调查报告 | 人气:57", "reading counter"),
    ("注:因版权方要求,不能公开全文,如需全文,请咨询杂志社", "paywall note"),
    ("【内容摘要】民营企业作为经济和社会发展的重要市场主体", "journal front matter"),
    ("标签:调查报告作文,如何写调查报告", "page metadata"),
    ("【原编者按】近日,某刊印发了一份工作方案,引起关注。", "editor's note"),
    ("您当前所在的位置: 某某大学 -> 学术动态 -> 正文", "breadcrumb navigation"),
    ("新闻 财经 体育 娱乐 科技 教育 健康 旅游", "navigation bar (a row of section names)"),
    ("LANGUAGES", "navigation fragment"),
    ("字体:", "font-size control"),
    ("行政管理專業××", "byline (a student's major, name blanked)"),
    ("〔中圖分類", "journal front matter"),
    ("(1.某某大学 马克思主义学院,某市 200000;2.某某大学(某校区) 马克思主义学院,某市 510000)",
     "author affiliation (journal front matter)"),
    ("您当前的位置:首页  /  纪念文集", "breadcrumb navigation"),
    ("项目基金:本文是某某基金项目(15ASH014)的阶段性成果。", "journal front matter"),
    ("预览结束,免费获取全文或定制代笔此类文章!", "advertisement or spam"),
    ("本期《某栏目》关注社区党建的新做法。", "editor's note"),
    ("1.中共某某委员会党校某处;2.某某医院某科", "author affiliation (journal front matter)"),
    ("To study the Party’s work in non-public enterprises, this paper surveys 120 firms in one city.",
     "English text added by the site"),
    ("返回 下载 相关 举报", "share buttons"),
    ("　　新華社某地5月8日電", "dateline of a news agency"),
    ("2020年某某部banner嵌入", "page template residue"),
    ("http://www.example.com 2003年02月20日 17:50 《某某》雜志", "site name or address"),
    ("團隊成員:張某某、李某", "byline"),
    ("某某縣人民政府縣長 王某某", "byline (the speaker of a report)"),
    ("2019-12-16 08:17:55王某某李某某张某", "publication date and byline"),
    ("某某大學 某某學院,某市 200001", "author affiliation (journal front matter)"),
    ("摘? 要? 本文調查某校教師黨支部的組織生活情況。", "journal front matter"),
    ("關(guān)鍵詞? 高校;黨支部;組織生活", "journal front matter"),
    ("某省教育·高教 2015年3期", "journal issue (masthead)"),
    ("地方分站 [切换城市]", "navigation and account bar"),
    ("文章字数:2080", "document metadata of a sharing site"),
    ("某某知 moumouzhi", "site name or address"),
    ("工作報告 >調研報告 >", "breadcrumb navigation"),
    ("1. 中國某某網 > 新聞 > 某地新聞", "breadcrumb navigation"),
    ("本文目录基层党建调研报告乡镇机关基层党建调研报告", "table of contents"),
    ('<style id="abc"></style>', "HTML markup left by the scrape"),
    ('<noscript id="abc"><meter id="abc"></meter></noscript>', "HTML markup left by the scrape"),
    ("发表时间:", "page metadata"),
    ("版块分类:", "page metadata"),
    (">可下载PDF全文(有效期7天)。", "download or sharing notice"),
    ("点击查看更多>>", "download or sharing notice"),
    ("某某,某某大学政府管理学院院长、教授;", "author biography (journal front matter)"),
    ("中共某市某区委直属机关工作委员会", "byline (the issuing body)"),
    ("某某医药高等专科学校 耿某 贾某", "byline (an affiliation and names)"),
    ("(获2019年度全市党建调研成果一等奖)", "award note"),
    (") k# P2 { W& Q8 M5 z' y", "scrambled characters (a forum's copy protection)"),
    ("■某市委组织部课题组", "byline (the issuing body)"),
    ("□楊某", "byline (a starred author name)"),
    ("好好范文", "site name or address"),
    ("內容提要本文以某市安置社區為例,分析村委會在城市化中的角色變化。", "journal front matter"),
    ("關鍵詞安置社區村委會角色變化", "journal front matter"),
    ('摘"要:本文調查了某民辦高校黨建與業務工作的結合情況。', "journal front matter"),
    ("[ 作者:李某華?汪某青?  文章來源:某某網  點擊數: 更新時間:2016-05-23 ]", "page metadata"),
    ("亲,该文档总共3页,全部预览完了,如果喜欢就下载吧!", "paywall note"),
    ("调查报告", "section name of the site"),
    ("某某网_书友最值得收藏!", "site name or address"),
    ("《某某》杂志2025年第2期刊发市委书记某某某署名文章《以某某为引领》", "source note of the article"),
    ("The survey team visited twelve private firms of the county to see how their Party branches work",
     "English text added by the site"),
    ('【摘" "要】 本文以某鎮為例,討論黨組織如何帶動鄉村發展。', "journal front matter"),
    ("摘要本文调查了某校学生党员参加社会实践的情况。", "journal front matter"),
    ("内容预览:", "download or sharing notice"),
    ("新来的客人请【点此注册】加入会员", "paywall note"),
    ("前言:想要写出一篇引人入胜的文章?我们特意为您整理了某某范文,希望能给你带来灵感", "editor's lead-in"),
    ("某村护边员在界碑旁巡逻。某县边境事务局供图", "photo caption"),
    ("顾 问:王某某 林某某 张 某", "journal masthead"),
    ("委 员(以姓氏笔画为序):", "journal masthead"),
    ("刘某林(《某某教育导刊》常务副主编)", "journal masthead"),
    ("审 校:某某办公室", "journal masthead"),
    ("相关热词搜索:", "navigation links"),
    ("添加某某网到电脑桌面", "site notice"),
    ("整理文档很辛苦,赏杯茶钱您下走!", "site notice"),
    ("2. School of Public Administration, Some University", "author affiliation (journal front matter)"),
    ("目錄/提綱:……", "table of contents"),
    ("……(某某网https://www.example.cn省略902字,正式会员可完整阅读)", "paywall note"),
    ("收藏《关于某乡党员队伍建设的调查》)", "paywall note"),
    ("【學習貫徹全會精神·基層黨建看某地】", "column tag of a news page"),
    ("某某日報記者 彭某暉 徐某雨 劉某東", "byline"),
    ("2. 某某大学社会学系", "author affiliation (journal front matter)"),
    ("2021-07-13 08:17:00張某王某李某月王某麗郭某輝張某慶", "publication date and byline"),
    ("第03版:要闻 PDF版", "newspaper and page of the article"),
    ("收听本文 00:00/00:00", "page controls"),
    ("猜你喜欢", "related-articles box"),
    ("来自某某学院-李某发布于:2021-03-02 10:15:20", "publication date and byline"),
    ("点赞 (0) 回复", "social buttons"),
    ("打开文本图片集", "page controls"),
    ("【资料图】", "photo caption"),
    ("地址:http://www.example.cn/news/123.html", "page metadata"),
    ("2021-05-06 2 1 某某日报 content_12345.html 1 某县党建 -->", "page template residue"),
    ("2. 为防止资源被随意传播,本站部分文稿需要会员才可阅读,请予谅解!", "site notice"),
    ("《某某经济周刊》記者 張某 | 某地報道", "byline"),
    ("文章来源", "page metadata"),
    ("本篇文章820字,读完约3分钟", "reading counter"),
    ("点击:0时间:2023-04-18 21:23:59", "reading counter"),
    ("微信扫一扫 ×", "page controls"),
    ("教育   2024-11-10 22:38   云南", "page metadata (column, site and date)"),
    ("引用本文", "journal front matter"),
    ("作者简介", "journal front matter"),
    ("现将某某蓝皮书的各篇报告逐篇推送,以飨读者。", "editor's lead-in"),
    ("12人支持", "reading counter"),
    ("🕑(撰稿:李某某)", "byline"),
    ("□ 文/高 某 李某某", "byline"),
    ("你的位置:某某网 > 新闻动态 > 某区党建引领快递小哥参与基层治理", "breadcrumb navigation"),
    ("日期:2023-01-12 阅读量:0次 所属栏目:三农问题", "page metadata"),
    ("责编:李某", "page metadata"),
    ("核心观点:民营企业党建工作关键是要明确职责、创新思路。", "page summary above the document's title"),
    ("3. 下载前请仔细阅读文档内容,确认文档内容符合您的需求后进行下载。", "download or sharing notice"),
    ("某某公网安备 31010402000000号", "site footer"),
    ("据中新网报道", "page metadata"),
    ("某市讯(通讯员 李某某)", "byline"),
    ("Li Ming, Wang Fang, Zhang Wei", "byline (authors' names in English)"),
    ("(Some City Institute of Standardization)", "author affiliation (journal front matter)"),
    ("Chang Sha Wan Bao·2025-04-01 03:13", "publication date and source of the page"),
    (">>某市召开党建工作会议", "navigation links"),
    ("技术服务:某某信息技术有限公司", "site footer"),
    ("进入新闻频道新闻推荐", "navigation links"),
    ("下载某某客户端", "app download notice"),
    ("010070280010000000000000011100001128655494", "page template residue"),
    ("连队支部建设 联系客服", "navigation and account bar"),
    ("2022-07-04 02:21:48严", "publication date and byline"),
    ('>某某会议在京召开" /> ——某某党委成立前后" />', "HTML markup left by the scrape"),
    ("序言:我们为您准备了不同风格的5篇村级集体经济发展经验,期待它们能激发您的灵感。", "editor's lead-in"),
    ("相关主题", "related-articles box"),
    ("发文机构:外事办 | 信息分类:其他 | ||", "document metadata of a government site"),
    ("成文日期:2025-01-17 09:00:00 | 公开日期:2025-01-17 09:19:52 |", "document metadata of a government site"),
    ("Page 112 - 《某某研究》2025年第4期", "journal running head"),
    ("文章二维码", "page controls"),
    ("某地乡村五十年社会变迁 作者:王某某 著,王某某 编", "book metadata"),
    ("Share and Cite:", "journal front matter"),
    ("Xu, H.P. and Huang, H.M. (2025) Party Branches.", "journal front matter"),
    ("(本文系2024年度某市党校系统课题研究成果)", "journal front matter"),
    ("正文", "page metadata"),
    ("张 某 某某科学院社会发展战略研究院院长", "byline (a name and the author's post)"),
    ("□ 卢某营 高 某", "byline (a starred author name)"),
    ("初审编辑:田某文", "page metadata"),
    ("中共某某市委党校", "byline (the issuing body)"),
    ("某某出版社  2022/1/7 10:50:05", "page metadata (column, site and date)"),
    ("某某网站版权与免责声明:", "copyright notice"),
    ("① 凡本网注明“来源:某某网”的所有文字、图片,版权均属某某网所有。", "copyright notice"),
    ("The survey covers “dual-leader” branch secretaries in forty colleges across three provinces of China.",
     "English text added by the site"),
    ("引用格式:王某,李某.中小学校党组织领导的校长负责制[J].教学与管理,2024(07):11-15.", "journal front matter"),
    ("目的:本文将党建理论与某市基层党建工作实际紧密结合,提出对策。", "journal front matter"),
    ("更新日期:2022-07-16浏览次数:180", "document metadata of a sharing site"),
    ("徐某某/文 周某某/", "byline"),
    ("2025-09-10 07:03:52 122", "publication date and time of the page"),
    ("联系客服提示-某某写作文库", "navigation and account bar"),
    ("某市人民政府办公室承办", "site footer"),
    ("中国共产党新闻网>>党建>>第六届基层党建创新典型案例征集", "breadcrumb navigation"),
    ("• 中国某某网移动版", "site name or address"),
    ("全部评论", "comment thread"),
    ("2楼", "comment thread"),
    ("阅读原文阅读 5715回复 8", "reading counter"),
    ("本文来自网友发表,不代表本网站观点和立场,如存在侵权问题,请与本网站联系。", "download disclaimer"),
])
def test_chrome_of_document_sites_journals_and_news_agencies(line, reason):
    # lines are classified by their normalised view (simplified script, glosses masked), as load does
    assert classify_line(Line("x.txt", 1, normalize(line), "\n")).reason == reason


@pytest.mark.parametrize("line", [
    "县长 王某某在会上要求各乡镇抓好落实,确保任务完成。",
    "全县共有农家书屋阅读点12个,浏览量逐年增加。",
    "关键在于抓好党员队伍建设,发挥先锋模范作用。",
    "新华社记者在村里走访了十多户村民,了解党建工作的成效。",
    "团队成员分工明确,有的走访农户,有的整理问卷,工作很有成效。",
    "因此,课题组在某某大学、某某党校研究生部等院校发放问卷400份。",
    "区委组织部要求各支部按期换届,确保组织健全。",
    "委员会研究决定,成立工作专班。",
    "主编了《党建读本》一书,供全县党员学习。",
    "调研组在某大学召开座谈会,听取了二十多位教师的意见。",
    "1.加强组织建设;2.完善工作制度;3.落实党建责任。",
    "上一篇 下一篇近年来,某市税务局积极协助地方党委开展非公党建工作。",
    "一是强组织;二是优服务;三是促发展。",
    "XX村",
    "张三 李四 王五",
    "编者按语的作用是引导读者理解文章。",
    "PPT",
    "党支部书记 张某某在会上讲话",
    "《关于加强党的建设的意见》印发后,各地认真落实。",
    "核心问题在于支部书记的能力,提示我们要加强培训。",
    "(某某大学课题组在某县发放问卷300份,回收有效问卷286份。)",
    "本期培训共有学员80名,均为村党组织书记。",
    "△",
    "本站民警把党的政策送到牧民家中,帮助群众下载使用政务软件。",
    "调查问卷发布于2021年3月,共回收有效问卷300份。",
    "猜你喜欢的活动是什么?问卷显示,青年党员最喜欢志愿服务。",
    "点击率最高的是党建专栏,来源于群众的关注。",
    "第2版宣传材料印发后,群众反响良好。",
    "共有12人支持这一做法。",
    "织密基层党建网",
    "一是协同共建。深化党建引领工程,优化医共体方案。检查结果互认,某某彩票网的广告混入正文。彩票销售点也建立了党小组。",
    "据统计,全县共有党员3000名。",
    "基础(jī)设施大改善 生活条件节节高",
    "■ 基本情况",
    "---|---|---|---|",
    "党校是培训干部的主阵地,全市共有党校12所。",
    "目的:让党员在服务中受教育。",
    "强党建引领 当国门先锋",
    "展开调研后,课题组走访了12个村。",
])
def test_sentences_with_words_of_document_site_chrome_stay_text(tmp_path, line):
    corpus = load_text(tmp_path, f"某村党建调研报告\n一、情况\n{line}\n{BODY}\n")
    assert line in corpus.paragraphs["text"].tolist()


def test_a_decimal_numbered_section_ending_in_report_is_not_a_new_report(tmp_path):
    text = (f"某村调研报告\n一、调研内容\n{BODY}\n3.1 经济建设样例调查报告\n1. 乡村基础设施建设\n"
            "在调查中我们发现道路破损。\n")
    corpus = load_text(tmp_path, text)
    assert len(corpus.reports) == 1 and corpus.noise.empty


def test_a_bulleted_list_inside_a_report_stays_text(tmp_path):
    items = "".join(f"• {item}\n" for item in ("组织建设", "阵地建设", "队伍建设"))
    corpus = load_text(tmp_path, f"某社区党建调研报告\n{BODY}\n{items}{BODY}\n")
    assert corpus.noise.empty


def test_a_title_broken_by_a_hard_wrap_opens_the_report_with_its_piece_marker(tmp_path):
    text = f"时间:2022-01-14 14:47:32 浏览次数:次\n某镇基层党组织现状及存在问题调研报\n告\n范文一\n{BODY}\n"
    corpus = load_text(tmp_path, text)
    assert corpus.reports["start_line"].tolist() == [2]
    assert list(corpus.noise["line"]) == [1]


def test_an_outline_under_its_label_is_noise_and_the_text_below_it_is_not(tmp_path):
    text = (f"某开发区党建工作调研报告\n目录/提纲:……\n一、园区基本情况\n二、园区党建情况\n一是突出重点\n"
            f"三、初步成效\n……\n一、园区基本情况\n{BODY}\n二、园区党建情况\n{BODY}\n")
    corpus = load_text(tmp_path, text)
    assert corpus.reports["start_line"].tolist() == [1]
    assert set(corpus.noise["line"]) == {2, 3, 4, 5, 6, 7}
    assert set(corpus.noise["reason"]) == {"table of contents"}


@pytest.mark.parametrize("line", ["【篇二】", "【精选范文】", "2021-07-13 08:17:00关于某村党建工作的调研报告"])
def test_markers_and_a_dated_title_are_not_column_tags_or_bylines(line):
    assert classify_line(Line("x.txt", 1, line, "\n")).reason == ""


SENTENCE = "十八大报告指出,党的基层组织是党全部工作和战斗力的基础。"
REPEATED = "page title repeated before the article's title"
SUMMARY = "page summary above the document's title"
BYLINE = "byline (names before or after the title)"
BETWEEN = "between the page's heading and the document's title"
RELATED = "related-articles list (titles of other pages)"
DEBRIS = "masthead debris (a short line without Chinese text)"
LABEL_VALUE = "journal front matter (value of the label above)"
ABOVE_BREADCRUMB = "page header above the breadcrumb"

#: Written pages: text, the reports' start lines, {line: its noise reason}, lines that stay text.
PAGE_LAYOUTS = {
    "several authors spaced": (f"林 某 黄某友 占某琼\n(某某大学 政治学院,湖北 武汉 430079)\n{SENTENCE}\n{BODY}\n",
                               [3], {"林 某 黄某友 占某琼": BYLINE}, []),
    "several authors with a comma": (f"丁 某,周 某\n(某某大学 政治学院,湖北 武汉 430079)\n{SENTENCE}\n{BODY}\n",
                                     [3], {"丁 某,周 某": BYLINE}, []),
    "several authors in traditional script": (
        f"劉某 王某 宋某萍\n(某某大学 政治学院,湖北 武汉 430079)\n{SENTENCE}\n{BODY}\n",
        [3], {"劉某 王某 宋某萍": BYLINE}, []),
    "a spaced name below the title, a stray ? above it": (
        f"?\n\n边境村治理的几点思考:以某县为例\n\n2024-05-11 10:44\n某某学院学报 2024年1期\n"
        f"侯 某\n(某某学院马克思主义学院,云南某市 650000)\n{BODY}\n",
        [3], {"侯 某": BYLINE}, []),
    "a label line holding its values takes no title": (
        f"关于某村党支部书记工作情况的调研报告\n发布时间:2024-08-14 阅读:\n关于某村党支部书记工作情况的调研报告\n"
        f"摘要:\n{BODY}\n关键词:乡村振兴;基层治理\n团队成员:吴某进\n一、调研安排\n{BODY}\n",
        [3], {"关于某村党支部书记工作情况的调研报告": REPEATED, "团队成员:吴某进": "byline"}, []),
    "the same title twice in a row": (
        f"某镇民族团结创建工作情况调研报告【精选推荐】\n\n\n"
        f" 某镇民族团结 创建工作情况的调研报告\n\n{BODY}\n",
        [4], {}, []),
    "a numbered piece ending in a label": (
        f"当前位置:某某网 >\n\n某中学党建调研报告多篇\n\n某中学党建调研报告多篇\n\n"
        f"【第1篇】2023年某中学党建工作调研报告范文\n\n2023年某中学党建工作调研报告\n\n{BODY}\n",
        [7], {}, []),
    "the page title above a shared document's pages and chunks": (
        f"关于某局党组织建设调研报告2022(Word最新版)\n\n返回 下载 相关 举报\n"
        f"关于某局党组织建设调研报告2022(Word最新版)_第1页\n第1页 / 共13页\n资源描述\n\n"
        f"1、关于某局党组织建设调研报告2022第一篇{BODY}\n",
        [8], {"关于某局党组织建设调研报告2022(Word最新版)": REPEATED}, []),
    "an empty date label takes no title as its date": (
        f"发布日期:\n某县边境乡镇治理的做法与思考\n文章字数:2080\n{BODY}\n",
        [2], {}, ["某县边境乡镇治理的做法与思考"]),
    "a source label still takes the site name below it": (
        f"某村党建调研报告\n来源:\n某某新闻\n{BODY}\n",
        [1], {"某某新闻": "page metadata (value of the label above)"}, []),
    "a bulleted menu of site sections": (
        "".join(f"  • {item}\n" for item in ("工作总结", "工作计划", "心得体会", "述职报告"))
        + f"  • 当前位置: 某某资料库 > 报告材料 > 正文\n某社区党建调研报告\n{BODY}\n",
        [6], {"• 心得体会": "navigation menu (a bulleted list of site sections)"}, []),
    "a description between two copies of the title": (
        f"某市国企党建工作调研报告\n\n今年以来,我们对全市国企党建情况作了调研,现报告如下。\n\n"
        f"某市国企党建工作调研报告\n一、基本情况\n{BODY}\n",
        [5], {"今年以来,我们对全市国企党建情况作了调研,现报告如下。": SUMMARY}, []),
    "a copy of the title with a comma is no list of names": (
        f"两新党建大有可为.docx\n下载资源\n两新党建大有可为\n\n两新党建,大有可为\n\n"
        f"——对某省两新组织党建的调查\n{BODY}\n",
        [5], {}, ["两新党建,大有可为"]),
    "a title, its description and the title again after the chrome": (
        f"当前位置:某某范文网 >\n工作報告 >調研報告 >\n某鎮黨群關係的調研報告\n某鎮黨群關係的調研報告\n"
        f"農村穩定是全局穩定的基礎,我們利用暑假開展了調研。\n某鎮黨群關係的調研報告\n{BODY}\n",
        [6], {"農村穩定是全局穩定的基礎,我們利用暑假開展了調研。": SUMMARY}, []),
    "two authors, one surname off the list": (
        f"陸某某,向 某\n(某某學院經濟與管理學院,廣西某州 542899)\n{BODY}\n", [3], {}, []),
    "a title under a preview label": (f"内容预览:\n某区街道党建工作的调查与思考\n{BODY}\n", [2], {}, []),
    "names joined by plus signs": (f"李某+++李某娥\n{SENTENCE}\n{BODY}\n", [2], {}, []),
    "names with glosses above the abstract": (
        f"周進(jìn)某 王某梅 楊某佳\n摘 要:本文調查了某省5所高校的教師黨支部。\n{BODY}\n",
        [3], {"周進(jìn)某 王某梅 楊某佳": BYLINE}, []),
    "a journal page's title block repeated below its masthead": (
        f"•\n\n?\n\n某市社区自治的困境与出路\n——基于某区经验的考察\n\n2019-04-02 09:15:20某某\n"
        f"某某研究 2019年2期\n\n某 某,某某某\n\n(1.某某大学 公共管理学院,上?!?00000)\n\n?\n\n"
        f"某市社区自治的困境与出路\n——基于某区经验的考察\n\n某某1.2,某某某2\n\n{BODY}\n",
        [17], {"某市社区自治的困境与出路": REPEATED, "——基于某区经验的考察": BETWEEN,
               "(1.某某大学 公共管理学院,上?!?00000)": "author affiliation (journal front matter)",
               "某某1.2,某某某2": BYLINE}, []),
    "a shortened page heading above the main title and the full subtitle": (
        f"某学院三下乡社会实践报告\n\n\n走进乡村,服务基层群众\n\n某学院“暑假三下乡”社会实践报告\n\n"
        f"一、 调查目的\n{BODY}\n",
        [4], {"某学院三下乡社会实践报告": REPEATED}, ["走进乡村,服务基层群众"]),
    "a news page's heading above the article's original title": (
        f"某某频道\n\n边境小康村里的新变化\n\n——某省边境小康村建设调查\n\n来源:某某日报\n"
        f"2022-05-10 07:15:00\n\n原标题:边境小康村里的新变化\n\n——某省边境小康村建设调查\n\n"
        f"某某日报特约记者 柯 某\n\n{BODY}\n",
        [10], {"边境小康村里的新变化": REPEATED, "——某省边境小康村建设调查": BETWEEN,
               "某某日报特约记者 柯 某": "byline"}, []),
    "a title wrapped over lines is not a page heading of its full copy below": (
        f"从管理到服务:城市流动\n党员工作的转变——\n以某省驻京党员为例\n作者简介:\n"
        f"点击链接<\n从管理到服务:城市流动党员工作的转变——以某省驻京党员为例\n>可下载PDF全文。\n"
        f"一、引言\n{BODY}\n",
        [1], {}, ["从管理到服务:城市流动", "以某省驻京党员为例"]),
    "an author whose surname begins common words, above the affiliation": (
        f"包某某\n(某某自治区社会科学院某研究所,某某 010000)\n{SENTENCE}\n{BODY}\n",
        [3], {"包某某": BYLINE}, []),
    "a column's lead-in up to its announcement": (
        f"開欄語\n基層有創造,實踐出真知。\n一年來,各地黨組織探索了不少新做法。"
        f"即日起,本報推出“基層黨建新實踐”專欄,敬請關注。\n{SENTENCE}\n{BODY}\n",
        [4], {"開欄語": "editor's note", "基層有創造,實踐出真知。": "editor's note"}, []),
    "an abstract under a bare label, keywords without one": (
        f"某村集体经济发展的调查\n\n某某 某某某\n\n摘要\n\n本文以某村为例,考察党建引领集体经济的做法。\n\n"
        f"关键词\n\n乡村振兴;党建引领;集体经济;某村\n\n一、研究缘起\n{BODY}\n",
        [1], {"本文以某村为例,考察党建引领集体经济的做法。": "journal front matter (value of the label above)",
              "乡村振兴;党建引领;集体经济;某村": "journal front matter"}, ["一、研究缘起"]),
    "an abstract with no label between the affiliation and the keywords": (
        f"高校学生党员发展的探索\n某某某\n(某某师范大学,某省 某市 360000)\n"
        f"学生党员发展关系到高校党建的质量。本文讨论其质量保障。\n学生党员;发展工作;质量保障\n{BODY}\n",
        [1], {"学生党员发展关系到高校党建的质量。本文讨论其质量保障。":
              "journal front matter (between two of its lines)"},
        [BODY]),
    "a page number glued to the repeated title and its text": (
        f"某市党员干部思想状况调查报告\n\n免费阅读已结束,点击下载阅读编辑剩下 ...\n\n资源描述\n\n"
        f"1某市党员干部思想状况调查报告某课题组{BODY}\n",
        [7], {"某市党员干部思想状况调查报告": REPEATED}, []),
    "a title that begins with a number, glued to its text": (
        f"3个村党支部建设情况的调查\n\n资源描述\n\n3个村党支部建设情况的调查{BODY}\n",
        [5], {"3个村党支部建设情况的调查": REPEATED}, []),
    "a news lead between the page's heading and the article's title": (
        f"调研报告:边疆民族地区基层治理的新探索\n(张某、李某某)\n某某新闻社讯\n"
        f"今年暑假,某大学调研团队赴边疆地区开展调研,形成了调研报告。\n"
        f"边疆民族地区基层治理的新探索\n——以某边疆地区为例的调研报告\n{BODY}\n",
        [5], {"调研报告:边疆民族地区基层治理的新探索": REPEATED,
              "今年暑假,某大学调研团队赴边疆地区开展调研,形成了调研报告。": SUMMARY}, []),
    "a heading split into words without the masked place of the title": (
        f"温馨提示:\n网站客服:12345678\n公立\n医院\n党建\n工作情况\n汇报\nX区公立医院党建工作情况汇报\n{BODY}\n",
        [8], {"公立": REPEATED, "汇报": REPEATED}, []),
    "authors' names under the title and its subtitle, after the text began": (
        f"{SENTENCE}\n边疆民族地区基层治理的新路径\n——以某边疆地区为例的调研报告\n赵某、钱某某、孙某\n{BODY}\n",
        [1], {"赵某、钱某某、孙某": BYLINE}, []),
    "a place or a heading under a title is no byline": (
        f"某村党支部建设情况调研报告\n王家村\n{BODY}\n某镇党建调研报告\n基本情况\n{BODY}\n",
        [1, 4], {}, ["王家村", "基本情况"]),
    "a page heading split into words, one per line": (
        f"温馨提示:\n网站客服:12345678\n机关\n党支部\n建设\n情况\n调研\n报告\n"
        f"机关党支部建设情况调研报告\n机关党支部建设情况调研报告\n{BODY}\n",
        [10], {"党支部": REPEATED, "调研": REPEATED}, []),
    "a related-articles box: the titles under it, up to a title followed by its text": (
        f"某村党建调研报告\n{BODY}\n猜你喜欢\n某县推进党建引领乡村振兴\n\n某地拥有现代农业园区167个\n"
        f"某镇党建工作调研报告\n{BODY}\n",
        [1, 7], {"某县推进党建引领乡村振兴": RELATED, "某地拥有现代农业园区167个": RELATED}, []),
    "a related-articles box whose last line heads a sentence: that line stays text": (
        f"某村党建调研报告\n{BODY}\n相关阅读\n某县推进党建引领乡村振兴\n某乡党建工作纪实\n{SENTENCE}\n",
        [1], {"某县推进党建引领乡村振兴": RELATED}, ["某乡党建工作纪实", SENTENCE]),
    "masthead debris: lines without Chinese text and a site's name three times": (
        f"某某在线官网\n\n365s\n某某在线官网\n+\n👭\n某某在线官网\n{SENTENCE}\n{BODY}\n",
        [8], {"365s": DEBRIS, "+": DEBRIS, "👭": DEBRIS, "某某在线官网": "masthead line repeated (a site's name)"},
        []),
    "a damaged number under the title and a site's name twice stay text": (
        f"某村党建调研报告\n2022 2\n{BODY}\n", [1], {}, ["2022 2"]),
    "a second report cut short after its first heading is kept": (
        f"某村党建调研报告\n{BODY}\n某社区党建工作调研报告\n一、基本情况\n该社区共有党员56名,设党支部3个。\n",
        [1, 3], {}, ["该社区共有党员56名,设党支部3个。"]),
    "an author's biography and the citation of the article under their labels": (
        f"新时代某村党建的调查\n作者简介\n\n王某,副教授、博导,从事基层治理研究。\n引用本文\n"
        f"王某.新时代某村党建的调查[J].某某学报,2021,15(2):76-87.\n{SENTENCE}\n{BODY}\n",
        [1], {"作者简介": "journal front matter", "王某,副教授、博导,从事基层治理研究。": LABEL_VALUE,
              "王某.新时代某村党建的调查[J].某某学报,2021,15(2):76-87.": LABEL_VALUE}, [SENTENCE]),
    "a forum's comment thread: replies up to the next report's title": (
        f"某村党建调研报告\n{BODY}\n全部评论\n• 某网友LV7\n2楼\n说得很好,基层党建就要这样抓。\n"
        f"某镇党建工作调研报告\n{BODY}\n",
        [1, 7], {"• 某网友LV7": "comment thread (readers' replies)",
                 "说得很好,基层党建就要这样抓。": "comment thread (readers' replies)"}, []),
    "a site's name alone between two lines of chrome; a title there stays the title": (
        f"网站首页 | 网站地图\n\n某某新村\n首页 > 学术视野 > 正文\n\n村民自治的时代特征\n\n{SENTENCE}\n{BODY}\n"
        f"首页 > 学术视野 > 正文\n某村党建调研报告\n2024-05-11 10:44\n{BODY}\n",
        [6, 11], {"某某新村": "site name between page chrome"}, ["某村党建调研报告"]),
    "a site's name and menu above the breadcrumb": (
        f"某某排行榜\ngame show 新闻动态\n你的位置:某某排行榜 > 新闻动态 > 正文\n某区党建引领快递小哥参与治理\n"
        f"{SENTENCE}\n{BODY}\n",
        [4], {"某某排行榜": ABOVE_BREADCRUMB, "game show 新闻动态": ABOVE_BREADCRUMB}, []),
    "a row of menu items between bars above the text; a table row in the text stays": (
        f"收藏某某出版社 社长致辞 | 出版社简介 | 帮助中心\n某区党建引领快递小哥参与治理\n{SENTENCE}\n"
        f"项目 | 2020年 | 2021年\n{BODY}\n",
        [2], {"收藏某某出版社 社长致辞 | 出版社简介 | 帮助中心": "navigation bar (items between bars)"},
        ["项目 | 2020年 | 2021年"]),
    "a page whose only text is an abstract: the abstract is the report": (
        "王某 李某某\n摘  要:" + "外卖送餐员群体迅速壮大,某市市场监管局探索新就业群体党建的路径和方法。" * 2
        + "\n关键词:新就业群体;党建\n",
        [2], {"王某 李某某": BYLINE, "关键词:新就业群体;党建": "journal front matter"}, []),
    "a title above an abstract: the title is the report, the abstract front matter": (
        "新就业群体党建的调查与思考\n摘要:" + "外卖送餐员群体迅速壮大,党建工作面临新的课题。" * 2 + "\n",
        [1], {}, []),
    "a slogan under a breadcrumb is no section name": (
        f"首页 > 党建 > 正文\n强党建引领 当国门先锋\n某边检站党支部建设纪实\n{SENTENCE}\n{BODY}\n",
        [2], {}, ["强党建引领 当国门先锋"]),
    "a short heading of a titled text is no name": (
        f"某县私营企业调查报告\n主要指标\n私营企业:344万户\n主要问题\n{BODY}\n",
        [1], {}, ["主要指标", "主要问题"]),
    "an editor's note label with the article straight below": (
        f"编者按\n{SENTENCE}\n{BODY}\n", [2], {"编者按": "editor's note"}, [SENTENCE]),
}


@pytest.mark.parametrize("text, starts, reasons, kept", PAGE_LAYOUTS.values(), ids=list(PAGE_LAYOUTS))
def test_page_layout(tmp_path, text, starts, reasons, kept):
    corpus = load_text(tmp_path, text)
    assert corpus.reports["start_line"].tolist() == starts
    found = noise_reasons(corpus)
    assert {line: found.get(line) for line in reasons} == reasons
    assert not set(kept) & set(found)
