"""Quarters that stay closed.

Once a quarter's summary has gone to the province and the donor, an administrator closes
the quarter (:func:`close_period`). From then on, no record dated in it can be added,
changed or voided, whatever calls the service (the window, the command line, an import):
every writing service calls :func:`ensure_open` with the record's date (and with the new
date when a record is moved), and is refused with :class:`PeriodClosed` ("Quý 2025-Q3 đã
khoá ...").

Later corrections are dated in the open period and point at the original: a receipt of a
closed quarter voided (or replaced) today counts in today's quarter
(``Receipt.late_void_on`` / ``late_issued_on``), a hand-over corrected after its quarter
closed gets an adjustment dated today (``HandoverAdjustment``, see
``grants.adjust_handover``). The closed quarter's report stays as it was; the current
quarter's report shows the corrections.

At the close, the figures of every version of the summary (office, donor, province; by
commune, and by former district for a quarter before July 2025) are kept in the database
with their SHA-256. An export of a closed quarter prints those figures, byte for byte the
same as the ones sent when it closed (:func:`report_summary`); :func:`check_period`
computes them again from the records and says plainly which tables differ.

Reopening (:func:`reopen_period`) needs an administrator and a reason; it is an audit event
and is printed on every report of that quarter made afterwards.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
import types
import typing
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from tracker.db.engine import Database
from tracker.db.models import Disbursement, PeriodClose, Project
from tracker.db.reference import REFORM_DATE
from tracker.domain import shapes
from tracker.domain.shapes import OFFICE_TIME, ClosedInfo, Period, Reopening, Summary
from tracker.domain.vocab import AUDIENCES
from tracker.services import audit, figures
from tracker.services import validate as v
from tracker.services.context import Actor
from tracker.services.errors import ValidationError
from tracker.services.office import current_office
from tracker.services.periods import parse_period, quarter, quarter_of


class PeriodClosed(ValidationError):
    """A record dated in a closed quarter (or moved into one): refused."""

    def __init__(self, row: PeriodClose | ClosedSpan, day: date, field: str | None) -> None:
        super().__init__(
            "period_closed",
            field,
            period=row.period_key,
            closed_on=row.closed_at.astimezone(OFFICE_TIME).strftime("%d/%m/%Y"),
            by=row.closed_by,
            day=day.strftime("%d/%m/%Y"),
        )


@dataclass(frozen=True)
class ClosedSpan:
    """A quarter closed now."""

    period_key: str
    start: date
    end: date
    closed_at: datetime
    closed_by: str

    def holds(self, day: date) -> bool:
        return self.start <= day <= self.end


def _newest(s: Session, key: str) -> PeriodClose | None:
    return s.execute(
        select(PeriodClose)
        .where(PeriodClose.period_key == key)
        .order_by(PeriodClose.id.desc())
        .limit(1)
    ).scalar_one_or_none()


def ensure_open(s: Session, day: date | None, field: str | None = None) -> None:
    """THE check of every writing service, in its transaction: a record dated ``day`` (a
    hand-over, a receipt's hand-over, a visit, an asset event, a consent, a grant's start,
    or the new date of a record moved) may be added, changed or voided only while that
    day's quarter is open; else :class:`PeriodClosed`, in the user's language."""
    if day is None:
        return
    row = _newest(s, quarter_of(day).key)
    if row is not None and row.reopened_at is None:
        raise PeriodClosed(row, day, field)


def closed_spans(s: Session) -> list[ClosedSpan]:
    """The quarters closed now (for a caller that checks many dates: an import)."""
    rows = s.execute(select(PeriodClose).order_by(PeriodClose.id)).scalars()
    newest: dict[str, PeriodClose] = {}
    for row in rows:
        newest[row.period_key] = row
    return [
        ClosedSpan(r.period_key, r.start_date, r.end_date, r.closed_at, r.closed_by)
        for r in newest.values()
        if r.reopened_at is None
    ]


def refusal(span: ClosedSpan, day: date, field: str | None = None) -> PeriodClosed:
    """The error :func:`ensure_open` raises, for a date checked against :func:`closed_spans`."""
    return PeriodClosed(span, day, field)


# --- the figures kept at the close -------------------------------------------------------

#: The parts of a summary that are figures (compared by :func:`check_period`); the rest
#: (when it was made, who signs, the audit head) belongs to each printing.
FIGURE_FIELDS = (
    "people",
    "support",
    "projects",
    "visits",
    "visits_total",
    "assets",
    "receipts",
    "excluded_people",
    "support_by_category",
    "support_by_place",
    "people_by_category_sex_age",
    "corrections",
)


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {f.name: _plain(getattr(value, f.name)) for f in dataclasses.fields(value)}
    if isinstance(value, (list, tuple)):
        return [_plain(x) for x in value]
    if isinstance(value, datetime):
        return value.astimezone(UTC).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    return value


def _typed(kind: Any, value: Any) -> Any:
    origin = typing.get_origin(kind)
    if origin in (typing.Union, types.UnionType):
        if value is None:
            return None
        inner = [a for a in typing.get_args(kind) if a is not type(None)]
        return _typed(inner[0], value)
    if origin is tuple:
        args = typing.get_args(kind)
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_typed(args[0], x) for x in value)
        return tuple(_typed(a, x) for a, x in zip(args, value, strict=True))
    if kind is datetime:
        return datetime.fromisoformat(value)
    if kind is date:
        return date.fromisoformat(value)
    if isinstance(kind, type) and dataclasses.is_dataclass(kind):
        hints = typing.get_type_hints(kind, vars(shapes))
        maker: Any = kind
        return maker(**{k: _typed(hints[k], x) for k, x in value.items() if k in hints})
    return value


def to_plain(summary: Summary) -> dict[str, Any]:
    """A summary as JSON-ready data (kept in the database at the close)."""
    plain: dict[str, Any] = _plain(summary)
    return plain


def from_plain(data: dict[str, Any]) -> Summary:
    """The summary kept by :func:`to_plain`."""
    summary: Summary = _typed(Summary, data)
    return summary


def figures_of(summary: Summary) -> dict[str, Any]:
    return {name: _plain(getattr(summary, name)) for name in FIGURE_FIELDS}


def digest(versions: dict[str, dict[str, Any]]) -> str:
    """SHA-256 of the figures of every version, in a canonical JSON."""
    figures_only = {k: {f: d[f] for f in FIGURE_FIELDS} for k, d in sorted(versions.items())}
    text = json.dumps(figures_only, sort_keys=True, ensure_ascii=False, separators=(",", ":"))
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _versions(period: Period) -> list[tuple[str, str]]:
    """(audience, places) of every version of a quarter's summary."""
    places = ["commune"] + (["district"] if period.end < REFORM_DATE else [])
    return [(a, p) for a in AUDIENCES for p in places]


def _version_key(audience: str, places: str) -> str:
    return f"{audience}/{places}"


# --- states -------------------------------------------------------------------------------


@dataclass(frozen=True)
class PeriodState:
    """A quarter as the list shows it: open or closed (by whom, when), and its reopenings."""

    key: str
    start: date
    end: date
    closed: bool
    closed_at: datetime | None
    closed_by: str
    reopenings: tuple[Reopening, ...]
    #: The quarter has ended (only an ended quarter can be closed).
    ended: bool
    digest: str = ""

    @property
    def period(self) -> Period:
        return Period(self.start, self.end, "quarter")


def _reopenings(s: Session, start: date, end: date) -> tuple[Reopening, ...]:
    rows = s.execute(
        select(PeriodClose)
        .where(
            PeriodClose.reopened_at.is_not(None),
            PeriodClose.start_date >= start,
            PeriodClose.end_date <= end,
        )
        .order_by(PeriodClose.reopened_at, PeriodClose.id)
    ).scalars()
    return tuple(
        Reopening(r.period_key, r.reopened_at, r.reopened_by, r.reopen_reason)
        for r in rows
        if r.reopened_at is not None
    )


def _state(s: Session, period: Period, today: date) -> PeriodState:
    row = _newest(s, period.key)
    closed = row is not None and row.reopened_at is None
    return PeriodState(
        key=period.key,
        start=period.start,
        end=period.end,
        closed=closed,
        closed_at=row.closed_at if row is not None and closed else None,
        closed_by=row.closed_by if row is not None and closed else "",
        reopenings=_reopenings(s, period.start, period.end),
        ended=period.end < today,
        digest=row.digest if row is not None and closed else "",
    )


def _first_day(s: Session) -> date | None:
    first = s.execute(select(func.min(Disbursement.handed_on))).scalar_one_or_none()
    start = s.execute(select(func.min(Project.start_date))).scalar_one_or_none()
    closed = s.execute(select(func.min(PeriodClose.start_date))).scalar_one_or_none()
    days = [d for d in (first, start, closed) if d is not None]
    return min(days) if days else None


#: At most this many quarters are listed (ten years).
MAX_LISTED = 40


def list_periods(db: Database, actor: Actor, *, today: date | None = None) -> list[PeriodState]:
    """The quarters from the first project or hand-over to the current one, newest first,
    each open or closed, with its reopenings."""
    actor.require("read")
    today = today or date.today()
    with db.read() as s:
        first = _first_day(s) or today
        out: list[PeriodState] = []
        q = quarter_of(today)
        while q.end >= first and len(out) < MAX_LISTED:
            out.append(_state(s, q, today))
            before = q.start.replace(day=1)
            y, m = (before.year, before.month - 3) if before.month > 3 else (before.year - 1, 10)
            q = quarter(y, (m - 1) // 3 + 1)
        return out


def _quarter(key: object) -> Period:
    period = parse_period(str(key or ""))
    if period.kind != "quarter":
        raise ValidationError("period_close_quarter_only", "period", value=str(key))
    return period


def get_period(db: Database, actor: Actor, key: str, *, today: date | None = None) -> PeriodState:
    actor.require("read")
    period = _quarter(key)
    with db.read() as s:
        return _state(s, period, today or date.today())


def close_period(db: Database, actor: Actor, key: str, *, today: date | None = None) -> PeriodState:
    """Close an ended quarter (administrators): its figures of every version are kept with
    their SHA-256, in the same transaction as the audit event."""
    actor.require("period.close")
    today = today or date.today()
    period = _quarter(key)
    if period.end >= today:
        raise ValidationError("period_not_ended", "period", value=period.key)
    with db.write() as s:
        row = _newest(s, period.key)
        if row is not None and row.reopened_at is None:
            raise ValidationError("period_already_closed", "period", value=period.key)
        versions: dict[str, dict[str, Any]] = {}
        for audience, places in _versions(period):
            made = figures.summary_in(
                s, actor, period.start, period.end, audience, period, today, places
            )
            versions[_version_key(audience, places)] = to_plain(made)
        close = PeriodClose(
            period_key=period.key,
            start_date=period.start,
            end_date=period.end,
            closed_by_id=actor.user_id,
            closed_by=actor.full_name or actor.username,
            figures=versions,
            digest=digest(versions),
            reopen_reason="",
            reopened_by="",
        )
        s.add(close)
        s.flush()
        audit.record(
            s,
            actor,
            "close",
            "period",
            close.id,
            after={
                "period": period.key,
                "start": period.start,
                "end": period.end,
                "digest": close.digest,
                "versions": sorted(versions),
            },
        )
        return _state(s, period, today)


def reopen_period(
    db: Database, actor: Actor, key: str, reason: str, *, today: date | None = None
) -> PeriodState:
    """Open a closed quarter again (administrators, with a reason): an audit event, and a
    line on every report of the quarter made afterwards."""
    actor.require("period.close")
    today = today or date.today()
    why = v.text(reason, "reopen_reason", max_len=300, required=True)
    period = _quarter(key)
    with db.write() as s:
        row = _newest(s, period.key)
        if row is None or row.reopened_at is not None:
            raise ValidationError("period_not_closed", "period", value=period.key)
        before = {"period": period.key, "closed_at": row.closed_at, "digest": row.digest}
        row.reopened_at = datetime.now(UTC).replace(microsecond=0)
        row.reopened_by_id = actor.user_id
        row.reopened_by = actor.full_name or actor.username
        row.reopen_reason = why
        s.flush()
        audit.record(
            s,
            actor,
            "reopen",
            "period",
            row.id,
            before=before,
            after={"period": period.key, "reason": why, "reopened_at": row.reopened_at},
        )
        return _state(s, period, today)


@dataclass(frozen=True)
class VersionDifference:
    audience: str
    places: str
    #: The parts of the summary (``FIGURE_FIELDS``) whose figures differ.
    fields: tuple[str, ...]


@dataclass(frozen=True)
class PeriodCheck:
    key: str
    closed: bool
    differences: tuple[VersionDifference, ...] = ()
    digest: str = ""

    @property
    def same(self) -> bool:
        return self.closed and not self.differences


def _compared(name: str, value: Any) -> Any:
    """A part of the figures as the check compares it: copies of receipts printed since
    the close change no record (the export keeps the count of the close)."""
    if name == "receipts" and isinstance(value, dict):
        return {k: v for k, v in value.items() if k != "reprints"}
    return value


def check_period(db: Database, actor: Actor, key: str, *, today: date | None = None) -> PeriodCheck:
    """Compute a closed quarter's figures again from the records and compare them with
    those kept at its close: which version and which tables differ (a record changed
    outside the services, a person's details or consent changed since, a support type
    renamed)."""
    actor.require("read")
    today = today or date.today()
    period = _quarter(key)
    with db.read() as s:
        row = _newest(s, period.key)
        if row is None or row.reopened_at is not None:
            return PeriodCheck(period.key, False)
        found = []
        for version, kept in sorted((row.figures or {}).items()):
            audience, places = version.split("/", 1)
            now = figures_of(
                figures.summary_in(
                    s, actor, period.start, period.end, audience, period, today, places
                )
            )
            differ = tuple(
                f for f in FIGURE_FIELDS if _compared(f, now[f]) != _compared(f, kept.get(f))
            )
            if differ:
                found.append(VersionDifference(audience, places, differ))
        return PeriodCheck(period.key, True, tuple(found), row.digest)


def report_summary(
    db: Database,
    actor: Actor,
    period: Period,
    *,
    audience: str = "office",
    today: date | None = None,
    places: str = "commune",
) -> Summary:
    """The summary of a period as the reports and exports print it: for a closed quarter,
    the figures kept at its close (made now, signed by whoever prints it); for any period,
    the reopenings of its quarters since printed with it."""
    actor.require("read")
    audience = figures.check_audience(audience)
    places = figures.check_places(places, period.end)
    start, end = figures.check_range(period.start, period.end)
    today = today or date.today()
    with db.read() as s:
        reopenings = _reopenings(s, start, end)
        row = _newest(s, period.key) if period.kind == "quarter" else None
        kept = None
        if row is not None and row.reopened_at is None:
            kept = (row.figures or {}).get(_version_key(audience, places))
        if row is None or kept is None:
            live = figures.summary_in(s, actor, start, end, audience, period, today, places)
            return replace(live, reopenings=reopenings)
        made_at = datetime.now(UTC).replace(microsecond=0)
        office = current_office(s)
        return replace(
            from_plain(kept),
            period=period,
            generated_at=made_at,
            sign_off=figures.sign_off_of(office, actor, made_at.astimezone(OFFICE_TIME).date()),
            provisional=False,
            closed=ClosedInfo(row.period_key, row.closed_at, row.closed_by, row.digest),
            reopenings=reopenings,
        )


#: The parts of the summary as a check names them.
FIGURE_NAMES: dict[str, tuple[str, str]] = {
    "people": ("người được hỗ trợ", "people supported"),
    "support": ("hỗ trợ theo loại", "support by type"),
    "projects": ("ngân sách dự án", "project budgets"),
    "visits": ("chuyến thăm", "visits"),
    "visits_total": ("tổng chuyến thăm", "visits in all"),
    "assets": ("vật nuôi và khung dệt", "animals and looms"),
    "receipts": ("phiếu chi", "receipts"),
    "excluded_people": ("người rút lại sự đồng ý", "people who withdrew consent"),
    "support_by_category": ("hỗ trợ theo nhóm đối tượng", "support by category"),
    "support_by_place": ("hỗ trợ theo địa bàn", "support by place"),
    "people_by_category_sex_age": (
        "người theo nhóm, giới tính và tuổi",
        "people by category, sex and age",
    ),
    "corrections": ("điều chỉnh", "corrections"),
}
_AUDIENCE_NAMES = {
    "office": ("bản nội bộ", "office version"),
    "donor": ("bản nhà tài trợ", "donor version"),
    "province": ("bản cấp tỉnh", "province version"),
}


def describe_check(check: PeriodCheck, lang: str = "vi") -> str:
    """What :func:`check_period` found, in plain words."""
    i = 0 if lang == "vi" else 1
    if not check.closed:
        return (
            f"Quý {check.key} đang mở: không có số liệu lúc khoá để so.",
            f"Quarter {check.key} is open: there are no figures of a close to compare.",
        )[i]
    if check.same:
        return (
            f"Quý {check.key}: số liệu tính lại từ sổ trùng khớp với số liệu lúc khoá"
            f" (SHA-256 {check.digest[:16]}).",
            f"Quarter {check.key}: the figures computed again from the records are the same"
            f" as those kept at the close (SHA-256 {check.digest[:16]}).",
        )[i]
    parts = []
    for d in check.differences:
        where = _AUDIENCE_NAMES[d.audience][i] + (
            (" theo huyện cũ" if i == 0 else " by former district")
            if d.places == "district"
            else ""
        )
        names = ", ".join(FIGURE_NAMES.get(f, (f, f))[i] for f in d.fields)
        parts.append(f"{where}: {names}")
    return (
        f"Quý {check.key}: SỐ LIỆU KHÁC với số liệu lúc khoá ({'; '.join(parts)}). Báo cáo xuất"
        " lại vẫn in số liệu lúc khoá; sổ đã bị thay đổi từ đó (thông tin người hưởng, sự"
        " đồng ý, tên loại hỗ trợ, hoặc sửa ngoài phần mềm).",
        f"Quarter {check.key}: THE FIGURES DIFFER from those kept at the close"
        f" ({'; '.join(parts)}). Reports exported again still print the figures of the close;"
        " the records have changed since (a person's details, a consent, a support type's"
        " name, or a change made outside the program).",
    )[i]
