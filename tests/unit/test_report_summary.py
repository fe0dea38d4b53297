"""The summary's figures against an independent computation: plain SQL text that fetches
the rows, and Python that applies the definitions, on generated data (SQLite and, when a
server is configured, PostgreSQL). Every figure of every table is compared, for several
periods and all three audiences."""

from __future__ import annotations

import dataclasses
import random
from collections import Counter, defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest
from sqlalchemy import text

from tracker.db.engine import Database
from tracker.db.reference import DEMO_UNITS, REFORM_DATE
from tracker.domain.vocab import CATEGORIES, SEXES
from tracker.services import beneficiaries as ben
from tracker.services import grants, places, projects, reports, visits
from tracker.services.context import Actor
from tracker.services.errors import PermissionDenied, ValidationError
from tracker.services.grants import GrantInput, HandoverInput, TrancheInput
from tracker.services.reports import AGE_BANDS, Summary
from tracker.services.visits import AssetUpdate, VisitOutcome

from ..conftest import setup_office

TODAY = date(2026, 1, 10)
COMMUNES = ("00769", "00787", "00808", "00781", "00811", None)
ETHNIC = ("08", "08", "09", "01", "02", "07")
NAMES = (
    "Vàng Thị Mỷ", "Giàng Thị Dế", "Sùng Thị Pà", "Lù Thị Chở", "Mùa Thị Sua", "Hầu Thị Dung",
    "Lò Văn Páo", "Ly Thị Mai", "Thào Thị Chu", "Sình Thị Lan", "Triệu Thị Nhất", "Đặng Thị Hoa",
)  # fmt: skip


@dataclass
class Generated:
    db: Database
    actors: dict[str, Actor]
    names: list[str]
    withdrawn_donor: set[int]
    withdrawn_province: set[int]


def _person_name(rng: random.Random, i: int) -> str:
    return f"{rng.choice(NAMES)} {chr(0x41 + i % 26)}{i:03d}"


def generate(db: Database, *, people: int = 36, seed: int = 7) -> Generated:
    """A small office's two years: people of every age band, sex, category and several
    communes (old and new), consents given and withdrawn, cash and in-kind grants with
    hand-overs, visits done with outcomes (animals calving, dying, sold, passed on),
    cancelled and missed visits, voided and reprinted receipts."""
    rng = random.Random(seed)
    actors = setup_office(db)
    admin = actors["admin"]
    with db.write() as s:
        places.seed_units(s, DEMO_UNITS)
    p1 = projects.create_project(
        db,
        admin,
        projects.ProjectInput("SK-2428", "Sinh kế an toàn", "Rồng Xanh", date(2024, 1, 1),
                              date(2028, 12, 31), 4_200_000_000),
    )  # fmt: skip
    p2 = projects.create_project(
        db,
        admin,
        projects.ProjectInput("HT-2426", "Học tập", "Cầu Nối", date(2024, 1, 1),
                              date(2026, 12, 31), 900_000_000),
    )  # fmt: skip
    projects.create_project(
        db,
        admin,
        projects.ProjectInput("OLD-20", "Đã xong", "Khác", date(2020, 1, 1),
                              date(2023, 12, 31), 100_000_000),
    )  # fmt: skip
    end_q3 = date(2025, 9, 30)
    names: list[str] = []
    ids: list[int] = []
    for i in range(people):
        name = _person_name(rng, i)
        names.append(name)
        # Ages around every band boundary on 30/09/2025 (the end of the main period).
        years = rng.choice((10, 15, 16, 17, 18, 24, 25, 34, 35, 50))
        if i % 3 == 0:
            birth_date = None
            birth_year = end_q3.year - years
        else:
            offset = rng.choice((-1, 0, 1, 40, -40))
            birth_date = reports.years_before(end_q3, years) + timedelta(days=offset)
            birth_year = None
        b = ben.register(
            db,
            actors["officer"],
            ben.BeneficiaryInput(
                full_name=name,
                sex=rng.choice(SEXES[:2]) if i % 11 else "X",
                category=CATEGORIES[i % len(CATEGORIES)],
                ethnicity_code=rng.choice(ETHNIC),
                birth_date=birth_date,
                birth_year=birth_year,
                province_code="08",
                commune_code=COMMUNES[i % len(COMMUNES)],
                village="Thôn Bí Mật",
                phone=f"09{rng.randint(10_000_000, 99_999_999)}",
                id_number=f"0012{rng.randint(10_000_000, 99_999_999)}",
                registered_on=date(2024, 1, 2),
            ),
            allow_duplicate=True,
            today=TODAY,
        )
        ids.append(b.id)
    withdrawn_donor: set[int] = set()
    withdrawn_province: set[int] = set()
    for i, bid in enumerate(ids):
        kind = i % 6
        if kind == 0:  # gave, then withdrew: left out of the donor version
            ben.record_consent(
                db, admin, bid, "donor_reporting", True, decided_on=date(2024, 1, 2), today=TODAY
            )
            ben.record_consent(
                db, admin, bid, "donor_reporting", False, decided_on=date(2025, 2, 1), today=TODAY
            )
            withdrawn_donor.add(bid)
        elif kind == 1:  # withdrew, then gave again: counted
            ben.record_consent(
                db, admin, bid, "donor_reporting", False, decided_on=date(2024, 1, 2), today=TODAY
            )
            ben.record_consent(
                db, admin, bid, "donor_reporting", True, decided_on=date(2024, 6, 1), today=TODAY
            )
        elif kind == 2:  # two decisions the same day: the later one rules (withdrawn)
            ben.record_consent(
                db, admin, bid, "donor_reporting", True, decided_on=date(2024, 3, 3), today=TODAY
            )
            ben.record_consent(
                db, admin, bid, "donor_reporting", False, decided_on=date(2024, 3, 3), today=TODAY
            )
            withdrawn_donor.add(bid)
            ben.record_consent(
                db, admin, bid, "province_sharing", False, decided_on=date(2024, 3, 3), today=TODAY
            )
            withdrawn_province.add(bid)
        elif kind == 3:  # withdrawn province sharing only
            ben.record_consent(
                db, admin, bid, "province_sharing", False, decided_on=date(2024, 3, 3), today=TODAY
            )
            ben.record_consent(
                db, admin, bid, "donor_reporting", True, decided_on=date(2024, 3, 3), today=TODAY
            )
            withdrawn_province.add(bid)
        # others: no decision recorded, counted everywhere
    for i, bid in enumerate(ids):
        if i % 9 == 8:
            continue  # registered, never supported
        first = date(2024, 1, 15) + timedelta(days=rng.randint(0, 640))
        kind = rng.choice(("cattle", "cattle", "linen_weaving", "monthly_allowance",
                           "initial_hardship", "scholarship", "school_supplies"))  # fmt: skip
        project = p2 if kind in ("scholarship", "school_supplies") else p1
        if kind == "cattle":
            tranches = (TrancheInput("Bò cái", quantity=rng.choice((1, 2)), unit_value=15_000_000),)
        elif kind in ("linen_weaving", "school_supplies"):
            tranches = (TrancheInput("Khung dệt", quantity=1, unit_value=4_500_000),
                        TrancheInput("Sợi lanh", quantity=3, unit_value=300_000))  # fmt: skip
        elif kind == "monthly_allowance":
            tranches = tuple(TrancheInput(f"Tháng {m}", amount=700_000) for m in range(1, 7))
        else:
            tranches = (TrancheInput("Trợ cấp", amount=rng.choice((2_000_000, 3_500_000))),)
        g = grants.plan_grant(
            db,
            actors["officer"],
            GrantInput(bid, project.id, kind, first, tranches),
            today=TODAY,
        )
        day = first
        for t in g.tranches:
            if day > TODAY or rng.random() < 0.15:
                break
            grants.record_handover(
                db,
                actors["accountant"],
                HandoverInput(g.id, day, amount=None if t.in_kind else t.amount,
                              quantity=t.quantity, unit_value=t.unit_value, tranche_seq=t.seq),
                today=TODAY,
            )  # fmt: skip
            day += timedelta(days=rng.choice((20, 31, 45, 95)))
    # A grant planned in the period but cancelled, and one planned with nothing handed over.
    g = grants.plan_grant(
        db, actors["officer"],
        GrantInput(ids[8], p1.id, "initial_hardship", date(2025, 8, 1),
                   (TrancheInput("x", amount=1_000_000),)),
        today=TODAY,
    )  # fmt: skip
    grants.cancel_grant(db, actors["officer"], g.id, "nhầm")
    grants.plan_grant(
        db, actors["officer"],
        GrantInput(ids[17], p1.id, "initial_hardship", date(2025, 8, 2),
                   (TrancheInput("y", amount=1_000_000),)),
        today=TODAY,
    )  # fmt: skip
    # Visits: the scheduled ones up to today, most done (some late), with asset news.
    officer = actors["officer"]
    for v in visits.list_visits(db, officer, "all", today=TODAY, limit=100_000):
        if v.scheduled_on > TODAY or rng.random() < 0.25:
            continue
        done_on = min(v.scheduled_on + timedelta(days=rng.choice((-3, 0, 5, 40))), TODAY)
        updates: list[AssetUpdate] = []
        for a in visits.list_assets(db, officer, v.beneficiary_id):
            if not a.is_open or a.acquired_on > done_on or rng.random() < 0.6:
                continue
            status = rng.choice(("calved", "calved", "died", "sold", "passed_on", "sick", "alive"))
            if a.kind == "loom":
                status = rng.choice(("in_use", "unused"))
            updates.append(AssetUpdate(a.id, status, young_born=1 if status == "calved" else 0))
        try:
            visits.record_visit(
                db,
                officer,
                VisitOutcome(v.id, done_on, livelihood_running=rng.random() < 0.8,
                             income_band=rng.choice((None, "none", "low", "medium", "high")),
                             safety_concern=rng.random() < 0.1,
                             in_school=rng.choice((None, True, False)),
                             asset_updates=tuple(updates)),
                today=TODAY,
            )  # fmt: skip
        except ValidationError:
            continue  # a visit dated before its hand-over: skip it, as an officer would
    # Cancelled and missed visits, voided and reprinted receipts (set directly).
    with db.write() as s:
        open_ids = [
            r[0]
            for r in s.execute(
                text(
                    "SELECT id FROM visit WHERE status = 'scheduled' AND scheduled_on <= :t"
                    " ORDER BY id"
                ),
                {"t": TODAY},
            )
        ]
        for n, vid in enumerate(open_ids[:12]):
            if n % 2:
                s.execute(text("UPDATE visit SET status = 'cancelled' WHERE id = :id"),
                          {"id": vid})  # fmt: skip
                continue
            # Went 0 to 20 days after the date (not after today) and met no one.
            day = _d(s.execute(text("SELECT scheduled_on FROM visit WHERE id = :id"),
                               {"id": vid}).scalar_one())  # fmt: skip
            tried = min(day + timedelta(days=2 * n), TODAY)  # type: ignore[operator]
            s.execute(text("UPDATE visit SET status = 'missed', missed_reason = 'not_home',"
                           " done_on = :d WHERE id = :id"), {"d": tried, "id": vid})  # fmt: skip
        receipt_ids = [r[0] for r in s.execute(text("SELECT id FROM receipt ORDER BY id"))]
        for n, rid in enumerate(receipt_ids):
            if n % 7 == 3:
                s.execute(
                    text("UPDATE receipt SET voided_at = :at, void_reason = 'sai' WHERE id = :id"),
                    {"at": datetime(2025, 10, 1, tzinfo=UTC), "id": rid},
                )
            if n % 5 == 1:
                s.execute(text("UPDATE receipt SET reprint_count = 2 WHERE id = :id"), {"id": rid})
    return Generated(db, actors, names, withdrawn_donor, withdrawn_province)


# --- the independent computation ---------------------------------------------------------


def _d(value: Any) -> date | None:
    if value is None or isinstance(value, date):
        return value
    return date.fromisoformat(str(value)[:10])


def _age(born: date | None, year: int | None, on: date) -> int:
    if born is None:
        assert year is not None
        return on.year - year
    return on.year - born.year - ((on.month, on.day) < (born.month, born.day))


def _band(age: int) -> str:
    if age < 16:
        return "u16"
    if age < 18:
        return "16_17"
    if age < 25:
        return "18_24"
    if age < 35:
        return "25_34"
    return "35p"


def _excluded(conn: Any, audience: str) -> set[int]:
    kind = {"donor": "donor_reporting", "province": "province_sharing"}.get(audience)
    if kind is None:
        return set()
    latest: dict[int, tuple[date, int, bool]] = {}
    for bid, given, decided, cid in conn.execute(
        text("SELECT beneficiary_id, given, decided_on, id FROM consent WHERE kind = :k"),
        {"k": kind},
    ):
        key = (_d(decided), cid, bool(given))
        if bid not in latest or key[:2] > latest[bid][:2]:
            latest[bid] = key  # type: ignore[assignment]
    return {bid for bid, (_day, _id, given) in latest.items() if not given}


def place_key(code: str | None, recorded: date | None, end: date) -> str:
    """The unit a report groups a recorded commune under: in force on the end (an old
    commune's main new one); before the reform, the commune as it was then."""
    if not code:
        return ""
    g = places.gazetteer()
    on = recorded if recorded is not None and recorded < REFORM_DATE else REFORM_DATE
    unit = g.recorded(code, on)
    if unit is None:
        return code
    shown = places.report_unit(code, end, recorded_on=on) if end >= REFORM_DATE else None
    return (shown or g.as_of(unit, end)).code


def expected(db: Database, start: date, end: date, audience: str) -> dict[str, Any]:
    """Every figure, computed from plain SQL rows by the written definitions."""
    s_, e_ = start.isoformat(), end.isoformat()
    out: dict[str, Any] = {}
    with db.engine.connect() as conn:
        excl = _excluded(conn, audience)
        out["excluded"] = len(excl)
        # People.
        people = conn.execute(
            text(
                "SELECT b.id, b.sex, b.birth_date, b.birth_year, b.ethnicity_code,"
                " b.commune_code, b.category, MIN(d.handed_on), MAX(d.handed_on),"
                " b.address_recorded_on"
                " FROM beneficiary b JOIN grant_plan g ON g.beneficiary_id = b.id"
                " JOIN disbursement d ON d.grant_id = g.id WHERE d.handed_on <= :e"
                " GROUP BY b.id, b.sex, b.birth_date, b.birth_year, b.ethnicity_code,"
                " b.commune_code, b.category, b.address_recorded_on"
            ),
            {"e": e_},
        ).all()
        dims: dict[str, dict[str, list[int]]] = defaultdict(lambda: defaultdict(lambda: [0, 0, 0]))
        person: dict[int, tuple[str, str, str, str]] = {}
        csa: Counter[tuple[str, str, str]] = Counter()
        for bid, sex, born, year, eth, commune, cat, first, last, recorded in people:
            if bid in excl:
                continue
            first, last = _d(first), _d(last)
            assert first is not None and last is not None
            new = first >= start
            cont = first < start and last >= start
            band = _band(_age(_d(born), year, end))
            place = place_key(commune, _d(recorded), end)
            person[bid] = (cat, place, sex, band)
            if last >= start:
                csa[(cat, sex, band)] += 1
            keys = {
                "sex": sex,
                "age": band,
                "ethnicity": eth,
                "commune": place,
                "category": cat,
                "total": "",
            }
            for dim, key in keys.items():
                cell = dims[dim][key]
                cell[0] += new
                cell[1] += cont
                cell[2] += 1
        out["people"] = {dim: {k: tuple(v) for k, v in d.items()} for dim, d in dims.items()}
        out["csa"] = dict(csa)
        # Support by type (person-level rows, summed here).
        support: dict[str, list[int]] = defaultdict(lambda: [0] * 9)
        people_p: dict[str, set[int]] = defaultdict(set)
        people_t: dict[str, set[int]] = defaultdict(set)
        # Support in the period by (type, category) and (type, place): people, hand-overs,
        # cash, goods.
        cross: dict[str, dict[tuple[str, str], list[Any]]] = {
            "category": defaultdict(lambda: [set(), 0, 0, 0]),
            "place": defaultdict(lambda: [set(), 0, 0, 0]),
        }
        for code, bid, handed, amount, in_kind in conn.execute(
            text(
                "SELECT gt.code, g.beneficiary_id, d.handed_on, d.amount, d.in_kind"
                " FROM disbursement d JOIN grant_plan g ON g.id = d.grant_id"
                " JOIN grant_type gt ON gt.id = g.grant_type_id WHERE d.handed_on <= :e"
            ),
            {"e": e_},
        ):
            if bid in excl:
                continue
            row = support[code]
            in_p = _d(handed) >= start  # type: ignore[operator]
            if in_p:
                row[1] += 1
                people_p[code].add(bid)
                row[3 if in_kind else 2] += amount
                cat, place = person[bid][:2]
                for dim, group in (("category", cat), ("place", place)):
                    cell = cross[dim][(code, group)]
                    cell[0].add(bid)
                    cell[1] += 1
                    cell[3 if in_kind else 2] += amount
            row[4] += 1
            people_t[code].add(bid)
            row[6 if in_kind else 5] += amount
        for code, bid in conn.execute(
            text(
                "SELECT gt.code, g.beneficiary_id FROM grant_plan g"
                " JOIN grant_type gt ON gt.id = g.grant_type_id"
                " WHERE g.start_date BETWEEN :s AND :e AND g.status <> 'cancelled'"
            ),
            {"s": s_, "e": e_},
        ):
            if bid not in excl:
                support[code][0] += 1
        out["support"] = {
            code: (r[0], r[1], len(people_p[code]), r[2], r[3], r[4], len(people_t[code]),
                   r[5], r[6])
            for code, r in support.items()
        }  # fmt: skip
        out["cross"] = {
            dim: {k: (len(v[0]), v[1], v[2], v[3]) for k, v in cells.items()}
            for dim, cells in cross.items()
        }
        # Projects (whole: accounts).
        out["projects"] = {
            code: (int(budget), int(spent or 0), int(in_p or 0))
            for code, budget, spent, in_p in conn.execute(
                text(
                    "SELECT p.code, p.budget,"
                    " (SELECT SUM(d.amount) FROM disbursement d JOIN grant_plan g"
                    "   ON g.id = d.grant_id WHERE g.project_id = p.id AND d.handed_on <= :e),"
                    " (SELECT SUM(d.amount) FROM disbursement d JOIN grant_plan g"
                    "   ON g.id = d.grant_id WHERE g.project_id = p.id"
                    "   AND d.handed_on BETWEEN :s AND :e)"
                    " FROM project p WHERE p.start_date <= :e AND p.end_date >= :s"
                ),
                {"s": s_, "e": e_},
            )
        }
        # Visits, by the definitions: each one scheduled in the period in one state on the
        # end (or today), and the outcomes of those done in the period.
        as_of = min(end, TODAY)
        cutoff = end + timedelta(days=1) if end < TODAY else TODAY
        vis: dict[Any, list[int]] = defaultdict(lambda: [0] * 15)
        for bid, months, sched, status, done, running, safety, school, income in conn.execute(
            text(
                "SELECT beneficiary_id, months_after, scheduled_on, status, done_on,"
                " livelihood_running, safety_concern, in_school, income_band FROM visit"
            )
        ):
            if bid in excl:
                continue
            sched, done = _d(sched), _d(done)
            assert sched is not None
            planned = start <= sched <= end
            was_done = planned and status == "done" and done is not None and done <= as_of
            tried = planned and status == "missed" and done is not None and done <= as_of
            cancelled = planned and status == "cancelled"
            still = planned and not (was_done or tried or cancelled)
            done_p = status == "done" and done is not None and start <= done <= end
            if not (planned or done_p):
                continue
            for key in (months, "total"):
                r = vis[key]
                r[0] += planned
                r[1] += was_done
                r[2] += tried
                r[3] += still and sched < cutoff
                r[4] += still and sched >= cutoff
                r[5] += cancelled
                r[6] += done_p
                if done_p:
                    r[7] += running is True or running == 1
                    r[8] += running is False or running == 0
                    r[9] += safety is True or safety == 1
                    r[10] += school is True or school == 1
                    if income in ("none", "low", "medium", "high"):
                        r[11 + ("none", "low", "medium", "high").index(income)] += 1
        out["visits"] = {k: tuple(v) for k, v in vis.items()}
        # Assets as of the end.
        events: dict[int, list[tuple[date, int, str]]] = defaultdict(list)
        for aid, day, status, eid in conn.execute(
            text("SELECT asset_id, happened_on, status, id FROM asset_event")
        ):
            events[aid].append((_d(day), eid, status))  # type: ignore[arg-type]
        assets: dict[str, Counter[str]] = defaultdict(Counter)
        for aid, bid, kind, parent, status, acquired in conn.execute(
            text("SELECT id, beneficiary_id, kind, parent_id, status, acquired_on FROM asset")
        ):
            if bid in excl or _d(acquired) > end:  # type: ignore[operator]
                continue
            evs = sorted(e for e in events[aid] if e[0] <= end)
            states = [e for e in evs if e[2] != "calved"]
            now = states[-1][2] if states else status
            c = assets[kind]
            c["total"] += 1
            c["granted" if parent is None else "born"] += 1
            c[now] += 1
            c["gave_birth"] += any(e[2] == "calved" for e in evs)
        out["assets"] = assets
        # Receipts for the hand-overs of the period.
        rec = [0, 0, 0, 0, 0]
        for bid, voided, reprints, amount in conn.execute(
            text(
                "SELECT g.beneficiary_id, r.voided_at, r.reprint_count,"
                " (SELECT SUM(l.amount) FROM disbursement l"
                "  WHERE l.id = d.id OR l.part_of_id = d.id) FROM receipt r"
                " JOIN disbursement d ON d.id = r.disbursement_id"
                " JOIN grant_plan g ON g.id = d.grant_id"
                " WHERE d.handed_on BETWEEN :s AND :e"
            ),
            {"s": s_, "e": e_},
        ):
            if bid in excl:
                continue
            rec[0] += 1
            rec[1] += voided is not None
            rec[2] += voided is None
            rec[3] += reprints
            rec[4] += amount if voided is None else 0
        out["receipts"] = tuple(rec)
    return out


def compare(summary: Summary, exp: dict[str, Any]) -> None:
    """Every figure of the summary equals the independent computation."""
    p = summary.people
    got_people = {
        "sex": p.by_sex,
        "age": p.by_age,
        "ethnicity": p.by_ethnicity,
        "commune": p.by_commune,
        "category": p.by_category,
        "total": (p.total,),
    }
    for dim, rows in got_people.items():
        want = exp["people"].get(dim, {})
        got = {r.key: (r.new, r.continuing, r.cumulative) for r in rows}
        if dim in ("sex", "age", "category"):
            fixed = {"sex": SEXES, "age": AGE_BANDS, "category": CATEGORIES}[dim]
            assert list(got) == list(fixed)
            got = {k: v for k, v in got.items() if v != (0, 0, 0)}
        if dim == "total" and not want:
            want = {"": (0, 0, 0)}
        assert got == want, dim
    got_support = {
        r.grant_type: (r.grants_new, r.handovers, r.people, r.cash, r.in_kind, r.handovers_total,
                       r.people_total, r.cash_total, r.in_kind_total)
        for r in summary.support
        if any((r.grants_new, r.handovers_total))
    }  # fmt: skip
    assert got_support == exp["support"]
    assert {r.code: (r.budget, r.spent, r.spent_in_period) for r in summary.projects} == exp[
        "projects"
    ]
    for r in summary.projects:
        assert r.left == r.budget - r.spent
    fields = [f.name for f in dataclasses.fields(reports.VisitFigures)][1:]
    got_visits = {v.months_after: tuple(getattr(v, f) for f in fields) for v in summary.visits}
    want_visits = dict(exp["visits"])
    total = want_visits.pop("total", (0,) * 15)
    assert got_visits == want_visits
    assert tuple(getattr(summary.visits_total, f) for f in fields) == total
    for v in (*summary.visits, summary.visits_total):
        assert v.scheduled == v.done + v.missed + v.overdue + v.not_yet_due + v.cancelled
    # The cross-tabulations.
    for dim, cells in (("category", summary.support_by_category),
                       ("place", summary.support_by_place)):  # fmt: skip
        got = {(c.grant_type, c.key): (c.people, c.handovers, c.cash, c.in_kind) for c in cells}
        assert got == exp["cross"][dim], dim
    got_csa = {(c.category, c.sex, c.age): c.people for c in summary.people_by_category_sex_age}
    assert got_csa == exp["csa"]
    got_assets = {
        a.kind: Counter({k: getattr(a, k) for k in ("total", "granted", "born", "alive", "sick",
                         "in_use", "unused", "died", "sold", "passed_on", "gave_birth")})
        for a in summary.assets
    }  # fmt: skip
    want_assets = {k: Counter(dict(v)) for k, v in exp["assets"].items()}
    for c in (*got_assets.values(), *want_assets.values()):
        for key in [k for k, v in c.items() if v == 0]:
            del c[key]
    assert got_assets == want_assets
    r = summary.receipts
    assert (r.issued, r.voided, r.valid, r.reprints, r.amount_valid) == exp["receipts"]
    assert summary.excluded_people == exp["excluded"]


PERIODS = (
    reports.quarter(2025, 3),
    reports.quarter(2024, 1),
    reports.whole_year(2024),
    reports.first_months(2025, 6),
    reports.first_months(2025, 9),
    reports.date_range(date(2024, 11, 17), date(2025, 2, 3)),
    reports.quarter(2026, 1),  # partly after "today": overdue counts up to today only
    reports.quarter(2019, 2),  # before everything: all zero
)


@pytest.fixture
def generated(db: Database) -> Generated:
    return generate(db)


def test_every_figure_matches_plain_sql(generated: Generated) -> None:
    db, viewer = generated.db, generated.actors["viewer"]
    for period in PERIODS:
        for audience in reports.AUDIENCES:
            summary = reports.period_summary(db, viewer, period, audience=audience, today=TODAY)
            assert summary.period == period
            compare(summary, expected(db, period.start, period.end, audience))


def test_data_covers_the_cases(generated: Generated) -> None:
    """The generated data really exercises every part of the summary."""
    s = reports.period_summary(
        generated.db, generated.actors["admin"], reports.whole_year(2025), today=TODAY
    )
    assert s.people.total.new and s.people.total.continuing
    assert all(r.cumulative for r in s.people.by_age), "every age band is populated"
    assert {r.key for r in s.people.by_commune} >= {"00769", ""}
    assert any(r.in_kind for r in s.support) and any(r.cash for r in s.support)
    assert s.visits_total.done and s.visits_total.overdue and s.visits_total.scheduled
    assert s.visits_total.cancelled and s.visits_total.done_in_period
    assert s.visits_total.missed, "visits that met no one"
    cows = next(a for a in s.assets if a.kind == "cow")
    assert cows.born and cows.gave_birth and cows.died + cows.sold + cows.passed_on
    assert s.receipts.voided and s.receipts.reprints
    donor = reports.period_summary(
        generated.db, generated.actors["admin"], reports.whole_year(2025), audience="donor",
        today=TODAY,
    )  # fmt: skip
    assert donor.people.total.cumulative < s.people.total.cumulative
    assert donor.excluded_people == len(generated.withdrawn_donor)


def test_withdrawn_people_are_not_counted_for_the_donor(generated: Generated) -> None:
    db, admin = generated.db, generated.actors["admin"]
    period = reports.whole_year(2025)
    office = reports.period_summary(db, admin, period, audience="office", today=TODAY)
    donor = reports.period_summary(db, admin, period, audience="donor", today=TODAY)
    province = reports.period_summary(db, admin, period, audience="province", today=TODAY)
    with db.engine.connect() as conn:
        supported = {
            r[0]
            for r in conn.execute(
                text(
                    "SELECT DISTINCT g.beneficiary_id FROM disbursement d"
                    " JOIN grant_plan g ON g.id = d.grant_id WHERE d.handed_on <= '2025-12-31'"
                )
            )
        }
    assert office.people.total.cumulative == len(supported)
    assert donor.people.total.cumulative == len(supported - generated.withdrawn_donor)
    assert province.people.total.cumulative == len(supported - generated.withdrawn_province)
    # Budgets are accounts: the same in every version.
    assert office.projects == donor.projects == province.projects


def test_commune_names_as_of_the_period_end(generated: Generated) -> None:
    db, admin = generated.db, generated.actors["admin"]
    before = reports.period_summary(db, admin, reports.quarter(2025, 2), today=TODAY)
    after = reports.period_summary(db, admin, reports.quarter(2025, 3), today=TODAY)
    names_before = {r.key: r.name for r in before.people.by_commune}
    names_after = {r.key: r.name for r in after.people.by_commune}
    # 00787 was Sủng Trà's code and is Sủng Máng's from 1 July 2025 (the demo extract only
    # keeps the new unit): the unit in force on the end, else its name marked as later.
    assert names_after["00787"] == "Xã Sủng Máng"
    # Pả Vi ended on 30/06/2025: after it, its people count under the commune it went into.
    assert "00781" not in names_after
    assert names_after[places.report_unit("00781", date(2025, 9, 30)).code].startswith("Xã ")
    assert names_before["00781"] == "Xã Pả Vi"
    assert names_after[""] == ""


def test_empty_period_is_all_zero(db: Database) -> None:
    actors = setup_office(db)
    s = reports.period_summary(db, actors["viewer"], reports.quarter(2025, 1), today=TODAY)
    assert s.is_empty
    assert s.people.total.cumulative == 0
    assert [r.key for r in s.people.by_sex] == list(SEXES)
    assert s.people.by_commune == () and s.assets == () and s.visits == ()
    assert s.receipts.issued == 0 and s.visits_total.scheduled == 0
    assert all(r.handovers_total == 0 for r in s.support)


def test_summary_checks_its_input(db: Database) -> None:
    actors = setup_office(db)
    viewer = actors["viewer"]
    with pytest.raises(ValidationError) as info:
        reports.summary(db, viewer, date(2025, 3, 1), date(2025, 1, 1))
    assert info.value.key == "period_order"
    with pytest.raises(ValidationError) as info:
        reports.summary(db, viewer, date(2025, 1, 1), date(2025, 3, 1), audience="press")
    assert info.value.field == "audience"
    with pytest.raises(ValidationError):
        reports.summary(db, viewer, "2025-01-01", date(2025, 3, 1))  # type: ignore[arg-type]
    with pytest.raises(PermissionDenied):
        reports.line_list(db, viewer, date(2025, 1, 1), date(2025, 3, 1))
    with pytest.raises(PermissionDenied):
        reports.line_list(db, actors["officer"], date(2025, 1, 1), date(2025, 3, 1))


def test_line_list_is_for_admins_and_logged(generated: Generated) -> None:
    db, admin = generated.db, generated.actors["admin"]
    rows = reports.line_list(db, admin, date(2025, 1, 1), date(2025, 12, 31), audience="donor")
    assert rows and all(r.full_name in generated.names for r in rows)
    with db.engine.connect() as conn:
        ids = {r[0]: r[1] for r in conn.execute(text("SELECT code, id FROM beneficiary"))}
        logged = conn.execute(
            text("SELECT COUNT(*) FROM audit_event WHERE entity = 'line_list' AND action = 'view'")
        ).scalar_one()
    assert not {ids[r.code] for r in rows} & generated.withdrawn_donor
    assert logged == 1
