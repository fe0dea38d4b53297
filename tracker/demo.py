"""A realistic, clearly fictional demo database for a mountain commune office.

Everything goes through the services, as a user would: office, staff, two donor projects,
about sixty people of several ethnic groups, cattle, linen-weaving, allowance, hardship and
scholarship grants, hand-overs with receipts, and follow-up visits done, due and overdue.
"""

from __future__ import annotations

import dataclasses
import random
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from tracker.config import DatabaseLocation
from tracker.db.engine import Database
from tracker.db.reference import DEMO_UNITS
from tracker.demo_names import FIRST_DEMO_PERSON, STAFF, VILLAGES, make_person
from tracker.services import auth, grants, office, pass_on, projects, visits
from tracker.services import beneficiaries as ben
from tracker.services.auth import Workspace
from tracker.services.context import SYSTEM, Actor
from tracker.services.errors import PossibleDuplicate
from tracker.services.visits import add_months

DEMO_ADMIN = "admin"
DEMO_PASSWORD = "demo-admin-2026"
DEMO_PEOPLE = 60
FICTION_MARK = "(DỮ LIỆU MẪU – HƯ CẤU)"


@dataclass(frozen=True)
class DemoSummary:
    beneficiaries: int
    grants: int
    handovers: int
    visits_done: int
    visits_open: int


def _communes_on(day: date) -> list[str]:
    return [
        u.code
        for u in DEMO_UNITS
        if u.level == "commune"
        and (u.valid_from is None or u.valid_from <= day)
        and (u.valid_to is None or u.valid_to >= day)
    ]


DEMO_OFFICE = office.OfficeInput(
    name=f"Hội LHPN xã Mèo Vạc {FICTION_MARK}",
    receipt_prefix="MV",
    kind="commune",
    province_code="08",
    unit_code="00769",
    address="Thôn Mẫu, xã Mèo Vạc, tỉnh Tuyên Quang",
    phone="0219 000 000",
    head_name=STAFF[0].name,
    accountant_name=STAFF[1].name,
    cashier_name=STAFF[5].name,
    voucher_book="{year}",  # one voucher book a year: "Quyển số: 2025"
)
# Every demo account has the demo password; the README names the admin.
DEMO_USERS = (
    ("ketoan", STAFF[1].name, "accountant"),
    ("huyen", STAFF[2].name, "officer"),
    ("sinh", STAFF[3].name, "officer"),
    ("mai", STAFF[4].name, "officer"),
    ("xem", STAFF[5].name, "viewer"),
)


def create_demo_workspace(location: DatabaseLocation) -> Workspace:
    """A new database (encrypted on SQLite) holding the demo office and its administrator.
    Its key file says it is a demo database (see :func:`is_demo_database`)."""
    ws, _recovery = auth.create_workspace(
        location, DEMO_OFFICE, DEMO_ADMIN, STAFF[0].name, DEMO_PASSWORD
    )
    if location.path is not None:
        auth.mark_demo(location.path)
    return ws


def is_demo_database(path: Path) -> bool:
    """True only for a file built as the demo: its key file says so. A real office's file
    (or one whose key file is missing or unreadable) is never a demo database."""
    return auth.is_demo(path)


def build_demo(
    ws: Workspace,
    *,
    today: date | None = None,
    seed: int = 2026,
    people: int = DEMO_PEOPLE,
    progress: Callable[[int, int], None] | None = None,
) -> DemoSummary:
    """Fill a new workspace (office and administrator set up) with the demo records."""
    today = today or date.today()
    rng = random.Random(seed)
    db = ws.db
    users = {DEMO_ADMIN: ws.actor}
    for username, full_name, role in DEMO_USERS:
        auth.add_user(ws, username, full_name, role, DEMO_PASSWORD)
        users[username] = office.actor_for(db, username)
    admin, accountant = users[DEMO_ADMIN], users["ketoan"]
    officers = [users["huyen"], users["sinh"], users["mai"]]

    first_day = today - timedelta(days=600)
    p1 = projects.create_project(
        db,
        admin,
        projects.ProjectInput(
            code="SK-2428",
            name="Sinh kế an toàn cho phụ nữ vùng biên (mẫu)",
            donor="Quỹ Bước Tiếp (mẫu)",
            start_date=date(first_day.year, 1, 1),
            end_date=date(first_day.year + 4, 12, 31),
            budget=4_200_000_000,
        ),
    )
    p2 = projects.create_project(
        db,
        admin,
        projects.ProjectInput(
            code="HT-2527",
            name="Học tập và hòa nhập cho trẻ em có nguy cơ (mẫu)",
            donor="Tổ chức Cầu Nối (mẫu)",
            start_date=date(first_day.year, 1, 1),
            end_date=date(first_day.year + 3, 12, 31),
            budget=1_500_000_000,
        ),
    )

    categories = ["victim"] * 4 + ["suspected_victim"] * 2 + ["at_risk"] * 3 + ["family_member"]
    plan = (
        ["cattle"] * 14
        + ["linen_weaving"] * 10
        + ["monthly_allowance"] * 10
        + ["initial_hardship"] * 10
        + ["scholarship"] * 10
        + ["school_supplies"] * 6
    )
    rng.shuffle(plan)
    grant_count = 0
    pending: list[_Pending] = []
    for i in range(people):
        person = FIRST_DEMO_PERSON if i == 0 else make_person(rng)
        # The last few people came in a month ago: their first visits fall due this week.
        recent = i >= people - 8
        registered = (
            today - timedelta(days=rng.randint(24, 48))
            if recent
            else first_day + timedelta(days=rng.randint(0, 120))
        )
        kind = plan[i % len(plan)]
        young = kind in ("scholarship", "school_supplies")
        birth_year = today.year - (rng.randint(9, 17) if young else rng.randint(18, 45))
        # People registered before the July 2025 reform keep the old commune they lived in.
        commune = rng.choice(_communes_on(registered))
        data = ben.BeneficiaryInput(
            full_name=person.full_name,
            sex=person.sex,
            category="at_risk" if young else rng.choice(categories),
            ethnicity_code=person.ethnicity_code,
            birth_year=birth_year,
            alias=f"Chị {person.full_name.split()[-1]}" if person.sex == "F" and not young else "",
            province_code="08",
            commune_code=commune,
            village=rng.choice(VILLAGES),
            phone="" if rng.random() < 0.5 else f"09{rng.randint(10_000_000, 99_999_999)}",
            registered_on=registered,
            address_on=registered,
        )
        try:
            b = ben.register(db, officers[i % 3], data, today=today)
        except PossibleDuplicate:
            b = ben.register(db, officers[i % 3], data, allow_duplicate=True, today=today)
        for consent in ("services", "donor_reporting"):
            ben.record_consent(
                db, officers[i % 3], b.id, consent, True, decided_on=registered, today=today
            )
        if rng.random() < 0.3:
            ben.record_consent(
                db,
                officers[i % 3],
                b.id,
                "province_sharing",
                True,
                decided_on=registered,
                today=today,
            )
        planned = _grant_for(
            db,
            rng,
            kind,
            b.id,
            p2.id if young else p1.id,
            officers[i % 3],
            registered,
            today,
            recent,
        )
        grant_count += planned.grants
        pending += [dataclasses.replace(h, person=i) for h in planned.handovers]
        if progress:
            progress(i + 1, people)

    # Hand-overs in the order of their days, so that receipt numbers follow the dates.
    pending.sort(key=lambda h: (h.day, h.person, h.order))
    for h in pending:
        grants.record_handover(db, accountant, h.lines[0], also=h.lines[1:], today=today)

    done, open_ = _visit_history(db, rng, officers, today)
    if _pass_ons(db, officers, today):
        open_ = visits.count_visits(db, SYSTEM, "open", today=today, within_days=7)
    return DemoSummary(people, grant_count, len(pending), done, open_)


@dataclass(frozen=True)
class _Pending:
    """A hand-over to record once every grant is planned: its lines (one paper)."""

    day: date
    order: int
    lines: tuple[grants.HandoverInput, ...]
    person: int = 0


@dataclass(frozen=True)
class _Planned:
    grants: int
    handovers: list[_Pending]


def _line(
    grant: grants.GrantView, seq: int, day: date, *, loom: bool = False
) -> grants.HandoverInput:
    t = grant.tranches[seq - 1]
    return grants.HandoverInput(
        grant.id,
        day,
        amount=None if t.quantity else t.amount,
        quantity=t.quantity,
        unit_value=t.unit_value,
        tranche_seq=t.seq,
        creates_assets=True if loom else None,
    )


def _grant_for(
    db: Database,
    rng: random.Random,
    kind: str,
    beneficiary_id: int,
    project_id: int,
    officer: Actor,
    start: date,
    today: date,
    recent: bool = False,
) -> _Planned:
    """Plan the grant(s) of one person and the hand-overs to record (up to ``today``)."""
    T = grants.TrancheInput

    def plan(code: str, tranches: list[grants.TrancheInput], details: dict[str, object]) -> Any:
        return grants.plan_grant(
            db,
            officer,
            grants.GrantInput(beneficiary_id, project_id, code, start, tuple(tranches), details),
            today=today,
        )

    first = start + timedelta(days=rng.randint(0, 2) if recent else rng.randint(3, 20))
    handovers: list[_Pending] = []

    def hand(day: date, *lines: grants.HandoverInput) -> None:
        if day <= today:
            handovers.append(_Pending(day, len(handovers), lines))

    if kind == "linen_weaving":
        # The loom and the first 10 kg of yarn in one hand-over (with the money for the
        # weaving course for half of the families: money and goods, both papers), the
        # second 10 kg of yarn four months later.
        course = rng.random() < 0.5
        loom_tranches = [T("Khung dệt lanh", quantity=1, unit_value=4_500_000)]
        if course:
            loom_tranches.append(T("Tiền ăn, đi lại khi học dệt", amount=600_000))
        loom = plan("linen_weaving", loom_tranches, {"loom": "Khung dệt gỗ truyền thống"})
        yarn = plan("linen_yarn", [T("Sợi lanh", quantity=10, unit_value=120_000)] * 2, {"kg": 20})
        lines = [_line(loom, 1, first, loom=True), _line(yarn, 1, first)]
        if course:
            lines.append(_line(loom, 2, first))
        hand(first, *lines)
        hand(first + timedelta(days=120), _line(yarn, 2, first + timedelta(days=120)))
        return _Planned(2, handovers)

    if kind == "monthly_allowance":
        # Paid on the same day of each month; each instalment says the month it is for.
        months = rng.choice([6, 9, 12])
        per_month = rng.choice([500_000, 700_000, 1_000_000])
        days = [add_months(first, m) for m in range(months)]
        g = plan(
            kind,
            [
                T(f"Trợ cấp tháng {d.month:02d}/{d.year}", amount=per_month, due_date=d)
                for d in days
            ],
            {"amount_per_month": per_month, "months": months},
        )
        for seq, d in enumerate(days, 1):
            hand(d, _line(g, seq, d))
        return _Planned(1, handovers)

    details: dict[str, object] = {}
    tranche_list: list[grants.TrancheInput]
    if kind == "cattle":
        heads = 1 if rng.random() < 0.8 else 2
        value = rng.choice([16_500_000, 18_000_000, 19_500_000])
        tranche_list = [T("Bò cái giống sinh sản", quantity=heads, unit_value=value)]
        details = {
            "breed": "Bò vàng vùng cao",
            "head_count": heads,
            "value_per_head": value,
            "ear_tag": f"MV-{beneficiary_id:03d}",
        }
    elif kind == "initial_hardship":
        tranche_list = [T("Trợ cấp khó khăn ban đầu", amount=rng.choice([3_000_000, 5_000_000]))]
    elif kind == "scholarship":
        year = start.year if start.month >= 9 else start.year - 1
        tranche_list = [
            T(f"Học bổng học kỳ {k}", amount=rng.choice([1_500_000, 2_000_000])) for k in (1, 2)
        ]
        details = {"school_year": f"{year}-{year + 1}", "school": "Trường PTDTBT THCS (mẫu)"}
    else:
        tranche_list = [T("Bộ đồ dùng học tập", quantity=1, unit_value=850_000)]
        details = {"school_year": f"{start.year}-{start.year + 1}"}
    g = plan(kind, tranche_list, details)
    for seq in range(1, len(g.tranches) + 1):
        day = first + timedelta(days=120 * (seq - 1))
        hand(day, _line(g, seq, day))
    return _Planned(1, handovers)


def _visit_history(
    db: Database, rng: random.Random, officers: list[Actor], today: date
) -> tuple[int, int]:
    """Most past visits done (with calves, a few losses), a few that met no one, some left
    overdue."""
    done = 0
    by_id = {o.user_id: o for o in officers}
    misses = random.Random(f"missed {today}")  # its own stream: the rest stays as it was
    for row in visits.list_visits(db, SYSTEM, "overdue", today=today, limit=100_000):
        late = (today - row.scheduled_on).days
        if (late < 75 and rng.random() < 0.5) or rng.random() < 0.03:
            continue  # left overdue: the list an officer should act on
        officer = by_id.get(row.officer_id, officers[0])
        if misses.random() < 0.05:
            tried_on = min(row.scheduled_on + timedelta(days=misses.randint(0, 7)), today)
            reason, note = misses.choice(
                [
                    ("not_home", "Cả nhà lên nương, hàng xóm hẹn tuần sau."),
                    ("working_away", "Mẹ nói đi làm thuê ở Hà Giang, tháng sau về."),
                    ("unreachable", "Mưa lớn, sạt đường vào thôn."),
                ]
            )
            again = tried_on + timedelta(days=7)
            visits.record_missed(
                db,
                officer,
                visits.MissedVisit(row.id, tried_on, reason, note, next_visit_on=again),
                today=today,
            )
            if again + timedelta(days=14) < today:  # the second try found the family home
                retry = next(
                    r
                    for r in visits.list_visits(
                        db, SYSTEM, "overdue", today=today, beneficiary_id=row.beneficiary_id
                    )
                    if r.months_after is None and r.scheduled_on == again
                )
                visits.record_visit(
                    db,
                    officer,
                    visits.VisitOutcome(retry.id, again + timedelta(days=misses.randint(0, 14)),
                                        livelihood_running=True, income_band="low",
                                        notes="Gặp được ở lần thăm lại."),
                    today=today,
                )  # fmt: skip
            continue
        updates: list[visits.AssetUpdate] = []
        for asset in visits.list_assets(db, SYSTEM, row.beneficiary_id):
            if not asset.is_open or asset.parent_id is not None or asset.kind != "cow":
                continue
            roll = rng.random()
            if row.months_after and row.months_after >= 12 and roll < 0.45:
                updates.append(visits.AssetUpdate(asset.id, "calved", 1, "Bê cái khỏe"))
            elif roll < 0.04:
                updates.append(visits.AssetUpdate(asset.id, "died", 0, "Ốm chết mùa rét"))
            elif roll < 0.1:
                updates.append(visits.AssetUpdate(asset.id, "sick", 0, "Đã báo thú y xã"))
        done_on = min(row.scheduled_on + timedelta(days=rng.randint(0, 10)), today)
        visits.record_visit(
            db,
            officer,
            visits.VisitOutcome(
                row.id,
                done_on,
                livelihood_running=rng.random() < 0.85,
                income_band=rng.choice(["none", "low", "low", "medium", "high"]),
                safety_concern=rng.random() < 0.05,
                notes=rng.choice(
                    [
                        "Gia đình ổn định.",
                        "Cần hỗ trợ thêm kỹ thuật chăn nuôi.",
                        "Đã tham gia sinh hoạt chi hội.",
                        "",
                    ]
                ),
                asset_updates=tuple(updates),
            ),
            today=today,
        )
        done += 1
    open_ = visits.count_visits(db, SYSTEM, "open", today=today, within_days=7)
    return done, open_


#: Fictional witnesses of the pass-ons: the village women's group leader.
_WITNESSES = ("Lù Thị Mai", "Giàng Thị Chá", "Vừ Thị Sua")


def _pass_ons(db: Database, officers: list[Actor], today: date) -> int:
    """Some calves a few months old passed on to another family (adults given looms or
    allowances), some duties left open; with its own random stream (the rest stays as it
    was). Returns how many were passed on."""
    rng = random.Random(f"pass on {today}")
    receivers = sorted(
        {
            g.beneficiary_id
            for g in grants.list_grants(db, SYSTEM, limit=100_000)
            if g.grant_type in ("linen_weaving", "initial_hardship", "monthly_allowance")
        }
    )
    rng.shuffle(receivers)
    givers = sorted(
        {g.beneficiary_id for g in grants.list_grants(db, SYSTEM, limit=100_000)
         if g.grant_type == "cattle"}
    )  # fmt: skip
    calves = [
        calf
        for giver in givers
        for calf in visits.list_assets(db, SYSTEM, giver)
        if calf.parent_id is not None
        and calf.is_open
        and calf.acquired_on + timedelta(days=90) < today
    ]
    passed = 0
    for i, calf in enumerate(calves):
        if i % 3 == 2 or not receivers:
            continue  # not yet: a duty still open (overdue once its months are past)
        latest = today - timedelta(days=rng.randint(1, 20))
        day = max(min(calf.acquired_on + timedelta(days=rng.randint(90, 150)), latest),
                  calf.acquired_on)  # fmt: skip
        pass_on.record_pass_on(
            db,
            officers[passed % len(officers)],
            pass_on.PassOnInput(
                calf.id,
                receivers.pop(),
                day,
                value=rng.choice((7_000_000, 7_500_000, 8_000_000)),
                description="Bê con (bò cái)",
                witness_name=rng.choice(_WITNESSES),
                witness_title="Chi hội trưởng Chi hội Phụ nữ thôn",
                note="Khỏe mạnh, đã cai sữa.",
            ),
            today=today,
        )
        passed += 1
    return passed


#: The files a SQLite demo database is made of (a half-built one is removed).
DEMO_FILE_SUFFIXES = ("", "-wal", "-shm", ".keys")


def build_demo_database(
    location: DatabaseLocation,
    *,
    today: date | None = None,
    people: int = DEMO_PEOPLE,
    progress: Callable[[int, int], None] | None = None,
) -> DemoSummary:
    """Create the demo database at ``location`` and fill it; a build that fails leaves no
    half-built file behind. ``progress(done, total)`` is called after each person."""
    ws = create_demo_workspace(location)
    try:
        summary = build_demo(ws, today=today, people=people, progress=progress)
    except BaseException:
        ws.close()
        if location.path is not None:
            for suffix in DEMO_FILE_SUFFIXES:
                location.path.with_name(location.path.name + suffix).unlink(missing_ok=True)
        raise
    ws.close()
    return summary


#: The papers the demo shows, by what was handed over (see :func:`sample_receipts`).
SAMPLE_PAPERS = ("cash", "allowance", "cow", "loom", "yarn", "school_supplies", "mixed")


def sample_receipts(db: Database, actor: Actor) -> dict[str, str]:
    """One receipt number of the demo for each case of :data:`SAMPLE_PAPERS` (the first of
    its kind): money, a month of allowance, a cow, a loom with yarn, yarn alone, school
    supplies, and a hand-over of money and goods."""
    from tracker.services import receipts

    wanted = {
        "cash": ("cash", "initial_hardship"),
        "cow": ("goods", "cattle"),
        "loom": ("goods", "linen_weaving"),
        "yarn": ("goods", "linen_yarn"),
        "school_supplies": ("goods", "school_supplies"),
        "mixed": ("mixed", "linen_weaving"),
    }
    found: dict[str, str] = {}
    rows = receipts.list_receipts(db, actor, oldest_first=True, limit=100_000)
    for row in rows:
        if row.voided:
            continue
        for case, (kind, grant_type) in wanted.items():
            if case not in found and (row.kind, row.grant_type) == (kind, grant_type):
                found[case] = row.number
        # An allowance paid in a later month than the grant's first: it says its month.
        if "allowance" not in found and row.grant_type == "monthly_allowance":
            if row.description != f"Trợ cấp tháng {row.handed_on.month:02d}/{row.handed_on.year}":
                continue
            if any(
                r.grant_type == "monthly_allowance"
                and r.beneficiary_id == row.beneficiary_id
                and r.handed_on < row.handed_on
                for r in rows
            ):
                found["allowance"] = row.number
    return found
