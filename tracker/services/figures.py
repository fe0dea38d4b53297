"""The figures of the quarterly (or any period's) summary for the office, the donor and
the province.

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
* Place: the commune recorded with the person's address (its code and the day it was
  recorded), grouped under the unit in force on the period's end (an old commune counts
  under the main new commune it went into on 1 July 2025); with ``places="district"``, for
  a period that ended before that day, under its former district.
* Visits: each visit *scheduled* in the period is in exactly one state on the period's end
  (on today, while the period runs): *done* (done by then), *no one met* (the officer went
  by then and met no one, status "missed"), *cancelled*, *overdue* (its date has passed:
  before the day after the end, or before today while the period runs) or *not yet due*
  (its date is still ahead). Outcomes count the visits *done in the period*, whenever
  they were scheduled.
* Support by group (type x category, type x place): people with a hand-over of that type
  in the period, the hand-overs, cash and value of goods of the period; people in the
  period by category, sex and age band. With each amount, how it was made up (hand-overs
  in cash and in goods, the one amount of all of them when they were alike), so that the
  protection knows what a reader could divide by.
* Assets: held on the period's end (acquired by then) in the condition of their latest
  event up to that day; "gave birth" counts animals with a birth recorded by then.
* Receipts: those numbered for hand-overs made in the period, and how many are voided.
* Pass-on: animals and things a family passed on to another family in the period (and to
  its end), by kind, and the families that received them, each once. Not money: a calf
  passed on is no new support, so its value is in no amount of the summary.
* Donor and province versions leave out everyone whose latest consent of that kind
  ("donor_reporting", "province_sharing") is withdrawn, from every table about people,
  support, visits, assets and receipts. Project budgets stay whole: they are accounts.
"""

from __future__ import annotations

import calendar
from collections.abc import Sequence
from dataclasses import fields, replace
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
    AdminUnit,
    Asset,
    AssetEvent,
    Beneficiary,
    Consent,
    Disbursement,
    Grant,
    GrantType,
    HandoverAdjustment,
    PassOn,
    Project,
    Receipt,
    Visit,
)
from tracker.db.reference import REFORM_DATE
from tracker.domain.shapes import (
    OFFICE_TIME,
    Amounts,
    AssetFigures,
    CorrectionFigures,
    PassOnFigures,
    PeopleCell,
    PeopleCount,
    PeopleFigures,
    Period,
    ProjectRow,
    ReceiptFigures,
    SignOff,
    Summary,
    SupportCell,
    SupportRow,
    VisitFigures,
)
from tracker.domain.vocab import (
    AGE_BANDS,
    AUDIENCE_CONSENT,
    AUDIENCES,
    CATEGORIES,
    INCOME_BANDS,
    SEXES,
)
from tracker.i18n.text import fold
from tracker.services.context import Actor
from tracker.services.errors import ValidationError
from tracker.services.office import current_office
from tracker.services.places import LAST_DAY_BEFORE_REFORM, gazetteer

#: (lower bound of the band above, band key): a person younger than the bound is in the band.
_AGE_LIMITS = ((16, "u16"), (18, "16_17"), (25, "18_24"), (35, "25_34"))
ASSET_COLUMNS = ("alive", "sick", "in_use", "unused", "died", "sold", "passed_on")
SMALL_CELL = 5
"""Counts from 1 to SMALL_CELL - 1 are shown as "<5" in versions that leave the office."""


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


def eligible(column: Any, audience: str) -> ColumnElement[bool]:
    kind = AUDIENCE_CONSENT.get(audience)
    if kind is None:
        return true()
    kept: ColumnElement[bool] = column.not_in(withdrawn_ids(kind))
    return kept


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


def sum_if(cond: ColumnElement[bool], value: Any = 1) -> ColumnElement[int]:
    return func.coalesce(func.sum(case((cond, value), else_=0)), 0)


def _per_grant(start: date, end: date, dialect: str) -> Select:  # type: ignore[type-arg]
    """One pass over the hand-overs up to ``end``: per grant, the first and last day, the
    count and the cash and in-kind totals (in the period and to its end), and how the
    amounts were made up (hand-overs in cash, the smallest and largest amount of each
    kind). Everything about hand-overs (people, support by type and by group, project
    spending) is added up from these rows.

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

    def lowest(cond: ColumnElement[bool]) -> Any:
        return func.min(case((cond, d.amount)))

    def highest(cond: ColumnElement[bool]) -> Any:
        return func.max(case((cond, d.amount)))

    return (
        select(
            d.grant_id.label("gid"),
            func.min(d.handed_on).label("first_on"),
            func.max(d.handed_on).label("last_on"),
            sum_if(in_period).label("n_p"),
            func.count().label("n_t"),
            sum_if(and_(in_period, cash), d.amount).label("cash_p"),
            sum_if(and_(in_period, goods), d.amount).label("goods_p"),
            sum_if(cash, d.amount).label("cash_t"),
            sum_if(goods, d.amount).label("goods_t"),
            sum_if(and_(in_period, cash)).label("nc_p"),
            lowest(and_(in_period, cash)).label("cmin_p"),
            highest(and_(in_period, cash)).label("cmax_p"),
            lowest(and_(in_period, goods)).label("gmin_p"),
            highest(and_(in_period, goods)).label("gmax_p"),
            sum_if(cash).label("nc_t"),
            lowest(cash).label("cmin_t"),
            highest(cash).label("cmax_t"),
            lowest(goods).label("gmin_t"),
            highest(goods).label("gmax_t"),
        )
        .select_from(d)
        .where(handed_on <= end)
        .group_by(grant_id)
    )


#: Numbers per row of the one statement of ``_handovers``.
_WIDTH = 18


def _era() -> ColumnElement[str]:
    """'o' for an address recorded before 1 July 2025, 'n' otherwise: with the code, it
    names the unit the record means."""
    recorded = Beneficiary.address_recorded_on
    return case((and_(recorded.is_not(None), recorded < REFORM_DATE), "o"), else_="n")


def _amounts(n: int, nums: Sequence[int]) -> Amounts:
    """From (hand-overs in cash, lowest cash, highest cash, lowest goods, highest goods)
    and the hand-overs of the cell."""
    nc, cmin, cmax, gmin, gmax = nums
    return Amounts(nc, n - nc, cmin if cmin == cmax else 0, gmin if gmin == gmax else 0)


def _handovers(
    s: Session, start: date, end: date, audience: str, places: str
) -> tuple[
    PeopleFigures,
    tuple[SupportRow, ...],
    tuple[ProjectRow, ...],
    tuple[SupportCell, ...],
    tuple[SupportCell, ...],
    tuple[PeopleCell, ...],
]:
    """People supported, support by type, project spending and the cross-tabulations, in
    ONE statement over the per-grant totals (materialised once), as rows of (what, key,
    eighteen numbers)."""
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
            _era().label("era"),
            Beneficiary.category.label("category"),
            per_person.c.first_on,
            per_person.c.last_on,
        )
        .join(per_person, per_person.c.bid == Beneficiary.id)
        .cte("people")
        .prefix_with("MATERIALIZED")
    )
    # The grants with a hand-over in the period, with their person's category and place.
    given = (
        select(
            g.bid,
            g.tid,
            g.n_p,
            g.cash_p,
            g.goods_p,
            g.nc_p,
            g.cmin_p,
            g.cmax_p,
            g.gmin_p,
            g.gmax_p,
            Beneficiary.category.label("category"),
            func.coalesce(Beneficiary.commune_code, "").label("commune"),
            _era().label("era"),
        )
        .join(Beneficiary, Beneficiary.id == g.bid)
        .where(g.n_p > 0, g.counted == 1)
        .cte("given")
        .prefix_with("MATERIALIZED")
    )
    p = people.c
    zero = literal(0)
    bar = literal("|")
    new = sum_if(p.first_on >= start)
    cont = sum_if(and_(p.first_on < start, p.last_on >= start))

    def padded(*cols: Any) -> list[Any]:
        return [*cols, *[zero] * (_WIDTH - len(cols))]

    parts = [
        select(literal(dim), col, *padded(new, cont, func.count())).group_by(*by)
        for dim, col, by in (
            ("sex", p.sex, (p.sex,)),
            ("age", p.age, (p.age,)),
            ("ethnicity", p.ethnicity, (p.ethnicity,)),
            ("commune", p.commune + bar + p.era, (p.commune, p.era)),
            ("category", p.category, (p.category,)),
        )
    ]
    parts.append(select(literal("total"), literal(""), *padded(new, cont, func.count())))
    parts.append(
        select(
            literal("csa"),
            p.category + bar + p.sex + bar + p.age,
            *padded(sum_if(p.last_on >= start)),
        ).group_by(p.category, p.sex, p.age)
    )
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
            func.sum(g.nc_p),
            func.min(g.cmin_p),
            func.max(g.cmax_p),
            func.min(g.gmin_p),
            func.max(g.gmax_p),
            func.sum(g.nc_t),
            func.min(g.cmin_t),
            func.max(g.cmax_t),
            func.min(g.gmin_t),
            func.max(g.gmax_t),
        )
        .where(g.counted == 1)
        .group_by(g.tid)
    )
    parts.append(
        select(
            literal("project"),
            cast(g.pid, String),
            *padded(func.sum(g.cash_t + g.goods_t), func.sum(g.cash_p + g.goods_p)),
        ).group_by(g.pid)
    )
    c = given.c
    cell = (
        func.count(func.distinct(c.bid)),
        func.sum(c.n_p),
        func.sum(c.cash_p),
        func.sum(c.goods_p),
        func.sum(c.nc_p),
        func.min(c.cmin_p),
        func.max(c.cmax_p),
        func.min(c.gmin_p),
        func.max(c.gmax_p),
    )
    parts.append(
        select(literal("tcat"), cast(c.tid, String) + bar + c.category, *padded(*cell)).group_by(
            c.tid, c.category
        )
    )
    parts.append(
        select(
            literal("tplace"),
            cast(c.tid, String) + bar + c.commune + bar + c.era,
            *padded(*cell),
        ).group_by(c.tid, c.commune, c.era)
    )
    groups: dict[str, dict[str, tuple[int, ...]]] = {}
    for what, key, *nums in s.execute(union_all(*parts)).all():
        groups.setdefault(what, {})[key] = tuple(int(n or 0) for n in nums)

    def count(key: str, v: tuple[int, ...]) -> PeopleCount:
        return PeopleCount(key, v[0], v[1], v[2])

    def fixed(dim: str, keys: tuple[str, ...]) -> tuple[PeopleCount, ...]:
        found = groups.get(dim, {})
        return tuple(count(k, found.get(k, (0, 0, 0))) for k in keys)

    place_of = _Places(end, places)
    by_place: dict[tuple[str, str], list[int]] = {}
    for key, v in groups.get("commune", {}).items():
        code, era = key.rsplit("|", 1)
        sums = by_place.setdefault(place_of(code, era), [0, 0, 0])
        for i in range(3):
            sums[i] += v[i]
    communes = sorted(
        (PeopleCount(k, v[0], v[1], v[2], name) for (k, name), v in by_place.items()),
        key=lambda r: (r.key == "", fold(r.name), r.key),
    )
    figures = PeopleFigures(
        total=count("", groups.get("total", {}).get("", (0, 0, 0))),
        by_sex=fixed("sex", SEXES),
        by_age=fixed("age", AGE_BANDS),
        by_ethnicity=tuple(count(k, v) for k, v in sorted(groups.get("ethnicity", {}).items())),
        by_commune=tuple(communes),
        by_category=fixed("category", CATEGORIES),
    )
    types = _type_codes(s)

    def support_cells(what: str, keyed: Any) -> list[SupportCell]:
        merged: dict[tuple[str, str, str], list[int]] = {}
        for key, v in groups.get(what, {}).items():
            tid, rest = key.split("|", 1)
            group, name = keyed(rest)
            into = merged.setdefault((types.get(int(tid), tid), group, name), [])
            if not into:
                into.extend(v[:9])
                continue
            # The same unit from several recorded codes: add up, keep the extremes (0 where
            # a part had no cash, or no goods).
            for i in range(5):
                into[i] += v[i]
            for i in (5, 6, 7, 8):
                both = [x for x in (into[i], v[i]) if x]
                into[i] = (min(both) if i in (5, 7) else max(both)) if both else 0
        out = []
        for (code, group, name), m in merged.items():
            amounts = _amounts(m[1], m[4:9])
            out.append(SupportCell(code, group, m[0], m[1], m[2], m[3], amounts, name))
        return out

    order = {code: i for i, code in enumerate(types.values())}
    by_category = sorted(
        support_cells("tcat", lambda rest: (rest, "")),
        key=lambda c: (order.get(c.grant_type, 99), _rank(CATEGORIES, c.key)),
    )
    by_place_type = sorted(
        support_cells("tplace", lambda rest: place_of(*rest.rsplit("|", 1))),
        key=lambda c: (c.key == "", fold(c.name), c.key, order.get(c.grant_type, 99)),
    )
    csa = tuple(
        PeopleCell(key.split("|")[0], key.split("|")[1], key.split("|")[2], v[0])
        for key, v in sorted(
            groups.get("csa", {}).items(),
            key=lambda kv: tuple(
                _rank(keys, part)
                for keys, part in zip((CATEGORIES, SEXES, AGE_BANDS), kv[0].split("|"), strict=True)
            ),
        )
        if v[0]
    )
    return (
        figures,
        _support(s, start, end, audience, groups.get("type", {})),
        _projects(s, start, end, groups.get("project", {})),
        tuple(by_category),
        tuple(by_place_type),
        csa,
    )


def _rank(keys: Sequence[str], key: str) -> int:
    return keys.index(key) if key in keys else len(keys)


def _type_codes(s: Session) -> dict[int, str]:
    return dict(s.execute(select(GrantType.id, GrantType.code).order_by(GrantType.id)).all())


class _Places:
    """The place a report groups a recorded commune under: the unit in force on the
    period's end (an old commune becomes the main new commune it went into), or, with
    ``places="district"`` for a period that ended before 1 July 2025, its former district.
    (key, name) of the group; an address with no commune is ("", "")."""

    def __init__(self, end: date, places: str) -> None:
        self.end = end
        self.places = places
        self._seen: dict[tuple[str, str], tuple[str, str]] = {}

    def __call__(self, code: str, era: str) -> tuple[str, str]:
        found = self._seen.get((code, era))
        if found is None:
            found = self._seen[(code, era)] = self._find(code, era)
        return found

    def _find(self, code: str, era: str) -> tuple[str, str]:
        if not code:
            return ("", "")
        g = gazetteer()
        recorded_on = LAST_DAY_BEFORE_REFORM if era == "o" else REFORM_DATE
        unit = g.recorded(code, recorded_on)
        if unit is None:
            return (code, "")
        shown = None
        if self.places == "district" or self.end >= REFORM_DATE:
            shown = g.report_unit(code, self.end, recorded_on=recorded_on)
        if shown is None:
            shown = g.as_of(unit, self.end)
        label = shown.label
        if shown.valid_to is not None and shown.valid_to < self.end:
            label += " (cũ)"
        return (shown.code, label)


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
                eligible(Grant.beneficiary_id, audience),
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
        n = list(h) if h is not None else [0] * _WIDTH
        rows.append(
            SupportRow(
                gt.code,
                gt.name_vi,
                gt.name_en,
                gt.kind,
                n_new,
                handovers=n[0],
                people=n[1],
                cash=n[2],
                in_kind=n[3],
                handovers_total=n[4],
                people_total=n[5],
                cash_total=n[6],
                in_kind_total=n[7],
                amounts=_amounts(n[0], n[8:13]),
                amounts_total=_amounts(n[4], n[13:18]),
            )
        )
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
    """Each visit scheduled in the period in exactly one state on the period's end (on
    today, while the period runs): done, no one met, overdue, not yet due, cancelled. Then
    the outcomes of the visits done in the period."""
    as_of = min(end, today)
    # A visit whose date is before this day and that nothing happened to is overdue.
    cutoff = end + timedelta(days=1) if end < today else today
    scheduled = and_(Visit.scheduled_on >= start, Visit.scheduled_on <= end)
    done = and_(scheduled, Visit.status == "done", Visit.done_on <= as_of)
    missed = and_(scheduled, Visit.status == "missed", Visit.done_on <= as_of)
    cancelled = and_(scheduled, Visit.status == "cancelled")
    still_open = and_(scheduled, not_(or_(done, missed, cancelled)))
    done_p = and_(Visit.status == "done", Visit.done_on >= start, Visit.done_on <= end)
    cols = [
        sum_if(scheduled),
        sum_if(done),
        sum_if(missed),
        sum_if(and_(still_open, Visit.scheduled_on < cutoff)),
        sum_if(and_(still_open, Visit.scheduled_on >= cutoff)),
        sum_if(cancelled),
        sum_if(done_p),
        sum_if(and_(done_p, Visit.livelihood_running.is_(True))),
        sum_if(and_(done_p, Visit.livelihood_running.is_(False))),
        sum_if(and_(done_p, Visit.safety_concern.is_(True))),
        sum_if(and_(done_p, Visit.in_school.is_(True))),
        *[sum_if(and_(done_p, Visit.income_band == band)) for band in INCOME_BANDS],
    ]
    where = (or_(scheduled, done_p), eligible(Visit.beneficiary_id, audience))
    by_step = s.execute(
        select(Visit.months_after, *cols)
        .where(*where)
        .group_by(Visit.months_after)
        .order_by(Visit.months_after.is_(None), Visit.months_after)
    ).all()

    def figures(row: tuple[object, ...]) -> VisitFigures:
        m = row[0]
        return VisitFigures(m if m is None else int(m), *[int(x) for x in row[1:]])  # type: ignore[call-overload]

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
            sum_if(Asset.parent_id.is_(None)),
            sum_if(Asset.parent_id.is_not(None)),
            *[sum_if(status == st) for st in ASSET_COLUMNS],
            func.count(births.c.asset_id),
        )
        .outerjoin(ranked, and_(ranked.c.asset_id == Asset.id, ranked.c.rn == 1))
        .outerjoin(births, births.c.asset_id == Asset.id)
        .where(Asset.acquired_on <= end, eligible(Asset.beneficiary_id, audience))
        .group_by(Asset.kind)
        .order_by(Asset.kind)
    ).all()
    return tuple(AssetFigures(r[0], *[int(x) for x in r[1:]]) for r in rows)


def _pass_ons(
    s: Session, start: date, end: date, audience: str
) -> tuple[tuple[PassOnFigures, ...], PassOnFigures]:
    """Animals and things passed on between families by kind, in the period and to its
    end, with the families that received them (each once); both families must be in
    the version (their consent)."""
    in_period = PassOn.handed_on >= start
    cols = (
        sum_if(in_period),
        func.count(func.distinct(case((in_period, PassOn.receiver_id)))),
        func.count(),
        func.count(func.distinct(PassOn.receiver_id)),
    )
    base = (
        select(*cols)
        .select_from(PassOn)
        .join(Asset, Asset.id == PassOn.asset_id)
        .where(
            PassOn.handed_on <= end,
            eligible(PassOn.receiver_id, audience),
            eligible(PassOn.giver_id, audience),
        )
    )
    rows = s.execute(base.add_columns(Asset.kind).group_by(Asset.kind).order_by(Asset.kind)).all()
    by_kind = tuple(PassOnFigures(r[4], *[int(x) for x in r[:4]]) for r in rows)
    total = PassOnFigures("", *[int(x) for x in s.execute(base).one()])
    return by_kind, total


def _receipts(s: Session, start: date, end: date, audience: str) -> ReceiptFigures:
    # A receipt counts in the period of its hand-over, unless it was issued (a
    # replacement) after that quarter was closed: then in the period of that day. A void
    # made after the receipt's quarter was closed counts in the period of the void (see
    # ``_corrections``), and the receipt stays valid in its own period's figures.
    own_day = func.coalesce(Receipt.late_issued_on, Disbursement.handed_on)
    in_period = and_(own_day >= start, own_day <= end)
    voided = and_(Receipt.voided_at.is_not(None), Receipt.late_void_on.is_(None))
    q = (
        select(
            func.count(Receipt.id),
            sum_if(voided),
            sum_if(~voided),
            func.coalesce(func.sum(Receipt.reprint_count), 0),
        )
        .join(Disbursement, Disbursement.id == Receipt.disbursement_id)
        .where(in_period)
    )
    # The amount of a receipt is every line it covers: a hand-over of several lines (money
    # and goods) has one receipt on its first line, the others point to that line.
    line = aliased(Disbursement)
    amount = (
        select(func.coalesce(func.sum(line.amount), 0))
        .select_from(Receipt)
        .join(Disbursement, Disbursement.id == Receipt.disbursement_id)
        .join(line, func.coalesce(line.part_of_id, line.id) == Disbursement.id)
        .where(in_period, ~voided)
    )
    if audience in AUDIENCE_CONSENT:
        q = q.join(Grant, Grant.id == Disbursement.grant_id).where(
            eligible(Grant.beneficiary_id, audience)
        )
        amount = amount.join(Grant, Grant.id == Disbursement.grant_id).where(
            eligible(Grant.beneficiary_id, audience)
        )
    issued, voided_n, valid, reprints = (int(x) for x in s.execute(q).one())
    return ReceiptFigures(issued, voided_n, valid, reprints, int(s.execute(amount).scalar_one()))


def _corrections(s: Session, start: date, end: date, audience: str) -> CorrectionFigures:
    """Corrections dated in the period of records of closed quarters: hand-over
    adjustments, and receipts voided after their quarter was closed."""
    adj = (
        select(
            func.count(HandoverAdjustment.id), func.coalesce(func.sum(HandoverAdjustment.amount), 0)
        )
        .join(Disbursement, Disbursement.id == HandoverAdjustment.disbursement_id)
        .join(Grant, Grant.id == Disbursement.grant_id)
        .where(HandoverAdjustment.adjusted_on >= start, HandoverAdjustment.adjusted_on <= end)
        .where(eligible(Grant.beneficiary_id, audience))
    )
    line = aliased(Disbursement)
    voids = (
        select(func.count(func.distinct(Receipt.id)), func.coalesce(func.sum(line.amount), 0))
        .select_from(Receipt)
        .join(Disbursement, Disbursement.id == Receipt.disbursement_id)
        .join(line, func.coalesce(line.part_of_id, line.id) == Disbursement.id)
        .join(Grant, Grant.id == Disbursement.grant_id)
        .where(Receipt.late_void_on >= start, Receipt.late_void_on <= end)
        .where(eligible(Grant.beneficiary_id, audience))
    )
    n_adj, change = (int(x) for x in s.execute(adj).one())
    n_void, void_amount = (int(x) for x in s.execute(voids).one())
    return CorrectionFigures(n_adj, change, n_void, void_amount)


def _with_adjustments(
    s: Session, start: date, end: date, rows: tuple[ProjectRow, ...]
) -> tuple[ProjectRow, ...]:
    """The projects' spending with the hand-over adjustments dated up to the period's end
    (and in it): a correction made after a quarter closed counts when it was made."""
    if not rows or not s.execute(select(HandoverAdjustment.id).limit(1)).first():
        return rows
    dated = HandoverAdjustment.adjusted_on
    found = s.execute(
        select(
            Project.code,
            sum_if(dated <= end, HandoverAdjustment.amount),
            sum_if(and_(dated >= start, dated <= end), HandoverAdjustment.amount),
        )
        .join(Disbursement, Disbursement.id == HandoverAdjustment.disbursement_id)
        .join(Grant, Grant.id == Disbursement.grant_id)
        .join(Project, Project.id == Grant.project_id)
        .group_by(Project.code)
    ).all()
    extra = {code: (int(total), int(within)) for code, total, within in found}
    return tuple(
        replace(
            r,
            spent=r.spent + extra.get(r.code, (0, 0))[0],
            spent_in_period=r.spent_in_period + extra.get(r.code, (0, 0))[1],
        )
        for r in rows
    )


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


PLACES = ("commune", "district")


def check_places(places: object, end: date) -> str:
    """ "commune", or "district" for a period that ended before 1 July 2025."""
    if places not in PLACES:
        raise ValidationError("choice", "places", value=places)
    if places == "district" and end >= REFORM_DATE:
        raise ValidationError("districts_after_reform", "places")
    return str(places)


def sign_off_of(office: Any, actor: Actor, made_on: date) -> SignOff:
    """The office's signatories, and the place the report is signed in: its commune (or
    province) as it is named today, without the type ("Mèo Vạc")."""
    g = gazetteer()
    unit = g.on(office.unit_code) or g.on(office.province_code)
    return SignOff(
        place=unit.name if unit is not None else "",
        made_on=made_on,
        preparer=actor.full_name if actor.user_id is not None else "",
        accountant=office.accountant_name,
        head=office.head_name,
    )


def summary(
    db: Database,
    actor: Actor,
    start: date,
    end: date,
    *,
    audience: str = "office",
    period: Period | None = None,
    today: date | None = None,
    places: str = "commune",
) -> Summary:
    """Every indicator of the period from ``start`` to ``end`` (both included), for the
    office itself, the donor or the province (see the module's definitions). ``places``:
    "commune" groups by the units in force on the period's end, "district" by the former
    districts (a period that ended before 1 July 2025)."""
    actor.require("read")
    start, end = check_range(start, end)
    audience = check_audience(audience)
    places = check_places(places, end)
    if period is None or (period.start, period.end) != (start, end):
        period = Period(start, end, "range")
    today = today or date.today()
    with db.read() as s:
        return summary_in(s, actor, start, end, audience, period, today, places)


def summary_in(
    s: Session,
    actor: Actor,
    start: date,
    end: date,
    audience: str,
    period: Period,
    today: date,
    places: str,
) -> Summary:
    """:func:`summary` in the caller's session (arguments already checked): a quarter
    closed keeps the figures read in its closing transaction."""
    made_at = datetime.now(UTC).replace(microsecond=0)
    office = current_office(s)
    visits_by_step, visits_total = _visits(s, start, end, today, audience)
    people, support, projects_, by_category, by_place, csa = _handovers(
        s, start, end, audience, places
    )
    passed_on, passed_on_total = _pass_ons(s, start, end, audience)
    return Summary(
        office_name=office.name,
        office_prefix=office.receipt_prefix,
        period=period,
        audience=audience,
        generated_at=made_at,
        people=people,
        support=support,
        projects=_with_adjustments(s, start, end, projects_),
        visits=visits_by_step,
        visits_total=visits_total,
        assets=_assets(s, end, audience),
        receipts=_receipts(s, start, end, audience),
        corrections=_corrections(s, start, end, audience),
        excluded_people=_excluded(s, audience),
        support_by_category=by_category,
        support_by_place=by_place,
        people_by_category_sex_age=csa,
        places=places,
        provisional=end >= today,
        pass_on=passed_on,
        pass_on_total=passed_on_total,
        sign_off=sign_off_of(office, actor, made_at.astimezone(OFFICE_TIME).date()),
    )


def period_summary(
    db: Database,
    actor: Actor,
    period: Period,
    *,
    audience: str = "office",
    today: date | None = None,
    places: str = "commune",
) -> Summary:
    return summary(
        db,
        actor,
        period.start,
        period.end,
        audience=audience,
        period=period,
        today=today,
        places=places,
    )
