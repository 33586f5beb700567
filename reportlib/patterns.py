"""Regular expressions that recognise the parts of a report, compiled once.

All patterns are applied to text passed through `reportlib.io.to_halfwidth`, so they are
written for half-width digits and punctuation only.  The conventions of the language (numerals,
sentence ends, list markers, placeholders) live in `reportlib.conventions`; this module keeps
the names the segmenter and annotator use, plus the patterns of the report genre (titles,
subtitles, preambles).
"""

from __future__ import annotations

import re

from . import conventions as C

#: Characters of heading and list-item numbers (kept under this name for existing callers).
CN_DIGITS = C.CN_MARKER_CHARS
_CN = C.CN_MARKER_NUMBER

#: Heading markers by numbering style, in the usual nesting order of Chinese official writing.
HEADING_MARKERS = C.LIST_MARKERS
STYLE_RANK = {name: rank for rank, name in enumerate(HEADING_MARKERS)}

#: Enumerations inside a paragraph: items, not headings.
ITEM_MARKER = C.ITEM_MARKER

#: Where a heading line ends and the body glued to it begins.
HEADING_END = re.compile(r"[。!?;:](?:[”’」』]?)|[.](?=\D)|[.]$")

SENTENCE_END = C.SENTENCE_END
OPENERS = C.OPENERS
CLOSERS = C.CLOSERS
TERMINAL_PUNCT = C.TERMINAL_PUNCT
CLAUSE_PUNCT = C.CLAUSE_PUNCT
#: A line that ends a sentence (a hard-wrapped line that does not, continues on the next line).
SENTENCE_FINAL = re.compile(r"(?:[。!?;:]|(?<!\d)[.]|……)[”’」』)]*$")
#: Where a heading glued inside a line ends.
CLAUSE_END = re.compile(r"[。!?;:,]")

#: Report titles: a short line without sentence punctuation ending in a genre word.
TITLE = re.compile(
    r"(?:调研报告|调查报告|考察报告|工作报告|情况报告|报告|的思考|的调查|的调研|的探索|的实践|的启示|"
    r"思考|浅析|浅谈|初探|探析|探索|研究|对策研究|调研|总结|综述|汇报|"
    # the same words in traditional script (pages from Hong Kong, Taiwan and mirror sites)
    r"調研報告|調查報告|考察報告|工作報告|情況報告|報告|的調查|的調研|的啟示|淺析|淺談|調研|總結|綜述|匯報)\s*$"
)

#: Markers of one report among several on a page: 篇一, 【篇二】, 第3篇:, 范文一, 精选范文.  The text
#: after the marker (if any) is the report's title.
PIECE_MARKER = re.compile(
    rf"^\s*(?:【\s*)?(?:篇({_CN}|\d{{1,2}})|第({_CN}|\d{{1,2}})篇|范文({_CN}|\d{{1,2}})|精选范文\s*(?:{_CN}|\d{{0,2}}))"
    r"\s*(?:】\s*)?[:.、]?\s*"
)
#: A pinyin gloss after a character (業(yè), 黨(dǎng)), as pages for learners print them after
#: many characters: they split words, so they are dropped before words are looked for.
PINYIN_GLOSS = re.compile(r"[(][a-zü\u00e0-\u00fc\u0101-\u01dc]{1,7}[)]")
#: A number after a title, as essay sites number the pieces of a collection (…调研报告1,
#: …调研报告一:, …调研报告(一)), a bracketed year or tag ((2024年), 【精选】, (通用3篇)), or a label such
#: as 范文 or 多篇 (…调研报告范文, …调研报告多篇):
#: stripped before the title test.
TITLE_NUMBER_SUFFIX = re.compile(
    rf"\s*(?:(?:范文)?篇?\s*(?:{_CN}|\d{{1,2}})\s*:?|(?:范文|范例|范本|模板|多篇|大全|汇编|合集)|[(【\[]\s*(?:{_CN}|\d{{1,2}}|(?:\d{{4}}|20[\dXx□]{{2}})\s*年?[度版]?"
    r"|[^()【】\[\]]{0,4}(?:篇|精选|通用|范文|模板|最新版?|完整版|全文|推荐|合集|大全))\s*[)】\]])\s*$")
#: A leading 一 : before a report title, the same numbering of pieces (一 : …工作报告).
PIECE_COLON = re.compile(rf"^\s*({_CN})\s*:\s*(?=\S)")
#: A word count glued after a piece's title (篇一 …调研报告4900字).
WORD_COUNT_SUFFIX = re.compile(r"\s*\d{3,6}\s*字\s*$")
#: Titles that name a whole report (not a section): a numbered line ending in one of these,
#: followed by its own 一、, opens a report in a list of reports.
REPORT_TITLE_END = re.compile(r"(?:调研报告|调查报告|考察报告|的调研|的调查|的思考|的探索|的实践|的启示|"
                              r"調研報告|調查報告|考察報告|的調研|的調查|的啟示)\s*$")
#: One personal name: two to five characters (鲍娜仁高娃), or a surname and a one-character given
#: name that journals space apart to the width of three (林 某).
_NAME = r"(?:[\u4e00-\u9fff·]{2,5}|[\u4e00-\u9fff][ \u3000]{1,2}[\u4e00-\u9fff])"
#: A line of personal names only: one to eight names, separated by spaces, 、, commas or + (+++), none
#: of them a word that names a part of a text.
NAMES_ONLY = re.compile(
    r"^\s*(?!(?:前言|引言|导语|概述|摘要|目录|正文|附件|结语|后记|总论|绪论|序言)\s*$)"
    rf"{_NAME}(?:\s*[ 、,+]+\s*{_NAME}){{0,7}}\s*$"
)
#: An author's affiliation number or mark after a name (王某1.2, 李某某2, 王某*, 马某[1]): read past.
NAME_NOTE_MARK = re.compile(r"(?<=[\u4e00-\u9fff])(?:\d+(?:[.,]\d+)*|[¹²³⁴⁵⁶⁷⁸⁹⁰]+|\[\d{1,2}\])?\*?(?=[\s,、]|$)")
#: The names of a NAMES_ONLY line, one by one.
NAME = re.compile(_NAME)
#: Words of a short heading (主要指标, 存在问题, 基本情况), never of a person's name.
HEADING_WORD = re.compile(r"问题|指标|情况|做法|成效|措施|经验|建议|对策|现状|原因|特点|主要|基本|总结|体会|启示|"
                          r"目标|任务|意义|引领|先锋")
#: A list bullet before a line of page metadata.
BULLET = re.compile(r"^[-·•*]\s+")
#: A page counter glued to the start of a line: 第1页共7页, 第2页/共9页.
PAGE_COUNTER_PREFIX = re.compile(r"^\s*第\s*\d+\s*页\s*[共/]\s*\d+\s*页\s*")
#: Headings glued inside a line: 一、 (after a non-numeral), 1.1 / 2.3.1 (followed by Chinese
#: text that is not a unit), (一) (after a sentence end) and 1、 (after Chinese text).
INLINE_HEADING = re.compile(
    rf"(?P<cn>(?<![{CN_DIGITS}第其之、\d])({_CN})、(?=[\u4e00-\u9fff]))"
    r"|(?P<decimal>(?<![\d.])(\d{1,2}(?:\.\d{1,2}){1,2})(?![\d.%])\s*(?=[\u4e00-\u9fff])(?![万亿千百元个倍年月日人户名家次项]))"
    rf"|(?P<paren_cn>(?<=[。!?;:])\s*[(]({_CN})[)](?=[\u4e00-\u9fff]))"
    r"|(?P<arabic>(?<=[\u4e00-\u9fff。!?;:])(\d{1,2})、(?=[\u4e00-\u9fff]))"
)

#: A subtitle ("——在…大会上的报告") belongs to the title above it.
SUBTITLE = re.compile(r"^\s*(?:[—-]{1,2}|──)")
#: A newspaper's editor's note alone on its line (编者按, 开栏语), its text in the lines below.
EDITORS_NOTE_LABEL = re.compile(
    r"^\s*[【\[]?\s*(?:编者按|编者的话|编前语|编者语|编辑按|开栏语|开篇语)\s*[】\]]?\s*:?\s*$")
#: The sentence that ends an editor's note: the column it opens and the reader's invitation.
COLUMN_ANNOUNCEMENT = re.compile(
    r"敬请(?:关注|期待|垂注)|(?:开设|开辟|推出|刊发|刊登)[^。]{0,40}(?:栏目|专栏|专题|系列报道)|即日起|今起")
#: A journal's front-matter label alone on its line, with or without brackets or a colon (摘要,
#: [摘  要], 关键词, Abstract): its text is on the next line.
FRONT_MATTER_LABEL = re.compile(r"^\s*[\[〔【]?\s*(?:摘\s*要|内容摘要|内容提要|提\s*要|关\s*键\s*[词字]|作者简介|"
                                r"作者信息|引用本文|引用格式|本文引用格式|Abstract|ABSTRACT|Key\s*words)\s*[\]〕】]?\s*:?\s*$")
#: A related-articles box alone on its line (猜你喜欢, 相关阅读, 推荐阅读): the titles of other pages follow.
RELATED_ARTICLES = re.compile(r"^\s*[【\[]?\s*(?:猜你喜欢|你可能还喜欢|你可能感兴趣|相关阅读|相关文章|推荐阅读|"
                              r"延伸阅读|热门文章|热门推荐|热点推荐|精彩推荐|更多阅读|相关推荐|相关主题)\s*[】\]]?\s*:?\s*$")
#: The header of a forum's comment thread alone on its line (全部评论, 网友评论): readers' replies follow.
COMMENT_THREAD = re.compile(r"^\s*(?:全部评论|网友评论|评论区|最新评论|热门评论|精彩评论|用户评论|发表评论)\s*:?\s*$")
#: A news column's tag before a title (【党旗在基层高高飘扬】…), not a list marker (【篇二】).
COLUMN_TAG = re.compile(r"^\s*【(?!篇|第|范文|精选)[^【】]{2,20}】\s*")
#: A row of a site's menu with bars between its items (社长致辞 | 出版社简介 | 帮助中心): no digits and
#: no sentence punctuation, unlike a table row.
BAR_MENU = re.compile(r"[^|。,;:!?\d]{1,30}(?:\s*\|\s*[^|。,;:!?\d]{1,12}){2,}\s*\|?\s*")
#: An abstract's label before its text (摘要:, [摘  要], 内容提要:) and a keywords label (关键词:).
ABSTRACT_LABEL = re.compile(r"^\s*[\[〔【]?\s*(?:摘[\s?]*要|内容摘要|内容提要|提[\s?]*要)\s*[\]〕】]?\s*:?\s*")
KEYWORDS_LABEL = re.compile(r"^\s*[\[〔【]?\s*(?:关[\s?]*键[\s?]*[词字]|Key\s*words)")
#: A work cited by its title in book-title marks (《…》).
CITED_WORK = re.compile(r"《[^《》]{0,80}》")
#: A news page's label before the article's own title, under a page heading of its own (原标题:…).
ORIGINAL_TITLE_LABEL = re.compile(r"^\s*(?:原标题|原题|原題|原標題|原文标题|原文標題)\s*[:]\s*(?=\S)")

#: Preamble sentences that open a report.  STRONG ones open a report before any heading;
#: WEAK ones only directly before a restart of top-level numbering.
STRONG_PREAMBLE = re.compile(
    r"^\s*(?:为了?|根据|按照|依据|遵照|受|应)[^。]{0,80}?"
    r"(?:调研|调查|了解|摸清|掌握|分析|要求|部署|安排|通知|精神|意见)"
)
WEAK_PREAMBLE = re.compile(
    r"^\s*(?:(?:加强|做好|推进|抓好|深化|开展|提升|推动)[^。,]{1,40}是|近年来|近些年来|近几年来|"
    r"当前|目前|今年以来|去年以来|\d{4}年以来|随着)"
)

REDACTION = C.REDACTION
PLACEHOLDER_EVIDENCE = C.PLACEHOLDER_EVIDENCE
placeholder_year_pattern = C.placeholder_year_pattern
