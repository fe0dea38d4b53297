"""Amounts in words: hand-worked tables plus a strict round-trip parser.

The expected strings were worked out by hand from the rules for "số tiền bằng chữ"
(groups of three; later groups read in full with "không trăm" and "lẻ"; all-zero
groups skipped; mốt / lăm / tư after the tens). The property tests parse the output
back with an independent, grammar-checking parser, so a table typo or a rule the
table misses still shows up.
"""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tracker.i18n.words import amount_in_words, number_in_words

MAX = 999_999_999_999

# ---------------------------------------------------------------------------------------------
# Vietnamese table (defaults: lẻ, nghìn, tỷ)
# ---------------------------------------------------------------------------------------------

VI_CASES = [
    # units
    (0, "Không đồng"),
    (1, "Một đồng"),
    (2, "Hai đồng"),
    (3, "Ba đồng"),
    (4, "Bốn đồng"),
    (5, "Năm đồng"),
    (6, "Sáu đồng"),
    (7, "Bảy đồng"),
    (8, "Tám đồng"),
    (9, "Chín đồng"),
    # 10-19: mười, mười một (not mốt), mười bốn (not tư), mười lăm
    (10, "Mười đồng"),
    (11, "Mười một đồng"),
    (14, "Mười bốn đồng"),
    (15, "Mười lăm đồng"),
    (19, "Mười chín đồng"),
    # 20-99: mươi, mốt, tư, lăm
    (20, "Hai mươi đồng"),
    (21, "Hai mươi mốt đồng"),
    (24, "Hai mươi tư đồng"),
    (25, "Hai mươi lăm đồng"),
    (34, "Ba mươi tư đồng"),
    (41, "Bốn mươi mốt đồng"),
    (44, "Bốn mươi tư đồng"),
    (45, "Bốn mươi lăm đồng"),
    (50, "Năm mươi đồng"),
    (55, "Năm mươi lăm đồng"),
    (65, "Sáu mươi lăm đồng"),
    (71, "Bảy mươi mốt đồng"),
    (74, "Bảy mươi tư đồng"),
    (95, "Chín mươi lăm đồng"),
    (99, "Chín mươi chín đồng"),
    # hundreds: lẻ before a lone unit
    (100, "Một trăm đồng"),
    (101, "Một trăm lẻ một đồng"),
    (104, "Một trăm lẻ bốn đồng"),
    (105, "Một trăm lẻ năm đồng"),
    (110, "Một trăm mười đồng"),
    (111, "Một trăm mười một đồng"),
    (115, "Một trăm mười lăm đồng"),
    (121, "Một trăm hai mươi mốt đồng"),
    (205, "Hai trăm lẻ năm đồng"),
    (250, "Hai trăm năm mươi đồng"),
    (500, "Năm trăm đồng"),
    (999, "Chín trăm chín mươi chín đồng"),
    # thousands: the unit group is read in full
    (1000, "Một nghìn đồng"),
    (1001, "Một nghìn không trăm lẻ một đồng"),
    (1005, "Một nghìn không trăm lẻ năm đồng"),
    (1010, "Một nghìn không trăm mười đồng"),
    (1015, "Một nghìn không trăm mười lăm đồng"),
    (1021, "Một nghìn không trăm hai mươi mốt đồng"),
    (1100, "Một nghìn một trăm đồng"),
    (1234, "Một nghìn hai trăm ba mươi tư đồng"),
    (2000, "Hai nghìn đồng"),
    (10_000, "Mười nghìn đồng"),
    (15_000, "Mười lăm nghìn đồng"),
    (21_000, "Hai mươi mốt nghìn đồng"),
    (25_500, "Hai mươi lăm nghìn năm trăm đồng"),
    (100_000, "Một trăm nghìn đồng"),
    (105_000, "Một trăm lẻ năm nghìn đồng"),
    (250_000, "Hai trăm năm mươi nghìn đồng"),
    (300_000, "Ba trăm nghìn đồng"),
    # millions: all-zero groups skipped, the next group still read in full
    (1_000_000, "Một triệu đồng"),
    (1_000_010, "Một triệu không trăm mười đồng"),
    (1_000_100, "Một triệu một trăm đồng"),
    (1_001_000, "Một triệu không trăm lẻ một nghìn đồng"),
    (1_005_000, "Một triệu không trăm lẻ năm nghìn đồng"),
    (1_500_000, "Một triệu năm trăm nghìn đồng"),
    (2_500_000, "Hai triệu năm trăm nghìn đồng"),
    (5_000_000, "Năm triệu đồng"),
    (5_000_005, "Năm triệu không trăm lẻ năm đồng"),
    (10_500_000, "Mười triệu năm trăm nghìn đồng"),
    (
        12_345_678,
        "Mười hai triệu ba trăm bốn mươi lăm nghìn sáu trăm bảy mươi tám đồng",
    ),
    (31_860_000, "Ba mươi mốt triệu tám trăm sáu mươi nghìn đồng"),  # published example
    (100_000_000, "Một trăm triệu đồng"),
    (
        105_025_001,
        "Một trăm lẻ năm triệu không trăm hai mươi lăm nghìn không trăm lẻ một đồng",
    ),
    (
        400_036_105,
        "Bốn trăm triệu không trăm ba mươi sáu nghìn một trăm lẻ năm đồng",
    ),
    (
        999_999_999,
        "Chín trăm chín mươi chín triệu chín trăm chín mươi chín nghìn"
        " chín trăm chín mươi chín đồng",
    ),
    # billions
    (1_000_000_000, "Một tỷ đồng"),
    (1_000_000_005, "Một tỷ không trăm lẻ năm đồng"),
    (1_000_001_000, "Một tỷ không trăm lẻ một nghìn đồng"),
    (1_001_000_000, "Một tỷ không trăm lẻ một triệu đồng"),
    (1_200_000_000, "Một tỷ hai trăm triệu đồng"),
    (
        1_020_304_050,
        "Một tỷ không trăm hai mươi triệu ba trăm lẻ bốn nghìn không trăm năm mươi đồng",
    ),
    (
        2_014_500_000,
        "Hai tỷ không trăm mười bốn triệu năm trăm nghìn đồng",  # published example
    ),
    (4_200_000_000, "Bốn tỷ hai trăm triệu đồng"),
    (5_000_000_023, "Năm tỷ không trăm hai mươi ba đồng"),
    (5_000_000_123, "Năm tỷ một trăm hai mươi ba đồng"),
    (8_000_000_000, "Tám tỷ đồng"),
    (10_000_000_000, "Mười tỷ đồng"),
    (15_000_000_000, "Mười lăm tỷ đồng"),
    (21_000_000_000, "Hai mươi mốt tỷ đồng"),
    (100_000_000_001, "Một trăm tỷ không trăm lẻ một đồng"),
    (
        101_010_010_101,
        "Một trăm lẻ một tỷ không trăm mười triệu không trăm mười nghìn một trăm lẻ một đồng",
    ),
    (
        MAX,
        "Chín trăm chín mươi chín tỷ chín trăm chín mươi chín triệu"
        " chín trăm chín mươi chín nghìn chín trăm chín mươi chín đồng",
    ),
]


def test_table_is_large_and_unique():
    amounts = [amount for amount, _ in VI_CASES]
    assert len(amounts) >= 70
    assert len(set(amounts)) == len(amounts)


@pytest.mark.parametrize(("amount", "expected"), VI_CASES)
def test_amount_in_words_vi(amount, expected):
    assert amount_in_words(amount) == expected
    assert amount_in_words(amount, "vi") == expected


@pytest.mark.parametrize(("amount", "expected"), VI_CASES)
def test_number_in_words_vi_is_lowercase_form(amount, expected):
    words = expected.removesuffix(" đồng")
    assert number_in_words(amount) == words[0].lower() + words[1:]


@pytest.mark.parametrize(
    "expected",
    [
        "Ba mươi mốt triệu tám trăm sáu mươi nghìn đồng",
        "Một nghìn không trăm lẻ năm đồng",
        "Hai tỷ không trăm mười bốn triệu năm trăm nghìn đồng",
    ],
)
def test_published_examples_are_in_table(expected):
    assert expected in {text for _, text in VI_CASES}


# ---------------------------------------------------------------------------------------------
# Variants and the "chẵn" suffix
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("amount", "options", "expected"),
    [
        (101, {"zero_tens": "linh"}, "Một trăm linh một đồng"),
        (1005, {"zero_tens": "linh"}, "Một nghìn không trăm linh năm đồng"),
        (1000, {"thousand": "ngàn"}, "Một ngàn đồng"),
        (31_860_000, {"thousand": "ngàn"}, "Ba mươi mốt triệu tám trăm sáu mươi ngàn đồng"),
        (1_000_000_000, {"billion": "tỉ"}, "Một tỉ đồng"),
        (
            1_000_000_005,
            {"zero_tens": "linh", "billion": "tỉ"},
            "Một tỉ không trăm linh năm đồng",
        ),
        (
            2_014_500_000,
            {"thousand": "ngàn", "billion": "tỉ"},
            "Hai tỉ không trăm mười bốn triệu năm trăm ngàn đồng",
        ),
        (
            105_005_105,
            {"zero_tens": "linh", "thousand": "ngàn", "billion": "tỉ"},
            "Một trăm linh năm triệu không trăm linh năm ngàn một trăm linh năm đồng",
        ),
    ],
)
def test_variants(amount, options, expected):
    assert amount_in_words(amount, **options) == expected


@pytest.mark.parametrize(
    ("amount", "expected"),
    [
        (5_000_000, "Năm triệu đồng chẵn"),
        (1000, "Một nghìn đồng chẵn"),
        (31_860_000, "Ba mươi mốt triệu tám trăm sáu mươi nghìn đồng chẵn"),
        (1_000_000_000, "Một tỷ đồng chẵn"),
        (2_014_500_000, "Hai tỷ không trăm mười bốn triệu năm trăm nghìn đồng chẵn"),
        (1005, "Một nghìn không trăm lẻ năm đồng"),
        (500, "Năm trăm đồng"),
        (1_000_001, "Một triệu không trăm lẻ một đồng"),
        (0, "Không đồng"),
    ],
)
def test_round_suffix(amount, expected):
    assert amount_in_words(amount, round_suffix=True) == expected


def test_round_suffix_is_vietnamese_only():
    assert amount_in_words(5_000_000, "en", round_suffix=True) == "Five million dong"


# ---------------------------------------------------------------------------------------------
# English
# ---------------------------------------------------------------------------------------------

EN_CASES = [
    (0, "zero"),
    (1, "one"),
    (5, "five"),
    (11, "eleven"),
    (12, "twelve"),
    (15, "fifteen"),
    (18, "eighteen"),
    (20, "twenty"),
    (21, "twenty-one"),
    (40, "forty"),
    (70, "seventy"),
    (99, "ninety-nine"),
    (100, "one hundred"),
    (105, "one hundred five"),
    (115, "one hundred fifteen"),
    (1005, "one thousand five"),
    (1010, "one thousand ten"),
    (1234, "one thousand two hundred thirty-four"),
    (31_860_000, "thirty-one million eight hundred sixty thousand"),
    (400_036_105, "four hundred million thirty-six thousand one hundred five"),
    (1_000_000_005, "one billion five"),
    (2_014_500_000, "two billion fourteen million five hundred thousand"),
    (10_000_000_000, "ten billion"),
    (
        MAX,
        "nine hundred ninety-nine billion nine hundred ninety-nine million"
        " nine hundred ninety-nine thousand nine hundred ninety-nine",
    ),
]


@pytest.mark.parametrize(("number", "expected"), EN_CASES)
def test_number_in_words_en(number, expected):
    assert number_in_words(number, "en") == expected
    # The Vietnamese variants do not touch English.
    assert number_in_words(number, "en", zero_tens="linh", thousand="ngàn") == expected


@pytest.mark.parametrize(
    ("amount", "expected"),
    [
        (0, "Zero dong"),
        (1005, "One thousand five dong"),
        (21, "Twenty-one dong"),
        (31_860_000, "Thirty-one million eight hundred sixty thousand dong"),
        (2_014_500_000, "Two billion fourteen million five hundred thousand dong"),
    ],
)
def test_amount_in_words_en(amount, expected):
    assert amount_in_words(amount, "en") == expected


def test_locale_style_language_codes_accepted():
    assert amount_in_words(1005, "vi_VN") == "Một nghìn không trăm lẻ năm đồng"
    assert amount_in_words(1005, "en-GB") == "One thousand five dong"


# ---------------------------------------------------------------------------------------------
# Errors
# ---------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("bad", "message"),
    [
        (-1, "negative"),
        (-5_000_000, "negative"),
        (MAX + 1, "too large"),
        (10**15, "too large"),
        (True, "int"),
        (False, "int"),
        (5.0, "int"),
        (Decimal(5), "int"),
        ("5000", "int"),
        (None, "int"),
    ],
)
@pytest.mark.parametrize("function", [amount_in_words, number_in_words])
def test_invalid_amounts_raise(function, bad, message):
    with pytest.raises(ValueError, match=message):
        function(bad)


@pytest.mark.parametrize("lang", ["fr", "", None, "vietnamese"])
def test_unknown_language_raises(lang):
    with pytest.raises(ValueError, match="language"):
        amount_in_words(5, lang)


@pytest.mark.parametrize("option", ["zero_tens", "thousand", "billion"])
@pytest.mark.parametrize("value", ["", " ", " lẻ", None])
def test_bad_variant_words_raise(option, value):
    with pytest.raises(ValueError, match=option):
        amount_in_words(1005, **{option: value})


# ---------------------------------------------------------------------------------------------
# An independent, strict parser for the Vietnamese words
# ---------------------------------------------------------------------------------------------

_PLAIN_DIGITS = {
    "một": 1,
    "hai": 2,
    "ba": 3,
    "bốn": 4,
    "năm": 5,
    "sáu": 6,
    "bảy": 7,
    "tám": 8,
    "chín": 9,
}
# Units after "mười": một, bốn, lăm (never mốt, tư, năm).
_AFTER_MUOI_MOT = {word: d for word, d in _PLAIN_DIGITS.items() if word != "năm"} | {"lăm": 5}
# Units after "hai mươi" .. "chín mươi": mốt, tư, lăm (never một, bốn, năm).
_AFTER_MUOI = {
    word: d for word, d in _PLAIN_DIGITS.items() if word not in {"một", "bốn", "năm"}
} | {"mốt": 1, "tư": 4, "lăm": 5}


class ParseError(ValueError):
    pass


def _parse_group(tokens: list[str], *, full: bool, zero_tens: str) -> int:
    """Parse one group of 1-999 and check its form; ``full`` demands the hundreds."""
    rest = tokens
    hundreds = None
    if len(tokens) >= 2 and tokens[1] == "trăm":
        hundreds = {"không": 0, **_PLAIN_DIGITS}.get(tokens[0])
        if hundreds is None:
            raise ParseError(f"bad hundreds digit in {tokens}")
        if hundreds == 0 and not full:
            raise ParseError(f"leading group starts with 'không trăm': {tokens}")
        rest = tokens[2:]
    elif full:
        raise ParseError(f"group after a scale word not read in full: {tokens}")

    match rest:
        case []:
            below_hundred = 0
        case [zt, unit] if zt == zero_tens and hundreds is not None and unit in _PLAIN_DIGITS:
            below_hundred = _PLAIN_DIGITS[unit]
        case [unit] if hundreds is None and unit in _PLAIN_DIGITS:
            below_hundred = _PLAIN_DIGITS[unit]
        case ["mười"]:
            below_hundred = 10
        case ["mười", unit] if unit in _AFTER_MUOI_MOT:
            below_hundred = 10 + _AFTER_MUOI_MOT[unit]
        case [tens, "mươi"] if _PLAIN_DIGITS.get(tens, 0) >= 2:
            below_hundred = 10 * _PLAIN_DIGITS[tens]
        case [tens, "mươi", unit] if _PLAIN_DIGITS.get(tens, 0) >= 2 and unit in _AFTER_MUOI:
            below_hundred = 10 * _PLAIN_DIGITS[tens] + _AFTER_MUOI[unit]
        case _:
            raise ParseError(f"cannot read {rest} in group {tokens}")

    value = 100 * (hundreds or 0) + below_hundred
    if value == 0:
        raise ParseError(f"an all-zero group should have been skipped: {tokens}")
    return value


def parse_vi_number(
    text: str, *, zero_tens: str = "lẻ", thousand: str = "nghìn", billion: str = "tỷ"
) -> int:
    """Turn lowercase Vietnamese number words back into an int, checking the grammar."""
    if text == "không":
        return 0
    scales = {billion: 10**9, "triệu": 10**6, thousand: 10**3}
    segments: list[tuple[list[str], int]] = []
    current: list[str] = []
    for token in text.split(" "):
        if token in scales:
            segments.append((current, scales[token]))
            current = []
        else:
            current.append(token)
    if current:
        segments.append((current, 1))

    total = 0
    previous_scale = None
    for index, (tokens, scale) in enumerate(segments):
        if not tokens:
            raise ParseError(f"scale word without a number in {text!r}")
        if previous_scale is not None and scale >= previous_scale:
            raise ParseError(f"scale words out of order in {text!r}")
        previous_scale = scale
        total += scale * _parse_group(tokens, full=index > 0, zero_tens=zero_tens)
    return total


def parse_vi_amount(text: str, **variants: str) -> int:
    if not text.endswith(" đồng"):
        raise ParseError(f"does not end with 'đồng': {text!r}")
    words = text.removesuffix(" đồng")
    if not words[:1].isupper():
        raise ParseError(f"does not start with a capital: {text!r}")
    return parse_vi_number(words[0].lower() + words[1:], **variants)


@pytest.mark.parametrize(("amount", "text"), VI_CASES)
def test_parser_reads_the_table(amount, text):
    assert parse_vi_amount(text) == amount


@pytest.mark.parametrize(
    "wrong",
    [
        "một nghìn lẻ năm",  # num2words style: drops "không trăm"
        "một nghìn lẻ mười lăm",
        "một triệu mười",
        "hai mươi một",  # must be "mốt"
        "mười mốt",
        "hai mươi năm",  # must be "lăm"
        "mười năm",
        "mười tư",
        "một trăm năm",  # needs "lẻ"
        "không trăm năm",
        "một triệu không nghìn",
        "một nghìn triệu",
        "một tỷ không trăm không mươi",
    ],
)
def test_parser_rejects_wrong_forms(wrong):
    with pytest.raises(ParseError):
        parse_vi_number(wrong)


# ---------------------------------------------------------------------------------------------
# Properties
# ---------------------------------------------------------------------------------------------

# Uniform integers rarely hit zero groups or the special units, so mix in numbers
# built group by group from interesting values.
_INTERESTING_GROUPS = st.sampled_from(
    [0, 0, 0, 1, 4, 5, 10, 11, 14, 15, 20, 21, 24, 25, 100, 101, 104, 105, 110, 115, 500, 999]
)
_BUILT = st.lists(st.one_of(_INTERESTING_GROUPS, st.integers(0, 999)), min_size=1, max_size=4).map(
    lambda groups: sum(group * 1000**i for i, group in enumerate(groups))
)
AMOUNTS = st.one_of(st.integers(0, MAX), st.integers(0, 1_000_000), _BUILT)

PROPERTY_SETTINGS = settings(max_examples=600, deadline=None, database=None)


@PROPERTY_SETTINGS
@given(AMOUNTS)
def test_vi_words_round_trip(amount):
    text = amount_in_words(amount)
    assert "  " not in text
    assert text == text.strip()
    assert text[0].isupper()
    assert text[1:] == text[1:].lower()
    assert text.endswith("đồng")
    assert parse_vi_amount(text) == amount


@PROPERTY_SETTINGS
@given(
    AMOUNTS,
    st.sampled_from(["lẻ", "linh"]),
    st.sampled_from(["nghìn", "ngàn"]),
    st.sampled_from(["tỷ", "tỉ"]),
)
def test_vi_variants_round_trip(amount, zero_tens, thousand, billion):
    variants = {"zero_tens": zero_tens, "thousand": thousand, "billion": billion}
    text = amount_in_words(amount, **variants)
    assert parse_vi_amount(text, **variants) == amount
    default_text = amount_in_words(amount)
    swap = {"lẻ": zero_tens, "nghìn": thousand, "tỷ": billion}
    assert text == " ".join(swap.get(word, word) for word in default_text.split(" "))


@PROPERTY_SETTINGS
@given(AMOUNTS)
def test_round_suffix_property(amount):
    text = amount_in_words(amount, round_suffix=True)
    is_round = amount > 0 and amount % 1000 == 0
    assert text.endswith("đồng chẵn") == is_round
    assert text.removesuffix(" chẵn") == amount_in_words(amount)


@PROPERTY_SETTINGS
@given(AMOUNTS)
def test_en_words_shape(amount):
    text = amount_in_words(amount, "en")
    assert "  " not in text
    assert text[0].isupper()
    assert text.endswith(" dong")
    assert set(text.lower()) <= set("abcdefghijklmnopqrstuvwxyz -")
    assert " and " not in text
    assert number_in_words(amount, "en") == text[0].lower() + text[1:-5]
