"""What a cited statistic counts: a short phrase found by rule, as a reading aid.

The rule (`what_is_counted`) takes the noun right after a count (41名干部 → 干部; a lone
localizer such as 外 in 不足3人外 does not count), else the phrase before the number in its
clause, with leading verbs and trailing 为/达到/… and qualifier words (from
``data/qualifiers.csv``) removed. A long phrase is cut to its head: after its last 的, then at
a word boundary of the project's jieba tokenizer, never inside a word. Limits: the rule has no
grammar, so a noun run into its verb (建档立卡贫困村脱贫致富 for 77个, where 贫困村 is meant) or a
subject kept with its noun (街道有非公企业家得福党委) remains.
"""

from __future__ import annotations

import re

from reportlib.qualifiers import qualifier_alternation

_STOP_CHARS = set("，。；：、,;:!?！？()（）“”\"'‘’《》<>〈〉【】[]■ \t.—―")
_QUOTES = set("“”‘’\"'")
_LOCALIZERS = set("外内中后前上下里间旁")
_NOUN_MAX, _PHRASE_MAX = 12, 16
_CUT_WORDS = (
    "纳入", "实行", "建成", "结成", "发放", "覆盖", "进行", "达到", "已", "因", "被", "组成",
    "成为", "参加", "实现", "均", "全部", "的", "和", "与", "及", "等", "是", "在", "到", "对",
    "将", "从", "向", "由", "占", "较", "比", "不", "作为", "即", "应", "充分", "扩大",
)
_LEAD_VERBS = re.compile(
    r".*(?:共有|现有|建有|设有|共建立|建立|组建|成立|覆盖|选聘|选派|投入|拿出|安排|发放|培育|"
    r"形成|抽调|组成|下属|制定|落实|配备|建成|表明|共|占|其中)"
)
#: Dates left in a phrase: 2020年10月, 2020 年, __年, and placeholder years (20XX年, 201x年).
_DATE_IN_PHRASE = re.compile(r"(?:_{2,}|\d{4}|\d{0,3}[xXｘＸ×*＊]{1,4})\s?年(?:\d{1,2}月)?(?:\d{1,2}日)?")
#: Verbs and qualifier words (from ``data/qualifiers.csv``) that end a phrase before a number.
_TRAILING_WORDS = re.compile(
    r"(?:为|达到|高达|达|共有|共|有|是|占|提高到|提高|增加到|增加了|扩大到|增加|各|每|的|"
    + qualifier_alternation("prefix") + r")+$"
)



def _following_noun(text: str, end: int) -> str:
    """The noun phrase right after a statistic (41名干部 → 干部), '' if a verb or stop follows.

    A run longer than 12 characters is cut at a word boundary (jieba), never inside a word;
    a lone localizer (不足3人外, 3人以内) is not a noun.
    """
    i = end + 1 if text.startswith("的", end) else end
    out: list[str] = []
    while i < len(text) and len(out) < 32 and not text[i].isdigit():
        if text[i] in _QUOTES:
            i += 1
            continue
        if text[i] in _STOP_CHARS or any(text.startswith(word, i) for word in _CUT_WORDS):
            break
        out.append(text[i])
        i += 1
    closed = i >= len(text) or text[i] in _STOP_CHARS
    noun = _words_within("".join(out), _NOUN_MAX, from_end=False)
    if len(noun) == 1 and (noun in _LOCALIZERS or not closed or len(out) > 1):
        return ""
    return noun


def _words_within(phrase: str, limit: int, *, from_end: bool) -> str:
    """`phrase` cut to at most `limit` characters at a word boundary, keeping its start
    (or, with `from_end`, its end); a phrase within the limit is returned as it is."""
    if len(phrase) <= limit:
        return phrase
    words = _segmenter().lcut(phrase)
    kept: list[str] = []
    for word in (reversed(words) if from_end else words):
        if sum(map(len, kept)) + len(word) > limit:
            break
        kept.append(word)
    return "".join(reversed(kept) if from_end else kept)


def _segmenter():
    """The project's jieba tokenizer (user dictionary loaded, silent), built on first use."""
    from reportlib.tokenize import _tokenizer

    return _tokenizer()


def _preceding_phrase(text: str, start: int, floor: int, fallback: int) -> str:
    """The phrase before a statistic within its clause (办结率95% → 办结率), verbs stripped;
    read back to `floor` (the end of the statistic before), or, when nothing is left there,
    to `fallback` (60岁以上的占6.1% → 60岁以上); nothing when glued to the statistic before."""
    i = start
    while i > floor and text[i - 1] not in _STOP_CHARS:
        i -= 1
    phrase = _TRAILING_WORDS.sub("", text[i:start])
    if not phrase and fallback < floor < start:  # glued to the statistic before (9.9%14.8%): none
        return _preceding_phrase(text, start, fallback, fallback)
    lead = _LEAD_VERBS.match(phrase)
    if lead and lead.end() < len(phrase):
        phrase = phrase[lead.end():]
    phrase = _DATE_IN_PHRASE.sub("", phrase)
    if len(phrase) > _PHRASE_MAX and len(phrase.rpartition("的")[2]) >= 2:
        phrase = phrase.rpartition("的")[2]  # the head of a long noun phrase follows its last 的
    return _words_within(phrase, _PHRASE_MAX, from_end=True)


def what_is_counted(text: str, start: int, end: int, *, dimension: str, floor: int = 0) -> str:
    """A short phrase for what the statistic at `text[start:end]` counts: the noun after it
    (not for a percentage), else the phrase before it back to `floor` (the end of the statistic
    before), or to the clause start when nothing is left there; nothing when the statistic is
    glued to the one before (9.9%14.8%). See the module docstring for the rule and its limits.

    >>> what_is_counted("抽调41名干部,组成4个调研组", 2, 5, dimension="count")
    '干部'
    >>> what_is_counted("办结率95%以上", 3, 8, dimension="percent")
    '办结率'
    """
    if dimension != "percent":
        noun = _following_noun(text, end)
        if noun:
            return noun
    return _preceding_phrase(text, start, floor, 0)

