"""Numbers and amounts of money in words (số tiền bằng chữ).

Pure Python, no Qt and no third-party packages, so it can be used by the report
and receipt code as well as by the user interface.

Vietnamese follows the accounting usage on payment vouchers (phiếu chi):

* digits are read in groups of three: đơn vị, nghìn, triệu, tỷ;
* each group is "X trăm Y mươi Z"; the leading (first non-zero) group is read
  as short as possible ("năm", "mười lăm", "một trăm lẻ năm"), every later
  group is read in full, with "không trăm" for a zero hundreds digit and
  "lẻ"/"linh" for a zero tens digit before a non-zero unit
  (1 005 -> "một nghìn không trăm lẻ năm");
* a group that is all zeros is skipped (5 000 000 -> "năm triệu");
* "mười" for 10-19, "mươi" for the tens from 20; after the tens, 1 is "mốt"
  (from 20 up; "mười một"), 5 is "lăm" (after any tens: "mười lăm",
  "hai mươi lăm") and 4 is "tư" (from 20 up: "ba mươi tư", but "mười bốn").

The office may choose the variants "linh" for "lẻ", "ngàn" for "nghìn" and
"tỉ" for "tỷ"; these are keyword arguments.

English is US style without "and", with hyphens from 21 to 99:
"one thousand five", "two billion fourteen million five hundred thousand".
The Vietnamese variant arguments are ignored for English.

The supported range is 0 to 999 999 999 999 (below one "nghìn tỷ"). Anything
else, including bools, floats and Decimals, raises ValueError.
"""

from __future__ import annotations

__all__ = ["MAX_AMOUNT", "amount_in_words", "number_in_words"]

MAX_AMOUNT = 999_999_999_999
"""Largest number that can be written in words."""

_VI_DIGITS = ("không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín")

_EN_ONES = (
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
)
_EN_TENS = ("", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety")
_EN_SCALES = ("", "thousand", "million", "billion")

_CURRENCY = {"vi": "đồng", "en": "dong"}
_ROUND_SUFFIX_VI = "chẵn"


def _normalise_lang(lang: object) -> str:
    """Return "vi" or "en" for "vi", "vi_VN", "vi-VN", "EN", ...; raise otherwise."""
    if isinstance(lang, str):
        base = lang.strip().replace("-", "_").split("_")[0].lower()
        if base in _CURRENCY:
            return base
    raise ValueError(f"unsupported language {lang!r}: expected 'vi' or 'en'")


def _check_number(value: object, what: str) -> int:
    # bool is a subclass of int; True must not silently become "một".
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValueError(
            f"{what} must be a whole number of đồng (int), got {type(value).__name__} {value!r}"
        )
    if value < 0:
        raise ValueError(f"{what} must not be negative, got {value:,}")
    if value > MAX_AMOUNT:
        raise ValueError(f"{what} {value:,} is too large: the largest supported is {MAX_AMOUNT:,}")
    return value


def _check_word(value: object, name: str) -> str:
    if not isinstance(value, str) or not value.strip() or value != value.strip():
        raise ValueError(f"{name} must be a non-empty word without surrounding spaces: {value!r}")
    return value


def _groups(n: int) -> list[int]:
    """Three-digit groups, least significant first (n > 0)."""
    groups = []
    while n:
        n, group = divmod(n, 1000)
        groups.append(group)
    return groups


# --- Vietnamese -----------------------------------------------------------------------------


def _vi_group(group: int, *, full: bool, zero_tens: str) -> list[str]:
    """Words for 1 <= group <= 999; ``full`` reads a zero hundreds digit as "không trăm"."""
    hundreds, rest = divmod(group, 100)
    tens, unit = divmod(rest, 10)
    words: list[str] = []
    if full or hundreds:
        words += [_VI_DIGITS[hundreds], "trăm"]
    if tens == 0:
        if unit:
            if words:
                words.append(zero_tens)
            words.append(_VI_DIGITS[unit])
    elif tens == 1:
        words.append("mười")
        if unit:
            words.append("lăm" if unit == 5 else _VI_DIGITS[unit])
    else:
        words += [_VI_DIGITS[tens], "mươi"]
        if unit == 1:
            words.append("mốt")
        elif unit == 4:
            words.append("tư")
        elif unit == 5:
            words.append("lăm")
        elif unit:
            words.append(_VI_DIGITS[unit])
    return words


def _vi_number(n: int, *, zero_tens: str, thousand: str, billion: str) -> str:
    if n == 0:
        return _VI_DIGITS[0]
    scales = ("", thousand, "triệu", billion)
    words: list[str] = []
    groups = _groups(n)
    for index in reversed(range(len(groups))):
        group = groups[index]
        if group == 0:
            continue  # an all-zero group is skipped entirely
        # Only the leading group is read short; every later one is read in full.
        words += _vi_group(group, full=bool(words), zero_tens=zero_tens)
        if scales[index]:
            words.append(scales[index])
    return " ".join(words)


# --- English --------------------------------------------------------------------------------


def _en_group(group: int) -> list[str]:
    hundreds, rest = divmod(group, 100)
    words: list[str] = []
    if hundreds:
        words += [_EN_ONES[hundreds], "hundred"]
    if rest >= 20:
        tens, unit = divmod(rest, 10)
        words.append(f"{_EN_TENS[tens]}-{_EN_ONES[unit]}" if unit else _EN_TENS[tens])
    elif rest:
        words.append(_EN_ONES[rest])
    return words


def _en_number(n: int) -> str:
    if n == 0:
        return _EN_ONES[0]
    words: list[str] = []
    groups = _groups(n)
    for index in reversed(range(len(groups))):
        if groups[index]:
            words += _en_group(groups[index])
            if _EN_SCALES[index]:
                words.append(_EN_SCALES[index])
    return " ".join(words)


# --- Public API -----------------------------------------------------------------------------


def number_in_words(
    n: int,
    lang: str = "vi",
    *,
    zero_tens: str = "lẻ",
    thousand: str = "nghìn",
    billion: str = "tỷ",
) -> str:
    """Return ``n`` (0 to 999 999 999 999) in lowercase words.

    >>> number_in_words(2_014_500_000)
    'hai tỷ không trăm mười bốn triệu năm trăm nghìn'
    >>> number_in_words(1005, zero_tens="linh", thousand="ngàn")
    'một ngàn không trăm linh năm'
    >>> number_in_words(1005, "en")
    'one thousand five'

    ``zero_tens`` ("lẻ" or "linh"), ``thousand`` ("nghìn" or "ngàn") and ``billion``
    ("tỷ" or "tỉ") only matter for Vietnamese. Raises ValueError for a number out of
    range, a non-int (bool included) or an unknown language.
    """
    n = _check_number(n, "number")
    if _normalise_lang(lang) == "en":
        return _en_number(n)
    return _vi_number(
        n,
        zero_tens=_check_word(zero_tens, "zero_tens"),
        thousand=_check_word(thousand, "thousand"),
        billion=_check_word(billion, "billion"),
    )


def amount_in_words(
    amount: int,
    lang: str = "vi",
    *,
    round_suffix: bool = False,
    zero_tens: str = "lẻ",
    thousand: str = "nghìn",
    billion: str = "tỷ",
) -> str:
    """Return an amount of đồng in words as written on a receipt.

    The first letter is a capital and the currency follows:

    >>> amount_in_words(31_860_000)
    'Ba mươi mốt triệu tám trăm sáu mươi nghìn đồng'
    >>> amount_in_words(0)
    'Không đồng'
    >>> amount_in_words(5_000_000, round_suffix=True)
    'Năm triệu đồng chẵn'
    >>> amount_in_words(1005, "en")
    'One thousand five dong'

    With ``round_suffix`` a positive multiple of 1 000 ends "đồng chẵn" (Vietnamese
    only; zero stays "Không đồng"). Raises ValueError for a negative amount, one above
    999 999 999 999, a non-int (bool included) or an unknown language.
    """
    amount = _check_number(amount, "amount")
    code = _normalise_lang(lang)
    words = number_in_words(amount, code, zero_tens=zero_tens, thousand=thousand, billion=billion)
    text = f"{words[0].upper()}{words[1:]} {_CURRENCY[code]}"
    if round_suffix and code == "vi" and amount and amount % 1000 == 0:
        text += f" {_ROUND_SUFFIX_VI}"
    return text
