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
from dataclasses import fields
from datetime import UTC, date, datetime
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
    Project,
    Receipt,
    Visit,
)
from tracker.domain.shapes import (
    AssetFigures,
    PeopleCount,
    PeopleFigures,
    Period,
    ProjectRow,
    ReceiptFigures,
    Summary,
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
from tracker.services.context import Actor
from tracker.services.errors import ValidationError
from tracker.services.office import current_office

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
            sum_if(in_period).label("n_p"),
            func.count().label("n_t"),
            sum_if(and_(in_period, cash), d.amount).label("cash_p"),
            sum_if(and_(in_period, goods), d.amount).label("goods_p"),
            sum_if(cash, d.amount).label("cash_t"),
            sum_if(goods, d.amount).label("goods_t"),
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
    new = sum_if(people.c.first_on >= start)
    cont = sum_if(and_(people.c.first_on < start, people.c.last_on >= start))
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
        sum_if(due),
        sum_if(done),
        sum_if(overdue),
        sum_if(missed),
        sum_if(and_(done, Visit.livelihood_running.is_(True))),
        sum_if(and_(done, Visit.livelihood_running.is_(False))),
        sum_if(and_(done, Visit.safety_concern.is_(True))),
        sum_if(and_(done, Visit.in_school.is_(True))),
        *[sum_if(and_(done, Visit.income_band == band)) for band in INCOME_BANDS],
    ]
    where = (
        or_(and_(Visit.scheduled_on >= start, Visit.scheduled_on <= end), done, missed),
        eligible(Visit.beneficiary_id, audience),
    )
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


def _receipts(s: Session, start: date, end: date, audience: str) -> ReceiptFigures:
    voided = Receipt.voided_at.is_not(None)
    q = (
        select(
            func.count(Receipt.id),
            sum_if(voided),
            sum_if(~voided),
            func.coalesce(func.sum(Receipt.reprint_count), 0),
            sum_if(~voided, Disbursement.amount),
        )
        .join(Disbursement, Disbursement.id == Receipt.disbursement_id)
        .where(Disbursement.handed_on >= start, Disbursement.handed_on <= end)
    )
    if audience in AUDIENCE_CONSENT:
        q = q.join(Grant, Grant.id == Disbursement.grant_id).where(
            eligible(Grant.beneficiary_id, audience)
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
