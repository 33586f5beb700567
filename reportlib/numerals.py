"""Numbers as Chinese reports write them: Arabic, full-width and Chinese numerals.

The parsers turn the written form of a number into its value; they never guess at what
the number counts (that is `reportlib.stats`). Values are computed with `decimal.Decimal`
so that ``1.3万`` is exactly 13000 and not 13000.000000000002.

>>> parse_number("1.3万")
13000.0
>>> parse_number("两千三百")
2300.0
>>> parse_number("百分之二十五点五")
25.5
>>> parse_number("五十四万亿")
54000000000000.0
>>> to_halfwidth_digits("１２３％")
'123%'

Pages also write numbers in traditional script (3.5萬, 兩個, 1.2億) and with 。 as a decimal
point between digits (4。5平方公里); `normalize_numbers` maps these to the simplified, half-width
form the parsers read, one character for one, so offsets carry over. Fractions (1/3,
三分之一) are read by `parse_fraction`.

>>> normalize_numbers("３.５萬戶,4。5平方公里")
'3.5万戶,4.5平方公里'
>>> parse_fraction("三分之一")
Fraction(1, 3)
"""

from __future__ import annotations

import re
from decimal import Decimal, InvalidOperation
from fractions import Fraction

from reportlib.errors import ValueInvalidError

#: Chinese digit characters and their values (两 and 〇 included).
CHINESE_DIGITS = {
    "零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4,
    "五": 5, "六": 6, "七": 7, "八": 8, "九": 9,
}
#: Units below 万 that multiply the digit before them.
SMALL_UNITS = {"十": 10, "百": 100, "千": 1000}
#: Multipliers that scale everything before them (万亿 is 10^12).
MULTIPLIERS = {"万": Decimal(10_000), "亿": Decimal(100_000_000), "万亿": Decimal(10**12)}

#: Traditional-script numeral characters and their simplified forms (one character each).
TRADITIONAL_NUMERALS = {"萬": "万", "億": "亿", "兩": "两", "點": "点"}

_FULLWIDTH = "０１２３４５６７８９．％－～"
_HALFWIDTH = "0123456789.%-~"
_HALFWIDTH_TABLE = str.maketrans(_FULLWIDTH, _HALFWIDTH)
_NUMERAL_TABLE = str.maketrans({**dict(zip(_FULLWIDTH, _HALFWIDTH)), **TRADITIONAL_NUMERALS})
#: 。 (or ．) between digits used as a decimal point: 4。5 (not 5。2020年, a year after a full stop).
_DECIMAL_STOP = re.compile(r"(?<=\d)[。．](?=\d{1,2}(?!\d))")

#: An Arabic number with an optional decimal part and multiplier (1.3万, 54万亿, 336).
#: Thousands may be set apart by a space (3 126名), as typeset pages print them.
#: A decimal point followed by a space is read too where a percentage or 万 follows (48. 9%, 25. 8 万元: a
#: PDF's text layer splits the number after its point).
ARABIC_NUMBER = (r"(?:\d{1,3}(?:[ \u00a0\u2009]\d{3})+(?!\d)|\d+)"
                 r"(?:\.\d+|\. \d{1,2}(?= ?(?:%|万|亿)))?(?:万亿|亿|万|千)?")
#: A Chinese numeral: it starts with a digit or 十 (so 百家, 千方百计, 万一 are not numbers).
CHINESE_NUMBER = (
    r"(?=[零〇一二两三四五六七八九十])(?!一一)[零〇一二两三四五六七八九十百千万亿]+"
    r"(?:点[零〇一二三四五六七八九]+)?"
)
#: Any number the extractor reads, including 百分之… (percent written in words).
NUMBER = rf"(?:百分之(?:{ARABIC_NUMBER}|{CHINESE_NUMBER})|{ARABIC_NUMBER}|{CHINESE_NUMBER})"

#: A fraction with a slash (1/3, 2／3): a proper fraction of small numbers, not a date (2019/10/1).
ARABIC_FRACTION = r"(?<![\d/\\.])(?P<numer>\d{1,3})\s?[/／\\]\s?(?P<denom>\d{1,3})(?![\d/\\])"
#: A fraction in words (三分之一): denominator, 分之, numerator.
CHINESE_FRACTION = rf"(?P<denom_cn>{CHINESE_NUMBER})分之(?P<numer_cn>{CHINESE_NUMBER})"
#: Two neighbouring digits for a rough count (两三个, 三四十人, 七八百户; and 三五年, three to five):
#: from the first to the second.
_NEIGHBOUR_DIGITS = re.compile(r"([一二两三四五六七八九])([二三四五六七八九])([十百千万]?)")


def neighbour_range(text: str) -> tuple[Decimal, Decimal] | None:
    """(low, high) of a rough count written with two neighbouring digits, or None.

    >>> neighbour_range("三四十")
    (Decimal('30'), Decimal('40'))
    """
    match = _NEIGHBOUR_DIGITS.fullmatch(normalize_numbers(text.strip()))
    if match is None:
        return None
    low, high = (Decimal(CHINESE_DIGITS[match.group(k)]) for k in (1, 2))
    if high != low + 1 and (low, high) != (3, 5):  # 三五年: three to five years
        return None
    scale = Decimal({**SMALL_UNITS, **MULTIPLIERS}.get(match.group(3), 1))
    return low * scale, high * scale


#: Half of a whole in words (一半以上, 超半数): not 另一半 (the other half, a spouse).
HALF_FRACTION = r"(?<!另)(?P<half>一半|半数|半數)"

_ARABIC_RE = re.compile(r"(\d+(?:\.\d+)?)(万亿|亿|万|千)?")
_CHINESE_RE = re.compile(CHINESE_NUMBER)
_FRACTION_RE = re.compile(rf"{ARABIC_FRACTION}|{CHINESE_FRACTION}|{HALF_FRACTION}")


def to_halfwidth_digits(text: str) -> str:
    """Full-width digits, point, percent, hyphen and tilde to ASCII; the length is unchanged.

    Only these characters change, so character offsets into `text` stay valid.

    >>> to_halfwidth_digits("办结率９５％以上")
    '办结率95%以上'
    """
    return text.translate(_HALFWIDTH_TABLE)


def normalize_numbers(text: str) -> str:
    """`to_halfwidth_digits`, plus traditional numerals (萬 億 兩 點) in simplified form and
    。/． between digits as a decimal point; the length is unchanged, so offsets stay valid.

    Only numeral characters change: measure words (個, 戶) are left as written.

    >>> normalize_numbers("兩個,1.2億元,面积4。5平方公里。2020年")
    '两個,1.2亿元,面积4.5平方公里。2020年'
    """
    return _DECIMAL_STOP.sub(".", text.translate(_NUMERAL_TABLE))


def _chinese_below_wan(text: str) -> Decimal:
    """Value of a Chinese numeral without 万 or 亿 (e.g. 两千三百, 十五, 二〇二)."""
    if text and all(ch in CHINESE_DIGITS for ch in text) and len(text) > 1:
        return Decimal("".join(str(CHINESE_DIGITS[ch]) for ch in text))
    total, digit = 0, None
    for ch in text:
        if ch in CHINESE_DIGITS:
            digit = CHINESE_DIGITS[ch]
        elif ch in SMALL_UNITS:
            total += (1 if digit is None else digit) * SMALL_UNITS[ch]
            digit = None
        else:
            raise ValueInvalidError("number", text, "a Chinese numeral")
    return Decimal(total + (digit or 0))


def _chinese_integer(text: str) -> Decimal:
    """Value of a Chinese integer numeral, with 万 and 亿 sections."""
    if "亿" in text:
        high, _, low = text.partition("亿")
        return _chinese_integer(high or "一") * MULTIPLIERS["亿"] + (
            _chinese_integer(low) if low else Decimal(0)
        )
    if "万" in text:
        high, _, low = text.partition("万")
        return _chinese_below_wan(high or "一") * MULTIPLIERS["万"] + (
            _chinese_below_wan(low) if low else Decimal(0)
        )
    return _chinese_below_wan(text)


def parse_chinese(text: str) -> Decimal:
    """Exact value of a Chinese numeral such as 两千三百, 二十五点五, 五十四万亿.

    >>> parse_chinese("二十五点五")
    Decimal('25.5')
    """
    text = normalize_numbers(text)
    if not text or not _CHINESE_RE.fullmatch(text):
        raise ValueInvalidError("number", text, "a Chinese numeral such as 两千三百")
    whole, _, frac = text.partition("点")
    if whole.endswith("万亿"):
        return parse_chinese(whole[:-2] + ("点" + frac if frac else "")) * MULTIPLIERS["万亿"]
    value = _chinese_integer(whole)
    if frac:
        value += Decimal("0." + "".join(str(CHINESE_DIGITS[ch]) for ch in frac))
    return value


def parse_decimal(text: str) -> Decimal:
    """Exact value of a written number: Arabic (full-width too), Chinese, or 百分之….

    A trailing 万, 亿 or 万亿 multiplies; 百分之 is dropped (the value is the percentage).
    Raises `ValueInvalidError` for text that is not a number.
    """
    body = normalize_numbers(text.strip())
    body = body.removeprefix("百分之")
    if re.fullmatch(r"\d{1,3}(?:[ \u00a0\u2009]\d{3})+\S*", body):
        body = re.sub(r"[ \u00a0\u2009]", "", body)  # 3 126: thousands set apart by a space
    body = re.sub(r"(?<=\d)\. (?=\d)", ".", body)  # 48. 9: a decimal point split from its digits
    match = _ARABIC_RE.fullmatch(body)
    if match:
        try:
            value = Decimal(match.group(1))
        except InvalidOperation as exc:  # pragma: no cover - the regex admits only digits
            raise ValueInvalidError("number", text, "a number") from exc
        multiplier = match.group(2)
        if multiplier == "千":
            return value * 1000
        return value * MULTIPLIERS[multiplier] if multiplier else value
    return parse_chinese(body)


def parse_number(text: str) -> float:
    """Value of a written number as a float (see `parse_decimal` for what is accepted).

    >>> parse_number("６万")
    60000.0
    """
    return float(parse_decimal(text))


def decimals_of(text: str) -> int:
    """Number of decimal places as written (``49.5`` → 1, ``80`` → 0, ``二十五点五`` → 1).

    A number written with 万 or 亿 is stated to the precision of its written digits:
    ``2.88万`` has two decimals in units of 万, i.e. it is precise to 100.
    """
    body = normalize_numbers(text)
    match = re.search(r"\.(\d+)", body)
    if match:
        return len(match.group(1))
    if "点" in body:
        return len(body.partition("点")[2])
    return 0


def precision_of(text: str) -> Decimal:
    """The step of the last written digit, in the units of the value.

    >>> precision_of("49.5")
    Decimal('0.1')
    >>> precision_of("2.88万")
    Decimal('100.00')
    >>> precision_of("299")
    Decimal('1')
    """
    body = normalize_numbers(text)
    step = Decimal(1).scaleb(-decimals_of(body))
    for suffix in ("万亿", "亿", "万"):
        if body.endswith(suffix) and re.match(r"\d", body):
            return step * MULTIPLIERS[suffix]
    return step


def parse_fraction(text: str) -> Fraction:
    """Exact value of a proper fraction written 1/3, １／３, 三分之一 or 一半 (numerator below denominator).

    Raises `ValueInvalidError` for anything else (a date such as 10/1 is not a proper fraction).

    >>> parse_fraction("2/3")
    Fraction(2, 3)
    """
    match = _FRACTION_RE.fullmatch(normalize_numbers(text.strip()))
    if not match:
        raise ValueInvalidError("fraction", text, "a fraction such as 1/3, 三分之一 or 一半")
    if match.group("half"):
        numer, denom = 1, 2
    elif match.group("numer"):
        numer, denom = int(match.group("numer")), int(match.group("denom"))
    else:
        numer, denom = int(parse_chinese(match.group("numer_cn"))), int(parse_chinese(match.group("denom_cn")))
    if not 0 < numer < denom:
        raise ValueInvalidError("fraction", text, "a proper fraction (0 < numerator < denominator)")
    return Fraction(numer, denom)
