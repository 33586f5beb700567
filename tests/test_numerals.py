"""Number parsing: Arabic, full-width, Chinese numerals, 万/亿, 百分之, precision."""

from decimal import Decimal
from fractions import Fraction

import pytest

from reportlib.errors import ValueInvalidError
from reportlib.numerals import (
    normalize_numbers,
    parse_chinese,
    parse_decimal,
    parse_fraction,
    parse_number,
    precision_of,
    to_halfwidth_digits,
)

CASES = [
    ("229", 229.0), ("48.1", 48.1), ("１２３", 123.0), ("４８．１", 48.1),
    ("1.3万", 13000.0), ("2.88万", 28800.0), ("6万", 60000.0), ("2600万", 26_000_000.0),
    ("五十四万亿", 54e12), ("1.2亿", 120_000_000.0),
    ("八", 8.0), ("十", 10.0), ("十五", 15.0), ("二十", 20.0), ("一百零五", 105.0),
    ("两千三百", 2300.0), ("三千二百", 3200.0), ("五十万", 500_000.0), ("一亿二千万", 120_000_000.0),
    ("二十五点五", 25.5), ("百分之二十五点五", 25.5), ("百分之十八点五", 18.5), ("百分之8", 8.0),
    ("二〇二四", 2024.0),
    # traditional script and 。 as a decimal point
    ("3.5萬", 35000.0), ("1.2億", 120_000_000.0), ("兩千三百", 2300.0), ("五十四萬億", 54e12),
    ("二十五點五", 25.5), ("4。5", 4.5),
]


@pytest.mark.parametrize(("text", "value"), CASES)
def test_parse_number(text, value):
    assert parse_number(text) == value


def test_multiplied_values_are_exact():
    assert parse_decimal("1.3万") == Decimal("13000")
    assert parse_number("1.49万") == 14900.0


@pytest.mark.parametrize("text", ["", "abc", "三会", "十分之", "万"])
def test_rejects_non_numbers(text):
    with pytest.raises(ValueInvalidError, match="number"):
        parse_number(text)


def test_halfwidth_keeps_length_and_changes_only_digits():
    text = "办结率９５％以上，共１３９８７件次"
    out = to_halfwidth_digits(text)
    assert len(out) == len(text)
    assert out == "办结率95%以上，共13987件次"


@pytest.mark.parametrize(("text", "step"), [
    ("49.5", Decimal("0.1")), ("14.53", Decimal("0.01")), ("80", Decimal(1)),
    ("2.88万", Decimal(100)), ("2.3万", Decimal(1000)), ("二十五点五", Decimal("0.1")),
    ("2.3萬", Decimal(1000)), ("4。5", Decimal("0.1")),
])
def test_precision_of(text, step):
    assert precision_of(text) == step


def test_chinese_equals_arabic_for_all_small_numbers():
    digits = "零一二三四五六七八九"
    for n in range(1, 100):
        tens, ones = divmod(n, 10)
        written = (digits[tens] if tens > 1 else "") + ("十" if tens else "") + (digits[ones] if ones else "")
        assert parse_chinese(written) == n, written


@pytest.mark.parametrize(("text", "normal"), [
    ("３.５萬戶", "3.5万戶"),            # measure words stay as written, numerals are simplified
    ("兩個,1.2億元", "两個,1.2亿元"),
    ("面积4。5平方公里", "面积4.5平方公里"),
    ("4．5", "4.5"),
    ("共5。2020年", "共5。2020年"),       # a full stop before a year is no decimal point
    ("达到30%。22010年", "达到30%。22010年"),
])
def test_normalize_numbers_keeps_length(text, normal):
    assert normalize_numbers(text) == normal
    assert len(normalize_numbers(text)) == len(text)


@pytest.mark.parametrize(("text", "value"), [
    ("1/3", Fraction(1, 3)), ("２／３", Fraction(2, 3)), ("三分之一", Fraction(1, 3)),
    ("十分之三", Fraction(3, 10)), ("1 / 4", Fraction(1, 4)),
])
def test_parse_fraction(text, value):
    assert parse_fraction(text) == value


@pytest.mark.parametrize("text", ["10/1", "3/3", "0/5", "2019/10", "百分之三十", "三分"])
def test_parse_fraction_rejects_dates_and_improper_fractions(text):
    with pytest.raises(ValueInvalidError, match="fraction"):
        parse_fraction(text)
