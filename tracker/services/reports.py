"""The quarterly (or any period's) summary for the office, the donor and the province.

Every figure is an aggregate computed by the database (GROUP BY), on SQLite and PostgreSQL
alike; Python only names the groups. The summary keeps the raw numbers: small-cell
suppression ("<5") happens when the output tables are built (``tracker.reports``), so the
office's own version and the tests see the real counts.

Definitions (the same in the PDF notes and in the tests):

* A person is *supported* once a hand-over was made to them. Cumulative: a hand-over on or
  before the period's end. New: the first hand-over falls in the period. Continuing: a
  hand-over in the period, the first one before it.
* Age band at the period's end, from the birth date, or from the birth year alone
  (age = end year - birth year).
* Commune: the code recorded with the person's address, named as the unit with that code
  was on the period's end (a unit that had ended by then keeps its last name, marked).
* Visits: *due* are scheduled in the period (not cancelled); *done* were done in the period;
  *no one met*: the officer went in the period and met no one (status "missed");
  *overdue* were due in the period up to today (or the end) and neither done nor tried by
  then.
* Assets: held on the period's end (acquired by then) in the condition of their latest
  event up to that day; "gave birth" counts animals with a birth recorded by then.
* Receipts: those numbered for hand-overs made in the period, and how many are voided.
* Donor and province versions leave out everyone whose latest consent of that kind
  ("donor_reporting", "province_sharing") is withdrawn, from every table about people,
  support, visits, assets and receipts. Project budgets stay whole: they are accounts.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass, fields
from datetime import UTC, date, datetime, timedelta
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Date,
    Integer,
    Select,
    String,
    and_,
    case,
    cast,
    func,
    literal,
    literal_column,
    not_,
    or_,
    select,
    true,
    union_all,
)
from sqlalchemy.orm import Session, aliased

from tracker.db.engine import Database
from tracker.db.models import (
    CATEGORIES,
    SEXES,
    AdminUnit,
    Asset,
    AssetEvent,
    Beneficiary,
    Consent,
    Disbursement,
    Grant,
    GrantType,
    Project,
    Receipt,
    Visit,
)
from tracker.services.context import Actor
from tracker.services.errors import ValidationError
from tracker.services.office import current_office

AUDIENCES = ("office", "donor", "province")
#: The consent kind that lets a person be counted in each version that leaves the office.
AUDIENCE_CONSENT = {"donor": "donor_reporting", "province": "province_sharing"}
AGE_BANDS = ("u16", "16_17", "18_24", "25_34", "35p")
#: (lower bound of the band above, band key): a person younger than the bound is in the band.
_AGE_LIMITS = ((16, "u16"), (18, "16_17"), (25, "18_24"), (35, "25_34"))
INCOME_BANDS = ("none", "low", "medium", "high")
ASSET_COLUMNS = ("alive", "sick", "in_use", "unused", "died", "sold", "passed_on")
PERIOD_KINDS = ("quarter", "year", "6m", "9m", "range")
SMALL_CELL = 5
"""Counts from 1 to SMALL_CELL - 1 are shown as "<5" in versions that leave the office."""


# --- periods ---------------------------------------------------------------------------

_ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}


@dataclass(frozen=True)
class Period:
    """A reporting period: its first and last day and how it was chosen."""

    start: date
    end: date
    kind: str = "range"

    @property
    def key(self) -> str:
        """What a user types to get it again: "2025-Q1", "2025", "2025-6M", "2025-9M",
        "2025-01-01..2025-03-31"."""
        y = self.start.year
        if self.kind == "quarter":
            return f"{y}-Q{(self.start.month - 1) // 3 + 1}"
        if self.kind == "year":
            return str(y)
        if self.kind in ("6m", "9m"):
            return f"{y}-{self.kind.upper()}"
        return f"{self.start.isoformat()}..{self.end.isoformat()}"

    @property
    def slug(self) -> str:
        """For file and folder names: ASCII letters, digits and '-' only."""
        if self.kind == "range":
            return f"{self.start:%Y%m%d}-{self.end:%Y%m%d}"
        return self.key

    def label(self, lang: str = "vi") -> str:
        y = self.start.year
        q = (self.start.month - 1) // 3 + 1
        if lang == "vi":
            return {
                "quarter": f"Quý {_ROMAN[q]}/{y}",
                "year": f"Năm {y}",
                "6m": f"6 tháng đầu năm {y}",
                "9m": f"9 tháng đầu năm {y}",
            }.get(self.kind, f"Từ {self.start:%d/%m/%Y} đến {self.end:%d/%m/%Y}")
        return {
            "quarter": f"Q{q} {y}",
            "year": f"Year {y}",
            "6m": f"First 6 months of {y}",
            "9m": f"First 9 months of {y}",
        }.get(self.kind, f"{self.start:%d/%m/%Y} to {self.end:%d/%m/%Y}")

    def days(self) -> int:
        return (self.end - self.start).days + 1


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


# --- the figures -----------------------------------------------------------------------


@dataclass(frozen=True)
class PeopleCount:
    """People supported in one group: new in the period, continuing, and cumulative."""

    key: str
    new: int
    continuing: int
    cumulative: int
    name: str = ""

    @property
    def in_period(self) -> int:
        return self.new + self.continuing


@dataclass(frozen=True)
class PeopleFigures:
    total: PeopleCount
    by_sex: tuple[PeopleCount, ...]
    by_age: tuple[PeopleCount, ...]
    by_ethnicity: tuple[PeopleCount, ...]
    by_commune: tuple[PeopleCount, ...]
    by_category: tuple[PeopleCount, ...]


@dataclass(frozen=True)
class SupportRow:
    """Grants and hand-overs of one support type."""

    grant_type: str
    name_vi: str
    name_en: str
    kind: str
    grants_new: int  # grants planned in the period (not cancelled)
    handovers: int  # hand-overs in the period
    people: int  # people who received something in the period
    cash: int  # đồng paid in cash in the period
    in_kind: int  # value of goods handed over in the period
    handovers_total: int  # to the period's end
    people_total: int
    cash_total: int
    in_kind_total: int


@dataclass(frozen=True)
class ProjectRow:
    code: str
    name: str
    donor: str
    start_date: date
    end_date: date
    budget: int
    spent: int  # to the period's end
    spent_in_period: int

    @property
    def left(self) -> int:
        return self.budget - self.spent


@dataclass(frozen=True)
class VisitFigures:
    """Follow-up visits of one step of the plan (months after the hand-over; None: extra)."""

    months_after: int | None
    due: int
    done: int
    overdue: int
    missed: int
    livelihood_running: int
    livelihood_stopped: int
    safety_concern: int
    in_school: int
    income_none: int
    income_low: int
    income_medium: int
    income_high: int


@dataclass(frozen=True)
class AssetFigures:
    """Granted animals and looms (and young born of them) held on the period's end."""

    kind: str
    total: int
    granted: int
    born: int
    alive: int
    sick: int
    in_use: int
    unused: int
    died: int
    sold: int
    passed_on: int
    gave_birth: int


@dataclass(frozen=True)
class ReceiptFigures:
    issued: int
    voided: int
    valid: int
    reprints: int
    amount_valid: int


@dataclass(frozen=True)
class Summary:
    office_name: str
    office_prefix: str
    period: Period
    audience: str
    generated_at: datetime
    people: PeopleFigures
    support: tuple[SupportRow, ...]
    projects: tuple[ProjectRow, ...]
    visits: tuple[VisitFigures, ...]
    visits_total: VisitFigures
    assets: tuple[AssetFigures, ...]
    receipts: ReceiptFigures
    #: People left out because they withdrew the consent this version needs.
    excluded_people: int
    #: The audit chain's head when the summary was made (last event id, number of events,
    #: hash), printed on every exported file.
    audit_head: tuple[int, int, str] | None = None

    @property
    def start(self) -> date:
        return self.period.start

    @property
    def end(self) -> date:
        return self.period.end

    @property
    def suppressed(self) -> bool:
        """Counts from 1 to 4 are shown as "<5" in the output of this version."""
        return self.audience != "office"

    @property
    def is_empty(self) -> bool:
        return (
            self.people.total.cumulative == 0
            and not any(r.handovers_total or r.grants_new for r in self.support)
            and self.visits_total.due == 0
            and self.visits_total.done == 0
        )


# --- SQL pieces ------------------------------------------------------------------------


def withdrawn_ids(kind: str) -> Select:  # type: ignore[type-arg]
    """Ids of the people whose latest decision of this consent kind is a withdrawal."""
    later = aliased(Consent)
    return select(Consent.beneficiary_id).where(
        Consent.kind == kind,
        Consent.given.is_(False),
        ~select(later.id)
        .where(
            later.beneficiary_id == Consent.beneficiary_id,
            later.kind == Consent.kind,
            or_(
                later.decided_on > Consent.decided_on,
                and_(later.decided_on == Consent.decided_on, later.id > Consent.id),
            ),
        )
        .exists(),
    )


def _eligible(column: Any, audience: str) -> ColumnElement[bool]:
    kind = AUDIENCE_CONSENT.get(audience)
    if kind is None:
        return true()
    return column.not_in(withdrawn_ids(kind))


def years_before(day: date, years: int) -> date:
    year = day.year - years
    return date(year, day.month, min(day.day, calendar.monthrange(year, day.month)[1]))


def age_band(end: date) -> ColumnElement[str]:
    """The age band on ``end`` from the birth date, else from the birth year."""

    def younger_than(years: int) -> ColumnElement[bool]:
        return or_(
            and_(
                Beneficiary.birth_date.is_not(None),
                Beneficiary.birth_date > years_before(end, years),
            ),
            and_(Beneficiary.birth_date.is_(None), Beneficiary.birth_year > end.year - years),
        )

    return case(*[(younger_than(n), key) for n, key in _AGE_LIMITS], else_="35p")


def _sum_if(cond: ColumnElement[bool], value: Any = 1) -> ColumnElement[int]:
    return func.coalesce(func.sum(case((cond, value), else_=0)), 0)


def _per_grant(start: date, end: date, dialect: str) -> Select:  # type: ignore[type-arg]
    """One pass over the hand-overs up to ``end``: per grant, the first and last day, the
    count and the cash and in-kind totals (in the period and to its end). Everything about
    hand-overs (people, support by type, project spending) is added up from these rows.

    On SQLite the date and the grant are read through a unary ``+``, which keeps the
    planner from walking the date or grant index: with most hand-overs before the period's
    end, one scan of the table and a sort is twice as fast as fetching every row through
    an index. PostgreSQL chooses well by itself."""
    d = Disbursement
    if dialect == "sqlite":
        handed_on: Any = literal_column("+disbursement.handed_on", Date)
        grant_id: Any = literal_column("+disbursement.grant_id", Integer)
    else:
        handed_on, grant_id = d.handed_on, d.grant_id
    in_period = d.handed_on >= start
    cash = d.in_kind.is_(False)
    goods = d.in_kind.is_(True)
    return (
        select(
            d.grant_id.label("gid"),
            func.min(d.handed_on).label("first_on"),
            func.max(d.handed_on).label("last_on"),
            _sum_if(in_period).label("n_p"),
            func.count().label("n_t"),
            _sum_if(and_(in_period, cash), d.amount).label("cash_p"),
            _sum_if(and_(in_period, goods), d.amount).label("goods_p"),
            _sum_if(cash, d.amount).label("cash_t"),
            _sum_if(goods, d.amount).label("goods_t"),
        )
        .select_from(d)
        .where(handed_on <= end)
        .group_by(grant_id)
    )


def _handovers(
    s: Session, start: date, end: date, audience: str
) -> tuple[PeopleFigures, tuple[SupportRow, ...], tuple[ProjectRow, ...]]:
    """People supported, support by type and project spending, in ONE statement over the
    per-grant totals (materialised once), as rows of (what, key, eight numbers)."""
    dialect = s.get_bind().dialect.name
    pg = _per_grant(start, end, dialect).cte("per_grant").prefix_with("MATERIALIZED")
    kind = AUDIENCE_CONSENT.get(audience)
    counted = (
        case((Grant.beneficiary_id.not_in(withdrawn_ids(kind)), 1), else_=0)
        if kind is not None
        else literal(1)
    )
    grants_done = (
        select(
            pg,
            Grant.beneficiary_id.label("bid"),
            Grant.grant_type_id.label("tid"),
            Grant.project_id.label("pid"),
            counted.label("counted"),
        )
        .join(Grant, Grant.id == pg.c.gid)
        .cte("grants_done")
        .prefix_with("MATERIALIZED")
    )
    g = grants_done.c
    per_person = (
        select(
            g.bid.label("bid"),
            func.min(g.first_on).label("first_on"),
            func.max(g.last_on).label("last_on"),
        )
        .where(g.counted == 1)
        .group_by(g.bid)
        .subquery("per_person")
    )
    people = (
        select(
            Beneficiary.sex.label("sex"),
            age_band(end).label("age"),
            Beneficiary.ethnicity_code.label("ethnicity"),
            func.coalesce(Beneficiary.commune_code, "").label("commune"),
            Beneficiary.category.label("category"),
            per_person.c.first_on,
            per_person.c.last_on,
        )
        .join(per_person, per_person.c.bid == Beneficiary.id)
        .cte("people")
        .prefix_with("MATERIALIZED")
    )
    zero = literal(0)
    new = _sum_if(people.c.first_on >= start)
    cont = _sum_if(and_(people.c.first_on < start, people.c.last_on >= start))
    parts = [
        select(literal(dim), col, new, cont, func.count(), *[zero] * 5).group_by(col)
        for dim, col in (
            ("sex", people.c.sex),
            ("age", people.c.age),
            ("ethnicity", people.c.ethnicity),
            ("commune", people.c.commune),
            ("category", people.c.category),
        )
    ]
    parts.append(select(literal("total"), literal(""), new, cont, func.count(), *[zero] * 5))
    in_p = g.n_p > 0
    parts.append(
        select(
            literal("type"),
            cast(g.tid, String),
            func.sum(g.n_p),
            func.count(func.distinct(case((in_p, g.bid)))),
            func.sum(g.cash_p),
            func.sum(g.goods_p),
            func.sum(g.n_t),
            func.count(func.distinct(g.bid)),
            func.sum(g.cash_t),
            func.sum(g.goods_t),
        )
        .where(g.counted == 1)
        .group_by(g.tid)
    )
    parts.append(
        select(
            literal("project"),
            cast(g.pid, String),
            func.sum(g.cash_t + g.goods_t),
            func.sum(g.cash_p + g.goods_p),
            *[zero] * 6,
        ).group_by(g.pid)
    )
    groups: dict[str, dict[str, tuple[int, ...]]] = {}
    for what, key, *nums in s.execute(union_all(*parts)).all():
        groups.setdefault(what, {})[key] = tuple(int(n or 0) for n in nums)

    def count(key: str, v: tuple[int, ...]) -> PeopleCount:
        return PeopleCount(key, v[0], v[1], v[2])

    def fixed(dim: str, keys: tuple[str, ...]) -> tuple[PeopleCount, ...]:
        found = groups.get(dim, {})
        return tuple(count(k, found.get(k, (0, 0, 0))) for k in keys)

    names = commune_names(s, [k for k in groups.get("commune", {}) if k], end)
    communes = sorted(
        (
            PeopleCount(k, v[0], v[1], v[2], names.get(k, ""))
            for k, v in groups.get("commune", {}).items()
        ),
        key=lambda r: (r.key == "", r.name, r.key),
    )
    figures = PeopleFigures(
        total=count("", groups.get("total", {}).get("", (0, 0, 0))),
        by_sex=fixed("sex", SEXES),
        by_age=fixed("age", AGE_BANDS),
        by_ethnicity=tuple(count(k, v) for k, v in sorted(groups.get("ethnicity", {}).items())),
        by_commune=tuple(communes),
        by_category=fixed("category", CATEGORIES),
    )
    return (
        figures,
        _support(s, start, end, audience, groups.get("type", {})),
        _projects(s, start, end, groups.get("project", {})),
    )


def commune_names(s: Session, codes: list[str], on: date) -> dict[str, str]:
    """Code -> "Xã Mèo Vạc" as the unit with that code was on ``on``; a unit that had
    ended by then keeps its last name with "(cũ)"; a code we do not know stays a code."""
    if not codes:
        return {}
    rows = s.execute(
        select(
            AdminUnit.code,
            AdminUnit.unit_type,
            AdminUnit.name,
            AdminUnit.valid_from,
            AdminUnit.valid_to,
        ).where(AdminUnit.code.in_(codes))
    ).all()
    best: dict[str, tuple[int, date, str]] = {}
    for code, unit_type, name, valid_from, valid_to in rows:
        label = f"{unit_type.capitalize()} {name}".strip()
        if (valid_from is None or valid_from <= on) and (valid_to is None or valid_to >= on):
            rank, when = 0, on
        elif valid_to is not None and valid_to < on:
            rank, when, label = 1, valid_to, f"{label} (cũ)"
        else:
            rank, when = 2, valid_from or on
        current = best.get(code)
        newer = rank == 1 and current is not None and current[0] == 1 and when > current[1]
        if current is None or rank < current[0] or newer:
            best[code] = (rank, when, label)
    return {code: label for code, (_r, _w, label) in best.items()}


def _support(
    s: Session, start: date, end: date, audience: str, handed: dict[str, tuple[int, ...]]
) -> tuple[SupportRow, ...]:
    planned = dict(
        s.execute(
            select(Grant.grant_type_id, func.count())
            .where(
                Grant.start_date >= start,
                Grant.start_date <= end,
                Grant.status != "cancelled",
                _eligible(Grant.beneficiary_id, audience),
            )
            .group_by(Grant.grant_type_id)
        ).all()
    )
    rows = []
    for gt in s.execute(select(GrantType).order_by(GrantType.id)).scalars():
        h = handed.get(str(gt.id))
        n_new = int(planned.get(gt.id, 0))
        if h is None and not n_new and not gt.active:
            continue
        nums = list(h) if h is not None else [0] * 8
        rows.append(SupportRow(gt.code, gt.name_vi, gt.name_en, gt.kind, n_new, *nums))
    return tuple(rows)


def _projects(
    s: Session, start: date, end: date, spent: dict[str, tuple[int, ...]]
) -> tuple[ProjectRow, ...]:
    rows = s.execute(
        select(
            Project.id,
            Project.code,
            Project.name,
            Project.donor,
            Project.start_date,
            Project.end_date,
            Project.budget,
        )
        .where(Project.start_date <= end, Project.end_date >= start)
        .order_by(Project.start_date, Project.code)
    ).all()
    out = []
    for pid, code, name, donor, sd, ed, budget in rows:
        total, in_period = spent.get(str(pid), (0, 0))[:2]
        out.append(ProjectRow(code, name, donor, sd, ed, int(budget), total, in_period))
    return tuple(out)


def _visits(
    s: Session, start: date, end: date, today: date, audience: str
) -> tuple[tuple[VisitFigures, ...], VisitFigures]:
    as_of = min(end, today)
    due = and_(Visit.scheduled_on >= start, Visit.scheduled_on <= end, Visit.status != "cancelled")
    done = and_(Visit.status == "done", Visit.done_on >= start, Visit.done_on <= end)
    missed = and_(Visit.status == "missed", Visit.done_on >= start, Visit.done_on <= end)
    overdue = and_(
        Visit.scheduled_on >= start,
        Visit.scheduled_on < as_of,
        Visit.status != "cancelled",
        not_(and_(Visit.status.in_(("done", "missed")), Visit.done_on <= as_of)),
    )
    cols = [
        _sum_if(due),
        _sum_if(done),
        _sum_if(overdue),
        _sum_if(missed),
        _sum_if(and_(done, Visit.livelihood_running.is_(True))),
        _sum_if(and_(done, Visit.livelihood_running.is_(False))),
        _sum_if(and_(done, Visit.safety_concern.is_(True))),
        _sum_if(and_(done, Visit.in_school.is_(True))),
        *[_sum_if(and_(done, Visit.income_band == band)) for band in INCOME_BANDS],
    ]
    where = (
        or_(and_(Visit.scheduled_on >= start, Visit.scheduled_on <= end), done, missed),
        _eligible(Visit.beneficiary_id, audience),
    )
    by_step = s.execute(
        select(Visit.months_after, *cols)
        .where(*where)
        .group_by(Visit.months_after)
        .order_by(Visit.months_after.is_(None), Visit.months_after)
    ).all()

    def figures(row: tuple[object, ...]) -> VisitFigures:
        m = row[0]
        return VisitFigures(m if m is None else int(m), *[int(x) for x in row[1:]])  # type: ignore[call-overload, arg-type]

    steps = tuple(figures(r) for r in by_step)
    # Every visit is in exactly one step: the totals are the steps' sums (a handful of
    # grouped rows, not the visits again).
    total = VisitFigures(None, *[sum(getattr(v, f) for v in steps) for f in _VISIT_COUNTS])
    return steps, total


_VISIT_COUNTS = [f.name for f in fields(VisitFigures)][1:]


def _assets(s: Session, end: date, audience: str) -> tuple[AssetFigures, ...]:
    ranked = (
        select(
            AssetEvent.asset_id.label("asset_id"),
            AssetEvent.status.label("status"),
            func.row_number()
            .over(
                partition_by=AssetEvent.asset_id,
                order_by=(AssetEvent.happened_on.desc(), AssetEvent.id.desc()),
            )
            .label("rn"),
        )
        .where(AssetEvent.happened_on <= end, AssetEvent.status != "calved")
        .subquery("ranked")
    )
    births = (
        select(AssetEvent.asset_id.label("asset_id"))
        .where(AssetEvent.happened_on <= end, AssetEvent.status == "calved")
        .group_by(AssetEvent.asset_id)
        .subquery("births")
    )
    status = func.coalesce(ranked.c.status, Asset.status)
    rows = s.execute(
        select(
            Asset.kind,
            func.count(),
            _sum_if(Asset.parent_id.is_(None)),
            _sum_if(Asset.parent_id.is_not(None)),
            *[_sum_if(status == st) for st in ASSET_COLUMNS],
            func.count(births.c.asset_id),
        )
        .outerjoin(ranked, and_(ranked.c.asset_id == Asset.id, ranked.c.rn == 1))
        .outerjoin(births, births.c.asset_id == Asset.id)
        .where(Asset.acquired_on <= end, _eligible(Asset.beneficiary_id, audience))
        .group_by(Asset.kind)
        .order_by(Asset.kind)
    ).all()
    return tuple(AssetFigures(r[0], *[int(x) for x in r[1:]]) for r in rows)


def _receipts(s: Session, start: date, end: date, audience: str) -> ReceiptFigures:
    voided = Receipt.voided_at.is_not(None)
    q = (
        select(
            func.count(Receipt.id),
            _sum_if(voided),
            _sum_if(~voided),
            func.coalesce(func.sum(Receipt.reprint_count), 0),
            _sum_if(~voided, Disbursement.amount),
        )
        .join(Disbursement, Disbursement.id == Receipt.disbursement_id)
        .where(Disbursement.handed_on >= start, Disbursement.handed_on <= end)
    )
    if audience in AUDIENCE_CONSENT:
        q = q.join(Grant, Grant.id == Disbursement.grant_id).where(
            _eligible(Grant.beneficiary_id, audience)
        )
    return ReceiptFigures(*[int(x) for x in s.execute(q).one()])


def _excluded(s: Session, audience: str) -> int:
    kind = AUDIENCE_CONSENT.get(audience)
    if kind is None:
        return 0
    return int(
        s.execute(select(func.count()).select_from(withdrawn_ids(kind).subquery())).scalar_one()
    )


def check_audience(audience: object) -> str:
    if audience not in AUDIENCES:
        raise ValidationError("choice", "audience", value=audience)
    return str(audience)


def check_range(start: object, end: object) -> tuple[date, date]:
    for value in (start, end):
        if not isinstance(value, date) or isinstance(value, datetime):
            raise ValidationError("not_a_date", "period")
    assert isinstance(start, date) and isinstance(end, date)
    if start > end:
        raise ValidationError("period_order", "period")
    if start.year < 2000 or end.year > 2100:
        raise ValidationError("bad_period", "period", value=f"{start}..{end}")
    return start, end


def summary(
    db: Database,
    actor: Actor,
    start: date,
    end: date,
    *,
    audience: str = "office",
    period: Period | None = None,
    today: date | None = None,
) -> Summary:
    """Every indicator of the period from ``start`` to ``end`` (both included), for the
    office itself, the donor or the province (see the module's definitions)."""
    actor.require("read")
    start, end = check_range(start, end)
    audience = check_audience(audience)
    if period is None or (period.start, period.end) != (start, end):
        period = Period(start, end, "range")
    today = today or date.today()
    with db.read() as s:
        office = current_office(s)
        visits_by_step, visits_total = _visits(s, start, end, today, audience)
        people, support, projects_ = _handovers(s, start, end, audience)
        return Summary(
            office_name=office.name,
            office_prefix=office.receipt_prefix,
            period=period,
            audience=audience,
            generated_at=datetime.now(UTC).replace(microsecond=0),
            people=people,
            support=support,
            projects=projects_,
            visits=visits_by_step,
            visits_total=visits_total,
            assets=_assets(s, end, audience),
            receipts=_receipts(s, start, end, audience),
            excluded_people=_excluded(s, audience),
        )


def period_summary(
    db: Database,
    actor: Actor,
    period: Period,
    *,
    audience: str = "office",
    today: date | None = None,
) -> Summary:
    return summary(
        db, actor, period.start, period.end, audience=audience, period=period, today=today
    )


# --- the line list (names: administrators only, encrypted files only) -------------------


@dataclass(frozen=True)
class LineListRow:
    code: str
    full_name: str
    alias: str
    sex: str
    birth_date: date | None
    birth_year: int | None
    ethnicity_code: str
    id_number: str
    phone: str
    commune_code: str
    village: str
    category: str
    status: str
    registered_on: date
    first_handover: date | None
    handovers_in_period: int
    cash_in_period: int
    in_kind_in_period: int
    cash_total: int
    in_kind_total: int


def line_list(
    db: Database, actor: Actor, start: date, end: date, *, audience: str = "office"
) -> list[LineListRow]:
    """Everyone supported up to ``end`` with names, ID numbers and phones: for an
    administrator, and written only into an encrypted file. Logged in the audit trail."""
    actor.require("user.manage")
    start, end = check_range(start, end)
    audience = check_audience(audience)
    in_period = Disbursement.handed_on >= start
    cash = Disbursement.in_kind.is_(False)
    goods = Disbursement.in_kind.is_(True)
    totals = (
        select(
            Grant.beneficiary_id.label("bid"),
            func.min(Disbursement.handed_on).label("first_on"),
            _sum_if(in_period).label("n"),
            _sum_if(and_(in_period, cash), Disbursement.amount).label("cash_p"),
            _sum_if(and_(in_period, goods), Disbursement.amount).label("goods_p"),
            _sum_if(cash, Disbursement.amount).label("cash_t"),
            _sum_if(goods, Disbursement.amount).label("goods_t"),
        )
        .join(Grant, Grant.id == Disbursement.grant_id)
        .where(Disbursement.handed_on <= end)
        .group_by(Grant.beneficiary_id)
        .subquery()
    )
    from tracker.services import audit

    with db.write() as s:
        rows = s.execute(
            select(Beneficiary, totals)
            .join(totals, totals.c.bid == Beneficiary.id)
            .where(_eligible(Beneficiary.id, audience))
            .order_by(Beneficiary.sort_key, Beneficiary.id)
        ).all()
        out = [
            LineListRow(
                b.code,
                b.full_name,
                b.alias,
                b.sex,
                b.birth_date,
                b.birth_year,
                b.ethnicity_code,
                b.id_number or "",
                b.phone,
                b.commune_code or "",
                b.village,
                b.category,
                b.status,
                b.registered_on,
                first_on,
                int(n),
                int(cp),
                int(gp),
                int(ct),
                int(gtot),
            )
            for b, _bid, first_on, n, cp, gp, ct, gtot in rows
        ]
        audit.record(
            s,
            actor,
            "view",
            "line_list",
            None,
            after={
                "what": "line_list",
                "start": start.isoformat(),
                "end": end.isoformat(),
                "audience": audience,
                "people": len(out),
            },
        )
        return out


def default_period(today: date) -> Period:
    """The last full quarter before ``today`` (what an office reports on)."""
    first_of_quarter = quarter_of(today).start
    return quarter_of(first_of_quarter - timedelta(days=1))
