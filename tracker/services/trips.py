"""Trip sheets: the visits due and overdue in a commune (or some of its villages) up to a
day, grouped by village, printed for an officer who goes out for the day without a
network; the results are typed in afterwards with the visit services
(:func:`tracker.services.visits.record_visit`, :func:`~tracker.services.visits.record_missed`).

A sheet shows codes and aliases; full names only when asked for by a role that may see
them (``names.read``). Every sheet printed is in the audit trail (who, which places, which
days, how many visits, whether names were on it). Words that could tell what the project is
about never reach the paper: a support type's name that holds them is replaced by the
neutral "Hỗ trợ sinh kế"."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import BinaryIO

from sqlalchemy import select
from sqlalchemy.orm import Session

from tracker.db.engine import Database
from tracker.db.models import AdminUnit, Asset, AssetEvent, Beneficiary, Grant, GrantType, Visit
from tracker.domain.shapes import TripAsset, TripFinding, TripSheet, TripStop
from tracker.domain.vocab import ASSET_CLOSED_STATUSES, visit_checks
from tracker.i18n.text import fold
from tracker.reports._layout import is_sensitive
from tracker.reports.trip_sheet_pdf import render_trip_sheet
from tracker.services import audit
from tracker.services import validate as v
from tracker.services.context import Actor
from tracker.services.errors import ValidationError
from tracker.services.office import current_office

#: The longest stretch of days one sheet covers.
MAX_DAYS = 366
#: Communes and villages one sheet may name.
MAX_PLACES = 50

_NEUTRAL = ("Hỗ trợ sinh kế", "Livelihood support")


def _neutral(text: str, fallback: str) -> str:
    text = (text or "").strip()
    return fallback if not text or is_sensitive(text) else text


def _places(communes: Sequence[str], villages: Sequence[str]) -> tuple[list[str], list[str]]:
    if isinstance(communes, str):
        communes = [communes]
    if isinstance(villages, str):
        villages = [villages]
    codes = [v.code(c, "commune", max_len=8) for c in communes]
    codes = [c for c in dict.fromkeys(codes) if c]
    if not codes:
        raise ValidationError("required", "commune")
    names = [v.text(n, "village", max_len=120) for n in villages]
    names = [n for n in dict.fromkeys(names) if n]
    if len(codes) > MAX_PLACES or len(names) > MAX_PLACES:
        raise ValidationError("too_many", "village", max=MAX_PLACES)
    return codes, names


def _dates(start: object, end: object) -> tuple[date, date]:
    first = v.a_date(start, "start_date")
    last = v.a_date(
        end, "end_date", not_before=first, not_after=first + timedelta(days=MAX_DAYS - 1)
    )
    return first, last


def _last_findings(
    s: Session, keys: set[tuple[int, int | None]]
) -> dict[tuple[int, int | None], TripFinding]:
    """The newest visit done or missed of each (person, grant), with the status each asset
    was given at it."""
    if not keys:
        return {}
    people = {b for b, _g in keys}
    rows = s.execute(
        select(Visit)
        .where(Visit.beneficiary_id.in_(people), Visit.status.in_(("done", "missed")))
        .order_by(Visit.done_on, Visit.id)
    ).scalars()
    newest: dict[tuple[int, int | None], Visit] = {}
    for vis in rows:
        key = (vis.beneficiary_id, vis.grant_id)
        if key in keys:
            newest[key] = vis
    if not newest:
        return {}
    ids = [vis.id for vis in newest.values()]
    seen: dict[int, list[tuple[str, str]]] = {}
    for visit_id, kind, status in s.execute(
        select(AssetEvent.visit_id, Asset.kind, AssetEvent.status)
        .join(Asset, Asset.id == AssetEvent.asset_id)
        .where(AssetEvent.visit_id.in_(ids), Asset.parent_id.is_(None))
        .order_by(Asset.id, AssetEvent.id)
    ).all():
        seen.setdefault(int(visit_id or 0), []).append((kind, status))
    found = {}
    for key, vis in newest.items():
        assert vis.done_on is not None
        found[key] = TripFinding(
            on=vis.done_on,
            status=vis.status,
            livelihood_running=vis.livelihood_running,
            income_band=vis.income_band,
            in_school=vis.in_school,
            needs_attention=bool(vis.safety_concern),
            missed_reason=vis.missed_reason,
            assets=tuple(seen.get(vis.id, ())),
        )
    return found


def _open_assets(s: Session, grant_ids: set[int]) -> dict[int, list[TripAsset]]:
    if not grant_ids:
        return {}
    out: dict[int, list[TripAsset]] = {}
    for a in s.execute(
        select(Asset)
        .where(Asset.grant_id.in_(grant_ids), Asset.status.not_in(ASSET_CLOSED_STATUSES))
        .order_by(Asset.id)
    ).scalars():
        out.setdefault(a.grant_id, []).append(
            TripAsset(id=a.id, kind=a.kind, tag=a.tag, status=a.status)
        )
    return out


def _commune_names(s: Session, codes: Sequence[str]) -> tuple[tuple[str, str], ...]:
    """Each code with its unit's name ("Xã Mèo Vạc"): the unit in force, else the newest."""
    names = []
    for code in codes:
        row = s.execute(
            select(AdminUnit.unit_type, AdminUnit.name)
            .where(AdminUnit.code == code)
            .order_by(AdminUnit.valid_to.is_(None).desc(), AdminUnit.valid_to.desc())
            .limit(1)
        ).first()
        label = f"{row[0].capitalize()} {row[1]}".strip() if row else code
        names.append((code, label))
    return tuple(names)


def _stops(
    s: Session,
    codes: Sequence[str],
    villages: Sequence[str],
    end: date,
    today: date,
    *,
    names: bool,
) -> list[TripStop]:
    q = (
        select(Visit, Beneficiary, GrantType)
        .join(Beneficiary, Beneficiary.id == Visit.beneficiary_id)
        .outerjoin(Grant, Grant.id == Visit.grant_id)
        .outerjoin(GrantType, GrantType.id == Grant.grant_type_id)
        .where(
            Visit.status == "scheduled",
            Visit.scheduled_on <= end,
            Beneficiary.commune_code.in_(codes),
        )
    )
    wanted = {fold(n) for n in villages}
    rows = [
        (vis, b, gt) for vis, b, gt in s.execute(q).all() if not wanted or fold(b.village) in wanted
    ]
    keys = {(vis.beneficiary_id, vis.grant_id) for vis, _b, _gt in rows}
    last = _last_findings(s, keys)
    assets = _open_assets(s, {vis.grant_id for vis, _b, _gt in rows if vis.grant_id})
    # By commune (in the order asked), by village (by name, without diacritics; people with
    # no village last), then by person (a family's visits together), then by the day due.
    order = {code: i for i, code in enumerate(codes)}
    rows.sort(
        key=lambda r: (
            order.get(r[1].commune_code or "", 0),
            not r[1].village,
            fold(r[1].village),
            r[1].code,
            r[0].scheduled_on,
            r[0].id,
        )
    )
    stops = []
    for vis, b, gt in rows:
        type_vi = _neutral(gt.name_vi if gt else "", _NEUTRAL[0])
        type_en = _neutral(gt.name_en if gt else "", _NEUTRAL[1])
        stops.append(
            TripStop(
                visit_id=vis.id,
                beneficiary_id=b.id,
                code=b.code,
                alias=b.alias,
                full_name=b.full_name if names else "",
                village=b.village,
                commune_code=b.commune_code or "",
                grant_type=gt.code if gt else "",
                type_name_vi=type_vi,
                type_name_en=type_en,
                checks=visit_checks(gt.code, gt.kind, gt.asset_kind) if gt else "other",
                scheduled_on=vis.scheduled_on,
                months_after=vis.months_after,
                days_late=max((today - vis.scheduled_on).days, 0),
                last=last.get((vis.beneficiary_id, vis.grant_id)),
                assets=tuple(assets.get(vis.grant_id, ())) if vis.grant_id else (),
            )
        )
    return stops


def _sheet(
    s: Session,
    actor: Actor,
    codes: list[str],
    villages: list[str],
    start: date,
    end: date,
    today: date,
    *,
    names: bool,
    officer: str,
) -> TripSheet:
    office = current_office(s)
    communes = _commune_names(s, codes)
    place = ""
    if office.unit_code:
        place = (
            s.execute(
                select(AdminUnit.name)
                .where(AdminUnit.code == office.unit_code)
                .order_by(AdminUnit.valid_to.is_(None).desc(), AdminUnit.valid_to.desc())
                .limit(1)
            ).scalar_one_or_none()
            or ""
        )
    return TripSheet(
        office_name=office.name,
        written_at=place,
        communes=communes,
        villages=tuple(villages),
        start=start,
        end=end,
        made_on=today,
        officer=officer,
        names_shown=names,
        stops=tuple(_stops(s, codes, villages, end, today, names=names)),
    )


def trip_visits(
    db: Database,
    actor: Actor,
    communes: Sequence[str],
    start: date,
    end: date,
    *,
    villages: Sequence[str] = (),
    today: date | None = None,
) -> TripSheet:
    """The visits of a trip sheet, without names and without printing anything: what the
    results screen lists to type them in, in the order of the printed sheet (visits
    recorded since leave it)."""
    actor.require("read")
    codes, names = _places(communes, villages)
    first, last = _dates(start, end)
    with db.read() as s:
        return _sheet(s, actor, codes, names, first, last, today or date.today(), names=False,
                      officer="")  # fmt: skip


def trip_sheet(
    db: Database,
    actor: Actor,
    communes: Sequence[str],
    start: date,
    end: date,
    *,
    villages: Sequence[str] = (),
    names: bool = False,
    officer: str = "",
    today: date | None = None,
    purpose: str = "print",
) -> TripSheet:
    """The sheet to print for a trip (officers and administrators): the visits still to
    make in ``communes`` (only ``villages`` of them when given) that fall due up to ``end``,
    those overdue included. ``names`` puts full names beside the codes (a role that may
    see names only). Logged in the audit trail with what it was made for (``purpose``:
    print, preview or save); nothing to visit is an error."""
    actor.require("trip.print")
    purpose = v.choice(purpose, "purpose", ("print", "preview", "save"))
    if names:
        actor.require("names.read")
    codes, village_names = _places(communes, villages)
    first, last = _dates(start, end)
    who = v.text(officer, "officer", max_len=120)
    today = today or date.today()
    with db.write() as s:
        sheet = _sheet(s, actor, codes, village_names, first, last, today, names=bool(names),
                       officer=who)  # fmt: skip
        if not sheet.stops:
            raise ValidationError(
                "nothing_to_visit",
                None,
                place=", ".join(n for _c, n in sheet.communes),
                end=last.strftime("%d/%m/%Y"),
            )
        audit.record(
            s,
            actor,
            "print_sheet",
            "trip_sheet",
            None,
            after={
                "communes": codes,
                "villages": village_names,
                "start": first.isoformat(),
                "end": last.isoformat(),
                "visits": [stop.visit_id for stop in sheet.stops],
                "names": bool(names),
                "purpose": purpose,
                "people": sorted({stop.beneficiary_id for stop in sheet.stops}),
            },
        )
        return sheet


def write_trip_sheet(sheet: TripSheet, out: Path | str | BinaryIO, *, lang: str = "vi") -> int:
    """Write a sheet :func:`trip_sheet` returned as a PDF (a path atomically); the pages."""
    if lang not in ("vi", "en"):
        raise ValidationError("choice", "language", value=lang)
    return render_trip_sheet(sheet, out, lang=lang)
