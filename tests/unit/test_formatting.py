from __future__ import annotations

import datetime
from decimal import Decimal

import pytest

from tracker.i18n.formatting import (
    MONEY_SEPARATOR,
    format_date,
    format_document_date,
    format_money,
    format_number,
    locale_for,
)

NBSP = "\u00a0"


def test_money_separator_is_no_break_space():
    assert MONEY_SEPARATOR == NBSP


@pytest.mark.parametrize(
    ("amount", "lang", "expected"),
    [
        (5_000_000, "vi", f"5.000.000{NBSP}₫"),
        (0, "vi", f"0{NBSP}₫"),
        (999, "vi", f"999{NBSP}₫"),
        (4_200_000_000, "vi", f"4.200.000.000{NBSP}₫"),
        (-5_000, "vi", f"-5.000{NBSP}₫"),
        (5_000_000, "en", f"VND{NBSP}5,000,000"),
        (31_860_000, "en", f"VND{NBSP}31,860,000"),
    ],
)
def test_format_money(amount, lang, expected):
    assert format_money(amount, lang) == expected


def test_format_money_default_is_vietnamese():
    assert format_money(1005) == f"1.005{NBSP}₫"


@pytest.mark.parametrize("bad", [5.0, Decimal("5"), True, "5000", None])
def test_format_money_rejects_non_int(bad):
    with pytest.raises(ValueError, match="int"):
        format_money(bad)


@pytest.mark.parametrize(
    ("n", "lang", "expected"),
    [
        (1_234_567, "vi", "1.234.567"),
        (1_234_567, "en", "1,234,567"),
        (1234.5, "vi", "1.234,5"),
        (1234.5, "en", "1,234.5"),
        (Decimal("0.25"), "vi", "0,25"),
        (42, "vi", "42"),
    ],
)
def test_format_number(n, lang, expected):
    assert format_number(n, lang) == expected


@pytest.mark.parametrize(
    ("d", "lang", "expected"),
    [
        (datetime.date(2025, 3, 5), "vi", "05/03/2025"),
        (datetime.date(2025, 12, 31), "vi", "31/12/2025"),
        (datetime.datetime(2025, 3, 5, 23, 59), "vi", "05/03/2025"),
        (datetime.date(2025, 3, 5), "en", "5 Mar 2025"),
        (datetime.date(2024, 11, 20), "en", "20 Nov 2024"),
    ],
)
def test_format_date(d, lang, expected):
    assert format_date(d, lang) == expected


@pytest.mark.parametrize(
    ("d", "lang", "expected"),
    [
        (datetime.date(2025, 3, 5), "vi", "Ngày 05 tháng 03 năm 2025"),
        (datetime.date(2025, 12, 31), "vi", "Ngày 31 tháng 12 năm 2025"),
        (datetime.date(2025, 3, 5), "en", "5 March 2025"),
    ],
)
def test_format_document_date(d, lang, expected):
    assert format_document_date(d, lang) == expected


def test_defaults_are_vietnamese():
    d = datetime.date(2025, 3, 5)
    assert format_date(d) == "05/03/2025"
    assert format_document_date(d) == "Ngày 05 tháng 03 năm 2025"
    assert format_number(1_000) == "1.000"


@pytest.mark.parametrize(
    ("lang", "expected"),
    [("vi", "vi_VN"), ("en", "en_GB"), ("vi_VN", "vi_VN"), ("EN-gb", "en_GB")],
)
def test_locale_for(lang, expected):
    assert locale_for(lang) == expected


@pytest.mark.parametrize("lang", ["fr", "", None])
def test_unknown_language_raises(lang):
    with pytest.raises(ValueError, match="language"):
        locale_for(lang)


def test_format_date_rejects_strings():
    with pytest.raises(ValueError, match="date"):
        format_date("2025-03-05")
