"""Reporting periods from what a user typed or chose: a quarter, a year, the first 6 or 9
months, or any range of days."""

from __future__ import annotations

import calendar
import re
from datetime import date, datetime, timedelta

from tracker.domain.shapes import Period
from tracker.services.errors import ValidationError


def quarter(year: int, q: int) -> Period:
    if not 1 <= q <= 4:
        raise ValidationError("bad_period", "period", value=f"{year}-Q{q}")
    first = 3 * (q - 1) + 1
    last = first + 2
    return Period(
        date(year, first, 1), date(year, last, calendar.monthrange(year, last)[1]), "quarter"
    )


def whole_year(year: int) -> Period:
    return Period(date(year, 1, 1), date(year, 12, 31), "year")


def first_months(year: int, months: int) -> Period:
    """The cumulative 6-month or 9-month period from 1 January."""
    if months not in (6, 9):
        raise ValidationError("bad_period", "period", value=f"{year}-{months}M")
    return Period(
        date(year, 1, 1), date(year, months, calendar.monthrange(year, months)[1]), f"{months}m"
    )


def date_range(start: date, end: date) -> Period:
    if start > end:
        raise ValidationError("period_order", "period")
    return Period(start, end, "range")


def quarter_of(day: date) -> Period:
    return quarter(day.year, (day.month - 1) // 3 + 1)


_Q = re.compile(r"^(\d{4})-?Q([1-4])$", re.IGNORECASE)
_Y = re.compile(r"^(\d{4})$")
_M = re.compile(r"^(\d{4})-?(6|9)M$", re.IGNORECASE)
_H1 = re.compile(r"^(\d{4})-?H1$", re.IGNORECASE)
_R = re.compile(r"^(\S+?)\s*(?:\.\.|–|—|/to/)\s*(\S+)$")


def _day(text: str) -> date:
    for fmt in ("%Y-%m-%d", "%d/%m/%Y"):
        try:
            return datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValidationError("bad_period", "period", value=text)


def parse_period(text: str, kind: str | None = None) -> Period:
    """A period from what a user typed: "2025-Q1", "2025", "2025-6M" (or "2025-H1"),
    "2025-9M", "2025-01-01..2025-03-31" (or dd/mm/yyyy). With ``kind`` ("quarter",
    "year", "6m", "9m", "range") the text must be of that kind."""
    raw = (text or "").strip()
    found: Period | None = None
    if m := _Q.match(raw):
        found = quarter(int(m[1]), int(m[2]))
    elif m := _Y.match(raw):
        found = whole_year(int(m[1]))
    elif m := _M.match(raw):
        found = first_months(int(m[1]), int(m[2]))
    elif m := _H1.match(raw):
        found = first_months(int(m[1]), 6)
    elif m := _R.match(raw):
        found = date_range(_day(m[1]), _day(m[2]))
    if found is None or (kind is not None and kind != found.kind):
        raise ValidationError("bad_period", "period", value=raw)
    if not 2000 <= found.start.year <= 2100 or not 2000 <= found.end.year <= 2100:
        raise ValidationError("bad_period", "period", value=raw)
    return found


def default_period(today: date) -> Period:
    """The quarter an office reports on: in a quarter's last month (March, June, September,
    December: the month reports are written), that quarter; before, the last full one."""
    current = quarter_of(today)
    if today.month == current.end.month:
        return current
    return quarter_of(current.start - timedelta(days=1))
